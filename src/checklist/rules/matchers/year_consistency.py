"""``year_consistency``: one reported year throughout, next year in the plan.

Example (YAML)::

    met:
      year_consistency: {}

Checks, against the reported year (from the title, else the opening sentence, else the
year before the one the plan part's headings name): the plan
part's headings name reported year + 1 when they name a year; no paragraph of the
year's work opens by narrating another year (``2022年，我镇…`` in a 2023 report); the
opening sentence does not contradict the title; no template placeholders are left
(``20XX年``, ``××``, ``此处填写``). The evidence of a conflict is the conflicting text.
"""

from __future__ import annotations

import re

from checklist.document import Document
from checklist.rules.matchers.base import Context, Hit, MatcherModel, Outcome
from checklist.structure.numerals import YEAR_RE, year_value
from checklist.structure.sections import MEASURES, PLAN, PREAMBLE

# the lookahead names the characters a placeholder starts with, so the engine skips
# ahead instead of trying every alternative at every offset; every placeholder holds
# one of _PLACEHOLDER_CHARS or 填写 (a report without any is not scanned; one character
# is found in a fraction of a microsecond, a two-character word in Chinese text costs
# ten, so 填写 is looked for only when 填 is there)
_PLACEHOLDER = re.compile(r"(?=[2XＸ×此\[【])(?:20[XＸx×]{2}\s?年|[XＸ×]{2}\s?年|×{2,}|此处填写|\[填写|【填写)")
_PLACEHOLDER_CHARS = ("X", "Ｘ", "x", "×")
_NARRATION = re.compile(r"((?:19|20)\d{2})\s?年度?(?:[,，]|全年|上半年|我)")


class YearConsistency(MatcherModel):
    """Matched when no year in the report contradicts the reported year."""

    def evaluate(self, ctx: Context) -> Outcome:
        year = ctx.doc.metadata.year
        if year is None:
            # no title and no year in the opening (现将本年度…报告如下): the plan part
            # still says which year follows the reported one (二、2024年工作安排)
            year = _year_before_plan(ctx)
        if year is None:
            return Outcome(False, note="no_year")
        good = _title_year(ctx.doc, year)
        plan_good, conflicts = _plan_headings(ctx, year)
        good += plan_good
        conflicts += _narrated_years(ctx, year)
        conflicts += _placeholders(ctx)
        if conflicts:
            return Outcome(
                False,
                tuple(conflicts[:5]),
                note="conflict",
                note_args={"year": year, "found": "、".join(dict.fromkeys(t for h in conflicts for t in h.terms))},
            )
        return Outcome(True, tuple(good[:2]), note=None)


def _title_year(doc: Document, year: int) -> list[Hit]:
    """Where the reported year was read: in the body's title, else in a page title outside it."""
    if "year" in doc.meta_norm_spans:
        return [Hit(*doc.meta_norm_spans["year"], (str(year),))]
    if "year" in doc.meta_spans:
        return [Hit(-1, -1, (str(year),), label="标题", orig=doc.meta_spans["year"])]
    return []


def _plan_headings(ctx: Context, year: int) -> tuple[list[Hit], list[Hit]]:
    """Years named in the plan part's headings: (those naming next year, the others)."""
    doc = ctx.doc
    good: list[Hit] = []
    conflicts: list[Hit] = []
    for s in ctx.tables.top_sections(PLAN):
        heading = doc.text[s.start : s.heading_end]
        for m in YEAR_RE.finditer(heading):
            y = year_value(m.group("y"))
            hit = Hit(s.start, s.heading_end, (m.group(),))
            if y == year + 1:
                good.append(hit)
            elif y is not None:
                conflicts.append(hit)
    return good, conflicts


def _year_before_plan(ctx: Context) -> int | None:
    """The year before the one the plan part's headings name, when they name one only."""
    doc = ctx.doc
    named = {
        y
        for s in ctx.tables.top_sections(PLAN)
        for m in YEAR_RE.finditer(doc.text, s.start, s.heading_end)
        if (y := year_value(m.group("y"))) is not None
    }
    return named.pop() - 1 if len(named) == 1 else None


def _narrated_years(ctx: Context, year: int) -> list[Hit]:
    """Paragraphs of the year's work (or the opening) that open by narrating another year."""
    doc = ctx.doc
    conflicts: list[Hit] = []
    text = doc.text
    starts, ends, sections = doc.sentence_columns()  # no Sentence object is made
    for start, end in doc.lines:
        # a narrated year starts with 19 or 20: most lines are passed over without a match
        if start < doc.body_start or start >= end or text[start] not in "12":
            continue
        found = _NARRATION.match(text, start, end)
        if not found:
            continue
        si = ctx.sentence_at(start)
        kinds = ctx.regions.kinds_at(doc, start, sections[si])
        y = year_value(found.group(1))
        if y is None or y == year or (PLAN in kinds and y == year + 1):
            continue
        if kinds & {MEASURES, PREAMBLE}:
            conflicts.append(Hit(starts[si], ends[si], (found.group(1) + "年",)))
    return conflicts


def _placeholders(ctx: Context) -> list[Hit]:
    """Template placeholders left in the text (``20XX年``, ``××``, ``此处填写``)."""
    doc = ctx.doc
    out: list[Hit] = []
    text = doc.text
    if not any(c in text for c in _PLACEHOLDER_CHARS) and not ("填" in text and "填写" in text):
        return out
    starts, ends, _ = doc.sentence_columns()
    for m in _PLACEHOLDER.finditer(doc.text):
        si = ctx.sentence_at(m.start())
        out.append(Hit(starts[si], ends[si], (m.group(),)))
    return out
