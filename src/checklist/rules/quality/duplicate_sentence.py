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
from rapidfuzz import fuzz, process

from checklist.rules.matchers.base import Context, Hit
from checklist.rules.quality.base import CheckParams, Issue, strip_marker
from checklist.structure.sections import HEADER, SCOPES, SIGNATURE

_WORK = SCOPES["work"]
_FRAME = frozenset({HEADER, SIGNATURE})  # the report's header and signature are not compared

# a key keeps the word characters (those of \w but _): the runs of them joined, which is
# the text without its [\W_] runs, read faster (one match per run of words instead of a
# failed attempt at every word character)
_WORDS = re.compile(r"[^\W_]+")
_NOISE = re.compile(r"[\W_]+")  # what a key leaves out (crossreport.copied keys its sentences with it)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


class Params(CheckParams):
    """Parameters of the duplicate-sentence check."""

    similarity: float = Field(default=0.9, gt=0, le=1)
    min_chars: int = Field(default=12, ge=4)


def check(ctx: Context, params: Params) -> list[Issue]:
    """One issue per sentence that repeats an earlier one."""
    doc = ctx.doc
    # key, start, end, part (region kinds, the work kinds as one); a key's numbers are
    # read only for the pairs similar enough to be compared
    keyed: list[tuple[str, int, int, frozenset[str]]] = []
    table = ctx.tables.kinds
    min_chars = params.min_chars
    full = doc.text
    for si, s in enumerate(doc.sentences):
        if s.end - s.start < min_chars:
            continue  # its key, a part of it, is shorter still
        kinds = table[si]
        if not _FRAME.isdisjoint(kinds):
            continue
        text, cut = strip_marker(full[s.start : s.end])
        key = "".join(_WORDS.findall(text))
        if len(key) >= min_chars:
            part = _WORK if kinds <= _WORK else kinds
            keyed.append((key, s.start + cut, s.end, part))
    issues: list[Issue] = []
    repeated: set[int] = set()
    lengths_of = [len(k[0]) for k in keyed]
    order = sorted(range(len(keyed)), key=lengths_of.__getitem__)
    lengths = [lengths_of[i] for i in order]
    keys = [keyed[i][0] for i in order]  # the keys by length, windows are slices of it
    cutoff = 100 * params.similarity
    similarity = params.similarity
    for a_pos, a in enumerate(order):
        key_a = keys[a_pos]
        # only sentences whose length allows the similarity can match; rapidfuzz
        # scores that window in one call
        stop = bisect_right(lengths, lengths[a_pos] / similarity, lo=a_pos + 1)
        if stop <= a_pos + 1:
            continue
        window = keys[a_pos + 1 : stop]
        for _choice, _score, k in process.extract(key_a, window, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None):
            b = order[a_pos + 1 + k]
            first, second = (a, b) if keyed[a][1] < keyed[b][1] else (b, a)
            if second in repeated or _NUMBER.findall(keyed[a][0]) != _NUMBER.findall(keyed[b][0]):
                continue
            if keyed[a][3] != keyed[b][3]:
                continue  # a plan restating a heading of the work part is not a copy
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
