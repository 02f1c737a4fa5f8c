"""The server's own temporary folder.

Multipart parts over 1 MB and LibreOffice's conversions of .doc/.wps uploads are written
to the temporary folder. While the self-check server runs, that is a folder of its own
(mode 0700, so other users of the machine cannot read the uploads), removed when it
stops. What was there before is put back, so a caller running the server in its own
process keeps its temporary folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

# TEMP and TMP for LibreOffice on Windows; TMPDIR for it and every other child elsewhere
_ENVIRONMENT = ("TMPDIR", "TEMP", "TMP")


@contextmanager
def private_tempdir(prefix: str = "checklist-serve-") -> Iterator[str]:
    """A fresh 0700 folder as :mod:`tempfile`'s and the environment's temporary folder.

    Yields its path; on exit restores ``tempfile.tempdir`` and ``TMPDIR``/``TEMP``/``TMP``
    as they were (unset stays unset) and removes the folder with whatever is left in it.
    """
    private = tempfile.mkdtemp(prefix=prefix)
    saved_tempdir = tempfile.tempdir
    saved_environ = {name: os.environ.get(name) for name in _ENVIRONMENT}
    tempfile.tempdir = private
    for name in _ENVIRONMENT:
        os.environ[name] = private
    try:
        yield private
    finally:
        tempfile.tempdir = saved_tempdir
        for name, value in saved_environ.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        shutil.rmtree(private, ignore_errors=True)
