"""Running the application: uvicorn on a socket bound first, stopped by Ctrl+C or SIGTERM,
with the first audit's imports warmed up in the background and a private temporary
folder for the server's lifetime.

uvicorn is imported only when a server starts: building the application (tests, another
ASGI server) does not need it.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import signal
import socket
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from checklist.rules.bundled import shipped
from checklist.web.app import WebSettings, create_app
from checklist.web.tempdir import private_tempdir

if TYPE_CHECKING:
    import uvicorn

_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this computer only."""
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


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    settings: WebSettings | None = None,
    ready: Callable[[str], None] | None = None,
) -> None:
    """Run the application with uvicorn until interrupted (Ctrl+C or SIGTERM).

    The socket is bound before anything else, so ``port=0`` takes a free port; ``ready``
    is called with the page's address once the server listens. Uploads spilled to disk
    and LibreOffice's conversions go to a temporary folder of the server's own (mode
    0700), removed when it stops. The caller's signal handlers are put back on return.
    """
    sock = _bind(host, port)
    # The warm-up is joined before returning: a thread still importing while the
    # interpreter shuts down can crash it (seen once when stopped right after start).
    warming = threading.Thread(target=warm_up, name="checklist-warm-up", daemon=True)
    with private_tempdir(), _caller_signals_kept():
        try:
            asyncio.run(_run(_server(settings), sock, _address(host, sock), warming, ready))
        finally:
            if warming.is_alive():
                warming.join(timeout=30)
            sock.close()


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    return sock


def _address(host: str, sock: socket.socket) -> str:
    shown = f"[{host.strip('[]')}]" if ":" in host else host
    return f"http://{shown}:{sock.getsockname()[1]}/"


def _server(settings: WebSettings | None) -> uvicorn.Server:
    import uvicorn

    # On Ctrl+C or SIGTERM, answers under way may finish: a LibreOffice conversion takes up
    # to its own time limit, and the private temporary folder must outlive it.
    from checklist.ingest.readers.legacy import CONVERT_TIMEOUT

    class Server(uvicorn.Server):
        # uvicorn re-raises SIGTERM after its graceful shutdown, which would end the
        # process before the caller's clean-up; stop on our own handlers instead.
        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:
            yield

    config = uvicorn.Config(
        create_app(settings),
        log_level="warning",
        access_log=False,
        server_header=False,
        lifespan="off",
        timeout_graceful_shutdown=int(CONVERT_TIMEOUT) + 5,
    )
    return Server(config)


async def _run(
    server: uvicorn.Server,
    sock: socket.socket,
    url: str,
    warming: threading.Thread,
    ready: Callable[[str], None] | None,
) -> None:
    def stop() -> None:
        if server.should_exit:  # a second Ctrl+C: do not wait for open connections
            server.force_exit = True
        server.should_exit = True

    loop = asyncio.get_running_loop()
    for sig in _STOP_SIGNALS:
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


@contextlib.contextmanager
def _caller_signals_kept() -> Iterator[None]:
    """Put the caller's SIGINT and SIGTERM handlers back, as they were, on the way out."""
    saved = {sig: signal.getsignal(sig) for sig in _STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            if handler is not None:  # None: installed outside Python, nothing we can put back
                signal.signal(sig, handler)
