"""Big5 files (traditional characters from Taiwan and Hong Kong sites and their mirrors):
read as Big5 when GB18030 gives garbage, judged as the same report in simplified
characters; a file that looks like Big5 but does not decode is refused with a message
that names Big5 and how to convert it."""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest

import checklist
from checklist.errors import InputError
from checklist.ingest.readers.text import decode, read_text

SIMPLIFIED = """乙区司法局关于2023年度法治政府建设情况的报告
区委、区政府：
2023年，乙区司法局坚持以习近平法治思想为指导，全面推进依法行政，现将有关情况报告如下：
一、主要举措和成效
全面落实行政执法“三项制度”，严格执行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。
二、存在的问题
基层法治队伍力量不足。
三、下一步工作安排
加强法治队伍建设，提升执法规范化水平。
乙区司法局
2024年2月1日
"""
TRADITIONAL = opencc.OpenCC("s2tw").convert(SIMPLIFIED)  # Taiwan forms, as Big5 files have them


def test_big5_file_is_read_as_big5() -> None:
    data = TRADITIONAL.encode("big5")
    assert data.decode("gb18030")  # GB18030 takes the bytes too: only what it makes of them tells
    extracted = read_text(data, "b.txt")
    assert extracted.encoding == "big5"
    assert extracted.text == TRADITIONAL


def test_big5_report_is_judged_as_the_simplified_one(tmp_path: Path) -> None:
    big5 = tmp_path / "big5.txt"
    big5.write_bytes(TRADITIONAL.encode("big5"))
    simp = tmp_path / "simp.txt"
    simp.write_text(SIMPLIFIED, encoding="utf-8")
    doc = checklist.read(big5)
    assert doc.encoding == "big5"
    assert doc.metadata == checklist.read(simp).metadata
    assert doc.metadata.issuer == "乙区司法局"
    statuses = {r.id: r.status for r in checklist.audit(doc).requirements}
    assert statuses == {r.id: r.status for r in checklist.audit(simp).requirements}


def test_hong_kong_characters_read_through_big5_hkscs() -> None:
    text = TRADITIONAL + "嘅\n"  # in HKSCS, not in plain Big5
    with pytest.raises(UnicodeEncodeError):
        text.encode("big5")
    assert decode(text.encode("big5hkscs"), "hk.txt") == (text, "big5hkscs")


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "gb2312"])
def test_gb_files_stay_gb(encoding: str) -> None:
    # near miss: GB bytes decode as Big5 too, but GB18030 gives clean text, so it stays
    data = SIMPLIFIED.encode(encoding)
    assert decode(data, "g.txt") == (SIMPLIFIED, "gb18030")


def test_damaged_big5_names_big5_and_how_to_convert() -> None:
    data = TRADITIONAL.encode("big5")
    cut = len(data) // 2
    cut -= data[cut] < 0x80  # land on a lead byte
    while data[cut] < 0x80:
        cut += 1
    damaged = data[:cut] + b"\xa3\xc5" + data[cut:]  # a pair in no Big5 table (nor cp950, HKSCS)
    for codec in ("big5", "cp950", "big5hkscs"):
        with pytest.raises(UnicodeDecodeError):
            damaged.decode(codec)
    with pytest.raises(InputError) as info:
        read_text(damaged, "bad.txt")
    assert info.value.message_key == "error.big5"
    assert "Big5" in info.value.problem and "UTF-8" in info.value.problem and "iconv" in info.value.problem
    assert "Big5" in info.value.localized("en") and "UTF-8" in info.value.localized("en")


def test_garbage_that_is_no_big5_keeps_its_old_message() -> None:
    # near miss: Latin-1 bytes are neither UTF-8 nor GB text nor Big5
    data = ("Ã©" * 400).encode("latin-1")
    with pytest.raises(InputError) as info:
        read_text(data, "x.txt")
    assert info.value.message_key != "error.big5"
