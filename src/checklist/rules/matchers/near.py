"""``near``: words from every group in one clause (or one sentence).

Example (YAML)::

    met:
      near:
        all: [[法律顾问], [法律意见, 审查, 合同, 列席]]
        within: clause        # or: sentence

``法律顾问作用发挥不充分`` is negated and ``下一步发挥法律顾问作用`` is a plan; neither counts.
The words of different groups must be different occurrences (``政务公开`` does not
satisfy both ``政务公开`` and ``公开``).

A word of the first group that is one item of a list of areas closed by one of the
standard's ``named_in_list`` closers (``政务公开、突发事件应对等工作按计划有序开展``) is
only named: the list's shared predicate (有序开展) describes none of them, so the other
groups' words must then be in the item itself (``组织应急演练、隐患排查等工作``)::

    parameters:
      named_in_list: {closers: [等工作, 等各项工作, 相关工作], separator: 、}
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from checklist.rules.matchers.base import FIGURE, Context, Hit, MatcherModel, Outcome


class Near(MatcherModel):
    """Matched when one clause/sentence holds a word of every group."""

    all: list[list[str]] = Field(min_length=1)
    within: Literal["clause", "sentence"] = "clause"
    exclude: list[str] = []
    figure: bool = False  # the unit must also hold a figure (number + unit)
    scope: str | list[str] | None = None

    def evaluate(self, ctx: Context) -> Outcome:
        ctx = ctx.with_scope(self.scope)
        others = [ctx.spans_of(tuple(group)) for group in self.all[1:]]
        if any(not spans for spans in others):
            return Outcome(False)
        text = ctx.doc.text
        hits: list[Hit] = []
        seen: set[int] = set()
        by_clause = self.within == "clause"
        listed = _ListRule.of(ctx)
        for start, end, term in sorted(ctx.find(self.all[0], self.exclude)):
            u0, u1 = ctx.clause_of(start, end, within=self.within)
            if listed is not None:
                clause = (u0, u1) if by_clause else ctx.clause_of(start, end)
                u0, u1 = listed.item_of(text, start, end, clause) or (u0, u1)
            used = [(start, end)]
            terms = [term]
            ok = True
            for spans in others:
                pick = None
                i = bisect_left(spans, (u0, -1, ""))
                while i < len(spans) and spans[i][0] < u1:
                    s0, s1, t = spans[i]
                    if s1 <= u1 and all(s1 <= a or s0 >= b for a, b in used) and (by_clause or ctx.asserted(s0, s1)):
                        pick = (s0, s1, t)
                        break
                    i += 1
                if pick is None:
                    ok = False
                    break
                used.append((pick[0], pick[1]))
                terms.append(pick[2])
            if ok and self.figure and not FIGURE.search(text, u0, u1):
                ok = False
            if ok and not ctx.asserted(start, end):
                ok = False
            if ok:
                si = ctx.sentence_at(start)
                if si in seen:
                    continue
                seen.add(si)
                s = ctx.doc.sentences[si]
                hits.append(Hit(s.start, s.end, tuple(terms)))
                if len(hits) >= 3:
                    break
        return Outcome(bool(hits), tuple(hits))

    def literals(self) -> Iterable[str]:
        return [t for group in self.all for t in group] + self.exclude


class _ListRule:
    """Where a list of areas (甲、乙、丙等工作) closes, and how its items are separated."""

    def __init__(self, closers: list[str], separator: str) -> None:
        self.closers = closers
        self.separator = separator

    @classmethod
    def of(cls, ctx: Context) -> _ListRule | None:
        """The standard's ``named_in_list`` parameter, if it sets one."""
        spec = ctx.params.get("named_in_list")
        if not isinstance(spec, dict) or not spec.get("closers"):
            return None
        return cls([str(c) for c in spec["closers"]], str(spec.get("separator", "、")))

    def item_of(self, text: str, start: int, end: int, clause: tuple[int, int]) -> tuple[int, int] | None:
        """The bounds of the list item holding ``[start, end)``, or None when the span is
        not in a list closed by a closer within its clause."""
        c0, c1 = clause
        close = min((i for i in (text.find(w, end, c1) for w in self.closers) if i >= 0), default=-1)
        if close < 0:
            return None
        sep = self.separator
        left = text.rfind(sep, c0, start)
        right = text.find(sep, end, close)
        if left < 0 and right < 0:
            return None  # one area alone (普法工作有序开展) is no list
        return (left + len(sep) if left >= 0 else c0), (right if right >= 0 else close)
