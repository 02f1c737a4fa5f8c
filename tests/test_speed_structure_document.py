"""The document's inlined offset mapping and bisected section lookup answer what their
plain definitions answer."""

from __future__ import annotations

from bisect import bisect_right

from hypothesis import given
from hypothesis import strategies as st

import checklist
from checklist.document import OffsetMap


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
