"""``checklist compare OLD NEW``: last year's and this year's report of one issuer.

Both reports are judged against the same standard (given, or chosen by the new report's
level), so the verdicts are comparable. Exit 0, or 2 with one line on stderr when a
report or the standard cannot be read.
"""

from __future__ import annotations

import sys

import click

from checklist.cli._common import EXIT_ERROR, EXIT_OK, LANG, print_error
from checklist.errors import ChecklistError


@click.command("compare")
@click.argument("old")
@click.argument("new")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format."
)
@click.option("--lang", type=LANG, default="zh", show_default=True, help="Language of messages.")
@click.option("--standard", "-s", help="Standard id or YAML file (default: by the new report's level).")
def compare(old: str, new: str, fmt: str, lang: str, standard: str | None) -> None:
    """Compare last year's report OLD with this year's NEW of the same issuer."""
    from checklist.api import audit, choose_standard
    from checklist.crossreport.yearly import compare as run
    from checklist.reading import read
    from checklist.render.yearly import render_text

    try:
        old_doc = read(old)
        new_doc = read(new)
        std, _reason = choose_standard(new_doc, standard, lang)
        result = run(
            old_doc, audit(old_doc, std, lang=lang), new_doc, audit(new_doc, std, lang=lang), lang, standard=std
        )
    except ChecklistError as exc:
        print_error(exc, lang)
        sys.exit(EXIT_ERROR)
    if fmt == "json":
        click.echo(result.model_dump_json(indent=2))
    else:
        click.echo(render_text(result, lang), nl=False)
    sys.exit(EXIT_OK)
