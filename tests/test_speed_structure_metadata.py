"""The opening's merge without new objects fills what the field-by-field merge filled."""

from __future__ import annotations

import itertools

from checklist.structure.opening import NOTHING, Opening


def test_merged_fills_unknowns_field_by_field() -> None:
    values = [Opening(s, lv, y) for s, lv, y in itertools.product([None, (1, 3)], [None, "county"], [None, (5, 10)])]
    values += [Opening((2, 4), "township", (6, 8))]
    for a, b in itertools.product(values, repeat=2):
        expected = Opening(a.subject or b.subject, a.own_level or b.own_level, a.year or b.year)
        assert a.merged(b) == expected
    assert Opening() == NOTHING and NOTHING.merged(values[-1]) == values[-1]
