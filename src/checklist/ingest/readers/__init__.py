"""Readers: bytes of one file in, :class:`Extracted` text out.

The format comes from the caller, else from the content's magic bytes, else from the
file name's extension, else plain text. Each reader lives in its own module and is
registered in :data:`READERS`; optional heavy libraries are imported inside the reader.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import PurePath
from typing import cast

from checklist.errors import InputError
from checklist.ingest.readers.base import Extracted
from checklist.ingest.readers.text import decode
from checklist.vocabulary import REPORT_SUFFIXES, SCANNED_SUFFIXES

__all__ = ["READERS", "SCANNED_SUFFIXES", "SUFFIXES", "Extracted", "decode", "extract", "sniff"]

# format -> (module, function). Modules are imported on first use: python-docx and
# pypdfium2 cost tens of milliseconds to import, which a plain-text audit should not pay.
READERS: dict[str, tuple[str, str]] = {
    "txt": ("text", "read_text"),
    "html": ("html", "read_html"),
    "docx": ("docx", "read_docx"),
    "pdf": ("pdf", "read_pdf"),
    "doc": ("legacy", "read_legacy"),
}

SUFFIXES = tuple(REPORT_SUFFIXES)  # every file name ending a reader takes

_FOREIGN_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"Rar!", "RAR"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\x1f\x8b", "gzip"),
)


def sniff(data: bytes, name: str | None = None) -> str:
    """Decide the format of ``data``: magic bytes first, then the extension, then text."""
    head = data[:2048]
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") or head.startswith(b"{\\rtf"):
        return "doc"  # binary Word, or RTF (Word's and WPS's "save as RTF"): LibreOffice reads both
    for magic, what in _FOREIGN_MAGIC:
        if head.startswith(magic):
            raise InputError.of(name or "<bytes>", "error.foreign", kind=what)
    suffix = PurePath(name).suffix.lower() if name else ""
    by_ext = REPORT_SUFFIXES.get(suffix)
    if by_ext in ("txt", "html"):
        return _text_or_html(head) if by_ext == "txt" else "html"
    if by_ext is not None:
        return by_ext
    return _text_or_html(head)


def _text_or_html(head: bytes) -> str:
    if b"<" not in head:  # (every mark of HTML below opens with one)
        return "txt"
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in lowered:
        return "html"
    return "txt"


def extract(data: bytes, source: str, format: str | None = None) -> Extracted:
    """Extract the text of one document given as bytes."""
    fmt = (format or sniff(data, source)).lower()
    if fmt in ("htm", "shtml"):
        fmt = "html"
    entry = READERS.get(fmt)
    if entry is None:
        raise InputError.of(source, "error.format", fmt=fmt, supported=", ".join(sorted(READERS)))
    qualified = f"{__name__}.{entry[0]}"
    # (a module imported already is taken as it is: import_module's own look-up costs
    # about a microsecond a call)
    module = sys.modules.get(qualified) or importlib.import_module(qualified)
    reader = cast(Callable[[bytes, str], Extracted], getattr(module, entry[1]))
    return reader(data, source)
