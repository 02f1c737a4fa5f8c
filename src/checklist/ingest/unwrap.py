"""Hard-wrapped text: a report copied out of a PDF viewer, a line break every N characters.

Such a copy breaks every paragraph into lines of about the same width that end inside a
sentence (``…局主要负责人认真履行推进法治建设第一责任人职责，年`` / ``内召开局党组会议…``). A
term cut by a break (``执法全过程记`` / ``录``) is not found, a sentence is quoted in
pieces and a rule that wants two words in one sentence misses them. When most lines that
end inside a sentence are about one width, each such full line is joined to the next kept
line: the break (and any page clutter the clutter step removed between them) is left out
of the normalised text, no other character changes, and offsets still point into the
original. A line that ends a sentence, a heading, a title, a signature's names and date,
a line after a blank line, an indented line and a numbered heading start anew. Text of
ordinary lines (a web page's paragraphs, a Word file's) has few lines ending inside a
sentence, and no common width among them, and is left as it is.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

from checklist.ingest.normalize import Normalized, NormalizedLine
from checklist.ingest.shapes import is_date_line, is_org_line, is_title_line, match_marker

_MIN_WIDTH = 16  # characters: shorter lines are headings, names, dates, not a wrap width
# how a numbered heading opens (the quick look before the heading's regex)
_HEADING_FIRST = frozenset("一二三四五六七八九十百(第①②③④⑤⑥⑦⑧⑨⑩❶❷❸❹❺❻❼❽❾❿➀➁➂➃➄➅➆➇➈➉0123456789")
_MIN_WRAPPED = 4  # lines of the common width, or the text is not taken for hard-wrapped
_SHARE = 0.5  # … and at least this share of the lines that end inside a sentence
_OF_ALL = 0.2  # … and of all the lines (a page's headings may share a length too)
_SLACK = 3  # a full line may be this much shorter than the width (wider punctuation, digits)
_SENTENCE_END = re.compile(r"[。!?;]")
_ENDS = frozenset("。.!?;:…")  # what ends a sentence (normalised text) …
_AFTER_END = "\"')]"  # … before closing quotes and brackets


def _latin(ch: str) -> bool:
    """An ASCII letter or digit (a word of Latin script or a number)."""
    return ch.isascii() and ch.isalnum()


def _ends_inside(text: str) -> bool:
    """A line long enough to be a wrapped one that ends inside a sentence."""
    return len(text) >= _MIN_WIDTH and text.rstrip(_AFTER_END)[-1:] not in _ENDS


def _is_open(text: str) -> bool:
    """A wrapped line: it ends inside a sentence and is no heading."""
    return _ends_inside(text) and not _is_heading(text)


def _is_heading(text: str) -> bool:
    """A numbered line that ends no sentence inside it (``(二)强化理论武装,增强依法行政能力``):
    a heading of its own, not the first line of a numbered paragraph."""
    return match_marker(text) is not None and _SENTENCE_END.search(text) is None


def wrap_width(norm: Normalized, kept: Sequence[int]) -> int | None:
    """The width the text was wrapped at, or None when it was not hard-wrapped."""
    texts = norm.texts
    # (the cheap looks first: most lines of most texts end a sentence, and a call costs
    # more than looking at the last character)
    ending = [
        t
        for t in (texts[i] for i in kept[:-1])
        if t[-1] not in _ENDS and _ends_inside(t) and not (t[0] in _HEADING_FIRST and _is_heading(t))
    ]
    if len(ending) < _MIN_WRAPPED:
        return None
    best, support = _common_width(Counter(map(len, ending)))
    if support < _MIN_WRAPPED or support < _SHARE * len(ending) or support < _OF_ALL * len(kept):
        return None
    return best


def _common_width(lengths: Counter[int]) -> tuple[int, int]:
    """The length most lines have, give or take two characters, and how many have it."""
    best, support = 0, 0
    for width in lengths:
        near = sum(lengths.get(width + d, 0) for d in (-2, -1, 0, 1, 2))
        if near > support or (near == support and width > best):
            best, support = width, near
    return best, support


def unwrap(original: str, norm: Normalized, kept: Sequence[int]) -> tuple[Normalized, list[int]] | None:
    """The kept lines with each wrapped paragraph joined into one line, as a
    :class:`Normalized` of those lines only (all kept), and the index in ``norm`` of each
    joined line's first line; None when the text is not hard-wrapped."""
    width = wrap_width(norm, kept)
    if width is None:
        return None
    texts, spans, _marked = norm
    groups: list[list[int]] = [[kept[0]]] if kept else []
    for a, b in itertools.pairwise(kept):
        if _joins(original, norm, a, b, width):
            groups[-1].append(b)
        else:
            groups.append([b])
    if all(len(g) == 1 for g in groups):
        return None
    out_texts: list[str] = []
    out_spans: list[tuple[int, int]] = []
    out_marked: dict[int, NormalizedLine] = {}
    for g in groups:
        k = len(out_texts)
        if len(g) == 1:
            i = g[0]
            out_texts.append(texts[i])
            out_spans.append(spans[i])
            line = norm.marked.get(i)
            if line is not None:
                out_marked[k] = line
            continue
        pieces: list[tuple[str, int, int, bool]] = []
        for n, i in enumerate(g):
            if n and _latin(texts[i][:1]) and _latin(pieces[-1][0][-1:]):
                end = spans[g[n - 1]][1]  # two Latin words or numbers: the break is a blank
                pieces.append((" ", end, end + 1, False))
            pieces.extend(norm.line(i).pieces)
        text = "".join(p[0] for p in pieces)
        out_texts.append(text)
        out_spans.append((spans[g[0]][0], spans[g[-1]][1]))
        out_marked[k] = tuple.__new__(NormalizedLine, (text, spans[g[0]][0], spans[g[-1]][1], tuple(pieces)))
    return Normalized(out_texts, out_spans, out_marked), [g[0] for g in groups]


def _joins(original: str, norm: Normalized, a: int, b: int, width: int) -> bool:
    """Whether kept line ``b`` goes on the paragraph that kept line ``a`` wraps."""
    texts = norm.texts
    first, second = texts[a], texts[b]
    if not _is_open(first) or len(first) < width - _SLACK:
        return False
    if any(not texts[i] for i in range(a + 1, b)):
        return False  # a blank line between: a new paragraph
    start = norm.spans[b][0]
    if original[start : start + 1].isspace():
        return False  # an indented line opens a paragraph
    # a title, the body names and date of a signature are lines of their own
    if is_title_line(first) or is_org_line(first) or is_date_line(second) or is_org_line(second):
        return False
    return match_marker(second) is None
