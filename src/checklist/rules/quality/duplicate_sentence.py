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

# a key keeps the word characters (those of \w but _): the runs of them joined, which is
# the text without its [\W_] runs, read faster (one match per run of words instead of a
# failed attempt at every word character)
_WORDS = re.compile(r"[^\W_]+")
_NOISE = re.compile(r"[\W_]+")  # what a key leaves out (crossreport.copied keys its sentences with it)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_DIGITS = re.compile(r"\d+")


class Params(CheckParams):
    """Parameters of the duplicate-sentence check."""

    similarity: float = Field(default=0.9, gt=0, le=1)
    min_chars: int = Field(default=12, ge=4)


def _keyed(ctx: Context, min_chars: int) -> list[tuple[str, int, int, frozenset[str], str]]:
    """``(key, start, end, part, digits)`` of every sentence long enough to compare: the
    key is the sentence without its marker and its [\\W_] runs (``_WORDS``' matches
    joined), the part its region kinds, the work kinds as one, and ``digits`` the key's
    digits (two keys with the same numbers have the same digits).

    Plain regexes over each sentence, read in place (no slice). One numpy pass over the
    whole text was 18 µs a report faster but made the first audit of every process
    import numpy (about 0.13 s of CPU, a third more for a one-file ``checklist audit``)."""
    doc = ctx.doc
    table = ctx.tables.kinds
    full = doc.text
    starts, ends, _ = doc.sentence_columns()
    lead = LEADING_MARKER.match
    words = _WORDS.findall
    figures = _DIGITS.findall
    keyed: list[tuple[str, int, int, frozenset[str], str]] = []
    for si, start in enumerate(starts):
        end = ends[si]
        if end - start < min_chars:
            continue  # its key, a part of it, is shorter still
        kinds = table[si]
        if not _FRAME.isdisjoint(kinds):
            continue
        m = lead(full, start, end)
        if m is not None:
            start = m.end()
        key = "".join(words(full, start, end))
        if len(key) >= min_chars:
            # a key of letters only has no digit (\d characters are not alphabetic)
            digits = "" if key.isalpha() else "".join(figures(key))
            keyed.append((key, start, end, _WORK if kinds <= _WORK else kinds, digits))
    return keyed


def _candidates(keyed: list[tuple[str, int, int, frozenset[str], str]], similarity: float) -> list[tuple[int, int]]:
    """The pairs of keys similar enough that carry the same numbers, in the order the
    check judges them: by the position of the shorter key in the keys sorted by length
    (``sorted`` keeps ties in text order), then by score (higher first), then by the
    longer key's position.

    A pair is scored only when both keys stand in the same part and have the same
    digits (what the check requires of a pair anyway: grouping by them first leaves
    about a fifth of the pairs) and when the longer key is no longer than the shorter
    one allows (``len / similarity``)."""
    lengths = [len(k[0]) for k in keyed]
    order = sorted(range(len(keyed)), key=lengths.__getitem__)
    groups: dict[tuple[frozenset[str], str], list[int]] = {}
    for pos, i in enumerate(order):
        groups.setdefault((keyed[i][3], keyed[i][4]), []).append(pos)
    cutoff = 100 * similarity
    found: list[tuple[int, float, int]] = []
    for members in groups.values():
        if len(members) < 2:
            continue
        keys = [keyed[order[pos]][0] for pos in members]
        sizes = [lengths[order[pos]] for pos in members]
        for x, key_a in enumerate(keys):
            stop = bisect_right(sizes, sizes[x] / similarity, lo=x + 1)
            for y in range(x + 1, stop):
                score = fuzz.ratio(key_a, keys[y], score_cutoff=cutoff)
                if score >= cutoff and _NUMBER.findall(key_a) == _NUMBER.findall(keys[y]):
                    found.append((members[x], -score, members[y]))
    found.sort()
    return [(order[a], order[b]) for a, _score, b in found]


def check(ctx: Context, params: Params) -> list[Issue]:
    """One issue per sentence that repeats an earlier one."""
    doc = ctx.doc
    keyed = _keyed(ctx, params.min_chars)
    issues: list[Issue] = []
    repeated: set[int] = set()
    for a, b in _candidates(keyed, params.similarity):
        first, second = (a, b) if keyed[a][1] < keyed[b][1] else (b, a)
        if second in repeated:
            continue
        repeated.add(second)
        one, two = keyed[first], keyed[second]
        issues.append(
            Issue(
                "quality.duplicate_sentence",
                {"other": doc.quote(two[1], two[2])[0]},
                (Hit(one[1], one[2]), Hit(two[1], two[2])),
            )
        )
    issues.sort(key=lambda i: i.hits[0].start)
    return issues
