"""Chinese numerals and dates: ``十二`` → 12, ``二〇二四年一月十六日`` → 2024-01-16.

Small and exact on what reports use (years digit by digit, months and days up to
三十一, counts below 十万); anything else is ``None`` rather than a guess.
"""

from __future__ import annotations

import datetime as dt
import re

_DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}

CN_DIGIT_CLASS = "〇○零一二三四五六七八九"
CN_NUMBER_CLASS = "〇○零一二两三四五六七八九十百千万"

DATE_RE = re.compile(
    r"(?P<y>\d{4}|[〇○零一二三四五六七八九]{4})\s?年\s?"
    r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s?月\s?"
    r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s?日"
)
ISO_DATE_RE = re.compile(r"(?P<y>\d{4})\s?[-/.]\s?(?P<m>\d{1,2})\s?[-/.]\s?(?P<d>\d{1,2})")
YEAR_RE = re.compile(r"(?P<y>(?:19|20)\d{2}|[〇○零一二][〇○零一二三四五六七八九]{3})\s?年")


def cn_to_int(text: str) -> int | None:
    """Value of a Chinese numeral (``十二``, ``一百零五``, ``两万``) or ``None``."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if all(c in _DIGITS for c in text):
        if len(text) == 1:
            return _DIGITS[text]
        return int("".join(str(_DIGITS[c]) for c in text))  # digit by digit: 二〇二四
    total = 0
    section = 0
    number = 0
    seen_unit = False
    for c in text:
        if c in _DIGITS:
            number = _DIGITS[c]
        elif c in _UNITS:
            unit = _UNITS[c]
            seen_unit = True
            if unit == 10000:
                section = (section + number) * unit
                total += section
                section = 0
            else:
                section += (number or 1) * unit
            number = 0
        else:
            return None
    if not seen_unit:
        return None
    return total + section + number


def year_value(text: str) -> int | None:
    """A four-digit year written in Arabic or Chinese digits."""
    value = cn_to_int(text)
    return value if value is not None and 1900 <= value <= 2100 else None


def make_date(y: str, m: str, d: str) -> dt.date | None:
    """A date from its parts in Arabic or Chinese numerals; ``None`` if invalid."""
    year, month, day = year_value(y), cn_to_int(m), cn_to_int(d)
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_date(text: str) -> tuple[dt.date, int, int] | None:
    """The first valid date in ``text`` (年月日 or ISO form) with its span."""
    for pattern in (DATE_RE, ISO_DATE_RE):
        for m in pattern.finditer(text):
            date = make_date(m.group("y"), m.group("m"), m.group("d"))
            if date is not None:
                return date, m.start(), m.end()
    return None
