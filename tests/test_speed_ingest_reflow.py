"""The run-on look stops early (issue 14) and finds what a look at every line finds.

``_run_on_lines`` looks at the longest lines first and stops when those left cannot make
half of the text; the answer must be that of testing every long line.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checklist.ingest.normalize import line_spans
from checklist.ingest.reflow import _RUN_ON_MIN, _run_on_lines, is_run_on

_BODY = "开展普法宣传活动12场，发放宣传资料3000余份，组织干部职工参加学法考试，参考率100%。"
_PIECES = [
    "关于2023年度法治政府建设情况的报告",
    "关于2023年度法治政府建设情况的报告" + _BODY * 6,  # a title running into the text
    "县委、县政府：",
    "一、主要举措和成效",
    _BODY,
    _BODY * 4,
    _BODY * 9,
    "。二、存在的不足" + _BODY * 5 + "。三、2024年工作安排" + _BODY * 9,  # two headings after sentence ends
    "某某镇人民政府",
    "",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_the_early_stop_finds_the_run_on_lines_of_a_full_look(pieces: list[str]) -> None:
    text = "\n".join(pieces)
    spans = line_spans(text)
    every = {(a, b) for a, b in spans if b - a >= _RUN_ON_MIN and is_run_on(text[a:b])}
    expected = every if every and sum(b - a for a, b in every) * 2 >= len(text.strip()) else set()
    assert _run_on_lines(text, spans) == expected
