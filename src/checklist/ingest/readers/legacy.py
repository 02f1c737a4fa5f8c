"""Legacy Word (.doc), WPS (.wps) and RTF files: converted by LibreOffice when it is installed.

No maintained pure-Python library reads the binary Word format, so we hand the file to
``soffice --headless --convert-to docx`` in a private temporary directory (with its own
LibreOffice profile, so that parallel workers and a desktop LibreOffice do not lock
each other out) and read the result with :func:`~checklist.ingest.readers.docx.read_docx`.

Sites also publish files named ``.doc`` that are really a .docx, an HTML page or plain
text; those are read directly, without LibreOffice.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path, PurePath

from checklist.errors import InputError
from checklist.ingest.readers.base import Extracted
from checklist.ingest.readers.docx import read_docx
from checklist.ingest.readers.html import read_html

__all__ = ["read_legacy", "to_docx"]

CONVERT_TIMEOUT = 60.0  # seconds for one LibreOffice conversion
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _converter() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"mime-version:")) or b"<body" in head


def _run(command: list[str], source: str) -> bytes:
    """Run the converter; on timeout kill its whole process group. Returns stderr."""
    try:
        # soffice is a launcher that starts soffice.bin as a child: a session of its
        # own lets a timeout kill both instead of orphaning the worker.
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    except OSError as exc:
        raise InputError.of(source, "error.soffice_start", reason=exc.strerror or str(exc)) from None
    try:
        _, stderr = process.communicate(timeout=CONVERT_TIMEOUT)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            if hasattr(os, "killpg"):
                os.killpg(process.pid, signal.SIGKILL)
            else:  # Windows: no process groups; the launcher is all we can reach
                process.kill()
        process.communicate()
        raise InputError.of(source, "error.soffice_timeout", seconds=f"{CONVERT_TIMEOUT:.0f}") from None
    return stderr or b""


def _input_suffix(source: str) -> str:
    """The suffix LibreOffice is given the file under: its own if legacy, else .doc."""
    suffix = PurePath(source).suffix.lower()
    return suffix if suffix in (".doc", ".wps", ".wpt", ".dot", ".rtf") else ".doc"


def _convert(converter: str, data: bytes, source: str) -> bytes:
    suffix = _input_suffix(source)
    with tempfile.TemporaryDirectory(prefix="checklist-legacy-") as tmp:
        work = Path(tmp)
        infile = work / f"input{suffix}"
        infile.write_bytes(data)
        command = [
            converter,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
            str(work / "out"),
            str(infile),
        ]
        stderr = _run(command, source)
        outfile = work / "out" / "input.docx"
        if not outfile.is_file():
            detail = stderr.decode("utf-8", "replace").strip().splitlines()
            hint = f": {detail[-1][:120]}" if detail else ""
            raise InputError.of(source, "error.soffice_failed", detail=hint)
        return outfile.read_bytes()


def read_legacy(data: bytes, source: str) -> Extracted:
    """Read a .doc/.wps file by converting it to .docx with LibreOffice.

    Without LibreOffice on ``PATH`` this raises :class:`~checklist.errors.InputError`
    telling the user how to convert the file.
    """
    converted = to_docx(data, source)
    if converted is None:
        # Many sites serve an HTML page (Word's "save as web page") under a .doc name.
        return read_html(data, source)
    return dataclasses.replace(read_docx(converted, source), format="doc")


def to_docx(data: bytes, source: str) -> bytes | None:
    """The .docx a legacy file reads as: ``data`` itself when it is a .docx under another
    name, LibreOffice's conversion of a .doc/.wps/RTF file, ``None`` for an HTML page
    under a .doc name (no Word document to keep). Raises the :class:`InputError` of
    :func:`read_legacy`.

    The last conversion is kept (by its input's digest, the suffix it was given and the
    converter): ``checklist annotate`` reads a .doc and then puts its comments into the
    same .docx, with one LibreOffice run, not two."""
    if data.startswith(b"PK\x03\x04"):
        return data
    if not data.startswith(_OLE_MAGIC) and _looks_like_html(data):
        return None
    if not data:
        raise InputError.of(source, "error.empty")
    global _last
    converter = _converter()
    if converter is None:
        raise InputError.of(source, "error.no_converter")
    key = (hashlib.sha256(data).digest(), _input_suffix(source), converter)
    last = _last  # (read once: another thread may replace it, never change it)
    if last is not None and last[0] == key:
        return last[1]
    converted = _convert(converter, data, source)
    _last = (key, converted)
    return converted


# the last conversion: (its input's digest, the suffix it was given, the converter), the .docx
_last: tuple[tuple[bytes, str, str], bytes] | None = None
