"""The sample reports and their reviewer labels, for tests."""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from click.testing import CliRunner, Result

if TYPE_CHECKING:
    from checklist.document import Document
    from checklist.rules.result import AuditResult

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "reports"
LABELS: dict[str, Any] = yaml.safe_load((REPORTS / "labels.yaml").read_text(encoding="utf-8"))
SAMPLES = sorted(LABELS)


def sample_path(name: str) -> Path:
    """Path of sample report ``name``."""
    return REPORTS / name


def fixture_builder() -> ModuleType:
    """``tests/fixtures/make_fixtures.py`` (tests/ is not a package: loaded by path, once)."""
    name = "make_fixtures"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / "fixtures" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def cli_audit(folder: Path, name: str, *args: str) -> Result:
    """``checklist audit NAME --format json ARGS`` run in ``folder``, so the JSON's path reads NAME
    (as a file uploaded under that name does)."""
    from checklist.cli import main

    with contextlib.chdir(folder):
        return CliRunner().invoke(main, ["audit", name, "--format", "json", *args])


def assert_verdicts_as_labelled(name: str, doc: Document, context: str = "") -> None:
    """``doc`` (sample ``name`` read from another format) gets every labelled verdict, and each
    piece of evidence quotes its own original text at its offsets."""
    import checklist

    result = checklist.audit(doc)
    wrong = {
        rid: (result.requirement(rid).status, want)
        for rid, want in LABELS[name]["requirements"].items()
        if result.requirement(rid).status != want
    }
    assert not wrong, f"{context}(got, label) {wrong}"
    for r in result.requirements:
        for e in r.evidence:
            if e.start is not None:
                assert doc.original[e.start : e.end] == e.quote


def soffice_or_skip() -> str:
    """LibreOffice's ``soffice``: a test that needs it is skipped without it, or fails when
    ``CHECKLIST_LIBREOFFICE_TESTS=required`` (as CI sets it)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CHECKLIST_LIBREOFFICE_TESTS") == "required":
            pytest.fail("LibreOffice tests required but soffice is missing (apt-get install libreoffice-writer-nogui)")
        pytest.skip("soffice is missing (apt-get install libreoffice-writer-nogui)")
    return found


def large_result(result: AuditResult, times: int = 40) -> AuditResult:
    """A large report made from ``result`` (kept with its text): the text ``times`` over,
    each requirement's evidence repeated in every copy (some 170,000 characters from a
    sample). For the browser tests and ``bench/render.py``."""
    assert result.text is not None
    step = len(result.text) + 1
    reqs = [
        r.model_copy(
            update={
                "evidence": [
                    e.model_copy(update={"start": e.start + k * step, "end": e.end + k * step})
                    for k in range(times)
                    for e in r.evidence
                    if e.start is not None and e.end is not None
                ]
            }
        )
        for r in result.requirements
    ]
    return result.model_copy(update={"text": (result.text + "\n") * times, "requirements": reqs, "removed": []})
