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

import functools
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from typing import Literal

from pydantic import Field

from checklist.rules.matchers.base import FIGURE, NO, Context, Hit, MatcherModel, Outcome, Present, Tables


class Near(MatcherModel):
    """Matched when one clause/sentence holds a word of every group."""

    all: list[list[str]] = Field(min_length=1)
    within: Literal["clause", "sentence"] = "clause"
    exclude: list[str] = []
    figure: bool = False  # the unit must also hold a figure (number + unit)
    scope: str | list[str] | None = None

    def evaluate(self, ctx: Context) -> Outcome:
        if self.scope is not None:
            ctx = ctx.with_scope(self.scope)
        groups = self._groups
        found = ctx.find(groups[0], self._exclude)
        if not found:
            return NO
        others = _present_all(ctx, groups)
        if others is None:
            return NO
        tables = ctx.tables
        starts = tables.starts
        ends = tables.ends
        clause_of = tables.clause
        asserted = tables.clause_asserted if ctx.negation else None
        by_clause = self.within == "clause"
        pick_asserted = None if by_clause else asserted
        listed = _ListRule.of(ctx)
        closers = listed.spans(tables) if listed is not None else []
        one = others[0] if len(others) == 1 else None
        hits: list[Hit] = []
        done: set[int] = set()  # sentences with a hit, or where some group has no word
        for start, end, term in sorted(found):
            si = bisect_right(starts, start) - 1
            if si < 0:
                si = 0
            if si in done:
                continue  # one hit per sentence: a later word of this one adds nothing
            s0 = starts[si]
            s1 = ends[si]
            if not _all_in(others, s0, s1):
                done.add(si)  # depends on the sentence only: its other words fail too
                continue
            clause = clause_of(start, end)
            u0, u1 = clause if by_clause else (s0, s1)
            if listed is not None:
                u0, u1 = listed.item_of(tables.text, closers, start, end, clause) or (u0, u1)
            if one is not None:
                pick = _first_free(one, u0, u1, [(start, end)], pick_asserted, clause_of)
                if pick is None:
                    continue
                terms: tuple[str, ...] = (term, pick[2])
            else:
                picked = self._pick_all(others, u0, u1, start, end, pick_asserted, clause_of, term)
                if picked is None:
                    continue
                terms = picked
            if self.figure and not FIGURE.search(tables.text, u0, u1):
                continue
            if asserted is not None and not asserted(clause):
                continue
            done.add(si)
            hits.append(Hit(s0, s1, terms))
            if len(hits) >= 3:
                break
        return Outcome(bool(hits), tuple(hits))

    @staticmethod
    def _pick_all(
        others: list[Present],
        u0: int,
        u1: int,
        start: int,
        end: int,
        asserted: Callable[[tuple[int, int]], bool] | None,
        clause_of: Callable[[int, int], tuple[int, int]],
        term: str,
    ) -> tuple[str, ...] | None:
        """``term`` and a word of every other group in ``[u0, u1)``, each a different
        occurrence; None when a group has none."""
        used = [(start, end)]
        terms = [term]
        for present in others:
            pick = _first_free(present, u0, u1, used, asserted, clause_of)
            if pick is None:
                return None
            used.append((pick[0], pick[1]))
            terms.append(pick[2])
        return tuple(terms)

    @functools.cached_property
    def _groups(self) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(group) for group in self.all)

    @functools.cached_property
    def _exclude(self) -> tuple[str, ...]:
        return tuple(self.exclude)

    def literals(self) -> Iterable[str]:
        return [t for group in self.all for t in group] + self.exclude


def _present_all(ctx: Context, groups: tuple[tuple[str, ...], ...]) -> list[Present] | None:
    """The words the document holds of each group after the first; None when a group has none."""
    others = []
    for group in groups[1:]:
        present = ctx.present(group)
        if not present:
            return None
        others.append(present)
    return others


def _all_in(others: list[Present], s0: int, s1: int) -> bool:
    """Whether every group has a word starting in ``[s0, s1)``: a cheap necessary
    condition for :func:`_first_free` to find one in a unit of that sentence."""
    for present in others:
        for _term, _n, at in present:
            i = bisect_left(at, s0)
            if i < len(at) and at[i] < s1:
                break
        else:
            return False
    return True


def _first_free(
    present: Present,
    u0: int,
    u1: int,
    used: list[tuple[int, int]],
    asserted: Callable[[tuple[int, int]], bool] | None,
    clause_of: Callable[[int, int], tuple[int, int]],
) -> tuple[int, int, str] | None:
    """The first occurrence ``(start, end, term)``, in that order, of a word of the group
    inside ``[u0, u1)`` that overlaps none of the spans ``used`` (and is asserted, when
    ``asserted`` is given). Each word's occurrences are searched apart and the least
    kept: the answer of one search over all of them merged and sorted."""
    best: tuple[int, int, str] | None = None
    for term, n, at in present:
        i = bisect_left(at, u0)
        k = len(at)
        while i < k:
            s0 = at[i]
            if s0 >= u1:
                break
            s1 = s0 + n
            if best is not None and (s0, s1, term) >= best:
                break  # this word's later occurrences come after the one kept
            i += 1
            if s1 > u1:
                continue
            for a, b in used:
                if s1 > a and s0 < b:
                    break
            else:
                if asserted is not None and not asserted(clause_of(s0, s1)):
                    continue
                best = (s0, s1, term)
                break
    return best


_LIST_RULE = "near.named_in_list"


class _ListRule:
    """Where a list of areas (甲、乙、丙等工作) closes, and how its items are separated."""

    def __init__(self, closers: tuple[str, ...], separator: str) -> None:
        self.closers = closers
        self.separator = separator

    @classmethod
    def of(cls, ctx: Context) -> _ListRule | None:
        """The standard's ``named_in_list`` parameter, if it sets one (read once per document)."""
        memo = ctx.tables.memo
        if _LIST_RULE in memo:
            return memo[_LIST_RULE]  # type: ignore[no-any-return]
        found = memo[_LIST_RULE] = cls._read(ctx)
        return found

    @classmethod
    def _read(cls, ctx: Context) -> _ListRule | None:
        spec = ctx.params.get("named_in_list")
        if not isinstance(spec, dict) or not spec.get("closers"):
            return None
        return cls(tuple(str(c) for c in spec["closers"]), str(spec.get("separator", "、")))

    def spans(self, tables: Tables) -> list[tuple[int, int]]:
        """Every closer's ``(start, end)`` in the document, sorted (shared)."""
        return tables.closer_spans(self.closers)

    def item_of(
        self, text: str, closers: list[tuple[int, int]], start: int, end: int, clause: tuple[int, int]
    ) -> tuple[int, int] | None:
        """The bounds of the list item holding ``[start, end)``, or None when the span is
        not in a list closed by one of ``closers`` (:meth:`spans`) within its clause."""
        c0, c1 = clause
        # the first closer that starts at or after the span's end and ends in the clause
        i = bisect_left(closers, (end, -1))
        close = -1
        while i < len(closers):
            w0, w1 = closers[i]
            if w0 >= c1:
                break
            if w1 <= c1:
                close = w0
                break
            i += 1
        if close < 0:
            return None
        sep = self.separator
        left = text.rfind(sep, c0, start)
        right = text.find(sep, end, close)
        if left < 0 and right < 0:
            return None  # one area alone (普法工作有序开展) is no list
        return (left + len(sep) if left >= 0 else c0), (right if right >= 0 else close)
