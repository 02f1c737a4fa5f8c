"""The engine: scope, negation, plan-only mentions, scoring, applicability, waivers."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import checklist
from checklist.errors import InputError, StandardError
from checklist.rules.engine import score_of
from checklist.rules.result import RequirementResult
from checklist.rules.waivers import WaiverEntry, load_waivers

FULL = """关于2023年度法治政府建设情况的报告
区委、区政府：
2023年，我镇坚持依法行政，现报告如下：
一、2023年度推进法治政府建设的主要举措和成效
（一）压实第一责任。党委书记主持专题会议研究法治建设3次，年终开展述职述法。
（二）严格规范执法。严格落实行政执法公示制度，配备执法记录仪6部，重大行政处罚决定经法制审核12件。
（三）发挥法律顾问作用。聘请律师担任法律顾问，法律顾问审查合同15份，实现一村（社区）一法律顾问。
二、存在的不足和原因
执法人员偏少，主要是由于编制有限。
三、2024年度推进法治政府建设的主要安排
加强执法队伍建设。
某某镇人民政府
2024年1月20日
"""


def status(text: str, rid: str, standard: str = "national") -> str:
    return checklist.audit(text, standard).requirement(rid).status


def test_a_complete_small_report() -> None:
    result = checklist.audit(FULL)
    assert result.standard.id == "township"
    for rid in (
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
        "leadership.shufa",
        "enforcement.publicity",
        "enforcement.recording",
        "enforcement.legal_review",
        "legal_advisor.established",
        "legal_advisor.used",
        "legal_advisor.grassroots",
    ):
        assert result.requirement(rid).status == "met", rid


def test_shortcoming_and_plan_sentences_are_not_evidence_of_work() -> None:
    text = (
        "一、主要做法\n开展普法12次。\n二、存在的问题\n执法全过程记录制度还不完善。\n"
        "三、2024年工作打算\n全面推行执法全过程记录制度，落实领导干部述法。"
    )
    assert status(text, "enforcement.recording") == "missing"
    assert status(text, "leadership.shufa") == "missing"


@pytest.mark.parametrize(
    "sentence",
    [
        "我镇尚未建立法律顾问制度。",
        "法律顾问制度没有落实。",
        "法律顾问制度未能建立。",
        "下一步将建立法律顾问制度。",
        "计划于明年建立法律顾问制度。",
    ],
)
def test_negated_and_future_clauses_are_not_evidence(sentence: str) -> None:
    assert status(sentence, "legal_advisor.established") == "missing"


def test_negation_only_reaches_its_own_clause() -> None:
    assert status("个别村尚未配备专职调解员，全镇建立法律顾问制度。", "legal_advisor.established") == "met"
    assert status("对整改不到位的单位进行约谈2次。", "leadership.assessment") == "met"


def test_generic_three_systems_mention_is_partial_for_each() -> None:
    text = "全面落实行政执法三项制度。"
    for rid in ("enforcement.publicity", "enforcement.recording", "enforcement.legal_review"):
        assert status(text, rid) == "partial"


def test_first_responsible_section_placed_first() -> None:
    text = (
        "一、党政主要负责人履行推进法治建设第一责任人职责情况\n书记主持会议3次。\n"
        "二、推进法治政府建设的主要举措和成效\n开展普法12次。\n三、存在的不足\n执法力量弱。\n四、下一步打算\n加强执法。"
    )
    r = checklist.audit(text)
    assert r.requirement("core.first_responsible").status == "met"
    assert r.requirement("core.measures").status == "met"
    assert r.requirement("core.next_year_plan").status == "met"


def test_three_part_outline() -> None:
    text = "一、工作开展情况\n开展普法12次。\n二、存在的问题\n执法力量弱。\n三、下一步打算\n加强执法。"
    r = checklist.audit(text)
    assert [r.requirement(x).status for x in ("core.measures", "core.shortcomings", "core.next_year_plan")] == [
        "met"
    ] * 3


def test_sub_headings_inside_shortcomings_do_not_change_the_part() -> None:
    text = "一、主要做法\n开展普法12次。\n二、存在的问题\n（一）工作思路不够开阔\n执法人员少。\n（二）下一步工作打算不清\n缺乏规划。"
    assert status(text, "core.next_year_plan") == "missing"


def test_evidence_offsets_point_at_the_quote() -> None:
    result = checklist.audit(FULL)
    doc = checklist.parse(FULL)
    for r in result.requirements:
        for e in r.evidence:
            assert e.start is not None and doc.original[e.start : e.end] == e.quote
            assert e.section


def test_scores_and_groups() -> None:
    def req(status: str, weight: float, group: str = "g", waived: bool = False) -> RequirementResult:
        from checklist.rules.result import Waiver

        return RequirementResult(
            id=f"g.{status}{weight}",
            title="t",
            group=group,
            status=status,  # type: ignore[arg-type]
            severity="major",
            weight=weight,
            message="m",
            waived=Waiver(reason="r") if waived else None,
        )

    score, groups = score_of(
        [
            req("met", 2),
            req("partial", 2),
            req("missing", 1, "h"),
            req("not_applicable", 5),
            req("missing", 3, waived=True),
        ]
    )
    assert score == pytest.approx(100 * (2 + 1) / 5, abs=0.05)
    assert groups == {"g": 75.0, "h": 0.0}
    assert score_of([req("not_applicable", 1)]) == (None, {})


def test_nothing_evaluated_is_an_error_never_100(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(
        "id: s\nversion: '1'\ntitle: {zh: s}\nextends: national\noverrides:\n"
        + "".join(f"  {r.id}: {{applies: false}}\n" for r in checklist.load_standard().requirements),
        encoding="utf-8",
    )
    with pytest.raises(StandardError, match="没有可计分"):
        checklist.audit(FULL, path)


def test_waivers(tmp_path: Path) -> None:
    waivers = [
        WaiverEntry(requirement="core.other", reason="无其他事项", expires=dt.date(2099, 1, 1)),
        WaiverEntry(requirement="topic.emergency", reason="旧豁免", expires=dt.date(2000, 1, 1)),
        WaiverEntry(requirement="topic.digital", report="*other-file*", reason="不适用"),
        WaiverEntry(requirement="nope.nope", reason="x"),
    ]
    r = checklist.audit(FULL, "national", waivers=waivers)
    assert r.requirement("core.other").waived is not None
    assert r.requirement("topic.emergency").waived is None
    assert any("过期" in w for w in r.warnings)
    assert any("未被使用" in w for w in r.warnings)
    assert any("不存在" in w for w in r.warnings)
    path = tmp_path / "w.yaml"
    path.write_text("- requirement: core.other\n  reason: ''\n", encoding="utf-8")
    with pytest.raises(StandardError):
        load_waivers(path)


def test_english_messages() -> None:
    r = checklist.audit("一、主要做法\n开展普法12次。", "national", lang="en")
    assert r.requirement("core.shortcomings").suggestion.startswith("Add a section")  # type: ignore[union-attr]
    assert r.requirement("core.shortcomings").message.startswith("Missing")


def test_results_and_errors_pickle() -> None:
    r = checklist.audit(FULL)
    assert pickle.loads(pickle.dumps(r)) == r
    err = InputError("a.txt", "坏了")
    again = pickle.loads(pickle.dumps(err))
    assert str(again) == str(err)
    std_err = StandardError("s.yaml", "坏了", line=3, yaml_key="k")
    assert str(pickle.loads(pickle.dumps(std_err))) == str(std_err)


def test_json_contract_shape() -> None:
    data = checklist.audit(FULL).model_dump(mode="json")
    assert data["schema_version"] == 1
    assert set(data["document"]) == {
        "path",
        "format",
        "encoding",
        "sha256",
        "title",
        "issuer",
        "issuer_source",
        "level",
        "year",
        "date",
        "published",
        "addressee",
    }
    req = data["requirements"][0]
    assert {"id", "status", "severity", "weight", "evidence", "message", "suggestion"} <= set(req)
    assert {"code", "severity", "message", "suggestion", "quote", "start", "end"} <= set(data["findings"][0])


PIECES = st.sampled_from(
    [
        "一、主要做法和成效",
        "（一）严格执法",
        "二、存在的问题",
        "三、2024年工作打算",
        "法律顾问审查合同15份。",
        "尚未建立法律顾问制度。",
        "落实行政执法三项制度。",
        "某某镇人民政府",
        "2024年1月5日",
        "关于2023年度法治政府建设情况的报告",
        "区委：",
        "一是加强学习。二是强化宣传。",
        "⑴学法",
        "\u3000",
        "执法记录仪",
        "由于编制少，导致人员不足。",
        "述法",
        "20XX年",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, st.text(max_size=30)), min_size=1, max_size=20))
def test_any_text_audits_with_valid_scores_and_offsets(parts: list[str]) -> None:
    text = "\n".join(parts)
    try:
        doc = checklist.parse(text)
    except InputError:
        return
    result = checklist.audit(doc)
    assert 0 <= result.score <= 100
    assert all(0 <= v <= 100 for v in result.groups.values())
    for r in result.requirements:
        if r.status in ("met", "partial"):
            assert r.evidence
        for e in r.evidence:
            if e.start is not None:
                assert e.end is not None and 0 <= e.start <= e.end <= len(doc.original)
                assert doc.original[e.start : e.end] == e.quote


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "某某县人民政府办公室\n关于印发某某县2024年度法治政府建设\n工作要点的通知\n各乡镇人民政府：\n"
            "现将工作要点印发给你们，请认真贯彻执行。\n一、依法全面履行政府职能\n加强规范性文件备案审查。",
            "通知",
        ),
        (
            "在全县法治政府建设推进会上的讲话\n同志们：\n下面，我讲三点意见。\n一、提高认识\n"
            "要加强执法监督，推进依法行政。\n二、狠抓落实\n各乡镇要落实法治建设责任。",
            "讲话",
        ),
        ("某某县2024年法治政府建设工作要点\n一、依法全面履行政府职能\n深化放管服改革，推进依法行政。", "工作要点"),
    ],
)
def test_another_kind_of_document_is_said_first(text: str, kind: str) -> None:
    result = checklist.audit(text)
    assert result.warnings[0] == f"此文件开头写明它是“{kind}”，不是法治政府建设年度报告，得分没有意义"
    assert kind in checklist.audit(text, lang="en").warnings[0]


@pytest.mark.parametrize(
    "text",
    [
        "关于2023年度法治政府建设情况的报告\n2023年，我镇坚持依法行政。\n一、主要举措\n开展普法12次。",
        # a report sent with a covering letter names itself in the title
        "关于报送2023年度法治政府建设情况报告的函\n县委依法治县办：\n2023年，我局坚持依法行政。\n一、主要举措\n开展普法。",
        # no title, but nothing in the opening lines names another kind
        "2023年，某某街道坚持依法行政。\n一、主要举措和成效\n开展普法活动12次，调解纠纷35件。",
        # a draft without its header: its headings are no document kind
        "一、主要举措和成效\n2023年，我镇落实行政执法公示制度，开展普法12次。\n二、存在的不足\n执法人员偏少。\n"
        "三、下一步工作计划\n充实执法力量。",
        "某某镇2023年度法治政府建设工作汇报\n2023年，我镇坚持依法行政。\n一、主要举措\n开展普法12次。\n"
        "二、2024年工作安排\n充实执法力量。",
    ],
)
def test_a_report_gets_no_other_kind_warning(text: str) -> None:
    assert not any("开头写明" in w for w in checklist.audit(text).warnings)


@pytest.mark.parametrize(
    "text",
    [
        "关于2023年度法治政府建设情况的报告" + "县委/县政府：开展普法活动，调解纠纷。" * 60,  # a slash, one line
        "关于2023年度法治政府建设情况的报告" + "开展普法活动12次" * 40,  # longer than any file name, no punctuation
    ],
)
def test_one_line_report_text_is_text_not_a_path(text: str) -> None:
    assert checklist.audit(text).document["path"] == "<text>"


def test_suggestions_name_the_reports_years() -> None:
    text = "关于2022年度法治政府建设情况的报告\n2022年，我镇坚持依法行政。\n一、主要举措和成效\n开展普法12次。"
    plan = checklist.audit(text).requirement("core.next_year_plan")
    assert plan.status == "missing" and "三、2023年度推进法治政府建设的主要安排" in (plan.suggestion or "")
    unknown = checklist.audit("我镇坚持依法行政。\n一、主要举措和成效\n开展普法活动12次。").requirement(
        "core.next_year_plan"
    )
    assert "三、20XX年度推进法治政府建设的主要安排" in (unknown.suggestion or "")


def test_every_shipped_suggestion_fills_its_years() -> None:
    from checklist.rules.bundled import shipped
    from checklist.rules.engine import with_years

    for sid in shipped():
        std = checklist.load_standard(sid)
        texts = [r.suggestion for r in std.requirements] + [q.suggestion for q in std.quality.values()]
        for i18n in texts:
            for lang in ("zh", "en"):
                filled = with_years(i18n.get(lang), 2023, lang)
                assert "{" not in filled and "}" not in filled, (sid, filled)


def test_a_file_name_with_chinese_punctuation_is_still_a_path(tmp_path: Path) -> None:
    from _samples import SAMPLES, sample_path

    path = tmp_path / "区委、区政府：报告（定稿）.txt"
    path.write_bytes(sample_path(SAMPLES[0]).read_bytes())
    assert checklist.audit(str(path)).score == checklist.audit(sample_path(SAMPLES[0])).score


def test_an_existing_file_with_chinese_punctuation_and_no_known_ending_is_a_path(tmp_path: Path) -> None:
    path = tmp_path / "区委、区政府报告"
    path.write_bytes(b"")
    with pytest.raises(checklist.InputError):
        checklist.audit(str(path))  # read (and refused as empty), not audited as the text "区委、区政府报告"
