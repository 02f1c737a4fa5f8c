"""Files in and out, shared by every application: which inputs a list of names means, and
writing a file so that a reader never sees half of it."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from pathlib import Path

from checklist.vocabulary import SCANNED_SUFFIXES

_GLOB_CHARS = "*?["


def expand_paths(inputs: Iterable[str]) -> list[str]:
    """Files, folders (searched recursively for report files) and glob patterns → unique paths.

    Order is kept (a folder's files sorted). A name that matches nothing, and a folder with
    no report file in it, are kept as they are, so that reading them reports the error
    instead of losing the input.
    """
    out: dict[str, None] = {}
    for item in inputs:
        item = os.fspath(item)
        matches = sorted(glob.glob(item, recursive=True)) if any(c in item for c in _GLOB_CHARS) else [item]
        if not matches:
            out.setdefault(item, None)
        for match in matches:
            path = Path(match)
            if not path.is_dir():
                out.setdefault(match, None)
                continue
            found = [str(f) for f in sorted(path.rglob("*")) if f.is_file() and f.suffix.lower() in SCANNED_SUFFIXES]
            for name in found or [match]:
                out.setdefault(name, None)
    return list(out)


def write_atomic(path: str | os.PathLike[str], data: str | bytes | Iterable[bytes]) -> None:
    """Write ``data`` (text as UTF-8, bytes, or chunks of bytes streamed one by one, so
    that a large file is never whole in memory) to ``path`` through a temporary file
    and a rename.

    Raises :class:`OSError` as writing does; the temporary file is removed on failure.
    """
    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp{os.getpid()}")
    try:
        if isinstance(data, str):
            tmp.write_text(data, encoding="utf-8")
        elif isinstance(data, bytes):
            tmp.write_bytes(data)
        else:
            with tmp.open("wb") as f:
                f.writelines(data)
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
