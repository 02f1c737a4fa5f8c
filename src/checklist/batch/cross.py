"""The pass across a batch's reports, once every report is audited: text copied between
issuers (``quality.boilerplate``) and each issuer's year compared with the one before
(``quality.repeated_from_last_year``, ``OUT/compare/``).

Both update the saved results of the reports concerned and their summary rows. What the
pass could not do is said back (:class:`CrossNotes`): no issuer with two years to
compare, or two reports of one issuer and one year (a duplicate, or a revised draft).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from checklist.batch.output import load_fingerprints, load_result, safe_stem, save_result, with_findings
from checklist.batch.rows import Row, quality_count
from checklist.errors import ChecklistError
from checklist.fileio import write_atomic

if TYPE_CHECKING:
    from checklist.crossreport.copied import Match
    from checklist.rules.result import AuditResult
    from checklist.rules.standard import Standard


@dataclass(frozen=True)
class SameYear:
    """Several reports of one issuer on one year: only the first (by path) is compared."""

    issuer: str
    year: int
    paths: tuple[str, ...]


@dataclass
class CrossNotes:
    """What the pass across reports did, for the summary line."""

    compared: int = 0  # pairs of years compared (``OUT/compare/``)
    same_year: list[SameYear] = field(default_factory=list)


def cross_reports(out: Path, rows: list[Row], lang: str, html: bool, standard: str | None) -> CrossNotes:
    """Copied text between issuers, and year-over-year comparisons within one issuer."""
    _copied_text(out, rows, lang, html, standard)
    return _compare_years(out, rows, lang, html, standard)


def _copied_text(out: Path, rows: list[Row], lang: str, html: bool, standard: str | None) -> None:
    from checklist.crossreport.copied import find_boilerplate

    by_path = {str(r["path"]): r for r in rows}
    prints = load_fingerprints(out, rows)
    issuers = {str(r["path"]): (str(r["issuer"]) or None) for r in rows}
    matches = find_boilerplate(prints, issuer_of=issuers)
    totals = {p.key: len(p.spans) for p in prints}
    original = _original_texts()
    for row in rows:
        row["copied_sentences"] = 0
        row["copied_share"] = 0.0
    for key, found in matches.items():
        hit = by_path.get(key)
        if hit is None:
            continue
        copied = _mark_copied(out, hit, found, original, lang, html, standard)
        hit["copied_sentences"] = copied
        hit["copied_share"] = round(copied / max(totals.get(key, 0), 1), 3)


def _original_texts() -> Callable[[str], str]:
    """A report's original text by path, each read once (a report is quoted by many)."""
    from checklist.reading import read

    texts: dict[str, str] = {}

    def original(path: str) -> str:
        if path not in texts:
            texts[path] = read(path).original
        return texts[path]

    return original


def _mark_copied(
    out: Path, row: Row, found: list[Match], original: Callable[[str], str], lang: str, html: bool, standard: str | None
) -> int:
    """Save the copied-text findings in ``row``'s report; how many there are."""
    from checklist.crossreport.copied import boilerplate_findings

    key = str(row["path"])
    needed = {key, *(c.report for m in found for c in m.others)}
    originals = {k: original(k) for k in needed}
    result = load_result(out, str(row["output"]))
    findings = boilerplate_findings(found, lang, originals=originals, standard=_standard_of(result, standard))
    result = with_findings(result, "quality.boilerplate", findings)
    save_result(out, str(row["output"]), result, html, lang)
    row["quality_findings"] = quality_count(result)
    return len(findings)


def _standard_of(result: AuditResult, standard: str | None) -> Standard | None:
    """The standard a report was audited with: the batch's, or the one chosen by its level."""
    from checklist.rules.standard import load_standard

    try:
        return load_standard(standard if standard is not None else result.standard.id)
    except ChecklistError:
        return None  # the checks across reports then use their defaults


def _compare_years(out: Path, rows: list[Row], lang: str, html: bool, standard: str | None) -> CrossNotes:
    """For every issuer with reports on several years: compare each year with the one before."""
    notes = CrossNotes()
    groups: dict[str, list[Row]] = {}
    for row in rows:
        if row.get("issuer") and row.get("year"):
            groups.setdefault(str(row["issuer"]), []).append(row)
    for issuer, items in groups.items():
        items = sorted(items, key=lambda r: (int(r["year"]), str(r["path"])))
        for year, same in itertools.groupby(items, key=lambda r: int(r["year"])):
            paths = tuple(str(r["path"]) for r in same)
            if len(paths) > 1:
                notes.same_year.append(SameYear(issuer, year, paths))
        for old, new in itertools.pairwise(items):
            if old["year"] != new["year"] and _compare_pair(out, issuer, old, new, lang, html, standard):
                notes.compared += 1
    return notes


def _compare_pair(out: Path, issuer: str, old: Row, new: Row, lang: str, html: bool, standard: str | None) -> bool:
    """Compare ``new`` with ``old``: ``OUT/compare/<issuer>-<old>-<new>.json`` and ``.txt``,
    and the repeated-from-last-year findings in ``new``'s result (``False``: one of the two
    could not be read again)."""
    from checklist.crossreport.yearly import compare
    from checklist.reading import read
    from checklist.render.yearly import render_text

    try:
        old_doc, new_doc = read(str(old["path"])), read(str(new["path"]))
    except ChecklistError:
        return False
    old_result, new_result = load_result(out, str(old["output"])), load_result(out, str(new["output"]))
    result = compare(old_doc, old_result, new_doc, new_result, lang, standard=_standard_of(new_result, standard))
    folder = out / "compare"
    folder.mkdir(exist_ok=True)
    stem = f"{safe_stem(issuer)[:60]}-{old['year']}-{new['year']}"
    write_atomic(folder / f"{stem}.json", result.model_dump_json(indent=1))
    write_atomic(folder / f"{stem}.txt", render_text(result, lang))
    updated = with_findings(new_result, "quality.repeated_from_last_year", result.findings)
    save_result(out, str(new["output"]), updated, html, lang)
    new["quality_findings"] = quality_count(updated)
    return True
