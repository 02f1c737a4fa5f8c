"""``checklist audit PATH...``: audit reports against a standard, in any output format."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from checklist.cli._common import (
    EXIT_ERROR,
    EXIT_OK,
    INPUT_FORMAT,
    LANG,
    load_standard_or_exit,
    load_waivers_or_exit,
    print_error,
    print_internal,
    write_html,
    write_output,
)
from checklist.errors import ChecklistError
from checklist.fileio import expand_paths

if TYPE_CHECKING:
    from checklist.rules.result import AuditResult


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--standard",
    "-s",
    help="Standard id (national, township, department) or YAML file. Default: chosen from the issuer's level.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "jsonl", "markdown", "table", "html"]),
    default="text",
    show_default=True,
    help="Output format. html: one page per report; several reports need -o FILE.html or -o DIR/ "
    "(an overview page, index.html by default, and a page per report beside it).",
)
@click.option("-o", "--output", help="Write to this file instead of standard output.")
@click.option("--lang", type=LANG, default="zh", show_default=True, help="Language of messages.")
@click.option("--waivers", type=click.Path(dir_okay=False), help="YAML file of waivers.")
@click.option("--input-format", type=INPUT_FORMAT, help="Force the reader instead of sniffing the content.")
@click.option(
    "--keep-text",
    is_flag=True,
    help="Keep the report's text in the result (json, jsonl), so `checklist render` can show it.",
)
def audit(
    paths: Sequence[str],
    standard: str | None,
    fmt: str,
    output: str | None,
    lang: str,
    waivers: str | None,
    input_format: str | None,
    keep_text: bool,
) -> None:
    """Audit reports (PATH... files or folders) against a standard."""
    from checklist.api import audit as run
    from checklist.render import RENDERERS

    std = load_standard_or_exit(standard, lang)
    waiver_list = load_waivers_or_exit(waivers, lang)
    results: list[AuditResult] = []
    status = EXIT_OK
    keep = keep_text or fmt == "html"
    for path in expand_paths(paths):
        try:
            results.append(run(Path(path), std, lang=lang, waivers=waiver_list, format=input_format, keep_text=keep))
        except ChecklistError as exc:
            print_error(exc, lang)
            status = EXIT_ERROR
        except Exception as exc:  # a bug: one line, exit 2, the other files go on
            print_internal(path, exc, lang)
            status = EXIT_ERROR
    if results and fmt == "html":
        write_html(results, output, lang)
    elif results:
        write_output(RENDERERS[fmt](results, lang), output, lang)
    sys.exit(status)
