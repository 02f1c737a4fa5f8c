"""``quality.duplicate_sentence``: the same or nearly the same sentence twice.

Sentences are compared without outline markers, punctuation and blanks; two are the
same when rapidfuzz's ratio is at least ``similarity`` (``清理取消了…`` vs ``清理取消…``),
they carry the same numbers (a sentence repeated with other figures is a new fact) and
they stand in the same part (the plan may restate a heading of the year's work). The
parts that report the year's work (measures, the first-responsible part, the opening)
are one part: a figure told in the measures and again in the leaders' part is repeated.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from pydantic import Field
from rapidfuzz import fuzz

from checklist.rules.matchers.base import Context, Hit
from checklist.rules.quality.base import LEADING_MARKER, CheckParams, Issue
from checklist.structure.sections import HEADER, SCOPES, SIGNATURE

_WORK = SCOPES["work"]
_FRAME = frozenset({HEADER, SIGNATURE})  # the report's header and signature are not compared

# a key keeps the word characters (those of \w but _): the runs of _WORDS joined, without
# their _ and the two marks a run may hold (one match per run instead of a failed
# attempt at every word character). The CJK ideographs' block comes first in the class:
# every character of it is a word character, so the engine tests most characters of a
# report with one range instead of a lookup of their Unicode category. The comma and the
# enumeration comma, about three a sentence, are in the class and dropped by replace
# after: each run the regex ends costs more than the two replaces (callgrind, samples:
# 1.76 M -> 1.57 M instructions a report; the brackets and quotes as well: 1.64 M).
_WORDS = re.compile(r"[\u4e00-\u9fff,、\w]+")
_NOISE = re.compile(r"[\W_]+")  # what a key leaves out (crossreport.copied keys its sentences with it)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_DIGITS = re.compile(r"\d+")
_ASCII_LETTERS = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))
# every character LEADING_MARKER can match first, but the decimal digits (\d): a sentence
# opening with another one has no marker (tests/test_quality.py holds the set to the pattern)
_MARKER_FIRST = "第(①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳❶❷❸❹❺❻❼❽❾❿➀➁➂➃➄➅➆➇➈➉一二三四五六七八九十百"


class Params(CheckParams):
    """Parameters of the duplicate-sentence check."""

    similarity: float = Field(default=0.9, gt=0, le=1)
    min_chars: int = Field(default=12, ge=4)


# a key to compare: (its length, the start and end of its sentence after the marker, the key)
Key = tuple[int, int, int, str]


def _groups(ctx: Context, min_chars: int) -> list[list[Key]]:
    """The keys of the sentences long enough to compare, by part and digits, each group
    of two or more sorted by length and then text order (the sentences' starts).

    A key is the sentence without its marker and its [\\W_] characters; the part is the
    sentence's region kinds, the work kinds as one; the digits are the key's (two keys
    with the same numbers have the same digits). A pair of keys is judged only within a
    group: what the check requires of a pair anyway (it leaves about a fifth of the
    pairs), and the keys of a group of one are never compared.

    Plain regexes over each sentence, read in place (no slice). One numpy pass over the
    whole text was 18 µs a report faster but made the first audit of every process
    import numpy (about 0.13 s of CPU, a third more for a one-file ``checklist audit``)."""
    doc = ctx.doc
    table = ctx.tables.kinds
    full = doc.text
    starts, ends, _ = doc.sentence_columns()
    # the part each distinct set of region kinds is compared in (None: not compared)
    parts: dict[frozenset[str], frozenset[str] | None] = {}
    for kinds in set(table):
        parts[kinds] = None if not _FRAME.isdisjoint(kinds) else _WORK if kinds <= _WORK else kinds
    lead = LEADING_MARKER.match
    firsts = _MARKER_FIRST
    words = _WORDS.findall
    # first grouped by the key's ASCII digits (None: letters only, so no digit at all),
    # cheap to take; a group is split by all of its keys' digits only when that can
    # matter (below)
    groups: dict[tuple[frozenset[str], bytes | None], list[Key]] = {}
    for start, end, kinds in zip(starts, ends, table, strict=True):
        if end - start < min_chars:
            continue  # its key, a part of it, is shorter still
        part = parts[kinds]
        if part is None:
            continue
        first = full[start]
        if first in firsts or first.isdecimal():
            m = lead(full, start, end)
            if m is not None:
                start = m.end()
        key = "".join(words(full, start, end)).replace(",", "").replace("、", "")
        if "_" in key:
            key = key.replace("_", "")
        size = len(key)
        if size < min_chars:
            continue
        # a key of letters only has no digit (\d characters are not alphabetic); the
        # ASCII characters of a key are letters and digits
        group = (part, None if key.isalpha() else key.encode("ascii", "ignore").translate(None, _ASCII_LETTERS))
        members = groups.get(group)
        if members is None:
            groups[group] = [(size, start, end, key)]
        else:
            members.append((size, start, end, key))
    return _by_digits(groups)


def _by_digits(groups: dict[tuple[frozenset[str], bytes | None], list[Key]]) -> list[list[Key]]:
    """The groups of two or more keys by part and all digits, sorted, from the groups by
    part and ASCII digits: keys with the same digits have the same ASCII digits, so a key
    alone with its ASCII digits has no partner, unless it has none (its digits may then
    be none too, as a key of letters only has)."""
    figures = _DIGITS.findall
    exact: dict[tuple[frozenset[str], str], list[Key]] = {}
    for (part, ascii_digits), members in groups.items():
        if ascii_digits is None:
            found = exact.get((part, ""))
            if found is None:
                exact[(part, "")] = members
            else:
                found.extend(members)
        elif len(members) > 1 or not ascii_digits:
            for member in members:
                exact.setdefault((part, "".join(figures(member[3]))), []).append(member)
    out = [members for members in exact.values() if len(members) > 1]
    for members in out:
        members.sort()  # by length, then start: the starts differ, keys are never compared
    return out


def _candidates(groups: list[list[Key]], similarity: float) -> list[tuple[Key, Key]]:
    """The pairs of keys similar enough that carry the same numbers, in the order the
    check judges them: by the shorter key's place among all keys sorted by length and
    then text order, then by score (higher first), then by the longer key's place.

    A pair is scored only within a group (:func:`_groups`) and when the longer key is no
    longer than the shorter one allows: the ratio of keys of lengths ``a <= b`` is at
    most ``2a / (a + b)``, so ``b <= a (2 - similarity) / similarity`` (at 0.9, 1.22
    times; keys of 55 and 61 characters can score 91.8)."""
    cutoff = 100 * similarity
    longest = (2 - similarity) / similarity + 1e-9  # a bound met exactly stays in
    ratio = fuzz.ratio
    found: list[tuple[Key, float, Key]] = []
    for members in groups:
        sizes = [m[0] for m in members]
        for x, one in enumerate(members):
            key = one[3]
            for y in range(x + 1, bisect_right(sizes, one[0] * longest, x + 1)):
                two = members[y]
                score = ratio(key, two[3], score_cutoff=cutoff)
                if score >= cutoff and _NUMBER.findall(key) == _NUMBER.findall(two[3]):
                    found.append((one, -score, two))
    # a key's (length, start) orders it as its place does; two keys never tie on both
    found.sort()
    return [(one, two) for one, _score, two in found]


def check(ctx: Context, params: Params) -> list[Issue]:
    """One issue per sentence that repeats an earlier one."""
    doc = ctx.doc
    issues: list[Issue] = []
    repeated: set[int] = set()
    for a, b in _candidates(_groups(ctx, params.min_chars), params.similarity):
        first, second = (a, b) if a[1] < b[1] else (b, a)
        if second[1] in repeated:
            continue
        repeated.add(second[1])
        issues.append(
            Issue(
                "quality.duplicate_sentence",
                {"other": doc.quote(second[1], second[2])[0]},
                (Hit(first[1], first[2]), Hit(second[1], second[2])),
            )
        )
    issues.sort(key=lambda i: i.hits[0].start)
    return issues
