"""Metadata: title, issuer, level, year, date, published, addressee — and where each is.

The values come from the header and signature that :mod:`checklist.structure.layout`
found; page metadata (发布日期, 发布机构, 成文日期 …) fills what the text does not say.
Values the report does not state are ``None``. The issuer comes from the signature, the
header or title naming the body, the page's 发布机构, and failing those from the body the
opening names as its subject (:mod:`checklist.structure.opening`); ``issuer_source`` says
which. The year comes from the title, else from what the opening says it reports on,
never from a site banner or a cited document; the date from the signature or a 成文日期
field. Which page fields give which value is defined once, in :mod:`checklist.vocabulary`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from checklist.document import Metadata
from checklist.ingest.shapes import is_org_line, is_title_line, match_marker, match_marker_at
from checklist.structure.layout import Layout
from checklist.structure.levels import is_place_name, level_of
from checklist.structure.numerals import YEAR_RE, find_date, year_value
from checklist.structure.opening import NOTHING, Opening, is_body_name, line_year, read_line
from checklist.vocabulary import DATE_FIELDS, ISSUER_FIELDS, MINISTRY_SUFFIXES, PUBLISHED_FIELDS, TITLE_FIELD

# The field groups answer here too: the rules ask the metadata which fields it reads.
__all__ = ["DATE_FIELDS", "ISSUER_FIELDS", "PUBLISHED_FIELDS", "extract"]

_ISSUER_BEFORE = re.compile(r"^(.{2,60}?)\s?(?:关于|\d{4}\s?年|[〇○零一二][〇○零一二三四五六七八九]{3}\s?年)")
# a title may name the body after the year: 2020年某某区法治政府建设情况报告
_ISSUER_AFTER_YEAR = re.compile(
    r"^(?:\d{4}|[〇○零一二][〇○零一二三四五六七八九]{3})\s?年度?\s?(.{2,40}?)\s?(?:法治|法制|依法)"
)
_PAGE_TITLE_TAIL = re.compile(r"\s?[_|｜]\s?|\s-\s")  # …报告_某某门户网站
_OPENING_LINES = 3  # body lines that may hold the opening sentence (a heading may come first)
_YEAR_LINES = 6  # body lines whose opening year may be the year reported on (2019年度为…)
_PLAN_WORDS = ("安排", "打算", "计划", "思路", "下一步", "下步")  # a heading naming next year


@dataclass(slots=True)
class _Source:
    """The lines metadata is read from, and what has been found so far."""

    text: str
    lines: Sequence[tuple[int, int]]
    layout: Layout
    page: Mapping[str, str]
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # normalised, per value
    fields_used: dict[str, str] = field(default_factory=dict)  # page field, per value

    def line_text(self, i: int) -> str:
        return self.text[self.lines[i][0] : self.lines[i][1]]

    def group_span(self, idx: Sequence[int]) -> tuple[int, int]:
        return self.lines[idx[0]][0], self.lines[idx[-1]][1]

    def has_body(self) -> bool:
        return self.layout.body_first < self.layout.body_stop

    def body_lines(self, count: int) -> range:
        """The first ``count`` lines of the body."""
        return range(self.layout.body_first, min(self.layout.body_stop, self.layout.body_first + count))

    def opening(self) -> Opening:
        """What the opening paragraph says: the first body line that is no heading (or
        the first few, when the opening sentence is cut short of its subject)."""
        found = NOTHING
        for i in self.body_lines(_OPENING_LINES):
            start, end = self.lines[i]
            if match_marker_at(self.text, start, end) is not None:
                continue
            found = found.merged(read_line(self.text, start, end))
            if found.subject or found.own_level:
                break
        return found


def extract(
    text: str,
    lines: Sequence[tuple[int, int]],
    layout: Layout,
    page_metadata: Mapping[str, str],
) -> tuple[Metadata, dict[str, tuple[int, int]], dict[str, str]]:
    """Metadata values, the normalised span behind each, and the page field used."""
    src = _Source(text, lines, layout, page_metadata)
    title = _title(src)
    page_title = _page_title(page_metadata.get(TITLE_FIELD))
    opening = src.opening() if src.has_body() else NOTHING
    issuer, issuer_source = _issuer(src, title, opening)
    level = _level(src, issuer, opening)
    year, year_source = _year(src, title, page_title, opening)
    date = _date(src)
    published = _date_from_fields(src, "published", PUBLISHED_FIELDS)
    addressee = _addressee(src)
    meta = Metadata(
        title=title or page_title,
        issuer=issuer,
        issuer_source=issuer_source,
        level=level,
        year=year,
        year_source=year_source,
        date=date,
        published=published,
        addressee=addressee,
    )
    return meta, src.spans, src.fields_used


def _title(src: _Source) -> str | None:
    first = src.layout.title_line
    if first is None:
        return None
    last = src.layout.title_end_line if src.layout.title_end_line is not None else first
    src.spans["title"] = (src.lines[first][0], src.lines[last][1])
    return "".join(src.line_text(i) for i in range(first, last + 1))


def _page_title(value: str | None) -> str | None:
    """A page's title field when it names the report (``…报告_某某门户网站`` → ``…报告``)."""
    if not value:
        return None
    head = _PAGE_TITLE_TAIL.split(value.strip())[0].strip()
    return head if is_title_line(head) else None


def _issuer(src: _Source, title: str | None, opening: Opening) -> tuple[str | None, str | None]:
    """The issuer and where it came from: the signature, else the header or the title
    naming the body, else a page field, else the body the opening names as its subject."""
    if src.layout.signature_org_lines:
        return _org_lines(src, src.layout.signature_org_lines), "signature"
    named = _title_body(src, title)
    header = src.layout.header_org_lines
    # An org line above a title that names its own body is the site's banner, not a
    # joint header (某某市人民政府 / 某某乡人民政府关于…的报告).
    if header and (named is None or named[0] in _joined(src, header)):
        return _org_lines(src, header), "header"
    if named is not None:
        src.spans["issuer"] = named[1]
        return named[0], "title"
    subject = src.text[opening.subject[0] : opening.subject[1]] if opening.subject else None
    for key in ISSUER_FIELDS:
        value = src.page.get(key, "").split(" ")[0]
        if value and _may_report(value, subject):
            src.fields_used["issuer"] = key
            return value, "page"
    if opening.subject is not None:
        # A body named only in running text: the issuer all the same (format.issuer asks
        # for more, and its rule looks at issuer_source).
        src.spans["issuer"] = opening.subject
        return src.text[opening.subject[0] : opening.subject[1]], "body"
    return None, None


def _may_report(page_body: str, subject: str | None) -> bool:
    """Whether the page's 发布机构 can be the body whose report it is: not when the opening
    names as its subject a body of another level (a county's site publishing a town's
    report, a 司法局 publishing its government's)."""
    if subject is None:
        return True
    theirs, ours = level_of(page_body), level_of(subject)
    return theirs is None or ours is None or theirs == ours


def _joined(src: _Source, idx: Sequence[int]) -> str:
    return " ".join(src.line_text(i) for i in idx)


def _org_lines(src: _Source, idx: Sequence[int]) -> str:
    src.spans["issuer"] = src.group_span(idx)
    return _joined(src, idx)


def _title_body(src: _Source, title: str | None) -> tuple[str, tuple[int, int]] | None:
    """The body a title opens with (某某县司法局关于…, 某某区2023年度…, 关于某某县司法局2023年度…)
    and its span."""
    if not title:
        return None
    m = _ISSUER_BEFORE.match(title) or _ISSUER_AFTER_YEAR.match(title)
    if m is None:
        return None
    named = m.group(1).strip()
    skip = 0
    if named.startswith("关于"):  # 关于 opens the title, the body follows it
        skip = len("关于")
        named = named[skip:].lstrip()
    if not (is_org_line(named) or is_place_name(named) or (named.endswith(MINISTRY_SUFFIXES) and is_body_name(named))):
        return None
    start = src.spans["title"][0] + m.start(1) + m.group(1).index(named, skip)
    return named, (start, start + len(named))


def _level(src: _Source, issuer: str | None, opening: Opening) -> str | None:
    level = level_of(issuer)
    if level is None and opening.subject is not None:
        level = level_of(src.text[opening.subject[0] : opening.subject[1]])
        if level is not None:
            src.spans["level"] = opening.subject
    if level is None:
        # "we" as the subject (我局坚持…): no name, but the kind of body, and so the profile
        level = opening.own_level
    return level


def _year(src: _Source, title: str | None, page_title: str | None, opening: Opening) -> tuple[int | None, str | None]:
    """From the title (or the page's title), else the year the opening says it reports on."""
    if title is not None:
        ym = YEAR_RE.search(src.text, *src.spans["title"])
        year = year_value(ym.group("y")) if ym else None
        if ym and year is not None:
            src.spans["year"] = (ym.start(), ym.end())
            return year, "title"
    elif page_title:
        ym = YEAR_RE.search(page_title)
        year = year_value(ym.group("y")) if ym else None
        if year is not None:
            src.fields_used["year"] = TITLE_FIELD
            return year, "page"
    span = opening.year or _first_line_year(src)
    if span is not None:
        ym = YEAR_RE.match(src.text, *span)
        year = year_value(ym.group("y")) if ym else None
        if year is not None:
            src.spans["year"] = span
            return year, "body"
    return None, None


def _first_line_year(src: _Source) -> tuple[int, int] | None:
    """A year an early body line opens with (``2019年度为…``, ``一、2022年度…工作情况``),
    unless the line is a plan heading (next year's arrangements)."""
    for i in src.body_lines(_YEAR_LINES):
        span = line_year(src.text, *src.lines[i])
        if span is not None:
            heading = match_marker(src.line_text(i)) is not None
            return None if heading and any(w in src.line_text(i) for w in _PLAN_WORDS) else span
    return None


def _date(src: _Source) -> dt.date | None:
    """The signature's date, else a document-date page field (成文日期)."""
    line = src.layout.signature_date_line
    if line is not None:
        found = find_date(src.line_text(line))
        if found:
            src.spans["date"] = src.lines[line]
            return found[0]
    return _date_from_fields(src, "date", DATE_FIELDS)


def _date_from_fields(src: _Source, what: str, keys: Sequence[str]) -> dt.date | None:
    for key in keys:
        value = src.page.get(key)
        found = find_date(value) if value else None
        if found:
            src.fields_used[what] = key
            return found[0]
    return None


def _addressee(src: _Source) -> str | None:
    line = src.layout.addressee_line
    if line is None:
        return None
    src.spans["addressee"] = src.lines[line]
    return src.line_text(line).rstrip(":").strip() or None
