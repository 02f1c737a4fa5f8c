"""Boolean combinations: ``all``, ``any``, ``not``, and ``when`` (a metadata condition).

Example (YAML)::

    met:
      any:
        - all:
            - when: {year_min: 2020}
            - near: {all: [[习近平法治思想], [学习, 宣讲, 专题]]}
        - all:
            - when: {year_max: 2019}
            - near: {all: [[新理念新思想新战略], [学习, 宣讲, 专题]]}

``when`` with an unknown year or level is true: the report is not punished for
metadata we could not read.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field

from checklist.rules.matchers.base import Context, Hit, MatcherModel, Outcome


class AllOf(MatcherModel):
    """Matched when every part matches; evidence of all parts."""

    parts: list[MatcherModel] = Field(min_length=1)

    def evaluate(self, ctx: Context) -> Outcome:
        hits: list[Hit] = []
        for part in self.parts:
            out = part.evaluate(ctx)
            if not out.matched:
                return Outcome(False, note=out.note, note_args=out.note_args)
            hits.extend(out.hits)
        return Outcome(True, tuple(hits))

    def children(self) -> Iterable[MatcherModel]:
        return self.parts


class AnyOf(MatcherModel):
    """Matched when some part matches; the evidence of the first that does."""

    parts: list[MatcherModel] = Field(min_length=1)

    def evaluate(self, ctx: Context) -> Outcome:
        last = Outcome(False)
        for part in self.parts:
            out = part.evaluate(ctx)
            if out.matched:
                return out
            if out.note:
                last = out
        return Outcome(False, last.hits, last.note, last.note_args)

    def children(self) -> Iterable[MatcherModel]:
        return self.parts


class NotOf(MatcherModel):
    """Matched when the part does not match."""

    part: MatcherModel

    def evaluate(self, ctx: Context) -> Outcome:
        return Outcome(not self.part.evaluate(ctx).matched)

    def children(self) -> Iterable[MatcherModel]:
        return (self.part,)


class When(MatcherModel):
    """A condition on metadata: level, reported year range."""

    level: list[str] | None = None
    year_min: int | None = None
    year_max: int | None = None

    def evaluate(self, ctx: Context) -> Outcome:
        return Outcome(self.holds(ctx.doc.metadata.level, ctx.doc.metadata.year))

    def holds(self, level: str | None, year: int | None) -> bool:
        """Whether the condition holds for this level and year (unknowns pass)."""
        if self.level is not None and level is not None and level not in self.level:
            return False
        if year is not None:
            if self.year_min is not None and year < self.year_min:
                return False
            if self.year_max is not None and year > self.year_max:
                return False
        return True
