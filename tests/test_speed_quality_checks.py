"""The shortcoming checks after the speed work of issue 14 find what their plain forms
find: vague_shortcomings with one scan for the stock phrases and the field of work tried
first, plan_misses_shortcoming reading the plan only until every shortcoming is answered."""

from __future__ import annotations

import random

import checklist
from checklist.rules.engine import make_context
from checklist.rules.matchers.base import FIGURE, Context, Hit
from checklist.rules.quality import plan_misses_shortcoming, vague_shortcomings
from checklist.rules.quality.base import PLAN, SHORTCOMINGS, Issue, units_of
from checklist.rules.standard import load_standard

_PIECES = [
    "有待进一步加强",
    "有待加强",
    "意识不强",
    "仍有差距",
    "进一步",
    "执法",
    "普法",
    "宣传",
    "调解",
    "培训",
    "12次",
    "三场",
    "“最多跑一次”",
    "《条例》",
    "工作",
    "基层",
    "，",
    "、",
]


def _text(rng: random.Random) -> str:
    def items(n: int) -> str:
        return "".join(
            f"{i + 1}.{''.join(rng.choice(_PIECES) for _ in range(rng.randint(1, 6)))}。\n" for i in range(n)
        )

    plan = "三、下一步工作安排\n" + items(rng.randint(1, 5)) if rng.random() < 0.9 else ""
    return (
        "关于2023年度法治政府建设情况的报告\n区委、区政府：\n一、主要做法\n全面推进依法行政。\n"
        "二、存在的不足\n" + items(rng.randint(0, 5)) + plan + "\n某某镇人民政府\n"
    )


def _plan_reference(ctx: Context, params: plan_misses_shortcoming.Params) -> list[Issue]:
    doc = ctx.doc
    plan = units_of(doc, ctx, PLAN)
    if not plan:
        return []
    covered: set[int] = set()
    for u in plan:
        covered |= plan_misses_shortcoming.topics_in(doc.text[u.start : u.end], params.topics)
    out = []
    for unit in units_of(doc, ctx, SHORTCOMINGS):
        named = plan_misses_shortcoming.topics_in(doc.text[unit.start : unit.end], params.topics)
        if not named or not named.isdisjoint(covered):
            continue
        words = [params.topics[i][0] for i in sorted(named)]
        lead = unit.lead_end if unit.lead_end > unit.start else unit.end
        out.append(
            Issue(
                "quality.plan_misses_shortcoming",
                {"topics": "、".join(words[:4])},
                (Hit(unit.start, lead, tuple(words)),),
            )
        )
    return out


def _vague_reference(ctx: Context, params: vague_shortcomings.Params) -> list[tuple[int, tuple[str, ...]]]:
    doc = ctx.doc
    out = []
    for unit in units_of(doc, ctx, SHORTCOMINGS):
        text = doc.text[unit.start : unit.end]
        stock = [s for s in params.stock if s in text]
        if not stock:
            continue
        if FIGURE.search(text) or vague_shortcomings._QUOTED.search(text):
            continue
        if any(w in text for w in params.specific):
            continue
        out.append((unit.start, tuple(stock)))
    return out


def test_shortcoming_checks_find_what_their_plain_forms_find() -> None:
    """On random reports of stock phrases, fields of work, figures and names, both checks
    give the plain forms' issues; each check raises some and leaves some items alone."""
    rng = random.Random(1414)
    standard = load_standard("national")
    plan_params = standard.quality_params("quality.plan_misses_shortcoming")
    vague_params = standard.quality_params("quality.vague_shortcomings")
    plan_found = vague_found = 0
    for _ in range(600):
        doc = checklist.parse(_text(rng))
        ctx = make_context(doc, standard)
        got_plan = plan_misses_shortcoming.check(ctx, plan_params)
        want_plan = _plan_reference(make_context(doc, standard), plan_params)
        assert [(i.args, i.hits) for i in got_plan] == [(i.args, i.hits) for i in want_plan], doc.text
        got_vague = [(i.hits[0].start, i.hits[0].terms) for i in vague_shortcomings.check(ctx, vague_params)]
        assert got_vague == _vague_reference(ctx, vague_params), doc.text
        plan_found += len(got_plan)
        vague_found += len(got_vague)
    assert plan_found > 50 and vague_found > 50


def test_an_empty_stock_phrase_is_in_every_item() -> None:
    """An empty stock phrase (no automaton can hold it) is found as ``in`` finds it."""
    params = vague_shortcomings.Params(stock=["", "有待加强"], specific=["执法"])
    assert params.stock_automaton is None
    doc = checklist.parse("关于2023年度法治政府建设情况的报告\n二、存在的不足\n1.基层工作。\n2.执法工作。\n")
    found = vague_shortcomings.check(make_context(doc, load_standard("national")), params)
    assert [i.args["stock"] for i in found] == [""]
