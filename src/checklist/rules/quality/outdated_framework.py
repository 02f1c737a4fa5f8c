"""``quality.outdated_framework``: a report on 2021 or later citing only the old 纲要.

The 《法治政府建设实施纲要（2015－2020年）》 and its goal phrase (廉洁高效、守法诚信) were
replaced by the 2021–2025 纲要; citing only the old one means an old template.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import Field

from checklist.rules.matchers.base import Context, Hit
from checklist.rules.quality.base import CheckParams, Issue
from checklist.structure.sections import starts_of

_OLD = re.compile(r"纲要\s?\(?\s?2015\s?[-—–~至]+\s?2020|廉洁高效、守法诚信")
_NEW = re.compile(r"纲要\s?\(?\s?202[01]\s?[-—–~至]+\s?2025|智能高效、廉洁诚信")
# what every match of each begins with (tests/test_quality.py holds them to it)
_OLD_FIRST = ("纲要", "廉洁高效、")
_NEW_FIRST = ("纲要", "智能高效、")


def _finditer(pattern: re.Pattern[str], text: str, firsts: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match begins with one of
    ``firsts``: the pattern is tried only where ``str.find`` finds one of them (the regex
    engine would try it at every offset of the report, a few times slower)."""
    end = 0
    for i in starts_of(text, firsts):
        if i < end:
            continue  # inside the last match: finditer does not look there
        m = pattern.match(text, i)
        if m is not None:
            end = max(m.end(), i + 1)
            yield m


class Params(CheckParams):
    """Parameters of the outdated-framework check."""

    from_year: int = Field(default=2021, ge=2000)


def check(ctx: Context, params: Params) -> list[Issue]:
    """An issue when only the old framework is cited in a recent report."""
    doc = ctx.doc
    year = doc.metadata.year
    if year is None or year < params.from_year:
        return []
    found = list(_finditer(_OLD, doc.text, _OLD_FIRST))
    if found and next(_finditer(_NEW, doc.text, _NEW_FIRST), None) is not None:
        return []
    if not found:
        return []
    hits = []
    starts, ends, _ = doc.sentence_columns()
    for m in found[:3]:
        si = ctx.sentence_at(m.start())
        hits.append(Hit(starts[si], ends[si], (m.group(),)))
    return [Issue("quality.outdated_framework", {"year": year}, tuple(hits))]
