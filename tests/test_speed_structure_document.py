"""The document's inlined offset mapping and bisected section lookup answer what their
plain definitions answer."""

from __future__ import annotations

import dataclasses
import pickle
from bisect import bisect_right

import pytest
from hypothesis import given
from hypothesis import strategies as st

import checklist
from checklist.document import Document, OffsetMap, Sentence


def _point(m: OffsetMap, pos: int, *, is_end: bool) -> int:
    """One point mapped as OffsetMap did before its two points were inlined."""
    i = bisect_right(m.norm_starts, pos) - 1
    if i < 0:
        return 0
    if m.copies[i]:
        mapped = m.orig_starts[i] + (pos - m.norm_starts[i])
        mapped = min(mapped, m.orig_ends[i] - 1) if is_end else min(mapped, m.orig_ends[i])
        return mapped + 1 if is_end else mapped
    return m.orig_ends[i] if is_end else m.orig_starts[i]


def _reference(m: OffsetMap, start: int, end: int) -> tuple[int, int]:
    if not m.norm_starts:
        return (0, 0)
    if end <= start:
        pos = _point(m, start, is_end=False)
        return (pos, pos)
    return (_point(m, start, is_end=False), _point(m, end - 1, is_end=True))


@st.composite
def maps(draw: st.DrawFn) -> OffsetMap:
    n = draw(st.integers(0, 6))
    norm = sorted(draw(st.sets(st.integers(0, 40), min_size=n, max_size=n)))
    orig_starts = [draw(st.integers(0, 60)) for _ in norm]
    orig_ends = [s + draw(st.integers(0, 5)) for s in orig_starts]
    copies = [draw(st.booleans()) for _ in norm]
    return OffsetMap(tuple(norm), tuple(orig_starts), tuple(orig_ends), tuple(copies), 70)


@given(maps(), st.integers(-2, 50), st.integers(-2, 50))
def test_to_original_is_its_two_points(m: OffsetMap, start: int, end: int) -> None:
    assert m.to_original(start, end) == _reference(m, start, end)


@given(
    st.lists(
        st.sampled_from(["一、", "(一)", "1.", "(1)", "①", "二、", "(二)", "2.", "做法", "。", "\n"]),
        min_size=1,
        max_size=30,
    ).map(lambda parts: "前言。\n" + "".join(parts))
)
def test_innermost_section_is_the_last_one_holding_the_offset(text: str) -> None:
    doc = checklist.parse(text)
    for pos in range(len(doc.text) + 1):
        expected = -1
        for s in doc.sections:  # the plain definition: the last section holding pos
            if s.start <= pos < s.end:
                expected = s.index
        assert doc.innermost_section(pos) == expected


def test_sentences_made_on_demand_behave_as_a_field() -> None:
    """A document's sentences are made from its columns when first asked for: equality,
    repr, pickling, replace() and the columns behave as for any field."""
    text = "一、工作情况\n我们做了很多工作。现将有关情况报告如下。\n二、存在的问题\n问题不少！还要努力"
    doc, again = checklist.parse(text), checklist.parse(text)
    assert pickle.loads(pickle.dumps(doc)) == doc  # (pickled before its sentences were asked for)
    assert doc == again and repr(doc) == repr(again)
    starts, ends, sections = doc.sentence_columns()
    assert [(s.start, s.end, s.section) for s in doc.sentences] == list(zip(starts, ends, sections, strict=True))
    assert doc.sentences is doc.sentences and all(type(s) is Sentence for s in doc.sentences)
    assert [doc.text[s.start : s.end] for s in doc.sentences][-2:] == ["问题不少!", "还要努力"]
    fewer = dataclasses.replace(doc, sentences=doc.sentences[:2])
    assert fewer.sentences == doc.sentences[:2] and fewer.sentence_columns() == (starts[:2], ends[:2], sections[:2])
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.sentences = ()  # type: ignore[misc]
    assert "sentences" in {f.name for f in dataclasses.fields(Document)}
