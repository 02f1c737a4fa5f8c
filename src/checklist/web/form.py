"""An audit request read and checked: the report (an uploaded file or pasted text) and
the options (``lang``, ``standard``, ``format``), from a multipart or url-encoded form,
a JSON object or the query string.

Anything wrong is a :class:`BadRequest` carrying its JSON error; the client's file name
is only ever a label (:func:`safe_label`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request

from checklist.ingest.readers import SUFFIXES
from checklist.limits import MB
from checklist.messages import t
from checklist.rules.bundled import shipped

# both: the result and the HTML report; all: those and the annotated .docx (the page's
# three downloads from one request); docx: the annotated .docx alone
FORMATS = ("json", "html", "both", "all", "docx")

# A form or JSON field: text, an upload, or (JSON) any value, checked before use.
Field = object


@dataclass
class Ask:
    """One audit request, read and checked."""

    lang: str
    standard: str | None
    fmt: str
    label: str
    data: bytes | None = None
    text: str | None = None


class BadRequest(Exception):
    """A request refused, with the status, code and message of its JSON error."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _refuse(status: int, key: str, lang: str, **args: object) -> BadRequest:
    return BadRequest(status, key, t(key, lang, **args))


def safe_label(filename: str | None, lang: str) -> str:
    """The client's file name reduced to a label: no folders, no control characters, bounded."""
    name = re.split(r"[/\\]", filename or "")[-1]
    # control (C0, C1), format (bidi overrides) and surrogate characters: never echoed
    name = "".join(c for c in name if unicodedata.category(c) not in ("Cc", "Cf", "Cs")).strip().lstrip(".")
    return name[:200] or t("web.upload", lang)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")  # a lone surrogate (JSON "\\ud800") cannot be answered in UTF-8
    except UnicodeEncodeError:
        return False
    return True


def _choice(value: Field, allowed: tuple[str, ...], key: str, lang: str) -> str:
    text = str(value)
    if text not in allowed:
        shown = text[:80].encode("utf-8", "replace").decode("utf-8")  # a lone surrogate is not echoed
        raise _refuse(400, key, lang, value=shown, allowed="、".join(allowed))
    return text


async def read_ask(request: Request, max_upload_bytes: int, lang: str) -> Ask:
    """The request's report and options, or :class:`BadRequest`."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    fields: Mapping[str, Field]
    form: FormData | None = None
    if ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        form = await request.form(max_files=1, max_fields=16, max_part_size=max_upload_bytes)
        fields = form
    elif ctype == "application/json":
        fields = _json_fields(await request.body(), lang)
    elif not ctype and not await request.body():
        fields = {}  # nothing sent at all: say what to send
    else:
        raise _refuse(415, "web.unsupported_media", lang, type=ctype[:80] or "—")
    try:
        return await _ask_from(fields, request.query_params, lang, max_upload_bytes)
    finally:
        if form is not None:
            await form.close()


def _json_fields(body: bytes, lang: str) -> dict[str, Field]:
    try:
        fields = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: [[[[… nested too deep
        raise _refuse(400, "web.bad_json", lang) from None
    if not isinstance(fields, dict):
        raise _refuse(400, "web.bad_json", lang)
    return fields


async def _ask_from(fields: Mapping[str, Field], query: Mapping[str, str], lang: str, max_upload_bytes: int) -> Ask:
    def option(name: str, default: str) -> Field:
        value = fields.get(name)
        return value if value not in (None, "") else query.get(name, default)

    lang = _choice(option("lang", lang), ("zh", "en"), "web.bad_lang", lang)
    standard = _choice(option("standard", "auto"), ("auto", *shipped()), "web.bad_standard", lang)
    fmt = _choice(option("format", "json"), FORMATS, "web.bad_format", lang)
    ask = Ask(lang=lang, standard=None if standard == "auto" else standard, fmt=fmt, label="")
    upload, text = _report_fields(fields, lang)
    if upload is not None:
        ask.label = safe_label(upload.filename, lang)
        suffix = PurePosixPath(ask.label).suffix.lower()
        if suffix and suffix not in SUFFIXES:
            raise _refuse(415, "web.unsupported_type", lang, name=ask.label, suffix=suffix)
        ask.data = await upload.read()
        if len(ask.data) > max_upload_bytes:
            raise _refuse(413, "web.too_large", lang, limit=max_upload_bytes // MB)
        return ask
    if text is None:
        raise _refuse(400, "web.nothing", lang)
    ask.label = t("web.pasted", lang)
    ask.text = text
    return ask


def _report_fields(fields: Mapping[str, Field], lang: str) -> tuple[UploadFile | None, str | None]:
    """The uploaded file or the pasted text (blank text: none), never both."""
    upload = fields.get("file")
    text = fields.get("text")
    if isinstance(upload, UploadFile) and not upload.filename and not upload.size:
        upload = None  # a form sent with an empty file chooser
    if upload is not None and not isinstance(upload, UploadFile):
        raise _refuse(400, "web.bad_file", lang)
    if text is not None and not (isinstance(text, str) and _encodable(text)):
        raise _refuse(400, "web.bad_text", lang)
    pasted = text if isinstance(text, str) and text.strip() else None
    if upload is not None and pasted is not None:
        raise _refuse(400, "web.both", lang)
    return upload, pasted
