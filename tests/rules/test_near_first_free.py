"""near's word pick searches each word's occurrences apart; it must give the answer of
one search over all the group's occurrences merged and sorted (what it did before)."""

from __future__ import annotations

import random
from bisect import bisect_left

from checklist.rules.matchers.near import _first_free


def _merged_first_free(
    present: tuple[tuple[str, int, list[int]], ...],
    u0: int,
    u1: int,
    used: list[tuple[int, int]],
    refused: set[tuple[int, int]] | None,
) -> tuple[int, int, str] | None:
    spans = sorted((p, p + n, t) for t, n, at in present for p in at)
    i = bisect_left(spans, (u0, -1, ""))
    while i < len(spans):
        s0, s1, t = spans[i]
        if s0 >= u1:
            return None
        i += 1
        if s1 > u1 or any(s1 > a and s0 < b for a, b in used):
            continue
        if refused is not None and (s0, s1) in refused:
            continue
        return s0, s1, t
    return None


def test_first_free_is_the_merged_search() -> None:
    rng = random.Random(14)
    for _ in range(3000):
        words = rng.sample(["a", "ab", "abc", "b", "bc", "c", "cab"], rng.randint(1, 4))
        present = tuple((w, len(w), sorted(rng.sample(range(40), rng.randint(1, 8)))) for w in words)
        u0 = rng.randint(0, 35)
        u1 = u0 + rng.randint(0, 15)
        used = [(a, a + rng.randint(1, 4)) for a in rng.sample(range(40), rng.randint(0, 3))]
        # a clause is refused (negated) when its bounds are in this set
        refused = (
            {(a, a + n) for a in range(40) for n in range(1, 4) if rng.random() < 0.1} if rng.random() < 0.5 else None
        )
        asserted = None if refused is None else (lambda bounds, r=refused: bounds not in r)
        got = _first_free(present, u0, u1, used, asserted, lambda s, e: (s, e))
        assert got == _merged_first_free(present, u0, u1, used, refused)
