"""Review comments (批注) in a Word document: the author's own .docx back, annotated.

An audit's evidence points into the report's original text (``doc.original``); for a
.docx that text is what :mod:`checklist.ingest.readers.docx` extracted from the body. This
module walks the body the same way, remembering for every character the ``<w:t>``
element and index it came from (:func:`text_map`), splits runs exactly at a quote's ends
(the pieces keep the run's formatting, so every paragraph's text stays the same) and
anchors a comment on the runs between with python-docx's own comments API.

For a report that did not come as .docx, :func:`plain_document` writes its text as a new
document (one paragraph per line, headings as Word headings) with the same map.
"""

from __future__ import annotations

import copy
import io
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from checklist.ingest.readers.docx import (
    _BLOCK_CONTAINERS,
    _BR,
    _CONTROL,
    _CR,
    _NB_HYPHEN,
    _P,
    _R,
    _RUN_CONTAINERS,
    _T,
    _TAB,
    _TBL,
    _TR,
    _TYPE,
    row_cells,
)

AUTHOR = "checklist"
INITIALS = "CL"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_RPR = _R.replace("}r", "}rPr")

# Where one character of the extracted text came from: a <w:t> element and an index in
# its text; None for characters the reader made up (line and cell separators, tabs).
Source = tuple[Any, int] | None


@dataclass(frozen=True, slots=True)
class PlannedComment:
    """One comment to write: its text and the original span it covers (``None``: the
    summary's place, the title or first paragraph)."""

    text: str
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class TextMap:
    """The body's text as the reader extracts it, and where each character came from."""

    chars: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The text, as ``doc.original`` has it for this document."""
        return "".join(self.chars)

    def add(self, ch: str, src: Source) -> None:
        """One more character."""
        self.chars.append(ch)
        self.sources.append(src)

    def extend(self, other: TextMap) -> None:
        """Another map's characters after these."""
        self.chars.extend(other.chars)
        self.sources.extend(other.sources)


# ---------------------------------------------------------------------------
# The body, character by character (mirrors checklist.ingest.readers.docx)


def _runs_map(element: Any, out: TextMap) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if tag == _R:
            for item in child.iterchildren():
                _item_map(item, out)
        elif tag in _RUN_CONTAINERS:
            _runs_map(child, out)


def _item_map(item: Any, out: TextMap) -> None:
    itag = item.tag
    if itag == _T:
        for i, ch in enumerate(item.text or ""):
            if not _CONTROL.match(ch):
                out.add(ch, (item, i))
    elif itag == _TAB:
        out.add("\t", None)
    elif itag in (_BR, _CR):
        if item.get(_TYPE) in (None, "textWrapping"):
            out.add("\n", None)
    elif itag == _NB_HYPHEN:
        out.add("-", None)


def _strip(m: TextMap) -> TextMap:
    """``str.strip`` on a map."""
    lo, hi = 0, len(m.chars)
    while lo < hi and m.chars[lo].isspace():
        lo += 1
    while hi > lo and m.chars[hi - 1].isspace():
        hi -= 1
    return TextMap(m.chars[lo:hi], m.sources[lo:hi])


def _split_lines(m: TextMap) -> Iterator[TextMap]:
    """``str.split("\\n")`` on a map."""
    piece = TextMap()
    for ch, src in zip(m.chars, m.sources, strict=True):
        if ch == "\n":
            yield piece
            piece = TextMap()
        else:
            piece.add(ch, src)
    yield piece


def _collapse(m: TextMap) -> TextMap:
    """``" ".join(text.split())`` on a map."""
    out = TextMap()
    gap = False
    for ch, src in zip(m.chars, m.sources, strict=True):
        if ch.isspace():
            gap = bool(out.chars)
            continue
        if gap:
            out.add(" ", None)
            gap = False
        out.add(ch, src)
    return out


def _joined(parts: Sequence[TextMap], sep: str) -> TextMap:
    out = TextMap()
    for i, part in enumerate(parts):
        if i:
            out.add(sep, None)
        out.extend(part)
    return out


def _blocks(container: Any) -> Iterator[Any]:
    stack = [container.iterchildren()]
    while stack:
        for child in stack[-1]:
            if child.tag in (_P, _TBL):
                yield child
                break
            if child.tag in _BLOCK_CONTAINERS:
                stack.append(child.iterchildren())
                break
        else:
            stack.pop()


def _cell_map(cell: Any) -> TextMap:
    parts: list[TextMap] = []
    for block in _blocks(cell):
        if block.tag == _P:
            para = TextMap()
            _runs_map(block, para)
            parts.append(_collapse(para))
        else:
            parts.extend(_row_map(row) for row in block.iterchildren(_TR))
    return _joined([p for p in parts if p.chars], " ")


def _row_map(row: Any) -> TextMap:
    cells = [text for text in map(_cell_map, row_cells(row)) if text.chars]
    return _joined(cells, "\t")


def text_map(document: Any) -> TextMap:
    """The body text of a python-docx ``Document`` as the .docx reader extracts it
    (lines joined by ``\\n``), with the source of every character."""
    lines: list[TextMap] = []
    for block in _blocks(document.element.body):
        if block.tag == _TBL:
            lines.extend(line for row in block.iterchildren(_TR) if (line := _strip(_row_map(row))).chars)
            continue
        para = TextMap()
        _runs_map(block, para)
        lines.extend(piece for raw in _split_lines(para) if (piece := _strip(raw)).chars)
    return _joined(lines, "\n")


# ---------------------------------------------------------------------------
# A report that came as text: a new document


def plain_document(original: str, heading_levels: Mapping[int, int]) -> tuple[Any, TextMap]:
    """A new python-docx ``Document`` of ``original`` (one paragraph per line; the lines
    in ``heading_levels``, by index, as headings of that level) and its map."""
    import docx

    document = docx.Document()
    out = TextMap()
    for index, line in enumerate(original.split("\n")):
        if index:
            out.add("\n", None)
        clean = _CONTROL.sub("", line)
        level = heading_levels.get(index)
        para = document.add_heading(level=min(level, 9)) if level else document.add_paragraph()
        t_el = None
        if clean:
            # a <w:t> of its own, not add_run(): that turns tabs into <w:tab/> and the
            # map would no longer count characters of one element
            t_el = para.add_run()._r.makeelement(_T, {_XML_SPACE: "preserve"})
            t_el.text = clean
            para.runs[-1]._r.append(t_el)
        kept = 0
        for ch in line:
            if _CONTROL.match(ch):
                out.add(ch, None)
            else:
                out.add(ch, (t_el, kept))
                kept += 1
    return document, out


# ---------------------------------------------------------------------------
# Splitting runs and anchoring comments


def _content_children(run: Any) -> list[Any]:
    return [c for c in run.iterchildren() if c.tag != _RPR]


def _split_run(t_el: Any, index: int) -> Any:
    """Split the run holding ``t_el`` before character ``index`` of it; the run that now
    starts there (a new one with the same formatting, or the run itself at its start)."""
    run = t_el.getparent()
    content = _content_children(run)
    pos = content.index(t_el)
    if index == 0 and pos == 0:
        return run
    text = t_el.text or ""
    moving = content[pos:] if index == 0 else content[pos + 1 :]
    if not moving and index >= len(text):
        return run  # a cut after the run's last character: nothing to move
    new_run = run.makeelement(_R, dict(run.attrib))
    rpr = run.find(_RPR)
    if rpr is not None:
        new_run.append(copy.deepcopy(rpr))
    if 0 < index < len(text):
        tail = copy.deepcopy(t_el)
        tail.text = text[index:]
        tail.set(_XML_SPACE, "preserve")
        t_el.text = text[:index]
        t_el.set(_XML_SPACE, "preserve")
        new_run.append(tail)
    for child in moving:
        new_run.append(child)  # moved, not copied: the map's elements stay valid
    run.addnext(new_run)
    return new_run


class _Cutter:
    """Every cut asked for, made once per ``<w:t>`` from its end backwards."""

    def __init__(self) -> None:
        self.cuts: dict[Any, set[int]] = {}
        self.starts: dict[Any, dict[int, Any]] = {}

    def want(self, t_el: Any, index: int) -> None:
        # a cut at the end of a <w:t> matters only when the run goes on (a tab, more text)
        if index < len(t_el.text or "") or t_el.getnext() is not None:
            self.cuts.setdefault(t_el, set()).add(index)

    def cut(self) -> None:
        for t_el, indexes in self.cuts.items():
            runs = self.starts.setdefault(t_el, {})
            for index in sorted(indexes, reverse=True):
                runs[index] = _split_run(t_el, index)

    def run_at(self, t_el: Any, index: int) -> Any:
        """The run holding character ``index`` of ``t_el`` after the cuts."""
        runs = self.starts.get(t_el, {})
        points = sorted(runs)
        i = bisect_right(points, index) - 1
        return runs[points[i]] if i >= 0 else t_el.getparent()


def _ends(tmap: TextMap, start: int, end: int) -> tuple[tuple[Any, int], tuple[Any, int]] | None:
    """The first and last mapped characters in ``[start, end)``."""
    sources = tmap.sources
    first = next((s for s in sources[max(start, 0) : end] if s is not None and s[0] is not None), None)
    last = next((s for s in reversed(sources[max(start, 0) : end]) if s is not None and s[0] is not None), None)
    if first is None or last is None:
        return None
    return first, last


def add_comments(
    document: Any, tmap: TextMap, comments: Sequence[PlannedComment], summary_span: tuple[int, int]
) -> int:
    """Anchor ``comments`` in ``document``; a comment whose span has no text of its own
    goes on ``summary_span``. Returns how many were written."""
    from docx.text.run import Run

    spans: list[tuple[tuple[Any, int], tuple[Any, int]] | None] = []
    fallback = _ends(tmap, *summary_span) or _ends(tmap, 0, len(tmap.sources))
    cutter = _Cutter()
    for c in comments:
        ends = _ends(tmap, c.start, c.end) if c.start is not None and c.end is not None else None
        ends = ends or fallback
        spans.append(ends)
        if ends is not None:
            (t1, i1), (t2, i2) = ends
            cutter.want(t1, i1)
            cutter.want(t2, i2 + 1)
    cutter.cut()
    written = 0
    body = document._body
    for c, ends in zip(comments, spans, strict=True):
        if ends is None:
            continue
        (t1, i1), (t2, i2) = ends
        first = Run(cutter.run_at(t1, i1), body)
        last = Run(cutter.run_at(t2, i2), body)
        document.add_comment([first, last], text=c.text, author=AUTHOR, initials=INITIALS)
        written += 1
    return written


def save(document: Any) -> bytes:
    """The document's bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
