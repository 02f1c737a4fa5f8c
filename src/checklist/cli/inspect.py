"""``checklist inspect FILE...``: what the reader made of each report (metadata, outline)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from checklist.cli._common import EXIT_ERROR, EXIT_OK, INPUT_FORMAT, LANG, msg, print_error, print_internal
from checklist.errors import ChecklistError
from checklist.fileio import expand_paths

if TYPE_CHECKING:
    from checklist.document import Document

# the metadata shown, in this order (the names are those of the JSON contract)
FIELDS = ("format", "encoding", "title", "issuer", "level", "year", "date", "published", "addressee")


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format."
)
@click.option("--input-format", type=INPUT_FORMAT, help="Force the reader instead of sniffing the content.")
@click.option(
    "--t2s",
    is_flag=True,
    help="Convert traditional characters even in a mostly simplified text "
    "(a mostly traditional text is converted anyway).",
)
@click.option("--lang", type=LANG, default="zh", show_default=True, help="Language of messages.")
def inspect(files: Sequence[str], fmt: str, input_format: str | None, t2s: bool, lang: str) -> None:
    """Print metadata and outline of each report (FILE... or folders)."""
    from checklist.reading import read

    status = EXIT_OK
    docs: list[dict[str, Any]] = []
    for path in expand_paths(files):
        try:
            doc = read(path, format=input_format, to_simplified=t2s)
        except ChecklistError as exc:
            print_error(exc, lang)
            status = EXIT_ERROR
            continue
        except Exception as exc:  # a bug: one line, exit 2, the other files go on
            print_internal(path, exc, lang)
            status = EXIT_ERROR
            continue
        if fmt == "json":
            docs.append(doc.to_dict())
        else:
            _print_text(path, doc, lang)
    if fmt == "json" and docs:
        click.echo(json.dumps(docs[0] if len(docs) == 1 else docs, ensure_ascii=False, indent=2))
    sys.exit(status)


def _print_text(path: str, doc: Document, lang: str) -> None:
    d = doc.metadata_dict()
    click.echo(f"== {path}")
    for key in FIELDS:
        click.echo(f"  {key:10} {d[key] if d[key] is not None else '—'}")
    click.echo("  outline:")
    for s in doc.sections:
        click.echo("    " + "  " * (s.level - 1) + s.heading)
    if doc.removed:
        reasons = msg("cli.list_sep", lang).join(
            msg(f"removed.{code}", lang) for code in sorted({r.reason for r in doc.removed})
        )
        click.echo(f"  removed:   {msg('cli.removed', lang, count=len(doc.removed), reasons=reasons)}")
