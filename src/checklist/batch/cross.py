"""The pass across a batch's reports, once every report is audited: text copied between
issuers (``quality.boilerplate``) and each issuer's year compared with the one before
(``quality.repeated_from_last_year``, ``OUT/compare/``).

Both update the saved results of the reports concerned and their summary rows. What the
pass could not do is said back (:class:`CrossNotes`): no issuer with two years to
compare, or two reports of one issuer and one year (a duplicate, or a revised draft).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from checklist import __version__
from checklist.batch.output import (
    close_fingerprints,
    fingerprint_store,
    load_result,
    safe_stem,
    save_result,
    with_findings,
)
from checklist.batch.prints import PrintStore, State
from checklist.batch.rows import Row, quality_count
from checklist.errors import ChecklistError
from checklist.fileio import write_atomic

if TYPE_CHECKING:
    from checklist.crossreport.copied import Fingerprint, Match
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


@dataclass
class _Pass:
    """One cross-report pass: its settings, the store, and what it finds unchanged.

    ``fresh`` are the reports whose result is not the one the last pass left (audited
    again by this run, or unknown to the store): their findings across reports are made
    again; for the others, the last pass's counts stand until something they depend on
    changes.
    """

    out: Path
    rows: list[Row]
    lang: str
    html: bool
    standard: str | None
    store: PrintStore
    states: dict[str, State | None] = field(default_factory=dict)
    fresh: set[str] = field(default_factory=set)
    digests: dict[str, str] = field(default_factory=dict)  # name → what its copied-text findings come from
    compared: dict[str, str] = field(default_factory=dict)  # name → the report it was compared with

    @property
    def settings(self) -> str:
        return json.dumps([self.lang, self.html, self.standard, __version__])

    def batch_key(self) -> str:
        names = sorted(f"{r['output']}\t{r['path']}" for r in self.rows)
        return hashlib.blake2b("\n".join(names).encode("utf-8"), digest_size=16).hexdigest()

    def start(self) -> None:
        """Read the last pass's state; restore its counts in the rows it still holds for."""
        if self.store.setting("pass") != self.settings:
            self.store.clear_state()
        for row in self.rows:
            name = str(row["output"])
            state = self.states[name] = self.store.state(name)
            if state is None or _stat(self.out, name) != (state.mtime, state.size):
                self.fresh.add(name)
                row["copied_sentences"] = 0
                row["copied_share"] = 0.0
            else:
                row["copied_sentences"] = state.sentences
                row["copied_share"] = state.share
                row["quality_findings"] = state.quality

    def finish(self) -> None:
        """Remember what this pass left in every result, for the next run."""
        for row in self.rows:
            name = str(row["output"])
            stat = _stat(self.out, name)
            if stat is None:
                continue
            state = State(
                stat[0],
                stat[1],
                self.digests.get(name, ""),
                int(row.get("copied_sentences") or 0),
                float(row.get("copied_share") or 0.0),
                int(row.get("quality_findings") or 0),
                self.compared.get(name, ""),
            )
            self.store.set_state(name, state)
        self.store.keep_only({str(r["output"]) for r in self.rows})
        self.store.set_setting("pass", self.settings)
        self.store.set_setting("batch", self.batch_key())


def _stat(out: Path, name: str) -> tuple[int, int] | None:
    try:
        st = os.stat(out / f"{name}.json")
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def cross_reports(out: Path, rows: list[Row], lang: str, html: bool, standard: str | None) -> CrossNotes:
    """Copied text between issuers, and year-over-year comparisons within one issuer.

    Incremental: what the last pass over this folder found stands for every report whose
    inputs did not change; only new or changed reports, and those whose copies changed,
    are written again.
    """
    run = _Pass(out, rows, lang, html, standard, fingerprint_store(out))
    try:
        run.start()
        _copied_text(run)
        notes = _compare_years(run)
        run.finish()
    finally:
        close_fingerprints(out)
    return notes


def _copied_text(run: _Pass) -> None:
    from checklist.crossreport.copied import find_boilerplate

    if not run.fresh and run.store.setting("batch") == run.batch_key():
        for name, state in run.states.items():
            run.digests[name] = state.digest if state is not None else ""
        return  # the same reports as last time, none changed: its findings stand
    prints = _fingerprints(run)
    issuers = {str(r["path"]): (str(r["issuer"]) or None) for r in run.rows}
    matches = find_boilerplate(prints, issuer_of=issuers)
    totals = {p.key: len(p.spans) for p in prints}
    del prints
    name_of = {str(r["path"]): str(r["output"]) for r in run.rows}
    quote_of = _quotes(run.store, name_of)
    for row in run.rows:
        key, name = str(row["path"]), str(row["output"])
        found = matches.get(key, [])
        digest = run.digests[name] = _digest(found)
        state = run.states.get(name)
        peers_fresh = any(name_of.get(c.report) in run.fresh for m in found for c in m.others)
        if name not in run.fresh and state is not None and state.digest == digest and not peers_fresh:
            continue  # same copies as last time: the saved findings stand
        if not found and ((state is not None and state.sentences == 0) or not _has_copied(run.out, name)):
            row["copied_sentences"], row["copied_share"] = 0, 0.0
            continue  # none before, none now: nothing to write
        copied = _mark_copied(run, row, found, quote_of)
        row["copied_sentences"] = copied
        row["copied_share"] = round(copied / max(totals.get(key, 0), 1), 3)


def _has_copied(out: Path, name: str) -> bool:
    """Whether report ``name``'s saved result holds copied-text findings (a look at its
    bytes, not a parse: most results hold none)."""
    try:
        return b'"quality.boilerplate"' in (out / f"{name}.json").read_bytes()
    except OSError:
        return False


def _digest(found: list[Match]) -> str:
    """What a report's copied-text findings are made from (offsets, issuers, similarities)."""
    parts = [
        (m.start, m.end, m.section, m.issuer, [(c.report, c.issuer, c.start, c.end, c.similarity) for c in m.others])
        for m in found
    ]
    return hashlib.blake2b(json.dumps(parts, ensure_ascii=False).encode("utf-8"), digest_size=16).hexdigest()


def _fingerprints(run: _Pass) -> list[Fingerprint]:
    """Every report's fingerprint, from the store; one missing or not of the right shape
    (an older output folder, a damaged file) is made again from the report."""
    from checklist.crossreport.copied import fingerprint
    from checklist.reading import read

    prints = []
    for row in run.rows:
        key, name = str(row["path"]), str(row["output"])
        found = run.store.get(name, key)
        if found is None:
            try:
                found = fingerprint(read(key), key)
            except ChecklistError:
                continue
            run.store.put(name, found)
            run.fresh.add(name)  # its findings must be made again too
        prints.append(found)
    return prints


def _quotes(store: PrintStore, name_of: dict[str, str]) -> Callable[[str, int, int], str]:
    """The original text of a report's sentence, from the quotes kept with its
    fingerprint (the report is read only when they are missing)."""

    @lru_cache(maxsize=256)
    def kept(report: str) -> dict[tuple[int, int], str]:
        return store.quotes(name_of.get(report, ""))

    @lru_cache(maxsize=64)
    def original(report: str) -> str:
        from checklist.reading import read

        return read(report).original

    def quote_of(report: str, start: int, end: int) -> str:
        text = kept(report).get((start, end))
        return text if text is not None else original(report)[start:end]

    return quote_of


def _mark_copied(run: _Pass, row: Row, found: list[Match], quote_of: Callable[[str, int, int], str]) -> int:
    """Save the copied-text findings in ``row``'s report; how many there are."""
    from checklist.crossreport.copied import boilerplate_findings

    result = load_result(run.out, str(row["output"]))
    findings = boilerplate_findings(found, run.lang, quote_of=quote_of, standard=_standard_of(result, run.standard))
    result = with_findings(result, "quality.boilerplate", findings)
    save_result(run.out, str(row["output"]), result, run.html, run.lang)
    row["quality_findings"] = quality_count(result)
    return len(findings)


def _standard_of(result: AuditResult, standard: str | None) -> Standard | None:
    """The standard a report was audited with: the batch's, or the one chosen by its level."""
    from checklist.rules.standard import load_standard

    try:
        return load_standard(standard if standard is not None else result.standard.id)
    except ChecklistError:
        return None  # the checks across reports then use their defaults


def _compare_years(run: _Pass) -> CrossNotes:
    """For every issuer with reports on several years: compare each year with the one before."""
    notes = CrossNotes()
    groups: dict[str, list[Row]] = {}
    for row in run.rows:
        if row.get("issuer") and row.get("year"):
            groups.setdefault(str(row["issuer"]), []).append(row)
    for issuer, items in groups.items():
        items = sorted(items, key=lambda r: (int(r["year"]), str(r["path"])))
        for year, same in itertools.groupby(items, key=lambda r: int(r["year"])):
            paths = tuple(str(r["path"]) for r in same)
            if len(paths) > 1:
                notes.same_year.append(SameYear(issuer, year, paths))
        for old, new in itertools.pairwise(items):
            if old["year"] != new["year"] and _compare_pair(run, issuer, old, new):
                notes.compared += 1
    return notes


def _compare_pair(run: _Pass, issuer: str, old: Row, new: Row) -> bool:
    """Compare ``new`` with ``old``: ``OUT/compare/<issuer>-<old>-<new>.json`` and ``.txt``,
    and the repeated-from-last-year findings in ``new``'s result (``False``: one of the two
    could not be read again). Left as the last pass made it when neither changed."""
    from checklist.crossreport.yearly import compare
    from checklist.reading import read
    from checklist.render.yearly import render_text

    old_name, new_name = str(old["output"]), str(new["output"])
    folder = run.out / "compare"
    stem = f"{safe_stem(issuer)[:60]}-{old['year']}-{new['year']}"
    state = run.states.get(new_name)
    if (
        not {old_name, new_name} & run.fresh
        and state is not None
        and state.compared == old_name
        and (folder / f"{stem}.json").exists()
    ):
        run.compared[new_name] = old_name
        return True
    try:
        old_doc, new_doc = read(str(old["path"])), read(str(new["path"]))
    except ChecklistError:
        return False
    old_result, new_result = load_result(run.out, old_name), load_result(run.out, new_name)
    lang = run.lang
    result = compare(old_doc, old_result, new_doc, new_result, lang, standard=_standard_of(new_result, run.standard))
    folder.mkdir(exist_ok=True)
    write_atomic(folder / f"{stem}.json", result.model_dump_json(indent=1))
    write_atomic(folder / f"{stem}.txt", render_text(result, lang))
    updated = with_findings(new_result, "quality.repeated_from_last_year", result.findings)
    save_result(run.out, new_name, updated, run.html, lang)
    new["quality_findings"] = quality_count(updated)
    run.compared[new_name] = old_name
    return True
