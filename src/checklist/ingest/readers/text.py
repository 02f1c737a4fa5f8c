"""Plain text (.txt, .md): decode UTF-8 / GB18030 / UTF-16 and refuse mojibake.

We never guess silently: a byte string is decoded by its BOM, else as strict UTF-8,
else as strict GB18030; the result must then look like text (few control characters,
few characters from the private-use area or rare planes). Anything else is an
:class:`~checklist.errors.InputError` that says what is wrong.
"""

from __future__ import annotations

import codecs
import re

from checklist.errors import InputError
from checklist.ingest.readers.base import Extracted

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Characters that do not occur in real report text: C0/C1 controls other than
# whitespace, the replacement character, private use, and surrogates.
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\ud800-\udfff]")
# Latin-1 letters in bulk are the signature of GBK bytes decoded as Latin-1 and
# re-encoded as UTF-8 ("ÖÐ¹ú…").
_LATIN1_MOJIBAKE = re.compile(r"[\u00c0-\u00ff]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` for ``data`` or raise :class:`InputError`."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(name), source, name), name
            except UnicodeDecodeError as exc:
                raise InputError.of(source, "error.decode", encoding=name, pos=exc.start) from None
    if b"\x00" in data[:4096]:
        raise InputError.of(source, "error.binary")
    try:
        return _checked(data.decode("utf-8"), source, "utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return _checked(data.decode("gb18030"), source, "gb18030"), "gb18030"
    except UnicodeDecodeError:
        raise InputError.of(source, "error.encoding") from None


def _checked(text: str, source: str, encoding: str) -> str:
    if not text:
        return text
    bad = len(_BAD_CHARS.findall(text))
    if bad > max(2, len(text) // 200):
        raise InputError.of(source, "error.control_chars", encoding=encoding, count=bad)
    latin = len(_LATIN1_MOJIBAKE.findall(text))
    if latin > 20 and latin > len(_CJK.findall(text)):
        raise InputError.of(source, "error.mojibake", encoding=encoding)
    return text


def read_text(data: bytes, source: str) -> Extracted:
    """Read a plain-text document."""
    text, encoding = decode(data, source)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Extracted(text=text, format="txt", encoding=encoding)
