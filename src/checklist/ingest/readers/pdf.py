"""PDF files: the text layer, put back into paragraphs, without running heads and folios.

A PDF stores visual lines, not paragraphs, and producers emit the page header and
footer wherever they like in the content stream (reportlab and Word often first). So:

1. per page, read pdfium's text and cut it into lines, each with its box (two
   ``get_charbox`` calls per line: the first and last character). Two habits of office
   suites' PDF exports are undone on the way: a space pdfium *generates* (it is in no
   text operator) for the small gap Word and LibreOffice leave between Chinese and a
   Latin or digit run (``关于 2019 年度``) is dropped, and a line holding punctuation
   drawn in a Latin font (the quotes of ``“三项制度”``, which LibreOffice writes after
   the line's Chinese, so the text layer reads ``三“ ” 项制度``) is put back in the
   order of its characters on the page;
2. put the lines of a page in visual order, top to bottom;
3. strip lines that repeat at the top or bottom of at least half the pages (running
   headers and footers, digits ignored so ``第3页`` matches ``第4页``) and page numbers;
4. reflow: a line that reaches the right edge of the text block is a wrapped line and
   joins the next one, unless the next one is indented, starts an outline item
   (``一、`` ``（一）`` ``1.`` ``一是`` …; not a list of numerals such as ``二、三期``),
   is set in another size, sits after a paragraph gap, or is a signature line (body
   names, a date) after a finished sentence. A line counts as reaching the edge when
   what it leaves free is narrower than the unbreakable unit that starts the next line
   (a Latin run, a character with the punctuation that may not start a line).
   CJK lines join without a space.
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass
from typing import Any

from checklist.errors import InputError
from checklist.ingest.normalize import fold
from checklist.ingest.readers.base import Extracted
from checklist.ingest.shapes import is_date_line, is_org_line, is_title_line

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
    # a numeral followed by another (二、三期, 1、2号楼) is a list of numbers, not a marker
    r"\s*(?:[一二三四五六七八九十百零〇]+\s*[、.．](?![一二三四五六七八九十])"
    r"|[（(]\s*[一二三四五六七八九十百零〇\d]+\s*[）)]"
    r"|\d{1,3}\s*[、．](?!\d)"
    r"|\d{1,3}\s*\.(?!\d)"
    r"|[①-⑳⑴-⒇⒈-⒛]"
    r"|[一二三四五六七八九十]+是"
    r"|第[一二三四五六七八九十百零〇\d]+[章节条部分]"
    r"|附件)"
)
# What cannot be split at the start of a line, so the line above wrapped before it:
# a Latin run or one character with the closing punctuation that may not start a line
# after it and the opening punctuation that may not end a line before it (kinsoku,
# 避头尾), chained: ``野。“走`` moves down as one piece.
_OPENERS = "“‘《（(〔【「『"
_CLOSERS = ")）》」』〕】”’、，。；：！？%"
_LEAD_UNIT = re.compile(
    rf"[{_OPENERS}]*(?:[\x21-\x7e]+|\S)[{_CLOSERS}]*(?:[{_OPENERS}]+(?:[\x21-\x7e]+|\S)[{_CLOSERS}]*)*"
)
# A breadcrumb (首页 > 政务公开), a line of page fields (发布时间：… 来源：…) or a menu:
# no line of a title has these.
_PAGE_LINE = re.compile(r"[>›»|｜:：]")
_SENTENCE_END = re.compile(r"[。；;！!？?…][”’」』)）]*$")
# Punctuation that producers may draw in a Latin font, in a text object of its own.
_WEAK_PUNCT = re.compile(r"[\u2010-\u206f\u00b7]")
_CJK_SIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
_FILE_NAME = re.compile(r"\.(?:pdf|docx?|wps|wpt|txt|rtf|xlsx?|html?|ofd|ceb|tmp)\s*$", re.IGNORECASE)
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
        chars = _Chars(textpage, text, astral=len(text) != count)
        lines: list[_Line] = []
        pos = 0
        for match in [*_LINE_BREAK.finditer(text), None]:
            end = match.start() if match is not None else len(text)
            segment = text[pos:end]
            if segment.strip():
                first = pos + (len(segment) - len(segment.lstrip()))
                last = pos + len(segment.rstrip()) - 1
                lines.append(chars.line(first, last, index))
            pos = match.end() if match is not None else len(text)
        return _visual_order(lines)
    finally:
        textpage.close()


class _Chars:
    """The characters of one text page: their boxes, asked for only where needed."""

    __slots__ = ("_offsets", "_page", "_text")

    def __init__(self, textpage: Any, text: str, *, astral: bool) -> None:
        self._page = textpage
        self._text = text
        self._offsets: list[int] | None = None
        if astral:  # str index → pdfium index
            offsets, extra = [], 0
            for ch in text:
                offsets.append(extra)
                extra += ord(ch) > 0xFFFF
            self._offsets = offsets

    def box(self, i: int) -> tuple[float, float, float, float]:
        """``(left, bottom, right, top)`` of the character at string index ``i``."""
        at = i + self._offsets[i] if self._offsets is not None else i
        box: tuple[float, float, float, float] = self._page.get_charbox(at, loose=True)
        return box

    def generated(self, i: int) -> bool:
        """Whether pdfium made the character up (a space for a gap, a line break)."""
        import pypdfium2.raw as pdfium_c

        at = i + self._offsets[i] if self._offsets is not None else i
        return bool(pdfium_c.FPDFText_IsGenerated(self._page, at) == 1)

    def line(self, first: int, last: int, page: int) -> _Line:
        """The line of characters ``first``..``last`` (both not blank)."""
        raw = self._text[first : last + 1]
        if _WEAK_PUNCT.search(raw):
            return self._reordered(first, last, page)
        left, right = self.box(first), self.box(last)
        height = max(left[3], right[3]) - min(left[1], right[1])
        text = self._without_gap_spaces(first, last, height) if " " in raw else raw
        return _Line(
            text=_WS.sub(" ", text),
            x0=min(left[0], right[0]),
            x1=max(left[2], right[2]),
            top=max(left[3], right[3]),
            bottom=min(left[1], right[1]),
            page=page,
        )

    def _without_gap_spaces(self, first: int, last: int, height: float) -> str:
        """The text with the spaces pdfium generated for a narrow gap next to Chinese left out."""
        text = self._text
        out: list[str] = []
        pos = first
        for run in _WS.finditer(text, first, last + 1):
            out.append(text[pos : run.start()])
            before, after = run.start() - 1, run.end()
            # Between Latin words pdfium's own judgement stands; only a space next to
            # Chinese is weighed again.
            keep = not (_CJK_SIDE.match(text[before]) or _CJK_SIDE.match(text[after]))
            keep = keep or not all(self.generated(i) for i in range(run.start(), run.end()))
            if not keep:
                gap = self.box(after)[0] - self.box(before)[2]
                keep = _is_space(text[before], text[after], gap, height)
            if keep:
                out.append(run.group())
            pos = run.end()
        out.append(text[pos : last + 1])
        return "".join(out)

    def _reordered(self, first: int, last: int, page: int) -> _Line:
        """The line's characters in the order they stand on the page, left to right."""
        text = self._text
        placed = [
            (self.box(i), text[i]) for i in range(first, last + 1) if not (text[i].isspace() and self.generated(i))
        ]
        placed.sort(key=lambda item: item[0][0] + item[0][2])
        top = max(box[3] for box, _ in placed)
        bottom = min(box[1] for box, _ in placed)
        parts = [placed[0][1]]
        for (a, ca), (b, cb) in itertools.pairwise(placed):
            if not ca.isspace() and not cb.isspace() and _is_space(ca, cb, b[0] - a[2], top - bottom):
                parts.append(" ")
            parts.append(cb)
        return _Line(
            text=_WS.sub(" ", "".join(parts)).strip(),
            x0=min(box[0] for box, _ in placed),
            x1=max(box[2] for box, _ in placed),
            top=top,
            bottom=bottom,
            page=page,
        )


def _is_space(before: str, after: str, gap: float, height: float) -> bool:
    """Whether a gap between two characters on one line stands for a space.

    Office suites set about a fifth of an em between Chinese and a Latin or digit run
    (autospace); that is typography, and in Chinese no space belongs there. Between two
    Chinese characters nothing is set, so a gap of a space's width (a third of an em and
    more: ``索 引 号``, two body names in a signature) is a space that was typed.
    """
    cjk_before, cjk_after = bool(_CJK_SIDE.match(before)), bool(_CJK_SIDE.match(after))
    if cjk_before and cjk_after:
        return gap > 0.28 * height
    if cjk_before or cjk_after:
        return gap > 0.6 * height
    return gap > 0.15 * height


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
        merged.append(
            _Line(
                text=text,
                x0=row[0].x0,
                x1=max(ln.x1 for ln in row),
                top=max(ln.top for ln in row),
                bottom=min(ln.bottom for ln in row),
                page=row[0].page,
            )
        )
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
    pitches = [a.top - b.top for a, b in itertools.pairwise(lines) if a.page == b.page and a.top > b.top]
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
    if slack > 2.0 * height and slack > _lead_width(b, height) + 0.6 * height:
        return False
    if b.x0 > left + 0.8 * height:  # indented: a new paragraph starts
        return False
    if _OUTLINE.match(b.text):
        return False
    if not 0.8 <= b.height / max(a.height, 0.1) <= 1.25:
        return False
    if a.page == b.page and a.top - b.top > 1.4 * pitch:
        return False
    # A paragraph whose last line happens to fill the width, then the signature (body
    # names, the date) set flush left: nothing in the geometry tells them apart. So are
    # a breadcrumb or a line of page fields that fills the width, then the title.
    if _SENTENCE_END.search(a.text) and _is_signature(b.text):
        return False
    return not (_PAGE_LINE.search(a.text) and is_title_line(fold(b.text)))


def _is_signature(text: str) -> bool:
    line = fold(text)
    return len(line) <= 40 and (is_org_line(line) or is_date_line(line))


def _lead_width(line: _Line, height: float) -> float:
    """Width of the unbreakable unit that starts ``line``.

    Estimated from its characters (half-width ones about half an em, CJK ones an em),
    scaled by how wide the whole line's estimate came out against its real width, so
    that a font with wide digits is measured as it is.
    """
    match = _LEAD_UNIT.match(line.text)
    if match is None:
        return height
    unit = _em_width(match.group(0), height)
    whole = _em_width(line.text, height)
    if whole > 0 and line.x1 > line.x0:
        unit *= min(max((line.x1 - line.x0) / whole, 0.7), 1.5)
    return unit


def _em_width(text: str, height: float) -> float:
    ascii_count = sum(1 for ch in text if ch < "\x7f")
    return 0.55 * height * ascii_count + height * (len(text) - ascii_count)


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
