"""Page layout: where the header, the body and the signature block are.

The header is the run of lines before the body: body names (``中共某区委 某区人民政府``),
the title (``关于2023年度法治政府建设情况的报告``), the addressee (``区委、区政府：``). The
signature block is the run of body names and a date at the end. Both are found before
the outline is built, so that the outline covers the body only.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from checklist.ingest.shapes import TITLE_TOPIC, is_date_line, is_org_line, is_title_line, match_marker
from checklist.vocabulary import BODY_SUFFIXES, alternation

_NOTE_LINE = re.compile(r"^\(.{1,40}\)$")
_CJK_FIRST = re.compile(r"[\u4e00-\u9fff]")
_NOT_IN_ADDRESSEE = re.compile(r"[。;!?]|如下|报告|\d")  # what no addressee line holds
# one of several addressees between commas: body names joined by 、 (市委、市政府)
_BODY_PART = re.compile(rf"^[\u4e00-\u9fff、]{{1,30}}(?:{alternation(BODY_SUFFIXES)})$")
_HEADER_MAX = 12  # lines: a header longer than this is body text
_SIGNATURE_MAX = 6  # lines at the end that may be a signature block


@dataclass(frozen=True, slots=True)
class Layout:
    """Line indices of the header and signature, found before the outline is built."""

    body_first: int  # first line of the body (after title/addressee)
    body_stop: int  # first line of the signature block (or len(lines))
    title_line: int | None
    title_end_line: int | None  # the title's last line (a title may wrap onto a second line)
    header_org_lines: tuple[int, ...]
    addressee_line: int | None
    signature_org_lines: tuple[int, ...]
    signature_date_line: int | None


def is_addressee_line(line: str) -> bool:
    """A 主送 line: short, ends with a colon, no sentence punctuation; several bodies may
    be separated by ``、`` or ``,`` (市委、市政府,省司法厅:). A page-field line (``• 索引号:``,
    ``时间:2018-05-03 浏览次数:``) is none: it opens with no name or holds a second colon."""
    if not (2 <= len(line) <= 41 and line.endswith(":") and match_marker(line) is None):
        return False
    names = line[:-1]
    if ":" in names or _NOT_IN_ADDRESSEE.search(names) or not _CJK_FIRST.match(names):
        return False
    return "," not in names or all(_BODY_PART.match(p.strip()) for p in names.split(","))


@dataclass(slots=True)
class _Header:
    title_line: int | None = None
    title_end: int | None = None
    addressee: int | None = None
    orgs: list[int] = field(default_factory=list)
    first: int = 0  # the first line after the header


def locate(text: str, lines: Sequence[tuple[int, int]], breaks: Collection[int] = ()) -> Layout:
    """Find the header and the signature block among the normalised lines.

    ``breaks`` are the lines that page clutter (navigation, page fields) stood right
    before: body names above such a break are the site's banner, not the report's header.
    """
    texts = [text[s:e] for s, e in lines]
    header = _header(texts, breaks)
    first = header.first
    stop, sig_orgs, sig_date = _signature(texts, first)
    return Layout(
        first,
        max(stop, first),
        header.title_line,
        header.title_end,
        tuple(header.orgs),
        header.addressee,
        tuple(sig_orgs),
        sig_date,
    )


def _wrapped_title(texts: Sequence[str], i: int) -> bool:
    """``texts[i]`` and the next line are one title (关于2023年度法治政府建设 / 情况的报告)."""
    line = texts[i]
    return (
        i + 1 < len(texts)
        and not is_addressee_line(line)
        and not is_org_line(line)
        and "。" not in line
        and match_marker(texts[i + 1]) is None  # a sentence, then a heading
        and not is_title_line(texts[i + 1])  # (a column's name above a whole title: 法治政府建设)
        and is_title_line(line + texts[i + 1])
        and bool(TITLE_TOPIC.search(line))
    )


def _header(texts: Sequence[str], breaks: Collection[int]) -> _Header:
    found = _Header()
    i = 0
    while i < min(_HEADER_MAX, len(texts)):
        line = texts[i]
        if i in breaks and found.title_line is None and found.addressee is None:
            found.orgs.clear()  # the names above were the site's banner
        if found.title_line is None and is_title_line(line):
            found.title_line = found.title_end = i
        elif found.title_line is None and _wrapped_title(texts, i):
            found.title_line, found.title_end = i, i + 1
            i += 1
        elif found.addressee is None and is_addressee_line(line):
            found.addressee = i
        elif is_org_line(line) and found.title_line is None and found.addressee is None:
            found.orgs.append(i)
        elif not (is_date_line(line) or _NOTE_LINE.match(line)):
            break
        i += 1
        found.first = i
    return found


def _signature(texts: Sequence[str], first: int) -> tuple[int, list[int], int | None]:
    """The signature block at the end: its first line, its body-name lines, its date line."""
    stop = len(texts)
    sig_orgs: list[int] = []
    sig_date: int | None = None
    for i in range(len(texts) - 1, max(first, len(texts) - _SIGNATURE_MAX) - 1, -1):
        line = texts[i]
        if match_marker(line) is not None:
            break
        if sig_date is None and is_date_line(line):
            sig_date = i
        elif is_org_line(line):
            sig_orgs.insert(0, i)
        elif not (_NOTE_LINE.match(line) and stop == i + 1):
            break
        stop = i
    if sig_date is None and not sig_orgs:
        stop = len(texts)
    return stop, sig_orgs, sig_date
