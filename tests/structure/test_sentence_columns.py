"""The sentence columns on Document and what is made from them (regions, contents spans)
agree with the per-sentence definitions they replace."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import checklist
from checklist.document import Document
from checklist.structure.clauses import CLAUSE_BREAK
from checklist.structure.sections import _CONTENTS, classify, contents_spans

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "reports").glob("*.txt"))


def _contents_by_sentence(doc: Document) -> tuple[tuple[int, int], ...]:
    out = []
    for s in doc.sentences:
        m = _CONTENTS.search(doc.text, s.start, s.end)
        if m is not None:
            start = s.start
            for b in CLAUSE_BREAK.finditer(doc.text, s.start, m.start()):
                start = b.end()
            out.append((start, s.end))
    return tuple(out)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_columns_and_kinds_match_sentences(path: Path) -> None:
    doc = checklist.read(path)
    starts, ends, sections = doc.sentence_columns()
    assert list(zip(starts, ends, sections, strict=True)) == [(s.start, s.end, s.section) for s in doc.sentences]
    assert doc.sentence_columns() is doc.sentence_columns()
    regions = classify(doc)
    assert regions.sentence_kinds(doc) == [regions.kinds_at(doc, s.start, s.section) for s in doc.sentences]
    assert contents_spans(doc) == _contents_by_sentence(doc)
    assert regions.contents  # every sample announces its parts


def test_columns_follow_a_replaced_document() -> None:
    doc = checklist.parse(
        "一、工作情况\n我们做了很多工作。现将有关情况报告如下。\n二、存在的问题\n问题不少！还要努力。\n"
    )
    full = doc.sentence_columns()
    fewer = dataclasses.replace(doc, sentences=doc.sentences[:1])
    assert len(fewer.sentence_columns()[0]) == 1
    assert len(full[0]) == len(doc.sentences) > 1


def test_kinds_of_header_contents_and_signature() -> None:
    doc = checklist.parse(
        "某县司法局2023年法治政府建设情况报告\n"
        "现将本年度工作情况、存在不足及下一步安排报告如下。\n"
        "一、主要工作\n完成了培训。\n二、存在的问题\n培训不足。\n某县司法局\n2024年1月5日\n"
    )
    regions = classify(doc)
    kinds = regions.sentence_kinds(doc)
    assert kinds == [regions.kinds_at(doc, s.start, s.section) for s in doc.sentences]
    assert {"contents", "measures", "shortcomings"} <= set().union(*kinds)
