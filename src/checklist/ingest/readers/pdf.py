"""PDF files: the text layer, put back into paragraphs, without running heads and folios.

A PDF stores visual lines, not paragraphs, and producers emit the page header and
footer wherever they like in the content stream (reportlab and Word often first). So:

1. per page, read pdfium's text and cut it into lines, each with its box (two
   ``get_charbox`` calls per line: the first and last character);
2. put the lines of a page in visual order, top to bottom;
3. strip lines that repeat at the top or bottom of at least half the pages (running
   headers and footers, digits ignored so ``第3页`` matches ``第4页``) and page numbers;
4. reflow: a line that reaches the right edge of the text block is a wrapped line and
   joins the next one, unless the next one is indented, starts an outline item
   (``一、`` ``（一）`` ``1.`` ``一是`` …), is set in another size, or sits after a
   paragraph gap. CJK lines join without a space.
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass
from typing import Any

from checklist.errors import InputError
from checklist.ingest.readers.base import Extracted

__all__ = ["read_pdf"]

_MIN_CHARS_PER_PAGE = 5  # below this a page is a scan with at most a stamped folio

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_WS = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"[-—–－─_~·•.\s]*\d{1,4}[-—–－─_~·•.\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，、/]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，、]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?",
    re.IGNORECASE,
)
_OUTLINE = re.compile(
    r"\s*(?:[一二三四五六七八九十百零〇]+\s*[、.．]"
    r"|[（(]\s*[一二三四五六七八九十百零〇\d]+\s*[）)]"
    r"|\d{1,3}\s*[、．]"
    r"|\d{1,3}\s*\.(?!\d)"
    r"|[①-⑳⑴-⒇⒈-⒛]"
    r"|[一二三四五六七八九十]+是"
    r"|第[一二三四五六七八九十百零〇\d]+[章节条部分]"
    r"|附件)"
)
# A Latin run and the closing punctuation that may not start a line after it.
_LEAD_UNIT = re.compile(r"[\x21-\x7e]+[)）》」』〕】”’、，。；：！？%]*")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
_FILE_NAME = re.compile(
    r"\.(?:pdf|docx?|wps|wpt|txt|rtf|xlsx?|html?|ofd|ceb|tmp)\s*$", re.IGNORECASE
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_HEAD_FOOT_DEPTH = 3  # lines looked at from each end of a page
_SAME_PLACE = 3.0  # points: how far a running head may move between pages


@dataclass(slots=True)
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int

    @property
    def height(self) -> float:
        return self.top - self.bottom


def _open(data: bytes, source: str) -> Any:
    import pypdfium2 as pdfium  # imported here: start-up must not pay for PDFium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == 4:  # FPDF_ERR_PASSWORD
            raise InputError.of(source, "error.pdf_encrypted") from None
        if code == 5:  # FPDF_ERR_SECURITY
            raise InputError.of(source, "error.pdf_security") from None
        raise InputError.of(source, "error.pdf_corrupt") from None
    except Exception:
        # Anything else from the binding (ValueError on odd input …) means the same.
        raise InputError.of(source, "error.pdf_corrupt") from None


def _page_lines(page: Any, index: int) -> list[_Line]:
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count <= 0:
            return []
        text = textpage.get_text_range(0, count)
        # pdfium counts characters in UTF-16 units: astral characters take two indices.
        astral = len(text) != count
        lines: list[_Line] = []
        pos = 0
        for match in [*_LINE_BREAK.finditer(text), None]:
            end = match.start() if match is not None else len(text)
            segment = text[pos:end]
            stripped = segment.strip()
            if stripped:
                first = pos + (len(segment) - len(segment.lstrip()))
                last = pos + len(segment.rstrip()) - 1
                if astral:
                    first += _astral_before(text, first)
                    last += _astral_before(text, last)
                left = textpage.get_charbox(first, loose=True)
                right = textpage.get_charbox(last, loose=True)
                lines.append(_Line(
                    text=_WS.sub(" ", stripped),
                    x0=min(left[0], right[0]),
                    x1=max(left[2], right[2]),
                    top=max(left[3], right[3]),
                    bottom=min(left[1], right[1]),
                    page=index,
                ))
            pos = match.end() if match is not None else len(text)
        return _visual_order(lines)
    finally:
        textpage.close()


def _astral_before(text: str, index: int) -> int:
    return sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def _visual_order(lines: list[_Line]) -> list[_Line]:
    """Top-to-bottom order; fragments on one visual row become one line."""
    if len(lines) < 2:
        return lines
    lines.sort(key=lambda ln: (-(ln.top + ln.bottom), ln.x0))
    rows: list[list[_Line]] = [[lines[0]]]
    for line in lines[1:]:
        row = rows[-1]
        ref = row[0]
        middle = (line.top + line.bottom) / 2
        ref_middle = (ref.top + ref.bottom) / 2
        if abs(middle - ref_middle) < 0.4 * max(min(ref.height, line.height), 1.0):
            row.append(line)
        else:
            rows.append([line])
    merged: list[_Line] = []
    for row in rows:
        if len(row) == 1:
            merged.append(row[0])
            continue
        row.sort(key=lambda ln: ln.x0)
        text = row[0].text
        for prev, cur in itertools.pairwise(row):
            gap = cur.x0 - prev.x1
            text += (" " if gap > 0.5 * max(prev.height, 1.0) else "") + cur.text
        merged.append(_Line(
            text=text,
            x0=row[0].x0,
            x1=max(ln.x1 for ln in row),
            top=max(ln.top for ln in row),
            bottom=min(ln.bottom for ln in row),
            page=row[0].page,
        ))
    return merged


def _key(text: str) -> str:
    return _DIGITS.sub("#", _WS.sub("", text))


def _repeated(ends: list[list[_Line]], need: int) -> dict[str, float]:
    """Text keys (with their height on the page) found at the same place on ``need`` pages.

    A running head sits at a fixed position; the same text at another height (the
    signature at the top of a short last page) is body text.
    """
    tops: dict[str, list[float]] = {}
    for lines in ends:
        for key, top in {_key(ln.text): ln.top for ln in lines}.items():
            tops.setdefault(key, []).append(top)
    found: dict[str, float] = {}
    for key, values in tops.items():
        if len(values) < need:
            continue
        middle = statistics.median(values)
        if sum(1 for v in values if abs(v - middle) <= _SAME_PLACE) >= need:
            found[key] = middle
    return found


def _strip_running(pages: list[list[_Line]]) -> None:
    """Remove running headers/footers and page numbers in place."""
    need = max(2, (len(pages) + 1) // 2)
    heads = _repeated([lines[:_HEAD_FOOT_DEPTH] for lines in pages], need)
    foots = _repeated([lines[-_HEAD_FOOT_DEPTH:] for lines in pages], need)

    def running(line: _Line, known: dict[str, float]) -> bool:
        place = known.get(_key(line.text))
        if place is not None and abs(line.top - place) <= _SAME_PLACE:
            return True
        return _PAGE_NUMBER.fullmatch(line.text) is not None

    for lines in pages:
        for _ in range(_HEAD_FOOT_DEPTH):
            if lines and running(lines[0], heads):
                del lines[0]
        for _ in range(_HEAD_FOOT_DEPTH):
            if lines and running(lines[-1], foots):
                del lines[-1]


def _edge(values: list[float], tol: float, *, highest: bool) -> float:
    """The outermost coordinate shared by at least two lines (the text block's edge)."""
    ordered = sorted(values, reverse=highest)
    for i, value in enumerate(ordered[:-1]):
        if abs(ordered[i + 1] - value) <= tol:
            return value
    return ordered[0]


def _reflow(lines: list[_Line], page_width: float) -> list[str]:
    if not lines:
        return []
    height = statistics.median(ln.height for ln in lines) or 10.0
    tol = 0.3 * height
    left = _edge([ln.x0 for ln in lines], tol, highest=False)
    right = _edge([ln.x1 for ln in lines], tol, highest=True)
    # A block narrower than half the page means we found no wrapped lines at all.
    can_wrap = right - left >= 0.5 * page_width
    pitches = [
        a.top - b.top for a, b in itertools.pairwise(lines)
        if a.page == b.page and a.top > b.top
    ]
    pitch = statistics.median(pitches) if pitches else 1.5 * height
    out: list[str] = []
    current = lines[0].text
    for a, b in itertools.pairwise(lines):
        if can_wrap and _continues(a, b, left, right, height, pitch):
            joiner = " " if _ASCII_WORD.match(current[-1]) and _ASCII_WORD.match(b.text[0]) else ""
            current += joiner + b.text
        else:
            out.append(current)
            current = b.text
    out.append(current)
    return out


def _continues(a: _Line, b: _Line, left: float, right: float, height: float, pitch: float) -> bool:
    """Whether ``b`` is the continuation of the wrapped line ``a``."""
    slack = right - a.x1
    # A short line (heading, last line of a paragraph, signature, date) ends well before
    # the edge, unless the next line starts with a unit too wide for the gap: a Latin
    # run such as "(2015-2020年)" cannot be broken, so the line above wrapped early.
    if slack > 2.0 * height and slack > _lead_width(b.text, height) + 0.6 * height:
        return False
    if b.x0 > left + 0.8 * height:  # indented: a new paragraph starts
        return False
    if _OUTLINE.match(b.text):
        return False
    if not 0.8 <= b.height / max(a.height, 0.1) <= 1.25:
        return False
    return not (a.page == b.page and a.top - b.top > 1.4 * pitch)


def _lead_width(text: str, height: float) -> float:
    """Rough width of the unbreakable unit that starts ``text``."""
    match = _LEAD_UNIT.match(text)
    if match is None:
        return height
    unit = match.group(0)
    ascii_count = sum(1 for ch in unit if ch < "\x7f")
    # Half-width characters are about half an em, CJK characters one em.
    return 0.55 * height * ascii_count + height * (len(unit) - ascii_count)


def _title(pdf: Any) -> str | None:
    try:
        title = pdf.get_metadata_value("Title")
    except Exception:  # broken Info dictionary: the title is optional
        return None
    if not isinstance(title, str):
        return None
    title = " ".join(title.split())
    # Producers fill /Title with the file name ("Microsoft Word - 报告.docx") or a
    # placeholder ("(anonymous)", "untitled"); a report title has Chinese in it.
    if not title or _FILE_NAME.search(title) or title.lower().startswith("microsoft word"):
        return None
    return title if _CJK.search(title) else None


def read_pdf(data: bytes, source: str) -> Extracted:
    """Extract the text layer of a PDF as paragraphs, without running heads and folios.

    Raises :class:`~checklist.errors.InputError` for an encrypted, corrupt or
    image-only PDF.
    """
    pdf = _open(data, source)
    try:
        page_count = len(pdf)
        if page_count == 0:
            raise InputError.of(source, "error.pdf_no_pages")
        pages: list[list[_Line]] = []
        width = 0.0
        try:
            for index in range(page_count):
                page = pdf[index]
                try:
                    width = max(width, float(page.get_width()))
                    pages.append(_page_lines(page, index))
                finally:
                    page.close()
        except InputError:
            raise
        except Exception:
            raise InputError.of(source, "error.pdf_page_corrupt") from None
        title = _title(pdf)
    finally:
        pdf.close()
    _strip_running(pages)
    lines = [line for page in pages for line in page]
    chars = sum(len(_WS.sub("", ln.text)) for ln in lines)
    if chars < _MIN_CHARS_PER_PAGE * page_count:
        raise InputError.of(source, "error.pdf_no_text")
    paragraphs = _reflow(lines, width)
    return Extracted(
        text="\n".join(paragraphs),
        format="pdf",
        encoding=None,
        page_metadata={"标题": title} if title else {},
    )
