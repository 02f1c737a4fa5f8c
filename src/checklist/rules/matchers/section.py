"""``section``: the report has a part of a given kind (see ``regions.py``).

Example (YAML)::

    met:
      section: {kind: shortcomings, heading_any: [原因]}   # 二、存在的不足和原因

Kinds: ``measures``, ``shortcomings``, ``plan``, ``first_responsible``, ``other``.
The evidence is the heading of the part.
"""

from __future__ import annotations

from typing import Literal

from checklist.rules.matchers.base import Context, Hit, MatcherModel, Outcome


class SectionKind(MatcherModel):
    """Matched when a section of ``kind`` exists (whose heading has one of ``heading_any``)."""

    kind: Literal["measures", "shortcomings", "plan", "first_responsible", "other"]
    heading_any: list[str] = []

    def evaluate(self, ctx: Context) -> Outcome:
        hits = []
        for s in ctx.tables.top_sections(self.kind):
            heading = s.heading
            terms = [t for t in self.heading_any if t in heading]
            if self.heading_any and not terms:
                continue
            hits.append(Hit(s.start, s.heading_end, tuple(terms)))
        return Outcome(bool(hits), tuple(hits[:3]))
