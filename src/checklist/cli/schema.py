"""``checklist schema``: the JSON Schema of an audit result (``audit --format json``).

The schema is :class:`checklist.AuditResult`'s own, with every field described, so a
script in another language can validate a saved result or generate its types from it.
"""

from __future__ import annotations

import json

import click

from checklist.cli._common import write_output


@click.command()
@click.option("-o", "--output", help="Write to this file instead of standard output.")
def schema(output: str | None) -> None:
    """Print the JSON Schema of an audit result (what audit --format json writes)."""
    from checklist.rules.result import AuditResult

    text = json.dumps(AuditResult.model_json_schema(), ensure_ascii=False, indent=2) + "\n"
    write_output(text, output)
