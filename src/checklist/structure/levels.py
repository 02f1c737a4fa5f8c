"""Administrative level (province, city, county, township, department) from a body's name.

The level chooses the profile a report is audited against. It comes from the issuer's
name (``某某县人民政府`` → county, ``某某县司法局`` → department) or, for a report that
names itself nowhere, from the body named as the subject of its opening sentence.
The words are the tables of :mod:`checklist.vocabulary`.
"""

from __future__ import annotations

import re

from checklist.vocabulary import (
    ACCOUNT_OPENERS,
    DEPARTMENT_SUFFIXES,
    MUNICIPALITIES,
    NOT_A_BODY,
    NOT_A_NAME,
    PARTY_OR_GOVERNMENT_SUFFIXES,
    PLACE_LEVELS,
    PLACE_NAME_SUFFIXES,
    PLACE_TAIL_CHARS,
    SETTING_OPENERS,
    SUBJECT_SUFFIXES,
    TIME_PHRASES,
    alternation,
)

_PARTY_OR_GOV = re.compile(rf"({alternation(PARTY_OR_GOVERNMENT_SUFFIXES)})$")
_DEPARTMENT = re.compile(rf"(?:{alternation(DEPARTMENT_SUFFIXES)})$")
_PLACE_NAME = re.compile(rf"^[\u4e00-\u9fff]{{1,18}}(?:{alternation(PLACE_NAME_SUFFIXES)})$")
# The opening sentence often names the reporting body as its subject:
# ``2023年，在区委、区政府的正确领导下，某某街道办事处坚持…`` — the first clause that is
# not a time (2023年, 一年来) or a setting (在…领导下) opens with the name, right before the
# verb that opens the account. It gives the level (and so the profile) of a report that
# names itself nowhere else, not an issuer. Only that clause: a later one may name
# another body (…，县司法局认真履行统筹协调职责).
_OPENING_SUBJECT = re.compile(
    rf"\A([\u4e00-\u9fff]{{1,24}}?(?:{alternation(SUBJECT_SUFFIXES)}))(?={alternation(ACCOUNT_OPENERS)})"
)
_TIME_CLAUSE = re.compile(
    rf"\A(?:\d{{4}}\s?年(?:\d{{1,2}}\s?月至\s?\d{{1,2}}\s?月|度|以来)?|{alternation(TIME_PHRASES)})\s?"
)
# clauses before the subject that are no subject: a setting (在…领导下, 按照…部署, 根据…),
# or what the year was (2023年是…之年)
_SETTING_CLAUSE = re.compile(rf"\A(?:在.{{1,40}}(?:下|中)|(?:{alternation(SETTING_OPENERS)}).{{1,40}}|是.{{1,40}}年)\Z")


def level_of(issuer: str | None) -> str | None:
    """Administrative level of an issuer from its name, or ``None`` if unclear."""
    if not issuer:
        return None
    levels = [_level_of_body(p) for p in issuer.split(" ") if p]
    known = [lv for lv in levels if lv]
    if not known:
        return None
    if "department" in known and len(set(known)) > 1:
        others = [lv for lv in known if lv != "department"]
        return others[0]
    return known[-1]


def is_place_name(text: str) -> bool:
    """A bare place name (``某某区``), not "the whole / our" place (全区, 我县)."""
    return bool(_PLACE_NAME.match(text)) and not (len(text) == 2 and text.startswith(NOT_A_NAME))


def opening_subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the body named as the subject of the opening sentence (the line
    ``text[start:end]``), if any."""
    stop = text.find("。", start, end)
    pos = start
    for clause in re.split(r"([,，;；])", text[start : stop if stop >= 0 else end]):
        if clause in ",，;；":
            pos += len(clause)
            continue
        lead = _TIME_CLAUSE.match(clause)
        rest = clause[lead.end() :] if lead else clause
        if not rest.strip() or _SETTING_CLAUSE.match(rest):
            pos += len(clause)
            continue  # a time or a setting: the subject comes after it
        found = None if rest.startswith(NOT_A_NAME + NOT_A_BODY) else _OPENING_SUBJECT.match(rest)
        if found is None:
            return None  # the first real clause names no body (我镇…, 全县上下…)
        begin = pos + (lead.end() if lead else 0)
        return begin, begin + found.end(1)
    return None


def _level_of_body(name: str) -> str | None:
    core = name.removeprefix("中共")
    m = _PARTY_OR_GOV.search(core)
    if m and m.group(1) == "街道办事处":
        return "township"
    if m:
        head = core[: m.start()]
        if m.group(1) in ("委员会", "委") and head and head[-1] not in PLACE_TAIL_CHARS and not head.endswith("街道"):
            return "department"  # 教育委员会, 发展和改革委员会
        return _level_of_place(head)
    if _DEPARTMENT.search(core):
        return "department"
    return _level_of_place(core)


def _level_of_place(place: str) -> str | None:
    if place in MUNICIPALITIES:
        return "province"
    for level, suffixes in PLACE_LEVELS:
        if place.endswith(suffixes):
            return level
    return None
