"""``checklist batch INPUT... --out DIR``: many reports into a folder, in parallel, incrementally."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from checklist.cli._common import (
    EXIT_ERROR,
    EXIT_FAIL,
    EXIT_OK,
    LANG,
    SEVERITY_FLOOR,
    fail,
    msg,
    print_error,
)
from checklist.errors import ChecklistError


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out",
    "-o",
    "out",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder for the results (created if needed).",
)
@click.option("--standard", "-s", help="Standard id or YAML file (default: by each issuer's level).")
@click.option(
    "--jobs", "-j", type=click.IntRange(1, 256), default=None, help="Worker processes (default: the number of cores)."
)
@click.option(
    "--format",
    "formats",
    default="csv,xlsx,html",
    show_default=True,
    help="Comma-separated extras besides the per-report JSON: html, csv, xlsx, docx (a draft notice), or json alone.",
)
@click.option("--force", is_flag=True, help="Audit again even the reports that are unchanged since the last run.")
@click.option(
    "--cross/--no-cross",
    default=True,
    show_default=True,
    help="Find text copied between issuers and compare the years of one issuer.",
)
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    default=None,
    help="Exit 1 if a report scores below; drawn as the pass line on index.html's score chart and counted in "
    "summary.docx.",
)
@click.option(
    "--fail-on",
    type=SEVERITY_FLOOR,
    default="never",
    show_default=True,
    help="Exit 1 if a report has a gap of this severity or higher.",
)
@click.option(
    "--lang",
    type=LANG,
    default="zh",
    show_default=True,
    help="Language of the results and of the spreadsheets' headers and cells.",
)
@click.option(
    "--csv-ids",
    is_flag=True,
    help="CSV files with ids and codes (core.measures, met, township) instead of words, for scripts.",
)
def batch(
    inputs: Sequence[str],
    out: str,
    standard: str | None,
    jobs: int | None,
    formats: str,
    force: bool,
    cross: bool,
    min_score: float | None,
    fail_on: str,
    lang: str,
    csv_ids: bool,
) -> None:
    """Audit many reports (files, folders, globs) into a folder, in parallel and incrementally.

    \b
    Writes OUT/<name>.json (+ .html) per report (<name>: the file's stem, or its whole
    name when two inputs share a stem), and at the end OUT/summary.csv, gaps.csv,
    summary.xlsx (best score first, in --lang), index.html and errors.csv (--format docx:
    also summary.docx, a draft review notice to edit in Word); with --cross
    (default) text copied between issuers (quality.boilerplate) and OUT/compare/ for
    issuers with several years. The folder's own files are in OUT/.checklist/.
    Unchanged reports (same content, standard and tool version) are skipped on a
    re-run. Exit 2 if any input failed, else 1 if a report fails the policy
    (--min-score / --fail-on, as in `check`), else 0.
    """
    from checklist.batch import FORMATS, fails_policy, run_batch

    wanted = [f.strip() for f in formats.split(",") if f.strip()]
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown:
        fail(msg("cli.unknown_formats", lang, unknown=", ".join(unknown), known=", ".join(FORMATS)))
    # a broken standard stops run_batch at its start (a StandardError, below), once, rather
    # than in every worker (which loads it by name); an unchanged one is not even loaded
    progress = progress_reporter(lang)
    _stop_cleanly_on_sigterm()
    try:
        summary = run_batch(
            list(inputs),
            Path(out),
            standard=standard,
            jobs=jobs,
            formats=wanted,
            force=force,
            lang=lang,
            progress=progress,
            cross=cross,
            csv_ids=csv_ids,
            min_score=min_score,
        )
    except ChecklistError as exc:
        print_error(exc, lang)
        sys.exit(EXIT_ERROR)
    finally:
        progress(-1, -1)
    for e in summary.errors:
        click.echo(f"checklist: {msg('text.error', lang)}{e.message}", err=True)
    click.echo(
        msg(
            "batch.counts",
            lang,
            inputs=summary.inputs,
            audited=summary.audited,
            skipped=summary.skipped,
            errors=len(summary.errors),
            out=out,
        )
    )
    for line in cross_notes(summary, out, lang):
        click.echo(line)
    if not summary.ok:  # pragma: no cover - a bug: inputs must equal results + errors
        fail("inputs ≠ results + errors")
    if summary.errors:
        sys.exit(EXIT_ERROR)
    # the rows are read back only when a policy is set (by default nothing fails)
    failing = (min_score is not None or fail_on != "never") and any(
        fails_policy(r, min_score, fail_on) for r in summary.rows
    )
    sys.exit(EXIT_FAIL if failing else EXIT_OK)


def _stop_cleanly_on_sigterm() -> None:
    """SIGTERM ends the run as Ctrl-C does: by an exception, so that the worker pool is
    shut down (its workers finish the reports they hold, then exit) rather than left
    running without a parent; every file written is whole either way."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return  # only the main thread may set a handler (a test runner's thread, say)

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)


def cross_notes(summary: Any, out: str, lang: str) -> list[str]:
    """What the pass across reports says: the years compared (or that none could be), and
    the issuers with several reports on one year, naming the files."""
    if summary.compared is None:
        return []
    lines = []
    if summary.compared:
        lines.append(msg("batch.compared", lang, n=summary.compared, out=out.rstrip("/\\")))
    elif summary.audited + summary.skipped > 1:
        lines.append(msg("batch.nothing_to_compare", lang))
    sep = msg("cli.list_sep", lang)
    for same in summary.same_year:
        lines.append(
            msg(
                "batch.same_year",
                lang,
                n=len(same.paths),
                issuer=same.issuer,
                year=same.year,
                paths=sep.join(same.paths),
            )
        )
    return lines


def progress_reporter(lang: str) -> Callable[[int, int], None]:
    """A progress callback: a rich bar with rate and ETA on a terminal, else plain lines.

    ``report(-1, -1)`` stops the bar.
    """
    state: dict[str, Any] = {}

    def report(done: int, total: int) -> None:
        if done < 0:
            bar = state.get("bar")
            if bar is not None:
                bar.stop()
            return
        if sys.stderr.isatty():
            _advance_bar(state, done, total, lang)
            return
        step = max(1, total // 10)
        if done == total or (done and done % step == 0 and state.get("last") != done):
            state["last"] = done
            click.echo(f"checklist: {done}/{total}", err=True)

    return report


def _advance_bar(state: dict[str, Any], done: int, total: int, lang: str) -> None:
    """Move the terminal's bar to ``done`` of ``total``, starting it on the first call."""
    import time

    if "bar" not in state:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        bar = Progress(
            TextColumn(msg("cli.progress", lang)),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            transient=True,
        )
        bar.start()
        state["bar"] = bar
        state["task"] = bar.add_task("batch", total=total, rate="")
        state["t0"] = time.perf_counter()
        state["first"] = done
    elapsed = max(time.perf_counter() - state["t0"], 1e-6)
    rate = (done - state["first"]) / elapsed
    state["bar"].update(state["task"], completed=done, rate=f"{rate:,.0f}/s")
