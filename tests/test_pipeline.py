"""The two reading stages alone: ingest (extracted text → body lines) and structure
(body lines → document)."""

from __future__ import annotations

import pytest

import checklist
from _samples import SAMPLES, sample_path
from checklist.errors import InputError
from checklist.ingest.pipeline import ingest
from checklist.ingest.readers import Extracted
from checklist.structure.build import build_document

PAGE = (
    "索引号：11500226/2024-00012\n发布日期：2024-01-20\n关于2023年度法治政府建设情况的报告\n"
    "区委：\n2023年，我镇深入推进依法行政。\n一、主要做法\n开展普法宣传12次。\n某某镇人民政府\n2024年1月16日"
)


def test_ingest_sets_page_metadata_aside_and_keeps_the_body() -> None:
    got = ingest(Extracted(text=PAGE, format="txt"), "t")
    assert got.text.split("\n")[0] == "关于2023年度法治政府建设情况的报告"
    assert [r.reason for r in got.removed] == ["page_metadata", "page_metadata"]
    assert got.page_metadata["发布日期"] == "2024-01-20"
    assert PAGE[slice(*got.field_lines["发布日期"])] == "发布日期：2024-01-20"
    assert got.line_origins == tuple(range(2, 9))


@pytest.mark.parametrize(
    "text",
    [PAGE, "\u3000\u3000（一）加强领导　\n\n  2019 年，我镇(zhèn)开展普法⑴次。\n①  学法\n\u200b某某镇人民政府"],
)
def test_line_starts_are_where_each_kept_line_begins_in_the_original(text: str) -> None:
    got = ingest(Extracted(text=text, format="txt"), "t")
    assert got.line_starts == tuple(got.offsets.to_original(start, start)[0] for start, _ in got.lines)


def test_heading_hints_are_counted_in_kept_lines() -> None:
    text = "索引号：1\n关于2023年度法治政府建设情况的报告\n主要做法\n开展普法宣传12次，成效明显。"
    extracted = Extracted(text=text, format="docx", heading_lines=((2, 1), (3, 7)))
    got = ingest(extracted, "t")
    assert got.heading_hints == {1: 1}  # line 2 is the second kept line; level 7 is no hint


def test_nothing_but_clutter_is_an_input_error() -> None:
    with pytest.raises(InputError):
        ingest(Extracted(text="索引号：1\n发布日期：2024-01-20", format="txt"), "t")


@pytest.mark.parametrize("name", SAMPLES)
def test_the_stages_compose_into_read(name: str) -> None:
    doc = checklist.read(sample_path(name))
    text = sample_path(name).read_text(encoding="utf-8")
    staged = build_document(
        ingest(Extracted(text=text, format="txt", encoding="utf-8"), doc.source), doc.source, doc.sha256
    )
    assert staged == doc
