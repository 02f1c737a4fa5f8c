"""What the quality checks share: their context, their parameter models, their output.

A quality check reads a document and returns issues; it never changes a requirement's
verdict. Thresholds and word lists are parameters in the standard's ``quality:`` block.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict

from checklist.document import Document
from checklist.rules.matchers.base import Context, Hit
from checklist.structure.sections import PLAN, SHORTCOMINGS, Regions, top_sections_of
from checklist.vocabulary import HEADING_MARKERS


class CheckParams(BaseModel):
    """Base of every check's parameters (unknown keys are errors)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True, slots=True)
class Issue:
    """One quality finding before it is rendered: a message key, its arguments, evidence."""

    message: str  # key in the message catalogue
    args: Mapping[str, Any] = field(default_factory=dict)
    hits: tuple[Hit, ...] = ()


class Unit(NamedTuple):
    """An item of a part of the report: a sub-section, an enumerated point or a paragraph
    (a named tuple: cheap to make, immutable)."""

    start: int
    end: int
    lead_end: int  # end of the item's heading or lead phrase (== start when none)


def units_of(doc: Document, ctx: Context, kind: str) -> list[Unit]:
    """The items of the part of ``kind`` (shortcomings, plan): its sub-sections if it
    has them, else its enumerated points, else its paragraphs (once per document and
    kind: the list is shared, do not change it)."""
    shared = doc is ctx.doc
    if shared:
        known: list[Unit] | None = ctx.tables.memo.get("units." + kind)
        if known is not None:
            return known
    out: list[Unit] = []
    parts = ctx.tables.top_sections(kind) if shared else top_sections_of(doc, ctx.regions, kind)
    for part in parts:
        children = [s for s in doc.sections if s.parent == part.index]
        if children:
            out.extend(Unit(c.start, c.end, c.heading_end) for c in children)
            continue
        items = [i for i in doc.items if part.start <= i.start < part.end]
        if items:
            out.extend(Unit(i.start, i.end, i.lead_end) for i in items)
            continue
        for start, end in doc.lines:
            if part.heading_end <= start < part.end:
                out.append(Unit(start, end, start))
    if shared:
        ctx.tables.memo["units." + kind] = out
    return out


def region_text(doc: Document, regions: Regions, kinds: frozenset[str], ctx: Context | None = None) -> str:
    """All body text whose region is one of ``kinds`` (the sentences' kinds from
    ``ctx``'s tables when it is given for ``doc``)."""
    text = doc.text
    if ctx is not None and ctx.doc is doc:
        # the tables' sentence columns: no Sentence object is made
        t = ctx.tables
        spans = zip(t.starts, t.ends, t.kinds, strict=True)
        return "".join(text[a:b] for a, b, here in spans if not kinds.isdisjoint(here))
    parts = []
    for s in doc.sentences:
        if regions.kinds_at(doc, s.start, s.section) & kinds:
            parts.append(text[s.start : s.end])
    return "".join(parts)


# What a leading marker is, in one anchored alternation: the outline markers in the order
# outline.match_marker tries them (the first form that matches wins), else ``一是``; the
# ``一是`` form only when no outline marker stands before it (``(4)一是`` keeps its 一是).
# No form looks behind, so a match at a sentence's offset inside the whole text, with the
# sentence's end as ``endpos``, answers as a match on the sentence cut out would.
LEADING_MARKER = re.compile(
    "(?:" + "|".join(f"(?:{source})" for _rank, source in HEADING_MARKERS) + ")|[一二三四五六七八九十]{1,3}是"
)


def marker_end(text: str, start: int, end: int) -> int:
    """Where the text ``text[start:end]`` begins after a leading outline marker or
    ``一是`` (``start`` when it has none); no slice is made."""
    m = LEADING_MARKER.match(text, start, end)
    return start if m is None else m.end()


def strip_marker(text: str) -> tuple[str, int]:
    """The text without a leading outline marker or ``一是``, and how many chars went."""
    cut = marker_end(text, 0, len(text))
    return text[cut:], cut


__all__ = [
    "LEADING_MARKER",
    "PLAN",
    "SHORTCOMINGS",
    "CheckParams",
    "Issue",
    "Unit",
    "marker_end",
    "region_text",
    "strip_marker",
    "units_of",
]
