"""The readers' sniffing: a head without a tag is text at once (issue 14)."""

from __future__ import annotations

from checklist.ingest.readers import _text_or_html


def test_text_without_a_tag_is_text() -> None:
    assert _text_or_html("关于2023年度法治政府建设情况的报告".encode()) == "txt"
    assert _text_or_html(b"\xef\xbb\xbf <!DOCTYPE HTML><p>x") == "html"
    assert _text_or_html("正文<BODY>".encode()) == "html"
