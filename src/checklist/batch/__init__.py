"""Batch audits: many reports, in parallel, incremental, nothing lost.

``audit_many`` yields one record per input as it completes, on a process pool or any
``concurrent.futures.Executor`` (``dask.distributed``'s ``Client.get_executor()`` runs
the same code on a cluster). Errors are records, never raised mid-stream, so
``inputs == results + errors`` always holds.

``run_batch`` is what ``checklist batch`` does: it writes ``DIR/<name>.json`` (and
``.html``) per report as each completes (atomically: temp file + rename), a manifest
that lets an interrupted or repeated run skip reports whose content, standard version
and tool version are unchanged, and at the end ``summary.csv``, ``summary.xlsx``,
``errors.csv`` and ``index.html``.
"""

from __future__ import annotations

import csv
import glob
import hashlib
import itertools
import json
import os
import pickle
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checklist import __version__
from checklist.errors import ChecklistError, InputError
from checklist.ingest.readers import SCANNED_SUFFIXES
from checklist.rules.standard import SEVERITY_ORDER

MANIFEST = ".checklist-manifest.jsonl"
JOURNAL = ".checklist-journal.jsonl"
FORMATS = ("json", "html", "csv", "xlsx")


@dataclass(frozen=True)
class BatchError:
    """An input that could not be audited: which, and why (one line, in the run's language)."""

    path: str
    message: str
    kind: str  # the exception class: InputError, StandardError, or InternalError


@dataclass(frozen=True)
class BatchResult:
    """An audited input."""

    path: str
    result: Any  # AuditResult (typed loosely so this module imports without pydantic)
    sha256: str
    fingerprint: Any = None  # crossdoc.Fingerprint, when copied text across reports is wanted


def expand_inputs(inputs: Iterable[str]) -> list[str]:
    """Files, folders (recursive, report suffixes) and glob patterns → sorted unique paths.

    A name that matches nothing is kept, so that it is reported as an error, not lost.
    """
    out: dict[str, None] = {}
    for item in inputs:
        matches = sorted(glob.glob(item, recursive=True)) if any(c in item for c in "*?[") else [item]
        if not matches:
            out.setdefault(item, None)
        for m in matches:
            p = Path(m)
            if p.is_dir():
                for f in sorted(p.rglob("*")):
                    if f.is_file() and f.suffix.lower() in SCANNED_SUFFIXES:
                        out.setdefault(str(f), None)
            else:
                out.setdefault(m, None)
    return list(out)


def _audit_one(path: str, standard: Any, lang: str, keep_text: bool, cross: bool = False) -> BatchResult | BatchError:
    from checklist.api import audit
    from checklist.reading import read

    try:
        doc = read(path)
        result = audit(doc, standard, lang=lang, keep_text=keep_text)
        prints = None
        if cross:
            from checklist.crossreport.copied import fingerprint

            prints = fingerprint(doc, path)
        return BatchResult(path, result, doc.sha256, prints)
    except InputError as exc:
        return BatchError(path, exc.localized(lang), type(exc).__name__)
    except ChecklistError as exc:
        return BatchError(path, str(exc), type(exc).__name__)
    except Exception as exc:  # a bug must not stop the other 9,999 reports
        return BatchError(path, f"{path}: internal error {type(exc).__name__}: {exc}", "InternalError")


def _audit_chunk(
    paths: Sequence[str], standard: Any, lang: str, keep_text: bool, cross: bool = False
) -> list[BatchResult | BatchError]:
    return [_audit_one(p, standard, lang, keep_text, cross) for p in paths]


def audit_many(
    paths: Iterable[str | os.PathLike[str]],
    standard: Any = None,
    *,
    jobs: int | None = None,
    executor: Executor | None = None,
    lang: str = "zh",
    keep_text: bool = False,
    chunk: int = 8,
    cross: bool = False,
) -> Iterator[BatchResult | BatchError]:
    """Audit every path; yield a :class:`BatchResult` or :class:`BatchError` as each completes.

    ``standard`` is an id, a path or ``None`` (the profile by level), passed to the
    workers by name. ``jobs=1`` runs in this process; otherwise a process pool of
    ``jobs`` (default: the number of cores), or the ``executor`` given. ``cross`` adds
    each report's sentence fingerprint (for copied text across reports).
    """
    items = [os.fspath(p) for p in paths]
    if isinstance(standard, os.PathLike):
        standard = os.fspath(standard)
    if executor is None and (jobs == 1 or len(items) <= 1):
        for p in items:
            yield _audit_one(p, standard, lang, keep_text, cross)
        return
    own = executor is None
    workers = jobs or os.cpu_count() or 1
    pool: Executor = executor if executor is not None else ProcessPoolExecutor(max_workers=workers)
    chunks = (items[i : i + chunk] for i in range(0, len(items), chunk))
    # A bounded window of work in flight: memory stays flat however many reports there
    # are, because a finished chunk's results are dropped once yielded.
    window = 4 * max(workers, 2)
    pending: set[Future[list[BatchResult | BatchError]]] = set()
    try:
        for part in chunks:
            pending.add(pool.submit(_audit_chunk, part, standard, lang, keep_text, cross))
            if len(pending) >= window:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield from future.result()
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield from future.result()
    finally:
        for future in pending:
            future.cancel()
        if own:
            pool.shutdown(wait=True, cancel_futures=True)


# ----------------------------------------------------------------------------- the command


class RowStore:
    """Summary rows kept on disk, one JSON line each, read back sorted by path.

    A batch of any size holds in memory only the path and file offset of each row, so
    memory does not grow with the rows' contents.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._index: list[tuple[str, int]] = []
        self._file = path.open("w+", encoding="utf-8")

    def append(self, row: dict[str, Any]) -> None:
        """Store one row."""
        self._file.seek(0, os.SEEK_END)
        self._index.append((str(row["path"]), self._file.tell()))
        self._file.write(json.dumps(row, ensure_ascii=False) + "\n")

    def __len__(self) -> int:
        return len(self._index)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        self._file.flush()
        with self.path.open(encoding="utf-8") as f:
            for _path, offset in sorted(self._index):
                f.seek(offset)
                row: dict[str, Any] = json.loads(f.readline())
                yield row

    def replace(self, rows: Iterable[dict[str, Any]]) -> None:
        """Rewrite every row (after a pass that changed them)."""
        rows = list(rows)
        self._file.seek(0)
        self._file.truncate()
        self._index.clear()
        for row in rows:
            self.append(row)

    def close(self) -> None:
        """Close and delete the backing file."""
        self._file.close()
        self.path.unlink(missing_ok=True)


@dataclass
class BatchSummary:
    """What a batch run did; ``inputs == audited + skipped + errors`` always.

    ``rows`` is the list of summary rows (read back from ``summary.rows.jsonl`` in the
    output folder, sorted by path, when the run has finished).
    """

    inputs: int = 0
    audited: int = 0
    skipped: int = 0
    errors: list[BatchError] = field(default_factory=list)
    rows_file: Path | None = None

    @property
    def rows(self) -> Iterator[dict[str, Any]]:
        """The summary rows, sorted by path, streamed from disk."""
        if self.rows_file is None or not self.rows_file.exists():
            return iter(())
        return self._stream(self.rows_file)

    @staticmethod
    def _stream(path: Path) -> Iterator[dict[str, Any]]:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield json.loads(line)

    @property
    def ok(self) -> bool:
        """True when every input counts as a result or an error."""
        return self.inputs == self.audited + self.skipped + len(self.errors)


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    if isinstance(data, str):
        tmp.write_text(data, encoding="utf-8")
    else:
        tmp.write_bytes(data)
    tmp.replace(path)


def _file_hash(path: str) -> str | None:
    try:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        return h.hexdigest()
    except OSError:
        return None


def output_names(paths: Sequence[str]) -> dict[str, str]:
    """A unique, safe file stem per input (the file's stem; a short hash when stems clash)."""
    stems: dict[str, int] = {}
    for p in paths:
        stem = _safe(Path(p).stem)
        stems[stem] = stems.get(stem, 0) + 1
    out = {}
    for p in paths:
        stem = _safe(Path(p).stem)
        if stems[stem] > 1:
            stem += "-" + hashlib.blake2b(os.path.abspath(p).encode(), digest_size=4).hexdigest()
        out[p] = stem
    return out


def _safe(stem: str) -> str:
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", stem).strip(" .") or "report"
    return cleaned[:120]


def summary_row(path: str, name: str, result: Any) -> dict[str, Any]:
    """One row of summary.csv: the document, the score and every requirement's status."""
    d = result.document
    row: dict[str, Any] = {
        "path": path, "output": name, "issuer": d.get("issuer") or "", "level": d.get("level") or "",
        "year": d.get("year") or "", "date": d.get("date") or "", "standard": result.standard.id,
        "score": result.score,
        # not a report, another kind of document, an expired waiver …: what to filter on first
        "warnings": "；".join(result.warnings),
    }
    worst = -1
    for r in result.requirements:
        row[r.id] = "waived" if r.waived else r.status
        if r.status in ("missing", "partial") and not r.waived and r.weight > 0:
            worst = max(worst, SEVERITY_ORDER.get(r.severity, 0))
    row["quality_findings"] = sum(1 for f in result.findings if f.category == "quality")
    row["worst_gap"] = worst  # the highest severity not met (-1: none), for the exit policy
    return row


def fails_policy(row: dict[str, Any], min_score: float | None, fail_on: str) -> bool:
    """The ``check`` policy applied to a summary row."""
    if min_score is not None and float(row["score"]) < min_score:
        return True
    return fail_on != "never" and int(row.get("worst_gap", -1)) >= SEVERITY_ORDER[fail_on]


def run_batch(
    inputs: Sequence[str],
    out: Path,
    *,
    standard: str | None = None,
    jobs: int | None = None,
    formats: Sequence[str] = ("csv", "xlsx", "html"),
    force: bool = False,
    lang: str = "zh",
    progress: Callable[[int, int], None] | None = None,
    executor: Executor | None = None,
    cross: bool = True,
) -> BatchSummary:
    """Audit ``inputs`` into folder ``out`` (see the module docstring).

    The JSON result of every report is always written (it is the record the summary,
    the overview page and the next incremental run are built from); ``formats`` adds
    ``html`` pages, ``csv`` and ``xlsx`` summaries. ``cross`` also finds text copied
    between reports of different issuers (``quality.boilerplate``) and compares the
    years of one issuer (``OUT/compare/``).
    """
    out.mkdir(parents=True, exist_ok=True)
    for stale in [*out.glob(".*.tmp*"), *out.glob(".fingerprints/.*.tmp*")]:
        stale.unlink(missing_ok=True)  # a write cut short by an interrupted run
    paths = expand_inputs(inputs)
    names = output_names(paths)
    manifest_path = out / MANIFEST
    journal_path = out / JOURNAL
    manifest = _load_manifest(manifest_path, journal_path)
    standard_key = _standard_key(standard)
    summary = BatchSummary(inputs=len(paths))
    store = RowStore(out / ".rows.tmp.jsonl")
    todo: list[str] = []
    for p in paths:
        entry = manifest.get(p)
        digest = _file_hash(p)
        if (not force and entry and digest and entry.get("sha256") == digest
                and entry.get("standard") == standard_key and entry.get("tool") == __version__
                and all((out / f"{names[p]}.{ext}").exists() for ext in ("json", *formats) if ext in ("json", "html"))):
            summary.skipped += 1
            store.append(entry["row"])
        else:
            todo.append(p)
    done = summary.skipped
    if progress:
        progress(done, len(paths))
    keep_text = "html" in formats
    html_render = None
    if "html" in formats:
        from checklist.render.html import render_report

        html_render = render_report
    touched: set[str] = set()  # paths whose manifest entry this run replaces or drops
    journal = journal_path.open("a", encoding="utf-8")
    prints_dir = out / ".fingerprints"
    if cross:
        prints_dir.mkdir(exist_ok=True)
    for item in audit_many(todo, standard, jobs=jobs, executor=executor, lang=lang, keep_text=keep_text,
                           cross=cross):
        done += 1
        touched.add(item.path)
        if isinstance(item, BatchError):
            summary.errors.append(item)
        else:
            name = names[item.path]
            result = item.result
            write_atomic(out / f"{name}.json", result.model_dump_json())
            if item.fingerprint is not None:
                write_atomic(prints_dir / f"{name}.pickle", pickle.dumps(item.fingerprint))
            if html_render is not None:
                write_atomic(out / f"{name}.html", html_render(result, lang, index_href="index.html"))
            row = summary_row(item.path, name, result)
            store.append(row)
            summary.audited += 1
            entry = {"sha256": item.sha256, "standard": standard_key, "tool": __version__, "row": row}
            # one line per finished report, flushed: an interrupted run resumes from here
            journal.write(json.dumps({"path": item.path, **entry}, ensure_ascii=False) + "\n")
            journal.flush()
        if progress:
            progress(done, len(paths))
    journal.close()
    _compact_manifest(manifest_path, journal_path, manifest, touched)
    del manifest
    if cross:
        rows = list(store)  # the cross-report pass needs every report at once
        _cross_reports(out, rows, lang, html_render is not None, standard)
        store.replace(rows)
        del rows
    _write_errors(out, summary.errors)
    if "csv" in formats:
        _write_csv(out / "summary.csv", store)
    if "xlsx" in formats:
        _write_xlsx(out / "summary.xlsx", store)
    if "html" in formats:
        _write_index(out, store, lang)
    final = out / "summary.rows.jsonl"
    with final.with_name(".summary.rows.jsonl.tmp").open("w", encoding="utf-8") as f:
        for row in store:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    final.with_name(".summary.rows.jsonl.tmp").replace(final)
    store.close()
    summary.rows_file = final
    return summary


def _compact_manifest(manifest_path: Path, journal_path: Path, previous: dict[str, Any], touched: set[str]) -> None:
    """The new manifest: earlier entries not redone by this run, then this run's journal.

    Streams to a file (one JSON line per report): nothing of this run is held in memory.
    """
    tmp = manifest_path.with_name(f".{manifest_path.name}.tmp{os.getpid()}")
    with tmp.open("w", encoding="utf-8") as out:
        for path, entry in previous.items():
            if path not in touched:
                out.write(json.dumps({"path": path, **entry}, ensure_ascii=False) + "\n")
        try:
            with journal_path.open(encoding="utf-8") as journal:
                for line in journal:
                    if line.endswith("\n"):
                        out.write(line)
        except OSError:
            pass
    tmp.replace(manifest_path)
    journal_path.unlink(missing_ok=True)


def _load_manifest(manifest_path: Path, journal_path: Path) -> dict[str, Any]:
    """The last complete run's manifest, plus what an interrupted run journaled since."""
    manifest: dict[str, Any] = {}
    for source in (manifest_path, journal_path):
        try:
            with source.open(encoding="utf-8") as lines:
                for line in lines:
                    try:
                        entry = json.loads(line)
                    except ValueError:
                        continue  # the last line of a killed run may be cut short
                    if isinstance(entry, dict) and "path" in entry:
                        manifest[entry.pop("path")] = entry
        except OSError:
            pass
    return manifest


def _standard_key(standard: str | None) -> str:
    """What a cached result depends on: the standard's id, version and content as merged
    with what it extends (all profiles if auto), so a change in a base standard counts too."""
    from checklist.rules.standard import load_standard

    def key(ref: str) -> str:
        std = load_standard(ref)
        # not ``source``: where the file lies (a moved checkout) changes no verdict
        digest = hashlib.sha256(std.model_dump_json(exclude={"source"}).encode("utf-8")).hexdigest()[:12]
        return f"{std.id}@{std.version}#{digest}"

    if standard is None:
        return "auto:" + ",".join(key(s) for s in ("national", "township", "department"))
    return key(standard)


def _columns(rows: Iterable[dict[str, Any]]) -> list[str]:
    cols: dict[str, None] = {}
    for row in rows:
        for k in row:
            cols.setdefault(k, None)
    return list(cols)


def _write_csv(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    columns = _columns(rows) or ["path"]
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    with tmp.open("w", encoding="utf-8-sig", newline="") as f:  # a BOM so that Excel reads UTF-8
        writer = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(path)


def _write_errors(out: Path, errors: Sequence[BatchError]) -> None:
    import io

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["path", "kind", "message"])
    for e in sorted(errors, key=lambda e: e.path):
        writer.writerow([e.path, e.kind, e.message])
    write_atomic(out / "errors.csv", "\ufeff" + buf.getvalue())


_FILLS = {"met": "C6EFCE", "partial": "FFEB9C", "missing": "FFC7CE", "not_applicable": "EDEDED",
          "waived": "DDEBF7"}


def _write_xlsx(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    from openpyxl import Workbook
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "summary"
    cols = _columns(rows) or ["path"]
    ws.append(cols)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    count = 0
    for row in rows:
        ws.append([row.get(c, "") for c in cols])
        count += 1
    ws.freeze_panes = "B2"
    last = get_column_letter(len(cols))
    ws.auto_filter.ref = f"A1:{last}{max(count + 1, 1)}"
    status_cols = [i + 1 for i, c in enumerate(cols) if "." in c]
    if status_cols and count:
        area = f"{get_column_letter(min(status_cols))}2:{get_column_letter(max(status_cols))}{count + 1}"
        for status, colour in _FILLS.items():
            ws.conditional_formatting.add(area, CellIsRule(operator="equal", formula=[f'"{status}"'],
                                                           fill=PatternFill("solid", fgColor=colour)))
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    wb.save(tmp)
    tmp.replace(path)


def _write_index(out: Path, rows: Iterable[dict[str, Any]], lang: str) -> None:
    """The overview page, from the saved results stripped of their evidence."""
    from checklist.render.html import render_overview
    from checklist.rules.result import AuditResult

    light = []
    links = []
    copied: list[float | None] = []
    for row in rows:
        try:
            data = json.loads((out / f"{row['output']}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        data.pop("text", None)
        data.pop("removed", None)
        data["findings"] = []
        for r in data["requirements"]:
            r["evidence"] = []
        light.append(AuditResult.model_validate(data))
        links.append(f"{row['output']}.html")
        share = row.get("copied_share")
        copied.append(float(share) if share is not None else None)
    show = copied if any(c is not None for c in copied) else None
    write_atomic(out / "index.html", render_overview(light, links, lang, show))


# --------------------------------------------------------------------- across reports


def _load_result(out: Path, name: str) -> Any:
    from checklist.rules.result import AuditResult

    return AuditResult.model_validate_json((out / f"{name}.json").read_text(encoding="utf-8"))


def _save_result(out: Path, name: str, result: Any, html: bool, lang: str) -> None:
    write_atomic(out / f"{name}.json", result.model_dump_json())
    if html:
        from checklist.render.html import render_report

        write_atomic(out / f"{name}.html", render_report(result, lang, index_href="index.html"))


def _with_findings(result: Any, code: str, findings: Sequence[Any]) -> Any:
    """``result`` with its ``code`` findings replaced (re-runs do not pile them up)."""
    kept = [f for f in result.findings if f.code != code]
    return result.model_copy(update={"findings": [*kept, *findings]})


def _cross_reports(out: Path, rows: list[dict[str, Any]], lang: str, html: bool, standard: Any) -> None:
    """Copied text between issuers, and year-over-year comparisons within one issuer."""
    from checklist.crossreport.copied import boilerplate_findings, find_boilerplate
    from checklist.reading import read

    by_path = {str(r["path"]): r for r in rows}
    prints = []
    for row in rows:
        try:
            prints.append(pickle.loads((out / ".fingerprints" / f"{row['output']}.pickle").read_bytes()))
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            continue  # no fingerprint (an older run): this report is left out of the comparison
    issuers = {str(r["path"]): (str(r["issuer"]) or None) for r in rows}
    matches = find_boilerplate(prints, issuer_of=issuers)
    totals = {p.key: len(p.spans) for p in prints}
    texts: dict[str, str] = {}

    def original(path: str) -> str:
        if path not in texts:
            texts[path] = read(path).original
        return texts[path]

    for row in rows:
        row["copied_sentences"] = 0
        row["copied_share"] = 0.0
    for key, found in matches.items():
        hit = by_path.get(key)
        if hit is None:
            continue
        row = hit
        needed = {key, *(c.report for m in found for c in m.others)}
        originals = {k: original(k) for k in needed}
        result = _load_result(out, row["output"])
        findings = boilerplate_findings(found, lang, originals=originals, standard=_standard_of(result, standard))
        result = _with_findings(result, "quality.boilerplate", findings)
        _save_result(out, row["output"], result, html, lang)
        row["copied_sentences"] = len(findings)
        row["copied_share"] = round(len(findings) / max(totals.get(key, 0), 1), 3)
        row["quality_findings"] = sum(1 for f in result.findings if f.category == "quality")
    _compare_years(out, rows, lang, html, standard)


def _standard_of(result: Any, standard: Any) -> Any:
    """The standard a report was audited with: the batch's, or the one chosen by its level."""
    from checklist.rules.standard import load_standard

    try:
        return load_standard(standard if standard is not None else result.standard.id)
    except ChecklistError:
        return None  # the checks across reports then use their defaults


def _compare_years(out: Path, rows: list[dict[str, Any]], lang: str, html: bool, standard: Any) -> None:
    """For every issuer with reports on several years: compare each year with the one before."""
    from checklist.crossreport.yearly import compare, render_text
    from checklist.reading import read

    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        if row.get("issuer") and row.get("year"):
            groups.setdefault(str(row["issuer"]), []).append(row)
    for issuer, items in groups.items():
        items = sorted(items, key=lambda r: int(r["year"]))
        for old, new in itertools.pairwise(items):
            if old["year"] == new["year"]:
                continue
            try:
                old_doc, new_doc = read(str(old["path"])), read(str(new["path"]))
            except ChecklistError:
                continue
            old_result, new_result = _load_result(out, old["output"]), _load_result(out, new["output"])
            result = compare(old_doc, old_result, new_doc, new_result, lang,
                             standard=_standard_of(new_result, standard))
            folder = out / "compare"
            folder.mkdir(exist_ok=True)
            stem = f"{_safe(issuer)[:60]}-{old['year']}-{new['year']}"
            write_atomic(folder / f"{stem}.json", result.model_dump_json(indent=1))
            write_atomic(folder / f"{stem}.txt", render_text(result, lang))
            updated = _with_findings(new_result, "quality.repeated_from_last_year", result.findings)
            _save_result(out, new["output"], updated, html, lang)
            new["quality_findings"] = sum(1 for f in updated.findings if f.category == "quality")
