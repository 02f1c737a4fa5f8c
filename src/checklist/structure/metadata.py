"""Metadata: title, issuer, level, year, date, published, addressee — and where each is.

The values come from the header and signature that :mod:`checklist.structure.layout`
found; page metadata (发布日期, 发布机构, 成文日期 …) fills what the text does not say.
Values the report does not state are ``None``: the year comes from the title or the
opening sentence, never from a site banner; the date from the signature or a 成文日期
field. Which page fields give which value is defined once, in :mod:`checklist.vocabulary`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from checklist.document import Metadata
from checklist.ingest.shapes import is_org_line, is_title_line
from checklist.structure.layout import Layout
from checklist.structure.levels import is_place_name, level_of, opening_subject
from checklist.structure.numerals import YEAR_RE, find_date, year_value
from checklist.vocabulary import DATE_FIELDS, ISSUER_FIELDS, PUBLISHED_FIELDS, TITLE_FIELD

# The field groups answer here too: the rules ask the metadata which fields it reads.
__all__ = ["DATE_FIELDS", "ISSUER_FIELDS", "PUBLISHED_FIELDS", "extract"]

_ISSUER_BEFORE = re.compile(r"^(.{2,60}?)\s?(?:关于|\d{4}\s?年|[〇○零一二][〇○零一二三四五六七八九]{3}\s?年)")
_PAGE_TITLE_TAIL = re.compile(r"\s?[_|｜]\s?|\s-\s")  # …报告_某某门户网站


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
    issuer = _issuer(src, title)
    level = _level(src, issuer)
    year = _year(src, title, page_title)
    date = _date(src)
    published = _date_from_fields(src, "published", PUBLISHED_FIELDS)
    addressee = _addressee(src)
    meta = Metadata(title=title or page_title, issuer=issuer, level=level, year=year,
                    date=date, published=published, addressee=addressee)
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


def _issuer(src: _Source, title: str | None) -> str | None:
    """From the signature, else the header, else the title's opening words, else a page field."""
    for org_lines in (src.layout.signature_org_lines, src.layout.header_org_lines):
        if org_lines:
            src.spans["issuer"] = src.group_span(org_lines)
            return " ".join(src.line_text(i) for i in org_lines)
    if title:
        m = _ISSUER_BEFORE.match(title)
        named = m.group(1).strip() if m else ""
        if m and not m.group(1).startswith("关于") and (is_org_line(named) or is_place_name(named)):
            start = src.spans["title"][0] + m.start(1)
            src.spans["issuer"] = (start, start + len(named))
            return named
    for key in ISSUER_FIELDS:
        if src.page.get(key):
            src.fields_used["issuer"] = key
            return src.page[key].split(" ")[0]
    return None


def _level(src: _Source, issuer: str | None) -> str | None:
    level = level_of(issuer)
    if issuer is None and src.has_body():
        # A body named only in running text is no issuer (the report must name itself in
        # a signature, header or title), but its level still chooses the right profile.
        subject = opening_subject(src.text, *src.lines[src.layout.body_first])
        if subject is not None:
            level = level_of(src.text[subject[0] : subject[1]])
            if level is not None:
                src.spans["level"] = subject
    return level


def _year(src: _Source, title: str | None, page_title: str | None) -> int | None:
    """From the title (or the page's title), else the opening words of the body."""
    year: int | None = None
    if title is not None:
        ym = YEAR_RE.search(src.text, *src.spans["title"])
        year = year_value(ym.group("y")) if ym else None
        if ym and year is not None:
            src.spans["year"] = (ym.start(), ym.end())
    elif page_title:
        ym = YEAR_RE.search(page_title)
        year = year_value(ym.group("y")) if ym else None
        if year is not None:
            src.fields_used["year"] = TITLE_FIELD
    if year is None and src.has_body():
        opening_start, opening_end = src.lines[src.layout.body_first]
        ym = YEAR_RE.match(src.text, opening_start, opening_end)
        if ym:
            year = year_value(ym.group("y"))
            src.spans["year"] = (ym.start(), ym.end())
    return year


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
