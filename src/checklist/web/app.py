"""The application: its settings, its three routes and how each answer is made.

``GET /`` the page, ``GET /api/standards`` the shipped standards, ``POST /api/audit`` an
audit (the request read by :mod:`checklist.web.form`, the audit run in a worker thread,
at most ``max_concurrent`` at once). Errors are JSON with the command line's messages.
"""

from __future__ import annotations

import base64
import functools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import quote

import anyio
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from checklist import __version__
from checklist.errors import ChecklistError
from checklist.ingest.readers import SUFFIXES
from checklist.limits import MB, Limits, using
from checklist.messages import CATALOG, t
from checklist.render.templating import asset, env, script_hash, translator
from checklist.rules.bundled import shipped
from checklist.web.form import Ask, BadRequest, read_ask
from checklist.web.middleware import (
    LOOPBACK_HOSTS,
    LocalOnly,
    SecurityHeaders,
    TooLarge,
    json_error,
    limited,
    too_large,
)

if TYPE_CHECKING:
    from checklist.document import Document
    from checklist.rules.result import AuditResult
    from checklist.rules.standard import Standard

FORM_OVERHEAD = 64 * 1024  # multipart boundaries, part headers and the small fields

# Reader errors that mean "this kind of file is not a report we can read" (415), "too big"
# (413) or "this computer cannot convert it" (503); every other input error is a 400.
UNSUPPORTED_KEYS = frozenset(
    {
        "error.foreign",
        "error.format",
        "error.binary",
        "error.docx_is_excel",
        "error.docx_is_powerpoint",
        "error.docx_is_odt",
        "error.docx_macro",
        "error.no_converter",
    }
)
TOO_LARGE_KEYS = frozenset(
    {"error.too_large", "error.too_large_stream", "error.too_long", "error.zip_bomb", "error.html_too_deep"}
)
UNAVAILABLE_KEYS = frozenset({"error.soffice_start"})  # this computer's LibreOffice, not the file

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# The JSON of an answer in ``format=both`` or ``all``, or of ``/api/standards``.
Json = dict[str, object]


@dataclass(frozen=True)
class WebSettings:
    """What the application accepts."""

    max_upload_bytes: int = 20 * MB  # one report file; real drafts are well under 5 MB
    allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS  # Host headers answered; ("*",) for any
    max_concurrent: int = 2  # audits running at once (the rest wait their turn)
    lang: str = "zh"  # the page's language when the address does not say (?lang=en)
    log: Callable[[str], None] | None = field(default=None, compare=False)  # one line per audit


def create_app(settings: WebSettings | None = None) -> Starlette:
    """The ASGI application (serve it with any ASGI server; ``checklist serve`` uses uvicorn)."""
    handlers = _Handlers(settings or WebSettings())
    routes = [
        Route("/", handlers.page, methods=["GET"]),
        Route("/api/standards", handlers.standards, methods=["GET"]),
        Route("/api/audit", handlers.audit, methods=["POST"]),
    ]
    return Starlette(
        routes=routes,
        middleware=[Middleware(SecurityHeaders), Middleware(LocalOnly, allowed_hosts=handlers.settings.allowed_hosts)],
        exception_handlers={HTTPException: handlers.http_error, Exception: handlers.bug},
    )


class _Handlers:
    """The routes' and error handlers' code, sharing the settings and the audit limiter."""

    def __init__(self, settings: WebSettings) -> None:
        self.settings = settings
        self.limits = Limits(max_input_bytes=settings.max_upload_bytes)
        self.limiter = anyio.CapacityLimiter(settings.max_concurrent)

    def lang_of(self, request: Request) -> str:
        """The answer's language: ``?lang=`` when valid, else the server's."""
        lang = request.query_params.get("lang", self.settings.lang)
        return lang if lang in ("zh", "en") else self.settings.lang

    def log(self, line: str) -> None:
        if self.settings.log is not None:
            self.settings.log(line)

    async def page(self, request: Request) -> Response:
        html, policy = _page(self.lang_of(request), self.settings.max_upload_bytes)
        return HTMLResponse(html, headers={"Content-Security-Policy": policy})

    async def standards(self, request: Request) -> Response:
        return JSONResponse(await run_in_threadpool(_standards, self.lang_of(request)))

    async def audit(self, request: Request) -> Response:
        ask = await self._read(request)
        if isinstance(ask, Response):
            return ask
        started = time.perf_counter()
        try:
            answer = await anyio.to_thread.run_sync(_audit, ask, self.limits, limiter=self.limiter)
        except ChecklistError as exc:
            self.log(f"{ask.label}: {exc.localized(ask.lang)}")
            return _input_error(exc, ask.lang)
        except Exception as exc:  # a bug: say so in one line, keep serving
            self.log(t("text.internal", "zh", path=ask.label, kind=type(exc).__name__, detail=exc))
            return json_error(
                500, "error.internal", t("text.internal", ask.lang, path=ask.label, kind=type(exc).__name__, detail=exc)
            )
        self.log(f"{ask.label}: {(time.perf_counter() - started) * 1000:.0f} ms")
        if isinstance(answer, dict):
            return JSONResponse(answer)
        if isinstance(answer, bytes):
            return Response(
                answer, media_type=DOCX_TYPE, headers={"Content-Disposition": attachment(annotated_name(ask.label))}
            )
        if ask.fmt == "html":
            return HTMLResponse(answer)
        return Response(answer, media_type="application/json")

    async def _read(self, request: Request) -> Ask | Response:
        """The audit request, or the error answer (too large, malformed, not allowed)."""
        lang = self.lang_of(request)
        length = request.headers.get("content-length", "")
        limit = self.settings.max_upload_bytes + FORM_OVERHEAD
        if length.isdigit() and int(length) > limit:
            return too_large(lang, self.settings.max_upload_bytes)
        request = Request(request.scope, limited(request.receive, limit))
        try:
            return await read_ask(request, self.settings.max_upload_bytes, lang)
        except TooLarge:
            return too_large(lang, self.settings.max_upload_bytes)
        except BadRequest as exc:
            return json_error(exc.status, exc.code, exc.message)
        except HTTPException as exc:  # multipart limits and malformed bodies, from Starlette
            return json_error(400, "web.bad_form", t("web.bad_form", lang, detail=exc.detail))

    async def http_error(self, request: Request, exc: Exception) -> Response:
        """404, 405 and the like, as JSON errors."""
        status = getattr(exc, "status_code", 500)
        key = {404: "web.not_found", 405: "web.bad_method"}.get(status, "web.http")
        response = json_error(status, key, t(key, self.lang_of(request), path=request.url.path, status=status))
        response.headers.update(getattr(exc, "headers", None) or {})  # Allow, on a 405
        return response

    async def bug(self, request: Request, exc: Exception) -> Response:
        """Anything not caught where it happened: still one JSON line (the server logs it)."""
        response = json_error(
            500,
            "error.internal",
            t("web.internal", self.lang_of(request), path=request.url.path, kind=type(exc).__name__, detail=exc),
        )
        # this answer leaves outside the security-headers middleware, so it carries them itself
        response.headers.update(SecurityHeaders.as_dict())
        return response


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
    message = exc.localized(lang)
    return json_error(_status_of(exc), getattr(exc, "message_key", None) or "error.input", message)


def _audit(ask: Ask, limits: Limits) -> Json | str | bytes:
    """Run the audit (in a worker thread) and shape the answer for ``ask.fmt``."""
    from checklist.api import audit
    from checklist.reading import parse, read
    from checklist.render import render_json

    with using(limits):
        doc = read(ask.data, name=ask.label) if ask.data is not None else parse(ask.text or "", source=ask.label)
        result = audit(doc, ask.standard, lang=ask.lang, keep_text=ask.fmt != "json")
        docx = _annotated(ask, doc, result) if ask.fmt in ("docx", "all") else b""
    if ask.fmt == "json":
        return render_json([result], ask.lang)
    if ask.fmt == "docx":
        return docx
    from checklist.render.html import render_report

    page = render_report(result, ask.lang)
    if ask.fmt == "html":
        return page
    bare = result.model_copy(update={"text": None, "removed": []})
    answer: Json = {"result": bare.model_dump(mode="json"), "html": page}
    if ask.fmt == "all":
        answer["docx"] = base64.b64encode(docx).decode("ascii")
        answer["docx_name"] = annotated_name(ask.label)
    return answer


def _annotated(ask: Ask, doc: Document, result: AuditResult) -> bytes:
    """The upload (a .docx, or the .docx LibreOffice made of a .doc) or the report's text
    (a new .docx) with the review as comments."""
    from checklist.annotating import annotate_result
    from checklist.ingest.readers import sniff

    kind = sniff(ask.data, ask.label) if ask.data is not None else None
    if kind == "doc" and ask.data is not None:
        from checklist.api import audit
        from checklist.ingest.readers.legacy import to_docx
        from checklist.reading import read

        converted = to_docx(ask.data, ask.label)  # (the conversion reading made, kept)
        if converted is not None:  # the comments go into that file: its own reading and audit
            doc = read(converted, format="docx", name=ask.label)
            result = audit(doc, ask.standard, lang=ask.lang, keep_text=True)
            return annotate_result(result, converted, lang=ask.lang, document=doc)
    original = ask.data if kind == "docx" else None
    return annotate_result(result, original, lang=ask.lang, document=doc)


def annotated_name(label: str) -> str:
    """The annotated .docx's file name: ``DRAFT-审查.docx`` for ``DRAFT.docx``."""
    from checklist.annotating import default_output

    return default_output(PurePosixPath(label).name or "report").name


def attachment(name: str) -> str:
    """A Content-Disposition for ``name``: an ASCII fallback and the UTF-8 name (RFC 6266)."""
    fallback = "".join(ch if (ch.isascii() and ch.isalnum()) or ch in "-_." else "_" for ch in name)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def _standards(lang: str) -> Json:
    from checklist.rules.standard import load_standard

    out = [_describe(load_standard(sid), lang) for sid in shipped()]
    return {"standards": out, "auto": t("web.auto_note", lang)}


def _describe(std: Standard, lang: str) -> Json:
    return {
        "id": std.id,
        "version": std.version,
        "title": std.title.get(lang),
        "description": std.description.get(lang) if std.description else None,
        "extends": std.extends,
        "requirements": len(std.requirements),
    }


@functools.cache
def _page(lang: str, max_upload_bytes: int) -> tuple[str, str]:
    """The page and its Content-Security-Policy (built once per language).

    Needs no standard loaded and no result model imported, so the first page is quick.
    """
    script = asset("serve.js")
    profiles = [(sid, _profile_label(sid, lang)) for sid in shipped()]
    html = (
        env()
        .get_template("serve.html.j2")
        .render(
            t=translator(lang),
            html_lang="zh-CN" if lang == "zh" else "en",
            css=Markup(asset("serve.css")),
            js=Markup(script),
            profiles=profiles,
            max_mb=max_upload_bytes // MB,
            version=__version__,
            accept=",".join(SUFFIXES),
            lang=lang,
        )
    )
    # The report is shown in a sandboxed srcdoc frame, which inherits this policy: its own
    # script (by hash) must be admitted too. Its styles are inline, like the page's.
    policy = (
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
        f"script-src '{script_hash(script)}' '{script_hash(asset('report.js'))}'; connect-src 'self'; "
        "frame-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
    return html, policy


def _profile_label(sid: str, lang: str) -> str:
    key = f"web.profile.{sid}"
    return f"{t(key, lang)}（{sid}）" if key in CATALOG["zh"] else sid
