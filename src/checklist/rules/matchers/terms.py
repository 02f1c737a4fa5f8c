"""``terms``: any of a list of words or phrases, in scope, asserted.

Example (YAML)::

    met:
      terms: [述法, 述职述法]            # shorthand for {any: [...]}
    partial:
      terms: {any: [三项制度], exclude: [落实三项制度不到位]}
    partial:
      terms: {any: [短板, 差距], not_after: [查找, 补齐, 缩小], not_before: [得到解决]}

A term counts only where the engine's scope and negation rules allow it: in a plan
sentence (``下一步将落实述法``) or a negated clause (``尚未开展述法``) it does not.
``not_after`` leaves out an occurrence that is the object of one of these words, which
end at most ``not_after_within`` characters before it in the same clause: ``查找工作短板``
looks for shortcomings, it does not state one. ``not_before`` likewise leaves out an
occurrence followed, within ``not_before_within`` characters in its clause, by one of its
words (``存在的问题得到及时解决``).
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Iterable

from pydantic import Field

from checklist.rules.matchers.base import NO, Context, Hit, MatcherModel, Outcome


class Terms(MatcherModel):
    """Matched when at least ``min_count`` sentences contain one of ``any``."""

    any: list[str] = Field(min_length=1)
    exclude: list[str] = []
    scope: str | list[str] | None = None
    min_count: int = Field(default=1, ge=1)
    not_after: list[str] = []
    not_after_within: int = Field(default=4, ge=0)
    not_before: list[str] = []
    not_before_within: int = Field(default=4, ge=0)

    def evaluate(self, ctx: Context) -> Outcome:
        if self.scope is not None:
            ctx = ctx.with_scope(self.scope)
        found = ctx.find(self._any, self._exclude)
        if not found:
            return NO
        tables = ctx.tables
        starts = tables.starts
        clause = tables.clause
        asserted = tables.clause_asserted if ctx.negation else None
        not_after = self.not_after
        not_before = self.not_before
        limit = max(3, self.min_count)
        # the words of each sentence that count, in the order the sentences first count;
        # the evidence is the first ``limit`` of them, so an occurrence in any other
        # sentence needs no test once that many count
        by_sentence: dict[int, set[str]] = {}
        for start, end, term in found:
            si = bisect_right(starts, start) - 1
            if si < 0:
                si = 0
            terms = by_sentence.get(si)
            if terms is None:
                if len(by_sentence) >= limit:
                    continue
            elif term in terms:
                continue  # counted already: the word is once in the evidence
            if asserted is not None and not asserted(clause(start, end)):
                continue
            if not_after and ctx.preceded_by(start, not_after, self.not_after_within):
                continue
            if not_before and ctx.followed_by(end, not_before, self.not_before_within):
                continue
            if terms is None:
                by_sentence[si] = {term}
            else:
                terms.add(term)
        ends = tables.ends
        hits = tuple([Hit(starts[si], ends[si], tuple(sorted(terms))) for si, terms in by_sentence.items()])
        return Outcome(len(hits) >= self.min_count, hits)

    @functools.cached_property
    def _any(self) -> tuple[str, ...]:
        return tuple(self.any)

    @functools.cached_property
    def _exclude(self) -> tuple[str, ...]:
        return tuple(self.exclude)

    def literals(self) -> Iterable[str]:
        return [*self.any, *self.exclude, *self.not_after, *self.not_before]
