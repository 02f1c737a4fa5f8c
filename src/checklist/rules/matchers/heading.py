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

import functools
from bisect import bisect_left
from collections.abc import Iterable
from typing import Literal

from checklist.rules.matchers.base import NO, Context, Hit, MatcherModel, Outcome
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
        words_any, words_all, words_exclude = self.any, self.all, self.exclude
        words = self._words
        starts: list[int] | None = None  # where the words the text holds start, sorted
        if words and words <= ctx.tables.scanned:
            # a word the text does not hold is in no heading: keep the others, in order
            held = ctx.term_hits
            words_any = [t for t in words_any if t in held]
            words_all = [[t for t in group if t in held] for group in words_all]
            words_exclude = [t for t in words_exclude if t in held]
            if not words_any and (not words_all or not all(words_all)):
                return NO
            starts = sorted(p for t in (*words_any, *(t for group in words_all for t in group)) for p in held[t])
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
            if starts is not None:
                i = bisect_left(starts, start)
                if i == len(starts) or starts[i] >= end:
                    continue  # no word starts in this heading
            heading = text[start:end]
            terms = [t for t in words_any if t in heading]
            if not terms and words_all:
                terms = _one_of_each(words_all, heading)
            # the cheap word test first: few headings name the words, and only those are
            # tested for an exclusion, a negation and the scope
            if not terms or any(x in heading for x in words_exclude) or is_negated(heading):
                continue
            if ctx.in_scope(start):
                hits.append(Hit(start, end, tuple(terms)))
        return Outcome(bool(hits), tuple(hits[:3]))

    def literals(self) -> Iterable[str]:
        # scanned so that a word the text does not hold is left out before the headings
        return [*self.any, *(t for group in self.all for t in group), *self.exclude]

    @functools.cached_property
    def _words(self) -> frozenset[str]:
        """Every word of the rule; empty when one is empty (then every heading is searched
        for every word, as when the scan did not look for them)."""
        words = frozenset(self.literals())
        return frozenset() if "" in words else words


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
