"""``heading``: a heading that names something.

Headings are section headings (``二、党政主要负责人履行推进法治建设第一责任人职责情况``),
the lead phrases of enumerated paragraphs (``一是强化理论武装。``) and the title.

Example (YAML)::

    met:
      heading:
        any: [第一责任]
        all: [[主要负责人, 主要负责同志], [职责]]   # or every group in one heading
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from checklist.rules.matchers.base import Context, Hit, MatcherModel, Outcome
from checklist.structure.clauses import is_negated


class Heading(MatcherModel):
    """Matched when a heading in scope contains one of ``any`` or every group of ``all``."""

    any: list[str] = []
    all: list[list[str]] = []
    exclude: list[str] = []
    include: list[Literal["section", "item", "title"]] = ["section", "item", "title"]
    scope: str | list[str] | None = None

    def evaluate(self, ctx: Context) -> Outcome:
        ctx = ctx.with_scope(self.scope)
        doc = ctx.doc
        candidates: list[tuple[int, int]] = []
        if "title" in self.include and "title" in doc.meta_norm_spans:
            candidates.append(doc.meta_norm_spans["title"])
        if "section" in self.include:
            candidates.extend((s.start, s.heading_end) for s in doc.sections)
        if "item" in self.include:
            candidates.extend((i.start, i.lead_end) for i in doc.items)
        hits: list[Hit] = []
        text = doc.text
        for start, end in candidates:
            heading = text[start:end]
            terms = [t for t in self.any if t in heading]
            if not terms and self.all:
                terms = _one_of_each(self.all, heading)
            # the cheap word test first: few headings name the words, and only those are
            # tested for an exclusion, a negation and the scope
            if not terms or any(x in heading for x in self.exclude) or is_negated(heading):
                continue
            if ctx.in_scope(start):
                hits.append(Hit(start, end, tuple(terms)))
        return Outcome(bool(hits), tuple(hits[:3]))

    def literals(self) -> Iterable[str]:
        return ()


def _one_of_each(groups: list[list[str]], text: str) -> list[str]:
    """The first word of each group found in ``text``; empty when a group has none."""
    out = []
    for group in groups:
        for t in group:
            if t in text:
                if not t:
                    return []  # an empty word counts as none found (as all() of the picks)
                out.append(t)
                break
        else:
            return []
    return out
