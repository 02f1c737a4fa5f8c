"""Reading a labels file: reviewers' verdicts, metadata and findings for a set of reports.

A labels file maps report file names (relative to the labels file's folder) to their
labels, as ``reports/labels.yaml`` does::

    2023-some-town.txt:
      metadata: {issuer: 某某镇人民政府, level: township, year: 2023, date: 2024-01-16}
      requirements:
        format.title: met
        core.causes: missing
      findings:                    # optional: the quality findings that must be raised
        - {code: quality.duplicate_sentence, quote: "…", pair: "…"}
      notes: "…"                   # anything else is the reviewer's and is ignored

Problems are collected, never raised, so one bad entry does not hide the others: each is
an :class:`~checklist.errors.InputError` naming the labels file, with its message by key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from checklist.errors import InputError

STATUSES = ("met", "partial", "missing", "not_applicable")


@dataclass(frozen=True, slots=True)
class LabelledFinding:
    """A quality finding the labels say must be raised: its code and the quoted sentence
    (a near-duplicate's other sentence, ``pair``, is a second acceptable quote)."""

    code: str
    quotes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReportLabels:
    """The labels of one report."""

    name: str  # the report's key in the labels file, as written
    path: Path  # the report file, relative to the labels file's folder
    metadata: Mapping[str, Any]
    requirements: Mapping[str, str]
    findings: tuple[LabelledFinding, ...] | None  # None: the labels say nothing about findings


def load_labels(path: str | Path) -> tuple[list[ReportLabels], list[InputError]]:
    """The entries of labels file ``path`` that can be used, and the problems met.

    A file that cannot be read or parsed gives no entries and one problem; an entry that
    is malformed or names a report file that does not exist is left out with a problem.
    Requirement ids and metadata fields are checked later, against the audit.
    """
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return [], [InputError.of(source, "eval.labels_not_found")]
    except (OSError, UnicodeDecodeError) as exc:
        return [], [InputError.of(source, "eval.labels_unreadable", detail=str(getattr(exc, "strerror", None) or exc))]
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else "?"
        problem = str(getattr(exc, "problem", None) or exc)
        return [], [InputError.of(source, "eval.labels_yaml", line=line, problem=problem)]
    if not isinstance(data, dict) or not data:
        return [], [InputError.of(source, "eval.labels_shape")]
    folder = Path(path).parent
    entries: list[ReportLabels] = []
    problems: list[InputError] = []
    for name, entry in data.items():
        try:
            entries.append(_entry(source, folder, str(name), entry))
        except InputError as exc:
            problems.append(exc)
    return entries, problems


def _entry(source: str, folder: Path, name: str, entry: object) -> ReportLabels:
    """One report's labels, or an :class:`InputError` saying what is wrong with them."""
    if not isinstance(entry, dict):
        raise InputError.of(source, "eval.entry_shape", report=name)
    metadata = entry.get("metadata") or {}
    requirements = entry.get("requirements") or {}
    if not isinstance(metadata, dict) or not isinstance(requirements, dict):
        raise InputError.of(source, "eval.entry_shape", report=name)
    for rid, status in requirements.items():
        if status not in STATUSES:
            raise InputError.of(source, "eval.bad_status", report=name, id=rid, value=status)
    report = folder / name
    if not report.is_file():
        raise InputError.of(source, "eval.report_not_found", report=name)
    return ReportLabels(
        name=name,
        path=report,
        metadata={str(k): v for k, v in metadata.items()},
        requirements={str(k): str(v) for k, v in requirements.items()},
        findings=_findings(source, name, entry),
    )


def _findings(source: str, name: str, entry: dict[Any, Any]) -> tuple[LabelledFinding, ...] | None:
    if "findings" not in entry:
        return None
    raw = entry["findings"] or []
    if not isinstance(raw, list):
        raise InputError.of(source, "eval.bad_findings", report=name)
    out = []
    for f in raw:
        if not isinstance(f, dict) or not isinstance(f.get("code"), str) or not isinstance(f.get("quote"), str):
            raise InputError.of(source, "eval.bad_findings", report=name)
        pair = f.get("pair")
        quotes = (f["quote"], pair) if isinstance(pair, str) else (f["quote"],)
        out.append(LabelledFinding(code=f["code"], quotes=quotes))
    return tuple(out)
