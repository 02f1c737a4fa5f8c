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
        "存在的不足和原因",  # unnumbered headings (unnumbered_headings)
        "2024年工作安排",
        "推进法治政府建设的主要举措和成效",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=25))
def test_sections_nest_and_cover_the_body(lines: list[str]) -> None:
    if not any(x.strip() for x in lines):
        return
    try:
        doc = checklist.parse("\n".join(lines))
    except checklist.InputError:
        # short lines alone (a heading, a name) are no report text; a sentence is
        assert not any("。" in x for x in lines)
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


# A report with unnumbered headings, as a text file or a page keeps it once the bold is
# gone: each heading a short line of its own between paragraphs (a passage of our own).
UNNUMBERED = (
    "关于2023年度法治政府建设情况的报告\n"
    "县委依法治县办：\n"
    "2023年，我县坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下。\n"
    "推进法治政府建设的主要举措和成效\n"
    "（一）坚持依法决策。县政府常务会议审议重大行政决策事项5项，均经合法性审查。\n"
    "（二）规范行政执法。全县推行行政执法三项制度，办理行政处罚案件310件。\n"
    "存在的不足和原因\n"
    "基层执法力量薄弱，主要原因是编制不足、培训不够。\n"
    "党政主要负责人履行推进法治建设第一责任人职责情况\n"
    "县长主持召开常务会议研究法治政府建设4次，带头述法。\n"
    "2024年工作安排：\n"
    "2024年，我县将加强执法队伍建设，推进严格规范公正文明执法。\n"
    "某某县人民政府\n"
    "2024年2月1日"
)


def test_unnumbered_headings_between_paragraphs() -> None:
    assert headings(UNNUMBERED) == [
        (1, "推进法治政府建设的主要举措和成效"),
        (2, "(一)坚持依法决策"),
        (2, "(二)规范行政执法"),
        (1, "存在的不足和原因"),
        (1, "党政主要负责人履行推进法治建设第一责任人职责情况"),
        (1, "2024年工作安排"),
    ]
    doc = checklist.parse(UNNUMBERED)
    assert doc.sections[-1].end <= (doc.signature_start or 0)  # the signature is no heading


def test_unnumbered_heading_shapes_that_are_not_headings() -> None:
    # a line a PDF wrapped (the line before it runs on) is none; captions (lines naming
    # no part of a report) and a single line naming a part give no outline
    wrapped = UNNUMBERED.replace("310件。\n存在的不足和原因", "310件，\n存在的不足和原因")
    assert "存在的不足和原因" not in [h for _, h in headings(wrapped)]
    assert [h for level, h in headings(wrapped) if level == 1] == [
        "推进法治政府建设的主要举措和成效",
        "党政主要负责人履行推进法治建设第一责任人职责情况",
        "2024年工作安排",
    ]
    captions = "全年开展普法活动12场。\n图为县政府常务会议学法现场\n县政府常务会议学法4次，邀请律师授课。\n执法人员培训现场\n举办执法培训2期。"
    assert headings(captions) == []
    one = "全年开展普法活动12场。\n存在的不足\n执法力量薄弱，培训不够。"
    assert headings(one) == []


def test_unnumbered_lines_do_not_count_where_the_first_level_is_numbered() -> None:
    text = UNNUMBERED.replace("推进法治政府建设的主要举措和成效\n", "一、推进法治政府建设的主要举措和成效\n")
    assert [h for level, h in headings(text) if level == 1] == ["一、推进法治政府建设的主要举措和成效"]


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


def test_unnumbered_headings_decide_the_statutory_parts() -> None:
    result = checklist.audit(UNNUMBERED)
    by_id = {r.id: r for r in result.requirements}
    for rid, section in (
        ("core.measures", "推进法治政府建设的主要举措和成效"),
        ("core.shortcomings", "存在的不足和原因"),
        ("core.next_year_plan", "2024年工作安排"),
    ):
        assert by_id[rid].status == "met", rid
        assert by_id[rid].evidence[0].section.startswith(section), rid


def test_unnumbered_headings_of_a_page_whose_title_is_its_only_heading_tag() -> None:
    # a CMS page: the title in <h1>, the report's headings in <strong> paragraphs
    paragraphs = "".join(f"<p>{line}</p>" for line in UNNUMBERED.split("\n")[1:])
    for heading in ("推进法治政府建设的主要举措和成效", "存在的不足和原因"):
        paragraphs = paragraphs.replace(f"<p>{heading}</p>", f"<p><strong>{heading}</strong></p>")
    page = f"<html><body><h1>关于2023年度法治政府建设情况的报告</h1><div>{paragraphs}</div></body></html>"
    doc = checklist.read(page.encode("utf-8"), format="html")
    assert [s.heading for s in doc.sections if s.level == 1] == [
        "推进法治政府建设的主要举措和成效",
        "存在的不足和原因",
        "党政主要负责人履行推进法治建设第一责任人职责情况",
        "2024年工作安排",
    ]


def test_unnumbered_bold_headings_of_a_word_file_without_heading_styles() -> None:
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("关于2023年度法治政府建设情况的报告", style="Title")  # the only styled heading
    for line in UNNUMBERED.split("\n")[1:]:
        paragraph = document.add_paragraph()
        paragraph.add_run(line).bold = "。" not in line and len(line) < 30
    buffer = io.BytesIO()
    document.save(buffer)
    doc = checklist.read(buffer.getvalue(), format="docx")
    assert [s.heading for s in doc.sections if s.level == 1] == [
        "推进法治政府建设的主要举措和成效",
        "存在的不足和原因",
        "党政主要负责人履行推进法治建设第一责任人职责情况",
        "2024年工作安排",
    ]


# Parts numbered 第一部分 with sections numbered 一、 inside them (a passage of our own).
PARTS = (
    "关于2023年度法治建设工作情况的报告\n"
    "市委、市政府：\n"
    "2023年，县委、县政府深入学习贯彻习近平法治思想，现将有关情况报告如下。\n"
    "第一部分  2023年法治建设主要工作成效\n"
    "一、坚持党的领导。县委常委会会议专题研究法治建设工作5次。\n"
    "二、规范行政执法。全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度。\n"
    "第二部分  存在的问题和不足\n"
    "一、法治意识有待增强。部分单位对法治建设重视不够。\n"
    "二、执法规范化水平不高。部分执法人员尚未持证上岗，究其原因，主要是培训不够深入。\n"
    "第三部分  2024年工作打算\n"
    "一、加强学习。持续推进法治政府建设。\n"
    "二、强化执法监督。全面推行行政执法公示制度。\n"
    "某某县人民政府\n"
    "2024年1月30日"
)


def test_parts_hold_the_sections_numbered_inside_them() -> None:
    assert headings(PARTS) == [
        (1, "第一部分 2023年法治建设主要工作成效"),
        (2, "一、坚持党的领导"),
        (2, "二、规范行政执法"),
        (1, "第二部分 存在的问题和不足"),
        (2, "一、法治意识有待增强"),
        (2, "二、执法规范化水平不高"),
        (1, "第三部分 2024年工作打算"),
        (2, "一、加强学习"),
        (2, "二、强化执法监督"),
    ]
    assert headings("第一部分主要成效\n（一）学习\n第二部分存在问题") == [
        (1, "第一部分 主要成效"),
        (2, "(一)学习"),
        (1, "第二部分 存在问题"),
    ]


def test_a_part_gives_its_kind_to_the_sections_inside_it() -> None:
    by_id = {r.id: r for r in checklist.audit(PARTS).requirements}
    causes = by_id["core.causes"]
    assert causes.status == "met"
    assert causes.evidence[0].section == "第二部分 存在的问题和不足 > 二、执法规范化水平不高"
    # the plan's 全面推行行政执法公示制度 is no evidence of the year's work
    publicity = by_id["enforcement.publicity"]
    assert [e.section.split(" > ")[0] for e in publicity.evidence] == ["第一部分 2023年法治建设主要工作成效"]


def _word(paragraphs: list[tuple[str, str | None]]) -> bytes:
    import io

    import docx

    document = docx.Document()
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_styled_heading_without_a_number_holds_the_numbered_sections_under_it() -> None:
    data = _word(
        [
            ("关于2023年度法治政府建设情况的报告", "Title"),
            ("2023年，区政府扎实推进法治政府建设。现将有关情况报告如下。", None),
            ("推进法治政府建设的主要举措和成效", "Heading 1"),
            ("一、规范行政执法。全面落实行政执法公示制度。", None),
            ("2024年工作安排", "Heading 1"),
            ("一、强化执法监督。全面推行行政执法全过程记录制度。", None),
        ]
    )
    doc = checklist.read(data, format="docx")
    assert [(s.level, s.heading) for s in doc.sections] == [
        (1, "推进法治政府建设的主要举措和成效"),
        (2, "一、规范行政执法"),
        (1, "2024年工作安排"),
        (2, "一、强化执法监督"),
    ]
    by_id = {r.id: r for r in checklist.audit(data, format="docx").requirements}
    assert by_id["enforcement.publicity"].status == "met"
    assert by_id["enforcement.recording"].status == "missing"  # only planned


def test_a_styled_heading_one_level_deeper_sits_under_a_numbered_one() -> None:
    data = _word(
        [
            ("关于2023年度法治政府建设情况的报告", "Title"),
            ("一、主要举措和成效", "Heading 1"),
            ("坚持依法决策", "Heading 2"),
            ("（一）重大决策。区政府常务会议审议重大行政决策事项5项。", None),
            ("规范行政执法", "Heading 2"),
            ("全面落实行政执法公示制度。", None),
            ("二、存在的不足", "Heading 1"),
            ("执法力量不足。", None),
        ]
    )
    assert [(s.level, s.heading) for s in checklist.read(data, format="docx").sections] == [
        (1, "一、主要举措和成效"),
        (2, "坚持依法决策"),
        (3, "(一)重大决策"),
        (2, "规范行政执法"),
        (1, "二、存在的不足"),
    ]
