"""The clause test's prefilter: a clause without any of ``CUE_START``'s characters is
asserted, so that set must hold the first character of every negation and future cue."""

from __future__ import annotations

import random
import re
from typing import Any

from checklist.structure.clauses import CUE_START, FUTURE, NEGATION, is_asserted, is_future, is_negated

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
