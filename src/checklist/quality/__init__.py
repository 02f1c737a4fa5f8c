"""Quality checks: what an experienced reviewer notices beyond "is the part there".

Each check is one module with a parameter model and a ``check(ctx, params)`` function,
registered in one explicit dict. Checks are switched on, tuned and given a severity in
the standard's ``quality:`` block; they add findings and never change a verdict.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import (
    duplicate_sentence,
    no_figures,
    outdated_framework,
    plan_misses_shortcoming,
    vague_shortcomings,
)
from .base import CheckParams, Issue

CHECKS: dict[str, tuple[type[CheckParams], Callable[[Any, Any], list[Issue]]]] = {
    "quality.duplicate_sentence": (duplicate_sentence.Params, duplicate_sentence.check),
    "quality.vague_shortcomings": (vague_shortcomings.Params, vague_shortcomings.check),
    "quality.no_figures": (no_figures.Params, no_figures.check),
    "quality.plan_misses_shortcoming": (plan_misses_shortcoming.Params, plan_misses_shortcoming.check),
    "quality.outdated_framework": (outdated_framework.Params, outdated_framework.check),
}

__all__ = ["CHECKS", "CheckParams", "Issue"]
