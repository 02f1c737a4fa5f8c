"""``checklist standards list | show | validate | test``: the checklists themselves."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from checklist.cli._common import (
    EXIT_ERROR,
    EXIT_FAIL,
    EXIT_OK,
    LANG,
    load_standard_or_exit,
    msg,
    print_error,
)
from checklist.errors import ChecklistError


@click.group()
def standards() -> None:
    """List, show, validate and test standards."""


@standards.command("list")
@click.option("--lang", type=LANG, default="zh", show_default=True, help="Language of titles and messages.")
def standards_list(lang: str) -> None:
    """List the shipped standards."""
    from checklist.rules.bundled import shipped
    from checklist.rules.standard import load_standard

    for sid in shipped():
        try:
            std = load_standard(sid)
        except ChecklistError as exc:
            print_error(exc, lang)
            continue
        base = msg("cli.extends", lang, base=std.extends) if std.extends else ""
        click.echo(
            msg(
                "cli.standards_row",
                lang,
                id=std.id,
                version=std.version,
                count=len(std.requirements),
                title=std.title.get(lang),
                extends=base,
            )
        )


@standards.command("show")
@click.argument("ref")
@click.option("--lang", type=LANG, default="zh", show_default=True)
def standards_show(ref: str, lang: str) -> None:
    """Show the requirements of a standard (id or YAML file)."""
    std = load_standard_or_exit(ref, lang)
    click.echo(f"{std.id} {std.version}  {std.title.get(lang)}")
    if std.extends:
        click.echo(f"extends: {std.extends}")
    for b in std.basis:
        click.echo(msg("cli.basis", lang, basis=b.label()))
    for r in std.requirements:
        applies = (
            "" if r.applies is True else msg("cli.not_applicable" if r.applies is False else "cli.conditional", lang)
        )
        click.echo(f"  {r.id:34} {r.severity:8} {r.weight:>4g}  {r.title.get(lang)}{applies}")


@standards.command("validate")
@click.argument("files", nargs=-1, required=True)
@click.option("--lang", type=LANG, default="zh", show_default=True, help="Language of messages.")
def standards_validate(files: Sequence[str], lang: str) -> None:
    """Validate standard files: exit 0 if all are valid, 2 otherwise."""
    from checklist.rules.standard import load_standard

    status = EXIT_OK
    for f in files:
        try:
            std = load_standard(f)
        except ChecklistError as exc:
            print_error(exc, lang)
            status = EXIT_ERROR
            continue
        click.echo(msg("cli.valid", lang, file=f, id=std.id, version=std.version, count=len(std.requirements)))
    sys.exit(status)


@standards.command("test")
@click.argument("refs", nargs=-1)
@click.option("--lang", type=LANG, default="zh", show_default=True, help="Language of messages.")
def standards_test(refs: Sequence[str], lang: str) -> None:
    """Run every requirement's examples (all shipped standards by default)."""
    from checklist.api import example_failures
    from checklist.rules.bundled import shipped
    from checklist.rules.standard import load_standard

    status = EXIT_OK
    for ref in refs or list(shipped()):
        try:
            std = load_standard(ref)
        except ChecklistError as exc:
            print_error(exc, lang)
            status = EXIT_ERROR
            continue
        total = sum(len(r.examples) for r in std.requirements if r.applies is not False)
        failures = example_failures(std, lang=lang)
        for f in failures:
            click.echo(f"FAIL {f}")
        click.echo(f"{std.id}: {total - len(failures)} passed, {len(failures)} failed")
        if failures and status == EXIT_OK:
            status = EXIT_FAIL
    sys.exit(status)
