"""``checklist check PATH``: the pre-submission self-check of one report (exit 0 / 1 / 2)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from checklist.cli._common import (
    EXIT_ERROR,
    EXIT_FAIL,
    EXIT_OK,
    LANG,
    SEVERITY_FLOOR,
    load_standard_or_exit,
    load_waivers_or_exit,
    msg,
    print_error,
    print_internal,
)
from checklist.errors import ChecklistError

if TYPE_CHECKING:
    from checklist.rules.result import AuditResult, RequirementResult


@click.command()
@click.argument("path")
@click.option("--standard", "-s", help="Standard id or YAML file (default: by the issuer's level).")
@click.option("--min-score", type=click.FloatRange(0, 100), default=None, help="Fail when the score is below this.")
@click.option(
    "--fail-on",
    type=SEVERITY_FLOOR,
    default="critical",
    show_default=True,
    help="Fail when a requirement of this severity or higher is not met.",
)
@click.option("--lang", type=LANG, default="zh", show_default=True)
@click.option("--waivers", type=click.Path(dir_okay=False), help="YAML file of waivers.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--verbose", "-v", is_flag=True, help="List the met and not applicable requirements too, with evidence.")
def check(
    path: str,
    standard: str | None,
    min_score: float | None,
    fail_on: str,
    lang: str,
    waivers: str | None,
    fmt: str,
    verbose: bool,
) -> None:
    """Pre-submission self-check of one report: exit 0 passes, 1 fails, 2 error.

    \b
    Text output: the verdict and why first, then each requirement that fails the policy
    with its suggestion, the other missing and partial ones, and a count of the met ones
    (--verbose lists them).
    """
    from checklist.api import audit as run
    from checklist.render.text import render_check

    std = load_standard_or_exit(standard, lang)
    waiver_list = load_waivers_or_exit(waivers, lang)
    try:
        result = run(Path(path), std, lang=lang, waivers=waiver_list)
    except ChecklistError as exc:
        print_error(exc, lang)
        sys.exit(EXIT_ERROR)
    except Exception as exc:  # a bug: one line and exit 2, never a traceback
        print_internal(path, exc, lang)
        sys.exit(EXIT_ERROR)
    reasons = failure_reasons(result, min_score, fail_on, lang)
    failing = [r.id for r in failing_requirements(result, fail_on)]
    if fmt == "json":
        data = result.model_dump(mode="json")
        data["check"] = {"passed": not reasons, "reasons": reasons, "failing": failing}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(render_check(result, reasons, failing, lang, verbose=verbose), nl=False)
    sys.exit(EXIT_FAIL if reasons else EXIT_OK)


def failing_requirements(result: AuditResult, fail_on: str) -> list[RequirementResult]:
    """The requirements that fail the ``--fail-on`` policy (the one ``checklist batch``
    applies to its rows): missing or partial, not waived, scored, of severity ``fail_on``
    or higher."""
    from checklist.batch.rows import at_or_above, counts_against

    return [r for r in result.requirements if counts_against(r) and at_or_above(r.severity, fail_on)]


def failure_reasons(result: AuditResult, min_score: float | None, fail_on: str, lang: str) -> list[str]:
    """Why ``result`` fails the self-check policy, one sentence a reason (none: it passes);
    the requirements are named by their titles."""
    reasons = []
    if min_score is not None and result.score < min_score:
        reasons.append(msg("text.check_reason_score", lang, score=f"{result.score:.1f}", min=f"{min_score:g}"))
    failing = failing_requirements(result, fail_on)
    if failing:
        reasons.append(
            msg(
                "text.check_reason_severity",
                lang,
                severity=msg(f"severity.{fail_on}", lang),
                ids=msg("cli.list_sep", lang).join(r.title for r in failing),
            )
        )
    return reasons
