"""Normalisation: width folding, quotes, blanks, and the offset map back to the original."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import checklist
from checklist.ingest.normalize import fold, join_lines, line_spans, normalize_lines


def _norm(text: str) -> tuple[str, object]:
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


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("一、（）() ，。：:\u3000\t\n⑴①“”法治政府Ａ１a1 \u00a0\u200b⑵㈠")), max_size=80))
def test_offset_map_points_at_the_source_of_every_span(text: str) -> None:
    out, omap = _norm(text)
    for i, ch in enumerate(out):
        o0, o1 = omap.to_original(i, i + 1)  # type: ignore[attr-defined]
        assert 0 <= o0 < o1 <= len(text)
        source = text[o0:o1]
        if ch in " \n":
            assert source.isspace() or source == "" or "\u200b" in source
        else:
            assert ch in fold(source), (ch, source)
    for i in range(len(out)):
        for j in range(i + 1, min(len(out), i + 6) + 1):
            o0, o1 = omap.to_original(i, j)  # type: ignore[attr-defined]
            # the original span folds to (at least) the normalised span, blanks aside
            assert out[i:j].replace("\n", "").replace(" ", "") in fold(text[o0:o1]).replace("\n", "").replace(" ", "")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_maps_back_into_bounds(text: str) -> None:
    out, omap = _norm(text)
    for i in range(0, len(out), 3):
        o0, o1 = omap.to_original(i, min(len(out), i + 4))  # type: ignore[attr-defined]
        assert 0 <= o0 <= o1 <= len(text)
    # a copied (unchanged) character maps to itself
    for i, ch in enumerate(out):
        o0, o1 = omap.to_original(i, i + 1)  # type: ignore[attr-defined]
        if o1 - o0 == 1 and text[o0] == ch:
            assert text[o0:o1] == ch
