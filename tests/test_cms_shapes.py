"""A report pasted from a government page: the page's clutter in the shapes CMSs print it.

Each shape gets a passage of its own (invented places, our own sentences): the title, the
year, the header and the page's dates must come through, and the metadata lines must never
be read as the report's addressee. Near misses: body sentences that merely contain 发布,
时间:, a pipe or 首页 stay body text, and a real addressee or header stays what it is.
"""

from __future__ import annotations

import datetime as dt

import pytest

import checklist
from checklist.ingest.clutter import SITE_HEADER_REASON as SITE_HEADER
from checklist.ingest.clutter import classify, is_meta_line, parse_fields
from checklist.vocabulary import PAGE_DATE_FIELDS

TITLE = "甲镇2023年度法治政府建设情况报告"
BODY = (
    "2023年，甲镇坚持依法行政，全面推进法治政府建设。\n"
    "一、主要举措和成效\n"
    "开展普法宣传活动12场，调解矛盾纠纷35件。\n"
    "二、存在的不足\n"
    "执法人员偏少，普法形式单一。\n"
    "三、2024年工作安排\n"
    "充实执法力量，创新普法形式。\n"
    "甲镇人民政府\n"
    "2024年1月16日\n"
)


def page(*head: str, addressee: str | None = "县委、县政府：", after: str = "") -> checklist.Document:
    lines = [*head, TITLE]
    if addressee:
        lines.append(addressee)
    return checklist.parse("\n".join(lines) + "\n" + BODY + after)


def removed(doc: checklist.Document) -> dict[str, str]:
    return {doc.original[r.start : r.end].strip(): r.reason for r in doc.removed}


def assert_report_intact(doc: checklist.Document, addressee: str | None = "县委、县政府") -> None:
    assert doc.metadata.title == TITLE
    assert doc.metadata.year == 2023
    assert doc.metadata.addressee == addressee
    assert doc.metadata.date == dt.date(2024, 1, 16)
    assert [s.heading for s in doc.sections] == ["一、主要举措和成效", "二、存在的不足", "三、2024年工作安排"]


# ---------------------------------------------------------------------------
# metadata blocks above the title


def test_key_value_grid_with_spaced_keys_and_no_colons() -> None:
    doc = page(
        "索 引 号　11500000/2024-00001　　主题分类　综合政务",
        "发布机构　甲镇人民政府　　发布日期　2024-02-01",
        "文　　号　无　　　　有 效 性　有效",
    )
    assert_report_intact(doc)
    assert doc.metadata.published == dt.date(2024, 2, 1)
    assert set(removed(doc).values()) == {"page_metadata"}


def test_bullet_list_of_fields_is_page_metadata_not_an_addressee() -> None:
    doc = page(
        "政府信息公开",
        "• 索引号:",
        "• 发文字号: 〔〕 号",
        "• 公文种类:",
        "• 发文机关:",
        "• 成文日期: 2024-01-20",
        "• 主题分类:",
        addressee=None,
    )
    assert_report_intact(doc, addressee=None)
    assert doc.page_metadata["成文日期"] == "2024-01-20"
    reasons = removed(doc)
    assert reasons["• 索引号:"] == reasons["• 发文字号: 〔〕 号"] == "page_metadata"


def test_dashed_list_with_spaced_keys() -> None:
    doc = page(
        "- 索 引 号:123456/2024-00029",
        "- 发布机构:甲镇人民政府",
        "- 成文时间:2024年01月20日",
        "- 文 号:无",
        "- 发文时间:2024年02月28日",
        f"- 标 题:{TITLE}",
        "- 效力状态:有效",
    )
    assert_report_intact(doc)
    assert doc.metadata.published == dt.date(2024, 2, 28)
    assert doc.page_metadata["标题"] == TITLE


def test_an_open_government_catalogue_grid() -> None:
    # 政府信息公开目录: the document's name in 信息名称, 公开日期 for the day it went up,
    # 发布机关 for who issued it
    doc = page(
        "信息索引号：000014349/2024-00012",
        f"信息名称：{TITLE}",
        "发布机关：甲镇人民政府",
        "生成日期：2024-01-20",
        "公开日期：2024-02-02",
        "公开责任部门：甲镇党政办",
    )
    assert_report_intact(doc)
    assert doc.metadata.published == dt.date(2024, 2, 2)
    assert doc.page_metadata["发布机关"] == "甲镇人民政府"
    assert set(removed(doc).values()) == {"page_metadata"}


def test_the_issuing_body_field_names_the_issuer_when_nothing_else_does() -> None:
    body = BODY.replace("甲镇人民政府\n2024年1月16日\n", "").replace("甲镇坚持", "我局坚持")
    text = "发布机关：乙县司法局\n2023年度法治政府建设情况报告\n" + body
    doc = checklist.parse(text)
    assert (doc.metadata.issuer, doc.metadata.issuer_source) == ("乙县司法局", "page")


def test_pipe_table_with_bracketed_keys_twice_over() -> None:
    doc = page(
        "| [ 索引号 ] | 11500000/2024-00028 | [ 发文字号 ] | 无 |",
        "| [ 主题分类 ] | 司法 | [ 体裁分类 ] | 工作报告 |",
        "| [ 发布机构 ] | 甲镇人民政府 | ||",
        "| [ 成文日期 ] | 2024-01-30 | [ 发布日期 ] | 2024-02-25 |",
        "| [ 索引号 ] | 11500000/2024-00028 |",
        "| [ 发文字号 ] | 无 |",
        "| 发布机构 | 甲镇人民政府 |",
    )
    assert_report_intact(doc)
    assert doc.metadata.published == dt.date(2024, 2, 25)
    assert doc.page_metadata["发布机构"] == "甲镇人民政府"
    assert "|" not in doc.text


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("发布时间:2024-02-28   浏览次数:   【字体:", dt.date(2024, 2, 28)),
        ("文章来源:甲镇司法所 更新时间:2024/03/29 11:30:01", dt.date(2024, 3, 29)),
        ("发布于:2024-01-06 09:04:54", dt.date(2024, 1, 6)),
        ("时间:2024-05-03 浏览次数:", dt.date(2024, 5, 3)),
        ("日期:2024年05月11日 作者:甲镇党政办公室 来源:甲镇 点击:[]", dt.date(2024, 5, 11)),
        ("日期:2024-03-17 11:12 来源:甲镇人民政府", dt.date(2024, 3, 17)),
        ("【发布机构】甲镇人民政府 【发布日期】2024-02-10", dt.date(2024, 2, 10)),
        ("2024-01-22 15:30:12 甲镇人民政府", dt.date(2024, 1, 22)),  # a stamp, then its source
        ("公开日期：2024-02-02", dt.date(2024, 2, 2)),
    ],
)
def test_a_date_line_under_the_title_is_the_publication_date(line: str, published: dt.date) -> None:
    lines = [TITLE, line, "县委、县政府："]
    doc = checklist.parse("\n".join(lines) + "\n" + BODY)
    assert_report_intact(doc)
    assert doc.metadata.published == published
    assert removed(doc)[line.strip()] == "page_metadata"


def test_a_masked_date_is_no_value() -> None:
    doc = page("2024-01-27", "• 日期:********** **:**", "• 来源:党政综合办公室")
    assert doc.metadata.published == dt.date(2024, 1, 27)  # the bare stamp above the title


# ---------------------------------------------------------------------------
# the portal around the report

PORTAL = (
    "某某区人民政府",
    "首页 政务公开 政务服务 互动交流 数据开放",
    "请输入关键字 搜索",
    "您所在的位置:政务公开 > 工作报告",
    "基层政务公开",
)


def test_portal_name_menu_search_box_and_breadcrumb_are_clutter() -> None:
    doc = page(*PORTAL, "发布日期:2024-02-01")
    assert_report_intact(doc)
    reasons = removed(doc)
    assert reasons["某某区人民政府"] == "site_header"  # the site's owner, not the issuer
    assert reasons["首页 政务公开 政务服务 互动交流 数据开放"] == "navigation"
    assert reasons["请输入关键字 搜索"] == "navigation"
    assert doc.metadata.issuer != "某某区人民政府"


def test_the_site_name_is_not_the_header_but_the_report_header_is() -> None:
    header = "中共甲镇委员会 甲镇人民政府"
    doc = page("某某区人民政府", "首页 | 政务公开 | 政务服务 | 互动交流", header)
    assert removed(doc)["某某区人民政府"] == "site_header"
    assert header not in removed(doc) and doc.text.startswith(header)
    assert_report_intact(doc)
    # without a signature the header names the issuer, never the site
    unsigned = checklist.parse(
        "\n".join(
            [
                "某某区人民政府",
                "首页 | 政务公开 | 政务服务 | 互动交流",
                header,
                TITLE,
                "县委、县政府：",
                *BODY.splitlines()[:-2],
            ]
        )
    )
    assert unsigned.metadata.issuer == header


@pytest.mark.parametrize(
    "line",
    [
        "某某市人民政府门户网站",
        "欢迎访问某某县司法局官方网站",
        "甲镇人民政府信息公开",
        "某某区人民政府 2023年12月3日星期二",
    ],
)
def test_banners_above_the_title(line: str) -> None:
    doc = page(line, "发布日期:2024-02-01")
    assert_report_intact(doc)
    assert removed(doc)[line] in {"site_header", "navigation"}


def test_menu_items_one_a_line_and_a_file_name() -> None:
    doc = page("甲镇2023年度法治政府建设情况.docx", "-", "大", "中", "小")
    assert_report_intact(doc)
    assert removed(doc)["甲镇2023年度法治政府建设情况.docx"] == "file_name"


def test_related_articles_after_the_text_do_not_hide_the_signature() -> None:
    related = (
        "相关阅读\n乙镇2023年度法治政府建设情况报告\n丙乡2022年法治政府建设工作总结\n"
        "某某县司法局2023年度法治政府建设情况报告 2024-02-01\n"
    )
    doc = page(after=related)
    assert_report_intact(doc)
    assert doc.metadata.issuer == "甲镇人民政府"
    assert {r.reason for r in doc.removed} == {"related_list"}
    assert "乙镇" not in doc.text


# ---------------------------------------------------------------------------
# near misses: these stay what they are


@pytest.mark.parametrize(
    "line",
    [
        "2023年，镇政府发布行政规范性文件2件，均经合法性审核。",
        "时间紧、任务重，镇党委多次专题研究法治建设。",
        "会议时间:每季度一次",
        "日期:全年各月",
        "| 序号 | 事项 | 数量 |",
        "执法检查 | 行政处罚12件，行政检查30次。",
        "在政府网站首页开设法治政府建设专栏，发布信息56条。",
        "首页设置法治专栏",
        "来源广泛、形式多样的普法活动深受群众欢迎。",
    ],
)
def test_body_sentences_that_look_like_page_lines_stay(line: str) -> None:
    lines = [TITLE, "县委、县政府：", line, *BODY.splitlines()]
    verdicts, _ = classify(lines)
    assert verdicts[2].kind == "body", line
    doc = checklist.parse("\n".join(lines))
    assert line.strip() not in removed(doc)
    assert_report_intact(doc)


def test_a_real_addressee_stays_the_addressee() -> None:
    doc = page("发布时间:2024-02-28 浏览次数:", addressee="区委、区政府：")
    assert doc.metadata.addressee == "区委、区政府"


def test_a_report_header_right_above_the_title_stays() -> None:
    doc = page("中共甲镇委员会 甲镇人民政府")
    assert doc.text.startswith("中共甲镇委员会 甲镇人民政府")
    assert not doc.removed


def test_a_report_without_title_keeps_its_first_lines() -> None:
    text = "县委、县政府：\n" + BODY
    doc = checklist.parse(text)
    assert not doc.removed
    assert doc.metadata.addressee == "县委、县政府"


def test_related_marker_in_the_body_is_not_a_list() -> None:
    # a sentence mentioning related articles, early in the text: nothing after it is cut
    text = f"{TITLE}\n县委、县政府：\n通过相关阅读材料开展学法活动6次。\n" + BODY
    doc = checklist.parse(text)
    assert doc.metadata.date == dt.date(2024, 1, 16)
    assert "related_list" not in {r.reason for r in doc.removed}


def test_a_red_headed_document_is_no_site() -> None:
    doc = page("某某县人民政府文件", "某府发〔2024〕3号")
    assert_report_intact(doc)
    assert SITE_HEADER not in {r.reason for r in doc.removed}


def test_date_field_names_need_a_date() -> None:
    for key in PAGE_DATE_FIELDS:
        assert is_meta_line(f"{key}: 2024-01-16") and not is_meta_line(f"{key}: 某某值"), key
        assert parse_fields(f"{key}:2024年01月16日 来源:甲镇") == {key: "2024年01月16日", "来源": "甲镇"}


def test_every_new_reason_is_said_in_both_languages() -> None:
    from checklist.messages import CATALOG

    doc = page(
        *PORTAL, "甲镇2023年度法治政府建设情况.docx", "2024-01-27", after="相关阅读\n乙镇2023年度法治政府建设情况报告\n"
    )
    codes = {r.reason for r in doc.removed}
    assert {"site_header", "navigation", "file_name", "related_list", "page_metadata", "before_body"} <= codes
    for code in codes:
        assert f"removed.{code}" in CATALOG["zh"] and f"removed.{code}" in CATALOG["en"]


def test_the_column_name_above_a_whole_title_is_not_part_of_it() -> None:
    # the portal's name, then the column the report was filed in (法治政府建设), which names
    # the topic too, then the whole title: the column is no first half of the title
    doc = page("某某县人民政府", "法治政府建设", addressee=None)
    assert_report_intact(doc, addressee=None)
    assert doc.metadata.issuer == "甲镇人民政府"
    assert set(removed(doc)) == {"某某县人民政府", "法治政府建设"}
