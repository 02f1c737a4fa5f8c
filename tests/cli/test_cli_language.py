"""The command line speaks the user's language: every message from the catalogue.

The rule checked here: no string constant in ``src/checklist/cli/`` contains a Chinese
character, except the main group's docstring (its first line is the bilingual title of
``checklist --help``). Chinese text lives in :mod:`checklist.messages`, next to its
English; help texts of options and commands are English, like click's own.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from checklist.cli import main
from checklist.messages import CATALOG

CLI = Path(__file__).resolve().parents[2] / "src" / "checklist" / "cli"
# CJK ideographs and the full-width punctuation that comes with them (、，：；（）)
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
WEAK = "一、主要做法\n开展普法活动12次。\n"


def _allowed(node: ast.AST, tree: ast.Module) -> bool:
    """The docstring of the group ``main`` in ``cli/__init__.py``."""
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef) and fn.name == "main" and fn.body:
            first = fn.body[0]
            if isinstance(first, ast.Expr) and first.value is node:
                return True
    return False


def chinese_literals(path: Path) -> list[str]:
    """``file:line: text`` of every string constant with a Chinese character not allowed."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    exempt = path.name == "__init__.py"
    return [
        f"{path.name}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and CHINESE.search(node.value)
        and not (exempt and _allowed(node, tree))
    ]


def test_no_chinese_string_literal_in_the_command_line() -> None:
    files = sorted(CLI.rglob("*.py"))
    assert len(files) > 5
    found = [hit for f in files for hit in chinese_literals(f)]
    assert found == []


def test_the_literal_check_can_fail(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text('def f() -> str:\n    """Docstring."""\n    return f"无法写入 {1}"\n', encoding="utf-8")
    assert chinese_literals(bad) == ["bad.py:3: '无法写入 '"]


def test_every_command_line_message_has_both_languages() -> None:
    mine = ("cli.", "example.", "serve.", "text.error", "text.internal", "batch.counts")
    zh = {k for k in CATALOG["zh"] if k.startswith(mine)}
    en = {k for k in CATALOG["en"] if k.startswith(mine)}
    assert zh == en and len(zh) > 25


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_audit_cannot_write_in_english(tmp_path: Path) -> None:
    report = tmp_path / "weak.txt"
    report.write_text(WEAK, encoding="utf-8")
    code, _, err = _run("audit", str(report), "--lang", "en", "-o", "/nonexistent/dir/x.json")
    assert code == 2
    assert err.startswith("checklist: cannot write /nonexistent/dir/x.json: "), err
    assert not CHINESE.search(err), err
    code, _, err = _run("audit", str(report), "-o", "/nonexistent/dir/x.json")
    assert code == 2 and err.startswith("checklist: 无法写入 /nonexistent/dir/x.json："), err


@pytest.mark.parametrize(
    ("content", "english", "chinese"),
    [
        ('{"a": 1}', "the result is not the JSON of checklist audit", "审查结果不是 checklist audit 的 JSON 结果"),
        (
            '[{"schema_version": 1}, {"schema_version": 9}]',
            "result 1 is malformed: tool: ",
            "第 1 个结果格式不对：tool：",
        ),
        (
            '{"schema_version": 9}',
            "the result has schema_version 9; this version reads only 1",
            "审查结果的 schema_version 为 9，本版本只读 1",
        ),
        ('{"a": 1}\n{bad\n', "not JSON or JSON Lines: line 1, column 2", "不是 JSON 或 JSON Lines：第 1 行第 2 列"),
        ("[]", "no audit results", "没有审查结果"),
    ],
)
def test_render_errors_in_both_languages(tmp_path: Path, content: str, english: str, chinese: str) -> None:
    saved = tmp_path / "r.json"
    saved.write_text(content, encoding="utf-8")
    code, _, err = _run("render", str(saved), "--lang", "en")
    assert code == 2 and err.startswith(f"checklist: error: {saved}: {english}"), err
    code, _, err = _run("render", str(saved))
    assert code == 2 and err.startswith(f"checklist: 错误：{saved}: {chinese}"), err


def test_render_of_a_missing_file_in_english(tmp_path: Path) -> None:
    code, _, err = _run("render", str(tmp_path / "gone.json"), "--lang", "en")
    assert code == 2 and err.strip() == f"checklist: error: {tmp_path / 'gone.json'}: no such file"


def test_check_reasons_in_english(tmp_path: Path) -> None:
    report = tmp_path / "weak.txt"
    report.write_text(WEAK, encoding="utf-8")
    code, out, _ = _run("check", str(report), "--lang", "en", "--min-score", "99", "--format", "json")
    assert code == 1
    reasons = json.loads(out)["check"]["reasons"]
    assert reasons[0].startswith("score ") and ", " in reasons[1] and "、" not in reasons[1]
    code, out, _ = _run("check", str(report), "--lang", "en", "--min-score", "99")
    assert code == 1 and "Self-check failed: score " in out and "; " in out


def test_standards_commands_in_english(tmp_path: Path) -> None:
    code, out, _ = _run("standards", "list", "--lang", "en")
    assert code == 0 and "requirements" in out
    code, out, _ = _run("standards", "validate", "national", "--lang", "en")
    assert code == 0 and out.startswith("national: valid (national ")
    code, out, _ = _run("standards", "show", "township", "--lang", "en")
    assert code == 0 and "  basis: " in out and "依据" not in out
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(
        "id: wrong\nversion: '1'\ntitle: {zh: 错}\nextends: national\noverrides:\n"
        "  leadership.shufa:\n    examples:\n      - {status: met, text: 开展普法12次。, note: 故意}\n",
        encoding="utf-8",
    )
    code, out, _ = _run("standards", "test", str(wrong), "--lang", "en")
    assert code == 1 and "FAIL wrong leadership.shufa example 1: expected met, got " in out
    assert out.splitlines()[0].endswith(" (故意)")
    code, out, _ = _run("standards", "test", str(wrong))
    assert code == 1 and "FAIL wrong leadership.shufa 示例1：应为 met，实际为 " in out and "（故意）" in out


def test_inspect_names_removed_clutter_in_english(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("首页 > 政务公开\n" + WEAK + "第 1 页 共 2 页\n", encoding="utf-8")
    code, out, _ = _run("inspect", str(page))
    assert code == 0 and out.splitlines()[-1].startswith("  removed:   2 行网页杂项（")
    code, out, _ = _run("inspect", str(page), "--lang", "en")
    last = out.splitlines()[-1]
    assert code == 0 and last.startswith("  removed:   2 lines of web page clutter (") and not CHINESE.search(last)


def test_a_broken_standard_is_reported_in_english(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: b\nversion: '1'\ntitle: {zh: b}\nrequirements: [{id: x}]\n", encoding="utf-8")
    report = tmp_path / "weak.txt"
    report.write_text(WEAK, encoding="utf-8")
    for args in (
        ["standards", "validate", str(broken)],
        ["check", str(report), "-s", str(broken)],
        ["audit", str(report), "-s", str(broken)],
    ):
        code, _, err = _run(*args, "--lang", "en")
        assert code == 2 and err.startswith(f"checklist: error: {broken}:4 [requirements.0.id]: "), err
        assert not CHINESE.search(err), err
