"""``run_batch``: what ``checklist batch`` does, from a list of inputs to a finished
output folder.

Four steps: plan (which inputs the manifest says are unchanged), audit the rest (each
report's files written as it completes, journaled), the cross-report pass, and the
summaries (``errors.csv``, ``summary.csv``, ``gaps.csv``, ``summary.xlsx``,
``summary.docx``, ``index.html``, ``.checklist/rows.jsonl``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path

from checklist.batch import output
from checklist.batch.cross import SameYear, cross_reports, merged_lines, slim_rows, written
from checklist.batch.manifest import Manifest, current_standard_key
from checklist.batch.notice import write_notice
from checklist.batch.prints import PrintStore
from checklist.batch.rows import Row, RowStore
from checklist.batch.runner import BatchError, Saved, audit_into
from checklist.batch.spreadsheets import write_csv, write_errors, write_gaps, write_xlsx
from checklist.fileio import expand_paths

FORMATS = ("json", "html", "csv", "xlsx", "docx")

Progress = Callable[[int, int], None]


@dataclass
class BatchSummary:
    """What a batch run did; ``inputs == audited + skipped + errors`` always.

    ``rows`` is the list of summary rows (read back from ``.checklist/rows.jsonl`` in the
    output folder, sorted by path, when the run has finished). ``compared`` is the number
    of pairs of years compared (``None`` without the cross-report pass); ``same_year`` the
    issuers with several reports on one year (a duplicate, or a revised draft).
    """

    inputs: int = 0
    audited: int = 0
    skipped: int = 0
    errors: list[BatchError] = field(default_factory=list)
    rows_file: Path | None = None
    compared: int | None = None
    same_year: list[SameYear] = field(default_factory=list)

    @property
    def rows(self) -> Iterator[Row]:
        """The summary rows, sorted by path, streamed from disk."""
        if self.rows_file is None or not self.rows_file.exists():
            return iter(())
        return self._stream(self.rows_file)

    @staticmethod
    def _stream(path: Path) -> Iterator[Row]:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    row: Row = json.loads(line)
                    yield row

    @property
    def ok(self) -> bool:
        """True when every input counts as a result or an error."""
        return self.inputs == self.audited + self.skipped + len(self.errors)


@dataclass
class _Run:
    """One run's settings and state, passed between its steps."""

    out: Path
    standard: str | None
    formats: Sequence[str]
    lang: str
    cross: bool
    csv_ids: bool
    progress: Progress | None
    summary: BatchSummary
    store: RowStore
    names: dict[str, str]
    done: int = 0
    prints: PrintStore | None = None  # the fingerprint store, once the first fingerprint arrives
    min_score: float | None = None  # the passing score, drawn on the overview and counted in the notice
    # reports audited again by a run without the cross pass: their fingerprints are of
    # the text before, and are forgotten at the end of the run (the next pass makes them)
    unprinted: list[str] = field(default_factory=list)

    @property
    def html(self) -> bool:
        return "html" in self.formats

    def tick(self) -> None:
        if self.progress:
            self.progress(self.done, self.summary.inputs)


def run_batch(
    inputs: Sequence[str],
    out: Path,
    *,
    standard: str | None = None,
    jobs: int | None = None,
    formats: Sequence[str] = ("csv", "xlsx", "html"),
    force: bool = False,
    lang: str = "zh",
    progress: Progress | None = None,
    executor: Executor | None = None,
    cross: bool = True,
    csv_ids: bool = False,
    min_score: float | None = None,
) -> BatchSummary:
    """Audit ``inputs`` into folder ``out``.

    Writes ``OUT/<name>.json`` (and ``.html``) per report as each completes, a manifest
    that lets an interrupted or repeated run skip reports whose content, standard
    version and tool version are unchanged, and at the end ``summary.csv``, ``gaps.csv``,
    ``summary.xlsx``, ``errors.csv`` and ``index.html``.

    The JSON result of every report is always written (it is the record the summary,
    the overview page and the next incremental run are built from); ``formats`` adds
    ``html`` pages, ``csv`` (``summary.csv``, ``gaps.csv``) and ``xlsx`` summaries and
    ``docx`` (``summary.docx``, a draft review notice), in ``lang`` (``csv_ids``:
    ``summary.csv`` with the ids and codes of the summary rows instead). ``cross`` also
    finds text copied between reports of different issuers (``quality.boilerplate``) and
    compares the years of one issuer (``OUT/compare/``). ``min_score``, the passing score
    (``--min-score``), is drawn on the overview's score chart and the notice says how
    many reports fall below it (the CLI's exit code comes from the rows, ``fails_policy``).

    Each report's files are written by the worker that audits it (see
    :func:`~checklist.batch.runner.audit_into`): the workers of an ``executor`` must see
    ``out`` at the same path as this process, as they must see the inputs.
    """
    # first: a standard that does not load stops the run here, before the folder is made
    standard_key = current_standard_key(out, standard)
    output.prepare(out, cross)
    paths = expand_paths(inputs)
    manifest = Manifest(out, standard_key)
    run = _Run(
        out=out,
        standard=standard,
        formats=formats,
        lang=lang,
        cross=cross,
        csv_ids=csv_ids,
        progress=progress,
        summary=BatchSummary(inputs=len(paths)),
        store=RowStore(out / output.ROWS_TMP),
        names=output.output_names(paths),
        min_score=min_score,
    )
    todo = _plan(run, manifest, paths, force)
    # each worker writes its reports' files and sends back their rows as JSON lines
    items = audit_into(
        [(p, run.names[p]) for p in todo],
        out,
        standard,
        jobs=jobs,
        executor=executor,
        lang=lang,
        html=run.html,
        cross=cross,
    )
    for item in items:
        _take(run, manifest, item)
    manifest.close()
    return _finish(run)


def _plan(run: _Run, manifest: Manifest, paths: Sequence[str], force: bool) -> list[str]:
    """The paths to audit; the rows of the others (unchanged since the last run) are kept."""
    todo: list[str] = []
    current = {n.casefold() for n in run.names.values()}
    for p in paths:
        before = manifest.previous_output(p)
        if before is not None and before != run.names[p] and before.casefold() not in current:
            output.remove_results(run.out, before)  # renamed (a clash appeared or went): no stale copy
        kept = None if force else manifest.unchanged(p, output.report_files(run.out, run.names[p], run.formats))
        if kept is None:
            todo.append(p)
        else:
            run.summary.skipped += 1
            run.store.append_line(p, *kept)
    run.done = run.summary.skipped
    run.tick()
    return todo


def _take(run: _Run, manifest: Manifest, item: Saved | BatchError) -> None:
    """One record of the audit (its files written by the worker): its row and its journal
    line (or its error)."""
    run.done += 1
    if isinstance(item, BatchError):
        run.summary.errors.append(item)
        manifest.drop(item.path)
    else:
        if item.fingerprint is not None:
            if run.prints is None:
                run.prints = output.fingerprint_store(run.out)  # (resolves the folder's path: once)
            run.prints.put(run.names[item.path], item.fingerprint)
        elif not run.cross:
            run.unprinted.append(run.names[item.path])
        run.store.append_line(item.path, item.score, item.line)
        run.summary.audited += 1
        manifest.record_line(item.path, item.sha256, item.line)
    run.tick()


def _finish(run: _Run) -> BatchSummary:
    """The cross-report pass and the summaries, once every report is audited."""
    if run.cross:
        slim = slim_rows(run.store)  # the columns the pass needs, of every report at once
        before = written(slim)
        notes = cross_reports(run.out, slim, run.lang, run.html, run.standard)
        run.summary.compared, run.summary.same_year = notes.compared, notes.same_year
        run.store.replace(merged_lines(run.store.lines(), slim, before))
        del slim, before
    elif run.unprinted:
        output.forget_prints(run.out, run.unprinted)
    write_errors(run.out / "errors.csv", run.summary.errors, run.lang, ids=run.csv_ids)
    if "csv" in run.formats:
        write_csv(run.out / "summary.csv", run.store.ranked(), run.lang, ids=run.csv_ids)
        write_gaps(run.out / "gaps.csv", run.store.ranked(), run.lang, ids=run.csv_ids)
    if "xlsx" in run.formats:
        write_xlsx(run.out / "summary.xlsx", run.store.ranked(), run.lang)
    if "docx" in run.formats:
        errors = len(run.summary.errors)
        write_notice(
            run.out / "summary.docx", run.store.ranked(), run.lang, out=run.out, errors=errors, pass_line=run.min_score
        )
    if run.html:
        output.write_index(run.out, run.store, run.lang, pass_line=run.min_score)
    run.summary.rows_file = run.out / output.ROWS
    run.store.save(run.summary.rows_file)  # the lines as stored, not parsed and written again
    run.store.close()
    return run.summary
