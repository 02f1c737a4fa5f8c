"""``checklist evaluate LABELS.yaml…``: the library measured against reviewers' labels.

A thin wrapper over
:func:`checklist.evaluation.evaluate`: figures per labels file (and in total), and every
disagreement with the evidence behind our verdict. Exit 0, or 2 when a labels file, one
of its entries or the standard cannot be used (one line on stderr for each, naming the
file and the problem; the other files and entries are still evaluated).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

import click

from checklist.cli._common import EXIT_ERROR, EXIT_OK, LANG, load_standard_or_exit, print_error


@click.command("evaluate")
@click.argument("labels", nargs=-1, required=True)
@click.option(
    "--standard", "-s", help="Standard id or YAML file (default: chosen by each report's level, as the audit does)."
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format."
)
@click.option("--lang", type=LANG, default="zh", show_default=True, help="Language of messages.")
def evaluate(labels: Sequence[str], standard: str | None, fmt: str, lang: str) -> None:
    """Audit the reports LABELS files name and compare the results with their labels."""
    from checklist.evaluation import evaluate as run
    from checklist.evaluation.text import render_text

    result = run(labels, load_standard_or_exit(standard, lang), lang=lang)
    for exc in result.errors:
        print_error(exc, lang)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(lang), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(result, lang), nl=False)
    sys.exit(EXIT_ERROR if result.errors else EXIT_OK)
