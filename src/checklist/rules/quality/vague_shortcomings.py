"""``quality.vague_shortcomings``: a shortcoming made only of stock phrases.

An item of the shortcomings part is vague when it uses a stock phrase (有待进一步加强,
还不够完善, 仍有差距, 意识不强 …) and names nothing specific: no field of work from the
``specific`` list, no figure, no quoted name (“最多跑一次”, 《…》).
"""

from __future__ import annotations

import functools
import re

import ahocorasick_rs
from pydantic import Field

from checklist.rules.matchers.base import FIGURE, Context, Hit
from checklist.rules.quality.base import SHORTCOMINGS, CheckParams, Issue, units_of

_QUOTED = re.compile(r"\"[^\"]{2,20}\"|《[^》]{2,40}》")


class Params(CheckParams):
    """Parameters of the vague-shortcomings check."""

    stock: list[str] = Field(min_length=1)
    specific: list[str] = Field(min_length=1)

    @functools.cached_property
    def stock_automaton(self) -> ahocorasick_rs.AhoCorasick | None:
        """One Aho–Corasick automaton of the stock phrases; None when one is empty (every
        text holds it: the check searches for each phrase)."""
        if not all(self.stock):
            return None
        return ahocorasick_rs.AhoCorasick(list(dict.fromkeys(self.stock)), store_patterns=True)


def check(ctx: Context, params: Params) -> list[Issue]:
    """One issue per vague shortcoming item."""
    doc = ctx.doc
    units = units_of(doc, ctx, SHORTCOMINGS)
    if not units:
        return []
    # a phrase an item holds is in the text all the items span: each item is searched for
    # those phrases only (in their order), mostly none
    span = doc.text[min(u.start for u in units) : max(u.end for u in units)]
    auto = params.stock_automaton
    if auto is None:
        phrases = [s for s in params.stock if s in span]
    else:  # one scan for every phrase, nested ones too
        held = set(auto.find_matches_as_strings(span, overlapping=True))
        phrases = [s for s in params.stock if s in held] if held else []
    if not phrases:
        return []
    issues = []
    for unit in units:
        text = doc.text[unit.start : unit.end]
        stock = [s for s in phrases if s in text]
        if not stock:
            continue
        # the field of work first: most items name one, and a word is found sooner than
        # the regexes read the item
        if any(w in text for w in params.specific) or _QUOTED.search(text) or FIGURE.search(text):
            continue
        lead = unit.lead_end if unit.lead_end > unit.start else unit.end
        issues.append(
            Issue("quality.vague_shortcomings", {"stock": "、".join(stock[:3])}, (Hit(unit.start, lead, tuple(stock)),))
        )
    return issues
