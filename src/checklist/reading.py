"""read → normalise → remove clutter → outline → metadata: one :class:`Document`.

The public entry points :func:`read` and :func:`parse` (``checklist.read``,
``checklist.parse``). The work is done by two stages: :mod:`checklist.ingest.pipeline`
(extracted text → normalised body lines) and :mod:`checklist.structure.build` (those
lines → outline and metadata).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from checklist.document import Document
from checklist.errors import InputError
from checklist.ingest.pipeline import ingest
from checklist.ingest.readers import Extracted, extract
from checklist.limits import Limits, current, using
from checklist.messages import t
from checklist.structure.build import build_document


def read(
    source: str | os.PathLike[str] | bytes,
    *,
    format: str | None = None,
    name: str | None = None,
    to_simplified: bool = False,
    max_bytes: int | None = None,
    limits: Limits | None = None,
) -> Document:
    """Read one report from a path or from bytes.

    ``format`` forces a reader (``txt``, ``html``, ``docx``, ``pdf``, ``doc``); otherwise
    it is sniffed from the content and the name. A text mostly in traditional characters is
    converted to simplified anyway; ``to_simplified`` forces the conversion on any text.
    Raises :class:`InputError` for anything that cannot be read, :class:`TypeError` for an
    argument of the wrong type.

    Args:
        source: the report's path (``str`` or :class:`os.PathLike`) or its content as bytes.
        format: force a reader (``txt``, ``html``, ``docx``, ``pdf``, ``doc``); ``None`` sniffs.
        name: the name the document goes by (``Document.source``, in messages); default the
            path, or ``<bytes>``.
        to_simplified: convert traditional characters to simplified even in a text that is
            mostly simplified.
        max_bytes: refuse an input larger than this many bytes (overrides ``limits``).
        limits: the :class:`~checklist.Limits` in force while reading; ``None`` keeps the current.
    """
    check_type(source, "source", (str, os.PathLike, bytes), "str, os.PathLike, bytes")
    check_type(format, "format", (str, type(None)), "str, None")
    check_type(name, "name", (str, type(None)), "str, None")
    if limits is None and max_bytes is None:  # the limits in force stay (no context to enter)
        return _read(source, format, name, to_simplified, current())
    with using(limits) as active:
        if max_bytes is not None:
            active = replace(active, max_input_bytes=max_bytes)
        with using(active):
            return _read(source, format, name, to_simplified, active)


def _read(
    source: str | os.PathLike[str] | bytes, format: str | None, name: str | None, to_simplified: bool, active: Limits
) -> Document:
    """:func:`read` with the limits ``active`` in force."""
    if isinstance(source, bytes):
        label = name or "<bytes>"
        if len(source) > active.max_input_bytes:
            raise InputError.of(
                label,
                "error.too_large",
                name="max_input_bytes",
                value=len(source),
                limit=active.max_input_bytes,
            )
        data = source
    else:
        path = source if isinstance(source, Path) else Path(source)  # (a new Path parses again)
        label = name or str(path)
        data = _read_bytes(path, label, active.max_input_bytes)
    if not data or data.isspace():  # (what strip() would leave empty, without the copy)
        raise InputError.of(label, "error.empty")
    extracted = extract(data, label, format)
    return build(extracted, label, hashlib.sha256(data).hexdigest(), to_simplified=to_simplified)


def parse(text: str, *, source: str = "<text>", to_simplified: bool = False) -> Document:
    """Build a :class:`Document` from text already in memory.

    Args:
        text: the report's text (line breaks of any convention).
        source: the name the document goes by (``Document.source``, the result's ``document.path``).
        to_simplified: convert traditional characters to simplified even in a text that is
            mostly simplified.
    """
    check_type(text, "text", (str,), "str")
    check_type(source, "source", (str,), "str")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return build(Extracted(text=text, format="txt", encoding=None), source, sha, to_simplified=to_simplified)


def check_type(value: object, argument: str, types: tuple[type, ...], accepted: str, lang: str = "zh") -> None:
    """A :class:`TypeError` naming ``argument`` unless ``value`` is one of ``types``.

    A public function called with the wrong type fails here with a message naming the
    argument, rather than deep inside the pipeline (``argument of type 'int' is not iterable``).
    ``bool`` is no ``int`` here.
    """
    if isinstance(value, types) and not (isinstance(value, bool) and bool not in types):
        return
    raise TypeError(t("api.bad_type", lang, argument=argument, accepted=accepted, got=type(value).__name__))


def _read_bytes(path: Path, label: str, max_bytes: int) -> bytes:
    # One system call for the size, on the open file (a directory fails to open: on
    # Windows with a PermissionError, hence the second look there); unbuffered, and one
    # read of the size and a byte more, which finds the end (what a buffered read() did
    # with two seeks and a second read). A file that grew since, or a pipe or a device,
    # which has no size, is read on to its end, but never past the limit.
    try:
        with open(path, "rb", buffering=0) as f:
            size = os.fstat(f.fileno()).st_size
            if size > max_bytes:
                raise InputError.of(label, "error.too_large", name="max_input_bytes", value=size, limit=max_bytes)
            data = f.read(size + 1)
            if len(data) <= size:
                return data
            return _read_rest(f, data, label, max_bytes)
    except FileNotFoundError:
        raise InputError.of(label, "error.not_found") from None
    except PermissionError:
        raise InputError.of(label, "error.directory" if path.is_dir() else "error.permission") from None
    except IsADirectoryError:
        raise InputError.of(label, "error.directory") from None
    except OSError as exc:
        raise InputError.of(label, "error.os", reason=exc.strerror or str(exc)) from None


def _read_rest(f: BinaryIO, head: bytes, label: str, max_bytes: int) -> bytes:
    """What is left of ``f`` after ``head``, up to ``max_bytes`` in all: an
    :class:`InputError` when there is more (a pipe without end, ``/dev/zero``)."""
    data = bytearray(head)
    while len(data) <= max_bytes:
        chunk = f.read(max_bytes + 1 - len(data))
        if not chunk:
            return bytes(data)
        data += chunk
    raise InputError.of(label, "error.too_large_stream", name="max_input_bytes", limit=max_bytes)


def build(extracted: Extracted, source: str, sha256: str, *, to_simplified: bool = False) -> Document:
    """Turn extracted text into a :class:`Document`: the ingest stage, then the structure stage."""
    return build_document(ingest(extracted, source, to_simplified=to_simplified), source, sha256)
