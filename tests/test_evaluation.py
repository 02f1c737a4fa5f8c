"""``checklist evaluate``: figures against labels with known disagreements, bad inputs, JSON.

tests/cases/eval/ holds two short reports written for these tests and labels.yaml, whose
DISAGREE labels are wrong by the text on purpose. The pairs (label, ours) they give:

    qingshi-county-2023.txt (county: national)     qingshi-transport-2022.txt (department)
    format.title              met / met            format.title              met / met
    format.addressee          met / met            core.causes               missing / missing
    core.shortcomings         met / met            core.first_responsible    missing / met      DISAGREE
    core.causes               met / met            enforcement.publicity     partial / met      DISAGREE
    leadership.shufa          met / missing  DIS.  enforcement.legal_review  missing / missing
    enforcement.legal_review  met / met            legal_advisor.grassroots  missing / n/a      left out
    legal_advisor.grassroots  partial / missing DIS.

12 pairs scored, 8 equal: 3-class accuracy 8/12 = 0.667.
present-F1 (met|partial positive): TP 7 (5 county + title, publicity), FP 1 (first_responsible),
FN 2 (shufa, grassroots) → 2·7 / (2·7 + 1 + 2) = 14/17 = 0.824.
gap-F1 (partial|missing positive): TP 3 (grassroots, causes and legal_review of the department),
FP 1 (shufa), FN 2 (first_responsible, publicity) → 6/9 = 0.667.
Metadata: county 6/7 (level city ≠ county), department 4/5 (year 2021 ≠ 2022) → 10/12 = 0.833.
Findings (county only): 2 labelled, the duplicate found, the vague one not; we raise 1
(the duplicate) → precision 1/1, recall 1/2.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from checklist.cli.evaluate import evaluate as command
from checklist.evaluation import Evaluation, evaluate

CASES = Path(__file__).parent / "cases" / "eval"
LABELS = CASES / "labels.yaml"
COUNTY, DEPT = "qingshi-county-2023.txt", "qingshi-transport-2022.txt"


@pytest.fixture(scope="module")
def result() -> Evaluation:
    return evaluate([LABELS])


def test_overall_figures(result: Evaluation) -> None:
    (f,) = result.files
    assert f.reports == 2 and dict(f.standards) == {"department": 1, "national": 1}
    o = f.summary.overall
    assert (o.scored, o.correct, o.not_applicable) == (12, 8, 1)
    assert (o.present_f1, o.gap_f1, o.accuracy) == (0.824, 0.667, 0.667)
    m = f.summary.metadata_overall
    assert (m.compared, m.correct, m.accuracy) == (12, 10, 0.833)
    fs = f.summary.findings
    assert fs is not None
    assert (fs.labelled, fs.found, fs.raised, fs.confirmed) == (2, 1, 1, 1)
    assert (fs.precision, fs.recall) == (1.0, 0.5)
    assert result.total == f.summary  # one labels file: the total is its figures


def test_figures_per_requirement(result: Evaluation) -> None:
    req = result.files[0].summary.requirements
    # two met/met pairs: nothing to fix on either side, so gap-F1 is undefined, not 1.0
    assert (req["format.title"].present_f1, req["format.title"].gap_f1, req["format.title"].accuracy) == (
        1.0,
        None,
        1.0,
    )
    # partial/missing is a miss for present-F1 and a hit for gap-F1; the n/a pair is left out
    g = req["legal_advisor.grassroots"]
    assert (g.present_f1, g.gap_f1, g.accuracy, g.scored, g.not_applicable) == (0.0, 1.0, 0.0, 1, 1)
    assert g.confusion == {"partial": {"missing": 1}, "missing": {"not_applicable": 1}}
    # partial/met: both present, but the gap is missed
    p = req["enforcement.publicity"]
    assert (p.present_f1, p.gap_f1, p.accuracy) == (1.0, 0.0, 0.0)
    assert list(req)[:3] == ["format.title", "format.addressee", "core.shortcomings"]  # the labels' order


def test_metadata_normalised(result: Evaluation) -> None:
    meta = result.files[0].summary.metadata
    # a title with spaces, an addressee with its colon, a date written 2023-2-10 all count as equal
    assert {k: (v.correct, v.compared) for k, v in meta.items()} == {
        "title": (1, 1),
        "issuer": (2, 2),
        "level": (1, 2),
        "year": (1, 2),
        "date": (2, 2),
        "published": (1, 1),
        "addressee": (2, 2),
    }


def test_disagreements_carry_our_evidence(result: Evaluation) -> None:
    found = {(d.report, d.kind, d.key): d for d in result.files[0].disagreements}
    assert set(found) == {
        (COUNTY, "requirement", "leadership.shufa"),
        (COUNTY, "requirement", "legal_advisor.grassroots"),
        (DEPT, "requirement", "core.first_responsible"),
        (DEPT, "requirement", "enforcement.publicity"),
        (COUNTY, "metadata", "level"),
        (DEPT, "metadata", "year"),
        (COUNTY, "finding_missed", "quality.vague_shortcomings"),
        (DEPT, "not_applicable", "legal_advisor.grassroots"),
    }
    publicity = found[(DEPT, "requirement", "enforcement.publicity")]
    assert (publicity.label, publicity.ours) == ("partial", "met")
    assert "行政执法公示制度" in publicity.evidence[0].quote
    assert publicity.evidence[0].section.startswith("一、")
    assert (
        found[(DEPT, "requirement", "core.first_responsible")].evidence[0].quote
        == "二、党组书记、局长履行第一责任人职责情况"
    )
    year = found[(DEPT, "metadata", "year")]
    assert (year.label, year.ours) == (2021, 2022)
    assert found[(COUNTY, "metadata", "level")].ours == "county"


def test_text_output_in_chinese_and_english() -> None:
    zh = CliRunner().invoke(command, [str(LABELS)])
    assert zh.exit_code == 0, zh.output
    assert "有无 F1 0.824，缺口 F1 0.667，三类准确率 0.667（8/12）" in zh.output
    assert "元数据：准确率 0.833（10/12）" in zh.output
    assert "质量问题：精确率 1.000（1/1），召回率 0.500（1/2）" in zh.output
    assert f"{DEPT}：标注 partial，结果 met" in zh.output
    assert "原文：「严格落实行政执法公示制度" in zh.output
    en = CliRunner().invoke(command, [str(LABELS), "--lang", "en"])
    assert en.exit_code == 0
    assert "present-F1 0.824, gap-F1 0.667, 3-class accuracy 0.667 (8/12)" in en.output
    assert f"{DEPT}: label partial, ours met" in en.output


def test_json_shape() -> None:
    out = CliRunner().invoke(command, [str(LABELS), "--format", "json"])
    assert out.exit_code == 0
    data = json.loads(out.output)
    assert set(data) == {"standard", "total", "files", "errors"}
    assert data["standard"] is None and data["errors"] == []
    (f,) = data["files"]
    assert set(f) == {
        "labels",
        "reports",
        "standards",
        "overall",
        "requirements",
        "metadata",
        "findings",
        "disagreements",
    }
    assert set(f["overall"]) == {"present_f1", "gap_f1", "accuracy", "scored", "correct", "not_applicable", "confusion"}
    assert (f["overall"]["present_f1"], f["overall"]["gap_f1"], f["overall"]["accuracy"]) == (0.824, 0.667, 0.667)
    assert f["requirements"]["format.title"]["gap_f1"] is None
    assert f["metadata"]["accuracy"] == 0.833 and f["metadata"]["fields"]["year"] == {
        "accuracy": 0.5,
        "compared": 2,
        "correct": 1,
    }
    assert f["findings"] == {"precision": 1.0, "recall": 0.5, "labelled": 2, "found": 1, "raised": 1, "confirmed": 1}
    d = next(d for d in f["disagreements"] if d["key"] == "enforcement.publicity")
    assert set(d) == {"report", "kind", "key", "label", "ours", "evidence"}
    assert set(d["evidence"][0]) == {"quote", "section"}
    assert data["total"]["overall"] == f["overall"]


def test_given_standard_judges_every_report_by_it() -> None:
    result = evaluate([LABELS], "national")
    f = result.files[0]
    assert result.standard == "national" and dict(f.standards) == {"national": 2}
    # the department's grassroots pair now counts (missing / missing)
    assert (f.summary.overall.scored, f.summary.overall.not_applicable) == (13, 0)


def _copy_cases(folder: Path) -> None:
    for name in (COUNTY, DEPT):
        shutil.copy(CASES / name, folder / name)


@pytest.mark.parametrize(
    ("body", "zh", "en"),
    [
        ("a: [unclosed\n", "标注文件不是有效的 YAML（第", "the labels file is not valid YAML (line"),
        ("- just\n- a list\n", "标注文件应以报告文件名为键", "must map report file names"),
        (
            "missing.txt:\n  requirements: {format.title: met}\n",
            "标注所指的报告文件 missing.txt 不存在",
            "the report file missing.txt named by the labels does not exist",
        ),
        (
            f"{COUNTY}:\n  requirements: {{format.titel: met}}\n",
            "含有未知的要求编号 format.titel",
            "unknown requirement id format.titel",
        ),
        (
            f"{COUNTY}:\n  requirements: {{format.title: yes}}\n",
            "format.title 标注为 True",
            "format.title is labelled True",
        ),
        (f"{COUNTY}:\n  metadata: {{isuer: x}}\n", "未知的元数据字段 isuer", "unknown metadata field isuer"),
        (f"{COUNTY}:\n  findings: {{code: x}}\n", "findings 应是列表", "findings must be a list"),
    ],
)
def test_bad_labels_exit_2_with_one_line(tmp_path: Path, body: str, zh: str, en: str) -> None:
    _copy_cases(tmp_path)
    labels = tmp_path / "labels.yaml"
    labels.write_text(body, encoding="utf-8")
    for lang, want in (("zh", zh), ("en", en)):
        out = CliRunner().invoke(command, [str(labels), "--lang", lang])
        assert out.exit_code == 2
        lines = out.stderr.splitlines()
        assert len(lines) == 1 and str(labels) in lines[0] and want in lines[0], out.stderr


def test_missing_labels_file_and_others_still_evaluated(tmp_path: Path) -> None:
    _copy_cases(tmp_path)
    labels = tmp_path / "labels.yaml"
    # one good entry, one naming an unknown id: the good one is still evaluated
    labels.write_text(
        f"{COUNTY}:\n  requirements: {{format.title: met}}\n{DEPT}:\n  requirements: {{no.such_id: met}}\n",
        encoding="utf-8",
    )
    missing = tmp_path / "nope.yaml"
    out = CliRunner().invoke(command, [str(missing), str(labels), "--format", "json"])
    assert out.exit_code == 2
    assert out.stderr.splitlines() == [
        f"checklist: 错误：{missing}: 标注文件不存在",
        f"checklist: 错误：{labels}: {DEPT} 的标注含有未知的要求编号 no.such_id（标准 department 中没有）",
    ]
    data = json.loads(out.stdout)
    assert [f["reports"] for f in data["files"]] == [1]
    assert data["files"][0]["overall"]["accuracy"] == 1.0
    assert [e["file"] for e in data["errors"]] == [str(missing), str(labels)]


def test_unknown_standard_exits_2() -> None:
    out = CliRunner().invoke(command, [str(LABELS), "--standard", "no-such-standard"])
    assert out.exit_code == 2 and len(out.stderr.splitlines()) == 1


def test_boilerplate_between_reports_of_one_labels_file(tmp_path: Path) -> None:
    shared = (
        "建立镇村两级矛盾纠纷排查化解工作台账，实行每月排查、每季研判、年终总结的工作机制，做到小事不出村、大事不出镇。"
    )
    for name, body in (
        ("a.txt", "甲镇人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n"),
        ("b.txt", "乙镇人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n"),
    ):
        (tmp_path / name).write_text(body + shared + "\n", encoding="utf-8")
    labels = tmp_path / "labels.yaml"
    labels.write_text(
        "a.txt:\n  findings:\n    - {code: quality.boilerplate, quote: 建立镇村两级矛盾纠纷排查化解工作台账}\n"
        "b.txt:\n  requirements: {format.title: met}\n",
        encoding="utf-8",
    )
    fs = evaluate([labels]).files[0].summary.findings
    assert fs is not None and (fs.labelled, fs.found) == (1, 1)


def test_nothing_evaluated_is_never_perfect(tmp_path: Path) -> None:
    result = evaluate([tmp_path / "none.yaml"])
    assert result.files == () and len(result.errors) == 1
    assert result.total.overall.accuracy is None and result.total.metadata_overall.accuracy is None
