"""Run-on text: a whole report on one line, as scraped copies and some pastes have it.

Without its line breaks a report has no outline: headings, title, addressee and signature
all sit inside one line, and every part is judged missing. A line is run-on when it is
long and holds at least two headings after a sentence end (``…成效。二、存在的不足…``);
it is then cut, without changing a character, before each heading, after a title and an
addressee at its start, and before a signature at its end. A long line that opens with a
title running straight into the text (``…情况的报告2023年，省政府坚持…``) lost its breaks
too, even when the copy is cut short before a second heading. Ordinary paragraphs,
however long, have no such headings inside and are left alone.

Scraped copies also carry a sharing site's stamp glued in front of the title
(``某站—全网资源每日更新www.example.com某某省人民政府关于…的报告``): a line that opens
with a short label and a web address, followed by a title, is cut after the address, so
the stamp becomes a line of its own (which the clutter step removes) and the title
starts its line.
"""

from __future__ import annotations

import itertools
import re

from checklist.ingest.normalize import fold
from checklist.ingest.shapes import is_title_line
from checklist.vocabulary import BODY_SUFFIXES, TITLE_KINDS, alternation

RUN_ON_CHARS = 600  # a line shorter than this is never a run-on report
_END = "。；;！!？?：:"
# Heading markers as they stand in the raw text (full-width brackets, before normalising),
# and only the forms whose headings a run-on report loses its breaks before: not
# vocabulary.HEADING_MARKERS, which reads normalised lines.
_MARKER = (
    r"(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|"
    r"第[一二三四五六七八九十]{1,3}部分|\d{1,2}(?:、|\.(?!\d)))"
)
# A heading that lost its line break follows a sentence end, or the 如下： that announces the
# parts; a marker after ：or ；is an inline list (主要表现在：一、…；二、…) and stays.
_AFTER = r"(?:(?<=[。！!？?])|(?<=如下[：:]))"
# (only counted: the sentence end is part of the match. A full stop opens most of them: a
# pattern that opens with a literal lets the regex engine skip ahead to it, where an
# alternation that opens with a class is tried at every offset. The two never overlap:
# nothing inside a match can open one.)
_TOP_STOP = re.compile(r"。\s*[一二三四五六七八九十]{1,3}、")
_TOP_OTHER = re.compile(r"(?:[！!？?]|如下[：:])\s*[一二三四五六七八九十]{1,3}、")
_OTHER_OPENERS = ("！", "!", "？", "?", "如下")
_BREAK = re.compile(rf"{_AFTER}\s*(?={_MARKER})")
_MARKER_AT = re.compile(_MARKER)
_GLUED = re.compile(r"[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]是|\d{1,2}(?:、|\.(?!\d))")
_HEADING_MAX = 40  # characters: a heading longer than this is a sentence
# Where a title may end: a title kind, but not 年报, which also stands inside 2023年报告.
_TITLE_END = re.compile(alternation(k for k in TITLE_KINDS if k != "年报"))
_ADDRESSEE = re.compile(r"[^。，,；;！!？?：:]{2,30}[:：]")
_DATE_AT_END = re.compile(
    r"(?:\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日|[〇○零一二三四五六七八九]{4}\s?年[一二三四五六七八九十]{1,3}月"
    r"[一二三四五六七八九十]{1,3}日)\s*(?P<note>[(（][^()（）]{1,20}[)）]\s*)?$"  # (此件公开发布)
)
_CONTINUED = ("的", "报告", "汇报", "如下", "和", "及")
_SIGNATURE_MAX = 60  # characters of body names before a final date
TITLED_RUN_ON_CHARS = 200  # a title and a paragraph on one line: a copy cut short
_RUN_ON_MIN = min(RUN_ON_CHARS, TITLED_RUN_ON_CHARS)
# A stamp glued in front of the text: a short label (no sentence in it) and a web address
# that ends where the Chinese text begins. A government address is the report's own.
# What a report may open with right after such a stamp, besides its title: the addressee,
# body names and a colon (区委、区政府：), as a report without a title line starts.
_ADDRESSEE_OPENING = re.compile(rf"[\u4e00-\u9fff、，,]{{1,30}}(?:{alternation(BODY_SUFFIXES)})[:：]")
_GLUED_STAMP = re.compile(
    r"[^。，,；;！!？?：:\s]{0,24}?(?:https?://|www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)+"
    r"(?:/[a-z0-9_./?=&%#~+-]*)?(?=[^\x00-\x7f])",
    re.IGNORECASE,
)


def is_run_on(line: str) -> bool:
    """A long line holding at least two top-level headings after sentence ends (or 如下：),
    or a title running straight into the text on a line of a paragraph's length or more."""
    if len(line) >= RUN_ON_CHARS and _top_headings(line) >= 2:
        return True
    return len(line) >= TITLED_RUN_ON_CHARS and _title_end(line) is not None


def _top_headings(line: str) -> int:
    """How many top-level headings ``line`` holds after a sentence end (or 如下：), up to
    the two that count."""
    found = len(_TOP_STOP.findall(line))
    if found < 2 and any(opener in line for opener in _OTHER_OPENERS):
        found += len(_TOP_OTHER.findall(line))
    return found


def split_run_on(original: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (lines of ``original``) with every run-on line cut into the lines it lost.

    A stamp glued in front of a title is cut off first (any line). Then only a text that
    lost its line structure is touched: its run-on lines hold most of the text. Cuts fall
    before headings that follow a sentence end (or 如下：), never inside an inline list
    (``主要表现在：一、…；二、…``).
    """
    # (one character first: a text without a w holds no www, and most hold none)
    if (
        ("w" in original and "www" in original)
        or ("W" in original and "WWW" in original)
        or ("h" in original and "http" in original)
    ):
        spans = [piece for start, end in spans for piece in _cut_glued_stamp(original, start, end)]
    run_on = _run_on_lines(original, spans)
    if not run_on:
        return spans
    out: list[tuple[int, int]] = []
    for start, end in spans:
        line = original[start:end]
        if (start, end) not in run_on:
            out.append((start, end))
            continue
        cuts = _cuts(line)
        edges = [0, *cuts, len(line)]
        for a, b in itertools.pairwise(edges):
            piece = line[a:b]
            lead = len(piece) - len(piece.lstrip())
            if piece.strip():
                out.append((start + a + lead, start + b))
    return out


def _run_on_lines(original: str, spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The run-on lines among ``spans`` when they hold half of the text or more, else none.

    The longest lines are looked at first, and the look stops when those left cannot make
    half of the text with the run-on lines found (most texts: after half of it)."""
    long = sorted((span for span in spans if span[1] - span[0] >= _RUN_ON_MIN), key=lambda s: s[0] - s[1])
    total = len(original.strip())
    left = sum(end - start for start, end in long)
    found = 0
    run_on: set[tuple[int, int]] = set()
    for start, end in long:  # (a short line never is one)
        if (found + left) * 2 < total:
            return set()
        left -= end - start
        if is_run_on(original[start:end]):
            run_on.add((start, end))
            found += end - start
    return run_on if run_on and found * 2 >= total else set()


def _cut_glued_stamp(original: str, start: int, end: int) -> list[tuple[int, int]]:
    """The line ``start:end`` as one span, or two when a stamp is glued before the report's
    opening: its title, or its addressee when it has no title."""
    head = min(end, start + 120)
    if (
        original.find("www", start, head) < 0
        and original.find("http", start, head) < 0
        and original.find("WWW", start, head) < 0
    ):
        return [(start, end)]
    line = original[start:end]
    lead = len(line) - len(line.lstrip())
    m = _GLUED_STAMP.match(line, lead)
    if m is None or ".gov" in m.group().lower():
        return [(start, end)]
    rest = line[m.end() :]
    if _title_end(rest) is None and _ADDRESSEE_OPENING.match(rest) is None:
        return [(start, end)]
    return [(start, start + m.end()), (start + m.end(), end)]


def _cuts(line: str) -> list[int]:
    cuts = {m.end() for m in _BREAK.finditer(line)}
    # A heading that lost its line break runs into what follows it: into a sub-heading
    # (``一、主要举措和成效（一）压实责任``) or a first item (``二、存在的不足一是…``). A
    # heading is short and has no sentence end, so the next marker close behind it
    # starts a new line.
    for c in sorted(cuts):
        m = _GLUED.search(line, c + 3, c + _HEADING_MAX)
        if m and not any(p in line[c : m.start()] for p in _END) and _MARKER_AT.match(line, c):
            cuts.add(m.start())
    head = _title_end(line) or 0
    cuts.add(head)
    addressee = _ADDRESSEE.match(line, head)  # after the title, or opening the text
    if addressee:
        cuts.add(addressee.end())
    date = _DATE_AT_END.search(line)
    if date:
        cuts.add(date.start())
        if date.group("note"):
            cuts.add(date.start("note"))
        last_end = max(line.rfind(p, 0, date.start()) for p in "。；;！!？?")
        if last_end >= 0 and 0 < date.start() - last_end - 1 <= _SIGNATURE_MAX:
            cuts.add(last_end + 1)  # the body names between the last sentence and the date
    return sorted(c for c in cuts if 0 < c < len(line))


def _title_end(line: str) -> int | None:
    """Where a title that opens the line ends (``关于2023年度法治政府建设情况的报告``)."""
    for m in _TITLE_END.finditer(line, 0, 100):
        if line.startswith(_CONTINUED, m.end()):
            continue  # 情况的报告, 情况报告, 报告如下: the title goes on
        if is_title_line(fold(line[: m.end()].strip())):
            return m.end()
    return None
