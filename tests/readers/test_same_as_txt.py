"""Acceptance: each sample read as GB18030, HTML, .docx and PDF gives the .txt's metadata,
section headings and verdicts."""

from __future__ import annotations

from pathlib import Path

import pytest

import checklist
from _samples import SAMPLES, assert_verdicts_as_labelled, sample_path

FORMATS = ("gb18030", "html", "docx", "pdf")
CASES = [(name, fmt) for name in SAMPLES for fmt in FORMATS]


@pytest.mark.parametrize(("name", "fmt"), CASES, ids=[f"{n[:20]}:{f}" for n, f in CASES])
def test_same_metadata_and_headings_as_the_txt(name: str, fmt: str, fixture_files: dict[str, dict[str, Path]]) -> None:
    stem = name.removesuffix(".txt")
    txt = checklist.read(sample_path(name))
    other = checklist.read(fixture_files[stem][fmt])
    assert other.format == ("txt" if fmt == "gb18030" else fmt)
    assert other.metadata == txt.metadata, f"{fmt}: {other.metadata} != {txt.metadata}"
    assert [s.heading for s in other.sections] == [s.heading for s in txt.sections]


@pytest.mark.parametrize(("name", "fmt"), CASES, ids=[f"{n[:20]}:{f}" for n, f in CASES])
def test_same_verdicts_as_the_labels(name: str, fmt: str, fixture_files: dict[str, dict[str, Path]]) -> None:
    stem = name.removesuffix(".txt")
    assert_verdicts_as_labelled(name, checklist.read(fixture_files[stem][fmt]), f"{fmt}: ")
