"""The outline: markers at every level, glued headings, enumerations, no outline."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import checklist


def headings(text: str) -> list[tuple[int, str]]:
    return [(s.level, s.heading) for s in checklist.parse(text).sections]


def test_all_marker_levels_and_mixed_widths() -> None:
    text = "一、总体情况\n（一）组织领导\n1.学习\n(1)会前学法\n①常务会\n2、宣传\n(二)执法\n二、问题"
    assert headings(text) == [
        (1, "一、总体情况"),
        (2, "(一)组织领导"),
        (3, "1.学习"),
        (4, "(1)会前学法"),
        (5, "①常务会"),
        (3, "2、宣传"),
        (2, "(二)执法"),
        (1, "二、问题"),
    ]


def test_skipped_levels_and_outline_starting_lower() -> None:
    assert headings("一、做法\n1.学习\n2.宣传\n二、问题") == [
        (1, "一、做法"),
        (2, "1.学习"),
        (2, "2.宣传"),
        (1, "二、问题"),
    ]
    assert headings("（一）做法\n（二）问题") == [(1, "(一)做法"), (1, "(二)问题")]


def test_a_sub_heading_that_lost_its_opening_bracket() -> None:
    assert headings(
        "一、主要举措和成效\n一)纵深推进学习\n组织学法4次。\n二)拓宽宣传渠道\n开展普法18次。\n二、问题"
    ) == [(1, "一、主要举措和成效"), (2, "一)纵深推进学习"), (2, "二)拓宽宣传渠道"), (1, "二、问题")]


def test_heading_glued_to_its_first_sentence() -> None:
    doc = checklist.parse("（一）加强组织领导，夯实法治基础。为加强法治政府建设，成立领导小组。")
    assert doc.sections[0].heading == "(一)加强组织领导,夯实法治基础"
    assert doc.sections[0].title == "加强组织领导,夯实法治基础"


def test_decimals_and_years_are_not_headings() -> None:
    assert headings("1.5万元用于普法。\n2023年，我镇开展普法。\n一.5是小数") == []


def test_enumerations_are_items_not_sections() -> None:
    doc = checklist.parse("（一）加强学习。一是强化理论武装。组织学习3次。二是强化组织领导，成立小组。统一是目标")
    assert [s.heading for s in doc.sections] == ["(一)加强学习"]
    assert [(i.marker, i.lead) for i in doc.items] == [("一是", "强化理论武装"), ("二是", "强化组织领导,成立小组")]


def test_enumeration_without_punctuation_before_it() -> None:
    doc = checklist.parse("提升法治素养一是设立宣传栏。二是开展宣传活动。")
    assert [i.marker for i in doc.items] == ["一是", "二是"]


def test_no_outline_at_all() -> None:
    doc = checklist.parse("我镇今年开展普法活动12次。组织学法2次。")
    assert doc.sections == ()
    assert len(doc.sentences) == 2


def test_section_paths() -> None:
    doc = checklist.parse("一、做法\n（一）学习\n1.会前学法\n二、问题")
    assert doc.sections[2].path == "一、做法 > (一)学习 > 1.会前学法"


def test_signature_is_outside_the_last_section() -> None:
    doc = checklist.parse("一、做法\n开展普法12次。\n某某镇人民政府\n2024年1月5日")
    assert doc.signature_start is not None
    assert doc.sections[-1].end <= doc.signature_start


LINES = st.sampled_from(
    [
        "一、主要做法",
        "（一）加强领导",
        "(二)严格执法",
        "1.学法",
        "2、普法",
        "(1)会前学法",
        "①常务会",
        "开展普法12次。",
        "一是加强学习。二是强化宣传。",
        "",
        "  ",
        "某某镇人民政府",
        "2024年1月5日",
        "区委、区政府：",
        "关于2023年度法治政府建设情况的报告",
        "三、存在的问题",
        "四、2024年工作打算",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=25))
def test_sections_nest_and_cover_the_body(lines: list[str]) -> None:
    doc = checklist.parse("\n".join(lines)) if any(x.strip() for x in lines) else None
    if doc is None:
        return
    n = len(doc.text)
    for s in doc.sections:
        assert 0 <= s.start < s.heading_end <= s.end <= n
        if s.parent >= 0:
            p = doc.sections[s.parent]
            assert p.start <= s.start and s.end <= p.end and s.level == p.level + 1
        else:
            assert s.level == 1
    tops = [s for s in doc.sections if s.parent < 0]
    for a, b in itertools.pairwise(tops):
        assert a.end == b.start  # top-level sections tile the body
    for sentence in doc.sentences:
        assert doc.text[sentence.start : sentence.end].strip()


def test_fast_makers_give_the_same_objects_as_the_constructors() -> None:
    """The outline's makers (slots set directly) give what the dataclass constructors give:
    equal, same hash and repr, frozen, and the same after a pickle round trip."""
    import dataclasses
    import pickle

    from checklist.document import Item, Section, Sentence, new_item, new_sections, new_sentences

    pairs: list[tuple[object, object]] = [
        (new_sentences([0, 3], [3, 9], [-1, 1]), (Sentence(0, 3, -1), Sentence(3, 9, 1))),
        (new_item("一是", "加强", 5, 7, 9, 20, 2), Item("一是", "加强", 5, 7, 9, 20, 2)),
        (
            new_sections([0], ["一、总体"], ["总体"], ["一、"], [1], [1], [0], [50], [4], [-1], ["一、总体"]),
            (Section(0, "一、总体", "总体", "一、", 1, 1, 0, 50, 4, -1, "一、总体"),),
        ),
    ]
    for made, built in pairs:
        assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
        assert pickle.loads(pickle.dumps(made)) == built
        for one in made if isinstance(made, tuple) else (made,):
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(one, "start", 0)  # noqa: B010 (the frozen check is what is tested)


@given(st.lists(st.sampled_from(["。", "!", "？", '"', ")", "）", "字", "'", "\n"]), max_size=14).map("".join))
def test_sentence_ends_as_one_repeated_class(text: str) -> None:
    """The sentence-end pattern opens with one class (the regex engine skips ahead to it)
    and finds what ``[。!?！？]+`` followed by closers finds."""
    import re

    from checklist.structure.outline import _SENTENCE_END

    old = re.compile(r"[。!?！？]+[\"')）]*")
    assert [m.span() for m in _SENTENCE_END.finditer(text)] == [m.span() for m in old.finditer(text)]


@given(
    st.lists(
        st.sampled_from(["一", "十", "、", ".", "(", ")", "1", "2", "第", "部分", "①", "字", " ", "\n"]), max_size=10
    ),
    st.text(alphabet="1.字\n", max_size=3),
    st.text(alphabet="1.字\n", max_size=3),
)
def test_a_marker_found_in_place_is_the_marker_of_the_line(parts: list[str], before: str, after: str) -> None:
    """``match_marker_at`` on a line inside a text answers what ``match_marker`` answers on
    the line cut out (no form looks behind its start; the line's end bounds the lookaheads)."""
    from checklist.ingest.shapes import match_marker, match_marker_at

    line = "".join(parts)
    text = before + line + after
    assert match_marker_at(text, len(before), len(before) + len(line)) == match_marker(line)
