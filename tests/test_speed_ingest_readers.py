"""The readers' sniffing and the file read (issue 14): a head without a tag is text at
once; a file is read unbuffered in one read, and what has no size (a pipe) is still read
to its end."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

import checklist
from checklist.ingest.readers import _text_or_html
from checklist.reading import _read_bytes

_REPORT = "关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n全年开展普法活动12场。\n"


def test_text_without_a_tag_is_text() -> None:
    assert _text_or_html("关于2023年度法治政府建设情况的报告".encode()) == "txt"
    assert _text_or_html(b"\xef\xbb\xbf <!DOCTYPE HTML><p>x") == "html"
    assert _text_or_html("正文<BODY>".encode()) == "html"


def test_a_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(_REPORT * 50, encoding="utf-8")
    assert _read_bytes(path, "r.txt", 10**6) == (_REPORT * 50).encode()
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    assert _read_bytes(empty, "e.txt", 10) == b""


@pytest.mark.skipif(sys.platform == "win32" or not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_without_a_size_is_read_to_its_end(tmp_path: Path) -> None:
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    body = (_REPORT * 200).encode()  # more than a pipe holds at once

    def write() -> None:
        with open(fifo, "wb") as f:
            f.write(body)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        doc = checklist.read(fifo)
    finally:
        writer.join(timeout=10)
    assert doc.text.count("全年开展普法活动12场。") == 200
