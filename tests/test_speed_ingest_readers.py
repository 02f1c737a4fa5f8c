"""The readers' sniffing without a path object (issue 14) reads the suffix a path reads."""

from __future__ import annotations

from pathlib import PurePath

from hypothesis import given, settings
from hypothesis import strategies as st

from checklist.ingest.readers import _suffix, _text_or_html

_PIECES = ["a", "报告", ".", "..", "/", "//", "txt", "TXT", "docx", "tar.gz", " ", "\\", ":", "C:", "x.y", ""]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join))
def test_the_suffix_is_the_paths(name: str) -> None:
    assert _suffix(name) == PurePath(name).suffix


def test_text_without_a_tag_is_text() -> None:
    assert _text_or_html("关于2023年度法治政府建设情况的报告".encode()) == "txt"
    assert _text_or_html(b"\xef\xbb\xbf <!DOCTYPE HTML><p>x") == "html"
    assert _text_or_html("正文<BODY>".encode()) == "html"
