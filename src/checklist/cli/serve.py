"""``checklist serve``: the self-check page for report authors, a local web application."""

from __future__ import annotations

import sys

import click

from checklist.cli._common import LANG, fail, msg

# what `pip install 'checklist[web]'` adds; checked before importing checklist.web
WEB_MODULES = ("starlette", "uvicorn", "python_multipart")


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. The default lets only this computer connect; 0.0.0.0 opens the page to the network.",
)
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on (0: any free port, printed at start).",
)
@click.option(
    "--max-upload-mb",
    default=20,
    show_default=True,
    type=click.IntRange(1, 1024),
    help="Largest report file accepted, in MB (larger uploads get HTTP 413).",
)
@click.option(
    "--lang",
    type=LANG,
    default="zh",
    show_default=True,
    help="Language of the page (also ?lang=en in the address) and of these messages.",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser.")
def serve(host: str, port: int, max_upload_mb: int, lang: str, open_browser: bool) -> None:
    """Run the self-check page for report authors: drop in a draft, see what is missing.

    \b
    A local web application (needs the web extra: pip install 'checklist[web]'):
      GET  /                the page
      POST /api/audit       a report as multipart `file` or `text` -> the JSON of `audit --format json`
      GET  /api/standards   the shipped standards
    Uploads are processed in memory (or a private temporary folder removed at exit) and never
    stored. Stops on Ctrl+C.
    """
    import importlib.util

    for module in WEB_MODULES:
        if importlib.util.find_spec(module) is None:
            fail(msg("serve.needs_extra", lang, module=module))

    from checklist.limits import MB
    from checklist.web import LOOPBACK_HOSTS, WebSettings, is_loopback
    from checklist.web import serve as run

    local = is_loopback(host)
    bound = f"[{host.strip('[]')}]" if ":" in host else host.lower()  # as a Host header names it
    settings = WebSettings(
        max_upload_bytes=max_upload_mb * MB,
        lang=lang,
        allowed_hosts=(*LOOPBACK_HOSTS, bound) if local else ("*",),
        log=lambda line: click.echo(f"checklist: {line}", err=True),
    )

    def ready(url: str) -> None:
        click.echo(msg("serve.listening", lang, url=url))
        click.echo(msg("serve.local_only" if local else "serve.public", lang, host=host))
        sys.stdout.flush()
        if open_browser:
            import webbrowser

            # a browser cannot open the "any address" a server listens on
            webbrowser.open(url.replace("//0.0.0.0:", "//127.0.0.1:").replace("//[::]:", "//[::1]:"))

    try:  # the server makes and removes its own private temporary folder
        run(host, port, settings, ready=ready)
    except OSError as exc:
        fail(msg("serve.port_busy", lang, host=host, port=port, reason=exc.strerror or exc))
    click.echo(msg("serve.stopped", lang))
