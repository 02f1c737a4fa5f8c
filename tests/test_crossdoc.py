"""quality.boilerplate: sentences copied between reports of different issuers."""

from __future__ import annotations

import dataclasses
import pickle
import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import checklist
from _samples import SAMPLES, sample_path
from checklist.crossreport.copied import (
    Fingerprint,
    boilerplate_across,
    boilerplate_findings,
    find_boilerplate,
    fingerprint,
    issuer_classes,
)
from checklist.document import Document
from checklist.errors import ChecklistError
from checklist.rules.result import Finding

SHARED = "全面推行行政执法公示制度，将执法主体、执法权限、执法程序和救济渠道在镇便民服务中心集中公示。"
NEAR = "全面推行行政执法公示制度，将执法主体、执法权限、执法程序和救济渠道在镇便民服务大厅集中公示。"
SLOGAN = "加快建设职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意的法治政府。"
CHARS = "治理服务群众村社区组织开展会议培训调解纠纷安全生产环境卫生道路交通农业产业项目资金档案审核登记窗口办理"


def filler(seed: int, n: int = 3) -> str:
    """Sentences of this report alone (random characters, so no two reports share them)."""
    rng = random.Random(seed)
    return "".join("".join(rng.choices(CHARS, k=28)) + "。" for _ in range(n))


def report(issuer: str, *middle: str, seed: int = 0) -> Document:
    """A small report of ``issuer``; ``middle`` sentences sit inside its own paragraphs."""
    body = filler(seed) + "".join(middle) + filler(seed + 1000)
    text = (
        f"{issuer}\n{issuer}2023年法治政府建设年度报告\n县委依法治县办：\n"
        f"现将有关情况报告如下。\n"
        f"一、主要举措\n{body}\n二、存在的问题\n{filler(seed + 2000, 1)}\n"
        f"三、下一步打算\n{filler(seed + 3000, 1)}\n{issuer}\n2024年1月10日\n"
    )
    return checklist.parse(text, source=f"{issuer}.txt")


def issuer(i: int) -> str:
    return f"{'甲乙丙丁戊己庚辛壬癸'[i]}县{'东南西北中上下前后左'[i]}镇人民政府"


def assert_offsets(docs: dict[str, Document], found: dict[str, list[Finding]]) -> None:
    for key, findings in found.items():
        for f in findings:
            assert docs[key].original[f.start : f.end] == f.quote


def test_shared_sentence_found_on_both_with_the_other_issuer() -> None:
    docs = {"a": report(issuer(0), SHARED, seed=1), "b": report(issuer(1), SHARED, seed=2)}
    found = boilerplate_across(docs)
    assert_offsets(docs, found)
    for me, other in (("a", "b"), ("b", "a")):
        [f] = found[me]
        assert f.code == "quality.boilerplate" and f.category == "quality" and f.severity == "minor"
        named = docs[other].metadata.issuer
        assert named is not None and named in f.message
        assert SHARED in f.message and f.quote == SHARED
        assert f.section and f.suggestion


def test_english_message() -> None:
    docs = {"a": report(issuer(0), SHARED, seed=1), "b": report(issuer(1), SHARED, seed=2)}
    [f] = boilerplate_across(docs, lang="en")["a"]
    assert "another issuer" in f.message


def test_slogan_is_not_boilerplate() -> None:
    docs = {"a": report(issuer(0), SLOGAN, seed=1), "b": report(issuer(1), SLOGAN, seed=2)}
    assert boilerplate_across(docs) == {"a": [], "b": []}


def test_stop_phrases_are_a_parameter() -> None:
    docs = {"a": report(issuer(0), SLOGAN, seed=1), "b": report(issuer(1), SLOGAN, seed=2)}
    found = boilerplate_across(docs, stop_phrases=())
    assert [f.quote for f in found["a"]] == [SLOGAN]


def test_how_many_issuers_share_a_sentence_does_not_make_it_common_wording() -> None:
    # formulas are decided by the word tables (tests/crossreport), not by the batch: a
    # sentence of its own that 4 of 10 issuers share is a copy on all four
    docs = {f"r{i}": report(issuer(i), *([SHARED] if i < 4 else []), seed=10 * i) for i in range(10)}
    found = boilerplate_across(docs)
    assert [k for k, v in found.items() if v] == ["r0", "r1", "r2", "r3"]
    # the share rule is still there on request
    found = boilerplate_across(docs, common_share=0.3)
    assert all(not f for f in found.values())
    docs = {f"r{i}": report(issuer(i), *([SHARED] if i < 2 else []), seed=10 * i) for i in range(10)}
    found = boilerplate_across(docs, common_share=0.3)
    assert [k for k, v in found.items() if v] == ["r0", "r1"]


def test_near_copy_one_character_apart() -> None:
    docs = {"a": report(issuer(0), SHARED, seed=1), "b": report(issuer(1), NEAR, seed=2)}
    found = boilerplate_across(docs)
    assert_offsets(docs, found)
    assert [f.quote for f in found["a"]] == [SHARED]
    assert [f.quote for f in found["b"]] == [NEAR]
    assert SHARED in found["b"][0].message


def test_other_figures_are_another_fact() -> None:
    a = "全年共受理群众来信来访事项12件，办结率达到百分之百，群众满意度明显提升。"
    b = "全年共受理群众来信来访事项15件，办结率达到百分之百，群众满意度明显提升。"
    docs = {"a": report(issuer(0), a, seed=1), "b": report(issuer(1), b, seed=2)}
    assert boilerplate_across(docs) == {"a": [], "b": []}


def test_same_issuer_is_not_boilerplate() -> None:
    docs = {"2022": report(issuer(0), SHARED, seed=1), "2023": report(issuer(0), SHARED, seed=2)}
    assert boilerplate_across(docs) == {"2022": [], "2023": []}
    # the joint issuer and the government alone are the same body
    joint = report(f"中共甲县东镇委员会 {issuer(0)}", SHARED, seed=3)
    docs = {"2022": docs["2022"], "joint": joint}
    assert boilerplate_across(docs) == {"2022": [], "joint": []}


def test_issuer_classes() -> None:
    classes = issuer_classes(["甲镇人民政府", "中共甲镇委员会 甲镇人民政府", "乙镇人民政府", None, None])
    assert classes[0] == classes[1] != classes[2]
    assert len({classes[2], classes[3], classes[4]}) == 3  # unknown issuers are nobody else


def test_fingerprint_is_small_and_picklable() -> None:
    for name in SAMPLES:
        doc = checklist.read(sample_path(name))
        fp = fingerprint(doc, name)
        assert len(fp) > 20
        # what the search uses is hashes and offsets; the quotes ride along for the findings
        assert len(pickle.dumps(dataclasses.replace(fp, quotes=()))) < 150 * len(fp) + 2000
        back: Fingerprint = pickle.loads(pickle.dumps(fp))
        assert back.exact == fp.exact and back.minhash == fp.minhash and back.quotes == fp.quotes
        assert len(fp.quotes) == len(fp)
        for i in range(len(fp)):
            start, end = fp.span(i)
            assert 0 <= start < end <= len(doc.original)
            assert fp.quotes[i] == doc.original[start:end]


def test_samples_copies_between_townships() -> None:
    docs = {name: checklist.read(sample_path(name)) for name in SAMPLES}
    found = boilerplate_across(docs)
    assert_offsets(docs, found)
    hits = {k: [f.quote for f in v] for k, v in found.items() if v}
    # two townships of one municipality share the 证照分离 sentence nearly verbatim
    assert len(hits) == 2
    assert all(any("奇葩证明" in (q or "") for q in quotes) for quotes in hits.values())


def test_find_boilerplate_without_quotes_and_empty() -> None:
    assert find_boilerplate([], issuer_of={}) == {}
    a, b = report(issuer(0), SHARED, seed=1), report(issuer(1), SHARED, seed=2)
    found = find_boilerplate([fingerprint(a, "a"), fingerprint(b, "b")], issuer_of={"a": "x", "b": "y"})
    [m] = found["a"]
    [c] = m.others
    assert (c.report, c.issuer, c.similarity) == ("b", "y", 1.0)
    assert b.original[c.start : c.end] == SHARED
    [f] = boilerplate_findings(found["a"], originals={"a": a.original, "b": b.original})
    assert "y" in f.message


TEXT = st.text(alphabet=st.sampled_from(list(CHARS + "，。；\n 一二三、（）1")), max_size=300)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(TEXT, st.sampled_from(["甲", "乙", "丙", None])), min_size=1, max_size=4),
    st.sampled_from([SHARED, NEAR, ""]),
)
def test_no_crash(texts: list[tuple[str, str | None]], planted: str) -> None:
    docs: dict[str, Document] = {}
    issuers: dict[str, str | None] = {}
    for i, (text, who) in enumerate(texts):
        try:
            docs[str(i)] = checklist.parse(text + planted + text, source=f"{i}.txt")
        except ChecklistError:
            continue
        issuers[str(i)] = who
    prints = [fingerprint(d, k) for k, d in docs.items()]
    found = find_boilerplate(prints, issuer_of=issuers)
    originals = {k: d.original for k, d in docs.items()}
    for key, matches in found.items():
        for f in boilerplate_findings(matches, originals=originals):
            assert docs[key].original[f.start : f.end] == f.quote


def _profile(tmp_path: Any, quality: str) -> Any:
    path = tmp_path / "profile.yaml"
    path.write_text(
        f"id: profile\nversion: '1'\ntitle: {{zh: 测试}}\nextends: township\nquality:\n{quality}", encoding="utf-8"
    )
    return checklist.load_standard(path)


def test_boilerplate_is_configured_by_the_standard(tmp_path: Any) -> None:
    docs = {"a": report(issuer(0), SHARED, seed=1), "b": report(issuer(1), SHARED, seed=2)}
    shipped = boilerplate_across(docs, standard=checklist.load_standard("township"))["a"]
    assert [f.severity for f in shipped] == ["minor"] and shipped == boilerplate_across(docs)["a"]
    off = _profile(tmp_path, "  quality.boilerplate: {enabled: false}\n")
    assert boilerplate_across(docs, standard=off) == {"a": [], "b": []}
    major = _profile(tmp_path, "  quality.boilerplate: {severity: major, suggestion: {zh: 改写。}}\n")
    [f] = boilerplate_across(docs, standard=major)["a"]
    assert f.severity == "major" and f.suggestion == "改写。"


def test_boilerplate_cannot_be_weighted(tmp_path: Any) -> None:
    with pytest.raises(ChecklistError, match="不能计分"):
        _profile(tmp_path, "  quality.boilerplate: {weight: 2}\n")
