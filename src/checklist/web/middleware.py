"""What stands between the network and the application's routes.

- :class:`LocalOnly`: answer only requests addressed to an allowed host name (DNS
  rebinding), and refuse a POST that another site's page sends;
- :class:`SecurityHeaders`: headers on every answer (nothing sniffed, framed or cached);
- :func:`limited`: a request body refused once it passes the upload limit, while it arrives.

Their refusals are the application's JSON errors (:func:`json_error`).
"""

from __future__ import annotations

from collections.abc import Mapping

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from checklist.limits import MB
from checklist.messages import t

# The names a browser on this computer uses for a server listening on loopback.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")


def json_error(status: int, code: str, message: str) -> JSONResponse:
    """The error answer: ``{"error": {"status", "code", "message"}}``."""
    return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status)


def too_large(lang: str, limit_bytes: int) -> JSONResponse:
    """The 413 answer for an upload over ``limit_bytes``."""
    return json_error(413, "web.too_large", t("web.too_large", lang, limit=limit_bytes // MB))


class TooLarge(Exception):
    """The request body went past the upload limit while it arrived."""


def limited(receive: Receive, limit: int) -> Receive:
    """``receive`` that raises :class:`TooLarge` once the body passes ``limit`` bytes."""
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise TooLarge
        return message

    return wrapped


def host_of(header: str) -> str:
    """The host part of a ``Host`` header or an origin's netloc (``[::1]:8000`` → ``[::1]``)."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[: header.find("]") + 1] if "]" in header else header
    return header.split(":", 1)[0]


class LocalOnly:
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
        refusal = self._refusal(scope)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _refusal(self, scope: Scope) -> JSONResponse | None:
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", [])}
        lang = "en" if "lang=en" in scope.get("query_string", b"").decode("latin-1") else "zh"
        host = headers.get("host", "")
        if "*" not in self.allowed and host_of(host) not in self.allowed:
            return json_error(400, "web.bad_host", t("web.bad_host", lang, host=host[:80] or "—"))
        if scope.get("method") == "POST" and _foreign(headers, host):
            origin = headers.get("origin") or headers.get("sec-fetch-site", "")
            return json_error(403, "web.foreign_origin", t("web.foreign_origin", lang, origin=origin[:80]))
        return None


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


class SecurityHeaders:
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

    @classmethod
    def as_dict(cls) -> dict[str, str]:
        """The headers for an answer made outside the middleware (the last-resort 500)."""
        return {k.decode(): v.decode() for k, v in cls.HEADERS}
