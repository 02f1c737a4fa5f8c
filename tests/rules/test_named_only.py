"""What only names a part or an area states none of it: the sentence announcing the
report's parts (the ``contents`` region), words that look for or deal with problems
(``not_after`` / ``not_before`` of the ``terms`` matcher), and an area that is one item
of a list of areas said to go on (``named_in_list`` of the ``near`` matcher)."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

import pytest

import checklist
from checklist.rules.engine import make_context, term_positions
from checklist.rules.matchers import Context, MatcherModel, MatcherSyntaxError, parse
from checklist.rules.matchers.base import resolve_scope
from checklist.rules.standard import load_standard
from checklist.structure.sections import CONTENTS, classify


def _doc(text: str) -> checklist.Document:
    return checklist.parse(text)


def _contents(text: str) -> list[str]:
    doc = _doc(text)
    return [doc.text[a:b] for a, b in classify(doc).contents]


@pytest.mark.parametrize(
    ("text", "announced"),
    [
        (
            "现将本年度工作情况、存在不足及下一步安排报告如下：\n一、主要做法\n开展普法12次。",
            "现将本年度工作情况、存在不足及下一步安排报告如下：",
        ),
        (
            "本报告包括工作开展情况、存在的不足和下一步打算三个部分。\n一、工作开展情况\n开展普法12次。",
            "本报告包括工作开展情况、存在的不足和下一步打算三个部分。",
        ),
        # only the announcing clause onwards, not the statement before it
        ("2023年，甲镇坚持依法行政，现将有关情况汇报如下：\n一、主要做法\n开展普法12次。", "现将有关情况汇报如下："),
    ],
)
def test_the_sentence_announcing_the_parts_is_a_region_of_its_own(text: str, announced: str) -> None:
    assert _contents(text) == [unicodedata.normalize("NFKC", announced)]  # the normalised text


@pytest.mark.parametrize(
    "text",
    [
        "一、主要做法\n向县政府报告法治建设情况2次。",
        "一、主要做法\n听取各部门法治建设工作报告，分析存在的问题。",
        "一、主要做法\n本年度法治宣传包括三个方面的活动。",  # no 报告 as subject
    ],
)
def test_a_sentence_that_only_mentions_a_report_is_not_one(text: str) -> None:
    assert _contents(text) == []


def test_the_announcing_part_is_out_of_every_scope_but_any() -> None:
    doc = _doc("2023年，乙县执法力量仍存在短板，现将有关情况报告如下：\n一、主要做法\n开展普法12次。")
    regions = classify(doc)
    ((start, _end),) = regions.contents
    assert regions.kinds_at(doc, start, -1) == {CONTENTS}
    assert regions.kinds_at(doc, start - 3, -1) != {CONTENTS}  # the statement before it
    ctx = make_context(doc, load_standard("national"))
    assert not ctx.in_scope(start)  # "work"
    assert ctx.with_scope("any").in_scope(start)
    assert ctx.with_scope(["work", "shortcomings"]).in_scope(doc.text.index("短板"))


def _context(matcher: MatcherModel, text: str, params: dict[str, object], negation: bool = True) -> Context:
    doc = _doc(text)
    return Context(
        doc=doc,
        regions=classify(doc),
        term_hits=term_positions(doc.text, tuple(matcher.literals())),
        scope=resolve_scope("work"),
        negation=negation,
        params=params,
    )


def _terms(rule: dict[str, object], text: str) -> bool:
    matcher = parse({"terms": rule})
    return matcher.evaluate(_context(matcher, text, {}, negation=False)).matched


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("一、主要做法\n开展专项检查，查找工作短板。", False),
        ("一、主要做法\n认真查找法治政府建设中存在的问题。", False),  # the verb 8 characters before
        ("一、主要做法\n查找资料；执法力量仍是短板。", True),  # the verb is in another clause
        ("一、主要做法\n执法装备短板明显。", True),
        ("一、主要做法\n存在的问题得到及时解决。", False),
        ("一、主要做法\n存在的问题主要是执法人员偏少。", True),
    ],
)
def test_terms_not_after_and_not_before(text: str, matched: bool) -> None:
    rule = {
        "any": ["短板", "存在的问题"],
        "not_after": ["查找", "查"],
        "not_after_within": 10,
        "not_before": ["得到"],
        "not_before_within": 6,
    }
    assert _terms(rule, text) is matched


def test_not_after_reaches_only_as_far_as_it_says() -> None:
    text = "一、主要做法\n认真查找法治政府建设中存在的问题。"
    assert _terms({"any": ["存在的问题"], "not_after": ["查找"], "not_after_within": 4}, text)
    assert not _terms({"any": ["存在的问题"], "not_after": ["查找"], "not_after_within": 10}, text)


def test_a_wrong_not_after_names_the_key() -> None:
    with pytest.raises(MatcherSyntaxError) as err:
        parse({"terms": {"any": ["短板"], "not_after_within": -1}})
    assert "not_after_within" in err.value.path


def _near(text: str, params: Mapping[str, object] | None) -> bool:
    matcher = parse({"near": {"all": [["突发事件", "应急演练", "应急"], ["开展", "组织", "演练"]]}})
    ctx = _context(matcher, text, {"named_in_list": params} if params else {})
    return matcher.evaluate(ctx).matched


def test_the_national_standard_sets_the_list_closers() -> None:
    assert "等工作" in load_standard("national").parameters["named_in_list"]["closers"]


LIST = {"closers": ["等工作", "相关工作"], "separator": "、"}


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("此外，信访维稳、突发事件应对、城乡环境整治等工作也有序开展。", False),
        ("突发事件应对、城乡环境整治相关工作有序开展。", False),
        ("组织开展防汛应急演练、隐患排查等工作。", True),  # the action is in the item
        ("突发事件应对工作有序开展。", True),  # one area alone is no list
        ("开展突发事件应急处置培训2次。", True),
    ],
)
def test_an_area_named_in_a_list_is_only_named(text: str, matched: bool) -> None:
    assert _near(text, LIST) is matched


def test_without_the_parameter_a_list_is_read_as_before() -> None:
    assert _near("此外，信访维稳、突发事件应对、城乡环境整治等工作也有序开展。", None)
