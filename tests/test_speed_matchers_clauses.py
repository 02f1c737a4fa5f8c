"""The clause test's prefilter: a clause without any of ``CUE_START``'s characters is
asserted, so that set must hold the first character of every negation and future cue;
and the engine's clause, found by two searches, is the one between the sentence's breaks."""

from __future__ import annotations

import random
import re
from bisect import bisect_left, bisect_right
from typing import Any

from _samples import SAMPLES, sample_path
from checklist import parse
from checklist.rules.engine import make_context
from checklist.rules.standard import load_standard
from checklist.structure.clauses import (
    CLAUSE_BREAK,
    CUE_START,
    FUTURE,
    NEGATION,
    is_asserted,
    is_future,
    is_negated,
)

_parser: Any = getattr(re, "_parser")  # noqa: B009 - the standard library's pattern parser


def _first_chars(items: Any) -> set[str]:
    """The characters a match of the parsed ``items`` can start with (fails on a
    construct it does not know, so a new kind of cue cannot slip past the test)."""
    out: set[str] = set()
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            out.add(chr(arg))
            return out
        if name == "IN":
            for kind, value in arg:
                assert str(kind) == "LITERAL", f"class member {kind} not handled"
                out.add(chr(value))
            return out
        if name == "BRANCH":
            for alternative in arg[1]:
                out |= _first_chars(alternative)
            return out
        if name == "SUBPATTERN":
            return out | _first_chars(arg[-1])
        if name in ("ASSERT", "ASSERT_NOT", "AT"):
            continue  # zero-width: the next item starts the match
        raise AssertionError(f"pattern item {name} not handled")
    raise AssertionError("a cue that can match the empty string")


def test_every_cue_starts_with_a_prefilter_character() -> None:
    allowed = set(CUE_START.pattern[1:-1])
    for pattern in (NEGATION, FUTURE):
        first = _first_chars(_parser.parse(pattern.pattern))
        assert first, pattern.pattern
        assert first <= allowed, sorted(first - allowed)


def test_is_asserted_is_the_two_tests_on_the_clause() -> None:
    rng = random.Random(14)
    cues = "尚未没有不够不足有待下一步明年将继续计划于拟定力争未来的问题等"
    other = "开展工作完成了建立制度，。；"
    for _ in range(5000):
        text = "".join(rng.choice(cues if rng.random() < 0.4 else other) for _ in range(rng.randint(0, 24)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        clause = text[start:end]
        assert is_asserted(text, start, end) == (not (is_negated(clause) or is_future(clause))), (text, start, end)


def _clause_by_breaks(tables: Any, start: int, end: int) -> tuple[int, int]:
    """The clause as it was found before: from the list of the sentence's breaks (of the
    whole text when ``start`` is outside its sentence), by bisection."""
    si = max(bisect_right(tables.starts, start) - 1, 0)
    s0, s1 = tables.starts[si], tables.ends[si]
    if s0 <= start <= s1:
        breaks = [m.start() for m in CLAUSE_BREAK.finditer(tables.text, s0, s1)]
    else:
        breaks = [m.start() for m in CLAUSE_BREAK.finditer(tables.text)]
    i = bisect_left(breaks, start)
    left = breaks[i - 1] + 1 if i > 0 else s0
    if end > start:
        i = bisect_left(breaks, end, i)
    right = breaks[i] if i < len(breaks) else s1
    return max(left, s0), min(right, s1)


def test_clause_is_the_one_between_the_sentences_breaks() -> None:
    rng = random.Random(14)
    standard = load_standard("national")
    texts = [sample_path(name).read_text(encoding="utf-8") for name in SAMPLES]
    texts.append("第一句，没有句号的第二句；第三句：完了。最后没有结束")
    for raw in texts:
        doc = parse(raw)
        tables = make_context(doc, standard).tables
        n = len(doc.text)
        spans = [(a, a + rng.randint(-3, 40)) for a in (rng.randint(-2, n + 2) for _ in range(3000))]
        spans += [(a, a) for a in range(0, n, 7)]
        for start, end in spans:
            assert tables.clause(start, end) == _clause_by_breaks(tables, start, end), (start, end)
