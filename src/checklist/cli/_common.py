"""What every command shares: exit codes, option types, the one-line error, writing output.

Everything heavy is imported inside the functions, so that ``checklist --help`` and a
command's ``--help`` do not pay for pydantic, the readers and the engine.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, overload

import click

from checklist.errors import ChecklistError

if TYPE_CHECKING:
    from checklist.rules.result import AuditResult
    from checklist.rules.standard import Standard
    from checklist.rules.waivers import WaiverEntry

EXIT_OK, EXIT_FAIL, EXIT_ERROR = 0, 1, 2
LANG = click.Choice(["zh", "en"])
INPUT_FORMAT = click.Choice(["txt", "html", "docx", "pdf", "doc"])
SEVERITY_FLOOR = click.Choice(["critical", "major", "minor", "never"])


def msg(key: str, lang: str, **args: Any) -> str:
    """A catalogue message (the catalogue is imported on first use, not at start-up)."""
    from checklist.messages import t

    return t(key, lang, **args)


def fail(message: str) -> NoReturn:
    """One line on stderr and exit 2 (``message`` is already in the user's language)."""
    click.echo(f"checklist: {message}", err=True)
    sys.exit(EXIT_ERROR)


def print_error(exc: ChecklistError, lang: str = "zh") -> None:
    """One line on stderr: the file and the problem, in ``lang`` where the catalogue has it."""
    click.echo(f"checklist: {msg('text.error', lang)}{exc.localized(lang)}", err=True)


def print_internal(path: str, exc: Exception, lang: str = "zh") -> None:
    """A bug met on one file: say so in one line (the traceback helps nobody reading it)."""
    click.echo(f"checklist: {msg('text.internal', lang, path=path, kind=type(exc).__name__, detail=exc)}", err=True)


@overload
def load_standard_or_exit(ref: str, lang: str = ...) -> Standard: ...
@overload
def load_standard_or_exit(ref: None, lang: str = ...) -> None: ...
@overload
def load_standard_or_exit(ref: str | None, lang: str = ...) -> Standard | None: ...


def load_standard_or_exit(ref: str | None, lang: str = "zh") -> Standard | None:
    """The standard ``ref`` names (``None``: chosen per report later); exit 2 if it is broken."""
    if ref is None:
        return None
    from checklist.rules.standard import load_standard

    try:
        return load_standard(ref)
    except ChecklistError as exc:
        print_error(exc, lang)
        sys.exit(EXIT_ERROR)


def load_waivers_or_exit(path: str | None, lang: str = "zh") -> list[WaiverEntry]:
    """The waivers in the YAML file ``path`` (none without one); exit 2 if it is broken."""
    if not path:
        return []
    from checklist.rules.waivers import load_waivers

    try:
        return load_waivers(path)
    except ChecklistError as exc:
        print_error(exc, lang)
        sys.exit(EXIT_ERROR)


def write_output(text: str, output: str | None, lang: str = "zh") -> None:
    """``text`` to standard output (no ``output`` or ``-``) or, whole or not at all, to a file."""
    if output in (None, "-"):
        click.echo(text, nl=False)
        return
    from checklist.fileio import write_atomic

    try:
        write_atomic(str(output), text)
    except OSError as exc:
        fail(msg("cli.cannot_write", lang, path=output, reason=exc.strerror or exc))


def write_html(results: Sequence[AuditResult], output: str | None, lang: str | None) -> None:
    """One page to ``output`` (or stdout); several: an overview and a page per report.

    ``lang`` is the pages' language (``None``: each result's own); messages are in it too,
    Chinese when it is ``None``.
    """
    from checklist.render.html import INDEX_NAME, html_files, page_names, render_report

    say = lang or "zh"
    target = Path(output) if output not in (None, "-") else None
    is_dir = target is not None and (target.is_dir() or str(output).endswith(("/", "\\")))
    if len(results) == 1 and not is_dir:
        write_output(render_report(results[0], lang), output, say)
        return
    if target is None:
        fail(msg("cli.html_needs_output", say))
    folder, index = (target, INDEX_NAME) if is_dir else (target.parent, target.name)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail(msg("cli.cannot_mkdir", say, path=folder, reason=exc.strerror or exc))
    if len(results) == 1:
        write_output(render_report(results[0], lang), str(folder / page_names(results)[0]), say)
        return
    for name, page in html_files(results, lang, index_name=index).items():
        write_output(page, str(folder / name), say)
