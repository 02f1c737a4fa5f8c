"""Quality checks: what an experienced reviewer notices beyond "is the part there".

Each check is one module with a parameter model and a ``check(ctx, params)`` function,
registered in one explicit dict. Checks are switched on, tuned and given a severity in
the standard's ``quality:`` block; they add findings and never change a verdict. The
checks across reports (:mod:`.cross`) are configured in the same block.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from checklist.rules.quality import (
    duplicate_sentence,
    no_figures,
    outdated_framework,
    plan_misses_shortcoming,
    vague_shortcomings,
)
from checklist.rules.quality.base import CheckParams, Issue
from checklist.rules.quality.cross import CROSS_CHECKS

CHECKS: dict[str, tuple[type[CheckParams], Callable[[Any, Any], list[Issue]]]] = {
    "quality.duplicate_sentence": (duplicate_sentence.Params, duplicate_sentence.check),
    "quality.vague_shortcomings": (vague_shortcomings.Params, vague_shortcomings.check),
    "quality.no_figures": (no_figures.Params, no_figures.check),
    "quality.plan_misses_shortcoming": (plan_misses_shortcoming.Params, plan_misses_shortcoming.check),
    "quality.outdated_framework": (outdated_framework.Params, outdated_framework.check),
}


def params_model(code: str) -> type[CheckParams] | None:
    """The parameter model of quality check ``code``, one report's or cross-report; None if unknown."""
    if code in CHECKS:
        return CHECKS[code][0]
    return CROSS_CHECKS.get(code)


__all__ = ["CHECKS", "CROSS_CHECKS", "CheckParams", "Issue", "params_model"]
