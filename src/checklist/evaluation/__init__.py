"""Measuring the library against reviewers' labels: ``evaluate(labels_paths)``.

For every report a labels file names (see :mod:`checklist.evaluation.labels` for the
shape), the report is read and audited — with the standard given, else the profile the
audit chooses by the issuer's level — and compared with its labels:

- requirement verdicts, per id and pooled (:mod:`checklist.evaluation.figures` defines
  present-F1, gap-F1 and 3-class accuracy, and why ``not_applicable`` pairs are left out);
- metadata, per field and pooled, compared after normalising both sides: dates as
  ``YYYY-MM-DD``, years as integers, text (title, issuer, addressee …) in NFKC, traditional
  characters folded to simplified, with all
  whitespace and a final colon removed (``中共某镇委员会 某镇人民政府`` equals the same
  without the space, ``区委、区政府：`` equals ``区委、区政府``), ``null`` equal only to an
  unknown value;
- quality findings, where the labels list them: a labelled finding is found when a
  finding of the same code quotes its sentence (or the near-duplicate's other sentence,
  ``pair``), one containing the other; copied text between the reports of one labels file
  (``quality.boilerplate``) is looked for as a batch would.

Every disagreement is kept with our evidence (quote and section path) or the metadata
value we gave and the line it came from.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from checklist.api import audit
from checklist.crossreport.copied import boilerplate_across
from checklist.document import Document
from checklist.errors import ChecklistError, InputError
from checklist.evaluation.figures import SCORED, FieldScore, FindingScores, Scores, Summary, Tally
from checklist.evaluation.labels import LabelledFinding, ReportLabels, load_labels
from checklist.reading import read
from checklist.rules.result import AuditResult, Finding
from checklist.rules.standard import Standard, load_standard

__all__ = [
    "Disagreement",
    "Evaluation",
    "FieldScore",
    "FindingScores",
    "LabelsEvaluation",
    "Quote",
    "Scores",
    "Summary",
    "evaluate",
]

Kind = Literal["requirement", "not_applicable", "metadata", "finding_missed", "finding_extra"]
KINDS: tuple[Kind, ...] = ("requirement", "metadata", "finding_missed", "finding_extra", "not_applicable")
# the document object's keys that are facts about the file, not metadata a label can give
_FILE_KEYS = frozenset({"path", "format", "encoding", "sha256"})
_DATE_FIELDS = frozenset({"date", "published"})
_DATE = re.compile(r"(\d{4})\D(\d{1,2})\D(\d{1,2})")
MIN_QUOTE_CHARS = 6  # a shorter quote (有待加强) could match any item of its kind
_QUOTE_NOISE = re.compile(r"[\s\"'“”‘’「」]")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quote of the report and where it stands (a section path, or "" outside any)."""

    quote: str
    section: str


@dataclass(frozen=True, slots=True)
class Disagreement:
    """One place where our result differs from the labels.

    ``kind`` ``requirement``: a verdict (``key`` the id); ``not_applicable``: one side says
    not applicable (left out of the figures); ``metadata``: a field; ``finding_missed``: a
    labelled finding we did not raise (``label`` its quote); ``finding_extra``: a quality
    finding we raised that the labels do not list (``ours`` its quote).
    """

    report: str
    kind: Kind
    key: str
    label: str | int | None
    ours: str | int | None
    evidence: tuple[Quote, ...] = ()


@dataclass(frozen=True, slots=True)
class LabelsEvaluation:
    """The result for one labels file."""

    labels: str
    reports: int  # reports evaluated (entries with a problem are left out)
    standards: Mapping[str, int]  # standard id → reports audited with it
    summary: Summary
    disagreements: tuple[Disagreement, ...]


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The result of :func:`evaluate`: per labels file, the total, and the problems met."""

    standard: str | None  # the standard given, None for the audit's own choice
    files: tuple[LabelsEvaluation, ...]
    total: Summary
    errors: tuple[ChecklistError, ...]

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        """The JSON object of ``checklist evaluate --format json`` (keys in README)."""
        return {
            "standard": self.standard,
            "total": _summary_dict(self.total),
            "files": [
                {
                    "labels": f.labels,
                    "reports": f.reports,
                    "standards": dict(f.standards),
                    **_summary_dict(f.summary),
                    "disagreements": [_disagreement_dict(d) for d in f.disagreements],
                }
                for f in self.files
            ],
            "errors": [_error_dict(e, lang) for e in self.errors],
        }


def evaluate(
    labels_paths: Iterable[str | Path], standard: str | Path | Standard | None = None, *, lang: str = "zh"
) -> Evaluation:
    """Audit every report the labels files name and compare the results with the labels.

    ``standard`` is a shipped id, a YAML path or a loaded :class:`Standard`; ``None`` lets
    each audit choose the profile by the issuer's level. A standard that cannot be loaded
    raises :class:`~checklist.errors.StandardError`; problems with a labels file or one of
    its entries are collected in ``errors`` and the rest is still evaluated.
    """
    std = load_standard(standard) if standard is not None and not isinstance(standard, Standard) else standard
    files: list[LabelsEvaluation] = []
    errors: list[ChecklistError] = []
    total = Tally()
    for path in labels_paths:
        entries, problems = load_labels(path)
        errors.extend(problems)
        if entries:
            result, tally = _evaluate_file(str(path), entries, std, lang, errors)
            if result.reports:
                files.append(result)
                total.merge(tally)
    return Evaluation(
        standard=std.id if std is not None else None, files=tuple(files), total=total.summary(), errors=tuple(errors)
    )


def _evaluate_file(
    source: str, entries: Sequence[ReportLabels], std: Standard | None, lang: str, errors: list[ChecklistError]
) -> tuple[LabelsEvaluation, Tally]:
    audited: list[tuple[ReportLabels, Document, AuditResult]] = []
    for entry in entries:
        try:
            doc = read(entry.path)
            result = audit(doc, std, lang=lang)
            _check_names(source, entry, result)
        except ChecklistError as exc:
            errors.append(exc)
            continue
        except Exception as exc:  # a bug on one report: said in one line, the others go on
            errors.append(InputError.of(str(entry.path), "eval.internal", kind=type(exc).__name__, detail=str(exc)))
            continue
        audited.append((entry, doc, result))
    copied: dict[str, list[Finding]] = {}
    if len(audited) > 1 and any(entry.findings is not None for entry, _, _ in audited):
        copied = boilerplate_across({entry.name: doc for entry, doc, _ in audited}, lang=lang)
    tally = Tally()
    disagreements: list[Disagreement] = []
    for entry, doc, result in audited:
        disagreements += _compare_requirements(entry, result, tally)
        disagreements += _compare_metadata(entry, doc, result, tally)
        if entry.findings is not None:
            raised = [f for f in result.findings if f.category == "quality"] + copied.get(entry.name, [])
            disagreements += _compare_findings(entry.name, entry.findings, raised, tally)
    standards = Counter(result.standard.id for _, _, result in audited)
    return LabelsEvaluation(
        labels=source,
        reports=len(audited),
        standards=dict(sorted(standards.items())),
        summary=tally.summary(),
        disagreements=tuple(disagreements),
    ), tally


def _check_names(source: str, entry: ReportLabels, result: AuditResult) -> None:
    """An :class:`InputError` when the labels name a requirement or field the audit lacks."""
    ids = {r.id for r in result.requirements}
    for rid in entry.requirements:
        if rid not in ids:
            raise InputError.of(
                source, "eval.unknown_requirement", report=entry.name, id=rid, standard=result.standard.id
            )
    fields = [k for k in result.document if k not in _FILE_KEYS]
    for name in entry.metadata:
        if name not in fields:
            raise InputError.of(source, "eval.unknown_field", report=entry.name, field=name, allowed=", ".join(fields))


def _compare_requirements(entry: ReportLabels, result: AuditResult, tally: Tally) -> list[Disagreement]:
    out = []
    for rid, label in entry.requirements.items():
        verdict = result.requirement(rid)
        tally.add_pair(rid, label, verdict.status)
        if label != verdict.status:
            kind: Kind = "requirement" if label in SCORED and verdict.status in SCORED else "not_applicable"
            out.append(
                Disagreement(
                    entry.name,
                    kind,
                    rid,
                    label,
                    verdict.status,
                    tuple(Quote(e.quote, e.section) for e in verdict.evidence),
                )
            )
    return out


def _compare_metadata(entry: ReportLabels, doc: Document, result: AuditResult, tally: Tally) -> list[Disagreement]:
    out = []
    for name, label in entry.metadata.items():
        ours = result.document.get(name)
        equal = normalise(name, label) == normalise(name, ours)
        tally.add_field(name, equal)
        if not equal:
            span = doc.meta_spans.get(name)
            where = (Quote(doc.original[span[0] : span[1]], ""),) if span and ours is not None else ()
            out.append(Disagreement(entry.name, "metadata", name, _plain(label), _plain(ours), where))
    return out


def normalise(name: str, value: object) -> str | int | None:
    """A metadata value as compared: see the module docstring."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = _simplified(re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value))).rstrip(":"))
    if name == "year" and text.isdigit():
        return int(text)
    m = _DATE.fullmatch(text) if name in _DATE_FIELDS else None
    if m:
        return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
    return text or None


@functools.cache
def _t2s() -> Callable[[str], str]:
    import opencc

    convert: Callable[[str], str] = opencc.OpenCC("t2s").convert
    return convert


def _simplified(text: str) -> str:
    """Traditional characters folded to simplified: reading converts a traditional report,
    so a label written in the report's traditional characters names the same thing."""
    return _t2s()(text) if text and not text.isascii() else text


def _plain(value: object) -> str | int | None:
    """A label or metadata value as shown and put into JSON."""
    if value is None or isinstance(value, int | str):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _compare_findings(
    report: str, labelled: Sequence[LabelledFinding], raised: Sequence[Finding], tally: Tally
) -> list[Disagreement]:
    out = []
    confirmed: set[int] = set()
    found = 0
    for want in labelled:
        hits = [i for i, f in enumerate(raised) if f.code == want.code and _covers(f, want)]
        if hits:
            found += 1
            confirmed.update(hits)
        else:
            out.append(Disagreement(report, "finding_missed", want.code, want.quotes[0], None))
    for i, f in enumerate(raised):
        if i not in confirmed:
            out.append(
                Disagreement(report, "finding_extra", f.code, None, f.quote, (Quote(f.quote or "", f.section or ""),))
            )
    tally.add_findings(len(labelled), found, len(raised), len(confirmed))
    return out


def _covers(finding: Finding, want: LabelledFinding) -> bool:
    """Whether ``finding`` quotes the labelled sentence: one quote contains the other (a
    finding may quote a whole section or only an item's lead phrase), the shorter one at
    least a clause long, so that a stock phrase alone does not match."""
    ours = [_key(q) for q in [finding.quote or "", *(r.quote for r in finding.related)] if q]
    for quote in want.quotes:
        label = _key(quote)
        for q in ours:
            if min(len(q), len(label)) >= MIN_QUOTE_CHARS and (label in q or q in label):
                return True
    return False


def _key(text: str) -> str:
    # labels leave out ASCII quote marks and may differ in width and spacing
    return _QUOTE_NOISE.sub("", unicodedata.normalize("NFKC", text))


def _scores_dict(s: Scores) -> dict[str, Any]:
    return {
        "present_f1": s.present_f1,
        "gap_f1": s.gap_f1,
        "accuracy": s.accuracy,
        "scored": s.scored,
        "correct": s.correct,
        "not_applicable": s.not_applicable,
        "confusion": {a: dict(row) for a, row in s.confusion.items()},
    }


def _field_dict(f: FieldScore) -> dict[str, Any]:
    return {"accuracy": f.accuracy, "compared": f.compared, "correct": f.correct}


def _summary_dict(s: Summary) -> dict[str, Any]:
    findings = None
    if s.findings is not None:
        f = s.findings
        findings = {
            "precision": f.precision,
            "recall": f.recall,
            "labelled": f.labelled,
            "found": f.found,
            "raised": f.raised,
            "confirmed": f.confirmed,
        }
    return {
        "overall": _scores_dict(s.overall),
        "requirements": {rid: _scores_dict(sc) for rid, sc in s.requirements.items()},
        "metadata": {
            **_field_dict(s.metadata_overall),
            "fields": {name: _field_dict(f) for name, f in s.metadata.items()},
        },
        "findings": findings,
    }


def _disagreement_dict(d: Disagreement) -> dict[str, Any]:
    return {
        "report": d.report,
        "kind": d.kind,
        "key": d.key,
        "label": d.label,
        "ours": d.ours,
        "evidence": [{"quote": q.quote, "section": q.section} for q in d.evidence],
    }


def _error_dict(exc: ChecklistError, lang: str) -> dict[str, str]:
    if isinstance(exc, InputError):
        return {"file": exc.source, "message": exc.localized(lang)}
    return {"file": "", "message": str(exc)}
