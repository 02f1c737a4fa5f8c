"""Year over year: verdict changes, copied shortcomings and plans, plan follow-through."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import checklist
from _samples import SAMPLES, sample_path
from checklist.cli.compare import compare as compare_command
from checklist.crossreport import yearly
from checklist.crossreport.yearly import Comparison, compare
from checklist.document import Document
from checklist.render.yearly import render_text as render_comparison

ISSUER = "甲县东镇人民政府"
SHORTCOMINGS = (
    "一是执法队伍专业素质不高，综合执法人员持证上岗比例偏低。二是基层法治宣传阵地建设滞后，村级法治文化阵地覆盖面不足。"
)
OLD = f"""{ISSUER}
{ISSUER}2022年法治政府建设年度报告
县委依法治县办：
现将有关情况报告如下。
一、主要举措
（一）加强组织领导。镇党委专题研究法治政府建设工作3次，制定年度工作要点。
（二）深化普法宣传。全年开展法治宣传活动12场，发放宣传资料3000余份。
二、存在的问题
{SHORTCOMINGS}
三、2023年工作打算
一是组织综合执法人员参加行政执法资格考试，提高持证上岗比例。二是建设村级法治文化广场，打造法治宣传阵地。
{ISSUER}
2023年1月12日
"""
NEW = f"""{ISSUER}
{ISSUER}2023年法治政府建设年度报告
县委依法治县办：
现将有关情况报告如下。
一、主要举措
（一）加强组织领导。镇党委召开专题会议4次，听取法治政府建设情况汇报。
（二）提升执法能力。组织综合执法人员12名参加行政执法资格考试，全部取得执法证件。
（三）深化普法宣传。全年开展法治宣传活动15场，发放宣传资料4000余份。结合赶集日开展法治宣传进村入户活动8次。
二、存在的问题
{SHORTCOMINGS}
三、2024年工作打算
一是推行执法全过程记录，配备执法记录仪。二是完善重大行政决策合法性审查程序。
{ISSUER}
2024年1月10日
"""


def run(old_text: str, new_text: str, lang: str = "zh") -> tuple[Document, Document, Comparison]:
    old, new = checklist.parse(old_text, source="old.txt"), checklist.parse(new_text, source="new.txt")
    return old, new, compare(old, checklist.audit(old, "national"), new, checklist.audit(new, "national"), lang)


def assert_quotes(old: Document, new: Document, c: Comparison) -> None:
    for r in c.repeated:
        assert old.original[r.old.start : r.old.end] == r.old.quote
        assert new.original[r.new.start : r.new.end] == r.new.quote
    for f in c.findings:
        assert new.original[f.start : f.end] == f.quote
    for u in c.follow_up:
        assert old.original[u.plan.start : u.plan.end] == u.plan.quote
        if u.evidence is not None:
            assert new.original[u.evidence.start : u.evidence.end] == u.evidence.quote


def test_two_years_of_one_issuer() -> None:
    old, new, c = run(OLD, NEW)
    assert_quotes(old, new, c)
    assert c.warnings == []
    assert c.score_change == pytest.approx(c.new_score - c.old_score, abs=0.05)
    assert {r.id for r in c.requirements} and all(r.changed == (r.old != r.new) for r in c.requirements)
    # both shortcomings copied verbatim, each quoted from both years
    assert [r.new.quote for r in c.repeated] == [
        "执法队伍专业素质不高，综合执法人员持证上岗比例偏低。",
        "基层法治宣传阵地建设滞后，村级法治文化阵地覆盖面不足。",
    ]
    assert all(r.old_part == r.new_part == "shortcomings" and r.similarity == 1.0 for r in c.repeated)
    assert [f.code for f in c.findings] == ["quality.repeated_from_last_year"] * 2
    assert all(f.category == "quality" and "2022" in f.message and f.suggestion for f in c.findings)
    assert c.repeated[0].old.quote in c.findings[0].message
    # one plan item was done, the other not: this year's 普法 work is no 文化广场
    done, not_done = c.follow_up
    assert done.outcome == "followed" and done.followed and "资格考试" in done.plan.quote
    assert done.evidence is not None and "12名" in done.evidence.quote and "行政执法" in done.topics
    assert "资格考试" in "".join(done.words)
    assert not_done.outcome == "not_followed" and not not_done.followed and not_done.evidence is None
    assert "文化广场" in not_done.plan.quote and not_done.reason == "task_absent"
    assert (c.follow_up_counts.followed, c.follow_up_counts.not_followed, c.follow_up_counts.unclear) == (1, 1, 0)


def test_nothing_copied_when_rewritten() -> None:
    rewritten = NEW.replace(
        SHORTCOMINGS, "一是执法记录仪配备不足，部分执法环节未全程记录。二是村级人民调解员业务培训不够。"
    )
    _old, _new, c = run(OLD, rewritten)
    assert c.repeated == [] and c.findings == []


def test_other_issuer_and_year_order_warn() -> None:
    _old, _new, c = run(NEW, OLD.replace(ISSUER, "乙县西镇人民政府"))
    assert len(c.warnings) == 2


def test_english() -> None:
    _old, _new, c = run(OLD, NEW, "en")
    assert "last year" in c.findings[0].message


@pytest.mark.parametrize("pair", list(itertools.pairwise(SAMPLES)))
def test_samples_do_not_crash(pair: tuple[str, str]) -> None:
    old, new = (checklist.read(sample_path(p)) for p in pair)
    c = compare(old, checklist.audit(old), new, checklist.audit(new))
    assert_quotes(old, new, c)
    assert all(u.plan.quote for u in c.follow_up)
    json.loads(c.model_dump_json())


def group() -> click.Group:
    return click.Group(commands=[compare_command])


def test_cli_text_and_json(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.txt").write_text(NEW, encoding="utf-8")
    args = ["compare", str(tmp_path / "old.txt"), str(tmp_path / "new.txt")]
    result = CliRunner().invoke(group(), args)
    assert result.exit_code == 0, result.output
    # the summary gives all three counts (it said "已落实 1 / 共 2 项" before unclear existed)
    assert "年度对比" in result.output and "共 2 项：已落实 1 项，未见落实 1 项，无法判断 0 项" in result.output
    result = CliRunner().invoke(group(), [*args, "--format", "json", "--lang", "en"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert [u["followed"] for u in data["follow_up"]] == [True, False]
    assert [u["outcome"] for u in data["follow_up"]] == ["followed", "not_followed"]
    assert data["follow_up_counts"] == {"followed": 1, "not_followed": 1, "unclear": 0}
    assert len(data["findings"]) == 2


def test_cli_input_error(tmp_path: Path) -> None:
    (tmp_path / "new.txt").write_text(NEW, encoding="utf-8")
    result = CliRunner().invoke(group(), ["compare", str(tmp_path / "missing.txt"), str(tmp_path / "new.txt")])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("checklist: 错误：") and "文件不存在" in lines[0]
    result = CliRunner().invoke(
        group(), ["compare", str(tmp_path / "missing.txt"), str(tmp_path / "new.txt"), "--lang", "en"]
    )
    assert result.exit_code == 2 and "no such file" in result.output
    result = CliRunner().invoke(
        group(), ["compare", str(tmp_path / "new.txt"), str(tmp_path / "new.txt"), "--standard", "no-such-standard"]
    )
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_repeated_from_last_year_is_configured_by_the_standard(tmp_path: Path) -> None:
    old, new = checklist.parse(OLD, source="old.txt"), checklist.parse(NEW, source="new.txt")
    old_result, new_result = checklist.audit(old, "national"), checklist.audit(new, "national")

    def profile(quality: str) -> checklist.Standard:
        path = tmp_path / "profile.yaml"
        path.write_text(
            f"id: p\nversion: '1'\ntitle: {{zh: 测试}}\nextends: national\nquality:\n{quality}", encoding="utf-8"
        )
        return checklist.load_standard(path)

    off = compare(
        old, old_result, new, new_result, standard=profile("  quality.repeated_from_last_year: {enabled: false}\n")
    )
    assert off.findings == [] and len(off.repeated) == 2  # the comparison itself still lists them
    strict = compare(
        old,
        old_result,
        new,
        new_result,
        standard=profile("  quality.repeated_from_last_year: {severity: major, params: {min_chars: 40}}\n"),
    )
    assert strict.findings == []  # both shortcomings are shorter than 40 characters
    major = compare(
        old, old_result, new, new_result, standard=profile("  quality.repeated_from_last_year: {severity: major}\n")
    )
    assert [f.severity for f in major.findings] == ["major", "major"]


def test_text_summary_in_the_render_layer() -> None:
    _old, _new, c = run(OLD, NEW)
    text = render_comparison(c)
    assert text.endswith("\n") and ISSUER in text
    assert all(f"「{r.new.quote}」" in text for r in c.repeated)
    assert all(f"「{u.plan.quote}」" in text for u in c.follow_up)
    assert render_comparison(c, "en") != text
    assert not hasattr(yearly, "render_text")  # the analysis module renders nothing


def test_a_generic_plan_item_is_never_said_to_be_followed() -> None:
    """Issue 15: 实行清单销号，狠抓整改落实 was "已落实" by a study session (集中学习…5次), and
    3/3 looked reassuring. The item names no field of work, so it cannot be checked; a plan
    item followed by nothing of its field is not followed; neither is ever 已落实."""
    plans = "一是实行清单销号，狠抓整改落实。二是持续推进法治政府建设。三是聘请法律顾问，审查镇政府合同。"
    old = OLD.replace(
        "一是组织综合执法人员参加行政执法资格考试，提高持证上岗比例。二是建设村级法治文化广场，打造法治宣传阵地。",
        plans,
    )
    new = NEW.replace("（一）加强组织领导。", "（一）加强组织领导。镇党委理论学习中心组集中学习《习近平法治思想》5次。")
    _old, _new, c = run(old, new)
    assert [(u.outcome, u.reason) for u in c.follow_up] == [
        ("unclear", "generic"),
        ("unclear", "generic"),
        ("not_followed", "field_absent"),
    ]
    text = render_comparison(c)
    assert "已落实 0 项，未见落实 1 项，无法判断 2 项" in text
    assert "[已落实]" not in text and text.count("[无法判断]") == 2
    assert "Last year's plan (3 items: 0 followed, 1 not followed, 2 unclear)" in render_comparison(c, "en")
