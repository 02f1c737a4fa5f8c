"""``AuditResult.from_engine`` gives exactly what ``AuditResult.model_validate`` gives.

The engine's data is caught on its way to the result (whichever of the two the engine
calls) on real audits and on generated texts, and built both ways: the same values of
the same types, the same field order, the same set fields, byte-identical JSON. A field
added to a result model, or a key the engine writes differently, fails here.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import checklist
from _samples import SAMPLES, sample_path
from checklist.errors import InputError
from checklist.rules import engine, result
from checklist.rules.result import AuditResult, Evidence, Finding, RequirementResult, difference
from checklist.rules.standard import load_standard, shipped
from checklist.rules.waivers import WaiverEntry

LINES = [line for name in SAMPLES for line in sample_path(name).read_text(encoding="utf-8").splitlines()]
IDS = sorted({r.id for sid in shipped() for r in load_standard(sid).requirements})


class _Spy:
    """Stands for ``AuditResult`` in the engine: keeps a copy of the data it is given."""

    def __init__(self) -> None:
        self.seen: list[dict[str, Any]] = []

    def model_validate(self, data: dict[str, Any]) -> AuditResult:
        self.seen.append(copy.deepcopy(data))
        return AuditResult.model_validate(data)

    def from_engine(self, data: dict[str, Any]) -> AuditResult:
        self.seen.append(copy.deepcopy(data))
        return AuditResult.from_engine(data)


def _engine_data(monkeypatch: pytest.MonkeyPatch, run: Any) -> list[dict[str, Any]]:
    spy = _Spy()
    with monkeypatch.context() as m:
        m.setattr(engine, "AuditResult", spy)
        run()
    return spy.seen


def _containers(value: Any) -> Iterator[int]:
    """The identity of every mutable object in a result (models, their dicts and field
    sets, lists, dicts)."""
    if isinstance(value, BaseModel):
        yield id(value)
        yield id(value.__dict__)
        yield id(value.__pydantic_fields_set__)
        for item in value.__dict__.values():
            yield from _containers(item)
    elif isinstance(value, list):
        yield id(value)
        for item in value:
            yield from _containers(item)
    elif isinstance(value, dict):
        yield id(value)
        for item in value.values():
            yield from _containers(item)


def _assert_same(data: dict[str, Any]) -> None:
    expected = AuditResult.model_validate(copy.deepcopy(data))
    got = AuditResult.from_engine(copy.deepcopy(data))
    assert difference(expected, got) is None
    assert got.model_dump_json() == expected.model_dump_json()
    assert got.model_dump_json(indent=2, exclude_unset=True) == expected.model_dump_json(indent=2, exclude_unset=True)
    assert got.model_dump() == expected.model_dump()
    assert got == expected
    ids = list(_containers(got))
    assert len(ids) == len(set(ids)), "a list, dict or model appears twice in one result"


def test_the_engine_shapes_are_the_models_fields() -> None:
    assert tuple(Evidence.model_fields) == result.EVIDENCE_KEYS
    assert tuple(RequirementResult.model_fields) == result.REQUIREMENT_KEYS
    assert tuple(Finding.model_fields) == result.FINDING_KEYS
    # the short shapes leave out only fields with a default, and keep the order
    for short, full, model in (
        (result.NOT_APPLICABLE_KEYS, result.REQUIREMENT_KEYS, RequirementResult),
        (result.COVERAGE_FINDING_KEYS, result.FINDING_KEYS, Finding),
    ):
        assert [k for k in full if k in short] == list(short)
        assert all(not model.model_fields[k].is_required() for k in full if k not in short)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_samples_under_every_standard_build_the_same_result(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    def run() -> None:
        for name in SAMPLES:
            for sid in shipped():
                checklist.audit(sample_path(name), sid, lang=lang)

    seen = _engine_data(monkeypatch, run)
    assert len(seen) == len(SAMPLES) * len(shipped())
    shapes = {len(r) for d in seen for r in d["requirements"]} | {len(f) + 100 for d in seen for f in d["findings"]}
    # full and not-applicable requirements, coverage and quality findings all occur
    assert {11, 8, 108, 110} <= shapes
    for data in seen:
        _assert_same(data)


def test_waivers_expired_and_unknown_build_the_same_result(monkeypatch: pytest.MonkeyPatch) -> None:
    waivers = [
        WaiverEntry(requirement="core.measures", reason="已另行报送", owner="法治办"),
        WaiverEntry(requirement="core.plan", reason="过期", expires=dt.date(2020, 1, 1)),
        WaiverEntry(requirement="no.such", reason="未知"),
    ]
    seen = _engine_data(monkeypatch, lambda: checklist.audit(sample_path(SAMPLES[0]), waivers=waivers))
    assert any(r.get("waived") for r in seen[0]["requirements"])
    _assert_same(seen[0])


def test_two_audits_share_no_list_dict_or_model() -> None:
    # a requirement's basis is cached per standard: each result must have its own copy
    first = checklist.audit(sample_path(SAMPLES[0]))
    second = checklist.audit(sample_path(SAMPLES[0]))
    assert not set(_containers(first)) & set(_containers(second))
    first.requirements[0].basis.append("changed")
    assert "changed" not in second.requirements[0].basis


@st.composite
def _report(draw: st.DrawFn) -> tuple[str, list[WaiverEntry]]:
    """Lines of the samples shuffled, cut and mixed with noise, and a few waivers."""
    text = "\n".join(draw(st.lists(st.sampled_from(LINES), min_size=1, max_size=40)))
    cut = draw(st.integers(0, len(text)))
    text = text[:cut] + draw(st.text(max_size=20)) + text[cut:]
    waivers = [
        WaiverEntry(requirement=rid, reason="豁免", expires=draw(st.sampled_from([None, dt.date(2020, 1, 1)])))
        for rid in draw(st.lists(st.sampled_from([*IDS, "no.such"]), max_size=3))
    ]
    return text, waivers


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(_report(), st.sampled_from(["zh", "en"]), st.sampled_from([None, *shipped()]))
def test_generated_texts_build_the_same_result(
    report: tuple[str, list[WaiverEntry]], lang: str, standard: str | None
) -> None:
    text, waivers = report
    try:
        doc = checklist.parse(text)
    except InputError:
        return
    with pytest.MonkeyPatch.context() as m:
        seen = _engine_data(m, lambda: checklist.audit(doc, standard, lang=lang, waivers=waivers))
    assert len(seen) == 1
    _assert_same(seen[0])


def _sample_data(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    return _engine_data(monkeypatch, lambda: checklist.audit(sample_path(SAMPLES[0])))[0]


@pytest.mark.parametrize(
    "spoil",
    [
        lambda d: d["document"].update(level="village"),
        lambda d: d["document"].update(date="2024-13-01"),
        lambda d: d["requirements"][0].update(status="done"),
        lambda d: d["requirements"][0].update(weight="heavy"),
        lambda d: d["requirements"][0].update(extra="x"),
        lambda d: d["requirements"][0].pop("message"),
        lambda d: d["findings"][0].update(severity="grave"),
        lambda d: d["findings"][0].update(category="style", related=[]),
        lambda d: d.update(score="high"),
        lambda d: d["standard"].update(reason=3),
    ],
)
def test_bad_data_raises_the_errors_of_model_validate(monkeypatch: pytest.MonkeyPatch, spoil: Any) -> None:
    data = _sample_data(monkeypatch)
    spoil(data)
    with pytest.raises(ValidationError) as expected:
        AuditResult.model_validate(copy.deepcopy(data))
    with pytest.raises(ValidationError) as got:
        AuditResult.from_engine(copy.deepcopy(data))
    assert got.value.errors() == expected.value.errors()
    assert got.value.title == expected.value.title


def test_an_int_weight_is_a_float_as_validation_makes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _sample_data(monkeypatch)
    data["requirements"][0]["weight"] = 2
    got = AuditResult.from_engine(copy.deepcopy(data))
    assert type(got.requirements[0].weight) is float
    assert difference(AuditResult.model_validate(data), got) is None


def test_the_check_mode_catches_a_result_that_differs(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _sample_data(monkeypatch)
    quote = next(e for r in data["requirements"] for e in r.get("evidence", []))
    quote["section"] = quote.pop("section")  # the same keys in another order: another JSON
    monkeypatch.setattr(result, "VERIFY", False)
    unchecked = AuditResult.from_engine(copy.deepcopy(data))
    assert unchecked.model_dump_json() != AuditResult.model_validate(copy.deepcopy(data)).model_dump_json()
    monkeypatch.setattr(result, "VERIFY", True)
    with pytest.raises(AssertionError, match="section"):
        AuditResult.from_engine(data)


def test_difference_sees_types_order_and_set_fields() -> None:
    a = Evidence(quote="q", section="s", start=1, end=2)
    assert difference(a, Evidence(quote="q", section="s", start=1, end=2)) is None
    assert difference(a, Evidence(quote="q", section="s", start=1, end=2, terms=[])) is not None  # fields set
    assert difference({"w": 1.0}, {"w": 1}) is not None
    assert difference({"a": 1, "b": 2}, {"b": 2, "a": 1}) is not None
    assert difference([a], [a, a]) is not None
