"""The server's private temporary folder: 0700 while it runs, gone and undone after."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import pytest

from checklist.web.tempdir import private_tempdir


def test_private_tempdir_points_everything_at_it_and_puts_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.delenv("TEMP", raising=False)
    monkeypatch.setenv("TMP", "/elsewhere")
    with private_tempdir() as private:
        folder = Path(private)
        assert folder.parent == tmp_path and folder.name.startswith("checklist-serve-")
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert tempfile.gettempdir() == private
        assert os.environ["TMPDIR"] == os.environ["TEMP"] == os.environ["TMP"] == private
        (folder / "upload.part").write_bytes(b"x")
    assert not folder.exists()
    assert tempfile.tempdir == str(tmp_path)
    assert os.environ["TMPDIR"] == str(tmp_path) and "TEMP" not in os.environ and os.environ["TMP"] == "/elsewhere"


def test_private_tempdir_is_undone_when_the_server_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises(OSError), private_tempdir() as private:
        raise OSError("address in use")
    assert not Path(private).exists() and tempfile.tempdir == str(tmp_path)
