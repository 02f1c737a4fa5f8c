"""Section kinds: which part of the report a sentence belongs to.

The five statutory parts appear under many headings and outlines: five parts in
order, the first-responsible part first, topic-organised reports, 指标完成情况 /
存在的主要问题 / 工作思路, 工作开展情况 / 存在的问题 / 下一步打算. A heading is classified
by what it names; a section without a telling heading inherits its parent's kind, and
an untitled top-level section is topical work (measures). Inside a shortcomings or plan
section the sub-headings (``(二)工作思路不够开阔``) do not change the kind.

The sentence that announces what the report contains (``现将本年度工作情况、存在不足及
下一步安排报告如下``, ``本报告包括工作开展情况、…、存在的差距和不足及2022年工作安排四个部分``)
is a region of its own, ``contents``, from the clause it starts in to the sentence's end:
it names the parts without stating any of them, so it is evidence of none.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from checklist.document import Document, Section
from checklist.structure.clauses import CLAUSE_BREAK
from checklist.structure.numerals import YEAR_RE, year_value
from checklist.vocabulary import (
    OUTLINE_STATEMENT_PARTS,
    OUTLINE_STATEMENT_SUBJECTS,
    OUTLINE_STATEMENT_VERBS,
    REPORT_STATEMENT_OPENERS,
    REPORT_STATEMENT_WORDS,
    alternation,
)

MEASURES = "measures"
SHORTCOMINGS = "shortcomings"
PLAN = "plan"
FIRST_RESPONSIBLE = "first_responsible"
OTHER = "other"
PREAMBLE = "preamble"
HEADER = "header"
SIGNATURE = "signature"
CONTENTS = "contents"  # the sentence announcing the report's parts (现将…报告如下)

#: every kind a scope can name, and the groups of kinds
KINDS = (MEASURES, SHORTCOMINGS, PLAN, FIRST_RESPONSIBLE, OTHER, PREAMBLE, HEADER, SIGNATURE, CONTENTS)
SCOPES: dict[str, frozenset[str]] = {
    **{k: frozenset({k}) for k in KINDS},
    # text that reports the year's work: where evidence of what was *done* may come from
    "work": frozenset({MEASURES, FIRST_RESPONSIBLE, PREAMBLE, OTHER}),
    "body": frozenset({MEASURES, FIRST_RESPONSIBLE, PREAMBLE, OTHER, SHORTCOMINGS, PLAN}),
    "any": frozenset(KINDS),
}

_SHORT = re.compile(
    r"存在的?(?:主要)?(?:问题|不足|困难|短板|差距|薄弱环节)|"
    r"(?:问题|不足|短板|弱项|差距|困难)(?:和|与|及|、)(?:不足|原因|困难|问题|短板|弱项|差距|挑战)|"
    r"不足之处|短板弱项|薄弱环节|面临的(?:问题|困难|挑战)|工作中的(?:不足|问题|短板|差距)"
)
# … and a heading that is only ``(主要)问题/不足`` (what ``^(?:主要)?(?:问题|不足)$`` matched
# as one more branch of _SHORT: an anchored branch kept the engine from skipping ahead,
# 0.39 against 0.30 µs a heading; ``$`` also matches before a final line break)
_SHORT_WHOLE = frozenset(w + end for w in ("问题", "不足", "主要问题", "主要不足") for end in ("", "\n"))
_PLAN = re.compile(
    r"打算|下一?步|下一?阶段|明年|来年|下一?年度?|今后|努力方向|主要安排|工作安排|工作计划|"
    r"工作思路|思路举措|工作谋划|工作设想|工作展望"
)
_PLAN_YEAR = re.compile(r"(\d{4})年度?.{0,12}?(?:重点|任务|目标|安排|计划|思路|举措|设想|展望)")  # (only when 年 is in)
# a later year's work named plainly (2024年主要工作, 2024年拟开展的工作): a plan only when
# the report's year is known and this one is after it
_LATER_YEAR_WORK = re.compile(r"(\d{4})年度?(?:拟开展的|的)?(?:主要|重点)?工作")
_NOT_PLAN = re.compile(r"成效|做法|开展情况|完成情况")
_NOT_PLAN_YEAR = re.compile(r"成效|做法|情况")
_FIRST = re.compile(r"第一责任|主要负责(?:人|同志).{0,12}(?:职责|责任)|主要领导.{0,12}(?:职责|责任)")
_FIRST_AND_WORK = re.compile(r"加强法治政府(?:部门)?建设的?(?:有关|相关)?情况")
_MEASURES = re.compile(
    r"举措|做法|成效|成绩|工作情况|开展情况|完成情况|落实情况|建设情况|推进情况|主要工作|工作进展|"
    r"取得|进展|情况"
)
# the statutory fifth part (其他需要报告的情况); a topic section named 其他工作 (the year's
# remaining work) is not it
_OTHER = re.compile(r"其他需要|其它需要|其他事项|其他情况")
# the leading lookahead (the first characters of the openers and subjects) lets the
# regex engine skip to candidate offsets instead of trying both branches everywhere
_CONTENTS_FIRST = "".join(sorted({re.escape(w[0]) for w in (*REPORT_STATEMENT_OPENERS, *OUTLINE_STATEMENT_SUBJECTS)}))
# the same first characters, each looked for with str.find (a dozen hits in a report):
# four fast scans cost less than one regex scan for a class of four
_CONTENTS_FIRST_CHARS = tuple(sorted({w[0] for w in (*REPORT_STATEMENT_OPENERS, *OUTLINE_STATEMENT_SUBJECTS)}))
_CONTENTS = re.compile(
    rf"(?=[{_CONTENTS_FIRST}])"
    rf"(?:(?:{alternation(REPORT_STATEMENT_OPENERS)})[^。]{{0,80}}?(?:{alternation(REPORT_STATEMENT_WORDS)})"
    rf"|(?:{alternation(OUTLINE_STATEMENT_SUBJECTS)})(?:{alternation(OUTLINE_STATEMENT_VERBS)})"
    rf"[^。]{{0,120}}?(?:{alternation(OUTLINE_STATEMENT_PARTS)}))"
)


def heading_kinds(title: str, year: int | None = None) -> frozenset[str]:
    """Kinds named by a heading's text (without its marker)."""
    # (every branch of _OTHER holds 其 and every branch of _FIRST holds 责: a heading
    # without the character is not searched)
    if "其" in title and _OTHER.search(title):
        return _OTHER_KIND
    short = _SHORT.search(title) is not None or title in _SHORT_WHOLE
    plan = _PLAN.search(title) is not None and _NOT_PLAN.search(title) is None
    if not plan and "年" in title:
        m = _PLAN_YEAR.search(title)
        if m and not _NOT_PLAN_YEAR.search(title):
            y = year_value(m.group(1))
            plan = year is None or (y is not None and y > year)
        elif year is not None and not _NOT_PLAN_YEAR.search(title):
            m = _LATER_YEAR_WORK.search(title)
            y = year_value(m.group(1)) if m else None
            plan = y is not None and y > year
    if short and plan:
        return _SHORT_AND_PLAN
    if short:
        return _SHORTCOMINGS_KIND
    if plan:
        return _PLAN_KIND
    if "责" in title and _FIRST.search(title):
        # the statutory second part in full (…第一责任人职责，加强法治政府建设的有关情况)
        # also gives the year's work: a report may have no other section for it
        if _FIRST_AND_WORK.search(title):
            return _FIRST_AND_MEASURES
        return _FIRST_KIND
    if _MEASURES.search(title):
        return _MEASURES_KIND
    return _NO_KIND


# the kinds as shared constants: the same sets, not new ones per heading
_OTHER_KIND = frozenset({OTHER})
_SHORTCOMINGS_KIND = frozenset({SHORTCOMINGS})
_PLAN_KIND = frozenset({PLAN})
_SHORT_AND_PLAN = frozenset({SHORTCOMINGS, PLAN})
_FIRST_KIND = frozenset({FIRST_RESPONSIBLE})
_FIRST_AND_MEASURES = frozenset({FIRST_RESPONSIBLE, MEASURES})
_MEASURES_KIND = frozenset({MEASURES})
_NO_KIND: frozenset[str] = frozenset()
_INHERITED = (_SHORTCOMINGS_KIND, _PLAN_KIND, _OTHER_KIND)  # kinds a sub-heading does not change


@dataclass(frozen=True, slots=True)
class Regions:
    """The kind(s) of every section, and a way to ask the kinds of any offset."""

    section_kinds: tuple[frozenset[str], ...]
    body_start: int
    signature_start: int | None
    contents: tuple[tuple[int, int], ...] = ()  # spans announcing the report's parts, sorted

    def kinds_at(self, doc: Document, pos: int, section: int) -> frozenset[str]:
        """Kinds of the text at normalised offset ``pos`` in section ``section``."""
        if pos < self.body_start:
            return frozenset({HEADER})
        if self.signature_start is not None and pos >= self.signature_start:
            return frozenset({SIGNATURE})
        if self.in_contents(pos):
            return frozenset({CONTENTS})
        if section < 0:
            return frozenset({PREAMBLE})
        return self.section_kinds[section]

    def sentence_kinds(self, doc: Document) -> list[frozenset[str]]:
        """:meth:`kinds_at` of every sentence's start, in sentence order, made by ranges of
        the sorted starts (header, signature, contents spans) and a lookup per section
        instead of a call per sentence."""
        starts, _, sections = doc.sentence_columns()
        # index -1 (no section) is the last entry: the preamble
        kinds = list(map((*self.section_kinds, _PREAMBLE).__getitem__, sections))
        body = bisect_left(starts, self.body_start)
        stop = len(starts) if self.signature_start is None else bisect_left(starts, self.signature_start)
        if stop < body:
            stop = body
        for a, b in self.contents:
            lo = max(bisect_left(starts, a), body)
            hi = min(bisect_left(starts, b), stop)
            if lo < hi:
                kinds[lo:hi] = [_CONTENTS_KIND] * (hi - lo)
        kinds[:body] = [_HEADER] * body
        kinds[stop:] = [_SIGNATURE] * (len(starts) - stop)
        return kinds

    def in_contents(self, pos: int) -> bool:
        """Whether ``pos`` lies in a sentence (part) announcing the report's contents."""
        i = bisect_right(self.contents, (pos, _END)) - 1
        return i >= 0 and pos < self.contents[i][1]


_END = 1 << 62  # sorts after every real offset at the same start
_HEADER = frozenset({HEADER})
_SIGNATURE = frozenset({SIGNATURE})
_CONTENTS_KIND = frozenset({CONTENTS})
_PREAMBLE = frozenset({PREAMBLE})


def classify(doc: Document) -> Regions:
    """Give every section of ``doc`` its kind(s)."""
    year = doc.metadata.year
    kinds: list[frozenset[str]] = []
    for s in doc.sections:
        own = heading_kinds(s.title, year)
        parent = kinds[s.parent] if s.parent >= 0 else None
        kinds.append(_effective(own, parent))
    return Regions(tuple(kinds), doc.body_start, doc.signature_start, contents_spans(doc))


def starts_of(text: str, needles: Sequence[str]) -> list[int]:
    """Every offset of ``text`` where one of ``needles`` starts, in order: a prefilter for
    a pattern whose matches all begin with one of them (``str.find`` skips ahead; a regex
    whose pattern opens with an alternation or a lookahead is tried at every offset)."""
    found: list[int] = []
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            found.append(at)
            at = text.find(needle, at + 1)
    found.sort()
    return found


def contents_spans(doc: Document) -> tuple[tuple[int, int], ...]:
    """The parts of sentences that announce what the report contains: from the start of
    the clause holding ``现将…报告`` or ``本报告包括…部分`` to the end of the sentence."""
    out = []
    text = doc.text
    starts, ends, _ = doc.sentence_columns()
    # a statement starts with one of a few characters, found a dozen times in a report:
    # the pattern is matched at each of them in turn (no pattern searched along a
    # sentence), and a sentence's first match is the one its search would find
    match = _CONTENTS.match
    done = -1  # the last sentence a statement was found in
    for pos in starts_of(text, _CONTENTS_FIRST_CHARS):
        i = bisect_right(starts, pos) - 1
        if i <= done or pos >= ends[i]:
            continue  # a sentence already announcing, or no sentence (i < 0 is below done)
        s_end = ends[i]
        if match(text, pos, s_end) is None:
            continue
        done = i
        start = starts[i]
        for b in CLAUSE_BREAK.finditer(text, start, pos):
            start = b.end()
        out.append((start, s_end))
    return tuple(out)


def _effective(own: frozenset[str], parent: frozenset[str] | None) -> frozenset[str]:
    if parent is None:
        return own or _MEASURES_KIND
    if parent in _INHERITED:
        return parent
    if len(parent) > 1:  # a mixed heading (问题及下一步打算): children decide
        return own if own and own <= parent else parent
    if own and own != _MEASURES_KIND:
        return own
    return parent


def top_sections_of(doc: Document, regions: Regions, kind: str) -> Sequence[Section]:
    """Sections of ``kind`` whose parent is not of that kind (the part's own heading)."""
    out = []
    for s in doc.sections:
        k = regions.section_kinds[s.index]
        parent = regions.section_kinds[s.parent] if s.parent >= 0 else frozenset()
        if kind in k and (kind not in parent or len(parent) > 1):
            out.append(s)
    return out


def years_in(text: str) -> list[tuple[int, int, int]]:
    """Every year written as ``2023年`` in ``text``: (year, start, end)."""
    out = []
    for m in YEAR_RE.finditer(text):
        y = year_value(m.group("y"))
        if y is not None:
            out.append((y, m.start(), m.end()))
    return out
