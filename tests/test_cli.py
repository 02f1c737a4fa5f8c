"""The command line through click's CliRunner: outputs, exit codes, the check truth table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from _samples import SAMPLES, sample_path
from checklist.cli import main

GOOD = """关于2023年度法治政府建设情况的报告
区委、区政府：
2023年，我镇坚持依法行政。
一、2023年度推进法治政府建设的主要举措和成效
（一）压实第一责任。党委书记主持专题会议3次，年终开展述职述法，将法治建设纳入年度综合考核。
（二）严格执法。落实行政执法公示制度，配备执法记录仪6部，重大行政处罚决定经法制审核12件。
二、存在的不足和原因
执法人员偏少，主要是由于编制有限。
三、2024年度推进法治政府建设的主要安排
加强执法队伍建设。
某某镇人民政府
2024年1月20日
"""
WEAK = "一、主要做法\n开展普法活动12次。\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    weak = tmp_path / "weak.txt"
    weak.write_text(WEAK, encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: b\nversion: '1'\ntitle: {zh: b}\nrequirements: [{id: x}]\n", encoding="utf-8")
    return {"good": good, "weak": weak, "broken": broken, "missing": tmp_path / "nope.txt"}


def test_version_and_help() -> None:
    code, out, _ = run("--version")
    assert code == 0 and "checklist" in out
    code, out, _ = run("--help")
    assert code == 0 and "audit" in out and "check" in out and "inspect" in out


def test_inspect_json_contract() -> None:
    wujia = "2023-chongqing-rongchang-wujia-town.txt"
    code, out, _ = run("inspect", str(sample_path(wujia)), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"document", "sections"}
    assert data["document"]["year"] == 2023
    assert data["sections"][0] == {**data["sections"][0], "level": 1, "path": "一、指标完成情况"}
    code, out, _ = run("inspect", str(sample_path(SAMPLES[0])), str(sample_path(SAMPLES[1])), "--format", "json")
    assert isinstance(json.loads(out), list)


def test_inspect_keeps_going_after_a_bad_file(files: dict[str, Path]) -> None:
    code, out, err = run("inspect", str(files["missing"]), str(files["good"]))
    assert code == 2
    assert "nope.txt" in err and "不存在" in err and "Traceback" not in err
    assert "2023" in out


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "markdown", "table"])
def test_audit_formats(files: dict[str, Path], fmt: str) -> None:
    code, out, _ = run("audit", str(files["good"]), str(files["weak"]), "--format", fmt)
    assert code == 0
    if fmt == "json":
        assert [d["schema_version"] for d in json.loads(out)] == [1, 1]
    elif fmt == "jsonl":
        assert len(out.strip().splitlines()) == 2
    elif fmt == "text":
        assert "得分" in out and "建议" in out


def test_audit_writes_a_file_and_names_the_profile(files: dict[str, Path], tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    code, _, _ = run("audit", str(files["good"]), "--format", "json", "-o", str(target))
    assert code == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["standard"]["id"] == "township"
    assert "乡镇" in data["standard"]["reason"]


def test_audit_english(files: dict[str, Path]) -> None:
    code, out, _ = run("audit", str(files["weak"]), "--lang", "en")
    assert code == 0 and "Score" in out


def test_audit_missing_file_is_exit_2_without_traceback(files: dict[str, Path]) -> None:
    code, out, err = run("audit", str(files["missing"]), str(files["good"]), "--format", "json")
    assert code == 2
    assert "nope.txt" in err and "Traceback" not in err
    assert json.loads(out)["document"]["year"] == 2023


# The truth table of `checklist check` (also in README):
#   error reading the report or the standard          -> 2 (whatever --fail-on says)
#   score < --min-score                               -> 1
#   a requirement at or above --fail-on not met       -> 1
#   otherwise                                         -> 0
@pytest.mark.parametrize(
    ("which", "args", "code"),
    [
        ("good", [], 0),
        ("weak", [], 1),
        ("weak", ["--fail-on", "never"], 0),
        ("good", ["--min-score", "99"], 1),
        ("good", ["--min-score", "50", "--fail-on", "never"], 0),
        ("weak", ["--min-score", "0", "--fail-on", "never"], 0),
        ("good", ["--fail-on", "minor"], 1),
        ("missing", [], 2),
        ("missing", ["--fail-on", "never"], 2),
        ("good", ["--standard", "BROKEN"], 2),
        ("good", ["--standard", "BROKEN", "--fail-on", "never"], 2),
    ],
)
def test_check_truth_table(files: dict[str, Path], which: str, args: list[str], code: int) -> None:
    args = [str(files["broken"]) if a == "BROKEN" else a for a in args]
    got, out, err = run("check", str(files[which]), *args)
    assert got == code, (out, err)
    if code == 1:
        assert "未通过" in out
    if code == 2:
        assert err.startswith("checklist: ") and "Traceback" not in err


def test_check_names_the_failing_requirements(files: dict[str, Path]) -> None:
    _, out, _ = run("check", str(files["weak"]))
    assert "core.shortcomings" in out and "core.next_year_plan" in out


def test_standards_commands(files: dict[str, Path]) -> None:
    code, out, _ = run("standards", "list")
    assert code == 0 and "national" in out and "township" in out and "department" in out
    code, out, _ = run("standards", "show", "township")
    assert code == 0 and "legal_advisor.grassroots" in out
    code, out, _ = run("standards", "validate", "national")
    assert code == 0
    code, _, err = run("standards", "validate", str(files["broken"]))
    assert code == 2 and "broken.yaml" in err
    code, out, _ = run("standards", "test")
    assert code == 0 and "0 failed" in out


def test_standards_test_fails_on_a_wrong_example(tmp_path: Path) -> None:
    path = tmp_path / "wrong.yaml"
    path.write_text(
        """
id: wrong
version: "1"
title: {zh: 故意写错的示例}
extends: national
overrides:
  leadership.shufa:
    examples:
      - {status: met, text: 年终开展述职述法。}
      - {status: met, text: 开展普法12次。}
""",
        encoding="utf-8",
    )
    code, out, _ = run("standards", "test", str(path))
    assert code == 1
    assert "FAIL wrong leadership.shufa 示例2" in out


def test_waivers_option(files: dict[str, Path], tmp_path: Path) -> None:
    waivers = tmp_path / "w.yaml"
    waivers.write_text(
        "- requirement: core.shortcomings\n  report: '*weak*'\n  reason: 试点单位\n"
        "- requirement: core.next_year_plan\n  reason: 试点单位\n  expires: 2000-01-01\n",
        encoding="utf-8",
    )
    code, out, _ = run("check", str(files["weak"]), "--waivers", str(waivers), "--format", "json")
    data = json.loads(out)
    assert next(r for r in data["requirements"] if r["id"] == "core.shortcomings")["waived"]["reason"] == "试点单位"
    assert any("过期" in w for w in data["warnings"])
    assert code == 1  # next_year_plan is still missing: its waiver expired
    bad = tmp_path / "bad.yaml"
    bad.write_text("- requirement: x\n", encoding="utf-8")
    code, _, err = run("check", str(files["good"]), "--waivers", str(bad))
    assert code == 2 and "bad.yaml" in err


def test_an_unexpected_bug_is_one_line_and_exit_2(files: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    import checklist.api

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(checklist.api, "audit", broken)
    code, _, err = run("audit", str(files["good"]), str(files["weak"]))
    assert code == 2 and err.count("内部错误") == 2 and "Traceback" not in err


# --- the self-check an author can act on (issue 15, item 2) ----------------------------


def test_check_text_gives_the_verdict_first_then_what_to_fix(files: dict[str, Path]) -> None:
    code, out, _ = run("check", str(files["weak"]))
    lines = out.splitlines()
    assert code == 1
    assert lines[0].startswith("== 自查未通过：存在关键级别的缺失或部分满足项：") and "存在的不足" in lines[0]
    must = lines.index("-- 必须修改：未通过自查的要求（3 项） --")
    other = next(i for i, line in enumerate(lines) if line.startswith("-- 其他缺失的要求"))
    assert must < other
    assert lines[must + 1].startswith("✘ ") and "（缺失，关键）" in lines[must + 1]
    assert lines[must + 2].startswith("    建议：")
    assert not any(line.startswith("✔") for line in lines), "met requirements are folded into a count"
    assert lines[-1].startswith("另有已满足 ") and "--verbose" in lines[-1]
    assert any(line.startswith("得分：") and "格式要素" in line and "法定内容" in line for line in lines)
    code, verbose, _ = run("check", str(files["weak"]), "--verbose")
    assert code == 1 and any(line.startswith("✔") for line in verbose.splitlines())
    assert "-- 已满足的要求（" in verbose and "另有已满足" not in verbose


def test_check_text_of_a_passing_report_lists_partial_items(files: dict[str, Path]) -> None:
    code, out, _ = run("check", str(files["good"]))
    lines = out.splitlines()
    assert code == 0 and lines[0] == "== 自查通过 =="
    assert not any("必须修改" in line for line in lines)
    partial = [i for i, line in enumerate(lines) if line.startswith("◐ ")]
    assert all("（部分满足，" in lines[i] for i in partial)


def test_check_text_in_english_punctuation(files: dict[str, Path]) -> None:
    code, out, _ = run("check", str(files["weak"]), "--lang", "en")
    assert code == 1 and out.startswith("== Self-check failed: critical requirements not met: Shortcomings")
    assert "    Suggestion: " in out and "Suggestion：" not in out and "建议" not in out
    assert "Score: " in out and "Statutory parts" in out
    for line in out.splitlines():
        if not line.startswith(("    Suggestion: ", "  ! ")):  # suggestions quote Chinese wording
            assert "：" not in line and "（" not in line, line


def test_check_json_lists_the_failing_ids(files: dict[str, Path]) -> None:
    code, out, _ = run("check", str(files["weak"]), "--format", "json")
    check = json.loads(out)["check"]
    assert code == 1 and not check["passed"]
    assert {"core.shortcomings", "core.next_year_plan"} <= set(check["failing"])
    assert "存在的不足" in check["reasons"][0]


# --- waiver file errors (issue 15, item 3) ---------------------------------------------


@pytest.mark.parametrize(
    ("content", "where", "chinese", "english"),
    [
        (
            "- requirement: core.causes\n  reason: ok\n- requirement: core.other\n  owner: 我\n",
            ":3 [reason]",
            "缺少必填键",
            "required key missing",
        ),
        ("- requirement: core.causes\n  reason: ok\n  reviewer: 我\n", ":3 [reviewer]", "未知的键", "unknown key"),
        (
            "waivers:\n  - requirement: core.causes\n    reason: ok\n    expires: next year\n",
            ":4 [expires]",
            "应为日期（如 2026-12-31）",
            "must be a date (like 2026-12-31)",
        ),
        (
            "- requirement: core.causes\n  reason: ok\n  expires: 2026-13-40\n",
            ":3 [expires]",
            "应为日期（如 2026-12-31）",
            "must be a date (like 2026-12-31)",
        ),
        ("- requirement: core.causes\n  reason: ''\n", ":2 [reason]", "不能为空", "must not be empty"),
        ("requirement: core.causes\n", ":1", "豁免文件应为一个列表", "a waiver file must be a list"),
    ],
)
def test_waiver_errors_name_the_line_in_the_chosen_language(
    files: dict[str, Path], tmp_path: Path, content: str, where: str, chinese: str, english: str
) -> None:
    path = tmp_path / "w2.yaml"
    path.write_text(content, encoding="utf-8")
    code, _, err = run("check", str(files["good"]), "--waivers", str(path))
    assert code == 2 and err.startswith(f"checklist: 错误：{path}{where}: {chinese}"), err
    code, _, err = run("check", str(files["good"]), "--waivers", str(path), "--lang", "en")
    assert code == 2 and err.startswith(f"checklist: error: {path}{where}: {english}"), err
    assert "Field required" not in err and "第 " not in err
