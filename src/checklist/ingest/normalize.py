"""Normalisation with an offset map back to the original text.

Matching works on a normalised copy of the text: NFKC width folding (``（一）`` →
``(一)``, full-width digits and colons), one kind of quote, runs of blanks collapsed to
one space, blank lines dropped, the single space PDF extraction puts between Chinese and
a number (``关于 2019 年度``, ``领学 6 次``) dropped, the pinyin some mirror sites print after
a character (``鎮(zhèn)``) dropped, and traditional → simplified when the text is mostly
in traditional characters (or when asked). Evidence must quote the
*original*, so every normalised character remembers where it came from.

Traditional characters (a mirror site, a Big5 file) are detected by counting, on a
sample, characters that only traditional text writes (``vocabulary.TRADITIONAL_MARKERS``):
a simplified report that quotes a few stays as it is and pays one regex scan. The text
is then converted with OpenCC ``t2s`` line by line; its conversion is character for
character almost always (offsets unchanged), and a line whose length a phrase
conversion changed is mapped as one piece.

The map is a list of segments. A *copy* segment is a run of characters that the
normalisation left alone (offsets shift by a constant); a *replaced* segment is what
one original run became (``⑴`` → ``(1)``, ``　　`` → `` ``): any position inside it maps
to the whole original run. Mapping is a binary search, so it stays cheap on long texts.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from checklist.document import OffsetMap
from checklist.vocabulary import NUMBER_UNITS, TRADITIONAL_MARKERS

# Circled numbers (①) are outline markers in their own right; NFKC would turn them
# into plain digits and glue them to the text, so they are kept as they are.
_KEEP = frozenset(
    chr(c) for lo, hi in ((0x2460, 0x2473), (0x24EA, 0x24FF), (0x2776, 0x2793)) for c in range(lo, hi + 1)
)
_QUOTES = {
    "“": '"',
    "”": '"',
    "„": '"',
    "‟": '"',
    "″": '"',
    "「": '"',
    "」": '"',
    "『": '"',
    "』": '"',
    "〝": '"',
    "〞": '"',
    "‘": "'",
    "’": "'",
    "‚": "'",
    "‛": "'",
}
_BLANK_CHARS = (
    " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\ufeff\u200b\u200c\u200d\u2060\x0b\x0c"
)
_BLANK_CLASS = "[" + re.escape(_BLANK_CHARS) + "]+"
_BLANK_SET = frozenset(_BLANK_CHARS)
_ZERO_WIDTH_CHARS = "\ufeff\u200b\u200c\u200d\u2060"
_ZERO_WIDTH = frozenset(_ZERO_WIDTH_CHARS)
_TEXT = itemgetter(0)  # a piece's text


@lru_cache(maxsize=65536)
def _fold(ch: str) -> str:
    if ch in _KEEP:
        return ch
    if ch in _QUOTES:
        return _QUOTES[ch]
    out = unicodedata.normalize("NFKC", ch)
    # NFKC turns some symbols into blanks or quotes of their own; fold those too.
    return "".join(_QUOTES.get(c, c) for c in out)


class NormalizedLine(NamedTuple):
    """One line of the original, normalised: its text and its pieces. (A named tuple:
    a report has a few hundred lines, made in a tight loop and read only by the ingest
    stage, and a tuple costs half a frozen dataclass to make.)"""

    text: str
    orig_start: int
    orig_end: int
    # (normalised text, original start, original end, is_copy) pieces in order
    pieces: tuple[tuple[str, int, int, bool], ...]


class Normalized(NamedTuple):
    """The normalised lines of a text in the compact form the ingest stage reads: most
    lines are their original span folded one for one (one copy piece), and only the
    others (blanks, glosses, characters that fold to another length, a converted line)
    are made into a :class:`NormalizedLine`."""

    texts: list[str]  # each line's normalised text ("" for a blank line)
    spans: Sequence[tuple[int, int]]  # each line's original span
    marked: dict[int, NormalizedLine]  # the lines that are not one copy of their span, by index

    def line(self, i: int) -> NormalizedLine:
        """Line ``i`` as a :class:`NormalizedLine` (one copy piece unless it is marked)."""
        line = self.marked.get(i)
        if line is None:
            text, (start, end) = self.texts[i], self.spans[i]
            line = tuple.__new__(NormalizedLine, (text, start, end, ((text, start, end, True),) if text else ()))
        return line

    def lines(self) -> list[NormalizedLine]:
        """Every line as a :class:`NormalizedLine`."""
        return [self.line(i) for i in range(len(self.texts))]


def line_spans(original: str) -> list[tuple[int, int]]:
    """Spans of the lines of ``original`` (without the newline characters)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in original.split("\n"):
        end = start + len(line)
        spans.append((start, end))
        start = end + 1
    return spans


_TRADITIONAL = re.compile("[" + TRADITIONAL_MARKERS + "]")
_IDEOGRAPH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SAMPLE = 20_000  # characters looked at to tell traditional text from simplified
_FIRST_LOOK = 2_000  # … of which the opening is looked at first
_MIN_MARKERS = 8
_MARKER_SHARE = 0.04  # traditional text has about one in four; simplified text none
_MARKER_SET = frozenset(TRADITIONAL_MARKERS)


def is_mostly_traditional(text: str) -> bool:
    """Whether ``text`` is written in traditional characters (counted on a sample)."""
    # A first look at the opening: traditional text has a marker in every few characters,
    # so an opening without two of them (every simplified report) settles it cheaply.
    if len(_TRADITIONAL.findall(text, 0, _FIRST_LOOK)) < 2:
        return False
    sample = text[:_SAMPLE]
    hits = len(_TRADITIONAL.findall(sample))
    if hits < _MIN_MARKERS:
        return False
    return hits >= _MARKER_SHARE * len(_IDEOGRAPH.findall(sample))


@lru_cache(maxsize=1)
def _t2s() -> Callable[[str], str]:
    try:
        import opencc  # imported here: only traditional text pays for it
    except ImportError:  # pragma: no cover - opencc is a dependency
        from checklist.errors import UsageError

        raise UsageError("繁体转简体需要依赖 opencc：pip install opencc") from None
    conv = opencc.OpenCC("t2s")
    return conv.convert  # type: ignore[no-any-return,unused-ignore]


# A number between Chinese and what counts it (关于 2019 年度, 领学 6 次, 纳入2023 年): the
# single spaces around it come from PDF extraction, not from the author.
_UNIT_NUMBER = re.compile(
    r"(?:(?<=[\u3400-\u9fff\uf900-\ufaff、。(])|^)( ?)([0-9]{1,8}(?:\.[0-9]+)?)( ?)"
    rf"(?=[{NUMBER_UNITS}])"
)


# A pinyin syllable with its tone mark in brackets right after a character: the reading a
# mirror site adds (大涌鎮(zhèn)堅(jiān)持); never report text, and it splits the words.
_GLOSS = re.compile(  # "(" first: the engine skips ahead to it fast
    r"\((?<=[\u3400-\u9fff\uf900-\ufaff]\()[a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}\)"
)


# A cheap first look at a line with a space: a digit next to a space (what "[0-9] | [0-9]"
# finds, but opening with one class, which the regex engine skips ahead to).
_SPACED_DIGIT = re.compile(r"[0-9 ](?:(?<=[0-9]) |(?<= )[0-9])")
_NOTHING: frozenset[int] = frozenset()


_LETTER_MAX = 60  # characters: a letter-spaced line is a header, a title, a name
_BLANK_RUN = re.compile(_BLANK_CLASS)
_CJK_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _letter_gaps(raw: str) -> frozenset[int]:
    """Starts of the blank runs of a letter-spaced line (``东 阳 县 商 务 局``, a header or
    a title set out across its width): every character of it stands alone between blanks,
    three or more of them Chinese. Other lines: none."""
    if len(raw) > _LETTER_MAX or len(raw) < 5:
        return _NOTHING
    parts = raw.split()
    if len(parts) < 3 or any(len(p) != 1 for p in parts) or len(_CJK_CHAR.findall(raw)) < 3:
        return _NOTHING
    inner = raw.strip()
    offset = raw.index(inner[0])
    end = offset + len(inner)
    return frozenset(m.start() for m in _BLANK_RUN.finditer(raw, offset, end))


def _number_gaps(raw: str) -> frozenset[int]:
    """Positions of the spaces around a counted number that are not the author's."""
    if " " not in raw or _SPACED_DIGIT.search(raw) is None:
        return _NOTHING
    return frozenset(m.start(group) for m in _UNIT_NUMBER.finditer(raw) for group in (1, 3) if m.group(group))


def normalize_lines(
    original: str,
    spans: Iterable[tuple[int, int]],
    *,
    to_simplified: bool = False,
    touched: frozenset[str] | None = None,
) -> list[NormalizedLine]:
    """Normalise each line span of ``original``; blank lines come back with empty text.

    Traditional characters are converted to simplified when ``to_simplified`` is set or
    when the text is mostly traditional (:func:`is_mostly_traditional`). ``touched``, when
    given, holds at least every distinct character of ``original`` in the class of
    :func:`scan_class` (a reader found them: ``Extracted.touched``), and the text is not
    scanned for them again.
    """
    return normalize_text(original, spans, to_simplified=to_simplified, touched=touched).lines()


def normalize_text(
    original: str,
    spans: Iterable[tuple[int, int]],
    *,
    to_simplified: bool = False,
    touched: frozenset[str] | None = None,
    whole_lines: bool = False,
) -> Normalized:
    """:func:`normalize_lines` in the compact form (:class:`Normalized`). ``whole_lines``:
    the spans are :func:`line_spans` of ``original`` (the lines are then cut with one
    ``split``)."""
    spans = list(spans)
    if not to_simplified and touched is not None:
        kept = _touched_chars()
        seen = [c for c in touched if c in kept or c > "\uffff"]
        # the markers of traditional text in the opening, counted as the scan below does
        markers = [c for c in seen if c in _MARKER_SET]
        if sum(original.count(c, 0, _FIRST_LOOK) for c in markers) < 2 or not is_mostly_traditional(original):
            return _normalize_spans(original, spans, seen, whole_lines)
    elif not to_simplified:
        # One scan serves both the first look for traditional characters (in the
        # opening) and the normalisation: the class holds the markers too.
        pattern = _touched()[0]
        head = pattern.findall(original, 0, _FIRST_LOOK)
        if sum(1 for c in head if c in _MARKER_SET) < 2 or not is_mostly_traditional(original):
            hits = head + pattern.findall(original, _FIRST_LOOK)
            return _normalize_spans(original, spans, hits, whole_lines)
    return _converted(original, spans)


def _converted(original: str, spans: list[tuple[int, int]]) -> Normalized:
    """Every line converted to simplified characters (OpenCC ``t2s``), then normalised."""
    one_for_one, special = _one_for_one(), _reshaping()
    convert = _t2s()
    out: list[NormalizedLine] = []
    for start, end in spans:
        raw = original[start:end]
        if convert is not None:
            converted = convert(raw)
            if len(converted) == len(raw):
                raw = converted
            else:  # phrase conversion changed the length: map the line as one piece
                text = fold(converted)
                out.append(NormalizedLine(text, start, end, ((text, start, end, False),) if text else ()))
                continue
        out.append(_normalize_line(raw, start, end, one_for_one, special))
    return Normalized([line.text for line in out], spans, dict(enumerate(out)))


def _normalize_spans(
    original: str, spans: Sequence[tuple[int, int]], hits: Iterable[str], whole_lines: bool = False
) -> Normalized:
    """:func:`_normalize_line` for every span, from one scan of the whole text.

    One pass finds every character the normalisation touches: those that fold one for
    one are replaced in the whole text at once (offsets do not move), the rest (blank
    runs, characters that fold to another length) become the tokens of their line. A
    line without tokens or glosses is one copy piece; a line a token straddles (spans
    cut inside a line) is normalised on its own, as before.
    """
    folded, tokens = _scan(original, hits)
    glosses = [(m.start(), m.end()) for m in _GLOSS.finditer(folded)] if "(" in folded else []
    # (a fold never makes or removes a line break: the lines of the folded text are the spans)
    texts = folded.split("\n") if whole_lines else [folded[start:end] for start, end in spans]
    marked: dict[int, NormalizedLine] = {}
    if tokens or glosses:
        for i, marks in _marks_by_line(spans, tokens, glosses).items():
            start, end = spans[i]
            line = marked[i] = _line_of_marks(texts[i], start, end, sorted(marks))
            texts[i] = line.text
    return Normalized(texts, spans, marked)


def _marks_by_line(
    spans: Sequence[tuple[int, int]], tokens: Sequence[tuple[int, int]], glosses: Sequence[tuple[int, int]]
) -> dict[int, list[tuple[int, int, bool]]]:
    """The marks of each line a token or a gloss touches, by line index: ``(start, end,
    is a gloss)`` in the line. A blank run is cut at the line's ends; a gloss counts only
    inside its line, after its first character (its lookbehind needs one)."""
    ends = [end for _start, end in spans]
    out: dict[int, list[tuple[int, int, bool]]] = {}
    for a, b in tokens:
        i = bisect_right(ends, a)  # the first line ending after the token starts
        while i < len(spans) and spans[i][0] < b:
            start, end = spans[i]
            if start < end:
                out.setdefault(i, []).append((max(a, start) - start, min(b, end) - start, False))
            i += 1
    for a, b in glosses:
        i = bisect_left(ends, b)  # the first line ending at or after the gloss's end
        if i < len(spans) and spans[i][0] < a:
            start = spans[i][0]
            out.setdefault(i, []).append((a - start, b - start, True))
    return out


def _line_of_marks(raw: str, start: int, end: int, marks: Sequence[tuple[int, int, bool]]) -> NormalizedLine:
    """A line's pieces from the places the normalisation changes it: what
    :func:`_normalize_line` makes of ``raw`` (already folded one for one)."""
    edges = _inside_edge_blanks(raw, marks)
    if edges is not None:  # an indent, trailing blanks: the rest is one copy piece
        lead, trail = edges
        if lead >= trail:
            return tuple.__new__(NormalizedLine, ("", start, end, ()))
        text = raw[lead:trail]
        return tuple.__new__(NormalizedLine, (text, start, end, ((text, start + lead, start + trail, True),)))
    dropped: frozenset[int] | None = None  # (found when first needed)
    letters = _letter_gaps(raw)
    pieces: list[tuple[str, int, int, bool]] = []
    pos = 0
    for m_start, m_end, is_gloss in marks:
        if m_start > pos:
            pieces.append((raw[pos:m_start], start + pos, start + m_start, True))
        pos = m_end
        if is_gloss:
            continue
        if m_start in letters:
            continue  # a letter-spaced line's blank (only blanks start there)
        token = raw[m_start:m_end]
        if token == " ":
            # A number's gap is a lone space beside one of its digits (_UNIT_NUMBER: a digit
            # follows the space before it, and one precedes the space after it).
            if _beside_digit(raw, m_start):
                if dropped is None:
                    dropped = _number_gaps(raw)
                if m_start in dropped:
                    continue
            rep = " "
        elif token[0] in _BLANK_SET:
            # (a run of zero-width characters only is dropped: strip leaves nothing of it)
            if not token.strip(_ZERO_WIDTH_CHARS):
                continue
            rep = " "
        else:
            rep = _fold(token)
        if rep:
            pieces.append((rep, start + m_start, start + m_end, len(rep) == len(token)))
    if pos < len(raw):
        pieces.append((raw[pos:], start + pos, end, True))
    return _stripped(pieces, start, end)


def _beside_digit(raw: str, at: int) -> bool:
    """Whether an ASCII digit stands right before or right after ``raw[at]``."""
    return (at > 0 and "0" <= raw[at - 1] <= "9") or (at + 1 < len(raw) and "0" <= raw[at + 1] <= "9")


def _inside_edge_blanks(raw: str, marks: Sequence[tuple[int, int, bool]]) -> tuple[int, int] | None:
    """``(lead, trail)`` when the only marks of the line ``raw`` are blank runs at its
    ends: whatever they become (one space or nothing), the stripped line is
    ``raw[lead:trail]``. ``None`` for any other line."""
    n = len(raw)
    lead, trail = 0, n
    for m_start, m_end, is_gloss in marks:
        if is_gloss or raw[m_start] not in _BLANK_SET:
            return None
        if m_start == 0:
            lead = m_end
        elif m_end == n:
            trail = m_start
        else:
            return None
    return lead, trail


def _stripped(pieces: list[tuple[str, int, int, bool]], start: int, end: int) -> NormalizedLine:
    """The line of ``pieces`` without the blanks at its ends."""
    while pieces and pieces[0][0] == " ":
        pieces.pop(0)
    while pieces and pieces[-1][0] == " ":
        pieces.pop()
    return tuple.__new__(NormalizedLine, ("".join(map(_TEXT, pieces)), start, end, tuple(pieces)))


@lru_cache(maxsize=1)
def _touched() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    """One class of every character the normalisation changes (and of the markers of
    traditional text); those of them that fold one for one; those that are tokens."""
    one, rest = _foldable_chars()
    return scan_class(""), frozenset(one), frozenset(_BLANK_CHARS + rest)


@lru_cache(maxsize=4)
def scan_class(extra: str, without: str = "") -> re.Pattern[str]:
    """The class of :func:`_touched` (every character the normalisation changes, the
    markers of traditional text, every character beyond the BMP) with the characters of
    the regex class body ``extra`` added: a reader that scans the text for characters of
    its own (control characters) finds these in the same pass and hands their set on
    (``Extracted.touched``), so that the text is scanned once. The BMP characters of
    ``without`` are left out (a caller that looks for them otherwise)."""
    chars = "".join(c for c in _class_chars() if c not in without) if without else _class_chars()
    return re.compile("[" + re.escape(chars) + "\\U00010000-\\U0010ffff" + extra + "]")


@lru_cache(maxsize=1)
def _class_chars() -> str:
    """The BMP characters of the class of :func:`_touched`."""
    one, rest = _foldable_chars()
    return one + _BLANK_CHARS + rest + TRADITIONAL_MARKERS


@lru_cache(maxsize=1)
def _touched_chars() -> frozenset[str]:
    """The BMP characters of the class of :func:`_touched`, as a set."""
    return frozenset(_class_chars())


def _scan(original: str, hits: Iterable[str]) -> tuple[str, list[tuple[int, int]]]:
    """``original`` with the one-for-one folds made, and the ``(start, end)`` of every
    other character the normalisation touches (one span per run of blanks).

    ``hits`` are what the class of :func:`_touched` found in ``original``: which of those
    characters occur. Each is then replaced, or found, with the string methods, which are
    much faster than a regex's character class."""
    _pattern, one, tokens_of = _touched()
    folded = original
    positions: list[int] = []
    for ch in set(hits):
        if ch in one:
            folded = folded.replace(ch, _fold(ch))
            continue
        if ch not in tokens_of and ch <= "\uffff":
            continue  # a marker of traditional text, which the normalisation leaves alone
        pos = original.find(ch)
        while pos != -1:
            positions.append(pos)
            pos = original.find(ch, pos + 1)
    positions.sort()
    tokens: list[tuple[int, int]] = []
    for pos in positions:
        if tokens and tokens[-1][1] == pos and original[pos] in _BLANK_SET and original[pos - 1] in _BLANK_SET:
            tokens[-1] = (tokens[-1][0], pos + 1)  # the blank run goes on
        else:
            tokens.append((pos, pos + 1))
    return folded, tokens


def _normalize_line(
    raw: str, start: int, end: int, one_for_one: re.Pattern[str], special: re.Pattern[str]
) -> NormalizedLine:
    # Folding one character into one other leaves every offset where it was, so
    # those (most of what NFKC changes in Chinese text: full-width punctuation,
    # curly quotes) are folded in one pass and stay inside their copy piece; only
    # blank runs and characters that fold to another length need pieces of their own.
    raw = one_for_one.sub(_fold_match, raw)
    dropped = _number_gaps(raw) if " " in raw else _NOTHING
    letters = _letter_gaps(raw)
    tokens: Iterable[re.Match[str]] = special.finditer(raw)
    glosses = list(_GLOSS.finditer(raw)) if "(" in raw else None
    if glosses:  # they hold no blank and nothing that folds: they never overlap a token
        tokens = sorted([*tokens, *glosses], key=lambda m: m.start())
    pieces: list[tuple[str, int, int, bool]] = []
    pos = 0
    for m in tokens:
        if m.start() > pos:
            pieces.append((raw[pos : m.start()], start + pos, start + m.start(), True))
        token = m.group()
        if m.re is _GLOSS:
            rep = ""
        elif token[0] in _BLANK_CHARS:
            rep = "" if m.start() in dropped or m.start() in letters or all(c in _ZERO_WIDTH for c in token) else " "
        else:
            rep = _fold(token)
        if rep:
            pieces.append((rep, start + m.start(), start + m.end(), len(rep) == len(token)))
        pos = m.end()
    if pos < len(raw):
        pieces.append((raw[pos:], start + pos, end, True))
    return _stripped(pieces, start, end)


# Blocks that hold every BMP character NFKC changes (Latin-1 and spacing modifiers,
# general punctuation to miscellaneous symbols, CJK symbols and compatibility,
# compatibility ideographs, presentation and half-/full-width forms); beyond the BMP,
# characters are checked one by one.
_FOLD_BLOCKS = (
    (0x00A0, 0x02FF),
    (0x0300, 0x036F),
    (0x2000, 0x2BFF),
    (0x2E80, 0x33FF),
    (0xA700, 0xA7FF),
    (0xF900, 0xFAFF),
    (0xFB00, 0xFB4F),
    (0xFE10, 0xFFEF),
)


@lru_cache(maxsize=1)
def _foldable_chars() -> tuple[str, str]:
    """The BMP characters the normalisation changes (blanks aside), in two sets: those
    that fold to one other, final character, and the rest (to several characters, to
    nothing, to a blank)."""
    changed = [
        chr(c)
        for lo, hi in _FOLD_BLOCKS
        for c in range(lo, hi + 1)
        if chr(c) not in _BLANK_CHARS and _fold(chr(c)) != chr(c)
    ]
    changed.extend(q for q in _QUOTES if q not in changed)
    one = [c for c in changed if _is_one_for_one(c)]
    rest = [c for c in changed if not _is_one_for_one(c)]
    return "".join(one), "".join(rest)


def _is_one_for_one(ch: str) -> bool:
    folded = _fold(ch)
    # the result must itself be final and no blank, so that folding it first cannot
    # change what the blank-run and reshaping pass finds afterwards
    return len(folded) == 1 and folded not in _BLANK_CHARS and _fold(folded) == folded


@lru_cache(maxsize=1)
def _one_for_one() -> re.Pattern[str]:
    """Characters that fold to exactly one other character."""
    return re.compile("[" + re.escape(_foldable_chars()[0]) + "]")


@lru_cache(maxsize=1)
def _reshaping() -> re.Pattern[str]:
    """Blank runs, and characters that fold to another length (or outside the BMP)."""
    blanks = re.escape(_BLANK_CHARS)
    others = re.escape(_foldable_chars()[1]) + "\U00010000-\U0010ffff"
    # The lookahead on one class of every first character lets the regex engine skip
    # ahead fast; an alternation alone is tried at every position of the text.
    return re.compile(f"(?=[{blanks}{others}])(?:{_BLANK_CLASS}|[{others}])")


def _fold_match(m: re.Match[str]) -> str:
    return _fold(m.group())


def _normalize_plain(text: str) -> str:
    def sub(m: re.Match[str]) -> str:
        tok = m.group()
        if tok[0] in _BLANK_CHARS:
            return "" if m.start() in letters or all(c in _ZERO_WIDTH for c in tok) else " "
        return _fold(tok)

    folded = _one_for_one().sub(_fold_match, text)
    if "(" in folded:
        folded = _GLOSS.sub("", folded)
    dropped = _number_gaps(folded)
    if dropped:
        folded = "".join(ch for i, ch in enumerate(folded) if i not in dropped)
    letters = _letter_gaps(folded)
    return _reshaping().sub(sub, folded).strip(" ")


def join_lines(lines: Sequence[NormalizedLine], orig_length: int) -> tuple[str, OffsetMap, list[tuple[int, int]]]:
    """Join non-empty normalised lines with ``\\n``; return text, map and line spans.

    The map's segments: a piece that keeps its length (a copy, a one-for-one fold, the
    line break) extends the copy segment before it when it follows it in the original;
    any other piece is a replaced segment of its own.
    """
    kept = [line for line in lines if line.text]
    spans = [(line.orig_start, line.orig_end) for line in kept]
    norm = Normalized([line.text for line in kept], spans, dict(enumerate(kept)))
    text, omap, norm_spans, _starts = join_kept(norm, range(len(kept)), orig_length)
    return text, omap, norm_spans


def join_kept(
    norm: Normalized, kept: Iterable[int], orig_length: int
) -> tuple[str, OffsetMap, list[tuple[int, int]], list[int]]:
    """:func:`join_lines` of the lines ``kept`` (indices of non-empty lines of ``norm``):
    text, map, each line's normalised span, and the original offset of each line's first
    character. A line that is one copy of its span takes a short way (the same segments)."""
    texts, spans, marked = norm
    norm_starts: list[int] = []
    orig_starts: list[int] = []
    orig_ends: list[int] = []
    copies: list[bool] = []
    norm_spans: list[tuple[int, int]] = []
    starts: list[int] = []
    norm_pos = 0
    last_copy_end = -1  # original end of the last segment when it is a copy, else -1
    for i in kept:
        start, end = spans[i]
        if norm_spans:  # the line break stands for the character before the line
            # (the piece ("\n", start - 1, start): one character for one, so a copy, but at 0)
            if start > 0 and last_copy_end == start - 1:
                orig_ends[-1] = last_copy_end = start  # extends the copy before it
            else:
                norm_starts.append(norm_pos)
                orig_starts.append(start - 1 if start > 0 else 0)
                orig_ends.append(start)
                copies.append(start > 0)
                last_copy_end = start if start > 0 else -1
            norm_pos += 1
        begin = norm_pos
        line = marked.get(i)
        if line is None:  # one copy piece: the whole span
            if last_copy_end == start:
                orig_ends[-1] = end
            else:
                norm_starts.append(norm_pos)
                orig_starts.append(start)
                orig_ends.append(end)
                copies.append(True)
            last_copy_end = end
            norm_pos += end - start
            starts.append(start)
        else:
            norm_pos, last_copy_end = _join_pieces(
                line.pieces, norm_pos, last_copy_end, (norm_starts, orig_starts, orig_ends, copies)
            )
            starts.append(line.pieces[0][1])
        norm_spans.append((begin, norm_pos))
    omap = OffsetMap(tuple(norm_starts), tuple(orig_starts), tuple(orig_ends), tuple(copies), orig_length)
    return "\n".join([texts[i] for i in kept]), omap, norm_spans, starts


def _join_pieces(
    pieces: Iterable[tuple[str, int, int, bool]],
    norm_pos: int,
    last_copy_end: int,
    segments: tuple[list[int], list[int], list[int], list[bool]],
) -> tuple[int, int]:
    """The segments of one line's pieces, appended to ``segments``; return the new
    normalised position and the original end of the last segment if it is a copy."""
    norm_starts, orig_starts, orig_ends, copies = segments
    for text, ostart, oend, is_copy in pieces:
        if not text:
            continue
        n = len(text)
        if is_copy or (n == 1 and oend - ostart == 1):  # offsets shift by a constant
            if last_copy_end == ostart:
                orig_ends[-1] = last_copy_end = ostart + n  # extends the copy before it
            else:
                norm_starts.append(norm_pos)
                orig_starts.append(ostart)
                orig_ends.append(ostart + n)
                copies.append(True)
                last_copy_end = ostart + n
        else:
            norm_starts.append(norm_pos)
            orig_starts.append(ostart)
            orig_ends.append(oend)
            copies.append(False)
            last_copy_end = -1
        norm_pos += n
    return norm_pos, last_copy_end


def fold(text: str) -> str:
    """Normalise a short string (a term, a heading) the same way as document text."""
    if not text:
        return text
    return _normalize_plain(text)
