"""PDFs as they are really made: the five samples as plain generated PDFs (no heading hints,
no running header), as .docx without heading styles, and as PDFs exported by LibreOffice
from a .docx give the .txt's metadata, outline and labelled verdicts; and the habits of
such PDFs, each on a passage of our own: spaces pdfium generates between Chinese and
digits, quotes drawn out of order, a signature or a title after a line that fills the
width, a list of numerals at the start of a line, a wrapped line that ends early because
of the unit that starts the next one.

The LibreOffice part needs ``soffice`` (skipped without it, unless
``CHECKLIST_LIBREOFFICE_TESTS=required``, as in test_legacy_libreoffice.py).
"""

from __future__ import annotations

import io
import subprocess
from pathlib import Path
from types import ModuleType

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas as rl_canvas

import checklist
from _samples import SAMPLES, assert_verdicts_as_labelled, sample_path, soffice_or_skip
from checklist.ingest.readers.pdf import read_pdf

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
SIZE, LEFT, TOP = 12.0, 72.0, 760.0
FULL = 37  # CJK characters of 12 pt on a full line of the blocks below
FILLER = "各部门依法履行职责推进行政执法规范化建设加强监督指导确保工作落到实处"


def filler(n: int, start: str = "", end: str = "") -> str:
    """``n`` CJK characters: ``start``, filler, ``end``."""
    body = (FILLER * (n // len(FILLER) + 1))[: n - len(start) - len(end)]
    return start + body + end


def draw(lines: list[str | list[tuple[float, str]]]) -> bytes:
    """One page; a line is a string drawn at the left edge, or pieces ``(x, text)``."""
    buffer = io.BytesIO()
    c = rl_canvas.Canvas(buffer, pagesize=A4, invariant=1)
    c.setFont(FONT, SIZE)
    y = TOP
    for line in lines:
        for x, text in [(LEFT, line)] if isinstance(line, str) else line:
            c.drawString(x, y, text)
        y -= 21
    c.showPage()
    c.save()
    return buffer.getvalue()


def lines_of(data: bytes) -> list[str]:
    return read_pdf(data, "t.pdf").text.split("\n")


def sample_lines(name: str) -> list[str]:
    return sample_path(name).read_text(encoding="utf-8").split("\n")


def assert_same_as_txt(name: str, path: Path) -> None:
    txt = checklist.read(sample_path(name))
    doc = checklist.read(path)
    assert doc.metadata == txt.metadata, f"{doc.metadata} != {txt.metadata}"
    assert [s.heading for s in doc.sections] == [s.heading for s in txt.sections]
    assert_verdicts_as_labelled(name, doc)


# --- the samples in three more shapes ----------------------------------------------------


@pytest.fixture(scope="module")
def plain_files(fixtures_module: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("plain")
    files: dict[str, Path] = {}
    for name in SAMPLES:
        stem = name.removesuffix(".txt")
        lines = sample_lines(name)
        (out / f"{stem}.pdf").write_bytes(fixtures_module.plain_pdf_bytes(lines))
        (out / f"{stem}.docx").write_bytes(fixtures_module.docx_bytes(lines, headings=False))
        files[name] = out / stem
    return files


@pytest.mark.parametrize("name", SAMPLES)
def test_plain_generated_pdf_reads_like_the_txt(name: str, plain_files: dict[str, Path]) -> None:
    assert_same_as_txt(name, plain_files[name].with_suffix(".pdf"))


@pytest.mark.parametrize("name", SAMPLES)
def test_docx_without_heading_styles_reads_like_the_txt(name: str, plain_files: dict[str, Path]) -> None:
    assert_same_as_txt(name, plain_files[name].with_suffix(".docx"))


@pytest.fixture(scope="module")
def libreoffice_pdfs(fixtures_module: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    soffice = soffice_or_skip()
    out = tmp_path_factory.mktemp("lo-pdf")
    docx_files = []
    for name in SAMPLES:
        path = out / f"{name.removesuffix('.txt')}.docx"
        path.write_bytes(fixtures_module.docx_bytes(sample_lines(name)))
        docx_files.append(str(path))
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(out / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *docx_files,
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    files = {name: out / f"{name.removesuffix('.txt')}.pdf" for name in SAMPLES}
    for path in files.values():
        assert path.read_bytes().startswith(b"%PDF"), path
    return files


@pytest.mark.parametrize("name", SAMPLES)
def test_pdf_exported_by_libreoffice_reads_like_the_txt(name: str, libreoffice_pdfs: dict[str, Path]) -> None:
    assert_same_as_txt(name, libreoffice_pdfs[name])


# --- spaces and quotes in the text layer ---------------------------------------------------


def pieces(x: float, *parts: tuple[str, float]) -> list[tuple[float, str]]:
    """Text pieces drawn one after another, each followed by its gap in points."""
    out = []
    for text, gap in parts:
        out.append((x, text))
        x += len(text) * SIZE if not text.isascii() else pdfmetrics.stringWidth(text, FONT, SIZE)
        x += gap
    return out


def test_narrow_gap_between_chinese_and_digits_is_no_space() -> None:
    # Word and LibreOffice set a fifth of an em between Chinese and a digit run; pdfium
    # reports a space there that the author never typed.
    line = pieces(LEFT, ("关于", 2.4), ("2023", 2.4), ("年度甲镇法治政府建设情况的报告", 0))
    assert lines_of(draw([line])) == ["关于2023年度甲镇法治政府建设情况的报告"]


def test_typed_spaces_stay() -> None:
    # near misses: a space's width between two body names, Latin words, a wide gap
    names = pieces(LEFT, ("中共甲镇委员会", 4.5), ("甲镇人民政府", 0))
    latin = pieces(LEFT, ("Rule", 6.0), ("of", 6.0), ("law", 0))
    wide = pieces(LEFT, ("发布机构", 12.0), ("2024", 0))
    assert lines_of(draw([names, latin, wide])) == ["中共甲镇委员会 甲镇人民政府", "Rule of law", "发布机构 2024"]


def quoted_line_pdf(*, quotes_first: bool) -> bytes:
    """``落实行政执法“三项制度”。`` as LibreOffice writes it: the Chinese in runs of the CJK
    font, both quotes in one run of a Latin font with a kern that jumps over the words."""
    buffer = io.BytesIO()
    c = rl_canvas.Canvas(buffer, pagesize=A4, invariant=1)

    def quotes() -> None:
        text = c.beginText(LEFT + 6 * SIZE, TOP)
        text.setFont("Times-Roman", SIZE)
        jump = -(5 * SIZE - pdfmetrics.stringWidth("\u201c", "Times-Roman", SIZE)) / SIZE * 1000
        text._code.append(f"[(\\223) {jump:.0f} (\\224)] TJ")  # WinAnsi “ and ”
        c.drawText(text)

    if quotes_first:
        quotes()
    c.setFont(FONT, SIZE)
    c.drawString(LEFT, TOP, "落实行政执法")
    c.drawString(LEFT + 7 * SIZE, TOP, "三项制度")
    c.drawString(LEFT + 12 * SIZE, TOP, "。")
    if not quotes_first:
        quotes()
    c.showPage()
    c.save()
    return buffer.getvalue()


@pytest.mark.parametrize("quotes_first", [True, False])
def test_quotes_drawn_apart_come_back_in_place(quotes_first: bool) -> None:
    assert lines_of(quoted_line_pdf(quotes_first=quotes_first)) == ["落实行政执法“三项制度”。"]


def test_quotes_in_the_text_order_stay_as_they_are() -> None:
    assert lines_of(draw(["开展“法律明白人”培训，推进“谁执法谁普法”。"])) == [
        "开展“法律明白人”培训，推进“谁执法谁普法”。"
    ]


def test_quoted_report_audits_like_its_text(tmp_path: Path) -> None:
    # matching runs on the restored order: the 三项制度 sentence is found
    path = tmp_path / "q.pdf"
    path.write_bytes(quoted_line_pdf(quotes_first=True))
    assert "落实行政执法“三项制度”" in checklist.read(path).original


# --- where a paragraph ends --------------------------------------------------------------


def test_signature_after_a_full_last_line_is_not_merged() -> None:
    last = filler(FULL, end="。")
    out = lines_of(draw([filler(FULL), last, "中共甲镇委员会 甲镇人民政府", "2024年1月16日"]))
    assert out == [filler(FULL) + last, "中共甲镇委员会 甲镇人民政府", "2024年1月16日"]


def test_body_name_continuing_a_sentence_is_merged() -> None:
    # near miss: the full line stops mid-sentence, so the body name below continues it
    first = filler(FULL, end="报送")
    assert lines_of(draw([first, "甲县人民政府"])) == [first + "甲县人民政府"]


def test_a_list_of_numerals_at_the_start_of_a_line_continues_the_paragraph() -> None:
    first = filler(FULL)
    assert lines_of(draw([first, "二、三期项目全部完成。"])) == [first + "二、三期项目全部完成。"]


def test_a_heading_after_a_full_line_still_starts_a_paragraph() -> None:
    first = filler(FULL, end="。")
    assert lines_of(draw([first, "二、存在的问题"])) == [first, "二、存在的问题"]


def test_a_title_after_a_full_breadcrumb_or_field_line_is_not_merged() -> None:
    crumb = "您当前的位置：首页 > 政务公开 > 法定主动公开内容 > 法治政府建设 > 年度报告"
    fields = "发布时间：2024-01-05 来源：乙区司法局 浏览次数：128 字号：大 中 小 打印本页"
    title = "乙区2023年法治政府建设情况报告"
    for head in (crumb, fields):
        out = lines_of(draw([[(LEFT, head)], title, filler(20, end="。")]))
        assert out[-2:] == [title, filler(20, end="。")] and len(out) == 3, out


def test_a_title_over_two_lines_stays_one_line() -> None:
    # near miss: the first half of a title fills the width and has no field or breadcrumb mark
    first = "中共甲县委员会甲县人民政府关于二〇二三年度全面推进依法行政加快建设法治政府"
    assert len(first) == FULL
    assert lines_of(draw([first, "工作情况的报告"])) == [first + "工作情况的报告"]


def test_a_line_ends_early_before_punctuation_that_may_not_start_a_line() -> None:
    # 避头尾: "。“" may neither start nor end a line, so "野。“走" went down as one piece
    # (two full lines above give the right edge of the text block)
    full, short = filler(FULL), filler(FULL - 3)
    out = lines_of(draw([full, full, short, "野。“走出去”的做法已经推开。"]))
    assert out == [full + full + short + "野。“走出去”的做法已经推开。"]


def test_a_line_ending_as_early_before_a_plain_character_ends_the_paragraph() -> None:
    full, short = filler(FULL), filler(FULL - 3, end="。")
    assert lines_of(draw([full, full, short, "走访群众三百余户。"])) == [full + full + short, "走访群众三百余户。"]
