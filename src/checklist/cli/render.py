"""``checklist render RESULT.json...``: re-render saved audit results without re-auditing."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from checklist.cli._common import EXIT_ERROR, EXIT_OK, LANG, print_error, write_html, write_output
from checklist.errors import ChecklistError

if TYPE_CHECKING:
    from checklist.rules.result import AuditResult


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    help="Write to this file (several results: the overview page, or a folder "
    "ending in /), instead of standard output.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "text", "markdown", "json", "jsonl", "table"]),
    default="html",
    show_default=True,
    help="Output format.",
)
@click.option("--lang", type=LANG, default=None, help="Language of the page (default: the result's).")
def render(files: Sequence[str], output: str | None, fmt: str, lang: str | None) -> None:
    """Re-render saved results (RESULT.json..., from audit --format json/jsonl) without re-auditing.

    \b
    One result: its page. Several (several files, a JSON array or JSON lines): an overview
    page linking to a page per report, written beside it: -o out/index.html or -o out/.
    Save with `audit --format json --keep-text` to include the report's text.
    """
    from checklist.render import RENDERERS

    results: list[AuditResult] = []
    status = EXIT_OK
    for f in files:
        try:
            results.extend(load_results(f))
        except ChecklistError as exc:
            print_error(exc, lang or "zh")
            status = EXIT_ERROR
    if results and fmt == "html":
        write_html(results, output, lang)
    elif results:
        write_output(RENDERERS[fmt](results, lang or results[0].lang), output, lang or results[0].lang)
    sys.exit(status)


def load_results(path: str) -> list[AuditResult]:
    """Audit results saved as one JSON object, an array, or JSON lines."""
    from checklist.errors import InputError

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError.of(path, "error.not_found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError.of(path, "error.os", reason=str(exc)) from None
    try:
        data = json.loads(text)
        items = data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        try:
            items = [json.loads(line) for line in text.splitlines() if line.strip()]
        except json.JSONDecodeError as exc:
            raise InputError.of(path, "cli.result_not_json", line=exc.lineno, column=exc.colno) from None
    out = [_result(path, item, n if len(items) > 1 else None) for n, item in enumerate(items, 1)]
    if not out:
        raise InputError.of(path, "cli.no_results")
    return out


def _result(path: str, item: Any, n: int | None) -> AuditResult:
    """The ``n``-th result of the file (``None``: its only one), checked against the schema."""
    from pydantic import ValidationError

    from checklist.errors import InputError
    from checklist.rules.result import SCHEMA_VERSION, AuditResult

    # "result 3 …" when the file has several, "the result …" when it has one
    which = "cli.result" if n is None else "cli.result_n"
    if not isinstance(item, dict) or "schema_version" not in item:
        raise InputError.of(path, f"{which}_not_audit", n=n)
    if item["schema_version"] != SCHEMA_VERSION:
        raise InputError.of(path, f"{which}_schema", n=n, found=item["schema_version"], supported=SCHEMA_VERSION)
    item.pop("check", None)  # `check --format json` adds its verdict
    try:
        return AuditResult.model_validate(item)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(x) for x in first["loc"])
        raise InputError.of(path, f"{which}_invalid", n=n, loc=loc, detail=first["msg"]) from None
