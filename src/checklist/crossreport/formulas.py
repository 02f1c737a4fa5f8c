"""The genre's formulas: what is left of a sentence once they are taken out.

Every annual report writes the headings the 督察工作规定 prescribes
(``2023年度推进法治政府建设的主要举措和成效``), says what it reports (``现将…报告如下``),
names the 三项制度 and the first-responsible duty and repeats the 纲要's aims. Two
reports that share such a sentence share the genre, not a copy. Counting how many
reports of a batch share a sentence cannot tell them apart (a county's 30 reports are too
few for any share to mean "everybody"), so the formulas are data
(:mod:`checklist.vocabulary`, ``STATUTORY_PART_WORDS`` … ``GENRE_TIME_WORDS``) and a
sentence counts as its issuer's own only when, with the formulas, its dates, its
issuer's name and words like 我镇/本局 taken out, enough characters remain: a name, a
figure, a phrase of its own.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

import ahocorasick_rs

from checklist.vocabulary import (
    BODY_SUFFIXES,
    FIRST_RESPONSIBLE_WORDS,
    GENRE_TERMS,
    GENRE_TIME_WORDS,
    GENRE_VERBS,
    NOT_A_NAME,
    PLACE_NAME_SUFFIXES,
    REPORT_STATEMENT_OPENERS,
    REPORT_STATEMENT_WORDS,
    STATUTORY_PART_WORDS,
    THREE_SYSTEMS_WORDS,
    alternation,
)

#: Characters of its own a shared sentence must keep to count as copied (a name and a
#: figure, or a phrase of its own; the genre's stock sentences keep four or fewer).
MIN_SPECIFIC = 10

_NOISE = re.compile(r"[\W_]+")
# 现将我镇2023年法治政府建设工作情况报告如下 (the words between are the report's subject)
_STATEMENT = re.compile(
    f"(?:{alternation(REPORT_STATEMENT_OPENERS)})\\w{{0,40}}?(?:{alternation(REPORT_STATEMENT_WORDS)})如下"
)
# years, redacted years (****年), months and days: dates say when, not what (the
# lookahead lets the scan skip every position that starts no figure)
_DATES = re.compile(r"(?=[\d*])(?:(?:19|20)\d\d|\*+|\d{1,2}月(?:\d{1,2}日)?)")
_PARTY = "中共"


def _formula_words() -> ahocorasick_rs.AhoCorasick:
    """The formula words and the body's words for itself (我镇, 本局, 全县, 该街道 …): one
    pass takes, left to right, the longest word starting at the leftmost place a word
    starts (leftmost-longest, non-overlapping)."""
    words = {
        *STATUTORY_PART_WORDS,
        *FIRST_RESPONSIBLE_WORDS,
        *THREE_SYSTEMS_WORDS,
        *GENRE_TERMS,
        *GENRE_VERBS,
        *GENRE_TIME_WORDS,
    }
    words |= {f"{me}{kind}" for me in NOT_A_NAME for kind in {*PLACE_NAME_SUFFIXES, *BODY_SUFFIXES}}
    return ahocorasick_rs.AhoCorasick(sorted(words), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)


# an automaton, not a regex alternation of some 400 words: about twice as fast, and the
# check runs on every sentence of every report of a batch
_WORDS = _formula_words()


@lru_cache(maxsize=4096)
def _own_names(issuer: str) -> re.Pattern[str] | None:
    """The issuer's names as a sentence may write them: whole, without the kind of body
    (某镇人民政府 → 某镇), without the place's level (某镇 → 某), each at least two characters."""
    names: set[str] = set()
    for part in unicodedata.normalize("NFKC", issuer).split():
        part = _NOISE.sub("", part).removeprefix(_PARTY)
        stem = _strip_suffix(part, BODY_SUFFIXES)
        names.update((part, stem, _strip_suffix(stem, PLACE_NAME_SUFFIXES)))
    names = {n for n in names if len(n) >= 2}
    return re.compile(alternation(sorted(names, key=len, reverse=True))) if names else None


def _strip_suffix(name: str, suffixes: tuple[str, ...]) -> str:
    for suffix in sorted(suffixes, key=len, reverse=True):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def own_words(sentence: str, issuer: str | None = None) -> str:
    """What ``sentence`` says of its own: the characters left once the genre's formulas,
    dates, ``issuer``'s names, self-references (我镇) and punctuation are taken out."""
    return own_words_of_key(_NOISE.sub("", unicodedata.normalize("NFKC", sentence)), issuer)


def own_words_of_key(key: str, issuer: str | None = None) -> str:
    """:func:`own_words` of a comparison key: text already NFKC-normalised, without
    punctuation or blanks (what :func:`checklist.crossreport.copied.sentence_key` gives),
    so the check costs no second pass over it."""
    key = _without_names_and_dates(key, issuer)
    kept: list[str] = []
    last = 0
    for _word, start, end in _WORDS.find_matches_as_indexes(key):
        kept.append(key[last:start])
        last = end
    kept.append(key[last:])
    return "".join(kept)


def _without_names_and_dates(key: str, issuer: str | None) -> str:
    key = _without_statement(key)
    if issuer:
        names = _own_names(issuer)
        if names is not None:
            key = names.sub("", key)
    return _without_dates(key)


def _without_dates(key: str) -> str:
    return key if key.isalpha() else _DATES.sub("", key)  # isalpha: no figure at all, skip the scan


def is_specific(sentence: str, issuer: str | None = None, min_chars: int = MIN_SPECIFIC) -> bool:
    """Whether ``sentence`` keeps at least ``min_chars`` characters of its own
    (:func:`own_words`): a shared sentence that does not is a formula of the genre."""
    return len(own_words(sentence, issuer)) >= min_chars


def is_specific_key(key: str, issuer: str | None = None, min_chars: int = MIN_SPECIFIC) -> bool:
    """:func:`is_specific` of a comparison key (see :func:`own_words_of_key`)."""
    if min_chars <= 0:
        return True
    found = _OWN.get(key)
    if found is None:
        if len(_OWN) >= _OWN_KEPT:
            _OWN.clear()  # memory stays bounded; the next keys are counted again
        found = _OWN[key] = [_without_statement(key), -1]
    return _specific_count(found, issuer, min_chars)


def _without_statement(key: str) -> str:
    """``key`` without the statement of what is reported (``现将…报告如下``): the first
    step of :func:`own_words_of_key`, which depends on the key alone."""
    return _STATEMENT.sub("", key) if "如下" in key else key  # (the statement ends so)


def _specific_count(counted: list[Any], issuer: str | None, min_chars: int) -> bool:
    """:func:`is_specific_key` of a key from ``counted``: ``[_without_statement(key), n]``,
    ``n`` its own characters when no issuer's name is taken out (-1 not counted yet: it is
    counted here and kept in the list, for the next issuer that writes the same key).

    A key that holds none of ``issuer``'s names keeps the same characters whoever wrote
    it, so a batch whose reports share sentences counts each of them once."""
    stated = counted[0]
    if issuer:
        names = _own_names(issuer)
        if names is not None:
            unnamed, found = names.subn("", stated)
            if found:
                return _own_count(unnamed) >= min_chars
    if counted[1] < 0:
        counted[1] = _own_count(stated)
    return bool(counted[1] >= min_chars)


def _own_count(key: str) -> int:
    """How many characters of ``key`` (its report statement taken out) are no date and no
    formula word: only the count, no string is built."""
    key = _without_dates(key)
    return len(key) - sum(map(len, _WORDS.find_matches_as_strings(key)))


# every key met: without its statement, and its count without an issuer's names (per process)
_OWN: dict[str, list[Any]] = {}
_OWN_KEPT = 1 << 13


__all__ = [
    "MIN_SPECIFIC",
    "is_specific",
    "is_specific_key",
    "own_words",
    "own_words_of_key",
]
