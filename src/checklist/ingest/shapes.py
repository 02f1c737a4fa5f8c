"""Line shapes: whether a line looks like a heading, a title, a line of body names or a date.

Both the ingest steps (clutter, run-on splitting) and the structure steps (outline,
header and signature) ask these questions, so they are answered once, here, from the
tables of :mod:`checklist.vocabulary`. Lines are normalised (half-width brackets and
colons, single spaces).
"""

from __future__ import annotations

import re

from checklist.vocabulary import (
    BODY_SUFFIXES,
    CITING_OPENERS,
    HEADING_MARKERS,
    TITLE_KINDS,
    TITLE_TOPICS,
    alternation,
)

# The heading markers as one anchored alternation, tried in rank order (the first form
# that matches wins, as trying them one by one would): one regex call per line, not five.
_MARKER_NAMES = {f"r{i}": rank for i, (rank, _source) in enumerate(HEADING_MARKERS)}
_ANY_MARKER = re.compile(
    "^(?:" + "|".join(f"(?P<r{i}>{source})" for i, (_rank, source) in enumerate(HEADING_MARKERS)) + ")"
)
# The same without its anchor, for a line inside a longer text: match() at a position is
# anchored there, and no form looks behind its start (a test compares the two).
_ANY_MARKER_AT = re.compile(
    "(?:" + "|".join(f"(?P<r{i}>{source})" for i, (_rank, source) in enumerate(HEADING_MARKERS)) + ")"
)
TITLE_KIND = re.compile(alternation(TITLE_KINDS))
TITLE_TOPIC = re.compile(alternation(TITLE_TOPICS))
SENTENCE_PUNCT = re.compile(r"[。,，;；!！?？]")  # what makes a line a sentence
_BODY_NAME = re.compile(rf"(?:{alternation(BODY_SUFFIXES)})$")
_DATE_LINE = re.compile(
    r"^\(?\s?(?:\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日|[〇○零一二三四五六七八九]{4}\s?年"
    r"\s?[一二三四五六七八九十]{1,3}\s?月\s?[一二三四五六七八九十]{1,3}\s?日)\s?\)?$"
)


def match_marker(line: str) -> tuple[int, str] | None:
    """``(rank, marker)`` when ``line`` starts with an outline marker."""
    m = _ANY_MARKER.match(line)
    if m is None:
        return None
    name = m.lastgroup
    assert name is not None
    return _MARKER_NAMES[name], m.group(name)


def match_marker_at(text: str, start: int, end: int) -> tuple[int, str] | None:
    """:func:`match_marker` of the line ``text[start:end]``, without making the line."""
    m = _ANY_MARKER_AT.match(text, start, end)
    if m is None:
        return None
    name = m.lastgroup
    assert name is not None
    return _MARKER_NAMES[name], m.group(name)


def is_title_line(line: str) -> bool:
    """A title line: names a report and rule of law, not a sentence, not too long."""
    return (
        8 <= len(line) <= 100
        and bool(TITLE_KIND.search(line))
        and bool(TITLE_TOPIC.search(line))
        and not line.endswith((":", "。", ";", ","))
        and match_marker(line) is None
        and line.count(",") == 0
        and not line.startswith(CITING_OPENERS)
    )


def is_org_line(line: str) -> bool:
    """A line made only of body names (``中共某区委 某区人民政府``)."""
    if not line or len(line) > 70 or SENTENCE_PUNCT.search(line) or ":" in line:
        return False
    parts = line.split(" ")
    return all(len(p) >= 3 and _BODY_NAME.search(p) for p in parts)


def is_date_line(line: str) -> bool:
    """A line that is only a date (the signature date)."""
    return bool(_DATE_LINE.match(line))
