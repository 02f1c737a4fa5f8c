"""quality.boilerplate on small and larger batches of invented reports.

Each report is written the way the genre writes them: the five statutory headings,
``现将…报告如下``, the 三项制度 and the first-responsible duty, in each report's own years
and self-references, around sentences of its own (random characters). Formulas shared by
every report are never copies, whether the batch has 3 reports or 30; a sentence with a
name and a figure shared by three reports is a copy on all three, in either batch.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import checklist
from checklist.crossreport.copied import (
    boilerplate_across,
    boilerplate_findings,
    display_name,
    find_boilerplate,
    fingerprint,
)
from checklist.document import Document
from checklist.rules.result import Finding

CHARS = "治理服务群众村社区组织开展会议培训调解纠纷安全生产环境卫生道路交通农业产业项目资金档案审核登记窗口办理"
NAMES = "甲乙丙丁戊己庚辛壬癸"
PLACES = "东南西北中上下前后左"
SELF = ("我镇", "本镇", "镇", "我乡", "全镇")

# a sentence with a name, figures and a phrase of its own: a copy wherever it is shared
COPIED = "依托甲村老年活动中心建成“法治议事角”，聘请退休法官等3名乡贤每月15日坐班答疑。"
# the same, written with each town's own name (the copy a town edits lightly)
COPIED_NAMED = "{town}依托老年活动中心建成“法治议事角”，聘请退休法官等3名乡贤每月15日坐班答疑。"


# the same formulas written the several ways reports write them, so that each wording is
# shared by a few reports of a batch of 30 (a share rule would take them for copies)
MEASURES = (
    "{y}年度推进法治政府建设的主要举措和成效",
    "{y}年推进法治政府建设的主要举措及成效",
    "{y}年法治政府建设主要举措和成效",
    "上一年度推进法治政府建设的主要举措和成效",
)
SYSTEMS = (
    "全面落实行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。",
    "全面推行行政执法公示、执法全过程记录、重大执法决定法制审核制度。",
    "严格落实行政执法“三项制度”，执法规范化水平不断提升。",
    "深入推进行政执法三项制度，严格规范公正文明执法。",
)
DUTY = (
    "镇党委书记切实履行推进法治建设第一责任人职责。",
    "严格落实党政主要负责人履行推进法治建设第一责任人职责。",
    "镇长认真履行推进法治建设第一责任人职责，对法治建设重要工作亲自部署、重大问题亲自过问。",
    "党政主要负责人切实履行推进法治建设第一责任人职责，推进重大行政决策科学化、民主化、法治化。",
)


def town(i: int) -> str:
    return f"{NAMES[i % 10]}{PLACES[i // 10]}镇"


def filler(rng: random.Random, n: int) -> str:
    return "".join("".join(rng.choices(CHARS, k=26)) + "。" for _ in range(n))


def report(i: int, *planted: str, year: int = 2023) -> Document:
    """An invented township report, its own sentences random; ``planted`` in part one."""
    rng = random.Random(i)
    name = f"{town(i)}人民政府"
    me = SELF[i % len(SELF)]
    y = year - i % 3  # the batch mixes years, as a county's archive does
    text = (
        f"{name}{y}年法治政府建设年度报告\n"
        "县委依法治县办：\n"
        f"现将{me}{y}年度法治政府建设工作情况报告如下：\n"
        f"一、{MEASURES[i % 4].format(y=y)}\n"
        f"{filler(rng, 2)}{SYSTEMS[i // 4 % 4]}{''.join(planted)}{filler(rng, 2)}\n"
        "二、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况\n"
        f"{DUTY[(i + 1) % 4]}{filler(rng, 2)}\n"
        f"三、{y}年度推进法治政府建设存在的不足和原因\n{filler(rng, 1)}\n"
        f"四、{y + 1}年度推进法治政府建设的主要安排\n{filler(rng, 1)}\n"
        f"五、其他需要报告的情况\n{filler(rng, 1)}\n"
        f"{name}\n{y + 1}年1月15日\n"
    )
    return checklist.parse(text, source=f"{town(i)}{y}.txt")


def batch(size: int, planted: dict[int, str]) -> dict[str, Document]:
    return {f"r{i:02d}": report(i, planted.get(i, "")) for i in range(size)}


def hits(found: dict[str, list[Finding]]) -> dict[str, list[str]]:
    return {k: [f.quote or "" for f in v] for k, v in found.items() if v}


@pytest.mark.parametrize("size", [3, 30])
def test_formulas_and_statutory_headings_are_no_copies(size: int) -> None:
    docs = batch(size, {})
    assert all(d.metadata.issuer for d in docs.values())
    assert hits(boilerplate_across(docs)) == {}


@pytest.mark.parametrize("size", [3, 30])
def test_a_specific_sentence_shared_by_three_is_found_on_all_three(size: int) -> None:
    docs = batch(size, {0: COPIED, 1: COPIED, 2: COPIED})
    found = boilerplate_across(docs)
    assert hits(found) == {"r00": [COPIED], "r01": [COPIED], "r02": [COPIED]}
    for me in ("r00", "r01", "r02"):
        [f] = found[me]
        assert docs[me].original[f.start : f.end] == f.quote
        others = [docs[k].metadata.issuer for k in ("r00", "r01", "r02") if k != me]
        assert all(o and o in f.message for o in others)
        assert f.message.startswith("与其他发文机关")


@pytest.mark.parametrize("size", [3, 30])
def test_a_copy_edited_to_each_towns_name_is_found(size: int) -> None:
    planted = {i: COPIED_NAMED.format(town=town(i)) for i in (0, 1, 2)}
    found = hits(boilerplate_across(batch(size, planted)))
    assert found == {f"r{i:02d}": [planted[i]] for i in (0, 1, 2)}


def test_the_same_sentence_with_other_figures_is_no_copy() -> None:
    other = COPIED.replace("3名", "5名")
    assert hits(boilerplate_across(batch(3, {0: COPIED, 1: other}))) == {}


def test_common_share_is_only_on_request() -> None:
    docs = batch(10, {i: COPIED for i in range(5)})
    assert len(hits(boilerplate_across(docs))) == 5  # half the batch copied it: still copies
    assert hits(boilerplate_across(docs, common_share=0.3)) == {}


# ---------------------------------------------------------------------------
# unknown issuers, and how messages name a report


def _prints(tmp_path: Path, issuers: dict[str, str | None]) -> tuple[dict[str, str], dict[str, str | None]]:
    """Reports under absolute paths in ``tmp_path``, with the given issuers (None: unknown)."""
    originals: dict[str, str] = {}
    issuer_of: dict[str, str | None] = {}
    for i, (stem, who) in enumerate(issuers.items()):
        key = str(tmp_path / "收件箱" / f"{stem}.txt")
        originals[key] = report(i, COPIED).original
        issuer_of[key] = who
    return originals, issuer_of


def _findings(
    originals: dict[str, str],
    issuer_of: dict[str, str | None],
    lang: str = "zh",
) -> dict[str, list[Finding]]:
    prints = [fingerprint(checklist.parse(text, source=Path(k).name), k) for k, text in originals.items()]
    found = find_boilerplate(prints, issuer_of=issuer_of)
    return {k: boilerplate_findings(found.get(k, []), lang, originals=originals) for k in originals}


def test_unknown_issuer_is_named_by_its_file_and_said_unknown(tmp_path: Path) -> None:
    originals, issuer_of = _prints(tmp_path, {"a": "甲镇人民政府", "b": None, "c": "丙镇人民政府"})
    found = _findings(originals, issuer_of)
    keys = list(originals)
    [on_a] = found[keys[0]]
    assert "发文机关不明的 b.txt" in on_a.message and "丙镇人民政府" in on_a.message
    # with an issuer unknown, the message says other reports, not other issuers
    assert on_a.message.startswith("与其他报告") and "其他发文机关" not in on_a.message
    [on_b] = found[keys[1]]  # the unknown one's own finding names the known issuers
    assert "甲镇人民政府" in on_b.message and "丙镇人民政府" in on_b.message
    assert on_b.message.startswith("与其他报告")
    [en] = _findings(originals, issuer_of, "en")[keys[0]]
    assert "b.txt [issuer unknown]" in en.message and "other report" in en.message


def test_two_unknown_issuers_are_compared_and_named_by_file(tmp_path: Path) -> None:
    originals, issuer_of = _prints(tmp_path, {"x": None, "y": None})
    found = _findings(originals, issuer_of)
    [x, y] = originals
    assert "发文机关不明的 y.txt" in found[x][0].message
    assert "发文机关不明的 x.txt" in found[y][0].message


def test_no_message_shows_a_full_path(tmp_path: Path) -> None:
    issuers: dict[str, str | None] = {f"r{i}": (None if i % 2 else f"{town(i)}人民政府") for i in range(6)}
    originals, issuer_of = _prints(tmp_path, issuers)
    for lang in ("zh", "en"):
        findings = [f for fs in _findings(originals, issuer_of, lang).values() for f in fs]
        assert len(findings) == 6
        for f in findings:
            assert str(tmp_path) not in f.message and "收件箱" not in f.message


def test_names_can_be_given(tmp_path: Path) -> None:
    originals, issuer_of = _prints(tmp_path, {"a": "甲镇人民政府", "b": None})
    a, b = originals
    prints = [fingerprint(checklist.parse(text, source="x.txt"), k) for k, text in originals.items()]
    found = find_boilerplate(prints, issuer_of=issuer_of)
    [f] = boilerplate_findings(found[a], originals=originals, names={b: "甲县/乙镇/b.txt"})
    assert "发文机关不明的 甲县/乙镇/b.txt" in f.message


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("/home/u/报告/甲镇2023.txt", "甲镇2023.txt"),
        (r"C:\Users\u\甲镇2023.docx", "甲镇2023.docx"),
        ("甲镇2023.txt", "甲镇2023.txt"),
        ("r01", "r01"),
    ],
)
def test_display_name(key: str, name: str) -> None:
    assert display_name(key) == name


def test_findings_drop_formulas_from_fingerprints_made_without_the_check() -> None:
    # fingerprints kept by an older run still hold the statutory headings and formulas
    docs = batch(3, {0: COPIED, 1: COPIED})
    prints = [fingerprint(d, k, min_specific=0) for k, d in docs.items()]
    issuer_of = {k: d.metadata.issuer for k, d in docs.items()}
    found = find_boilerplate(prints, issuer_of=issuer_of)
    originals = {k: d.original for k, d in docs.items()}
    assert len([m for ms in found.values() for m in ms]) > 2  # the formulas matched
    quotes = {k: [f.quote for f in boilerplate_findings(found.get(k, []), originals=originals)] for k in docs}
    assert quotes == {"r00": [COPIED], "r01": [COPIED], "r02": []}
    everything = boilerplate_findings(found["r00"], originals=originals, min_specific=0)
    assert len(everything) > 1


def test_the_count_of_issuers_is_not_cut_at_the_listed_copies(tmp_path: Path) -> None:
    # a match lists the ten closest reports; a message still counts every issuer that
    # writes the sentence (a county's template in 13 towns: 12 others, not 10)
    issuers: dict[str, str | None] = {f"r{i:02d}": f"{town(i)}人民政府" for i in range(13)}
    originals, issuer_of = _prints(tmp_path, issuers)
    prints = [fingerprint(checklist.parse(text, source=Path(k).name), k) for k, text in originals.items()]
    found = find_boilerplate(prints, issuer_of=issuer_of)
    for key in originals:
        [match] = found[key]
        assert len(match.others) == 10 and len(match.beyond) == 2
        [finding] = boilerplate_findings(found[key], originals=originals)
        assert "等 12 份其他发文机关的报告" in finding.message
    # two reports of one issuer beyond the cap count once, an unknown one once a report
    issuers |= {"r13": issuers["r12"], "r14": None, "r15": None}
    originals, issuer_of = _prints(tmp_path, issuers)
    prints = [fingerprint(checklist.parse(text, source=Path(k).name), k) for k, text in originals.items()]
    found = find_boilerplate(prints, issuer_of=issuer_of)
    [first] = boilerplate_findings(found[next(iter(originals))], originals=originals)
    assert "等 14 份其他报告" in first.message  # 11 known issuers and two unknown reports
