"""quality.duplicate_sentence after the speed work of issue 14: the marker prefilter is
exact, and the check finds what the plain algorithm it replaced finds, in its order."""

from __future__ import annotations

import random
import re

from rapidfuzz import fuzz

import checklist
from checklist.rules.engine import make_context
from checklist.rules.matchers.base import Context
from checklist.rules.quality import duplicate_sentence
from checklist.rules.quality.base import LEADING_MARKER, strip_marker
from checklist.rules.standard import load_standard
from checklist.structure.sections import HEADER, SCOPES, SIGNATURE
from test_clutter import _first_class


def test_marker_prefilter_holds_every_first_character_of_the_marker() -> None:
    """A sentence whose first character is neither in ``_MARKER_FIRST`` nor a decimal
    digit cannot open with a marker: every character the pattern can start with is one."""
    import sys
    from re import _parser  # type: ignore[attr-defined]

    every = "".join(chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp < 0xE000)
    first = _first_class(list(_parser.parse(LEADING_MARKER.pattern)))
    could_start = set(re.compile("[" + "".join(first) + "]").findall(every))
    assert could_start
    assert all(ch in duplicate_sentence._MARKER_FIRST or ch.isdecimal() for ch in could_start)
    # and the prefilter is no wider than it needs: each of its characters can open a marker
    assert all(ch in could_start for ch in duplicate_sentence._MARKER_FIRST)


def _reference(ctx: Context, similarity: float, min_chars: int) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The check as it was written before (a key per sentence cut out, every pair of the
    keys sorted by length, filtered; no length window, so the check's window must drop no
    pair that scores), as pairs of spans in the order of its issues."""
    doc = ctx.doc
    work = SCOPES["work"]
    keyed = []
    for si, s in enumerate(doc.sentences):
        kinds = ctx.tables.kinds[si]
        if kinds & {HEADER, SIGNATURE}:
            continue
        body, cut = strip_marker(doc.text[s.start : s.end])
        key = re.sub(r"[\W_]+", "", body)
        if len(key) >= min_chars:
            part = work if kinds <= work else kinds
            keyed.append((key, s.start + cut, s.end, part, "".join(c for c in key if c.isdecimal())))
    order = sorted(range(len(keyed)), key=lambda i: len(keyed[i][0]))
    cutoff = 100 * similarity
    found = []
    for x, a in enumerate(order):
        for y in range(x + 1, len(order)):
            b = order[y]
            one, two = keyed[a], keyed[b]
            if (one[3], one[4]) != (two[3], two[4]):  # every pair of a part and digits, any lengths
                continue
            score = fuzz.ratio(one[0], two[0])
            numbers = re.compile(r"\d+(?:\.\d+)?").findall
            if score >= cutoff and numbers(one[0]) == numbers(two[0]):
                found.append((x, -score, y))
    found.sort()
    out = []
    repeated = set()
    for x, _score, y in found:
        first, second = sorted((keyed[order[x]], keyed[order[y]]), key=lambda k: k[1])
        if second[1] in repeated:
            continue
        repeated.add(second[1])
        out.append(((first[1], first[2]), (second[1], second[2])))
    out.sort(key=lambda pair: pair[0][0])
    return out


_PIECES = [
    "全面清理行政审批中介服务收费项目",
    "全面清理了行政审批中介服务收费项目",
    "开展法治宣传活动",
    "开展“法治宣传”活动",
    "覆盖群众12.5万人",
    "覆盖群众13万人",
    "12",
    "٣٤",
    "߁",  # a decimal digit outside ASCII
    "〇",  # a number that is neither a letter nor a decimal digit (no digit in the key)
    "_",
    "，",
    "、",
    " ",
    "一是",
    "（一）",
    "1.",
    "①",
    "健全制度",
    "建设规范性文件",
]


def _text(rng: random.Random) -> str:
    heads = ["一、主要做法\n", "二、存在的不足\n", "三、下一步工作安排\n"]
    sentences = ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 5))) + "。" for _ in range(12)]
    parts = []
    for head in heads:
        parts.append(head)
        for _ in range(rng.randint(0, 8)):
            parts.append(rng.choice(sentences) + ("\n" if rng.random() < 0.3 else ""))
    return "关于2023年度法治政府建设情况的报告\n区委、区政府：\n" + "".join(parts) + "\n某某镇人民政府\n"


def test_check_finds_what_the_plain_algorithm_finds() -> None:
    """On random reports made of near copies (markers, digits, _, other digits and numbers), the
    issues are the plain algorithm's, in its order, for several thresholds."""
    rng = random.Random(1414)
    standard = load_standard("national")
    found = 0
    for n in range(400):
        doc = checklist.parse(_text(rng))
        ctx = make_context(doc, standard)
        similarity = (0.9, 0.8, 0.95)[n % 3]
        min_chars = (12, 4)[n % 2]
        params = duplicate_sentence.Params(similarity=similarity, min_chars=min_chars)
        got = [
            ((i.hits[0].start, i.hits[0].end), (i.hits[1].start, i.hits[1].end))
            for i in duplicate_sentence.check(ctx, params)
        ]
        assert got == _reference(ctx, similarity, min_chars), doc.text
        found += len(got)
    assert found > 200
