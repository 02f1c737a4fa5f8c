"""The README's worked example of a provincial profile and its walkthroughs work as written."""

from __future__ import annotations

import contextlib
import re
import shlex
import shutil
from pathlib import Path

import pytest

import checklist

README = Path(__file__).resolve().parents[1] / "README.md"


def test_provincial_profile_example(tmp_path: Path) -> None:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"Save as `my-province.yaml`:\n\n```yaml\n(.*?)```", text, re.S)
    assert block, "README lost its worked example"
    path = tmp_path / "my-province.yaml"
    path.write_text(block.group(1), encoding="utf-8")
    std = checklist.load_standard(path)
    assert std.extends == "national"
    assert std.requirement("leadership.shufa").severity == "critical"
    assert checklist.example_failures(std) == []
    result = checklist.audit(README.parent / "reports" / "2019-sichuan-guangyuan-zhaohua-district.txt", std)
    assert result.standard.id == "my-province"
    # the 2019 report has 强化示范创建 in its first-responsible part
    assert result.requirement("topic.demonstration").status == "met"


def test_readme_names_the_commands_the_makefile_has() -> None:
    text = README.read_text(encoding="utf-8")
    make = (README.parent / "Makefile").read_text(encoding="utf-8")
    assert "make demo" in text and "make test" in text and "make serve" in text
    assert "\ndemo:" in make and "\ntest:" in make and "\nserve:" in make
    assert "make test" in (README.parent / ".ci" / "run").read_text(encoding="utf-8")


def _walkthrough(heading: str, lang: str) -> str:
    text = README.read_text(encoding="utf-8")
    part = text.split("## Walkthroughs", 1)[1].split("\n## ", 1)[0]
    section = part.split(f"### {heading}", 1)[1].split("\n### ", 1)[0]
    block = re.search(rf"```{lang}\n(.*?)```", section, re.S)
    assert block, f"README lost the walkthrough {heading!r}"
    return block.group(1)


def _run_commands(block: str, cwd: Path) -> list[tuple[list[str], int, str]]:
    """Each command line of a walkthrough (comments dropped) through the command line's
    entry point, in ``cwd``: (argv, exit code, output)."""
    from click.testing import CliRunner

    from checklist.cli import main

    runs = []
    for line in block.splitlines():
        argv = shlex.split(line.split("  #", 1)[0])
        if not argv:
            continue
        assert argv[0] == "checklist", line
        with contextlib.chdir(cwd):
            result = CliRunner().invoke(main, argv[1:])
        assert result.exception is None or isinstance(result.exception, SystemExit), (line, result.output)
        runs.append((argv, result.exit_code, result.output))
    return runs


def _repo_copy(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(README.parent / "reports", root / "reports")
    return root


def test_walkthrough_author_self_check(tmp_path: Path) -> None:
    root = _repo_copy(tmp_path)
    runs = _run_commands(_walkthrough("A report author", "sh"), root)
    assert [argv[1] for argv, _, _ in runs] == ["check", "check", "annotate"]
    (_, code, zh), (_, code_en, en), (_, annotated, _) = runs
    assert code in (0, 1) and code_en == code  # passes or not: said first, in either language
    assert zh.splitlines()[0] and ("建议" in zh or code == 0)
    assert "Suggestion:" in en or code_en == 0
    assert annotated == 0 and (root / "walkthrough-review.docx").stat().st_size > 0


def test_walkthrough_batch(tmp_path: Path) -> None:
    root = _repo_copy(tmp_path)
    [(_, code, _)] = _run_commands(_walkthrough("A reviewer: a batch", "sh"), root)
    assert code == 0
    out = root / "walkthrough-out"
    for name in ("index.html", "summary.xlsx", "summary.csv", "gaps.csv"):
        assert (out / name).is_file(), name
    assert len(list(out.glob("*.json"))) == 5


def test_walkthrough_python_script(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _repo_copy(tmp_path)
    code = _walkthrough("A reviewer's Python script", "python")
    with contextlib.chdir(root):
        exec(compile(code, "README walkthrough", "exec"), {})
    lines = capsys.readouterr().out.splitlines()
    ranked = [line for line in lines if "缺" in line]
    assert len(ranked) == 5 and "无法审查" not in "\n".join(lines)
    scores = [float(line.split()[0]) for line in ranked]
    assert scores == sorted(scores, reverse=True)
