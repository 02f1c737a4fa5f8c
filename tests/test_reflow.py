"""Run-on reports (the whole text on one line) are cut back into lines."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

import checklist
from _samples import SAMPLES, sample_path
from checklist.ingest.normalize import line_spans
from checklist.ingest.reflow import RUN_ON_CHARS, is_run_on, split_run_on

BODY = (
    "开展普法宣传活动12场，发放宣传资料3000余份，组织干部职工参加学法考试，参考率100%。"
    "聘请法律顾问1名，审查合同15份，出具法律意见书8份，参与信访案件化解3件。"
)
ONE_LINE = (
    "关于2023年度法治政府建设情况的报告县委、县政府：2023年，我镇坚持依法行政。"
    "一、主要举措和成效（一）压实第一责任。镇党委书记主持专题会议3次，研究法治建设重大问题。"
    + BODY * 3
    + "（二）严格规范执法。落实行政执法公示制度，重大行政处罚决定经法制审核12件。"
    + BODY * 2
    + "二、存在的不足一是执法人员偏少；二是普法形式单一。"
    + "三、2024年工作安排一是充实执法力量；二是创新普法形式。"
    + "某某镇人民政府2024年1月16日"
)


def _clean_one_line(name: str) -> str:
    """The sample's lines without the site clutter, joined with nothing in between."""
    text = sample_path(name).read_text(encoding="utf-8")
    removed = {r.start for r in checklist.parse(text).removed}
    return "".join(text[a:b].strip() for a, b in line_spans(text) if a not in removed and text[a:b].strip())


def test_each_sample_on_one_line_gets_the_same_verdicts() -> None:
    for name in SAMPLES:
        one = _clean_one_line(name)
        assert is_run_on(one), name
        lined, flat = checklist.audit(sample_path(name)), checklist.audit(one)
        assert [(r.id, r.status) for r in flat.requirements] == [(r.id, r.status) for r in lined.requirements], name
        doc = checklist.parse(one)
        for r in flat.requirements:
            for e in r.evidence:
                assert doc.original[e.start : e.end] == e.quote


def test_a_small_report_on_one_line() -> None:
    assert len(ONE_LINE) >= RUN_ON_CHARS
    doc = checklist.parse(ONE_LINE)
    assert [s.heading for s in doc.sections if s.level == 1] == [
        "一、主要举措和成效",
        "二、存在的不足",
        "三、2024年工作安排",
    ]
    m = doc.metadata
    assert (m.title, m.addressee, m.issuer, m.year) == (
        "关于2023年度法治政府建设情况的报告",
        "县委、县政府",
        "某某镇人民政府",
        2023,
    )
    assert m.date is not None and m.date.isoformat() == "2024-01-16"


def test_an_inline_list_in_a_report_with_an_outline_is_left_alone() -> None:
    paragraph = (
        "主要表现在：一、执法队伍力量薄弱，"
        + "执法人员专业素质有待提高，" * 30
        + "；二、普法宣传形式单一，"
        + "宣传手段较为传统，" * 30
        + "；三、行政复议应诉能力不足。究其原因，主要是：一、思想认识不到位；"
        "二、工作机制不健全。"
    )
    text = (
        "关于2023年度法治政府建设情况的报告\n县委、县政府：\n2023年，我县坚持依法行政。\n一、主要举措和成效\n"
        "开展普法活动12次。\n二、存在的不足和原因\n" + paragraph + "\n三、2024年工作安排\n加强执法。\n"
        "某某县人民政府\n2024年1月16日"
    )
    assert len(paragraph) >= RUN_ON_CHARS and not is_run_on(paragraph)  # markers after ：and ；: a list
    assert split_run_on(text, line_spans(text)) == line_spans(text)
    assert [s.heading for s in checklist.parse(text).sections if s.level == 1] == [
        "一、主要举措和成效",
        "二、存在的不足和原因",
        "三、2024年工作安排",
    ]


def test_a_partly_scraped_report_is_cut_after_its_first_heading() -> None:
    rest = ONE_LINE.split("一、主要举措和成效", 1)[1].replace("（二）", BODY + "（二）")
    text = "关于2023年度法治政府建设情况的报告\n县委、县政府：\n一、主要举措和成效\n" + rest
    assert is_run_on(rest)
    doc = checklist.parse(text)
    assert [s.heading for s in doc.sections if s.level == 1] == [
        "一、主要举措和成效",
        "二、存在的不足",
        "三、2024年工作安排",
    ]
    assert (doc.metadata.issuer, str(doc.metadata.date)) == ("某某镇人民政府", "2024-01-16")


def test_a_note_after_the_date_and_a_title_ending_in_huibao() -> None:
    doc = checklist.parse(ONE_LINE + "（此件公开发布）")
    assert (doc.metadata.issuer, str(doc.metadata.date)) == ("某某镇人民政府", "2024-01-16")
    report = checklist.parse(ONE_LINE.replace("情况的报告", "情况的汇报"))
    assert (report.metadata.title, report.metadata.addressee) == ("关于2023年度法治政府建设情况的汇报", "县委、县政府")


def test_long_paragraphs_are_left_alone() -> None:
    paragraph = "一是加强组织领导。" + BODY * 8 + "二是完善制度。" + BODY * 4  # items, not headings
    assert len(paragraph) >= RUN_ON_CHARS and not is_run_on(paragraph)
    assert split_run_on(paragraph, [(0, len(paragraph))]) == [(0, len(paragraph))]
    short = "一、主要举措。二、存在问题。三、下步打算。"
    assert not is_run_on(short)


@given(
    st.lists(
        st.sampled_from(
            [
                "。一、",
                "。二、",
                "（一）",
                "报告",
                "县委：",
                "2024年1月16日",
                "开展",
                "，",
                " ",
                "普法活动12场",
                "\n",
                "。",
            ]
        ),
        max_size=300,
    )
)
def test_cuts_keep_every_character_in_order(parts: list[str]) -> None:
    text = "关于2023年度法治政府建设情况的报告" + "".join(parts) + "。二、不足。三、安排。" + "开展普法。" * 120
    spans = split_run_on(text, line_spans(text))
    assert all(0 <= a <= b <= len(text) for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in itertools.pairwise(spans))
    kept = "".join(text[a:b] for a, b in spans)
    assert kept.replace(" ", "") == text.replace("\n", "").replace(" ", "")


# A scraped copy: a sharing site's stamp glued in front of the title, the title glued to the
# text, and the copy cut short after its first heading.
STAMP = "某站—全网资源每日更新www.example.com"
GLUED_TITLE = "某某省人民政府关于2023年度法治政府建设情况的报告"
GLUED_TEXT = (
    "2023年，省政府坚持依法行政，推动法治政府建设取得新成效。"
    + BODY * 2
    + "一、坚持党的领导，压实法治建设责任"
    + BODY * 2
)


def test_a_stamp_glued_before_the_title_is_cut_off() -> None:
    text = STAMP + GLUED_TITLE + GLUED_TEXT
    assert RUN_ON_CHARS > len(text) >= 200  # shorter than a run-on report: a copy cut short
    doc = checklist.parse(text)
    m = doc.metadata
    assert (m.title, m.issuer, m.year) == (GLUED_TITLE, "某某省人民政府", 2023)
    assert [doc.original[r.start : r.end] for r in doc.removed] == [STAMP]
    start, end = doc.meta_spans["title"]
    assert doc.original[start:end] == GLUED_TITLE  # offsets exact: no character changed
    assert [s.heading[:8] for s in doc.sections] == ["一、坚持党的领导"]


def test_a_stamp_glued_before_a_title_on_its_own_line() -> None:
    text = STAMP + GLUED_TITLE + "\n县委、县政府：\n" + GLUED_TEXT
    doc = checklist.parse(text)
    assert (doc.metadata.title, doc.metadata.addressee) == (GLUED_TITLE, "县委、县政府")


def test_a_stamp_glued_before_the_addressee_of_a_report_without_title() -> None:
    untitled = ONE_LINE.removeprefix("关于2023年度法治政府建设情况的报告") + BODY
    assert untitled.startswith("县委、县政府：")
    doc = checklist.parse(STAMP + untitled)
    assert [doc.original[r.start : r.end] for r in doc.removed] == [STAMP]
    assert (doc.metadata.addressee, doc.metadata.year, doc.metadata.title) == ("县委、县政府", 2023, None)
    assert doc.sections[0].heading == "一、主要举措和成效"


def test_each_sample_on_one_line_behind_a_portal_stamp_keeps_metadata_and_verdicts() -> None:
    for name in SAMPLES:
        lined = checklist.read(sample_path(name))
        flat = checklist.parse(STAMP + _clean_one_line(name))
        for field in ("issuer", "level", "year", "date", "addressee"):
            assert getattr(flat.metadata, field) == getattr(lined.metadata, field), (name, field)
        # a header line and the title joined into one are one title naming the body
        if lined.metadata.title is None:
            assert flat.metadata.title is None, name
        else:
            assert (flat.metadata.title or "").endswith(lined.metadata.title), name
        flat_result, lined_result = checklist.audit(flat), checklist.audit(lined)
        assert [(r.id, r.status) for r in flat_result.requirements] == [
            (r.id, r.status) for r in lined_result.requirements
        ], name


def test_addresses_that_open_a_sentence_stay_in_it() -> None:
    for line in (
        "详见www.example.com网站公开的执法信息。",  # no title after the address
        "登录www.example.com查询办事指南：",  # a colon, but no body named before it
        "www.example.gov.cn某某县人民政府关于2023年度法治政府建设情况的报告",
    ):  # the body's own site
        assert split_run_on(line, [(0, len(line))]) == [(0, len(line))]


def test_a_title_glued_to_a_paragraph_in_a_lined_report_is_left_alone() -> None:
    first = GLUED_TITLE + GLUED_TEXT
    text = first + "\n" + "\n".join(["二、存在的不足", BODY * 3, "三、2024年工作安排", BODY * 3, BODY * 3, BODY * 3])
    assert is_run_on(first)
    assert split_run_on(text, line_spans(text)) == line_spans(text)  # the lines are most of the text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["。", "！", "?", "如下：", "如下", ":", " ", "一", "十二", "、", "是", "字", "\n"]),
        max_size=40,
    )
)
def test_top_headings_count_as_one_alternation(parts: list[str]) -> None:
    """The two literal-first patterns count what one alternation of every opener counts."""
    import re

    from checklist.ingest.reflow import _top_headings

    line = "".join(parts)
    one = re.compile(r"(?:[。！!？?]|如下[：:])\s*[一二三四五六七八九十]{1,3}、")
    assert min(_top_headings(line), 2) == min(len(one.findall(line)), 2)
