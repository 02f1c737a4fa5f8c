"""``figures``: a term and a figure (number + unit) in one clause.

Example (YAML)::

    met:
      figures: {near: [法律意见, 审查合同]}    # 出具法律意见50余件

A figure is an Arabic or Chinese number with a unit or ``%`` (``420余件``, ``三次``,
``99%``); years, dates and outline numbers are not figures.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from checklist.rules.matchers.base import FIGURE, NO, Context, Hit, MatcherModel, Outcome


class Figures(MatcherModel):
    """Matched when a clause with one of ``near`` also holds a figure."""

    near: list[str] = Field(min_length=1)
    within: Literal["clause", "sentence"] = "clause"
    exclude: list[str] = []
    scope: str | list[str] | None = None

    def evaluate(self, ctx: Context) -> Outcome:
        ctx = ctx.with_scope(self.scope)
        found = ctx.find(self._near, self._exclude)
        if not found:
            return NO
        tables = ctx.tables
        text = tables.text
        starts = tables.starts
        ends = tables.ends
        by_clause = self.within == "clause"
        hits: list[Hit] = []
        seen: set[int] = set()
        for start, end, term in sorted(found):
            si = bisect_right(starts, start) - 1
            if si < 0:
                si = 0
            if si in seen:
                continue  # one hit per sentence
            clause = tables.clause(start, end)
            if ctx.negation and not tables.clause_asserted(clause):
                continue
            u0, u1 = clause if by_clause else (starts[si], ends[si])
            fig = FIGURE.search(text, u0, u1)
            if fig is None:
                continue
            seen.add(si)
            hits.append(Hit(starts[si], ends[si], (term, fig.group())))
            if len(hits) >= 3:
                break
        return Outcome(bool(hits), tuple(hits))

    @functools.cached_property
    def _near(self) -> tuple[str, ...]:
        return tuple(self.near)

    @functools.cached_property
    def _exclude(self) -> tuple[str, ...]:
        return tuple(self.exclude)

    def literals(self) -> Iterable[str]:
        return [*self.near, *self.exclude]
