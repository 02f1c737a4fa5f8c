"""A batch worker keys, counts and signs each distinct sentence once (issue 14): what it
kept from earlier reports must never change a later report's fingerprint.

The passages are invented (甲镇, 乙镇); the shared sentence names 乙镇, so it is 乙镇's own
phrase for a report of 甲镇 and, once its issuer's name is taken out, a formula for 乙镇's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import checklist
from checklist.crossreport import copied, formulas
from checklist.crossreport.copied import Fingerprint, fingerprint, sentence_key
from checklist.crossreport.formulas import is_specific_key
from checklist.document import Document

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "reports").glob("*.txt"))
SHARED = "乙镇认真贯彻落实组织开展专项行动九次。"
OWN = "全镇新建人民调解室十一个并配备专职调解员二十二名。"


def _empty() -> None:
    copied._SEEN.clear()
    formulas._OWN.clear()


def _fields(p: Fingerprint) -> tuple[object, ...]:
    return (p.key, p.exact, p.minhash, p.numbers, p.spans, p.section, p.sections, p.quotes)


def _report(town: str) -> Document:
    text = (
        f"{town}人民政府2023年法治政府建设年度报告\n"
        "县委依法治县办：\n"
        f"一、2023年度推进法治政府建设的主要举措和成效\n{SHARED}{OWN}\n"
        f"{town}人民政府\n2024年1月15日\n"
    )
    return checklist.parse(text, source=f"{town}.txt")


def test_the_shared_sentence_is_own_text_for_one_issuer_and_a_formula_for_the_other() -> None:
    key = sentence_key(SHARED)[0]
    _empty()
    assert is_specific_key(key, "甲镇人民政府")
    _empty()
    assert not is_specific_key(key, "乙镇人民政府")


@pytest.mark.parametrize("first", ["甲镇人民政府", "乙镇人民政府", None])
def test_a_key_counted_for_one_issuer_is_counted_again_for_the_issuer_it_names(first: str | None) -> None:
    key = sentence_key(SHARED)[0]
    _empty()
    is_specific_key(key, first)  # kept for the next caller
    assert is_specific_key(key, "甲镇人民政府")
    assert not is_specific_key(key, "乙镇人民政府")
    assert is_specific_key(key, None)


@pytest.mark.parametrize("order", [("甲镇", "乙镇"), ("乙镇", "甲镇")])
def test_a_fingerprint_does_not_depend_on_the_reports_met_before(order: tuple[str, str]) -> None:
    alone = {}
    for town in order:
        _empty()
        alone[town] = _fields(fingerprint(_report(town), town))
    _empty()
    after = {town: _fields(fingerprint(_report(town), town)) for town in order}
    assert after == alone
    # the shared sentence is kept for 甲镇 only; the specific one for both
    assert len(alone["甲镇"][4]) == 4 and len(alone["乙镇"][4]) == 2  # type: ignore[arg-type]


def test_samples_fingerprinted_cold_and_warm_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [checklist.read(p) for p in SAMPLES]
    _empty()
    cold = []
    for d, p in zip(docs, SAMPLES, strict=True):
        _empty()
        cold.append(_fields(fingerprint(d, str(p))))
    _empty()
    warm = [_fields(fingerprint(d, str(p))) for d, p in zip(docs, SAMPLES, strict=True)]
    again = [_fields(fingerprint(d, str(p))) for d, p in zip(docs, SAMPLES, strict=True)]
    assert warm == cold and again == cold
    # with a tiny bound the maps are emptied again and again: same fingerprints, memory bounded
    monkeypatch.setattr(copied, "_KEPT", 8)
    monkeypatch.setattr(formulas, "_OWN_KEPT", 8)
    _empty()
    small = [_fields(fingerprint(d, str(p))) for d, p in zip(docs, SAMPLES, strict=True)]
    assert small == cold
    assert len(formulas._OWN) <= 8
    assert all(len(seen) <= 8 + max(len(d.sentences) for d in docs) for seen in copied._SEEN.values())
