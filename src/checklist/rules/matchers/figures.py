"""``figures``: a term and a figure (number + unit) in one clause.

Example (YAML)::

    met:
      figures: {near: [法律意见, 审查合同]}    # 出具法律意见50余件

A figure is an Arabic or Chinese number with a unit or ``%`` (``420余件``, ``三次``,
``99%``); years, dates and outline numbers are not figures.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from checklist.rules.matchers.base import FIGURE, Context, Hit, MatcherModel, Outcome


class Figures(MatcherModel):
    """Matched when a clause with one of ``near`` also holds a figure."""

    near: list[str] = Field(min_length=1)
    within: Literal["clause", "sentence"] = "clause"
    exclude: list[str] = []
    scope: str | list[str] | None = None

    def evaluate(self, ctx: Context) -> Outcome:
        ctx = ctx.with_scope(self.scope)
        hits: list[Hit] = []
        seen: set[int] = set()
        for start, end, term in sorted(ctx.find(self.near, self.exclude)):
            if not ctx.asserted(start, end):
                continue
            u0, u1 = ctx.clause_of(start, end, within=self.within)
            fig = FIGURE.search(ctx.doc.text, u0, u1)
            if fig is None:
                continue
            si = ctx.sentence_at(start)
            if si in seen:
                continue
            seen.add(si)
            s = ctx.doc.sentences[si]
            hits.append(Hit(s.start, s.end, (term, fig.group())))
            if len(hits) >= 3:
                break
        return Outcome(bool(hits), tuple(hits))

    def literals(self) -> Iterable[str]:
        return [*self.near, *self.exclude]
