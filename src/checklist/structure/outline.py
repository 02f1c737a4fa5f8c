"""The outline: sections from heading markers, enumerated items, sentences.

Markers at any level — ``一、`` ``(一)`` ``1.``/``1、`` ``(1)`` ``①`` — open a section
that runs to the next heading of the same or higher rank. Depth comes from a stack, so
skipped levels (``一、`` straight to ``1.``) and outlines that start at ``(一)`` work. A
heading glued to its first sentence (``(一)加强组织领导,夯实法治基础。为加强…``) keeps only
the lead phrase as its heading. ``一是…二是…`` inside paragraphs become items, not sections.

A report written with unnumbered (bold) headings loses the bold in a text file or a page
without heading tags: :func:`unnumbered_headings` finds those lines by their shape (a
short line without sentence punctuation between a finished paragraph and the next one).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

from checklist.document import Item, Section, new_item, new_sections
from checklist.ingest.shapes import (
    SENTENCE_PUNCT,
    is_date_line,
    is_org_line,
    match_marker,
    match_marker_at,
)
from checklist.structure.numerals import cn_to_int
from checklist.structure.sections import heading_kinds
from checklist.vocabulary import CN_DIGITS

# match_marker answers here too: the rules ask the outline what a heading is.
__all__ = ["HEAD_MAX", "Outline", "build", "lead_length", "match_marker", "unnumbered_headings"]

_STOP = re.compile(r"[。!?！？]")
_SOFT_STOP = re.compile(r"[,，;；:：]")
_SENTENCE_END = re.compile(r"[。!?！？][。!?！？]*[\"')）]*")  # (one class first: skipped ahead to)
# The same when the text holds no ! or ?: a pattern that opens with a literal character
# lets the regex engine skip ahead to it, where a character class is tried at every offset.
_FULL_STOP_END = re.compile(r"。。*[\"')）]*")
_OTHER_ENDS = ("!", "?", "！", "？")
_ITEM_BOUNDARY = frozenset('。；;：:，, )"')
# 统一是, 唯一是, 第一是 … : the numeral belongs to a word, not an enumeration
_WORD_BEFORE_ONE = frozenset("统唯同第之万单专划如归逐每合")

HEAD_MAX = 60  # a heading's lead phrase is at most this long before we cut at a comma
_ITEM_LEAD_MAX = 30  # … and an item's


def lead_length(rest: str, limit: int = HEAD_MAX) -> int:
    """Length of the lead phrase of ``rest``: to the first full stop, else a comma.

    Only the first ``limit + 1`` characters count: a caller may pass no more."""
    stop = _STOP.search(rest, 0, limit + 1)
    if stop:
        return stop.start()
    if len(rest) <= limit:
        return len(rest.rstrip(":："))
    soft = _SOFT_STOP.search(rest, 0, limit + 1)
    if soft:
        return soft.start()
    return limit // 2


class Outline(NamedTuple):
    """What :func:`build` makes: the sections, the items, and the sentences as columns
    of offsets ``(starts, ends, sections)`` (what
    :meth:`~checklist.document.Document.sentence_columns` answers; the
    :class:`~checklist.document.Sentence` objects are made from them when asked for)."""

    sections: tuple[Section, ...]
    items: tuple[Item, ...]
    columns: tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]


def build(
    text: str,
    lines: Sequence[tuple[int, int]],
    body: tuple[int, int],
    hints: Mapping[int, int] | None = None,
) -> Outline:
    """Build sections, items and sentences.

    ``lines`` are normalised line spans; ``body`` is the range of line indices that
    hold the report body (after the header, before the signature); ``hints`` maps line
    indices to heading levels given by the container (docx styles).
    """
    hints = hints or {}
    first, stop = body
    body_end = lines[stop - 1][1] if stop > first else (lines[first][0] if first < len(lines) else len(text))
    # each heading's fields as columns, its end set when a later heading of the same or
    # higher rank closes it (else the body's end): sections are made once, all at the end
    ranks: list[int] = []
    headings: list[str] = []
    titles: list[str] = []
    markers: list[str] = []
    levels: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    heading_ends: list[int] = []
    parents: list[int] = []
    paths: list[str] = []
    heading_lines: list[int] = []  # the line of each
    stack: list[int] = []  # the headings still open
    orders: list[int] = []  # what closes what: a marker's rank doubled, an unmarked heading's in between
    top = _top_hint(body, hints) if hints else 1
    for li in range(first, stop):
        start, end = lines[li]
        found = match_marker_at(text, start, end)  # (a paragraph is not copied out to ask)
        if found is not None:
            order = 2 * found[0]
        elif li in hints:
            found = (hints[li], "")
            # a heading without a number (a style, a heading tag, a bold line) ranks just
            # above the numbers of its level: at the body's shallowest heading level it
            # holds 一、, one level deeper it sits under 一、 and holds (一)
            order = 2 * (hints[li] - top) + 1
        else:
            continue
        rank, marker = found
        offset = start + len(marker)
        while offset < end and text[offset] == " ":
            offset += 1
        rest = text[offset : min(end, offset + HEAD_MAX + 1)]  # all lead_length looks at
        n = lead_length(rest)
        title = rest[:n].strip()
        if not title:
            continue
        while stack and orders[stack[-1]] >= order:
            ends[stack.pop()] = start
        # a marker that is a word (第一部分) keeps a blank before its title
        heading = f"{marker} {title}" if marker[-1:].isalpha() else marker + title
        if stack:
            parent = stack[-1]
            paths.append(paths[parent] + " > " + heading)
        else:
            parent = -1
            paths.append(heading)
        stack.append(len(ranks))
        ranks.append(rank)
        orders.append(order)
        headings.append(heading)
        titles.append(title)
        markers.append(marker)
        levels.append(len(stack))
        starts.append(start)
        ends.append(body_end)
        heading_ends.append(offset + n)
        parents.append(parent)
        heading_lines.append(li)
    for i, head_end in enumerate(heading_ends):
        if ends[i] < head_end:  # (a section holds at least its heading)
            ends[i] = head_end
    final = new_sections(
        range(len(ranks)), headings, titles, markers, ranks, levels, starts, ends, heading_ends, parents, paths
    )
    line_section = _innermost_per_line(heading_lines, len(lines), stop)
    columns = _sentence_columns(text, lines, line_section)
    items = _items(text, lines, line_section, body)
    return Outline(final, items, columns)


_BARE_MIN, _BARE_MAX = 4, 40  # an unnumbered heading's length
_BARE_NEEDED = 2  # lines naming a part of the report (不足, 安排…), or none counts
_PARAGRAPH_END = re.compile(r"[。!?;][\"')\]]*$")  # a finished paragraph (closing quotes allowed)
_CJK = re.compile(r"[\u4e00-\u9fff]")


def unnumbered_headings(text: str, lines: Sequence[tuple[int, int]], body: tuple[int, int]) -> dict[int, int]:
    """Lines of the body that are headings without a marker, as ``{line: rank 1}``.

    A report written with unnumbered bold headings (``推进法治政府建设的主要举措和成效``,
    ``存在的不足和原因``) keeps them as lines of their own when the bold is lost. Such a
    line is short (4–40 characters, at least four of them Chinese), holds no sentence
    punctuation, no colon but a last one and no blank, is no date or line of body names, follows
    the body's start or a finished paragraph (so a PDF's wrapped line is none) and is
    followed by a paragraph or a numbered heading. They count only when two or more of
    them name a part of the report (:func:`~checklist.structure.sections.heading_kinds`:
    its shortcomings, its plan, …; a caption or a list's last line names none). The caller
    asks only when the outline it built has no ``一、``-level (or ``第一部分``) heading:
    where that level is numbered, a short line is something else."""
    first, stop = body
    found: list[int] = []
    for li in range(first, stop - 1):
        start, end = lines[li]
        if not _BARE_MIN <= end - start <= _BARE_MAX or match_marker_at(text, start, end) is not None:
            continue  # (most short lines of a report are numbered headings)
        if SENTENCE_PUNCT.search(text, start, end):
            continue
        line = text[start:end]
        if (
            ":" in line[:-1]
            or " " in line
            or len(_CJK.findall(line)) < _BARE_MIN
            or is_date_line(line)
            or is_org_line(line)
        ):
            continue
        if li > first:
            before_start, before_end = lines[li - 1]
            if not _PARAGRAPH_END.search(text, before_start, before_end):
                continue
        after_start, after_end = lines[li + 1]
        after = text[after_start:after_end]
        if not (SENTENCE_PUNCT.search(after) or match_marker(after) is not None):
            continue
        found.append(li)
    naming = 0
    for li in found:
        start, end = lines[li]
        if heading_kinds(text[start:end].rstrip(":")):
            naming += 1
    return dict.fromkeys(found, 1) if naming >= _BARE_NEEDED else {}


def _top_hint(body: tuple[int, int], hints: Mapping[int, int]) -> int:
    """The shallowest level a reader gave a heading of the body (1 when it gave none)."""
    first, stop = body
    return min((level for li, level in hints.items() if first <= li < stop), default=1)


def _innermost_per_line(heading_lines: Sequence[int], count: int, stop: int) -> list[int]:
    """The innermost section of each of ``count`` lines, given the line of each section's
    heading (in order, all before the body's ``stop``): from its heading line to the next
    heading's, a line is in the section opened last — it is still open there, since a
    section ends at a later heading's start or at the body's end — and no line before the
    first heading or from the signature on is in any."""
    if not heading_lines:
        return [-1] * count
    out = [-1] * heading_lines[0]
    for k in range(len(heading_lines) - 1):
        out += [k] * (heading_lines[k + 1] - heading_lines[k])
    last = len(heading_lines) - 1
    out += [last] * (stop - heading_lines[last])
    out += [-1] * (count - stop)
    return out


def _sentence_columns(
    text: str, lines: Sequence[tuple[int, int]], line_section: Sequence[int]
) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """Sentences line by line, from one scan of the whole text for sentence ends, as
    columns of offsets ``(starts, ends, sections)``.

    ``lines`` are separated by line breaks (as :func:`~checklist.ingest.normalize.join_lines`
    makes them), so no sentence end runs across two; each line's ends are found by
    bisection.
    """
    pattern = _SENTENCE_END if any(c in text for c in _OTHER_ENDS) else _FULL_STOP_END
    ends = [m.end() for m in pattern.finditer(text)]
    starts_of: list[int] = []
    ends_of: list[int] = []
    sections_of: list[int] = []
    k = 0
    for (start, end), sec in zip(lines, line_section, strict=True):
        k = bisect_right(ends, start, k)
        j = bisect_right(ends, end, k)
        pos = start
        if j > k:  # the sentence ends in the line: each sentence starts where one ended
            starts_of.append(start)
            starts_of += ends[k : j - 1]
            ends_of += ends[k:j]
            sections_of += [sec] * (j - k)
            pos = ends[j - 1]
            k = j
        if pos < end and text[pos:end].strip():  # the line goes on after its last end
            starts_of.append(pos)
            ends_of.append(end)
            sections_of.append(sec)
    return tuple(starts_of), tuple(ends_of), tuple(sections_of)


def _items(
    text: str, lines: Sequence[tuple[int, int]], line_section: Sequence[int], body: tuple[int, int]
) -> tuple[Item, ...]:
    found: list[tuple[int, int, str, int, int]] = []  # start, number, marker, line index, section
    last_number: dict[int, int] = {}
    for li, candidates in _item_candidates(text, lines, body):
        start = lines[li][0]
        sec = line_section[li]
        numbers = [c[1] for c in candidates]
        for pos, number, marker in candidates:
            if number is None or number < 1:
                continue
            if pos > start and text[pos - 1] in _WORD_BEFORE_ONE:
                continue
            bounded = pos == start or text[pos - 1] in _ITEM_BOUNDARY or _after_heading(text, start, pos)
            follows = last_number.get(sec) == number - 1
            opens_chain = number == 1 and 2 in numbers
            continues = follows or (bounded and last_number.get(sec, 0) >= 1)
            if (number == 1 and (bounded or opens_chain)) or (number > 1 and continues):
                found.append((pos, number, marker, li, sec))
                last_number[sec] = number
    items: list[Item] = []
    for i, (pos, _number, marker, li, sec) in enumerate(found):
        line_end = lines[li][1]
        nxt = found[i + 1][0] if i + 1 < len(found) and found[i + 1][3] == li else line_end
        lead_start = pos + len(marker)
        n = lead_length(text[lead_start : min(nxt, lead_start + _ITEM_LEAD_MAX + 1)], _ITEM_LEAD_MAX)
        items.append(new_item(marker, text[lead_start : lead_start + n], pos, lead_start, lead_start + n, nxt, sec))
    return tuple(items)


_CN_DIGITS = frozenset(CN_DIGITS)
_item_number = lru_cache(maxsize=256)(cn_to_int)  # the same few numerals (一 … 十) again and again


def _item_candidates(
    text: str, lines: Sequence[tuple[int, int]], body: tuple[int, int]
) -> list[tuple[int, list[tuple[int, int | None, str]]]]:
    """For each body line holding an ``N是``, its index and the ``(position, number,
    marker)`` of each (found by the 是, in one pass over the body; the numeral stays
    inside its line)."""
    first, stop = body
    out: list[tuple[int, list[tuple[int, int | None, str]]]] = []
    if first >= stop:
        return out
    hi = lines[stop - 1][1]
    li = first
    pos = text.find("是", lines[first][0], hi)
    while pos != -1:
        while lines[li][1] <= pos:
            li += 1
        start, end = lines[li]
        k = pos
        while k > start and pos - k < 3 and text[k - 1] in _CN_DIGITS:
            k -= 1
        if k < pos and (pos + 1 >= end or text[pos + 1] not in "否非"):
            if not out or out[-1][0] != li:
                out.append((li, []))
            out[-1][1].append((k, _item_number(text[k:pos]), text[k : pos + 1]))
        pos = text.find("是", pos + 1, hi)
    return out


def _after_heading(text: str, line_start: int, pos: int) -> bool:
    """True when ``pos`` directly follows a heading's marker on the same line."""
    head = text[line_start:pos]
    found = match_marker(head)
    return found is not None and len(found[1]) == len(head.rstrip())
