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
import math
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checklist import __version__
from checklist.batch.output import (
    close_fingerprints,
    fingerprint_store,
    load_result,
    safe_stem,
    save_result,
    with_findings,
)
from checklist.batch.prints import CopySearch, Peer, PrintStore, State
from checklist.batch.rows import Row, quality_count, to_line
from checklist.errors import ChecklistError
from checklist.fileio import write_atomic

if TYPE_CHECKING:
    from checklist.crossreport.copied import Copy, Fingerprint, Match
    from checklist.rules.standard import Standard

# find_boilerplate's defaults, for the search over the store's index
_SIMILARITY = 0.9
_MAX_BUCKET = 1000
_MAX_GROUP = 200
# What the saved state of a pass means; a pass of another format recomputes every
# report's counts (2: copied_share is the share of the compared sentences, where 1 had
# half of it, so an output folder of format 1 must not keep its shares; 3: a message counts
# the issuers beyond the listed copies, where 2 said "10" of a sentence 29 others wrote)
_PASS_FORMAT = 3
_MAX_COPIES = 10


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
    ensured: set[str] = field(default_factory=set)  # fingerprints made by the pass (none kept)
    digests: dict[str, str] = field(default_factory=dict)  # name → what its copied-text findings come from
    compared: dict[str, str] = field(default_factory=dict)  # name → the report it was compared with
    standards: dict[str, Standard | None] = field(default_factory=dict)  # by the id a result was audited with

    def standard_of(self, audited_with: str) -> Standard | None:
        """:func:`_standard_of`, looked up once per pass (not a check of its files per report)."""
        if audited_with not in self.standards:
            self.standards[audited_with] = _standard_of(audited_with, self.standard)
        return self.standards[audited_with]

    @property
    def settings(self) -> str:
        return json.dumps([self.lang, self.html, self.standard, __version__, _PASS_FORMAT])

    def batch_key(self) -> str:
        names = sorted(f"{r['output']}\t{r['path']}" for r in self.rows)
        return hashlib.blake2b("\n".join(names).encode("utf-8"), digest_size=16).hexdigest()

    def start(self) -> None:
        """Read the last pass's state; restore its counts in the rows it still holds for."""
        if self.store.setting("pass") != self.settings:
            self.store.clear_state()
        known = self.store.states()
        for row in self.rows:
            name = str(row["output"])
            state = self.states[name] = known.get(name)
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
            if state != self.states.get(name):
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


#: what the pass reads of a summary row, and (the last three) what it writes back
CROSS_COLUMNS = (
    "output",
    "path",
    "issuer",
    "year",
    "standard",
    "copied_sentences",
    "copied_share",
    "quality_findings",
)
_WRITTEN = CROSS_COLUMNS[5:]


def slim_rows(rows: Iterable[Row]) -> list[Row]:
    """The columns of ``rows`` the pass uses (:data:`CROSS_COLUMNS`): what a batch needs to
    hold in memory for it (a whole row is some 20 kB as a dict; this, a few hundred bytes)."""
    return [{k: row[k] for k in CROSS_COLUMNS if k in row} for row in rows]


def written(slim: Iterable[Row]) -> list[Row]:
    """The columns the pass may write of each of ``slim``, as they are (before the pass)."""
    return [{k: row[k] for k in _WRITTEN if k in row} for row in slim]


def merged_lines(lines: Iterable[str], slim: Iterable[Row], before: Iterable[Row]) -> Iterator[str]:
    """The rows' JSON ``lines`` (:func:`~checklist.batch.rows.to_line`) with what the pass
    wrote in ``slim`` (made from them, in the same order; ``before``: :func:`written` of
    ``slim`` before the pass): each line as ``to_line`` writes the merged row.

    Edited as text, not parsed: a line the pass left as it was is kept, a count it changed
    is changed in place, a column it added goes at the end (where a dict's new keys go);
    a line where that cannot be done surely is parsed and written again.
    """
    for line, done, was in zip(lines, slim, before, strict=True):
        yield _merged_line(line, {k: done[k] for k in _WRITTEN if k in done}, was)


def _merged_line(line: str, now: Row, was: Row) -> str:
    """``line`` with the columns ``now``, of which it had ``was``."""
    if not line.endswith("}\n") or line.endswith("{}\n"):
        return to_line(json.loads(line) | now)
    for k, v in now.items():
        if k in was and not _same(was[k], v):
            edited = _set_number(line, k, was[k], v)
            if edited is None:
                return to_line(json.loads(line) | now)
            line = edited
    added = "".join(f", {json.dumps(k)}: {json.dumps(now[k], ensure_ascii=False)}" for k in now if k not in was)
    return f"{line[:-2]}{added}}}\n" if added else line


def _set_number(line: str, key: str, old: object, new: object) -> str | None:
    """``line`` with its column ``key`` set from the number ``old`` to the number ``new``;
    ``None`` unless both are numbers and ``"key": old`` stands once in the line, followed by
    ``,`` or ``}`` (the nested parts of a row, titles and gaps, hold only text values)."""
    if not all(type(x) in (int, float) for x in (old, new)):
        return None
    head = f"{json.dumps(key)}: {json.dumps(old)}"
    commas, braces = line.count(head + ","), line.count(head + "}")
    if commas + braces != 1:
        return None
    at = line.find(head + ("," if commas else "}"))
    return f"{line[:at]}{json.dumps(key)}: {json.dumps(new)}{line[at + len(head) :]}"


def _same(a: object, b: object) -> bool:
    """Equal and written alike (``0`` and ``0.0`` are not)."""
    return type(a) is type(b) and a == b


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
    """Copied text between issuers, searched in the store's index: only the keys whose
    writers changed since the last pass (new, changed or removed reports) and their near
    copies are looked at, and only the reports that write them get their findings again."""
    from checklist.crossreport.copied import PERMUTATIONS, issuer_classes, jaccard_bound

    store = run.store
    if not run.fresh and not store.has_dirty() and store.setting("batch") == run.batch_key():
        for name, state in run.states.items():
            run.digests[name] = state.digest if state is not None else ""
        return  # the same reports as last time, none changed: its findings stand
    store.keep_only({str(r["output"]) for r in run.rows})  # a removed report's copies change
    ids = _ensure_prints(run)
    for name in run.fresh - store.indexed:  # (indexing a report marks all its sentences)
        if name in ids:
            store.mark_dirty(ids[name][0])  # its findings are made again: all its sentences
    # audited by this run: their results hold no copied-text findings yet
    audited = store.indexed - run.ensured
    rows = [r for r in run.rows if str(r["output"]) in ids]
    classes = issuer_classes([str(r["issuer"]) or None for r in rows])
    class_of = {ids[str(r["output"])][0]: c for r, c in zip(rows, classes, strict=True)}
    need = math.ceil(jaccard_bound(_SIMILARITY) * PERMUTATIONS - 1e-9)
    search = CopySearch(store, class_of, need, _MAX_BUCKET, _MAX_GROUP)
    search.scan()
    changed, answers, looked = search.changed()
    fresh_ids = {ids[n][0] for n in run.fresh if n in ids}
    affected = changed | fresh_ids
    row_of = {ids[str(r["output"])][0]: r for r in rows}
    issuer_of = {rid: (str(r["issuer"]) or None) for rid, r in row_of.items()}
    key_of = {rid: key for rid, key in ids.values()}
    per_report = _sentence_peers(search, answers, looked, affected - fresh_ids, affected)
    matcher = _Matcher(search.store, class_of, issuer_of, key_of)
    store.clear_dirty()
    name_of = {str(r["path"]): str(r["output"]) for r in run.rows}
    quote_of = _quotes(store, name_of)
    for rid in sorted(affected, key=lambda i: str(row_of[i]["path"]) if i in row_of else ""):
        row = row_of.get(rid)
        if row is None:
            continue
        name = str(row["output"])
        found = matcher.matches(rid, per_report.pop(rid, []))  # made one report at a time
        digest = run.digests[name] = _digest(found)
        state = run.states.get(name)
        peers_fresh = any(name_of.get(c.report) in run.fresh for m in found for c in m.others)
        if name not in run.fresh and state is not None and state.digest == digest and not peers_fresh:
            continue  # same copies as last time: the saved findings stand
        if not found and (
            name in audited or (state is not None and state.sentences == 0) or not _has_copied(run.out, name)
        ):
            row["copied_sentences"], row["copied_share"] = 0, 0.0
            continue  # none before, none now: nothing to write
        copied = _mark_copied(run, row, found, quote_of)
        row["copied_sentences"] = copied
        # the share of the sentences it was compared by (a fingerprint keeps one exact
        # hash per sentence; its spans hold two offsets each, which halved the share)
        row["copied_share"] = round(copied / max(len(store.exacts(rid)), 1), 3)
    for name, state in run.states.items():
        if name not in run.digests:
            run.digests[name] = state.digest if state is not None else ""


class _Matcher:
    """The matches of one report at a time, from the peers of its sentences (a group's
    ranking of reports made once and kept)."""

    def __init__(
        self, store: PrintStore, class_of: dict[int, int], issuer_of: dict[int, str | None], key_of: dict[int, str]
    ) -> None:
        self.prints = _PrintCache(store)
        self.class_of = class_of
        self.issuer_of = issuer_of
        self.key_of = key_of
        self.ranked_of: dict[int, list[tuple[int, float, int]]] = {}
        self.copies_of: dict[tuple[int, int], tuple[tuple[Copy, ...], tuple[str | None, ...]]] = {}

    def matches(self, rid: int, sentences: list[tuple[int, list[Peer]]]) -> list[Match]:
        """Report ``rid``'s matches, in text order, from ``(sentence, its peers)``."""
        from checklist.crossreport.copied import Match

        report = self.prints.get(rid) if sentences else None
        if report is None:
            return []
        out = []
        for local, peers in sentences:
            copies, beyond = self._copies(rid, peers)
            if copies:
                start, end = report.span(local)
                section = report.section_of(local)
                out.append(Match(report.key, start, end, section, copies, self.issuer_of.get(rid), beyond))
        out.sort(key=lambda m: m.start)
        return out

    def _copies(self, rid: int, peers: list[Peer]) -> tuple[tuple[Copy, ...], tuple[str | None, ...]]:
        """The closest ``_MAX_COPIES`` reports among ``peers`` of another issuer class than
        ``rid``'s, and the issuers of the others (:func:`~checklist.crossreport.copied.beyond_copies`)."""
        from checklist.crossreport.copied import Copy, beyond_copies

        mine = self.class_of.get(rid, -1 - rid)
        # the writers of one issuer class name the same copies: found once per class (a class
        # that writes most of a group would otherwise be skipped over by each of its members)
        done = self.copies_of.get((id(peers), mine))
        if done is not None:
            return done
        ranked = self.ranked_of.get(id(peers))
        if ranked is None:
            ranked = self.ranked_of[id(peers)] = _ranked(peers, self.key_of)
        copies: list[Copy] = []
        rest: list[str | None] = []  # the issuers of the reports beyond the cap
        for r, sim, o_local in ranked:
            if self.class_of.get(r, -1 - r) == mine:
                continue
            if len(copies) >= _MAX_COPIES:  # counted, not read: only its issuer is asked for
                rest.append(self.issuer_of.get(r))
                continue
            other = self.prints.get(r)
            if other is None:
                continue
            o_start, o_end = other.span(o_local)
            copies.append(Copy(other.key, self.issuer_of.get(r), o_start, o_end, sim))
        found = self.copies_of[(id(peers), mine)] = (tuple(copies), beyond_copies(copies, rest))
        return found


def _sentence_peers(
    search: CopySearch,
    answers: dict[int, tuple[int, list[Peer]]],
    looked: set[int],
    others: set[int],
    affected: set[int],
) -> dict[int, list[tuple[int, list[Peer]]]]:
    """The sentences with peers of each ``affected`` report: ``(index, its peers)``."""
    per_report: dict[int, dict[int, list[Peer]]] = {}
    for own, peers in answers.values():
        for r, local, _ in peers[:own]:  # the sentences that write the key itself
            if r in affected:
                per_report.setdefault(r, {})[local] = peers
    for rid in others:
        mine = per_report.get(rid, {})
        for local, exact in enumerate(search.store.exacts(rid)):
            if exact in looked or local in mine:
                continue
            found = search.answer(exact)
            if found is not None:
                mine[local] = found
        if mine:
            per_report[rid] = mine
    return {rid: list(sentences.items()) for rid, sentences in per_report.items()}


def _ranked(peers: list[Peer], key_of: dict[int, str]) -> list[tuple[int, float, int]]:
    """Per report among ``peers``: its most similar sentence ``(report, similarity,
    sentence)`` (the first among equals), most similar first, then by report key."""
    best: dict[int, tuple[float, int]] = {}
    for r, local, sim in peers:
        if r not in best or (-sim, local) < (-best[r][0], best[r][1]):
            best[r] = (sim, local)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], key_of.get(kv[0], "")))
    return [(r, sim, local) for r, (sim, local) in ranked]


class _PrintCache:
    """Fingerprints by report id, read from the store as needed (the last few kept)."""

    def __init__(self, store: PrintStore, size: int = 4096) -> None:  # (about 6 KB each)
        self.store = store
        self.size = size
        self.kept: dict[int, Fingerprint | None] = {}

    def get(self, rid: int) -> Fingerprint | None:
        if rid in self.kept:
            return self.kept[rid]
        if len(self.kept) >= self.size:
            self.kept.pop(next(iter(self.kept)))
        found = self.kept[rid] = self.store.by_id(rid)
        return found


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
        (
            m.start,
            m.end,
            m.section,
            m.issuer,
            [(c.report, c.issuer, c.start, c.end, c.similarity) for c in m.others],
            m.beyond,
        )
        for m in found
    ]
    return hashlib.blake2b(json.dumps(parts, ensure_ascii=False).encode("utf-8"), digest_size=16).hexdigest()


def _ensure_prints(run: _Pass) -> dict[str, tuple[int, str]]:
    """Every report's (id, key) in the store; a fingerprint missing or not of the right
    shape (an older output folder, a damaged file, a run without the pass) is made again
    from the report, and its findings too."""
    from checklist.crossreport.copied import fingerprint
    from checklist.reading import read

    stored = run.store.reports()
    for row in run.rows:
        key, name = str(row["path"]), str(row["output"])
        if stored.get(name, (0, ""))[1] == key:
            continue
        try:
            made = fingerprint(read(key), key)
        except ChecklistError:
            continue
        run.store.put(name, made)
        run.fresh.add(name)
        run.ensured.add(name)
    return run.store.reports() if len(stored) < len(run.rows) or run.fresh else stored


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
    from checklist.crossreport.copied import CODE, boilerplate_findings

    name = str(row["output"])
    cut = None if run.html or not isinstance(row.get("standard"), str) else _findings_cut(run.out / f"{name}.json")
    if cut is None:  # an HTML page to render too (or a result not of the usual shape)
        result = load_result(run.out, name)
        standard = run.standard_of(result.standard.id)
        findings = boilerplate_findings(found, run.lang, quote_of=quote_of, standard=standard)
        result = with_findings(result, CODE, findings)
        save_result(run.out, name, result, run.html, run.lang)
        row["quality_findings"] = quality_count(result)
        return len(findings)
    # only the findings change: they alone are parsed and written again, between the saved
    # JSON's bytes before and after them (the bytes an AuditResult dumped again would give,
    # at several times the cost)
    before, was, after = cut
    findings = boilerplate_findings(found, run.lang, quote_of=quote_of, standard=run.standard_of(str(row["standard"])))
    now = [f for f in was if f.get("code") != CODE] + [json.loads(f.model_dump_json()) for f in findings]
    if now != was:  # (other reports' copies may change and the findings not)
        middle = json.dumps(now, ensure_ascii=False, separators=(",", ":"))
        write_atomic(run.out / f"{name}.json", before + f"{middle}{after}".encode())
    row["quality_findings"] = sum(1 for f in now if f.get("category") == "quality")
    return len(findings)


_FINDINGS = '"findings":'
_WARNINGS = ',"warnings":'
_DECODER = json.JSONDecoder()


def _findings_cut(path: Path) -> tuple[bytes, list[dict[str, Any]], str] | None:
    """A saved result's JSON cut around its findings: the bytes before them (as they are:
    only the findings and what follows them are decoded, a few hundred bytes of a file of
    tens of thousands), the findings as data, the text after; ``None`` when it is not of
    the shape a batch writes (compact, the findings followed by the warnings, a list of
    strings, last).

    The findings are the last ``"findings":`` of the text: the warnings after them are
    strings, in which that key cannot stand (a quote inside a string is escaped), and the
    text must end with them, so the key is the result's own, not a nested object's. (In
    UTF-8 no byte of a multi-byte character is ASCII, so the last such bytes are the last
    such characters.) A file holding a carriage return is read as text is read, its line
    ends made ``\n``.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:  # (a UnicodeDecodeError is a ValueError: a damaged file is not of the shape)
        if b"\r" in data:  # never in what a batch writes: read it as text, line ends translated
            data = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")
        at = data.rfind(_FINDINGS.encode())
        if at < 0:
            return None
        start = at + len(_FINDINGS)
        text = data[start:].decode("utf-8")
        findings, end = _DECODER.raw_decode(text, 0)
        if not text.startswith(_WARNINGS, end):
            return None
        warnings, last = _DECODER.raw_decode(text, end + len(_WARNINGS))
    except ValueError:
        return None
    ok = (
        isinstance(findings, list)
        and all(isinstance(f, dict) for f in findings)
        and isinstance(warnings, list)
        and all(isinstance(w, str) for w in warnings)
        and text[last:] == "}"
    )
    return (data[:start], findings, text[end:]) if ok else None


def _standard_of(audited_with: str, standard: str | None) -> Standard | None:
    """The standard a report was audited with (``audited_with``, the id in its result):
    the batch's, or the one chosen by its level."""
    from checklist.rules.standard import load_standard

    try:
        return load_standard(standard if standard is not None else audited_with)
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
    result = compare(old_doc, old_result, new_doc, new_result, lang, standard=run.standard_of(new_result.standard.id))
    folder.mkdir(exist_ok=True)
    write_atomic(folder / f"{stem}.json", result.model_dump_json(indent=1))
    write_atomic(folder / f"{stem}.txt", render_text(result, lang))
    updated = with_findings(new_result, "quality.repeated_from_last_year", result.findings)
    save_result(run.out, new_name, updated, run.html, lang)
    new["quality_findings"] = quality_count(updated)
    run.compared[new_name] = old_name
    return True
