"""Word .docx files: body paragraphs and tables in document order, headings from styles.

python-docx opens the package; the body XML is then walked directly, because
``Document.paragraphs`` and ``Document.tables`` lose the order between the two, and
``Paragraph.text`` skips tracked insertions and content controls. Headers, footers,
footnotes, comments and text boxes are not report body and are left out. python-docx
never fetches external resources (linked images, remote templates), and its XML parser
does not resolve entities.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

from checklist.errors import InputError
from checklist.ingest.readers.base import Extracted
from checklist.limits import current

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (
    f"{_W}p",
    f"{_W}tbl",
    f"{_W}tr",
    f"{_W}tc",
    f"{_W}sdt",
    f"{_W}sdtContent",
)
_R, _T, _TAB, _BR, _CR = f"{_W}r", f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"
_NB_HYPHEN, _PPR, _TCPR = f"{_W}noBreakHyphen", f"{_W}pPr", f"{_W}tcPr"
_VAL, _TYPE = f"{_W}val", f"{_W}type"
# Containers whose runs are live text: hyperlinks, tracked insertions, smart tags,
# simple fields, content controls, bidi overrides.
_RUN_CONTAINERS = frozenset(
    {
        f"{_W}hyperlink",
        f"{_W}ins",
        f"{_W}moveTo",
        f"{_W}smartTag",
        f"{_W}customXml",
        f"{_W}fldSimple",
        f"{_W}sdt",
        f"{_W}sdtContent",
        f"{_W}dir",
        f"{_W}bdo",
    }
)
# Body-level wrappers whose children are paragraphs and tables.
_BLOCK_CONTAINERS = frozenset({_SDT, _SDT_CONTENT, f"{_W}customXml", f"{_W}ins", f"{_W}moveTo"})
_CELL_SEP = "\t"  # one table row is one line; a tab keeps the cells apart
_HEADING_STYLE = re.compile(r"(?:heading|标题)\s*([1-9])", re.IGNORECASE)
_MAX_LEVEL = 6
_PLAIN_DOCUMENT = b"wordprocessingml.document.main+xml"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _check_package(data: bytes, source: str) -> None:
    """Say precisely what is wrong before python-docx raises something generic."""
    if not data.startswith(b"PK"):
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise InputError.of(source, "error.docx_is_doc")
        raise InputError.of(source, "error.docx_not_zip")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            if "word/document.xml" not in names:
                if "xl/workbook.xml" in names:
                    what = "error.docx_is_excel"
                elif "ppt/presentation.xml" in names:
                    what = "error.docx_is_powerpoint"
                elif "content.xml" in names:
                    what = "error.docx_is_odt"
                else:
                    what = "error.docx_no_document"
                raise InputError.of(source, what)
            unpacked = sum(info.file_size for info in package.infolist())
            limit = current().max_unpacked_bytes
            if unpacked > limit:
                raise InputError.of(source, "error.zip_bomb", name="max_unpacked_bytes", value=unpacked, limit=limit)
            types = b""
            if "[Content_Types].xml" in names:
                types = package.read("[Content_Types].xml")
            if _PLAIN_DOCUMENT not in types and (b"macroEnabled" in types or b"template" in types):
                # python-docx opens only plain documents (.docm/.dotx/.dotm are refused).
                raise InputError.of(source, "error.docx_macro")
            for name in sorted(names):
                # Word never writes a DOCTYPE; one in a part is an XXE or entity-bomb attempt.
                if name.endswith((".xml", ".rels")):
                    with package.open(name) as part:
                        head = part.read(4096)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise InputError.of(source, "error.docx_doctype", part=name)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        OSError,
        EOFError,
        ValueError,
        RuntimeError,
        NotImplementedError,
    ):
        # RuntimeError: an encrypted entry; NotImplementedError: an unknown compression.
        raise InputError.of(source, "error.docx_bad_zip") from None


def _load(data: bytes, source: str) -> Any:
    import docx  # imported here: the reader registry must not pay for it at start-up

    try:
        return docx.Document(io.BytesIO(data))
    except InputError:
        raise
    except Exception as exc:
        # python-docx and lxml raise KeyError, ValueError, XMLSyntaxError,
        # PackageNotFoundError, zlib.error … for malformed packages; every one of
        # them means the same thing to our caller: this file cannot be read.
        raise InputError.of(source, "error.docx_unreadable", reason=type(exc).__name__) from None


def _styles(document: Any) -> dict[str, int]:
    """Heading level of every paragraph style id that is a heading (name or outline)."""
    levels: dict[str, int] = {}
    try:
        styles_element = document.styles.element
    except Exception:  # a missing or broken styles part only costs headings
        return levels
    for style in styles_element.iterchildren(f"{_W}style"):
        style_id = style.get(f"{_W}styleId")
        if not style_id:
            continue
        name_el = style.find(f"{_W}name")
        name = name_el.get(_VAL, "") if name_el is not None else ""
        level = _heading_from_name(name) or _heading_from_name(style_id)
        if not level:
            level = _outline_level(style.find(_PPR))
        if level:
            levels[style_id] = level
    return levels


def _heading_from_name(name: str) -> int:
    match = _HEADING_STYLE.fullmatch(name.strip())
    if match is None:
        return 0
    level = int(match.group(1))
    return level if level <= _MAX_LEVEL else 0


def _outline_level(ppr: Any) -> int:
    # <w:outlineLvl w:val="0"/> is Word's "level 1" for the navigation pane; 9 = body.
    if ppr is None:
        return 0
    outline = ppr.find(f"{_W}outlineLvl")
    if outline is None:
        return 0
    try:
        level = int(outline.get(_VAL, "9")) + 1
    except ValueError:
        return 0
    return level if 1 <= level <= _MAX_LEVEL else 0


def _paragraph_level(paragraph: Any, styles: dict[str, int]) -> int:
    ppr = paragraph.find(_PPR)
    direct = _outline_level(ppr)
    if direct:
        return direct
    if ppr is None:
        return 0
    style = ppr.find(f"{_W}pStyle")
    if style is None:
        return 0
    return styles.get(style.get(_VAL, ""), 0)


def _runs_text(element: Any, out: list[str]) -> None:
    """Append the visible text of the runs under ``element`` (a paragraph or wrapper)."""
    for child in element.iterchildren():
        tag = child.tag
        if tag == _R:
            for item in child.iterchildren():
                itag = item.tag
                if itag == _T:
                    out.append(item.text or "")
                elif itag == _TAB:
                    out.append("\t")
                elif itag in (_BR, _CR):
                    # A manual line break ends a visual line; a page break does not.
                    if item.get(_TYPE) in (None, "textWrapping"):
                        out.append("\n")
                elif itag == _NB_HYPHEN:
                    out.append("-")
                # w:drawing, w:pict, mc:AlternateContent hold text boxes: not body
                # text, and Word stores them twice (DrawingML and VML fallback).
        elif tag in _RUN_CONTAINERS:
            _runs_text(child, out)
        # w:del, w:moveFrom (deleted text), w:pPr, bookmarks, comments: nothing visible


def _paragraph_text(paragraph: Any) -> str:
    out: list[str] = []
    _runs_text(paragraph, out)
    return _CONTROL.sub("", "".join(out))


def _cell_text(cell: Any) -> str:
    parts: list[str] = []
    for block in _blocks(cell):
        if block.tag == _P:
            parts.append(" ".join(_paragraph_text(block).split()))
        else:
            parts.extend(_row_text(row) for row in block.iterchildren(_TR))
    return " ".join(part for part in parts if part)


def row_cells(row: Any) -> Iterator[Any]:
    """The cells of a table row whose text is read, in order: content controls around a
    cell opened, a vertically merged continuation cell left out (it is empty; its text is
    in the cell above, and gridSpan cells appear once in the XML, so they cannot repeat).
    Whoever maps text back to the document (render.docx_comments) walks the same cells."""
    for cell in row.iterchildren(_TC, _SDT):
        if cell.tag == _SDT:  # a content control around a cell
            inner = cell.find(_SDT_CONTENT)
            cell = inner.find(_TC) if inner is not None else None
            if cell is None:
                continue
        props = cell.find(_TCPR)
        if props is not None:
            vmerge = props.find(f"{_W}vMerge")
            if vmerge is not None and vmerge.get(_VAL) in (None, "continue"):
                continue
        yield cell


def _row_text(row: Any) -> str:
    cells = [text for text in map(_cell_text, row_cells(row)) if text]
    return _CELL_SEP.join(cells)


def _blocks(container: Any) -> Iterator[Any]:
    """Paragraphs and tables of a body or cell in document order, wrappers opened."""
    stack = [container.iterchildren()]
    while stack:
        for child in stack[-1]:
            tag = child.tag
            if tag in (_P, _TBL):
                yield child
                break
            if tag in _BLOCK_CONTAINERS:
                stack.append(child.iterchildren())
                break
        else:
            stack.pop()


def read_docx(data: bytes, source: str) -> Extracted:
    """Extract paragraphs and table rows of a .docx in order, with heading levels.

    Raises :class:`~checklist.errors.InputError` for anything that is not a readable
    .docx package.
    """
    _check_package(data, source)
    document = _load(data, source)
    styles = _styles(document)
    lines: list[str] = []
    headings: list[tuple[int, int]] = []
    try:
        body = document.element.body
        for block in _blocks(body):
            if block.tag == _TBL:
                for row in block.iterchildren(_TR):
                    text = _row_text(row).strip()
                    if text:
                        lines.append(text)
                continue
            level = _paragraph_level(block, styles)
            first = True
            for piece in _paragraph_text(block).split("\n"):
                piece = piece.strip()
                if not piece:
                    continue
                if level and first:
                    headings.append((len(lines), level))
                first = False
                lines.append(piece)
    except RecursionError:
        raise InputError.of(source, "error.docx_too_deep") from None
    except (AttributeError, TypeError, ValueError) as exc:
        # a document part whose root is not <w:document> (python-docx then hands back a
        # bare element with no body) or whose structure is otherwise not Word's
        raise InputError.of(source, "error.docx_unreadable", reason=type(exc).__name__) from None
    if not lines:
        raise InputError.of(source, "error.docx_no_text")
    return Extracted(
        text="\n".join(lines),
        format="docx",
        encoding=None,
        heading_lines=tuple(headings),
    )
