"""Administrative level (province, city, county, township, department) from a body's name.

The level chooses the profile a report is audited against. It comes from the issuer's
name (``某某县人民政府`` → county, ``某某县司法局`` → department, ``某某开发区管委会`` →
county) or, for a report that names itself nowhere, from the body named as the subject
of its opening sentence (:mod:`checklist.structure.opening`). The words are the tables
of :mod:`checklist.vocabulary`.
"""

from __future__ import annotations

import re

from checklist.vocabulary import (
    DEPARTMENT_SUFFIXES,
    MUNICIPALITIES,
    NOT_A_NAME,
    PARTY_OR_GOVERNMENT_SUFFIXES,
    PLACE_LEVELS,
    PLACE_NAME_SUFFIXES,
    PLACE_TAIL_CHARS,
    ZONE_BODY_SUFFIXES,
    ZONE_SUFFIXES,
    alternation,
)

_PARTY_OR_GOV = re.compile(rf"({alternation(PARTY_OR_GOVERNMENT_SUFFIXES)})$")
_DEPARTMENT = re.compile(rf"(?:{alternation(DEPARTMENT_SUFFIXES)})$")
_PLACE_NAME = re.compile(rf"^[\u4e00-\u9fff]{{1,18}}(?:{alternation(PLACE_NAME_SUFFIXES)})$")
# the 管委会 of a zone (某某经济开发区管委会) governs it like a county government
_ZONE_BODY = re.compile(rf"(?:{alternation(ZONE_SUFFIXES)})(?:{alternation(ZONE_BODY_SUFFIXES)})$")


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


def _level_of_body(name: str) -> str | None:
    core = name.removeprefix("中共")
    if _ZONE_BODY.search(core):
        return "county"
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
