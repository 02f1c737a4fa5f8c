"""The genre's formulas are data: a sentence made of them says nothing of its own.

Every passage here is invented (甲镇, 某某县 …); the headings follow the five parts the
督察工作规定 prescribes, written the several ways reports write them.
"""

from __future__ import annotations

import unicodedata

import pytest

from checklist.crossreport.copied import sentence_key
from checklist.crossreport.formulas import MIN_SPECIFIC, is_specific, is_specific_key, own_words, own_words_of_key

STATUTORY_HEADINGS = [
    "2023年度推进法治政府建设的主要举措和成效",
    "一、2021年法治政府建设主要举措及成效",
    "上一年度推进法治政府建设的主要举措和成效",
    "****年推进法治政府建设的主要举措和成效",
    "上一年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
    "二、镇党政主要负责人履行推进法治建设第一责任人职责情况",
    "三、2022年度推进法治政府建设存在的不足和原因",
    "四、2024年度推进法治政府建设的主要安排",
    "下一年度推进法治政府建设的主要安排",
    "五、其他需要报告的情况",
]

FORMULAS = [
    "现将我镇2024年度法治政府建设工作情况报告如下：",
    "现将本年度法治政府建设的具体情况报告如下。",
    "现将街道2023年法治政府建设工作情况汇报如下：",
    "现将某某县司法局2022年法治政府建设情况报告如下。",
    "全面落实行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。",
    "全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度。",
    "严格落实行政执法“三项制度”，提升行政执法规范化水平。",
    "切实履行推进法治建设第一责任人职责。",
    "严格落实党政主要负责人履行推进法治建设第一责任人职责。",
    "推进重大行政决策科学化、民主化、法治化。",
    "坚持严格规范公正文明执法。",
    "镇长认真履行推进法治建设第一责任人职责，对法治建设重要工作亲自部署、重大问题亲自过问、"
    "重点环节亲自协调、重要任务亲自督办。",
]

SPECIFIC = [
    # a name and figures
    "甲镇投入资金36万元建成法治文化公园一处，沿河设置法治宣传栏48块。",
    # a phrase of its own
    "首创“院落议事会”机制，由居民推选议事代表七名轮值调处邻里纠纷。",
    "建立“一村一档”调解台账，对排查出的邻里纠纷逐一登记、限时销号。",
]


@pytest.mark.parametrize("text", STATUTORY_HEADINGS + FORMULAS)
def test_formulas_say_nothing_of_their_own(text: str) -> None:
    assert not is_specific(text, "中共甲镇委员会 甲镇人民政府"), own_words(text, "甲镇人民政府")
    assert len(own_words(text)) < MIN_SPECIFIC


@pytest.mark.parametrize("text", SPECIFIC)
def test_names_figures_and_own_phrases_are_specific(text: str) -> None:
    assert is_specific(text, "乙镇人民政府")


def test_the_issuers_own_name_is_no_specific_content() -> None:
    heading = "某某县人民政府2023年度推进法治政府建设的主要举措和成效"
    assert own_words(heading, "某某县人民政府") == ""
    # the short name and the joint issuer's parts too
    assert own_words("现将某某县2023年法治政府建设情况报告如下", "中共某某县委 某某县人民政府") == ""
    assert own_words("某某县2023年度推进法治政府建设的主要举措和成效", "某某县人民政府") == ""


def test_self_references_dates_and_punctuation_go() -> None:
    assert own_words("我镇于2023年3月15日召开了法治政府建设工作会议。") == "召开会议"
    assert own_words("本局2022年度的工作安排") == ""


def test_a_formula_inside_a_sentence_of_its_own_leaves_the_rest() -> None:
    text = "全面落实行政执法三项制度，在甲镇便民服务中心设立执法公示屏3块，公示执法人员21名。"
    left = own_words(text, "乙镇人民政府")
    assert "便民服务中心" in left and "3" in left and "21" in left
    assert is_specific(text, "乙镇人民政府")


def test_threshold_is_a_parameter() -> None:
    text = "落实行政执法“三项制度”，提升执法公信力。"
    assert not is_specific(text)
    assert is_specific(text, min_chars=3)


@pytest.mark.parametrize("text", STATUTORY_HEADINGS + FORMULAS + SPECIFIC)
def test_the_key_path_agrees(text: str) -> None:
    text = unicodedata.normalize("NFKC", text)
    key, cut = sentence_key(text)  # the key has no outline marker (四、)
    assert own_words_of_key(key, "甲镇人民政府") == own_words(text[cut:], "甲镇人民政府")
    assert is_specific_key(key, "甲镇人民政府") == is_specific(text, "甲镇人民政府")
    assert is_specific_key(key, min_chars=0)
