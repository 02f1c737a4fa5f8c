"""``quality.plan_misses_shortcoming``: a shortcoming no item of the plan addresses.

Shortcomings and plan items are compared by the fields of work they name, from the
``topics`` list: each topic is a group of words that mean the same field
(``[普法, 法治宣传, 宣传]``). A shortcoming naming a topic is addressed by a plan item
naming the same topic. A shortcoming that names no topic is left to the vague check.
"""

from __future__ import annotations

import functools

import ahocorasick_rs
from pydantic import Field

from checklist.rules.matchers.base import Context, Hit
from checklist.rules.quality.base import PLAN, SHORTCOMINGS, CheckParams, Issue, Unit, units_of


class Params(CheckParams):
    """Parameters of the plan-follow-up check."""

    topics: list[list[str]] = Field(min_length=1)

    @functools.cached_property
    def automaton(self) -> tuple[ahocorasick_rs.AhoCorasick, dict[str, tuple[int, ...]]] | None:
        """One Aho–Corasick automaton of every topic word, and each word's topics'
        indices; None when a word is empty (every text names it: ``topics_in`` answers)."""
        if any(not w for words in self.topics for w in words):
            return None
        topics_of: dict[str, tuple[int, ...]] = {}  # a word may stand in several topics
        for i, words in enumerate(self.topics):
            for w in words:
                topics_of[w] = (*topics_of.get(w, ()), i)
        return ahocorasick_rs.AhoCorasick(list(topics_of), store_patterns=True), topics_of


def topics_in(text: str, topics: list[list[str]]) -> set[int]:
    """Indices of the topics ``text`` names."""
    out: set[int] = set()
    for i, words in enumerate(topics):
        for w in words:  # plain loops: a generator per topic cost more than the search
            if w in text:
                out.add(i)
                break
    return out


def _named(text: str, unit: Unit, params: Params) -> set[int]:
    """``topics_in`` the text of ``unit``, one scan of it for every word."""
    found = params.automaton
    if found is None:
        return topics_in(text[unit.start : unit.end], params.topics)
    auto, topics_of = found
    named: set[int] = set()
    # every occurrence, nested ones too, as the words themselves (cheaper than indexes)
    for word in set(auto.find_matches_as_strings(text[unit.start : unit.end], overlapping=True)):
        named.update(topics_of[word])
    return named


def check(ctx: Context, params: Params) -> list[Issue]:
    """One issue per shortcoming that no plan item answers (when there is a plan)."""
    doc = ctx.doc
    text = doc.text
    plan = units_of(doc, ctx, PLAN)
    if not plan:
        return []  # no plan at all is core.next_year_plan's finding
    units = units_of(doc, ctx, SHORTCOMINGS)
    named_by_unit = [_named(text, unit, params) for unit in units]
    # a shortcoming is answered when one plan item names a topic it names: when it names
    # one of the topics the plan's items name together. The plan is read item by item
    # until every shortcoming that names a topic is answered (then none is an issue).
    unanswered = [named for named in named_by_unit if named]
    covered: set[int] = set()
    for item in plan:
        if not unanswered:
            return []
        covered |= _named(text, item, params)
        unanswered = [named for named in unanswered if named.isdisjoint(covered)]
    if not unanswered:
        return []
    issues = []
    for unit, named in zip(units, named_by_unit, strict=True):
        if not named or not named.isdisjoint(covered):
            continue
        words = [params.topics[i][0] for i in sorted(named)]
        lead = unit.lead_end if unit.lead_end > unit.start else unit.end
        issues.append(
            Issue(
                "quality.plan_misses_shortcoming",
                {"topics": "、".join(words[:4])},
                (Hit(unit.start, lead, tuple(words)),),
            )
        )
    return issues
