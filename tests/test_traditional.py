"""A report in traditional characters (a mirror site, a Big5 file) is judged as the same
report in simplified characters, without any flag; a simplified report that quotes a few
traditional characters is left as it is."""

from __future__ import annotations

import glob

import opencc
import pytest

import checklist
from _samples import REPORTS
from checklist.ingest.normalize import is_mostly_traditional

SIMPLIFIED = """甲县交通运输局关于2023年度法治政府建设情况的报告
县委、县政府：
2023年，甲县交通运输局坚持以习近平法治思想为指导，认真贯彻落实党中央、国务院关于法治政府建设的决策部署，现将有关情况报告如下：
一、主要举措和成效
（一）全面落实行政执法“三项制度”。严格执行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度，全年办理执法案件86件。
（二）发挥法律顾问作用。聘请律师担任常年法律顾问，参与审查合同12份。
二、存在的问题
执法人员专业素质有待提高，运输市场监管手段不足。
三、下一步工作安排
继续深化交通运输综合行政执法改革，加强执法队伍建设。
甲县交通运输局
2024年1月20日
"""


# OpenCC's traditional forms (爲), Taiwan's (為), Hong Kong's: mirror sites use each
CONFIGS = ("s2t", "s2tw", "s2hk")


def traditional(text: str, config: str = "s2tw") -> str:
    return opencc.OpenCC(config).convert(text)  # type: ignore[no-any-return]


def test_passage_is_written_in_traditional_characters() -> None:
    text = traditional(SIMPLIFIED)
    assert "交通運輸局" in text and "法治政府建設" in text and "縣委" in text
    assert len(text) == len(SIMPLIFIED)


@pytest.mark.parametrize("config", CONFIGS)
def test_traditional_report_reads_as_the_simplified_one(config: str) -> None:
    trad = checklist.parse(traditional(SIMPLIFIED, config), source="trad.txt")
    simp = checklist.parse(SIMPLIFIED, source="simp.txt")
    assert trad.metadata == simp.metadata
    assert trad.metadata.issuer == "甲县交通运输局"  # metadata values come out simplified
    assert trad.metadata.title == "甲县交通运输局关于2023年度法治政府建设情况的报告"
    assert [s.heading for s in trad.sections] == [s.heading for s in simp.sections]
    assert trad.text == simp.text


def test_traditional_report_gets_the_simplified_verdicts_and_quotes_its_own_text() -> None:
    trad = checklist.parse(traditional(SIMPLIFIED), source="trad.txt")
    result = checklist.audit(trad)
    expected = checklist.audit(checklist.parse(SIMPLIFIED, source="simp.txt"))
    assert {r.id: r.status for r in result.requirements} == {r.id: r.status for r in expected.requirements}
    quotes = [e for r in result.requirements for e in r.evidence if e.start is not None]
    assert quotes
    for e in quotes:
        assert trad.original[e.start : e.end] == e.quote  # the evidence is the traditional original
    assert any("執法" in e.quote for e in quotes)


def test_simplified_report_quoting_a_few_traditional_characters_is_not_converted() -> None:
    # near miss: a page's 简体|繁體 switch and a quoted old name do not make a traditional text
    text = "简体 | 繁體\n" + SIMPLIFIED.replace("现将有关情况", "“臺灣同胞”服务窗口运行良好，现将有关情况")
    doc = checklist.parse(text, source="s.txt")
    assert not is_mostly_traditional(text)
    assert "臺灣同胞" in doc.text


def test_the_samples_are_not_taken_for_traditional() -> None:
    for path in glob.glob(str(REPORTS / "*.txt")):
        with open(path, encoding="utf-8") as f:
            assert not is_mostly_traditional(f.read()), path


def test_the_flag_still_forces_the_conversion() -> None:
    text = "甲县人民政府\n本縣堅持依法行政。"
    assert not is_mostly_traditional(text)
    assert "本县坚持依法行政" in checklist.parse(text, to_simplified=True).text
    assert "本縣堅持依法行政" in checklist.parse(text).text


@pytest.mark.parametrize("share", [0.5, 1.0])
def test_a_mostly_traditional_text_with_simplified_clutter_is_converted(share: float) -> None:
    trad = traditional(SIMPLIFIED)
    cut = int(len(trad) * share)
    text = "首页 > 政务公开 > 法治政府建设\n" + trad[:cut] + SIMPLIFIED[cut:]
    assert is_mostly_traditional(text)
    assert "法治政府建设" in checklist.parse(text).text
