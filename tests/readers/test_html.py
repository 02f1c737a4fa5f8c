"""HTML reader: decoding, clutter removal, line structure, page metadata, hostile input."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checklist.errors import InputError
from checklist.ingest.readers import html as html_reader
from checklist.ingest.readers.base import Extracted
from checklist.ingest.readers.html import read_html

BODY = "区委、区政府：\n2023年，我镇深入学习习近平法治思想，现将有关情况报告如下："
BODY_P = "".join(f"<p>{line}</p>" for line in BODY.split("\n"))


def page(body: str, head: str = '<meta charset="utf-8">') -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


def lines_of(data: bytes) -> list[str]:
    return read_html(data, "t.html").text.split("\n")


# --- clutter -------------------------------------------------------------------


def test_scripts_styles_and_chrome_tags_are_dropped() -> None:
    data = page(
        "<script>document.write('<p>脚本文字</p>')</script><style>p{}</style>"
        "<noscript>请启用脚本</noscript><template><p>模板</p></template>"
        "<iframe src='x'></iframe><svg><text>矢量</text></svg>"
        "<nav><a href='/'>导航</a></nav><header>网站页头</header><aside>侧栏</aside>"
        "<form action='/s'><input name='q'><button>搜索</button></form>"
        "<select><option>其他网站</option></select>"
        "<p>正文第一段。</p><footer>网站页脚</footer>"
    )
    assert lines_of(data) == ["正文第一段。"]


def test_link_dense_blocks_are_dropped() -> None:
    menu = "".join(
        f"<li><a href='/{i}'>{name}</a></li>" for i, name in enumerate(["首页", "政务公开", "政务服务", "互动交流"])
    )
    sites = "".join(
        f"<a href='http://{i}.gov.cn'>{name}人民政府</a>"
        for i, name in enumerate(["北京市", "天津市", "河北省", "山西省"])
    )
    data = page(
        f"<div class='menu'><ul>{menu}</ul></div>"
        "<div class='crumb'>当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>法治政府</a></div>"
        "<div class='crumb2'>您所在的位置：<a>首页</a> » <a>通知公告</a></div>"
        f"<div class='links'><div class='t'>地方政府网站</div><div class='list'>{sites}</div></div>"
        "<div class='share'>分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>"
        "<div class='font'>【字号：<a>大</a> <a>中</a> <a>小</a>】</div>"
        f"<div class='content'>{BODY_P}</div>"
    )
    assert lines_of(data) == BODY.split("\n")


def test_body_paragraph_with_a_few_links_is_kept() -> None:
    text = "根据<a href='/a'>《法治政府建设实施纲要》</a>和<a href='/b'>有关通知</a>要求，现将情况报告如下。"
    assert lines_of(page(f"<p>{text}</p>")) == ["根据《法治政府建设实施纲要》和有关通知要求，现将情况报告如下。"]


def test_whole_page_inside_a_form_is_kept() -> None:
    # ASP.NET sites wrap the whole page in one <form>.
    long_body = "".join(f"<p>第{i}段，推进依法行政，落实法治政府建设各项任务。</p>" for i in range(8))
    data = page(f"<form id='form1' runat='server'><div>{long_body}</div></form>")
    assert len(lines_of(data)) == 8


def test_header_inside_article_is_kept() -> None:
    data = page(
        "<header>网站页头</header><article><header><h1>关于2023年度法治政府建设情况的报告</h1>"
        "</header><p>正文。</p><footer>责任编辑：张三</footer></article>"
    )
    assert lines_of(data) == ["关于2023年度法治政府建设情况的报告", "正文。", "责任编辑：张三"]


# --- line structure --------------------------------------------------------------


def test_blocks_end_lines_and_inline_elements_do_not() -> None:
    data = page(
        "<div>一、<b>主要</b><span>举措</span><em>和</em><a href='#'>成效</a></div>"
        "<p>第一行<br>第二行<br/><br>第三行</p>"
        "<ul><li>甲</li><li>乙</li></ul>"
        "<table><tr><td>项目</td><td>数量</td></tr></table>"
        "<section>节</section><article>文</article><h3>标题</h3>"
    )
    assert lines_of(data) == [
        "一、主要举措和成效",
        "第一行",
        "第二行",
        "第三行",
        "甲",
        "乙",
        "项目",
        "数量",
        "节",
        "文",
        "标题",
    ]


def test_whitespace_is_collapsed_and_lines_stripped() -> None:
    data = page(
        "<p>\n    　　2023年，我镇深入学习\n    习近平法治思想，\n    现将情况报告如下。  </p>"
        "<p>Rule  of\n law   government</p><p>   </p><p>&nbsp;</p><div><div></div></div>"
    )
    # A source line break between two Chinese characters renders as nothing.
    assert lines_of(data) == [
        "2023年，我镇深入学习习近平法治思想，现将情况报告如下。",
        "Rule of law government",
    ]


def test_pre_keeps_its_lines() -> None:
    assert lines_of(page("<pre>第一行\n  第二行\r\n第三行</pre>")) == ["第一行", "第二行", "第三行"]


def test_headings_are_reported_with_their_line_index() -> None:
    data = page(
        "<h1>关于2023年度法治政府建设情况的报告</h1><p>区委：</p>"
        "<h2> <span>一、主要举措</span></h2><p>正文</p><h3></h3>"
        "<h4><div>（一）组织领导</div></h4><p>正文</p><h6>附件</h6>"
    )
    extracted = read_html(data, "t.html")
    lines = extracted.text.split("\n")
    assert [(lines[i], level) for i, level in extracted.heading_lines] == [
        ("关于2023年度法治政府建设情况的报告", 1),
        ("一、主要举措", 2),
        ("（一）组织领导", 4),
        ("附件", 6),
    ]


# --- metadata ----------------------------------------------------------------------


def test_meta_tags_and_title() -> None:
    head = (
        '<meta charset="utf-8"><title>报告_某某镇人民政府</title>'
        '<meta name="ArticleTitle" content="关于2023年度法治政府建设情况的报告">'
        '<meta name="PubDate" content="2024-01-20 10:00">'
        '<meta name="ContentSource" content="某某镇">'
        '<meta name="Keywords" content="法治政府">'
    )
    meta = read_html(page("<p>正文</p>", head), "t").page_metadata
    assert meta["标题"] == "关于2023年度法治政府建设情况的报告"
    assert meta["发布日期"] == "2024-01-20 10:00"
    assert meta["来源"] == "某某镇"
    assert meta["关键词"] == "法治政府"


def test_title_element_is_the_fallback_title() -> None:
    head = '<meta charset="utf-8"><title> 关于2023年度法治政府建设情况的报告 </title>'
    meta = read_html(page("<p>正文</p>", head), "t").page_metadata
    assert meta["标题"] == "关于2023年度法治政府建设情况的报告"


def test_metadata_table_goes_to_page_metadata() -> None:
    table = (
        "<table class='xxgk'><tr><th colspan='4'>基本信息</th></tr>"
        "<tr><td>索 引 号：</td><td>11500226/2024-00012</td>"
        "<td>发布机构：</td><td>某某镇人民政府</td></tr>"
        "<tr><td>成文日期：</td><td>2024-01-16</td><td>文　　号：</td><td></td></tr>"
        "<tr><td>标　　题：</td><td><a href='#'>关于2023年度法治政府建设情况的报告</a></td>"
        "<td>有 效 性：</td><td>有效</td></tr></table>"
    )
    extracted = read_html(page(table + "<p>正文第一段。</p>"), "t")
    meta = extracted.page_metadata
    assert meta["索引号"] == "11500226/2024-00012"
    assert meta["发布机构"] == "某某镇人民政府"
    assert meta["成文日期"] == "2024-01-16"
    assert meta["标题"] == "关于2023年度法治政府建设情况的报告"
    assert meta["有效性"] == "有效"
    assert "文号" not in meta  # empty value
    assert extracted.text.split("\n") == ["基本信息", "正文第一段。"]


@pytest.mark.parametrize(
    "grid",
    [
        "<dl><dt>索引号：</dt><dd>000014349/2024-00012</dd><dt>发布日期：</dt><dd>2024-01-20</dd></dl>",
        "<ul><li><span>索引号：</span><span>000014349/2024-00012</span></li><li><b>发布日期：</b>2024-01-20</li></ul>",
        "<div class='info'><div class='row'><label>[ 索引号 ]</label>"
        "<span>000014349/2024-00012</span></div>"
        "<div class='row'><label>【发布日期】</label><span>2024-01-20</span></div></div>",
        "<div class='info'><span>索引号：000014349/2024-00012</span><span>发布日期：2024-01-20</span></div>",
    ],
)
def test_metadata_grids(grid: str) -> None:
    extracted = read_html(page(grid + "<p>正文。</p>"), "t")
    assert extracted.page_metadata["索引号"] == "000014349/2024-00012"
    assert extracted.page_metadata["发布日期"] == "2024-01-20"
    assert extracted.text == "正文。"


def test_lone_key_value_line_stays_in_the_text() -> None:
    data = page(
        "<div class='date'>发布日期:2025-02-24 16:18:53</div>"
        "<div class='content'><p>标 题: 某某镇2022年法治政府建设情况报告</p><p>正文。</p></div>"
    )
    extracted = read_html(data, "t")
    assert extracted.text.split("\n") == [
        "发布日期:2025-02-24 16:18:53",
        "标 题: 某某镇2022年法治政府建设情况报告",
        "正文。",
    ]
    assert "发布日期" not in extracted.page_metadata


def test_body_table_is_not_metadata() -> None:
    table = "<table><tr><td>来源</td><td>数量</td></tr><tr><td>信访</td><td>12</td></tr></table>"
    extracted = read_html(page(table), "t")
    assert extracted.text.split("\n") == ["来源", "数量", "信访", "12"]
    assert extracted.page_metadata == {}


# --- decoding ----------------------------------------------------------------------


def test_gbk_bytes_declared_utf8_are_decoded_as_gb18030() -> None:
    data = page(BODY_P).decode().encode("gbk")
    extracted = read_html(data, "t")
    assert extracted.encoding == "gb18030"
    assert extracted.text == BODY


def test_utf8_bytes_declared_gb2312_are_decoded_as_utf8() -> None:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    extracted = read_html(page(BODY_P, head), "t")
    assert extracted.encoding == "utf-8"
    assert extracted.text == BODY


def test_gb2312_label_accepts_gb18030_only_characters() -> None:
    # 㐀 (U+3400) and 𠀀 (U+20000) exist only in GB18030, 镕 only in GBK.
    text = "朱镕基 㐀 𠀀 法治政府"
    head = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    data = f"<html><head>{head}</head><body><p>{text}</p></body></html>".encode("gb18030")
    extracted = read_html(data, "t")
    assert extracted.text == text
    assert extracted.encoding == "gb18030"


def test_latin1_label_on_gbk_bytes_is_not_trusted() -> None:
    head = '<meta charset="iso-8859-1">'
    data = f"<html><head>{head}</head><body>{BODY_P * 3}</body></html>".encode("gbk")
    extracted = read_html(data, "t")
    assert extracted.encoding == "gb18030"
    assert extracted.text.split("\n")[:2] == BODY.split("\n")


def test_bom_wins() -> None:
    data = "\ufeff<html><head><meta charset='gbk'></head><body><p>法治政府</p></body></html>"
    assert read_html(data.encode("utf-8"), "t").text == "法治政府"
    assert read_html(data[1:].encode("utf-16"), "t").text == "法治政府"  # codec adds the BOM
    assert read_html(data.encode("utf-16"), "t").text == "法治政府"  # and a second one


def test_no_declaration_is_sniffed() -> None:
    data = f"<html><body>{BODY_P}</body></html>"
    assert read_html(data.encode("utf-8"), "t").encoding == "utf-8"
    assert read_html(data.encode("gb18030"), "t").encoding == "gb18030"


def test_undecodable_bytes_raise_input_error() -> None:
    data = b"<html><head><meta charset='utf-8'></head><body><p>" + bytes(range(128, 256)) * 4
    with pytest.raises(InputError):
        read_html(data, "t")


def test_binary_raises_input_error() -> None:
    with pytest.raises(InputError):
        read_html(b"<html>\x00\x01\x02\x00binary", "t")


# --- hostile and empty pages ----------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   ",
        b"<html></html>",
        page(""),
        page("<script>var a=1;</script><nav><a>首页</a></nav>"),
    ],
)
def test_empty_body_raises_input_error(data: bytes) -> None:
    with pytest.raises(InputError) as info:
        read_html(data, "t")
    assert info.value.source == "t"


def test_deep_nesting_is_refused_quickly() -> None:
    data = ("<div>" * 100_000 + "正文" + "</div>" * 100_000).encode()
    start = time.perf_counter()
    with pytest.raises(InputError, match="嵌套"):
        read_html(data, "t")
    assert time.perf_counter() - start < 2.0


def test_moderate_nesting_is_read_without_recursion() -> None:
    data = ("<span>" * 2500 + "正文" + "</span>" * 2500).encode()
    assert read_html(data, "t").text == "正文"
    data = ("<div>" * 1000 + "<p>正文</p>" + "</div>" * 1000).encode()
    assert read_html(data, "t").text == "正文"


def test_recursion_error_becomes_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object) -> None:
        raise RecursionError

    monkeypatch.setattr(html_reader, "_body_lines", explode)
    with pytest.raises(InputError, match="嵌套"):
        read_html(page("<p>正文</p>"), "t")


_FRAGMENTS = [
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<a href='x'>",
    "</a>",
    "<table>",
    "<tr>",
    "<td>",
    "</td>",
    "<ul>",
    "<li>",
    "<br>",
    "<h1>",
    "</h1>",
    "<h2>",
    "<pre>",
    "</pre>",
    "<script>",
    "</script>",
    "<nav>",
    "</nav>",
    "<form>",
    "</form>",
    "<article>",
    "<header>",
    "<dl><dt>",
    "<dd>",
    "<span>",
    "索引号：",
    "发布日期",
    "标 题:",
    "2024-01-16",
    "法治政府",
    "一、主要举措",
    "&nbsp;",
    "&#0;",
    "&gt;",
    "<!--",
    "-->",
    "<meta charset=gbk>",
    "\n",
    " ",
    "\u3000",
    "\x00",
    "<![CDATA[",
    "<svg>",
    "]]>",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=60))
def test_tag_soup_never_crashes(parts: list[str]) -> None:
    data = "".join(parts).encode("utf-8")
    try:
        extracted = read_html(data, "soup.html")
    except InputError:
        return
    check_extracted(extracted)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_raise_only_input_error(data: bytes) -> None:
    try:
        extracted = read_html(data, "fuzz.html")
    except InputError:
        return
    check_extracted(extracted)


def check_extracted(extracted: Extracted) -> None:
    assert isinstance(extracted, Extracted)
    lines = extracted.text.split("\n")
    assert all(line and line == line.strip() for line in lines)
    assert "\x00" not in extracted.text
    assert all(0 <= i < len(lines) and 1 <= level <= 6 for i, level in extracted.heading_lines)


# --- a portal page around the report (issue 13) -------------------------------------


def test_a_portal_page_keeps_the_report_and_names_no_site_as_issuer() -> None:
    import datetime as dt

    import checklist

    data = page(
        "<div class='banner'>某某区人民政府</div>"
        "<div class='menu'><span>首页</span> <span>政务公开</span> <span>政务服务</span> <span>互动交流</span></div>"
        "<div class='search'><span>请输入关键字</span> <span>搜索</span></div>"
        "<div class='info'>• 索引号:</div><div class='info'>• 发文机关:</div>"
        "<h1>甲镇2023年度法治政府建设情况报告</h1>"
        "<div>发布时间:2024-02-28 浏览次数: 【字体:</div>"
        "<p>县委、县政府：</p><p>2023年，甲镇坚持依法行政，全面推进法治政府建设。</p>"
        "<p>一、主要举措和成效</p><p>开展普法宣传活动12场，调解矛盾纠纷35件。</p>"
        "<p>甲镇人民政府</p><p>2024年1月16日</p>"
        "<div class='related'><p>相关阅读</p><ul><li>乙镇2023年度法治政府建设情况报告</li>"
        "<li>丙乡2022年法治政府建设工作总结</li></ul></div>"
    )
    doc = checklist.read(data, format="html", name="t.html")
    m = doc.metadata
    assert (m.title, m.addressee, m.issuer) == ("甲镇2023年度法治政府建设情况报告", "县委、县政府", "甲镇人民政府")
    assert (m.date, m.published) == (dt.date(2024, 1, 16), dt.date(2024, 2, 28))
    reasons = {doc.original[r.start : r.end].strip(): r.reason for r in doc.removed}
    assert reasons["某某区人民政府"] == "site_header"
    assert reasons["• 索引号:"] == "page_metadata"
    assert "乙镇" not in doc.text and "搜索" not in doc.text
