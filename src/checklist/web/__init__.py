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
closed after the response) and never written under a name; the client's file name is
only a label and a hint for the reader, never a path; only shipped standards can be
chosen; the page and the report escape everything and run under a Content-Security-Policy
that admits only their own scripts; nothing is fetched from elsewhere.
"""

from __future__ import annotations

import functools
import json
import re
import time
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

import anyio
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from checklist import __version__
from checklist.errors import ChecklistError, InputError
from checklist.ingest.readers import SUFFIXES
from checklist.limits import MB, Limits, using
from checklist.messages import CATALOG, t
from checklist.render.templating import asset, env, script_hash, translator
from checklist.rules.bundled import shipped

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")
FORMATS = ("json", "html", "both")
FORM_OVERHEAD = 64 * 1024  # multipart boundaries, part headers and the small fields

# Reader errors that mean "this kind of file is not a report we can read" (415), "too big"
# (413) or "this computer cannot convert it" (503); every other input error is a 400.
UNSUPPORTED_KEYS = frozenset({
    "error.foreign", "error.format", "error.binary", "error.docx_is_excel", "error.docx_is_powerpoint",
    "error.docx_is_odt", "error.docx_macro", "error.no_converter",
})
TOO_LARGE_KEYS = frozenset({"error.too_large", "error.too_long", "error.zip_bomb", "error.html_too_deep"})
UNAVAILABLE_KEYS = frozenset({"error.soffice_start"})  # this computer's LibreOffice, not the file


@dataclass(frozen=True)
class WebSettings:
    """What the application accepts."""

    max_upload_bytes: int = 20 * MB  # one report file; real drafts are well under 5 MB
    allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS  # Host headers answered; ("*",) for any
    max_concurrent: int = 2  # audits running at once (the rest wait their turn)
    lang: str = "zh"  # the page's language when the address does not say (?lang=en)
    log: Callable[[str], None] | None = field(default=None, compare=False)  # one line per audit


class _TooLarge(Exception):
    """The request body went past the upload limit while it arrived."""


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status)


def _too_large(lang: str, limit_bytes: int) -> JSONResponse:
    return _error(413, "web.too_large", t("web.too_large", lang, limit=limit_bytes // MB))


def _status_of(exc: ChecklistError) -> int:
    key = getattr(exc, "message_key", None)
    if key in TOO_LARGE_KEYS:
        return 413
    if key in UNSUPPORTED_KEYS:
        return 415
    if key in UNAVAILABLE_KEYS:
        return 503
    return 400


def _input_error(exc: ChecklistError, lang: str) -> JSONResponse:
    message = exc.localized(lang) if isinstance(exc, InputError) else str(exc)
    return _error(_status_of(exc), getattr(exc, "message_key", None) or "error.input", message)


def safe_label(filename: str | None, lang: str) -> str:
    """The client's file name reduced to a label: no folders, no control characters, bounded."""
    name = re.split(r"[/\\]", filename or "")[-1]
    # control (C0, C1), format (bidi overrides) and surrogate characters: never echoed
    name = "".join(c for c in name if unicodedata.category(c) not in ("Cc", "Cf", "Cs")).strip().lstrip(".")
    return name[:200] or t("web.upload", lang)


def _limited(receive: Receive, limit: int) -> Receive:
    """``receive`` that raises :class:`_TooLarge` once the body passes ``limit`` bytes."""
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _TooLarge
        return message

    return wrapped


@dataclass
class _Ask:
    """One audit request, read and checked."""

    lang: str
    standard: str | None
    fmt: str
    label: str
    data: bytes | None = None
    text: str | None = None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")  # a lone surrogate (JSON "\\ud800") cannot be answered in UTF-8
    except UnicodeEncodeError:
        return False
    return True


class _BadRequest(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _choice(value: Any, allowed: tuple[str, ...], key: str, lang: str) -> str:
    text = str(value)
    if text not in allowed:
        shown = text[:80].encode("utf-8", "replace").decode("utf-8")  # a lone surrogate is not echoed
        raise _BadRequest(400, key, t(key, lang, value=shown, allowed="、".join(allowed)))
    return text


async def _read_ask(request: Request, settings: WebSettings, lang: str) -> _Ask:
    """The request's report and options, or :class:`_BadRequest`."""
    query = request.query_params
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    fields: Mapping[str, Any]
    form: FormData | None = None
    if ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        form = await request.form(max_files=1, max_fields=16, max_part_size=settings.max_upload_bytes)
        fields = form
    elif ctype == "application/json":
        try:
            body = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: [[[[… nested too deep
            raise _BadRequest(400, "web.bad_json", t("web.bad_json", lang)) from None
        if not isinstance(body, dict):
            raise _BadRequest(400, "web.bad_json", t("web.bad_json", lang))
        fields = body
    elif not ctype and not await request.body():
        fields = {}  # nothing sent at all: say what to send
    else:
        raise _BadRequest(415, "web.unsupported_media", t("web.unsupported_media", lang, type=ctype[:80] or "—"))
    try:
        return await _ask_from(fields, query, lang, settings)
    finally:
        if form is not None:
            await form.close()


async def _ask_from(fields: Mapping[str, Any], query: Mapping[str, str], lang: str,
                    settings: WebSettings) -> _Ask:
    def option(name: str, default: str) -> Any:
        value = fields.get(name)
        return value if value not in (None, "") else query.get(name, default)

    lang = _choice(option("lang", lang), ("zh", "en"), "web.bad_lang", lang)
    standard = _choice(option("standard", "auto"), ("auto", *shipped()), "web.bad_standard", lang)
    fmt = _choice(option("format", "json"), FORMATS, "web.bad_format", lang)
    upload = fields.get("file")
    text = fields.get("text")
    if isinstance(upload, UploadFile) and not upload.filename and not upload.size:
        upload = None  # a form sent with an empty file chooser
    if upload is not None and not isinstance(upload, UploadFile):
        raise _BadRequest(400, "web.bad_file", t("web.bad_file", lang))
    if text is not None and (not isinstance(text, str) or not _encodable(text)):
        raise _BadRequest(400, "web.bad_text", t("web.bad_text", lang))
    has_text = bool(text and text.strip())
    if upload is not None and has_text:
        raise _BadRequest(400, "web.both", t("web.both", lang))
    ask = _Ask(lang=lang, standard=None if standard == "auto" else standard, fmt=fmt, label="")
    if upload is not None:
        ask.label = safe_label(upload.filename, lang)
        suffix = PurePosixPath(ask.label).suffix.lower()
        if suffix and suffix not in SUFFIXES:
            raise _BadRequest(415, "web.unsupported_type",
                              t("web.unsupported_type", lang, name=ask.label, suffix=suffix))
        ask.data = await upload.read()
        if len(ask.data) > settings.max_upload_bytes:
            raise _BadRequest(413, "web.too_large", t("web.too_large", lang, limit=settings.max_upload_bytes // MB))
        return ask
    if text is None or not has_text:
        raise _BadRequest(400, "web.nothing", t("web.nothing", lang))
    ask.label = t("web.pasted", lang)
    ask.text = text
    return ask


def _audit(ask: _Ask, limits: Limits) -> dict[str, Any] | str:
    """Run the audit (in a worker thread) and shape the answer for ``ask.fmt``."""
    from checklist.api import audit
    from checklist.reading import parse, read
    from checklist.render import render_json

    with using(limits):
        doc = read(ask.data, name=ask.label) if ask.data is not None else parse(ask.text or "", source=ask.label)
        result = audit(doc, ask.standard, lang=ask.lang, keep_text=ask.fmt != "json")
    if ask.fmt == "json":
        return render_json([result], ask.lang)
    from checklist.render.html import render_report

    page = render_report(result, ask.lang)
    if ask.fmt == "html":
        return page
    bare = result.model_copy(update={"text": None, "removed": []})
    return {"result": bare.model_dump(mode="json"), "html": page}


def create_app(settings: WebSettings | None = None) -> Starlette:
    """The ASGI application (serve it with any ASGI server; ``checklist serve`` uses uvicorn)."""
    settings = settings or WebSettings()
    limits = Limits(max_input_bytes=settings.max_upload_bytes)
    limiter = anyio.CapacityLimiter(settings.max_concurrent)

    def lang_of(request: Request) -> str:
        lang = request.query_params.get("lang", settings.lang)
        return lang if lang in ("zh", "en") else settings.lang

    async def page(request: Request) -> Response:
        html, policy = _page(lang_of(request), settings.max_upload_bytes)
        return HTMLResponse(html, headers={"Content-Security-Policy": policy})

    async def standards(request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(_standards, lang_of(request)))

    async def audit_endpoint(request: Request) -> Response:
        lang = lang_of(request)
        length = request.headers.get("content-length", "")
        limit = settings.max_upload_bytes + FORM_OVERHEAD
        if length.isdigit() and int(length) > limit:
            return _too_large(lang, settings.max_upload_bytes)
        request = Request(request.scope, _limited(request.receive, limit))
        try:
            ask = await _read_ask(request, settings, lang)
        except _TooLarge:
            return _too_large(lang, settings.max_upload_bytes)
        except _BadRequest as exc:
            return _error(exc.status, exc.code, exc.message)
        except HTTPException as exc:  # multipart limits and malformed bodies, from Starlette
            return _error(400, "web.bad_form", t("web.bad_form", lang, detail=exc.detail))
        started = time.perf_counter()
        try:
            answer = await anyio.to_thread.run_sync(_audit, ask, limits, limiter=limiter)
        except ChecklistError as exc:
            _log(settings, f"{ask.label}: {exc.localized(ask.lang) if isinstance(exc, InputError) else exc}")
            return _input_error(exc, ask.lang)
        except Exception as exc:  # a bug: say so in one line, keep serving
            _log(settings, t("text.internal", "zh", path=ask.label, kind=type(exc).__name__, detail=exc))
            return _error(500, "error.internal", t("text.internal", ask.lang, path=ask.label,
                                                    kind=type(exc).__name__, detail=exc))
        _log(settings, f"{ask.label}: {(time.perf_counter() - started) * 1000:.0f} ms")
        if isinstance(answer, dict):
            return JSONResponse(answer)
        if ask.fmt == "html":
            return HTMLResponse(answer)
        return Response(answer, media_type="application/json")

    async def not_found(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 500)
        key = {404: "web.not_found", 405: "web.bad_method"}.get(status, "web.http")
        response = _error(status, key, t(key, lang_of(request), path=request.url.path, status=status))
        response.headers.update(getattr(exc, "headers", None) or {})  # Allow, on a 405
        return response

    async def bug(request: Request, exc: Exception) -> Response:
        # anything not caught where it happened: still one JSON line (the server logs it);
        # this answer leaves outside the security-headers middleware, so it carries them itself
        response = _error(500, "error.internal", t("web.internal", lang_of(request), path=request.url.path,
                                                    kind=type(exc).__name__, detail=exc))
        response.headers.update({k.decode(): v.decode() for k, v in _SecurityHeaders.HEADERS})
        return response

    routes = [
        Route("/", page, methods=["GET"]),
        Route("/api/standards", standards, methods=["GET"]),
        Route("/api/audit", audit_endpoint, methods=["POST"]),
    ]
    return Starlette(
        routes=routes,
        middleware=[Middleware(_SecurityHeaders), Middleware(_LocalOnly, allowed_hosts=settings.allowed_hosts)],
        exception_handlers={HTTPException: not_found, Exception: bug},
    )


def host_of(header: str) -> str:
    """The host part of a ``Host`` header or an origin's netloc (``[::1]:8000`` → ``[::1]``)."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[: header.find("]") + 1] if "]" in header else header
    return header.split(":", 1)[0]


class _LocalOnly:
    """Answer only requests addressed to an allowed host name (a page elsewhere cannot
    reach a loopback server through DNS rebinding), and refuse a POST that a page of
    another site sends (the browser says so in ``Sec-Fetch-Site`` or ``Origin``), on any
    host."""

    def __init__(self, app: ASGIApp, allowed_hosts: tuple[str, ...]) -> None:
        self.app = app
        self.allowed = {h.lower() for h in allowed_hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", [])}
        lang = "en" if "lang=en" in scope.get("query_string", b"").decode("latin-1") else "zh"
        host = headers.get("host", "")
        if "*" not in self.allowed and host_of(host) not in self.allowed:
            response = _error(400, "web.bad_host", t("web.bad_host", lang, host=host[:80] or "—"))
            await response(scope, receive, send)
            return
        if scope.get("method") == "POST" and _foreign(headers, host):
            origin = headers.get("origin") or headers.get("sec-fetch-site", "")
            response = _error(403, "web.foreign_origin", t("web.foreign_origin", lang, origin=origin[:80]))
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _foreign(headers: Mapping[str, str], host: str) -> bool:
    """Whether a browser says another site's page sent this request.

    ``Sec-Fetch-Site`` when the browser sends it; else ``Origin``, which must name this
    server (``null`` — a sandboxed frame, a data: page — is refused: this page's own form
    and fetch send their real origin, the referrer policy being ``same-origin``).
    """
    site = headers.get("sec-fetch-site")
    if site in ("cross-site", "same-site"):
        return True
    origin = headers.get("origin")
    if origin is None or site in ("same-origin", "none"):
        return False
    return origin.split("://", 1)[-1].rstrip("/").lower() != host.strip().lower()


def _log(settings: WebSettings, line: str) -> None:
    if settings.log is not None:
        settings.log(line)


class _SecurityHeaders:
    """Headers on every answer: drafts are private, nothing is sniffed, framed or cached."""

    HEADERS = (
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"same-origin"),  # nothing to other sites; our own form keeps its Origin
        (b"cache-control", b"no-store"),
        (b"x-frame-options", b"DENY"),
    )

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = dict(message)
                message["headers"] = [*message.get("headers", []), *self.HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _standards(lang: str) -> dict[str, Any]:
    from checklist.rules.standard import load_standard

    out = []
    for sid in shipped():
        std = load_standard(sid)
        out.append({
            "id": std.id, "version": std.version, "title": std.title.get(lang),
            "description": std.description.get(lang) if std.description else None,
            "extends": std.extends, "requirements": len(std.requirements),
        })
    return {"standards": out, "auto": t("web.auto_note", lang)}


@functools.cache
def _page(lang: str, max_upload_bytes: int) -> tuple[str, str]:
    """The page and its Content-Security-Policy (built once per language).

    Needs no standard loaded and no result model imported, so the first page is quick.
    """
    script = asset("serve.js")
    profiles = [(sid, _profile_label(sid, lang)) for sid in shipped()]
    html = env().get_template("serve.html.j2").render(
        t=translator(lang), html_lang="zh-CN" if lang == "zh" else "en", css=Markup(asset("serve.css")),
        js=Markup(script), profiles=profiles, max_mb=max_upload_bytes // MB, version=__version__,
        accept=",".join(SUFFIXES), lang=lang)
    # The report is shown in a sandboxed srcdoc frame, which inherits this policy: its own
    # script (by hash) must be admitted too. Its styles are inline, like the page's.
    policy = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
              f"script-src '{script_hash(script)}' '{script_hash(asset('report.js'))}'; connect-src 'self'; "
              "frame-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
    return html, policy


def _profile_label(sid: str, lang: str) -> str:
    key = f"web.profile.{sid}"
    return f"{t(key, lang)}（{sid}）" if key in CATALOG["zh"] else sid


def warm_up() -> None:
    """Import and build what the first audit needs (standards, readers, templates).

    Run in a background thread once the server listens, so the first author does not
    wait for it.
    """
    import importlib

    from checklist.api import audit
    from checklist.ingest.readers import READERS
    from checklist.reading import parse
    from checklist.render import render_json
    from checklist.render.html import render_report
    from checklist.rules.standard import load_standard

    for module, _ in READERS.values():
        if module != "legacy":
            importlib.import_module(f"checklist.ingest.readers.{module}")
    for sid in shipped():
        load_standard(sid)
    text = "关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n落实行政执法公示制度，办理复议案件12件。\n"
    result = audit(parse(text), keep_text=True)
    render_report(result)
    render_json([result])


def serve(host: str = "127.0.0.1", port: int = 8000, settings: WebSettings | None = None,
          ready: Callable[[str], None] | None = None) -> None:
    """Run the application with uvicorn until interrupted (Ctrl+C or SIGTERM).

    The socket is bound before anything else, so ``port=0`` takes a free port; ``ready``
    is called with the page's address once the server listens.
    """
    import asyncio
    import contextlib
    import signal
    import socket
    import threading

    import uvicorn

    # On Ctrl+C or SIGTERM, answers under way may finish: a LibreOffice conversion takes up
    # to its own time limit, and the private temporary folder must outlive it.
    from checklist.ingest.readers.legacy import CONVERT_TIMEOUT

    class Server(uvicorn.Server):
        # uvicorn re-raises SIGTERM after its graceful shutdown, which would end the
        # process before the caller's clean-up; stop on our own handlers instead.
        @contextlib.contextmanager
        def capture_signals(self) -> Any:
            yield

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    bound = sock.getsockname()[1]
    config = uvicorn.Config(create_app(settings), log_level="warning", access_log=False, server_header=False,
                            lifespan="off", timeout_graceful_shutdown=int(CONVERT_TIMEOUT) + 5)
    server = Server(config)
    shown = f"[{host.strip('[]')}]" if ":" in host else host
    url = f"http://{shown}:{bound}/"

    def stop() -> None:
        if server.should_exit:  # a second Ctrl+C: do not wait for open connections
            server.force_exit = True
        server.should_exit = True

    async def run() -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(sig, stop)
            except NotImplementedError:  # Windows' event loop: a plain handler does as well here
                signal.signal(sig, lambda *_: stop())
        task = asyncio.ensure_future(server.serve(sockets=[sock]))
        while not server.started and not task.done():
            await asyncio.sleep(0.005)
        if server.started:
            warming.start()
            if ready is not None:
                ready(url)
        await task

    # The warm-up is joined before returning: a thread still importing while the
    # interpreter shuts down can crash it (seen once when stopped right after start).
    warming = threading.Thread(target=warm_up, name="checklist-warm-up", daemon=True)
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        asyncio.run(run())
    finally:
        if warming.is_alive():
            warming.join(timeout=30)
        sock.close()
        for sig, handler in saved.items():  # the caller's handlers, as they were
            if handler is not None:  # None: installed outside Python, nothing we can put back
                signal.signal(sig, handler)

def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this computer only."""
    import ipaddress
    import socket

    name = host.strip("[]").lower()
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        pass
    try:  # localhost, ip6-localhost, 127.1 …: what the name stands for
        found = socket.getaddrinfo(name, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return False
    return bool(found) and all(ipaddress.ip_address(str(a[4][0]).split("%")[0]).is_loopback for a in found)

