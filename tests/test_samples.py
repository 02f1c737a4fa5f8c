"""End to end on the real sample reports: every reviewer label reproduced."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

import checklist
from _samples import LABELS, SAMPLES, sample_path
from checklist.rules.result import AuditResult

META_CASES = [(name, key) for name in SAMPLES for key in LABELS[name]["metadata"]]
REQ_CASES = [(name, rid) for name in SAMPLES for rid in LABELS[name]["requirements"]]


@cache
def _doc(name: str) -> checklist.Document:
    return checklist.read(sample_path(name))


@cache
def _audit(name: str) -> AuditResult:
    return checklist.audit(_doc(name))


@pytest.mark.parametrize(("name", "key"), META_CASES, ids=[f"{n}:{k}" for n, k in META_CASES])
def test_metadata_label(name: str, key: str) -> None:
    want = LABELS[name]["metadata"][key]
    got = getattr(_doc(name).metadata, key)
    if isinstance(want, str) and isinstance(got, dt.date):
        want = dt.date.fromisoformat(want)  # a date label written as a quoted string
    assert type(got) is type(want), f"{name}: metadata {key} = {got!r}, label says {want!r}"
    assert got == want, f"{name}: metadata {key} = {got!r}, label says {want!r}"


@pytest.mark.parametrize(("name", "rid"), REQ_CASES, ids=[f"{n}:{r}" for n, r in REQ_CASES])
def test_requirement_label(name: str, rid: str) -> None:
    want = LABELS[name]["requirements"][rid]
    got = _audit(name).requirement(rid)
    assert got.status == want, f"{name}: {rid} is {got.status}, label says {want}; evidence: " + "; ".join(
        f"{e.section}: {e.quote[:60]}" for e in got.evidence
    )


@pytest.mark.parametrize("name", SAMPLES)
def test_every_verdict_is_explained(name: str) -> None:
    result = _audit(name)
    doc = _doc(name)
    for r in result.requirements:
        if r.status in ("met", "partial"):
            assert r.evidence, f"{r.id} is {r.status} without evidence"
        if r.status in ("missing", "partial"):
            assert r.suggestion and any("\u4e00" <= c <= "\u9fff" for c in r.suggestion), r.id
        for e in r.evidence:
            if e.start is not None:
                assert doc.original[e.start : e.end] == e.quote
                assert e.quote.strip()


@pytest.mark.parametrize("name", SAMPLES)
def test_profile_follows_level(name: str) -> None:
    result = _audit(name)
    level = LABELS[name]["metadata"]["level"]
    assert result.standard.id == {"township": "township", "department": "department"}.get(level, "national")
    assert 0 <= result.score <= 100


def test_removed_clutter_is_kept_as_spans() -> None:
    doc = _doc("2022-ningxia-guyuan-yuanzhou-touying-town.txt")
    removed = [doc.original[r.start : r.end] for r in doc.removed]
    assert any("ICP" in line for line in removed)
    assert any("扫一扫" in line for line in removed)
    assert "ICP" not in doc.text
    # the report's own body is kept
    assert "一、2022年度推进法治政府建设的主要举措和成效" in doc.text
