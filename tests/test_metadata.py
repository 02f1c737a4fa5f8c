"""Metadata from passages in other words and layouts than the samples'."""

from __future__ import annotations

import datetime as dt

import pytest

import checklist
from checklist.structure.levels import level_of


@pytest.mark.parametrize(
    ("issuer", "level"),
    [
        ("某某省人民政府", "province"),
        ("某某自治区人民政府", "province"),
        ("上海市人民政府", "province"),
        ("某某市人民政府", "city"),
        ("某某自治州人民政府", "city"),
        ("中共某某市委 某某市人民政府", "city"),
        ("某某市某某区人民政府", "county"),
        ("某某县人民政府", "county"),
        ("中共某某县委", "county"),
        ("某某自治县某某乡人民政府", "township"),
        ("某某街道办事处", "township"),
        ("中共某某街道工委", "township"),
        ("中共某某镇委员会 某某镇人民政府", "township"),
        ("某某县司法局", "department"),
        ("某某市发展和改革委员会", "department"),
        ("某某区人民政府办公室", "department"),
        ("某某", None),
        (None, None),
    ],
)
def test_level_from_issuer(issuer: str | None, level: str | None) -> None:
    assert level_of(issuer) == level


def test_chinese_numeral_date_and_joint_signature_on_two_lines() -> None:
    doc = checklist.parse(
        "关于二〇二三年度法治政府建设情况的报告\n县委：\n一、主要做法\n开展普法12次。\n"
        "中共某某镇委员会\n某某镇人民政府\n二〇二四年一月十六日"
    )
    m = doc.metadata
    assert m.year == 2023
    assert m.date == dt.date(2024, 1, 16)
    assert m.issuer == "中共某某镇委员会 某某镇人民政府"
    assert m.level == "township"
    assert m.addressee == "县委"


def test_year_from_opening_sentence_never_from_a_banner() -> None:
    doc = checklist.parse("发布日期：2025-01-03\n县委依法治县办：\n2024年，我局坚持依法行政。\n一、主要做法")
    assert doc.metadata.year == 2024
    assert doc.metadata.published == dt.date(2025, 1, 3)
    doc2 = checklist.parse("发布日期：2025-01-03\n我局坚持依法行政，2024年开展普法。")
    assert doc2.metadata.year is None  # not the first words: unknown, not guessed


def test_issuer_from_title_prefix_and_page_field() -> None:
    doc = checklist.parse("某某县司法局关于2023年度法治政府建设情况的报告\n2023年，我局坚持依法行政。")
    assert doc.metadata.issuer == "某某县司法局"
    assert doc.metadata.level == "department"
    doc2 = checklist.parse("发布机构：某某镇人民政府\n关于2023年度法治政府建设情况的报告\n2023年，我镇开展普法。")
    assert doc2.metadata.issuer == "某某镇人民政府"


@pytest.mark.parametrize(
    ("title", "issuer", "level"),
    [
        ("关于某某县卫生健康局2023年度法治政府建设情况的报告", "某某县卫生健康局", "department"),
        ("关于某某县2023年法治政府建设情况的报告", "某某县", "county"),
        ("某某市公安局交通警察支队2023年度法治政府建设情况报告", "某某市公安局交通警察支队", "department"),
        ("某某县综合行政执法大队2023年法治政府建设工作报告", "某某县综合行政执法大队", "department"),
    ],
)
def test_issuer_after_guanyu_and_police_or_enforcement_units(title: str, issuer: str, level: str) -> None:
    doc = checklist.parse(title + "\n2023年，我们坚持依法行政，扎实推进法治政府建设。")
    assert (doc.metadata.issuer, doc.metadata.level, doc.metadata.issuer_source) == (issuer, level, "title")
    start, end = doc.meta_spans["issuer"]
    assert doc.original[start:end] == issuer  # the evidence points at the name in the title


@pytest.mark.parametrize("title", ["关于2023年度法治政府建设情况的报告", "关于做好2023年度法治政府建设的报告"])
def test_a_title_opening_with_guanyu_and_no_body_names_none(title: str) -> None:
    assert checklist.parse(title + "\n全年开展普法活动12场。").metadata.issuer is None


def test_unknowns_are_none() -> None:
    m = checklist.parse("我们开展了一些工作。").metadata
    assert (m.title, m.issuer, m.level, m.year, m.date, m.published, m.addressee) == (None,) * 7
    assert (m.issuer_source, m.year_source) == (None, None)


def test_date_field_from_page_metadata() -> None:
    doc = checklist.parse("成文日期：2024-02-20\n关于2023年度法治政府建设情况的报告\n2023年，我县开展普法。")
    assert doc.metadata.date == dt.date(2024, 2, 20)


def test_clutter_is_removed_by_a_general_rule() -> None:
    text = (
        "首页 > 政务公开 > 法治政府建设\n字号：大 中 小\n打印本页\n"
        "关于2023年度法治政府建设情况的报告\n2023年，我县开展普法12次。\n某某县人民政府\n2024年3月1日\n"
        "相关链接\n省政府网站\n版权所有：某某县人民政府办公室\n京ICP备12345678号\n微信\n"
    )
    doc = checklist.parse(text)
    assert doc.text.splitlines() == [
        "关于2023年度法治政府建设情况的报告",
        "2023年,我县开展普法12次。",
        "某某县人民政府",
        "2024年3月1日",
    ]
    assert len(doc.removed) == 8


def test_title_wrapped_onto_two_lines() -> None:
    doc = checklist.parse("某某县人民政府\n关于2023年度法治政府建设\n情况的报告\n县委：\n2023年，我县开展普法。")
    assert doc.metadata.title == "关于2023年度法治政府建设情况的报告"
    assert doc.metadata.year == 2023
    assert doc.metadata.addressee == "县委"
    start, end = doc.meta_spans["title"]
    assert doc.original[start:end] == "关于2023年度法治政府建设\n情况的报告"
    result = checklist.audit(doc)
    assert result.requirement("format.title").status == "met"


@pytest.mark.parametrize(
    ("title", "issuer", "level"),
    [
        ("某某区2023年度法治政府建设情况报告", "某某区", "county"),
        ("东山县2022年度法治政府建设工作报告", "东山县", "county"),
        ("某某自治区2023年度法治政府建设情况报告", "某某自治区", "province"),
        ("北山街道2022年度法治政府建设工作报告", "北山街道", "township"),
        ("全区2023年法治政府建设工作总结", None, None),  # "the whole district" names no place
        ("我县2023年度法治政府建设情况报告", None, None),
        ("关于2023年度法治政府建设情况的报告", None, None),
        ("关于某某区2023年度法治政府建设情况的报告", "某某区", "county"),  # 关于 is no part of the name
    ],
)
def test_issuer_from_a_place_name_opening_the_title(title: str, issuer: str | None, level: str | None) -> None:
    doc = checklist.parse(f"{title}\n2023年，坚持依法行政，开展普法活动12次。\n一、主要举措\n开展普法。")
    assert (doc.metadata.issuer, doc.metadata.level) == (issuer, level)
    if issuer:
        start, end = doc.meta_spans["issuer"]
        assert doc.original[start:end] == issuer


@pytest.mark.parametrize(
    ("opening", "level"),
    [
        ("2023年，在区委、区政府的正确领导下，丙湖街道办事处坚持以习近平法治思想为指导。", "township"),
        ("2022年，北山街道坚持依法行政，全面推进法治政府建设。", "township"),
        ("2023年，某某县司法局认真贯彻落实法治政府建设各项部署。", "department"),
        ("2023年，某某区坚持依法行政。", "county"),
        ("2023年，我镇坚持依法行政。", "township"),  # "our town" names no one, but is a town
        ("2023年，在县委的坚强领导下，全镇上下坚持依法行政。", None),
        ("2023年，我们在镇党委领导下开展普法。", None),
        # only the first clause's subject: a later clause may name another body
        ("2023年，我县坚持以习近平法治思想为指导，县司法局认真履行统筹协调职责。", "county"),
        ("某某镇坚持以习近平法治思想为指导，全面推进依法行政。", "township"),  # no year before it
        ("一年来，北山街道坚持依法行政。", "township"),
        # clauses before the subject that say when, what the year was, or on whose orders
        ("2023年是全面贯彻落实党的二十大精神的开局之年，北山镇坚持依法行政。", "township"),
        ("过去的一年，北山街道坚持依法行政。", "township"),
        ("近年来，某某县司法局坚持依法行政。", "department"),
        ("2023年，按照县委、县政府的统一部署，北山镇坚持依法行政。", "township"),
        ("2023年1月至12月，北山镇坚持依法行政。", "township"),
        ("2023年，依法治县坚持以人民为中心。", None),  # a programme, not a body
        ("2025年，北山乡法治政府建设工作在市委、市人民政府的正确领导下，全面推进。", "township"),
    ],
)
def test_level_from_the_subject_of_the_opening_sentence(opening: str, level: str | None) -> None:
    doc = checklist.parse(f"{opening}\n一、主要举措和成效\n开展普法活动12次。\n二、存在的不足\n执法人员偏少。")
    # a body named as the subject is the issuer, read from the body (format.issuer asks more:
    # tests/structure/test_issuer.py) and its level chooses the profile; "we" gives the level only
    assert doc.metadata.level == level
    if doc.metadata.issuer is not None:
        assert doc.metadata.issuer_source == "body"
        start, end = doc.meta_spans["issuer"]
        assert doc.original[start:end] == doc.metadata.issuer and doc.metadata.issuer in opening
    else:
        assert doc.metadata.issuer_source is None


def test_a_signature_outranks_the_opening_sentence() -> None:
    doc = checklist.parse(
        "2023年，北山镇坚持依法行政。\n一、主要举措\n开展普法活动12次。\n某某区北山街道办事处\n2024年1月10日"
    )
    assert doc.metadata.issuer == "某某区北山街道办事处" and doc.metadata.level == "township"
    doc2 = checklist.parse(
        "2023年，某某区坚持依法行政。\n一、主要举措\n开展普法活动12次。\n某某区司法局\n2024年1月10日"
    )
    assert doc2.metadata.level == "department"


def test_a_line_citing_a_notice_is_no_title() -> None:
    doc = checklist.parse(
        "按照《关于做好2023年度法治政府建设年度报告工作的通知》\n2023年，我镇坚持依法行政。\n"
        "一、主要举措\n开展普法12次。"
    )
    assert doc.metadata.title is None
    titled = checklist.parse("关于贯彻落实《法治政府建设实施纲要》情况的报告\n2023年，我镇坚持依法行政。")
    assert titled.metadata.title == "关于贯彻落实《法治政府建设实施纲要》情况的报告"


def test_a_letter_spaced_header_and_signature_are_read_as_names() -> None:
    # a Word header set out across the width (分散对齐): every character between blanks
    doc = checklist.parse(
        "某 某 县 商 务 局\n关于2023年度法治政府建设情况的报告\n县政府：\n2023年，我局坚持依法行政。\n"
        "一、主要举措\n开展普法12次。\n某　某　县　商　务　局\n2024年1月5日"
    )
    assert doc.metadata.issuer == "某某县商务局"
    assert doc.metadata.issuer_source == "signature"
    assert doc.text.startswith("某某县商务局\n")
    start, end = doc.meta_spans["issuer"]
    assert doc.original[start:end] == "某　某　县　商　务　局"
    # a line of words between blanks is no letter-spaced line
    assert checklist.parse(
        "中共某某县委 某某县人民政府\n关于2023年度法治政府建设情况的报告\n全年开展普法活动12场。"
    ).text.startswith("中共某某县委 某某县人民政府\n")
