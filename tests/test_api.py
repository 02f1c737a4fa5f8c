"""The Python API as a new user meets it: what dir() and help() show, the errors a wrong
argument gets, folders where paths are, the typed result and its JSON Schema, and a user
script that type-checks under ``mypy --strict``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import checklist
from _samples import REPORTS
from checklist.batch import BatchResult, audit_many

SAMPLE = REPORTS / "2019-sichuan-guangyuan-zhaohua-district.txt"


def test_dir_lists_the_public_api_before_anything_is_imported() -> None:
    # a fresh interpreter: nothing exported has been imported yet, as at a user's first prompt
    code = "import checklist; print(' '.join(dir(checklist)))"
    names = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    public = [n for n in names if not n.startswith("_")]
    assert public == sorted(n for n in checklist.__all__ if not n.startswith("_"))
    assert {"audit", "read", "parse", "AuditResult", "load_standard"} <= set(public)
    assert not {"importlib", "Any", "TYPE_CHECKING", "annotations"} & set(names)


@pytest.mark.parametrize("call", [
    lambda: checklist.audit(SAMPLE, lang="cn"),
    lambda: checklist.audit(SAMPLE, lang=None),  # type: ignore[arg-type]
    lambda: audit_many([SAMPLE], lang="cn"),
])
def test_an_unknown_language_is_a_value_error_naming_lang_and_the_accepted_ones(call: object) -> None:
    with pytest.raises(ValueError, match=r"lang.*zh, en.*'cn'|lang.*zh, en.*None"):
        call()  # type: ignore[operator]


@pytest.mark.parametrize(("call", "argument"), [
    (lambda: checklist.audit(123), "source"),  # type: ignore[arg-type]
    (lambda: checklist.audit(SAMPLE, 5), "standard"),  # type: ignore[arg-type]
    (lambda: checklist.audit(SAMPLE, today="2024-01-01"), "today"),  # type: ignore[arg-type]
    (lambda: checklist.audit(SAMPLE, waivers="w.yaml"), "waivers"),  # type: ignore[arg-type]
    (lambda: checklist.read(123), "source"),  # type: ignore[arg-type]
    (lambda: checklist.read(SAMPLE, format=1), "format"),  # type: ignore[arg-type]
    (lambda: checklist.parse(b"text"), "text"),  # type: ignore[arg-type]
    (lambda: checklist.parse("text", source=1), "source"),  # type: ignore[arg-type]
    (lambda: audit_many(str(REPORTS)), "paths"),
    (lambda: audit_many([1]), "paths"),  # type: ignore[list-item]
])
def test_a_wrong_type_is_a_type_error_naming_the_argument(call: object, argument: str) -> None:
    with pytest.raises(TypeError, match=rf"\b{argument}\b") as info:
        call()  # type: ignore[operator]
    assert "not iterable" not in str(info.value)


def test_argument_errors_speak_the_language_asked_for() -> None:
    with pytest.raises(TypeError, match=r"^argument source must be str, os.PathLike, bytes, checklist.Document, not int$"):
        checklist.audit(123, lang="en")  # type: ignore[arg-type]


def test_audit_many_takes_a_folder_as_checklist_batch_does(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "notes.yaml").write_text("x: 1", encoding="utf-8")  # no report file: not audited
    records = list(audit_many([tmp_path], jobs=1))
    assert [(type(r), r.path) for r in records] == [(BatchResult, str(tmp_path / "sub" / "a.txt"))]
    folder = list(audit_many([str(REPORTS)], jobs=1))
    assert sorted(r.path for r in folder) == sorted(str(p) for p in REPORTS.glob("*.txt"))
    assert all(isinstance(r, BatchResult) for r in folder)


def test_a_file_name_with_brackets_is_a_name_not_a_pattern(tmp_path: Path) -> None:
    name = tmp_path / "报告[定稿].txt"
    name.write_bytes(SAMPLE.read_bytes())
    (tmp_path / "报告定.txt").write_bytes(SAMPLE.read_bytes())  # what the pattern would match
    assert [r.path for r in audit_many([name], jobs=1)] == [str(name)]


def test_help_documents_every_argument() -> None:
    import inspect

    for function in (checklist.audit, checklist.read, checklist.parse):
        doc = inspect.getdoc(function) or ""
        assert "Args:" in doc, function.__name__
        for argument in inspect.signature(function).parameters:
            assert f"\n    {argument}: " in doc.split("Args:", 1)[1], (function.__name__, argument)


