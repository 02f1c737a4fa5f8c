"""The readers' sniffing and the file read (issue 14): a head without a tag is text at
once; a file is read unbuffered in one read, and what has no size (a pipe, a device) is
still read to its end, but no further than the limit."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from pathlib import Path

import pytest

import checklist
from checklist.errors import InputError
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


@pytest.mark.skipif(sys.platform == "win32" or not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_is_read_no_further_than_the_limit(tmp_path: Path) -> None:
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "wb") as f, contextlib.suppress(BrokenPipeError):
            f.write((_REPORT * 200).encode())  # about 20 KB: more than the limit below

    writer = threading.Thread(target=write)
    writer.start()
    try:
        with pytest.raises(InputError) as caught:
            checklist.read(fifo, max_bytes=4000)
    finally:
        writer.join(timeout=10)
    assert caught.value.message_key == "error.too_large_stream"
    assert "4,000" in str(caught.value) and "report.txt" in str(caught.value)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_without_end_is_refused_at_the_limit() -> None:
    with pytest.raises(InputError) as caught:
        checklist.read("/dev/zero", max_bytes=100_000)
    assert caught.value.message_key == "error.too_large_stream"
