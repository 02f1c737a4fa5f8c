"""What the opening of a report says about it: whose report it is and which year.

A report that names itself nowhere else (no title, header, signature or page field)
still says whose account it gives and of which year, in the opening sentence
(``2023年，在区委的领导下，某某街道办事处坚持…``) or in the sentence that announces the
report (``现将市人社局2021年法治政府建设情况报告如下``). Only those places count: a later
clause may name another body (``…，县司法局认真履行统筹协调职责``), a cited document names
other years (``根据《纲要（2021—2025年）》``), and a site banner's date is no year reported on.
The words are the tables of :mod:`checklist.vocabulary`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checklist.structure.levels import level_of
from checklist.vocabulary import (
    ACCOUNT_OPENERS,
    CN_DIGITS,
    GENERIC_BODY_HEADS,
    NOT_A_BODY,
    NOT_A_NAME,
    NOT_BODY_ENDINGS,
    PLACE_TAIL_CHARS,
    REPORT_STATEMENT_OPENERS,
    REPORT_STATEMENT_WORDS,
    SELF_FOLLOWERS,
    SELF_REFERENCES,
    SELF_WORDS,
    SETTING_CONTINUATIONS,
    SETTING_OPENERS,
    SUBJECT_SUFFIXES,
    TIME_PHRASES,
    alternation,
)

_YEAR = r"(?:19|20)\d{2}\s?年"
# a name: Chinese characters, a hyphen or a middle dot inside (某某-甲乙经济合作区)
_NAME = rf"[\u4e00-\u9fff][\u4e00-\u9fff\-－·]{{0,23}}?(?:{alternation(SUBJECT_SUFFIXES)})"
_ALIAS = r"(?:\([^()]{1,30}\))?"  # (以下简称“市局”)
_SELF = rf"(?:{alternation(SELF_WORDS)})(?:{alternation(k for k, _ in SELF_REFERENCES)})"
_OPENERS = alternation(ACCOUNT_OPENERS)
# one body or several joined by 、 (某某省委、省政府): the first must be a name
_SUBJECT = re.compile(rf"\A(({_NAME})(?:、{_NAME})*){_ALIAS}(?={_OPENERS})")
_SELF_SUBJECT = re.compile(rf"\A({_SELF})(?={_OPENERS}|{alternation(SELF_FOLLOWERS)})")
_TIME_CLAUSE = re.compile(
    rf"\A(?:(?P<year>{_YEAR})(?:\d{{1,2}}\s?月至\s?\d{{1,2}}\s?月|度|以来|来)?|{alternation(TIME_PHRASES)})\s?"
)
_DATE_AFTER = re.compile(r"\d{1,2}\s?月\s?\d{1,2}\s?日")  # 2019年12月3日: a date, not a year
# clauses before the subject that are no subject: a setting (在…领导下, 按照…部署, 根据…),
# or what the year was (2023年是…之年)
_SETTING_CLAUSE = re.compile(rf"\A(?:在.{{1,40}}(?:下|中)|(?:{alternation(SETTING_OPENERS)}).{{1,60}}|是.{{1,40}}年)\Z")
_STATEMENT = re.compile(
    rf"(?:{alternation(REPORT_STATEMENT_OPENERS)})(?:(?P<self>{_SELF})|(?P<name>{_NAME}))?"
    rf"(?P<year>{_YEAR})?[^。]{{0,40}}?(?:{alternation(REPORT_STATEMENT_WORDS)})"
)
_LINE_YEAR = re.compile(rf"(?:[{CN_DIGITS}]+、|\(?[{CN_DIGITS}]+\)|\d{{1,2}}[.、])?\s?({_YEAR})")
_LEVEL_OF_SELF = dict(SELF_REFERENCES)
_PLACE_CHARS = PLACE_TAIL_CHARS + "州旗盟"
_SUFFIXES_LONGEST_FIRST = tuple(sorted(SUBJECT_SUFFIXES, key=len, reverse=True))
_NOT_A_NAME_OPENERS = NOT_A_NAME + NOT_A_BODY + REPORT_STATEMENT_OPENERS  # how no body's name opens
_CLAUSE_SPLIT = re.compile(r"([,，;；])")


@dataclass(frozen=True, slots=True)
class Opening:
    """What one opening line says: a body named as its subject (a span), the level of a
    body that says only "we" (我局 → department), and the year it reports on (a span)."""

    subject: tuple[int, int] | None = None
    own_level: str | None = None
    year: tuple[int, int] | None = None

    def merged(self, other: Opening) -> Opening:
        """This opening, its unknowns filled from ``other``."""
        if other.subject is None and other.own_level is None and other.year is None:
            return self  # (an opening that says nothing fills nothing: no new object)
        return Opening(self.subject or other.subject, self.own_level or other.own_level, self.year or other.year)


NOTHING = Opening()  # an opening that says nothing (immutable: shared)


def is_body_name(name: str) -> bool:
    """A body's own name (某某县司法局, 市卫健委), not a level and a kind of body alone
    (县委, 市政府, 自治区), not "the whole / our" place, not a programme (依法治县)."""
    return _name_kind(name) == "name"


def _name_kind(name: str) -> str | None:
    """``name`` for a body's own name, ``generic`` for a level and a kind of body (县委,
    市政府, 自治区: no name, but a level), ``None`` for anything else."""
    if name.startswith(_NOT_A_NAME_OPENERS) or name.endswith(NOT_BODY_ENDINGS):
        return None
    if any(w in name for w in SELF_WORDS):
        return None  # 现将我局: "we", no name
    for suffix in _SUFFIXES_LONGEST_FIRST:
        if name.endswith(suffix):
            head = name[: -len(suffix)].lstrip(_PLACE_CHARS)
            return "generic" if head in GENERIC_BODY_HEADS else "name"
    return None


def read_line(text: str, start: int, end: int) -> Opening:
    """What the opening sentence of ``text[start:end]`` says (and the sentence announcing
    the report, 现将…报告如下, wherever it stands in the line)."""
    return _first_sentence(text, start, end).merged(_statement(text, start, end))


def _first_sentence(text: str, start: int, end: int) -> Opening:
    stop = text.find("。", start, end)
    pos = start
    year: tuple[int, int] | None = None
    in_setting = False
    for clause in _CLAUSE_SPLIT.split(text[start : stop if stop >= 0 else end]):
        if clause in ",，;；":
            pos += len(clause)
            continue
        lead = _TIME_CLAUSE.match(clause)
        rest = clause[lead.end() :] if lead else clause
        if lead and lead.group("year") and not _DATE_AFTER.match(rest) and year is None:
            year = (pos + lead.start("year"), pos + lead.end("year"))
        continuing = in_setting and not lead and rest.startswith(SETTING_CONTINUATIONS)
        if not rest.strip() or _SETTING_CLAUSE.match(rest) or continuing:
            in_setting = bool(rest.strip())
            pos += len(clause)
            continue  # a time or a setting: the subject comes after it
        begin = pos + (lead.end() if lead else 0)
        return _subject(text, begin, rest, year)
    return Opening(year=year)


def _subject(text: str, begin: int, rest: str, year: tuple[int, int] | None) -> Opening:
    """The first clause that is no time or setting: it opens with the subject or none."""
    own = _SELF_SUBJECT.match(rest)
    if own:
        return Opening(own_level=_own_level(own.group(1)), year=year)
    found = _SUBJECT.match(rest)
    kind = _name_kind(found.group(2)) if found else None
    if found is None or kind is None:
        return Opening(year=year)  # the first real clause names no body (全县上下…, 依法治县…)
    if kind == "generic":  # 县委、县政府坚持…: no name, but the level
        return Opening(own_level=level_of(found.group(1).split("、")[0]), year=year)
    return Opening(subject=(begin, begin + found.end(1)), year=year)


def _statement(text: str, start: int, end: int) -> Opening:
    """``现将市人社局2021年…情况报告如下``: the body and the year it announces."""
    m = _STATEMENT.search(text, start, end)
    if m is None:
        return NOTHING
    year = (m.start("year"), m.end("year")) if m.group("year") else None
    if m.group("self"):
        return Opening(own_level=_own_level(m.group("self")), year=year)
    if m.group("name") and is_body_name(m.group("name")):
        return Opening(subject=(m.start("name"), m.end("name")), year=year)
    return Opening(year=year)


def _own_level(self_ref: str) -> str | None:
    return _LEVEL_OF_SELF.get(self_ref[1:])


def line_year(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A year the line opens with, after a heading number if any (``2019年度为…``,
    ``一、2022年度法治政府建设工作情况``): not a date (``2019年12月3日``)."""
    m = _LINE_YEAR.match(text, start, end)
    if m is None or _DATE_AFTER.match(text, m.end(1), end):
        return None
    return m.start(1), m.end(1)
