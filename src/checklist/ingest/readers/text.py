"""Plain text (.txt, .md): decode UTF-8 / GB18030 / Big5 / UTF-16 and refuse mojibake.

We never guess silently: a byte string is decoded by its BOM, else as strict UTF-8,
else as strict GB18030; the result must then look like text (few control characters,
few characters from the private-use area or rare planes). Anything else is an
:class:`~checklist.errors.InputError` that says what is wrong.

Big5 (traditional characters, from Taiwan and Hong Kong sites and their mirrors) is
tried when GB18030 fails or gives garbage: Big5's most frequent characters have lead
bytes that GB18030 reads as kana, Greek, Cyrillic, box drawing and private-use
characters, which Chinese text does not have. The text then reads as traditional
characters, which normalisation converts to simplified. A file that looks like Big5
but does not decode is refused with a message that names Big5 and how to convert it.
"""

from __future__ import annotations

import codecs
import re

from checklist.errors import InputError
from checklist.ingest.normalize import scan_class
from checklist.ingest.readers.base import Extracted

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Characters that do not occur in real report text (C0/C1 controls other than whitespace,
# the replacement character, private use, and surrogates), and Latin-1 letters, which in
# bulk are the signature of GBK bytes decoded as Latin-1 and re-encoded as UTF-8 ("ÖÐ¹ú…"):
# one class, so that one scan finds both.
_SUSPECT_CLASS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\ud800-\udfff\u00c0-\u00ff"
_SUSPECT = re.compile(f"[{_SUSPECT_CLASS}]")
# The commonest characters of normalisation's class in Chinese text (full-width
# punctuation, curly quotes, blanks): each is looked for with ``in`` (a memchr, stopped by
# the first one), and the class scan leaves them out: it then stops at few characters, where
# it stopped at every comma (none of them is suspect).
_COMMON = "，（）“”：；\u3000 "
_CJK = re.compile(r"[\u4e00-\u9fff]")
# What GB18030 makes of Big5 bytes, and Chinese text never holds: Greek and Cyrillic,
# box drawing, kana, bopomofo, private use, vertical forms.
_GARBLE = re.compile(r"[\u0370-\u04ff\u2500-\u257f\u3040-\u30ff\u3100-\u312f\ue000-\uf8ff\ufe10-\ufe4f]")
_BIG5_CODECS = ("big5", "cp950", "big5hkscs")  # plain Big5, then Windows' and Hong Kong's supersets
_SAMPLE = 20_000  # characters looked at to tell garbage from text


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` for ``data`` or raise :class:`InputError`."""
    text, encoding, _touched = _decode(data, source)
    return text, encoding


def _decode(data: bytes, source: str) -> tuple[str, str, frozenset[str]]:
    """:func:`decode`, and the characters of normalisation's class that the text holds
    (``Extracted.touched``), which the check for control characters found."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError as exc:
                raise InputError.of(source, "error.decode", encoding=name, pos=exc.start) from None
            return text, name, _checked(text, source, name)
    if b"\x00" in data[:4096]:
        raise InputError.of(source, "error.binary")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return text, "utf-8", _checked(text, source, "utf-8")
    try:
        gb: str | None = data.decode("gb18030")
    except UnicodeDecodeError:
        gb = None
    if gb is None or _garbled(gb):
        big5 = _big5(data, source)
        if big5 is not None:
            return big5[0], big5[1], _checked(big5[0], source, big5[1])
    if gb is None:
        raise InputError.of(source, "error.encoding")
    return gb, "gb18030", _checked(gb, source, "gb18030")


def _garbled(text: str) -> bool:
    """Whether decoded text holds characters no Chinese report has, in number."""
    sample = text[:_SAMPLE]
    odd = len(_GARBLE.findall(sample))
    return odd > max(3, len(_CJK.findall(sample)) // 50)


def _big5(data: bytes, source: str) -> tuple[str, str] | None:
    """``(text, codec)`` when ``data`` is Big5; ``None`` when it is not.

    Raises :class:`InputError` naming Big5 when the bytes look like Big5 but some of
    them are in no Big5 table (a damaged file, a private extension).
    """
    for codec in _BIG5_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        return (text, codec) if not _garbled(text) else None
    lenient = data.decode(_BIG5_CODECS[-1], errors="replace")
    sample = lenient[:_SAMPLE]
    if _garbled(lenient) or sample.count("\ufffd") > max(2, len(_CJK.findall(sample)) // 100):
        return None
    try:
        data.decode(_BIG5_CODECS[-1])
    except UnicodeDecodeError as exc:
        raise InputError.of(source, "error.big5", pos=exc.start) from None
    return None  # pragma: no cover - the strict decode failed above


def _checked(text: str, source: str, encoding: str) -> frozenset[str]:
    """Refuse text with control characters or mojibake in number; return the distinct
    characters of normalisation's class it holds (:func:`~checklist.ingest.normalize.scan_class`,
    to which the suspect characters are added: one scan finds both)."""
    if not text:
        return frozenset()
    hits = scan_class(_SUSPECT_CLASS, _COMMON).findall(text)
    found = frozenset([*hits, *(c for c in _COMMON if c in text)])
    bad = latin = 0
    for c in found:  # a few distinct characters; the suspect ones are counted
        if _SUSPECT.match(c):
            if "\u00c0" <= c <= "\u00ff":
                latin += hits.count(c)
            else:
                bad += hits.count(c)
    if bad > max(2, len(text) // 200):
        raise InputError.of(source, "error.control_chars", encoding=encoding, count=bad)
    if latin > 20 and latin > len(_CJK.findall(text)):
        raise InputError.of(source, "error.mojibake", encoding=encoding)
    return found


def read_text(data: bytes, source: str) -> Extracted:
    """Read a plain-text document."""
    text, encoding, touched = _decode(data, source)
    if "\r" in text:  # (no line break is in the class)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Extracted(text=text, format="txt", encoding=encoding, touched=touched)
