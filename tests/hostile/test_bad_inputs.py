"""Every class of bad input through the command line: a one-line message naming the file
and the problem, exit 2, no traceback, the other files still processed. The table in
docs/bad-inputs.md is produced by this test (CHECKLIST_WRITE_DOCS=1 rewrites it)."""

from __future__ import annotations

import json
import os
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import checklist
from checklist import reading
from checklist.cli import main
from checklist.errors import InputError
from hostile.make_corpus import build

DOC = Path(__file__).resolve().parents[2] / "docs" / "bad-inputs.md"
EXPECTED_EXIT = {
    "empty": 2,
    "whitespace": 2,
    "binary-as-txt": 2,
    "png-as-pdf": 2,
    "docx-truncated": 2,
    "docx-bad-zip": 2,
    "docx-zip-bomb": 2,
    "docx-xxe": 2,
    "docx-billion-laughs": 2,
    "pdf-encrypted": 2,
    "pdf-no-text": 2,
    "text-200mb": 2,
    "text-one-5mb-line": 2,
    "html-deep": 2,
    "html-injection": 0,
    "html-gbk-declared-utf8": 0,
    "not-a-report": 0,
    "english-text": 0,
    "directory": 2,
    "missing": 2,
    "unreadable": 2,
    "chinese-path": 0,
    "standard-syntax": 2,
    "standard-unknown-key": 2,
    "standard-wrong-type": 2,
    "standard-circular": 2,
    "standard-duplicate-id": 2,
    "waiver-expired": 0,
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Path, str]]:
    return build(tmp_path_factory.mktemp("bad-inputs"))


@pytest.fixture()
def unreadable(monkeypatch: pytest.MonkeyPatch, corpus: list[tuple[str, Path, str]]) -> None:
    """As root, permissions do not stop reads: simulate the refusal the OS gives others."""
    locked = next(p for n, p, _ in corpus if n == "unreadable")
    if os.geteuid() != 0:
        return
    real = open

    def refusing_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(file) == locked:
            raise PermissionError(13, "Permission denied", str(file))
        return real(file, *args, **kwargs)

    # the reader opens the file itself (one fstat for its size, then the bytes)
    monkeypatch.setattr(reading, "open", refusing_open, raising=False)


def _run(name: str, path: Path, good: Path) -> tuple[int, str, str]:
    args = ["audit", str(path), "--format", "json"]
    if name.startswith("standard-"):
        args = ["audit", str(good), "--format", "json", "--standard", str(path)]
    elif name.startswith("waiver-"):
        args = ["audit", str(good), "--format", "json", "--waivers", str(path)]
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.stdout, result.stderr


def test_every_bad_input_gets_a_clear_answer(corpus: list[tuple[str, Path, str]], unreadable: None) -> None:
    rows = []
    good = next(p for n, p, _ in corpus if n == "chinese-path")
    for name, path, what in corpus:
        code, out, err = _run(name, path, good)
        assert "Traceback" not in err + out, name
        assert code == EXPECTED_EXIT[name], (name, code, err)
        if code == 2:
            lines = err.strip().splitlines()
            assert len(lines) == 1, (name, err)
            assert path.name in lines[0], (name, lines[0])
            message = lines[0].replace(str(path.parent) + os.sep, "")
        else:
            data = json.loads(out)
            warnings = data["warnings"]
            message = f"审查完成，得分 {data['score']}" + (f"；{'；'.join(warnings)}" if warnings else "")
        rows.append(f"| {name} | {what} | {code} | {message.replace('|', '∣')} |")
    table = "\n".join(
        [
            "# Bad inputs and what the command line says",
            "",
            "Produced by `tests/hostile/test_bad_inputs.py` from the corpus that",
            "`tests/hostile/make_corpus.py` generates (`CHECKLIST_WRITE_DOCS=1 make test` rewrites",
            "this file). Exit code 2: one line on stderr naming the file and the problem, no",
            "traceback; exit 0: the file was audited. Limits are settings (`checklist.limits.Limits`).",
            "",
            "| input | what it is | exit | message |",
            "|---|---|---|---|",
            *rows,
            "",
        ]
    )
    if os.environ.get("CHECKLIST_WRITE_DOCS"):
        DOC.write_text(table, encoding="utf-8")
    assert DOC.read_text(encoding="utf-8") == table, "docs/bad-inputs.md is stale: CHECKLIST_WRITE_DOCS=1"


def test_a_batch_goes_on_past_bad_files(corpus: list[tuple[str, Path, str]], unreadable: None) -> None:
    paths = [str(p) for n, p, _ in corpus if n != "text-200mb" and not n.startswith(("standard-", "waiver-"))]
    result = CliRunner().invoke(main, ["audit", *paths, "--format", "jsonl"])
    assert result.exit_code == 2
    audited = [json.loads(line) for line in result.stdout.splitlines()]
    errors = result.stderr.strip().splitlines()
    assert len(audited) + len(errors) == len(paths)  # nothing lost
    assert len(audited) == sum(1 for n, _, _ in corpus if EXPECTED_EXIT[n] == 0 and not n.startswith("waiver-"))


def _measure(fn: Any) -> tuple[float, int]:
    tracemalloc.start()
    start = time.perf_counter()
    try:
        fn()
    finally:
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return elapsed, peak


def test_zip_bomb_is_refused_fast_and_small(corpus: list[tuple[str, Path, str]]) -> None:
    bomb = next(p for n, p, _ in corpus if n == "docx-zip-bomb")

    def attempt() -> None:
        with pytest.raises(InputError, match="max_unpacked_bytes"):
            checklist.read(bomb)

    elapsed, peak = _measure(attempt)
    assert elapsed < 1.0 and peak < 100 * 1024 * 1024, (elapsed, peak)


def test_huge_text_is_refused_by_the_size_limit(corpus: list[tuple[str, Path, str]]) -> None:
    huge = next(p for n, p, _ in corpus if n == "text-200mb")

    def attempt() -> None:
        with pytest.raises(InputError, match="max_input_bytes"):
            checklist.read(huge)

    _elapsed, peak = _measure(attempt)
    assert peak < 10 * 1024 * 1024, peak


def test_limits_are_settings(corpus: list[tuple[str, Path, str]]) -> None:
    from checklist.limits import Limits

    oneline = next(p for n, p, _ in corpus if n == "text-one-5mb-line")
    with pytest.raises(InputError, match="max_text_chars"):
        checklist.read(oneline)
    doc = checklist.read(oneline, limits=Limits(max_text_chars=5_000_000))
    assert len(doc.original) > 1_000_000


def test_xml_with_entity_declarations_is_refused(corpus: list[tuple[str, Path, str]]) -> None:
    for name in ("docx-xxe", "docx-billion-laughs"):
        path = next(p for n, p, _ in corpus if n == name)
        with pytest.raises(InputError, match="DOCTYPE"):
            checklist.read(path)


def test_the_docx_parser_never_expands_entities() -> None:
    # defence in depth, should a DOCTYPE ever get past the check above
    from docx.oxml.parser import oxml_parser
    from lxml import etree

    xml = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>'
    root = etree.fromstring(xml, oxml_parser)
    assert "root:" not in etree.tostring(root).decode()


def test_injection_is_plain_text(corpus: list[tuple[str, Path, str]]) -> None:
    page = next(p for n, p, _ in corpus if n == "html-injection")
    doc = checklist.read(page)
    assert "alert(1)" not in doc.original  # the page's own script is dropped
    assert "<script>alert(2)</script>" in doc.original  # text that looks like a tag stays text


def test_errors_in_english(corpus: list[tuple[str, Path, str]]) -> None:
    for name, expected in (
        ("pdf-no-text", "no text layer"),
        ("empty", "the file is empty"),
        ("docx-zip-bomb", "max_unpacked_bytes"),
        ("missing", "no such file"),
    ):
        path = next(p for n, p, _ in corpus if n == name)
        result = CliRunner().invoke(main, ["audit", str(path), "--lang", "en"])
        assert result.exit_code == 2
        line = result.stderr.strip()
        assert line.startswith("checklist: error: ") and path.name in line and expected in line, line
        assert not any("\u4e00" <= c <= "\u9fff" for c in line.replace(str(path), "")), line


def test_every_input_error_key_has_both_languages() -> None:
    from checklist.messages import CATALOG

    zh = {k for k in CATALOG["zh"] if k.startswith("error.")}
    en = {k for k in CATALOG["en"] if k.startswith("error.")}
    assert zh == en and len(zh) > 30
    src = Path(__file__).resolve().parents[2] / "src" / "checklist"
    import re

    used = {
        m
        for f in src.rglob("*.py")
        for m in re.findall(r'InputError\.of\([^,]+,\s*"(error\.[a-z_]+)"', f.read_text(encoding="utf-8"))
    }
    used |= {
        m for f in src.rglob("*.py") for m in re.findall(r'what = "(error\.[a-z_]+)"', f.read_text(encoding="utf-8"))
    }
    assert used <= zh, used - zh
