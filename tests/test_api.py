"""The Python API as a new user meets it: what dir() and help() show, the errors a wrong
argument gets, folders where paths are, the typed result and its JSON Schema, and a user
script that type-checks under ``mypy --strict``."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from click.testing import CliRunner
from mypy import api as mypy_api
from pydantic import ValidationError

import checklist
from _samples import REPORTS, ROOT
from checklist.batch import BatchResult, audit_many
from checklist.cli import main
from checklist.cli.schema import schema as schema_command
from checklist.document import LEVELS
from checklist.rules import standard as standard_module
from checklist.rules.result import Level, Severity, Status

SAMPLE = REPORTS / "2019-sichuan-guangyuan-zhaohua-district.txt"


def test_dir_lists_the_public_api_before_anything_is_imported() -> None:
    # a fresh interpreter: nothing exported has been imported yet, as at a user's first prompt
    code = "import checklist; print(' '.join(dir(checklist)))"
    names = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    public = [n for n in names if not n.startswith("_")]
    assert public == sorted(n for n in checklist.__all__ if not n.startswith("_"))
    assert {"audit", "read", "parse", "AuditResult", "load_standard"} <= set(public)
    assert not {"importlib", "Any", "TYPE_CHECKING", "annotations"} & set(names)


def test_tab_completion_offers_the_api() -> None:
    # the interpreter's completer (IPython's too) asks dir(): nothing exported is imported yet
    code = (
        "import rlcompleter, checklist; c = rlcompleter.Completer({'checklist': checklist}); "
        "print(' '.join(c.attr_matches('checklist.au') + c.attr_matches('checklist.Aud')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["checklist.audit(", "checklist.AuditResult("]


@pytest.mark.parametrize(
    "call",
    [
        lambda: checklist.audit(SAMPLE, lang="cn"),
        lambda: checklist.audit(SAMPLE, lang=None),  # type: ignore[arg-type]
        lambda: audit_many([SAMPLE], lang="cn"),
    ],
)
def test_an_unknown_language_is_a_value_error_naming_lang_and_the_accepted_ones(call: object) -> None:
    with pytest.raises(ValueError, match=r"lang.*zh, en.*'cn'|lang.*zh, en.*None"):
        call()  # type: ignore[operator]


@pytest.mark.parametrize(
    ("call", "argument"),
    [
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
        (lambda: audit_many([SAMPLE], 5), "standard"),  # type: ignore[arg-type]
    ],
)
def test_a_wrong_type_is_a_type_error_naming_the_argument(call: object, argument: str) -> None:
    with pytest.raises(TypeError, match=rf"\b{argument}\b") as info:
        call()  # type: ignore[operator]
    assert "not iterable" not in str(info.value)


def test_argument_errors_speak_the_language_asked_for() -> None:
    with pytest.raises(
        TypeError, match=r"^argument source must be str, os.PathLike, bytes, checklist.Document, not int$"
    ):
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
    import pydoc

    shown = pydoc.render_doc(checklist.audit, renderer=pydoc.TextDoc())
    assert all(f"{argument}:" in shown for argument in ("source", "standard", "lang", "waivers", "keep_text"))
    for function in (checklist.audit, checklist.read, checklist.parse):
        doc = inspect.getdoc(function) or ""
        assert "Args:" in doc, function.__name__
        for argument in inspect.signature(function).parameters:
            assert f"\n    {argument}: " in doc.split("Args:", 1)[1], (function.__name__, argument)


# -- the typed result ---------------------------------------------------------------------


def _results() -> list[tuple[str, str]]:
    """(name, JSON) of every result of the test corpora: the five samples (as text, each
    standard auto-chosen and national, with and without the text kept) and the passages of
    tests/cases/requirements.yaml."""
    out = []
    for path in sorted(REPORTS.glob("*.txt")):
        for standard in (None, "national"):
            result = checklist.audit(path, standard, keep_text=standard is None)
            out.append((f"{path.name}:{standard}", result.model_dump_json()))
    cases = yaml.safe_load((ROOT / "tests" / "cases" / "requirements.yaml").read_text(encoding="utf-8"))
    for entry in cases:
        for i, case in enumerate(entry["cases"]):
            doc = checklist.parse(case["text"])
            result = checklist.audit(doc, case.get("standard", entry.get("standard")), lang="en" if i % 2 else "zh")
            out.append((f"{entry['requirement']}:{i}", result.model_dump_json()))
    return out


@pytest.fixture(scope="module")
def corpus_results() -> list[tuple[str, str]]:
    return _results()


def test_the_document_is_a_typed_model_with_the_json_of_the_dict_it_replaces() -> None:
    doc = checklist.read(SAMPLE)
    result = checklist.audit(doc)
    info = result.document
    assert isinstance(info, checklist.DocumentInfo)
    assert (info.issuer, info.year, info.level) == (doc.metadata.issuer, doc.metadata.year, doc.metadata.level)
    assert info.date == doc.metadata.date and isinstance(info.date, dt.date)
    # the JSON object is the one Document.metadata_dict() gives, key for key and in order
    assert list(json.loads(result.model_dump_json())["document"].items()) == list(doc.metadata_dict().items())
    # scripts written when this was a dict keep working, with the dict's values
    assert dict(info) == doc.metadata_dict() and {**info} == doc.metadata_dict()
    assert info["date"] == doc.metadata_dict()["date"] and info.get("nothing", 1) == 1 and "issuer" in info
    assert list(info) == list(doc.metadata_dict())
    with pytest.raises(KeyError):
        info["nothing"]


def test_severities_and_statuses_are_enumerations() -> None:
    assert get_args(Severity) == get_args(standard_module.Severity)
    assert set(get_args(Level)) == set(LEVELS)
    assert set(get_args(Status)) == {"met", "partial", "missing", "not_applicable"}
    defs = checklist.AuditResult.model_json_schema()["$defs"]
    assert defs["RequirementResult"]["properties"]["severity"]["enum"] == list(get_args(Severity))
    assert defs["Finding"]["properties"]["severity"]["enum"] == list(get_args(Severity))
    assert defs["RequirementResult"]["properties"]["status"]["enum"] == list(get_args(Status))
    with pytest.raises(ValidationError):
        checklist.RequirementResult(
            id="a",
            title="a",
            group="g",
            status="met",
            severity="high",  # type: ignore[arg-type]
            weight=1,
            message="m",
        )


def _objects(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    yield "AuditResult", schema
    yield from schema["$defs"].items()


def test_every_field_of_the_result_is_described() -> None:
    schema = checklist.AuditResult.model_json_schema()
    for name, obj in _objects(schema):
        assert obj.get("description"), name
        for field, prop in obj["properties"].items():
            # a field described as its model is shows the model's description (pydantic drops the copy)
            ref = prop.get("$ref", "").rsplit("/", 1)[-1]
            assert prop.get("description") or schema["$defs"].get(ref, {}).get("description"), f"{name}.{field}"


def test_checklist_schema_prints_the_result_schema(tmp_path: Path) -> None:
    out = CliRunner().invoke(schema_command, [])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output) == checklist.AuditResult.model_json_schema()
    assert CliRunner().invoke(schema_command, ["-o", str(tmp_path / "s.json")]).exit_code == 0
    assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8")) == json.loads(out.output)
    registered = CliRunner().invoke(main, ["schema"])  # as `checklist schema`
    assert registered.exit_code == 0 and registered.output == out.output
    assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8")) == json.loads(out.output)


def _unlisted_keys(value: Any, node: dict[str, Any], defs: dict[str, Any], where: str) -> Iterator[str]:
    """Every key of ``value`` the schema ``node`` does not list (following $ref, anyOf, items)."""
    if "$ref" in node:
        yield from _unlisted_keys(value, defs[node["$ref"].rsplit("/", 1)[1]], defs, where)
    elif "anyOf" in node:
        if value is not None:
            yield from _unlisted_keys(value, next(n for n in node["anyOf"] if n.get("type") != "null"), defs, where)
    elif isinstance(value, dict) and "properties" in node:
        for key, item in value.items():
            if key not in node["properties"]:
                yield f"{where}.{key}"
            else:
                yield from _unlisted_keys(item, node["properties"][key], defs, f"{where}.{key}")
    elif isinstance(value, list) and "items" in node:
        for i, item in enumerate(value):
            yield from _unlisted_keys(item, node["items"], defs, f"{where}[{i}]")


def test_every_result_of_the_corpora_fits_the_schema(corpus_results: list[tuple[str, str]]) -> None:
    # jsonschema is not a dependency: a result fits when it validates back into the model
    # unchanged (the model is the schema's source) and the schema lists every key it has
    out = CliRunner().invoke(schema_command, [])
    schema = json.loads(out.output)
    assert len(corpus_results) > 50
    for name, text in corpus_results:
        again = checklist.AuditResult.model_validate_json(text)
        assert again.model_dump_json() == text, name
        assert list(_unlisted_keys(json.loads(text), schema, schema["$defs"], name)) == []
        assert set(schema["required"]) <= set(json.loads(text)), name


def test_the_user_script_runs_and_passes_mypy_strict() -> None:
    script = ROOT / "tests" / "cases" / "api_user_script.py"
    out = subprocess.run([sys.executable, str(script), str(SAMPLE)], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    result = checklist.audit(SAMPLE)
    assert lines[0].startswith(f"{result.document.issuer} {result.document.year} ")
    missing = [r for r in result.requirements if r.status == "missing" and r.severity != "info"]
    assert missing and all(f"missing\t{r.title}\t{r.suggestion or ''}" in lines for r in missing)
    stdout, stderr, status = mypy_api.run(
        ["--strict", "--no-incremental", "--config-file", str(ROOT / "pyproject.toml"), str(script)]
    )
    assert status == 0, stdout + stderr
