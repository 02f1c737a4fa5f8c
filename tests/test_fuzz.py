"""Fuzzing: mangled reports and random bytes into every reader, the outline and the engine.

No exception may escape but the library's own InputError; scores stay in 0–100; every
evidence offset points at its quote. CI runs a few hundred examples every time; on
request ``CHECKLIST_FUZZ=100000 python -m pytest -m fuzz tests/test_fuzz.py`` runs the
long version.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import checklist
from _samples import SAMPLES, sample_path
from checklist.errors import InputError
from checklist.rules.result import Evidence, Finding

LINES = [line for name in SAMPLES for line in sample_path(name).read_text(encoding="utf-8").splitlines()]
LONG = int(os.environ.get("CHECKLIST_FUZZ", "0"))


@st.composite
def mangled_report(draw: st.DrawFn) -> str:
    """Lines of real reports, shuffled, truncated, duplicated, with random Unicode mixed in."""
    picked = draw(st.lists(st.sampled_from(LINES), min_size=1, max_size=40))
    if draw(st.booleans()):
        picked = picked + picked[: draw(st.integers(0, len(picked)))]  # duplicated sections
    text = "\n".join(picked)
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(text)))
        text = text[:cut]  # truncated mid-sentence
    noise = draw(st.text(max_size=30))
    at = draw(st.integers(0, len(text)))
    return text[:at] + noise + text[at:]


@st.composite
def mixed_encoding(draw: st.DrawFn) -> bytes:
    """A report whose pieces are encoded differently (UTF-8, GB18030, UTF-16)."""
    parts = draw(st.lists(st.sampled_from(LINES), min_size=1, max_size=8))
    encodings = draw(
        st.lists(st.sampled_from(["utf-8", "gb18030", "utf-16-le"]), min_size=len(parts), max_size=len(parts))
    )
    return b"\n".join(p.encode(e) for p, e in zip(parts, encodings, strict=True))


def _check_audit(doc: checklist.Document) -> None:
    result = checklist.audit(doc)
    assert 0 <= result.score <= 100
    for r in result.requirements:
        if r.status in ("met", "partial"):
            assert r.evidence, r.id
        for e in r.evidence:
            if e.start is not None:
                assert e.end is not None and 0 <= e.start <= e.end <= len(doc.original)
                assert doc.original[e.start : e.end] == e.quote
    for f in result.findings:
        places: list[Finding | Evidence] = [f, *f.related]
        for quoted in places:
            if quoted.start is not None:
                assert doc.original[quoted.start : quoted.end] == quoted.quote


def _audit_text(text: str) -> None:
    try:
        doc = checklist.parse(text)
    except InputError:
        return
    _check_audit(doc)


def _read_bytes(data: bytes, fmt: str | None) -> None:
    try:
        doc = checklist.read(data, name=f"fuzz.{fmt or 'bin'}", format=fmt)
    except InputError:
        return
    _check_audit(doc)


FAST = settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))


@FAST
@given(mangled_report())
def test_mangled_reports(text: str) -> None:
    _audit_text(text)


@FAST
@given(mixed_encoding())
def test_mixed_encodings(data: bytes) -> None:
    _read_bytes(data, None)


@FAST
@given(st.binary(max_size=2000), st.sampled_from([None, "txt", "html", "docx", "pdf"]))
def test_random_bytes_into_every_reader(data: bytes, fmt: str | None) -> None:
    _read_bytes(data, fmt)


@FAST
@given(st.text(max_size=400))
def test_random_unicode(text: str) -> None:
    _audit_text(text)


LONG_SETTINGS = settings(max_examples=max(LONG, 1), deadline=None, suppress_health_check=list(HealthCheck))


@pytest.mark.fuzz
@pytest.mark.skipif(not LONG, reason="long fuzzing runs on request: CHECKLIST_FUZZ=100000 pytest -m fuzz")
@LONG_SETTINGS
@given(st.one_of(mangled_report(), st.text(max_size=2000)))
def test_long_fuzz_text(text: str) -> None:
    _audit_text(text)


@pytest.mark.fuzz
@pytest.mark.skipif(not LONG, reason="long fuzzing runs on request: CHECKLIST_FUZZ=100000 pytest -m fuzz")
@LONG_SETTINGS
@given(st.one_of(mixed_encoding(), st.binary(max_size=4000)), st.sampled_from([None, "txt", "html", "docx", "pdf"]))
def test_long_fuzz_bytes(data: bytes, fmt: str | None) -> None:
    _read_bytes(data, fmt)
