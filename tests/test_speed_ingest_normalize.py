"""The short ways of normalisation (issue 14) give what the long ways give.

The whole-text scan makes most lines one copy piece of their span and builds pieces only
for the lines it marks (an indent or trailing blanks take a shorter way still), and
:func:`~checklist.ingest.normalize.join_kept` joins an unmarked line without looking at
pieces. Each is compared here with the per-line regex pass (what converted lines use) and
with :func:`~checklist.ingest.normalize.join_lines` over the full lines.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checklist.ingest.normalize import (
    _normalize_line,
    _one_for_one,
    _reshaping,
    join_kept,
    join_lines,
    line_spans,
    normalize_lines,
    normalize_text,
)

_SPECIAL = list("、（）() ，。：:\u3000\t⑴①“”Ａ１ \u00a0\u200b\ufeff\u2002⑵㈠Ⅱ.")
_WORDS = [
    "法治政府",
    "建设",
    "年度",
    "2019",
    "次",
    "一、",
    "鎮(zhèn)",
    "关于 2019 年度",
    "  ",
    "\u3000\u3000",
    "\u200b\u200b",
    "东",  # a single character: letter-spaced lines (东 阳 县)
    " 局 ",
]
_TEXTS = st.lists(
    st.one_of(st.sampled_from(_WORDS), st.sampled_from(_WORDS), st.sampled_from(_SPECIAL), st.just("\n")),
    max_size=60,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_the_whole_text_scan_gives_the_lines_of_the_per_line_pass(text: str) -> None:
    lines = normalize_lines(text, line_spans(text))
    one_for_one, special = _one_for_one(), _reshaping()
    for line, (start, end) in zip(lines, line_spans(text), strict=True):
        assert line == _normalize_line(text[start:end], start, end, one_for_one, special)


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.lists(st.booleans(), min_size=40, max_size=40))
def test_join_kept_makes_the_map_join_lines_makes(text: str, keep: list[bool]) -> None:
    norm = normalize_text(text, line_spans(text))
    lines = norm.lines()
    kept = [i for i, line in enumerate(lines) if line.text and keep[i % len(keep)]]
    out, omap, spans, starts = join_kept(norm, kept, len(text))
    assert (out, omap, spans) == join_lines([lines[i] for i in kept], len(text))
    assert starts == [lines[i].pieces[0][1] for i in kept]


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_whole_lines_are_cut_as_the_spans_are(text: str) -> None:
    spans = line_spans(text)
    assert normalize_text(text, spans, whole_lines=True) == normalize_text(text, spans)


def test_no_fold_makes_or_removes_a_line_break() -> None:
    from checklist.ingest.normalize import _fold, _foldable_chars

    one, _rest = _foldable_chars()
    assert "\n" not in one and all(_fold(ch) != "\n" for ch in one)
