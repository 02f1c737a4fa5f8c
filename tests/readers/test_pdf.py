"""PDF reader: reflow of wrapped lines, running heads and folios, broken and scanned files."""

from __future__ import annotations

import io
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib import pdfencrypt
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas as rl_canvas

from checklist.errors import InputError
from checklist.ingest.readers.base import Extracted
from checklist.ingest.readers.pdf import read_pdf

FILLER = "推进依法行政全面落实法治政府建设各项任务严格规范公正文明执法"
PARAGRAPHS = [
    f"（{n}）第{n}项工作。" + (FILLER * (2 + n % 3)) + f"全年办理案件{n * 7}件，办结率100%。" for n in range(1, 13)
]
FONT = "STSong-Light"  # reportlab's built-in CID font; pdfium extracts it exactly
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
LEFT, SIZE = 72.0, 12.0
RIGHT = LEFT + 37 * SIZE  # 37 CJK characters of 12 pt per full line


_COUNTER = [0]


def chars(n: int, start: str = "") -> str:
    """``n`` CJK characters (12 pt each) starting with ``start``; never the same twice."""
    _COUNTER[0] += 1
    shift = _COUNTER[0] % len(FILLER)
    rotated = FILLER[shift:] + FILLER[:shift]
    body = (rotated * (n // len(rotated) + 1))[: n - len(start)]
    return start + body


def draw_pdf(
    pages: list[list[tuple[float, str]]],
    *,
    title: str | None = None,
    encrypt: Any = None,
    decorate: Callable[[Any, int, int], None] | None = None,
) -> bytes:
    """Lines given as (x, text), drawn 21 pt apart from the top of the text block."""
    buffer = io.BytesIO()
    c = rl_canvas.Canvas(buffer, pagesize=A4, encrypt=encrypt, invariant=1)
    if title is not None:
        c.setTitle(title)
    for number, lines in enumerate(pages, 1):
        if decorate is not None:
            decorate(c, number, len(pages))
        c.setFont(FONT, SIZE)
        y = 760.0
        for x, text in lines:
            c.drawString(x, y, text)
            y -= 21
        c.showPage()
    c.save()
    return buffer.getvalue()


def lines_of(data: bytes) -> list[str]:
    return read_pdf(data, "t.pdf").text.split("\n")


# --- reflow --------------------------------------------------------------------------


def test_wrapped_paragraphs_become_lines(fixtures_module: ModuleType) -> None:
    lines = ["关于2023年度法治政府建设情况的报告", "区委、区政府：", *PARAGRAPHS, "某某镇人民政府", "2024年1月16日"]
    data = fixtures_module.pdf_bytes(lines, header="某某镇人民政府文件")
    assert lines_of(data) == lines


def test_outline_markers_indents_and_short_lines_end_paragraphs() -> None:
    indent = LEFT + 2 * SIZE
    page = [
        (200, "关于法治政府建设情况的报告"),  # short: a title
        (indent, chars(35, "今年")),  # full, continues
        (LEFT, chars(37)),  # full, continues
        (LEFT, chars(12)),  # short: paragraph ends
        (indent, chars(35, "一、")),  # a heading-like first line, full
        (LEFT, chars(37, "（一）")),  # full, but an outline item starts
        (LEFT, chars(20)),  # continues the （一） line
        (indent, chars(35)),  # full
        (indent, chars(35)),  # indented: a new paragraph, full
        (LEFT, chars(37)),  # full
        (LEFT, chars(37, "一是")),  # enumeration starts a line
        (LEFT, chars(37, "1.")),  # numbered item
        (LEFT, chars(10, "（1）")),  # short
        (LEFT, chars(8)),
    ]
    out = lines_of(draw_pdf([page]))
    texts = [text for _, text in page]
    assert out == [
        texts[0],
        texts[1] + texts[2] + texts[3],
        texts[4],
        texts[5] + texts[6],
        texts[7],
        texts[8] + texts[9],
        texts[10],
        texts[11],  # full, but （1） starts an item
        texts[12],
        texts[13],
    ]


def test_paragraph_continues_across_pages() -> None:
    indent = LEFT + 2 * SIZE
    first = [(indent, chars(35)), *[(LEFT, chars(37)) for _ in range(3)]]
    second = [(LEFT, chars(37)), (LEFT, chars(9)), (indent, chars(20))]
    out = lines_of(draw_pdf([first, second]))
    assert len(out) == 2
    assert out[0] == "".join(text for _, text in first + second[:2])


def test_latin_words_join_with_a_space_and_chinese_without() -> None:
    page = [
        (LEFT, chars(37)),
        (LEFT, chars(37)),
        (LEFT, chars(35) + "Rule"),  # Latin letters are half as wide
        (LEFT, "of law"),
    ]
    out = lines_of(draw_pdf([page]))
    assert len(out) == 1
    assert "Rule of law" in out[0]
    assert " " not in out[0].replace("Rule of law", "")


# --- running heads and folios ----------------------------------------------------------


@pytest.mark.parametrize(
    "folio",
    [
        "- {n} -",
        "—{n}—",
        "第 {n} 页",
        "第{n}页 共{m}页",
        "{n}/{m}",
        "{n}",
        "Page {n} of {m}",
        "·{n}·",
    ],
)
def test_folios_and_running_heads_are_removed(folio: str) -> None:
    def decorate(c: Any, n: int, m: int) -> None:
        c.setFont(FONT, 9)
        c.drawCentredString(A4[0] / 2, A4[1] - 40, "某某县人民政府工作报告")
        c.drawCentredString(A4[0] / 2, 30, folio.format(n=n, m=m))

    indent = LEFT + 2 * SIZE
    pages = [[(indent, chars(35)), (LEFT, chars(37)), (LEFT, chars(20 + p))] for p in range(4)]
    out = lines_of(draw_pdf(pages, decorate=decorate))
    assert out == ["".join(text for _, text in page) for page in pages]


def test_folio_at_the_top_of_the_page_is_removed() -> None:
    pages = [[(LEFT, str(n)), (LEFT + 24, chars(10 + n))] for n in range(1, 4)]
    assert lines_of(draw_pdf(pages)) == [text for page in pages for _, text in page[1:]]


def test_number_in_the_middle_of_a_page_stays() -> None:
    page = [(LEFT + 24, chars(10)), (LEFT, "12"), (LEFT + 24, chars(11))]
    assert lines_of(draw_pdf([page])) == [text for _, text in page]


def test_same_text_at_another_height_is_body_text() -> None:
    # The signature is at the top of a short last page and in the first line of page 1:
    # it repeats, but not at the same place, so it is not a running head.
    sign, one, two = "某某镇人民政府", chars(12), chars(13)
    pages = [[(LEFT + 24, sign), (LEFT + 24, one)], [(LEFT + 24, two), (LEFT + 24, sign)]]
    assert lines_of(draw_pdf(pages)) == [sign, one, two, sign]


# --- metadata ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("关于2023年度法治政府建设情况的报告", "关于2023年度法治政府建设情况的报告"),
        ("Microsoft Word - 法治政府建设报告.docx", None),
        ("法治政府建设报告.pdf", None),
        ("(anonymous)", None),
        ("", None),
    ],
)
def test_title_metadata(title: str, expected: str | None) -> None:
    extracted = read_pdf(draw_pdf([[(LEFT, chars(10))]], title=title), "t.pdf")
    assert extracted.page_metadata.get("标题") == expected
    assert extracted.format == "pdf"
    assert extracted.encoding is None


# --- broken, protected and scanned files -------------------------------------------------


def test_image_only_pdf_asks_for_ocr() -> None:
    buffer = io.BytesIO()
    c = rl_canvas.Canvas(buffer, pagesize=A4)
    for n in range(1, 3):
        c.rect(50, 50, 400, 700, fill=1)
        c.setFont(FONT, 9)
        c.drawCentredString(A4[0] / 2, 30, f"- {n} -")  # a stamped folio is not a text layer
        c.showPage()
    c.save()
    with pytest.raises(InputError) as info:
        read_pdf(buffer.getvalue(), "scan.pdf")
    assert info.value.problem == "PDF 没有文字层（可能是扫描件），请先进行文字识别（OCR）"


def test_password_protected_pdf() -> None:
    data = draw_pdf([[(LEFT, chars(10))]], encrypt=pdfencrypt.StandardEncryption("user", "owner"))
    with pytest.raises(InputError, match="加密"):
        read_pdf(data, "locked.pdf")


def test_owner_password_only_is_readable() -> None:
    encrypt = pdfencrypt.StandardEncryption("", "owner", canCopy=0)
    text = chars(10)
    assert lines_of(draw_pdf([[(LEFT, text)]], encrypt=encrypt)) == [text]


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"%PDF-1.7\n",
        b"%PDF-1.4\n1 0 obj garbage endobj\n%%EOF",
        b"not a pdf at all",
        b"\x00" * 64,
    ],
)
def test_corrupt_pdf(data: bytes) -> None:
    with pytest.raises(InputError):
        read_pdf(data, "bad.pdf")


def test_pdf_without_pages() -> None:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
    ]
    body = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(body)
    body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    body += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    body += trailer.encode()
    with pytest.raises(InputError):
        read_pdf(body, "empty.pdf")


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_raise_only_input_error(data: bytes) -> None:
    for candidate in (data, b"%PDF-1.4\n" + data):
        try:
            extracted = read_pdf(candidate, "fuzz.pdf")
        except InputError:
            continue
        assert isinstance(extracted, Extracted)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_mangled_pdf_raises_only_input_error(data: st.DataObject) -> None:
    original = _small_pdf()
    start = data.draw(st.integers(0, len(original)))
    end = data.draw(st.integers(start, min(len(original), start + 200)))
    junk = data.draw(st.binary(max_size=20))
    try:
        extracted = read_pdf(original[:start] + junk + original[end:], "mangled.pdf")
    except InputError:
        return
    assert isinstance(extracted, Extracted)


_SMALL: list[bytes] = []


def _small_pdf() -> bytes:
    if not _SMALL:
        _SMALL.append(draw_pdf([[(LEFT, chars(37)), (LEFT, chars(12))], [(LEFT, chars(9))]]))
    return _SMALL[0]
