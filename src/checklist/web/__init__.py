"""The self-check page: a small local web application over :func:`checklist.audit`.

``checklist serve`` runs it (install the ``web`` extra: Starlette, uvicorn and
python-multipart). One page, in Chinese by default, where an author drops a draft or
pastes its text and sees the HTML audit report; behind it a JSON API:

``POST /api/audit``
    The report as a multipart ``file`` (``.docx``, ``.pdf``, ``.txt``, ``.html``, ``.doc``)
    or as ``text`` (multipart, url-encoded or a JSON object); optional ``standard``
    (``auto`` or a shipped id), ``lang`` (``zh``/``en``) and ``format`` (``json``: the
    JSON contract of ``checklist audit --format json``; ``html``: the report page;
    ``both``: ``{"result": …, "html": …}``), as fields or query parameters.
``GET /api/standards``
    The shipped standards.

Errors are JSON, ``{"error": {"status", "code", "message"}}``, with the command line's
messages: 400 bad input, 413 too large, 415 unsupported type, 404/405 unknown route.

Safety: the command binds to 127.0.0.1 unless told otherwise and then accepts only
requests addressed to a loopback name (a web page cannot reach it through DNS
rebinding); a request body over the upload limit is refused while it arrives; an upload
is read into memory (multipart spills parts over 1 MB to an anonymous temporary file,
in a private folder when :func:`serve` runs the application, closed after the response)
and never written under a name; the client's file name is only a label and a hint for
the reader, never a path; only shipped standards can be chosen; the page and the report
escape everything and run under a Content-Security-Policy that admits only their own
scripts; nothing is fetched from elsewhere.

The modules:

- :mod:`~checklist.web.app`: ``create_app``, ``WebSettings``, the routes and their answers;
- :mod:`~checklist.web.form`: an audit request read and checked;
- :mod:`~checklist.web.middleware`: the Host/Origin guard, security headers, upload limit;
- :mod:`~checklist.web.server`: ``serve`` (uvicorn, signals, warm-up, private temporary
  folder), ``is_loopback``;
- :mod:`~checklist.web.tempdir`: that private temporary folder.
"""

from __future__ import annotations

from checklist.web.app import WebSettings, create_app
from checklist.web.form import safe_label
from checklist.web.middleware import LOOPBACK_HOSTS
from checklist.web.server import is_loopback, serve

__all__ = ["LOOPBACK_HOSTS", "WebSettings", "create_app", "is_loopback", "safe_label", "serve"]
