"""FIGURE opens with the class of its first character (a search prefix for the regex
engine); it must find exactly what the plain form of the pattern finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checklist.rules.matchers.base import FIGURE

_NUMERALS = "一二两三四五六七八九十百千万"
_UNITS = FIGURE.pattern[FIGURE.pattern.index(r"(?:%|‰") :]
# the plain form: the look-behind before the number, two branches, then the unit
PLAIN = re.compile(rf"(?<![\d.])(?:\d+(?:\.\d+)?(?:万|亿|千)?|[{_NUMERALS}]+)\s?(?:余|多)?\s?" + _UNITS)

# digits of several scripts (٣ is an Arabic-Indic three, ３ a full-width one), points,
# numerals, blanks, units and other text
_ALPHABET = list("0123456789.．٣３ \n余多万亿千元件次项个人场名，。、年a") + list(_NUMERALS) + ["人次", "个工作日", "%"]
_TEXT = st.lists(st.sampled_from(_ALPHABET), max_size=16).map("".join)


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@settings(max_examples=3000, deadline=None)
@given(_TEXT, st.data())
def test_same_matches_as_the_plain_pattern(text: str, data: st.DataObject) -> None:
    assert spans(FIGURE, text) == spans(PLAIN, text)
    # a search inside a span (as the matchers search a clause) looks behind its start
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    got, want = FIGURE.search(text, start, end), PLAIN.search(text, start, end)
    assert (got and got.span()) == (want and want.span())


def test_passages() -> None:
    assert [m.group() for m in FIGURE.finditer("全年办理复议案件12件，培训三百余人次。")] == ["12件", "三百余人次"]
    assert [m.group() for m in FIGURE.finditer("增长3.5万元，开展两场")] == ["3.5万元", "两场"]
    # no figure inside another number: 2023年 is no unit, and 023件 is part of 1023件
    assert [m.group() for m in FIGURE.finditer("2023年共1023件")] == ["1023件"]
    assert FIGURE.search("٣四五\n人") is not None and FIGURE.search("٣四五\n人").span() == (2, 5)  # type: ignore[union-attr]
    assert FIGURE.search("进一步加强法治宣传") is None
