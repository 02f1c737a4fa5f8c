"""DOCX reader: order of paragraphs and tables, headings, merged cells, broken files."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

from checklist.errors import InputError
from checklist.ingest.readers.base import Extracted
from checklist.ingest.readers.docx import read_docx


def save(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def run(text: str, *, deleted: bool = False) -> Any:
    r = OxmlElement("w:r")
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.text = text
    r.append(t)
    return r


@pytest.fixture(scope="module")
def report_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("关于2023年度法治政府建设情况的报告", style="Title")
    document.add_paragraph("区委、区政府：")
    document.add_paragraph("一、主要举措和成效", style="Heading 1")
    document.add_paragraph("（一）加强组织领导", style="Heading 2")
    document.add_paragraph("　　2023年，我镇深入学习习近平法治思想。")
    table = document.add_table(rows=3, cols=3)
    for col, name in enumerate(["项目", "件数", "备注"]):
        table.cell(0, col).text = name
    table.cell(1, 0).merge(table.cell(1, 1)).text = "合法性审查"
    table.cell(1, 2).text = "32"
    table.cell(1, 2).merge(table.cell(2, 2))  # vertical merge: "32" must appear once
    table.cell(2, 0).text = "法律顾问"
    table.cell(2, 1).text = "5"
    chinese = document.styles.add_style("标题 3", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("1.学习宣传", style=chinese)
    outline = document.add_paragraph("二、存在的不足和原因")  # Word's outline level, no style
    ppr = outline._p.get_or_add_pPr()
    level = OxmlElement("w:outlineLvl")
    level.set(qn("w:val"), "0")
    ppr.append(level)
    soft = document.add_paragraph("第一行")
    soft.add_run().add_break()
    soft.add_run("第二行")
    tracked = document.add_paragraph("已经")
    insertion = OxmlElement("w:ins")
    insertion.append(run("新增"))
    tracked._p.append(insertion)
    deletion = OxmlElement("w:del")
    deletion.append(run("删除", deleted=True))
    tracked._p.append(deletion)
    link = OxmlElement("w:hyperlink")
    link.append(run("《实施纲要》"))
    tracked._p.append(link)
    document.add_paragraph("")
    document.add_paragraph("中共某某镇委员会　某某镇人民政府")
    section = document.sections[0]
    section.header.paragraphs[0].text = "页眉：法治政府建设"
    section.footer.paragraphs[0].text = "第 1 页"
    return save(document)


def test_paragraphs_and_tables_in_document_order(report_docx: bytes) -> None:
    extracted = read_docx(report_docx, "r.docx")
    assert extracted.text.split("\n") == [
        "关于2023年度法治政府建设情况的报告",
        "区委、区政府：",
        "一、主要举措和成效",
        "（一）加强组织领导",
        "2023年，我镇深入学习习近平法治思想。",
        "项目\t件数\t备注",
        "合法性审查\t32",
        "法律顾问\t5",
        "1.学习宣传",
        "二、存在的不足和原因",
        "第一行",
        "第二行",
        "已经新增《实施纲要》",
        "中共某某镇委员会　某某镇人民政府",
    ]
    assert extracted.format == "docx"
    assert extracted.encoding is None
    assert extracted.page_metadata == {}


def test_heading_levels(report_docx: bytes) -> None:
    extracted = read_docx(report_docx, "r.docx")
    lines = extracted.text.split("\n")
    assert [(lines[i], level) for i, level in extracted.heading_lines] == [
        ("一、主要举措和成效", 1),
        ("（一）加强组织领导", 2),
        ("1.学习宣传", 3),
        ("二、存在的不足和原因", 1),
    ]


def test_headers_and_footers_are_left_out(report_docx: bytes) -> None:
    text = read_docx(report_docx, "r.docx").text
    assert "页眉" not in text
    assert "第 1 页" not in text


def test_nested_table_in_a_cell() -> None:
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "外层"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "内层甲"
    inner.cell(0, 1).text = "内层乙"
    document.add_paragraph("正文")
    assert read_docx(save(document), "n.docx").text.split("\n") == ["外层\t内层甲\t内层乙", "正文"]


# --- broken files -------------------------------------------------------------------


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, data in files.items():
            package.writestr(name, data)
    return buffer.getvalue()


def replace_part(original: bytes, name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as src, zipfile.ZipFile(buffer, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, data if item.filename == name else src.read(item))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"", "ZIP"),
        (b"hello world", "ZIP"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, ".doc"),
        (b"PK\x03\x04" + b"\x00" * 40, "损坏"),
        (zip_bytes({"readme.txt": b"x"}), "word/document.xml"),
        (zip_bytes({"xl/workbook.xml": b"<x/>"}), "Excel"),
        (zip_bytes({"ppt/presentation.xml": b"<x/>"}), "PowerPoint"),
        (zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b""}), "odt"),
        (zip_bytes({"word/document.xml": b"<w:document/>"}), "无法读取"),
    ],
)
def test_broken_files_raise_input_error(data: bytes, needle: str) -> None:
    with pytest.raises(InputError) as info:
        read_docx(data, "bad.docx")
    assert needle in info.value.problem
    assert "\n" not in info.value.problem


def test_truncated_docx(report_docx: bytes) -> None:
    for cut in (10, len(report_docx) // 3, len(report_docx) - 30):
        with pytest.raises(InputError):
            read_docx(report_docx[:cut], "cut.docx")


def test_invalid_document_xml(report_docx: bytes) -> None:
    with pytest.raises(InputError):
        read_docx(replace_part(report_docx, "word/document.xml", b"<w:document><oops"), "x.docx")


def test_empty_document() -> None:
    with pytest.raises(InputError, match="没有正文"):
        read_docx(save(docx.Document()), "empty.docx")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_raise_only_input_error(data: bytes) -> None:
    try:
        extracted = read_docx(data, "fuzz.docx")
    except InputError:
        return
    assert isinstance(extracted, Extracted)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_mangled_document_xml_raises_only_input_error(report_docx: bytes, data: st.DataObject) -> None:
    with zipfile.ZipFile(io.BytesIO(report_docx)) as package:
        xml = package.read("word/document.xml")
    start = data.draw(st.integers(0, len(xml)))
    end = data.draw(st.integers(start, min(len(xml), start + 400)))
    junk = data.draw(st.binary(max_size=30))
    mangled = replace_part(report_docx, "word/document.xml", xml[:start] + junk + xml[end:])
    try:
        extracted = read_docx(mangled, "mangled.docx")
    except InputError:
        return
    assert isinstance(extracted, Extracted)


def test_macro_enabled_document_says_save_as(report_docx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(report_docx)) as package:
        types = package.read("[Content_Types].xml")
    types = types.replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    with pytest.raises(InputError, match="另存为"):
        read_docx(replace_part(report_docx, "[Content_Types].xml", types), "m.docm")


def test_document_part_that_is_not_a_word_document(report_docx: bytes) -> None:
    # found by the property test above: a document.xml whose root lost its w:document tag
    with zipfile.ZipFile(io.BytesIO(report_docx)) as package:
        xml = package.read("word/document.xml")
    mangled = replace_part(
        report_docx,
        "word/document.xml",
        xml.replace(b"<w:document", b"<w:documenx", 1).replace(b"</w:document>", b"</w:documenx>", 1),
    )
    with pytest.raises(InputError) as info:
        read_docx(mangled, "mangled.docx")
    assert info.value.message_key in ("error.docx_unreadable", "error.docx_no_text")
