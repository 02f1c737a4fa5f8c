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

from checklist.document import Document
from checklist.errors import InputError
from checklist.ingest.pipeline import ingest
from checklist.ingest.readers import Extracted, extract
from checklist.limits import Limits, using
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
    Raises :class:`InputError` for anything that cannot be read. ``limits`` (see
    :mod:`checklist.limits`) overrides the limits in force; ``max_bytes`` just the input size.
    """
    with using(limits) as active:
        if max_bytes is not None:
            active = replace(active, max_input_bytes=max_bytes)
        with using(active):
            if isinstance(source, bytes):
                label = name or "<bytes>"
                if len(source) > active.max_input_bytes:
                    raise InputError.of(label, "error.too_large", name="max_input_bytes",
                                        value=len(source), limit=active.max_input_bytes)
                data = source
            else:
                path = Path(source)
                label = name or str(path)
                data = _read_bytes(path, label, active.max_input_bytes)
            if not data.strip():
                raise InputError.of(label, "error.empty")
            extracted = extract(data, label, format)
            return build(extracted, label, hashlib.sha256(data).hexdigest(), to_simplified=to_simplified)


def parse(text: str, *, source: str = "<text>", to_simplified: bool = False) -> Document:
    """Build a :class:`Document` from text already in memory."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return build(Extracted(text=text, format="txt", encoding=None), source, sha,
                 to_simplified=to_simplified)


def _read_bytes(path: Path, label: str, max_bytes: int) -> bytes:
    try:
        if path.is_dir():
            raise InputError.of(label, "error.directory")
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError.of(label, "error.too_large", name="max_input_bytes", value=size, limit=max_bytes)
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError.of(label, "error.not_found") from None
    except PermissionError:
        raise InputError.of(label, "error.permission") from None
    except IsADirectoryError:
        raise InputError.of(label, "error.directory") from None
    except OSError as exc:
        raise InputError.of(label, "error.os", reason=exc.strerror or str(exc)) from None


def build(extracted: Extracted, source: str, sha256: str, *, to_simplified: bool = False) -> Document:
    """Turn extracted text into a :class:`Document`: the ingest stage, then the structure stage."""
    return build_document(ingest(extracted, source, to_simplified=to_simplified), source, sha256)
