"""Page fields read the same from an HTML information grid as from lines of text.

The field names come from one table (:mod:`checklist.vocabulary`); an HTML page whose
grid says ``发文单位`` / ``印发日期`` once gave ``date = None`` and leaked the ``印发日期``
cell into the text, because the HTML reader kept its own shorter list of names.
"""

from __future__ import annotations

import datetime as dt

import pytest

import checklist
from checklist.ingest.clutter import is_meta_line, parse_fields
from checklist.vocabulary import DATE_FIELDS, ISSUER_FIELDS, PAGE_FIELDS, PUBLISHED_FIELDS

BODY = (
    "关于2023年度法治政府建设情况的报告",
    "区委：",
    "2023年，我镇深入推进依法行政。",
    "一、主要做法",
    "开展普法宣传12次。",
)
INDEX = ("索引号", "11500226/2024-00012")


def html_page(fields: list[tuple[str, str]]) -> bytes:
    cells = "".join(f"<tr><td>{key}：</td><td>{value}</td></tr>" for key, value in fields)
    body = "".join(f"<p>{line}</p>" for line in BODY)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
        f"<table class='xxgk'>{cells}</table><div class='content'>{body}</div></body></html>"
    ).encode()


def text_lines(fields: list[tuple[str, str]]) -> bytes:
    return "\n".join([*(f"{key}：{value}" for key, value in fields), *BODY]).encode()


def both(fields: list[tuple[str, str]]) -> tuple[checklist.Document, checklist.Document]:
    html = checklist.read(html_page(fields), format="html", name="t.html")
    txt = checklist.read(text_lines(fields), format="txt", name="t.txt")
    return html, txt


def test_issuing_unit_and_printing_date_in_an_html_grid() -> None:
    html, txt = both([INDEX, ("发文单位", "某某镇人民政府"), ("印发日期", "2024-01-16")])
    assert txt.metadata.date == dt.date(2024, 1, 16)
    assert txt.metadata.issuer == "某某镇人民政府"
    assert html.metadata == txt.metadata
    assert "印发日期" not in html.text and "发文单位" not in html.text
    assert html.text == txt.text


GROUPS = [("date", DATE_FIELDS), ("published", PUBLISHED_FIELDS), ("issuer", ISSUER_FIELDS)]
CASES = [(what, key) for what, keys in GROUPS for key in keys]


@pytest.mark.parametrize(("what", "key"), CASES, ids=[key for _, key in CASES])
def test_every_field_name_reads_alike_in_html_and_text(what: str, key: str) -> None:
    value = "某某镇人民政府" if what == "issuer" else "2024-01-16"
    html, txt = both([INDEX, (key, value)])
    expected: object = value if what == "issuer" else dt.date(2024, 1, 16)
    assert getattr(txt.metadata, what) == expected
    assert html.metadata == txt.metadata
    assert key not in html.text
    assert html.page_metadata[key] == txt.page_metadata[key] == value


@pytest.mark.parametrize("key", PAGE_FIELDS)
def test_every_page_field_is_page_information_in_html_and_in_text(key: str) -> None:
    other = ("文号", "某政发〔2024〕1号") if key == "索引号" else INDEX
    html, txt = both([other, (key, "某某值")])
    assert html.page_metadata[key] == txt.page_metadata[key] == "某某值"
    assert key not in html.text and key not in txt.text
    line = f"{key}: 某某值"  # as normalised
    assert is_meta_line(line) and parse_fields(line) == {key: "某某值"}
