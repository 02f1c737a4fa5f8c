"""Metadata as the spec defines it: whose report (issuer, issuer_source, level), which year,
to whom — from passages of our own, each kind with a near miss that must not trigger."""

from __future__ import annotations

import pytest

import checklist
from checklist.structure.layout import is_addressee_line
from checklist.structure.levels import level_of

_BODY = "\n一、主要举措和成效\n开展普法活动12次。\n二、存在的不足\n执法人员偏少。"


def _meta(text: str) -> checklist.Metadata:
    return checklist.parse(text).metadata


# --- issuer: where it comes from, best first -------------------------------------------


@pytest.mark.parametrize(
    ("text", "issuer", "source"),
    [
        (
            "关于2023年度法治政府建设情况的报告\n2023年，我镇坚持依法行政。" + _BODY + "\n甲镇人民政府\n2024年1月8日",
            "甲镇人民政府",
            "signature",
        ),
        (
            "中共乙县委 乙县人民政府\n关于2023年度法治政府建设情况的报告\n2023年，我县坚持依法行政。" + _BODY,
            "中共乙县委 乙县人民政府",
            "header",
        ),
        ("丙区司法局关于2023年度法治政府建设情况的报告\n2023年，我局坚持依法行政。" + _BODY, "丙区司法局", "title"),
        ("2020年甲区法治政府建设情况报告\n2020年，甲区坚持依法行政。" + _BODY, "甲区", "title"),  # after the year
        ("2023年度乙县司法局法治政府建设工作报告\n2023年，我局坚持依法行政。" + _BODY, "乙县司法局", "title"),
        ("丙街 2020 年法治政府建设情况报告\n2020年，我街道坚持依法行政。" + _BODY, "丙街", "title"),  # 街道 in short
        (
            "发布机构：丁镇人民政府\n关于2023年度法治政府建设情况的报告\n2023年，我镇坚持依法行政。" + _BODY,
            "丁镇人民政府",
            "page",
        ),
        ("2025年，某某县公安局在县委、县政府的坚强领导下，坚持依法行政。" + _BODY, "某某县公安局", "body"),
        ("根据上级要求，现将市人社局2021年法治政府建设情况报告如下。" + _BODY, "市人社局", "body"),
        ("2022年，某某街道坚持以习近平法治思想为指导，扎实推进依法行政。" + _BODY, "某某街道", "body"),
        (
            "2024年，某某-甲乙经济合作区（以下简称“开发区”）深入贯彻习近平法治思想。" + _BODY,
            "某某-甲乙经济合作区",
            "body",
        ),
        ("2021年，某某部坚持以习近平法治思想为指导。" + _BODY, "某某部", "body"),
        ("2024年，某某省委、省政府坚持以习近平法治思想为指导。" + _BODY, "某某省委、省政府", "body"),
    ],
)
def test_issuer_and_where_it_came_from(text: str, issuer: str, source: str) -> None:
    doc = checklist.parse(text)
    assert (doc.metadata.issuer, doc.metadata.issuer_source) == (issuer, source)
    start, end = doc.meta_spans["issuer"]
    assert doc.original[start:end].replace("\n", " ") in (issuer, f"发布机构：{issuer}")


@pytest.mark.parametrize(
    "opening",
    [
        "2023年，我县坚持以习近平法治思想为指导，县司法局认真履行统筹协调职责。",  # a later clause's body
        "2023年，依法治县坚持以人民为中心。",  # a programme
        "2023年，全区坚持依法行政。",  # "the whole district"
        "2023年度法治政府建设情况报告\n2023年，全县坚持依法行政。",  # a title without a body
        "2023年，我县坚持依法行政。",  # "our county"
        "2025年，县委、县政府坚持依法行政。",  # a level and a kind of body, no name
        "2022年，自治区坚持依法行政。",
        "2023年，广大干部坚持学法用法。",  # ends like a body (部), is none
        "现将我局2023年法治政府建设工作情况报告如下。",
        "现将街道2025年度法治政府建设工作情况报告如下。",
        "我们开展普法，甲镇司法所积极配合。",
    ],
)
def test_no_issuer_from_running_text_that_names_no_body_of_its_own(opening: str) -> None:
    m = _meta(opening + _BODY)
    assert (m.issuer, m.issuer_source) == (None, None)


def test_a_body_named_only_in_running_text_does_not_meet_format_issuer() -> None:
    doc = checklist.parse("2025年，某某县公安局在县委的坚强领导下，坚持依法行政。" + _BODY)
    assert doc.metadata.issuer == "某某县公安局"
    assert "issuer" in doc.meta_spans and "issuer" not in doc.meta_norm_spans
    assert checklist.audit(doc).requirement("format.issuer").status == "missing"
    # near miss: the same body in the signature states it
    signed = checklist.parse("2025年，某某县公安局坚持依法行政。" + _BODY + "\n某某县公安局\n2026年1月5日")
    assert checklist.audit(signed).requirement("format.issuer").status == "met"


def test_a_title_naming_the_body_outranks_the_site_banner_and_the_page_field() -> None:
    # the site's name above a title that names its own body is the site's banner
    m = _meta("某某市人民政府\n甲乡人民政府关于2022年法治政府建设工作情况报告\n2022年，甲乡坚持依法行政。" + _BODY)
    assert (m.issuer, m.issuer_source, m.level) == ("甲乡人民政府", "title", "township")
    m = _meta(
        "发布机构：乙区卫健委\n某某市乙区卫生健康委员会关于2025年法治政府建设情况的报告\n"
        "2025年，我委坚持依法行政。" + _BODY
    )
    assert (m.issuer, m.issuer_source) == ("某某市乙区卫生健康委员会", "title")
    # near miss: a joint header above a title without a body stays the issuer
    m = _meta("中共甲镇委员会 甲镇人民政府\n关于2023年度法治政府建设情况的报告\n2023年，我镇坚持依法行政。" + _BODY)
    assert (m.issuer, m.issuer_source) == ("中共甲镇委员会 甲镇人民政府", "header")


def test_a_page_field_naming_another_level_than_the_opening_is_the_publisher() -> None:
    # the county's site published the town's report: the town reports
    m = _meta("发布机构：某某县人民政府\n2023年，甲镇坚持依法行政，扎实推进法治政府建设。" + _BODY)
    assert (m.issuer, m.issuer_source, m.level) == ("甲镇", "body", "township")
    m = _meta("发布机构：某某县司法局\n2023年，某某县坚持依法行政。" + _BODY)
    assert (m.issuer, m.issuer_source, m.level) == ("某某县", "body", "county")
    # near misses: the same body in short, or of the same level, stays the page's
    m = _meta("发布机构：乙区卫健委\n2025年，乙区卫生健康委员会坚持依法行政。" + _BODY)
    assert (m.issuer, m.issuer_source) == ("乙区卫健委", "page")
    m = _meta("发布机构：甲镇人民政府\n2023年，甲镇坚持依法行政。" + _BODY)
    assert (m.issuer, m.issuer_source) == ("甲镇人民政府", "page")


def test_body_names_above_the_page_clutter_are_the_site_not_the_header() -> None:
    text = (
        "某某区人民政府\n首页 > 政务公开 > 法治政府建设\n发布日期：2025-03-12\n"
        "中共某某区丙街道工作委员会 某某区丙街道办事处\n关于2024年度法治政府建设工作情况的报告\n"
        "区委依法治区办：\n2024年，丙街道党工委、办事处坚持依法行政。" + _BODY
    )
    m = _meta(text)
    assert m.issuer == "中共某某区丙街道工作委员会 某某区丙街道办事处"
    assert (m.issuer_source, m.level) == ("header", "township")
    assert m.addressee == "区委依法治区办"
    # near miss: no clutter between, the banner-like line is the header
    m = _meta("某某区人民政府\n关于2024年度法治政府建设情况的报告\n2024年，我区坚持依法行政。" + _BODY)
    assert (m.issuer, m.issuer_source) == ("某某区人民政府", "header")


# --- level -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("issuer", "level"),
    [
        ("某某经济开发区管委会", "county"),
        ("某某高新区管理委员会", "county"),
        ("某某经济技术开发区", "county"),
        ("某某开发区司法局", "department"),  # a zone's department is a department
        ("某某市城市管理委员会", "department"),  # a 管理委员会 of no zone
        ("司法部", "department"),
        ("某某部", "department"),
        ("市卫健委", "department"),
    ],
)
def test_level_of_zones_and_ministries(issuer: str, level: str) -> None:
    assert level_of(issuer) == level


@pytest.mark.parametrize(
    ("opening", "level"),
    [
        ("2023年，我局坚持依法行政。", "department"),
        ("现将我局2023年法治政府建设工作情况报告如下。", "department"),
        ("2023年，本镇坚持依法行政。", "township"),
        ("2023年，我区坚持依法行政。", "county"),
        ("2023年，我们坚持依法行政。", None),
        ("2018年，我市各级行政机关全面贯彻落实依法行政要求。", "city"),  # who in it acts
        ("2023年，我局党组高度重视法治建设。", "department"),
        ("2023年，我市场主体数量持续增长。", None),  # 我 + 市场: no self-reference
        # a level and a kind of body, no name: the level only
        ("2025年，县委、县政府坚持以习近平法治思想为指导。", "county"),
        ("2022年，自治区坚持依法行政。", "province"),
        ("2023年，全区坚持依法行政。", None),  # "the whole district" is the area, not the body
        ("2023年，依法治县坚持以人民为中心。", None),
        ("2023年，我国法治建设不断推进。", None),
    ],
)
def test_level_from_we_as_the_subject(opening: str, level: str | None) -> None:
    m = _meta(opening + _BODY)
    assert (m.issuer, m.level) == (None, level)


# --- year reported on, when there is no title -------------------------------------------


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("现将我局2023年法治政府建设工作情况报告如下。" + _BODY, 2023),
        ("2023年，某某街道坚持依法行政。" + _BODY, 2023),
        ("根据上级部署，现将2022年法治政府建设情况报告如下：" + _BODY, 2022),
        (
            "按照年度报告制度的要求，现将我局法治政府建设情况报告如下：\n一、法治政府建设工作情况\n"
            "2019年度为全面推进法治政府建设，我局成立领导小组。",
            2019,
        ),
        (
            "为全面推进依法行政，根据相关文件要求，扎实推进法治政府建设。\n一、2022年度法治政府建设工作的基本情况\n"
            "街道坚持依法行政。",
            2022,
        ),
        (
            "根据《法治政府建设实施纲要（2021—2025年）》要求，以及市、区的具体部署，2023年，甲街道以"
            "习近平法治思想为指导，推进依法行政。" + _BODY,
            2023,
        ),
        ("2022年来，甲乡在市委的关心和支持下，推进依法行政。" + _BODY, 2022),
    ],
)
def test_year_the_text_says_it_reports_on(text: str, year: int) -> None:
    m = _meta(text)
    assert (m.title, m.year, m.year_source) == (None, year, "body")


@pytest.mark.parametrize(
    "text",
    [
        # a cited document's years are no report year
        "根据《法治政府建设实施纲要（2021—2025年）》要求，我局扎实推进依法行政。" + _BODY,
        "我局认真贯彻《某某市2022年度普法依法治理工作要点》，推进依法行政。" + _BODY,
        # a site banner's date is no year
        "2019年12月3日星期二\n我局坚持依法行政，开展普法活动。" + _BODY,
        # a year inside a sentence is no statement of the year reported on
        "我局坚持依法行政，2024年开展普法。" + _BODY,
        # the plan heading names next year, not the year reported on
        "我局坚持依法行政。\n一、2024年工作安排\n加强执法队伍建设。",
    ],
)
def test_no_year_from_cited_documents_banners_or_plans(text: str) -> None:
    assert _meta(text).year is None


def test_the_title_year_outranks_the_body() -> None:
    m = _meta("关于2023年度法治政府建设情况的报告\n2022年，我镇坚持依法行政。" + _BODY)
    assert (m.year, m.year_source) == (2023, "title")


# --- addressee ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "addressee"),
    [
        ("市委、市政府，省司法厅：", True),
        ("市委,省司法厅:", True),
        ("中共某某市委、市人民政府：", True),
        ("区委、区政府：", True),
        ("县委依法治县办：", True),
        ("国务院：", True),
        ("• 索引号:", False),
        ("| [ 发布机构 ] | 某某局 |:", False),
        ("时间:2018-05-03 浏览次数:", False),
        ("各位领导，同志们：", False),
        ("2023年，我镇坚持依法行政，现报告如下：", False),
    ],
)
def test_addressee_lines(line: str, addressee: bool) -> None:
    normalised = line.replace("，", ",").replace("：", ":")
    assert is_addressee_line(normalised) is addressee


def test_an_addressee_of_several_bodies_separated_by_commas() -> None:
    m = _meta("关于2019年度法治政府建设情况的报告\n市委、市政府，省司法厅：\n2019年，我局坚持依法行政。" + _BODY)
    assert m.addressee == "市委、市政府,省司法厅"


# --- the JSON contract -------------------------------------------------------------------


def test_issuer_source_is_in_the_document_object() -> None:
    data = checklist.audit(checklist.parse("2025年，某某县公安局坚持依法行政。" + _BODY)).model_dump(mode="json")
    assert data["document"]["issuer"] == "某某县公安局"
    assert data["document"]["issuer_source"] == "body"
    assert "year_source" not in data["document"]  # not part of the contract
