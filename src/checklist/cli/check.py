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
    from checklist.rules.result import AuditResult


@click.command()
@click.argument("path")
@click.option("--standard", "-s", help="Standard id or YAML file (default: by the issuer's level).")
@click.option("--min-score", type=click.FloatRange(0, 100), default=None,
              help="Fail when the score is below this.")
@click.option("--fail-on", type=SEVERITY_FLOOR, default="critical",
              show_default=True, help="Fail when a requirement of this severity or higher is not met.")
@click.option("--lang", type=LANG, default="zh", show_default=True)
@click.option("--waivers", type=click.Path(dir_okay=False), help="YAML file of waivers.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def check(path: str, standard: str | None, min_score: float | None, fail_on: str, lang: str,
          waivers: str | None, fmt: str) -> None:
    """Pre-submission self-check of one report: exit 0 passes, 1 fails, 2 error."""
    from checklist.api import audit as run
    from checklist.render import RENDERERS

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
    if fmt == "json":
        data = result.model_dump(mode="json")
        data["check"] = {"passed": not reasons, "reasons": reasons}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(RENDERERS["text"]([result], lang), nl=False)
        click.echo("")
        verdict = msg("text.check_fail" if reasons else "text.check_pass", lang)
        if reasons:
            verdict += msg("cli.check_reasons", lang, reasons=msg("cli.reason_sep", lang).join(reasons))
        click.echo(verdict)
    sys.exit(EXIT_FAIL if reasons else EXIT_OK)


def failure_reasons(result: AuditResult, min_score: float | None, fail_on: str, lang: str) -> list[str]:
    """Why ``result`` fails the self-check policy, one sentence a reason (none: it passes)."""
    from checklist.rules.standard import SEVERITY_ORDER

    reasons = []
    if min_score is not None and result.score < min_score:
        reasons.append(msg("text.check_reason_score", lang, score=f"{result.score:.1f}", min=f"{min_score:g}"))
    if fail_on != "never":
        floor = SEVERITY_ORDER[fail_on]
        failing = [r for r in result.requirements
                   if r.status in ("missing", "partial") and r.waived is None
                   and SEVERITY_ORDER[r.severity] >= floor and r.weight > 0]
        if failing:
            reasons.append(msg("text.check_reason_severity", lang, severity=msg(f"severity.{fail_on}", lang),
                               ids=msg("cli.list_sep", lang).join(r.id for r in failing)))
    return reasons
