"""The outline's cheap forms (a line's section from the heading lines, the sentence
columns made with the sentences) answer what their definitions answer."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

import checklist
from checklist.document import Document
from checklist.errors import InputError

_PIECES = [
    "一、",
    "二、",
    "(一)",
    "(二)",
    "1.",
    "2、",
    "(1)",
    "①",
    "工作情况",
    "存在的问题",
    "一是",
    "二是",
    "加强学习",
    "。",
    "!",
    "？",
    ",",
    ")",
    "\n",
    "\n",
    " ",
    "关于2023年度法治政府建设情况的报告",
    "某某县司法局",
    "2024年1月5日",
]
texts = st.tuples(
    st.sampled_from(["", "关于2023年度法治政府建设情况的报告\n区委:\n"]),
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40).map("".join),
    st.sampled_from(["", "\n某某县司法局\n2024年1月5日", "\n某某县人民政府\n2024年1月5日\n(此件公开发布)"]),
).map("".join)


def _deepest(doc: Document, pos: int) -> int:
    """The deepest section holding ``pos``, by its definition (no stack, no runs)."""
    found = -1
    for s in doc.sections:
        if s.start <= pos < s.end and (found < 0 or s.level > doc.sections[found].level):
            found = s.index
    return found


@settings(max_examples=300)
@given(texts)
def test_sentence_and_item_sections_are_the_deepest_holding_their_line(text: str) -> None:
    try:
        doc = checklist.parse(text)
    except InputError:  # nothing readable
        assume(False)
        return
    line_starts = [s for s, _ in doc.lines]
    for sentence in doc.sentences:
        line_start = max(s for s in line_starts if s <= sentence.start)
        assert sentence.section == _deepest(doc, line_start)
    for item in doc.items:
        line_start = max(s for s in line_starts if s <= item.start)
        assert item.section == _deepest(doc, line_start)
    starts, ends, sections = doc.sentence_columns()
    assert list(zip(starts, ends, sections, strict=True)) == [(s.start, s.end, s.section) for s in doc.sentences]
