"""Clutter rules on single lines and in a document: what is removed, what must stay."""

from __future__ import annotations

import re
from typing import Any

import pytest

import checklist
from checklist.ingest.clutter import classify
from checklist.ingest.normalize import fold


@pytest.mark.parametrize(
    "line",
    [
        "某某文库 www.example.com",  # a document-sharing site's watermark, copied with the report
        "公文范文网—每日更新www.example.net",
        "https://www.example.com/art/2024/1/19/art_1.html",
        "www.example.net",
    ],
)
def test_address_lines_are_clutter(line: str) -> None:
    [verdict], _ = classify([line])
    assert verdict.kind == "clutter" and verdict.reason == "address"


@pytest.mark.parametrize(
    "line",
    [
        "详见区政府门户网站 www.example.gov.cn。",  # a sentence citing the website
        "在区政府门户网站www.example.gov.cn公开执法信息",
        "一、主要举措和成效 www.example.com",  # a heading with a watermark glued on keeps the heading
        "全年在门户网站公开信息120条,点击量达3万次。",
        "区政府门户网站 www.example.gov.cn",  # a platform the report lists, not a stamp
        "https://www.example.gov.cn/art/2024/1/19/art_1.html",
    ],
)
def test_sentences_and_headings_with_addresses_stay(line: str) -> None:
    [verdict], _ = classify([line])
    assert verdict.kind == "body"


def test_watermark_lines_leave_the_outline_and_the_verdicts_alone() -> None:
    text = (
        "关于2023年度法治政府建设情况的报告\n某某文库 www.example.com\n县委、县政府：\n"
        "2023年，我镇坚持依法行政。\n一、主要举措和成效\n某某文库 www.example.com\n"
        "开展普法活动12次，调解纠纷35件。\n二、存在的不足\n执法人员偏少。\n三、2024年工作安排\n"
        "充实执法力量。\n某某镇人民政府\n2024年1月16日\n"
    )
    doc = checklist.parse(text)
    assert [s.heading for s in doc.sections] == ["一、主要举措和成效", "二、存在的不足", "三、2024年工作安排"]
    assert doc.metadata.addressee == "县委、县政府"
    removed = [doc.original[r.start : r.end] for r in doc.removed]
    assert removed == ["某某文库 www.example.com"] * 2
    assert "www" not in doc.text


def test_reasons_are_codes_said_in_either_language() -> None:
    from checklist.messages import CATALOG

    text = (
        "首页 > 政务公开 > 法治政府建设\n发布时间：2024-01-20 来源：某某镇人民政府\n"
        "关于2023年度法治政府建设情况的报告\n某某文库 www.example.com\n"
        "2023年，我镇坚持依法行政，开展普法活动12次。\n一、主要举措和成效\n调解纠纷35件。\n"
        "某某镇人民政府\n2024年1月16日\n- 2 -\n扫一扫在手机上查看当前页面\n"
    )
    doc = checklist.parse(text)
    codes = {r.reason for r in doc.removed}
    assert {"navigation", "page_metadata", "address", "page_number"} <= codes
    for code in codes:
        assert f"removed.{code}" in CATALOG["zh"] and f"removed.{code}" in CATALOG["en"]
    english = checklist.audit(doc, lang="en", keep_text=True).removed
    assert {(r.code, r.reason) for r in english} >= {("address", "web address or a sharing site's watermark")}
    chinese = checklist.audit(doc, keep_text=True).removed
    assert {r.reason for r in chinese if r.code == "page_number"} == {"页码"}


def test_bracketed_and_bulleted_metadata_grids_are_page_metadata() -> None:
    from checklist.ingest.clutter import parse_fields

    text = (
        "- [ 索引号 ] 11500000000000000X/2026-00004\n- [ 发布机构 ] 某某县某某乡人民政府\n"
        "[ 成文日期 ] 2026-01-22 [ 发布日期 ] 2026-02-10\n【主题分类】 公安、安全、司法、法制 【体裁分类】 工作报告\n"
        "某某乡2025年法治政府建设情况报告\n2025年，我乡坚持依法行政，开展普法活动12次。\n一、主要举措和成效\n调解纠纷35件。\n"
    )
    doc = checklist.parse(text)
    assert doc.metadata.title == "某某乡2025年法治政府建设情况报告"  # not the 体裁分类 line
    assert str(doc.metadata.date) == "2026-01-22" and str(doc.metadata.published) == "2026-02-10"
    assert doc.page_metadata["发布机构"] == "某某县某某乡人民政府"
    assert parse_fields("[ 发布机构 ] 某某乡人民政府 [ 有效性 ]") == {"发布机构": "某某乡人民政府"}
    assert "[" not in doc.text


def _first_class(items: list[Any]) -> list[str]:
    """Class fragments for every character a parsed pattern can start with (test helper:
    walks the parse tree of :mod:`re`'s own, private, parser)."""
    from re import _constants as c  # type: ignore[attr-defined]

    categories = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_SPACE: r"\s"}
    out: list[str] = []
    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # an anchor or a lookaround: the form starts with what follows
        if op is c.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is c.IN:
            for item_op, item in av:
                if item_op is c.LITERAL:
                    out.append(re.escape(chr(item)))
                elif item_op is c.RANGE:
                    out.append(f"{re.escape(chr(item[0]))}-{re.escape(chr(item[1]))}")
                else:
                    out.append(categories[item])
        elif op is c.SUBPATTERN:
            out += _first_class(list(av[-1]))
        elif op is c.BRANCH:
            for alternative in av[1]:
                out += _first_class(list(alternative))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, _high, body = av
            out += _first_class(list(body))
            if low == 0:
                continue  # the form may start after the optional part too
        else:
            raise AssertionError(f"no first character for {op}")
        return out
    return out


def test_furniture_prefilters_are_exact() -> None:
    """The three furniture regexes find what one alternation with IGNORECASE would: the
    forms that stand anywhere open with a literal and hold no letter (so IGNORECASE would
    change nothing, and the engine may skip ahead to their first characters); the
    lookahead of the others holds every character they can start with, and their quick
    check a character each of them needs, in every case IGNORECASE allows."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    from checklist.ingest import clutter

    every_char = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)

    def cases(fragment: str) -> set[str]:
        return set(re.compile(fragment, re.IGNORECASE).findall(every_char))

    words = clutter._FURNITURE_WORDS.pattern
    assert re.sub(r"\\[sdSD]", "", words) == re.sub(r"\\[sdSD]", "", words).lower().upper().lower()
    [(branch, (_none, alternatives))] = list(_parser.parse(words))
    assert branch is c.BRANCH and all(alt[0][0] is c.LITERAL for alt in alternatives)

    other = clutter._FURNITURE_OTHER.pattern
    lookahead, forms = other[3 : other.index("]") + 1], other[other.index("]") + 2 :]
    parsed = list(_parser.parse(forms, re.IGNORECASE))
    could_start = cases("[" + "".join(_first_class(parsed)) + "]")
    assert could_start <= set(re.compile(lookahead).findall(every_char))
    needs = set(clutter._FURNITURE_OTHER_NEEDS.findall(every_char))
    [(_branch, (_none, alternatives))] = parsed  # (the group is no group once parsed)
    for alternative in alternatives:
        literals = [chr(av) for op, av in alternative if op is c.LITERAL]
        assert any(cases(re.escape(ch)) <= needs for ch in literals), alternative


def test_page_number_and_menu_prefilters_are_exact() -> None:
    """A page number opens with a character of ``_PAGE_NUMBER_FIRST`` or a decimal digit
    (what ``\\d`` matches); every character ``_MENU_SPLIT`` splits at is one that
    ``_has_separator`` sees (so a line it rejects is one menu item)."""
    from re import _parser  # type: ignore[attr-defined]

    from checklist.ingest import clutter

    every_char = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)
    first = _first_class(list(_parser.parse(clutter._PAGE_NUMBER.pattern)))
    could_start = set(re.compile("[" + "".join(first) + "]").findall(every_char))
    assert could_start and all(ch in clutter._PAGE_NUMBER_FIRST or ch.isdecimal() for ch in could_start)
    assert not clutter._is_menu("首页 政务公开") and clutter._is_menu("首页 政务公开 互动交流")
    splits = re.compile(r"[\s|｜·]").findall(every_char)
    assert len(splits) > 20 and all(clutter._has_separator(ch) for ch in splits)


def test_furniture_opening_prefilter_is_exact() -> None:
    """Every character a form of ``_FURNITURE_OPENING`` can open with, in every case
    IGNORECASE allows, is in ``_FURNITURE_OPENING_FIRST``."""
    from re import _parser  # type: ignore[attr-defined]

    from checklist.ingest import clutter

    every_char = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)
    first = _first_class(list(_parser.parse(clutter._FURNITURE_OPENING.pattern, re.IGNORECASE)))
    could_start = set(re.compile("[" + "".join(first) + "]", re.IGNORECASE).findall(every_char))
    assert could_start and could_start <= clutter._FURNITURE_OPENING_FIRST
    assert clutter._is_furniture("分享到") and clutter._is_furniture("English") and clutter._is_furniture("qq空间")


# Report sentences that hold a word web pages use for their furniture (a passage of our
# own each): a page that prints every sentence as a paragraph of its own, and a PDF's
# short lines, must keep them.
_REPORT_LINES = [
    "制作普法二维码，群众扫码即可在线学法。",
    "为12个村提供法律服务技术支持。",
    "公布法律援助联系电话，全年接听咨询320次。",
    "完善智能问答系统，解答群众咨询1200次。",
    "健全数字化城市运行管理机制。",
    "推出普法微信公众号，关注公众号人数达2万人。",
    "开通官方微博，发布普法信息300条。",
    "推进无障碍环境建设",  # a heading without punctuation, between two body lines
    "群众可通过扫描二维码获取",  # a line a PDF wrapped
]


@pytest.mark.parametrize("line", _REPORT_LINES)
def test_report_lines_holding_a_word_of_web_furniture_stay(line: str) -> None:
    doc = checklist.parse(
        f"关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n开展普法宣传12场。\n{line}\n调解纠纷35件。"
    )
    assert fold(line) in doc.text.split("\n")  # (normalised: ， is ,)
    assert not doc.removed


def test_the_same_words_in_a_page_footer_are_removed() -> None:
    footer = [
        "主办单位：某某县人民政府办公室",
        "技术支持：某某网络公司",
        "扫一扫在手机打开当前页",
        "联系我们",
        "二维码",
    ]
    doc = checklist.parse(
        "关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n开展普法宣传12场。\n某某县人民政府\n2024年1月5日\n"
        + "\n".join(footer)
    )
    assert [doc.original[r.start : r.end] for r in doc.removed] == footer
    assert doc.metadata.date is not None and doc.metadata.issuer == "某某县人民政府"
