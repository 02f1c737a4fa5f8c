"""Normalisation: width folding, quotes, blanks, and the offset map back to the original."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import checklist
from checklist.document import OffsetMap
from checklist.ingest.normalize import fold, join_lines, line_spans, normalize_lines


def _norm(text: str) -> tuple[str, OffsetMap]:
    lines = normalize_lines(text, line_spans(text))
    out, omap, _ = join_lines(lines, len(text))
    return out, omap


def test_width_folding_and_quotes() -> None:
    out, _ = _norm("（一）加强组织领导，落实“三项制度”：１２次")
    assert out == '(一)加强组织领导,落实"三项制度":12次'


def test_blank_runs_collapse_and_blank_lines_drop() -> None:
    out, _ = _norm("  一、主要做法\u3000\u3000和成效  \n\n\n  正文  ")
    assert out == "一、主要做法 和成效\n正文"


def test_circled_numbers_are_kept_as_markers() -> None:
    out, _ = _norm("①加强学习")
    assert out == "①加强学习"
    assert fold("⑴") == "(1)"


def test_length_changing_fold_maps_to_the_whole_original_run() -> None:
    text = "甲⑴乙"
    out, omap = _norm(text)
    assert out == "甲(1)乙"
    assert omap.to_original(1, 4) == (1, 2)  # "(1)" came from "⑴"
    assert omap.to_original(0, 5) == (0, 3)


def test_traditional_to_simplified_keeps_offsets() -> None:
    doc = checklist.parse("關於2023年度法治政府建設情況的報告\n縣委：\n2023年，我縣堅持依法行政。", to_simplified=True)
    assert doc.metadata.title == "关于2023年度法治政府建设情况的报告"
    start, end = doc.meta_spans["title"]
    assert doc.original[start:end] == "關於2023年度法治政府建設情況的報告"


# --- what PDF extraction and mirror sites add ----------------------------------------------


def test_spaces_around_a_counted_number_are_dropped() -> None:
    text = "关于 2023 年度甲镇法治政府建设情况的报告\n全年召开会议 6 次，纳入2023 年计划，审查合同 12.5 万元\n一、2022 年度主要举措"
    out, omap = _norm(text)
    assert (
        out
        == "关于2023年度甲镇法治政府建设情况的报告\n全年召开会议6次,纳入2023年计划,审查合同12.5万元\n一、2022年度主要举措"
    )
    start = out.index("2023年度")
    o0, o1 = omap.to_original(start, start + 6)
    assert text[o0:o1] == "2023 年度"  # evidence quotes the original, spaces and all
    assert fold("关于 2023 年度") == "关于2023年度"


def test_spaces_that_separate_fields_names_or_words_stay() -> None:
    # near misses: a page-field value before the next field name, a value after a colon,
    # two body names, Latin words, a number before a word that does not count it
    for line in (
        "点击数 128 发布时间 2024-01-05",
        "浏览次数: 128 次",
        "中共甲镇委员会 甲镇人民政府",
        "Rule of law 2023",
        "编号 2023 甲镇",
    ):
        assert _norm(line)[0] == line


def test_pinyin_after_characters_is_dropped() -> None:
    text = "甲鎮(zhèn)堅(jiān)持依法行政，(一)加强领导，附件(a)"
    out, omap = _norm(text)
    assert out == "甲鎮堅持依法行政,(一)加强领导,附件(a)"
    o0, o1 = omap.to_original(0, 3)
    assert text[o0:o1] == "甲鎮(zhèn)堅"


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("一、（）() ，。：:\u3000\t\n⑴①“”法治政府年次Ａ１a1 \u00a0\u200b⑵㈠zhèn")),
        max_size=80,
    )
)
def test_offset_map_points_at_the_source_of_every_span(text: str) -> None:
    out, omap = _norm(text)
    for i, ch in enumerate(out):
        o0, o1 = omap.to_original(i, i + 1)
        assert 0 <= o0 < o1 <= len(text)
        source = text[o0:o1]
        if ch in " \n":
            assert source.isspace() or source == "" or "\u200b" in source
        else:
            assert ch in fold(source), (ch, source)
    for i in range(len(out)):
        for j in range(i + 1, min(len(out), i + 6) + 1):
            o0, o1 = omap.to_original(i, j)
            # the original span folds to (at least) the normalised span, blanks aside
            assert out[i:j].replace("\n", "").replace(" ", "") in fold(text[o0:o1]).replace("\n", "").replace(" ", "")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_maps_back_into_bounds(text: str) -> None:
    out, omap = _norm(text)
    for i in range(0, len(out), 3):
        o0, o1 = omap.to_original(i, min(len(out), i + 4))
        assert 0 <= o0 <= o1 <= len(text)
    # a copied (unchanged) character maps to itself
    for i, ch in enumerate(out):
        o0, o1 = omap.to_original(i, i + 1)
        if o1 - o0 == 1 and text[o0] == ch:
            assert text[o0:o1] == ch


_SCANNED = [
    "（一）加强组织领导，落实“三项制度”：１２次\n\n  一、主要做法\u3000\u3000和成效  \n关于 2019 年度",
    "堅持依法行政，推進法治政府建設。這個縣的報告說明了開展的工作與問題。" * 3,  # traditional text
    "大涌鎮(zhèn)堅(jiān)持\x0b依法\x0c行政 ½ ① 𠀋字 \ufeff\u200b",
    "ÖÐ¹ú abc\x01\x7f\ue000 。" + "字" * 1000,
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(list("法治，（）“” \u3000\xa0\t\x0b①½Ａ鎮堅\ue000é𠀋\n.2年(zhèn)")), max_size=60).map(
        "".join
    )
)
def test_the_readers_scan_normalises_as_the_own_scan(text: str) -> None:
    """The set of characters the plain-text reader's check hands on (``Extracted.touched``)
    gives the same lines as normalisation's own scan of the text."""
    from checklist.errors import InputError
    from checklist.ingest.readers.text import _checked

    for one in (text, *_SCANNED):
        try:
            touched = _checked(one, "x", "utf-8")
        except InputError:  # too many control characters: refused before normalising
            continue
        spans = line_spans(one)
        assert normalize_lines(one, spans, touched=touched) == normalize_lines(one, spans)


def test_the_plain_text_reader_hands_its_scan_on() -> None:
    from checklist.ingest.normalize import scan_class
    from checklist.ingest.readers.text import read_text

    data = "（一）加强，落实“三项”\r\n\u3000ÖÐ\x0b1½\n".encode()
    extracted = read_text(data, "x.txt")
    assert extracted.touched is not None
    assert set(scan_class("").findall(extracted.text)) <= extracted.touched
    assert {"（", "，", "“", "\u3000", "\x0b", "½", "Ö"} <= extracted.touched


@given(st.lists(st.sampled_from(["1", "0", " ", "a", "年", "9", "  "]), max_size=12).map("".join))
def test_the_spaced_digit_look_finds_a_digit_beside_a_space(text: str) -> None:
    import re

    from checklist.ingest.normalize import _SPACED_DIGIT

    assert (_SPACED_DIGIT.search(text) is None) == (re.search(r"[0-9] | [0-9]", text) is None)
