"""Legacy Word files through a real LibreOffice: each sample saved as .doc (by LibreOffice,
from the fixture .docx) reads with the .txt's metadata, headings and labelled verdicts,
and the self-check server takes it; one saved as RTF too.

Needs ``soffice`` (Debian: ``apt-get install libreoffice-writer-nogui``; ``.ci/run``
installs it). Skipped without it, unless ``CHECKLIST_LIBREOFFICE_TESTS=required`` (set by
``.ci/run``), which turns a missing LibreOffice into a failure.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import checklist
from _samples import LABELS, SAMPLES, assert_verdicts_as_labelled, cli_audit, sample_path, soffice_or_skip


@pytest.fixture(scope="module")
def soffice() -> str:
    return soffice_or_skip()


@pytest.fixture(scope="module")
def doc_files(
    soffice: str, fixture_files: dict[str, dict[str, Path]], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("doc")
    profile = (out / "profile").as_uri()
    docx_files = [str(fixture_files[name.removesuffix(".txt")]["docx"]) for name in SAMPLES]
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(out),
            *docx_files,
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    files = {name: out / f"{name.removesuffix('.txt')}.doc" for name in SAMPLES}
    for path in files.values():
        assert path.read_bytes().startswith(b"\xd0\xcf\x11\xe0"), path  # a real binary Word file
    return files


@pytest.mark.parametrize("name", SAMPLES)
def test_doc_reads_like_the_txt(name: str, doc_files: dict[str, Path]) -> None:
    txt = checklist.read(sample_path(name))
    doc = checklist.read(doc_files[name])
    assert doc.format == "doc"
    assert doc.metadata == txt.metadata
    assert [s.heading for s in doc.sections] == [s.heading for s in txt.sections]
    assert_verdicts_as_labelled(name, doc)


def test_doc_upload_to_the_self_check_server(
    doc_files: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    from starlette.testclient import TestClient

    from checklist.web import create_app

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # where the conversion works
    path = doc_files[SAMPLES[0]]
    r = TestClient(create_app(), base_url="http://127.0.0.1").post(
        "/api/audit", files={"file": (path.name, path.read_bytes(), "application/msword")}
    )
    assert r.status_code == 200, r.text
    assert list(scratch.iterdir()) == []  # LibreOffice's folder and profile are gone after the answer
    cli = cli_audit(path.parent, path.name)
    assert cli.exit_code == 0 and r.json() == json.loads(cli.stdout)


def test_rtf_reads_like_the_txt(soffice: str, fixture_files: dict[str, dict[str, Path]], tmp_path: Path) -> None:
    name = SAMPLES[3]
    docx = fixture_files[name.removesuffix(".txt")]["docx"]
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "rtf",
            "--outdir",
            str(tmp_path),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    rtf = tmp_path / f"{name.removesuffix('.txt')}.rtf"
    assert rtf.read_bytes().startswith(b"{\\rtf")
    doc = checklist.read(rtf)
    assert doc.metadata == checklist.read(sample_path(name)).metadata
    result = checklist.audit(doc)
    assert all(result.requirement(rid).status == want for rid, want in LABELS[name]["requirements"].items())


def test_wps_name_goes_through_libreoffice(doc_files: dict[str, Path], tmp_path: Path) -> None:
    name = SAMPLES[1]
    wps = tmp_path / "报告.wps"
    wps.write_bytes(doc_files[name].read_bytes())
    doc = checklist.read(wps)
    assert doc.format == "doc" and doc.metadata == checklist.read(sample_path(name)).metadata
