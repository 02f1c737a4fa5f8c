"""Reading plain text in its encodings, and refusing what is not a readable report."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import checklist
from _samples import SAMPLES, sample_path
from checklist.errors import InputError

REPORT = "关于2023年度法治政府建设情况的报告\n区委、区政府：\n2023年，我镇坚持依法行政。\n一、主要举措和成效\n开展普法12次。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (REPORT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + REPORT.encode("utf-8"), "utf-8-sig"),
        (REPORT.encode("gb18030"), "gb18030"),
        (REPORT.encode("gbk"), "gb18030"),
        (REPORT.encode("utf-16"), "utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "gbk", "utf-16-bom"],
)
def test_encodings_are_detected(data: bytes, encoding: str) -> None:
    doc = checklist.read(data, name="r.txt")
    assert doc.encoding == encoding
    assert doc.metadata.year == 2023
    assert doc.metadata.addressee == "区委、区政府"


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_as_gb18030_bytes_reads_the_same(name: str) -> None:
    text = sample_path(name).read_text(encoding="utf-8")
    a = checklist.read(sample_path(name))
    b = checklist.read(text.encode("gb18030"), name=name)
    assert b.encoding == "gb18030"
    assert a.metadata == b.metadata
    assert [s.heading for s in a.sections] == [s.heading for s in b.sections]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "为空"),
        (b"   \n\t \n", "为空"),
        (b"\x00\x01\x02binary\x00" * 50, "NUL"),
        (bytes(range(128, 256)) * 20, "编码"),
        ("ÖÐ¹ú·¨ÖÎÕþ¸®½¨Éè±¨¸æ".encode() * 5, "乱码"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "PNG"),
    ],
    ids=["empty", "blank", "binary", "undecodable", "mojibake", "png"],
)
def test_bad_bytes_are_input_errors(data: bytes, problem: str) -> None:
    with pytest.raises(InputError) as err:
        checklist.read(data, name="bad.txt")
    assert "bad.txt" in str(err.value)
    assert problem in str(err.value)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="不存在"):
        checklist.read(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="文件夹"):
        checklist.read(tmp_path)


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2000)
    with pytest.raises(InputError, match="过大"):
        checklist.read(path, max_bytes=1000)


def test_path_with_spaces_and_chinese(tmp_path: Path) -> None:
    path = tmp_path / "某镇 2023年 报告.txt"
    path.write_text(REPORT, encoding="utf-8")
    assert checklist.read(path).metadata.year == 2023


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_a_document_or_an_input_error(data: bytes) -> None:
    try:
        doc = checklist.read(data, name="x.txt")
    except InputError:
        return
    for s in doc.sections:
        o0, o1 = doc.to_original(s.start, s.end)
        assert 0 <= o0 <= o1 <= len(doc.original)
