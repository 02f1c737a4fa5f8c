"""Every example of every shipped standard, the extra cases, and broken standards."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest
import yaml

import checklist
from checklist.errors import StandardError
from checklist.rules.engine import judge, make_context
from checklist.rules.standard import group_titles, load_standard, shipped
from checklist.rules.waivers import load_waivers

CASES_FILE = Path(__file__).parent / "cases" / "requirements.yaml"


def _example_cases() -> list[tuple[str, str, int, Any]]:
    out = []
    for sid in shipped():
        std = load_standard(sid)
        for req in std.requirements:
            for i, ex in enumerate(req.examples):
                out.append((sid, req.id, i, ex))
    return out


def _extra_cases() -> list[tuple[str, str, int, dict[str, Any]]]:
    out = []
    for block in yaml.safe_load(CASES_FILE.read_text(encoding="utf-8")):
        for i, case in enumerate(block["cases"]):
            out.append((block.get("standard", "national"), block["requirement"], i, case))
    return out


def status_of(standard_id: str, rid: str, text: str) -> str:
    std = load_standard(standard_id)
    result = checklist.audit(text, std)
    return result.requirement(rid).status


EXAMPLES = _example_cases()
EXTRA = _extra_cases()


@pytest.mark.parametrize(("sid", "rid", "i", "example"), EXAMPLES, ids=[f"{s}:{r}:{i + 1}" for s, r, i, _ in EXAMPLES])
def test_standard_example(sid: str, rid: str, i: int, example: Any) -> None:
    std = load_standard(sid)
    req = std.requirement(rid)
    if req.applies is False:
        pytest.skip("not applicable in this profile")
    doc = checklist.parse(example.text)
    got, _ = judge(req, make_context(doc, std))
    assert got == example.status, f"{sid} {rid} example {i + 1} ({example.note}): {got}"


@pytest.mark.parametrize(("sid", "rid", "i", "case"), EXTRA, ids=[f"{s}:{r}:{i + 1}" for s, r, i, _ in EXTRA])
def test_extra_case(sid: str, rid: str, i: int, case: dict[str, Any]) -> None:
    got = status_of(sid, rid, case["text"])
    assert got == case["status"], f"{sid} {rid} case {i + 1} ({case.get('note')}): {got}"


def test_every_requirement_has_examples_of_each_reachable_status() -> None:
    std = load_standard("national")
    for req in std.requirements:
        statuses = {ex.status for ex in req.examples}
        assert "met" in statuses, req.id
        assert "missing" in statuses, req.id
        if req.partial is not None:
            assert "partial" in statuses, req.id


def test_requirement_ids_match_the_contract() -> None:
    contract = Path(__file__).resolve().parents[1] / "docs" / "requirements.md"  # the repository's own spec
    ids = {r.id for r in load_standard("national").requirements}
    expected = {
        "format.title",
        "format.addressee",
        "format.issuer",
        "format.date",
        "format.deadline",
        "format.year_consistency",
        "core.measures",
        "core.shortcomings",
        "core.causes",
        "core.first_responsible",
        "core.next_year_plan",
        "core.other",
        "leadership.xi_thought",
        "leadership.law_study",
        "leadership.shufa",
        "leadership.assessment",
        "enforcement.publicity",
        "enforcement.recording",
        "enforcement.legal_review",
        "legal_advisor.established",
        "legal_advisor.used",
        "legal_advisor.grassroots",
        "topic.functions",
        "topic.major_decisions",
        "topic.normative_documents",
        "topic.reconsideration_litigation",
        "topic.disputes",
        "topic.law_popularization",
        "topic.transparency",
        "topic.oversight",
        "topic.emergency",
        "topic.digital",
    }
    assert ids == expected
    text = contract.read_text(encoding="utf-8")  # missing spec fails: a clone must explain its ids
    for rid in expected:
        assert f"`{rid}`" in text, rid


def test_profiles_refine_the_baseline() -> None:
    town = load_standard("township")
    dept = load_standard("department")
    nat = load_standard("national")
    assert town.requirement("legal_advisor.grassroots").weight > nat.requirement("legal_advisor.grassroots").weight
    assert town.requirement("topic.normative_documents").applies is False
    assert dept.requirement("legal_advisor.grassroots").applies is False
    assert dept.parameters["deadline"] == {"month": 3, "day": 1}
    assert town.chain == ["national", "township"]


# ---------------------------------------------------------------- broken standards

BASE_REQ = """
  - id: core.measures
    title: {zh: 主要举措}
    group: core
    severity: major
    weight: 1
    met:
      terms: [举措]
    suggestion: {zh: 写举措}
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "line", "needle"),
    [
        ("id: x\nversion: '1'\ntitle: {zh: x}\nrequirements:\n" + BASE_REQ + "    colour: red\n", 14, "未知的键"),
        (
            "id: x\nversion: '1'\ntitle: {zh: x}\nrequirements:\n" + BASE_REQ.replace("weight: 1", "weight: heavy"),
            10,
            "weight",
        ),
        (
            "id: x\nversion: '1'\ntitle: {zh: x}\nrequirements:\n" + BASE_REQ.replace("terms: [举措]", "regex: 举措"),
            12,
            "未知的匹配类型",
        ),
        ("id: x\nversion: '1'\ntitle: {zh: x}\nrequirements:\n" + BASE_REQ + BASE_REQ, 15, "重复"),
        ("id: x\nversion: '1'\ntitle: {zh: x}\nrequirements:\n  - id: [unclosed\n", 6, "YAML"),
        (
            "id: x\nversion: '1'\ntitle: {zh: x}\nrequirements:\n"
            + BASE_REQ.replace("scope", "x")
            + "    scope: everywhere\n",
            14,
            "范围",
        ),
    ],
    ids=["unknown-key", "wrong-type", "unknown-matcher", "duplicate-id", "syntax", "bad-scope"],
)
def test_broken_standard_names_file_line_and_key(tmp_path: Path, body: str, line: int, needle: str) -> None:
    path = _write(tmp_path, "broken.yaml", body)
    with pytest.raises(StandardError) as err:
        load_standard(path)
    message = str(err.value)
    assert str(path) in message
    assert needle in message
    assert err.value.line == line, message


def test_bad_override_reference(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "p.yaml",
        "id: p\nversion: '1'\ntitle: {zh: p}\nextends: national\noverrides:\n  core.nonexistent: {weight: 2}\n",
    )
    with pytest.raises(StandardError, match=r"core\.nonexistent"):
        load_standard(path)


def test_circular_extends(tmp_path: Path) -> None:
    _write(tmp_path, "a.yaml", "id: a\nversion: '1'\ntitle: {zh: a}\nextends: b.yaml\n")
    _write(tmp_path, "b.yaml", "id: b\nversion: '1'\ntitle: {zh: b}\nextends: a.yaml\n")
    with pytest.raises(StandardError, match="循环"):
        load_standard(tmp_path / "a.yaml")


def test_profile_file_extending_a_shipped_standard(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "province.yaml",
        """
id: province-x
version: "0.1"
title: {zh: 某省市县两级报告审查标准}
extends: national
parameters:
  deadline: {month: 3, day: 15}
overrides:
  leadership.shufa: {severity: critical, weight: 4}
  format.deadline:
    examples:
      - {status: met, text: "关于2023年度法治政府建设情况的报告\\n某某市人民政府\\n2024年3月10日"}
      - {status: missing, text: "关于2023年度法治政府建设情况的报告\\n某某市人民政府\\n2024年3月20日"}
requirements:
  - id: topic.demonstration
    title: {zh: 法治政府建设示范创建}
    group: topic
    severity: minor
    weight: 1
    met:
      terms: [示范创建, 示范区, 示范项目]
    suggestion: {zh: 写明示范创建情况。}
    examples:
      - {status: met, text: 开展法治政府建设示范创建。}
      - {status: missing, text: 开展普法12次。}
""",
    )
    std = load_standard(path)
    assert std.requirement("leadership.shufa").weight == 4
    assert std.requirement("topic.demonstration").group == "topic"
    assert checklist.example_failures(std) == []
    late = "关于2023年度法治政府建设情况的报告\n2023年，我市坚持依法行政。\n某某市人民政府\n2024年3月20日"
    assert checklist.audit(late, std).requirement("format.deadline").status == "missing"
    assert checklist.audit(late, "national").requirement("format.deadline").status == "met"


def test_unknown_standard_id() -> None:
    with pytest.raises(StandardError, match="没有名为"):
        load_standard("nope")


@pytest.mark.parametrize(
    ("body", "zh", "en"),
    [
        (
            "id: x\nversion: '1'\ntitle: {zh: x}\nrequirements:\n" + BASE_REQ + "    colour: red\n",
            "未知的键",
            "unknown key",
        ),
        (
            "id: x\nversion: '1'\ntitle: {zh: x}\nrequirements:\n" + BASE_REQ.replace("terms: [举措]", "regex: 举措"),
            "未知的匹配类型 'regex'",
            "unknown matcher kind 'regex'",
        ),
        (
            "id: x\nversion: '1'\ntitle: {zh: x}\nrequirements:\n"
            + BASE_REQ.replace("scope", "x")
            + "    scope: everywhere\n",
            "未知的范围 'everywhere'",
            "unknown scope 'everywhere'",
        ),
        (
            "id: x\nversion: '1'\ntitle: {zh: x}\nrequirements: []\n",
            "标准中没有任何要求",
            "the standard has no requirements",
        ),
        (
            "id: x\nversion: '1'\ntitle: {zh: x}\nrequirements:\n  - id: [unclosed\n",
            "YAML 语法错误",
            "YAML syntax error",
        ),
    ],
    ids=["unknown-key", "unknown-matcher", "bad-scope", "empty", "syntax"],
)
def test_broken_standard_error_in_chinese_and_english(tmp_path: Path, body: str, zh: str, en: str) -> None:
    path = _write(tmp_path, "broken.yaml", body)
    with pytest.raises(StandardError) as err:
        load_standard(path)
    error = err.value
    assert zh in str(error) and en not in str(error)
    english = error.localized("en")
    assert en in english and zh not in english
    where = f"{path}:{error.line}" if error.line is not None else str(path)
    assert english.startswith(where)  # the file, line and key are the same in every language
    assert error.localized("zh") == str(error)
    again = pickle.loads(pickle.dumps(error))  # a worker process sends it back whole
    assert str(again) == str(error) and again.localized("en") == english


def test_error_of_an_extended_file_in_english(tmp_path: Path) -> None:
    _write(tmp_path, "base.yaml", "id: base\nversion: '1'\ntitle: {zh: b}\nrequirements: []\n")
    path = _write(tmp_path, "child.yaml", "id: child\nversion: '1'\ntitle: {zh: c}\nextends: base.yaml\n")
    with pytest.raises(StandardError) as err:
        load_standard(path)
    assert "extends 'base.yaml' 无法加载" in str(err.value) and "标准中没有任何要求" in str(err.value)
    english = err.value.localized("en")
    assert "extends 'base.yaml' cannot be loaded" in english and "the standard has no requirements" in english
    assert err.value.yaml_key == "extends"


def test_broken_waiver_file_in_english(tmp_path: Path) -> None:
    path = _write(tmp_path, "w.yaml", "requirement: core.measures\n")
    with pytest.raises(StandardError) as err:
        load_waivers(path)
    assert "豁免文件应为一个列表" in str(err.value)
    assert "a waiver file must be a list" in err.value.localized("en")


def test_group_titles_of_shipped_standards_only() -> None:
    assert group_titles("township").keys() >= group_titles("national").keys() > set()
    assert group_titles("my-own-standard") == {}


def test_a_date_no_calendar_has_is_a_standard_error_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad-date.yaml"
    path.write_text(
        'id: bad-date\ntitle: x\nversion: "1.0"\nextends: national\nreviewed: 2026-13-40\n', encoding="utf-8"
    )
    with pytest.raises(StandardError) as err:  # was a ValueError traceback from the YAML loader
        load_standard(path)
    assert err.value.line == 5 and err.value.yaml_key == "reviewed"
    assert "must be a date" in err.value.localized("en")


def test_the_sources_of_a_standard_say_when_it_would_load_differently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checklist.rules.bundled import unchanged
    from checklist.rules.standard import standard_sources

    folder = tmp_path / "std"
    folder.mkdir()
    base = folder / "base.yaml"
    base.write_text("id: base\nversion: '1'\ntitle: {zh: 基础}\nextends: national\n", encoding="utf-8")
    profile = folder / "profile.yaml"
    profile.write_text("id: profile\nversion: '1'\ntitle: {zh: 细化}\nextends: base.yaml\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    sources = standard_sources(str(profile))
    # the profile, its base (found beside it), then the shipped standard the base extends
    assert [s[0] for s in sources] == [str(profile), "base.yaml", "national"]
    assert sources[1][1] == str(folder) and sources[2][2] == str(shipped()["national"])
    assert unchanged(sources) and standard_sources(str(profile)) == sources
    assert not unchanged([]) and not unchanged([["national"]])
    # a file of the same name in the working folder is the one "base.yaml" names now
    (tmp_path / "base.yaml").write_text(base.read_text(encoding="utf-8"), encoding="utf-8")
    assert not unchanged(sources)
    (tmp_path / "base.yaml").unlink()
    assert unchanged(sources)
    # the same text with other line ends reads the same; another text does not
    base.write_bytes(base.read_bytes().replace(b"\n", b"\r\n"))
    assert unchanged(sources)
    base.write_text(base.read_text(encoding="utf-8").replace("基础", "基本"), encoding="utf-8")
    assert not unchanged(sources)
    assert standard_sources(str(profile))[1][4] != sources[1][4]
    base.unlink()
    assert not unchanged(sources)
