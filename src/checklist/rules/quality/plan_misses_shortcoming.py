"""``quality.plan_misses_shortcoming``: a shortcoming no item of the plan addresses.

Shortcomings and plan items are compared by the fields of work they name, from the
``topics`` list: each topic is a group of words that mean the same field
(``[普法, 法治宣传, 宣传]``). A shortcoming naming a topic is addressed by a plan item
naming the same topic. A shortcoming that names no topic is left to the vague check.
"""

from __future__ import annotations

import functools
from typing import Any

import ahocorasick
from pydantic import Field

from checklist.rules.matchers.base import Context, Hit
from checklist.rules.quality.base import PLAN, SHORTCOMINGS, CheckParams, Issue, units_of


class Params(CheckParams):
    """Parameters of the plan-follow-up check."""

    topics: list[list[str]] = Field(min_length=1)

    @functools.cached_property
    def automaton(self) -> Any:
        """One Aho–Corasick automaton of every topic word, its value the topics' indices;
        None when a word is empty (every text names it: ``topics_in`` answers)."""
        if any(not w for words in self.topics for w in words):
            return None
        topics_of: dict[str, tuple[int, ...]] = {}  # a word may stand in several topics
        for i, words in enumerate(self.topics):
            for w in words:
                topics_of[w] = (*topics_of.get(w, ()), i)
        auto = ahocorasick.Automaton()
        for w, found in topics_of.items():
            auto.add_word(w, found)
        auto.make_automaton()
        return auto


def topics_in(text: str, topics: list[list[str]]) -> set[int]:
    """Indices of the topics ``text`` names."""
    out: set[int] = set()
    for i, words in enumerate(topics):
        for w in words:  # plain loops: a generator per topic cost more than the search
            if w in text:
                out.add(i)
                break
    return out


def _named(text: str, params: Params) -> set[int]:
    """``topics_in(text, params.topics)``, in one pass over the text."""
    auto = params.automaton
    if auto is None:
        return topics_in(text, params.topics)
    return {i for _end, found in auto.iter(text) for i in found}


def check(ctx: Context, params: Params) -> list[Issue]:
    """One issue per shortcoming that no plan item answers (when there is a plan)."""
    doc = ctx.doc
    plan = [(u, _named(doc.text[u.start : u.end], params)) for u in units_of(doc, ctx, PLAN)]
    if not plan:
        return []  # no plan at all is core.next_year_plan's finding
    issues = []
    for unit in units_of(doc, ctx, SHORTCOMINGS):
        named = _named(doc.text[unit.start : unit.end], params)
        if not named:
            continue
        if any(named & covered for _u, covered in plan):
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
