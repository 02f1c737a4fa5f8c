"""The faster forms of the section kinds answer what the forms they replace answered."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from checklist.structure import sections

# _SHORT as it was, one pattern with the anchored branch for a heading that is only 问题/不足
_OLD_SHORT = re.compile(
    r"存在的?(?:主要)?(?:问题|不足|困难|短板|差距|薄弱环节)|"
    r"(?:问题|不足|短板|弱项|差距|困难)(?:和|与|及|、)(?:不足|原因|困难|问题|短板|弱项|差距|挑战)|"
    r"不足之处|短板弱项|薄弱环节|^(?:主要)?(?:问题|不足)$|面临的(?:问题|困难|挑战)"
)
_WORDS = ("存在", "的", "主要", "问题", "不足", "困难", "短板", "和", "、", "原因", "之处", "面临", "挑战", "字")
_PIECES = [*_WORDS, "\n", " "]


@given(st.lists(st.sampled_from(_PIECES), max_size=6).map("".join))
def test_short_and_whole_headings_find_what_the_one_pattern_found(title: str) -> None:
    found = sections._SHORT.search(title) is not None or title in sections._SHORT_WHOLE
    assert found == (_OLD_SHORT.search(title) is not None)


def test_whole_heading_forms() -> None:
    for title in ("问题", "主要不足", "问题\n"):
        assert sections.heading_kinds(title) == {sections.SHORTCOMINGS}
    assert sections.heading_kinds("问题多") == frozenset()


def test_a_year_plan_heading_needs_its_year_character() -> None:
    """_PLAN_YEAR is searched only in a heading holding 年, which it needs."""
    assert "年" in sections._PLAN_YEAR.pattern and "年" not in sections._NOT_PLAN_YEAR.pattern
    assert sections.heading_kinds("2025年重点任务", 2024) == {sections.PLAN}
    assert sections.heading_kinds("2025重点任务", 2024) == frozenset()


_GUARD_PIECES = ("其他", "其它", "需要", "事项", "情况", "第一", "责任", "主要", "负责", "人", "同志", "领导", "职责")


@given(st.lists(st.sampled_from(_GUARD_PIECES), max_size=6).map("".join))
def test_a_heading_without_the_guard_character_has_no_match(title: str) -> None:
    """heading_kinds searches _OTHER only in a heading holding 其, _FIRST only in one holding 责."""
    if sections._OTHER.search(title):
        assert "其" in title
    if sections._FIRST.search(title):
        assert "责" in title


def test_every_branch_holds_its_guard_character() -> None:
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    def holds(items: list[tuple[object, object]], code: int) -> bool:
        """Whether every match of the parsed sequence ``items`` holds character ``code``."""
        for op, av in items:
            if op is c.LITERAL and av == code:
                return True
            if op is c.BRANCH and all(holds(list(alt), code) for alt in av[1]):  # type: ignore[index]
                return True
        return False

    for pattern, guard in ((sections._OTHER, "其"), (sections._FIRST, "责")):
        assert holds(list(_parser.parse(pattern.pattern)), ord(guard))
    assert not holds(list(_parser.parse("其|责")), ord("其"))
