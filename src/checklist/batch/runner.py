"""``audit_many``: many reports audited on a pool of workers, one record per input; and
``audit_into``, what ``checklist batch`` runs on the same pool: each worker writes its
reports' files itself and sends back only what the parent keeps (the summary row as
one JSON line, the content hash, the fingerprint encoded as the parent stores it).

Errors are records, never raised mid-stream, so ``inputs == results + errors`` always
holds. Nothing heavy is imported here at start-up: the workers import the pipeline when
they first audit, and the result types are imported for the type checker only.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from checklist.errors import ChecklistError, InputError
from checklist.fileio import expand_paths
from checklist.messages import check_lang, t

if TYPE_CHECKING:
    from checklist.batch.prints import Encoded
    from checklist.crossreport.copied import Fingerprint
    from checklist.rules.result import AuditResult


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
    result: AuditResult
    sha256: str
    fingerprint: Fingerprint | None = None  # when copied text across reports is wanted


@dataclass(frozen=True)
class Saved:
    """An input audited by :func:`audit_into`, its files written: what the parent keeps."""

    path: str
    sha256: str
    score: float
    line: str  # the summary row (:func:`checklist.batch.rows.summary_row`) as one JSON line
    # when copied text across reports is wanted: the fingerprint as the store keeps it
    fingerprint: Encoded | None = None


Record = BatchResult | BatchError
_T = TypeVar("_T")
_R = TypeVar("_R")


def _audit_one(path: str, standard: str | None, lang: str, keep_text: bool, cross: bool = False) -> Record:
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
    paths: Sequence[str], standard: str | None, lang: str, keep_text: bool, cross: bool = False
) -> list[Record]:
    return [_audit_one(p, standard, lang, keep_text, cross) for p in paths]


@dataclass(frozen=True)
class _Into:
    """The settings of :func:`audit_into`, sent to the workers once per chunk."""

    out: str  # absolute: a worker may run in another folder
    standard: str | None
    lang: str
    html: bool
    cross: bool


def _save_one(path: str, name: str, into: _Into) -> Saved | BatchError:
    from checklist.batch.output import save_result
    from checklist.batch.rows import summary_row, to_line

    done = _audit_one(path, into.standard, into.lang, into.html, into.cross)
    if isinstance(done, BatchError):
        return done
    # an OSError (a full disk) stops the run, as it did when the parent wrote the files
    save_result(Path(into.out), name, done.result, into.html, into.lang)
    row = summary_row(path, name, done.result)
    prints = None
    if done.fingerprint is not None:
        from checklist.batch.prints import encode

        prints = encode(done.fingerprint)  # here, not in the parent, which only inserts it
    return Saved(path, done.sha256, float(row["score"]), to_line(row), prints)


def _save_chunk(part: Sequence[tuple[str, str]], into: _Into) -> list[Saved | BatchError]:
    return [_save_one(path, name, into) for path, name in part]


def audit_many(
    paths: Iterable[str | os.PathLike[str]],
    standard: str | os.PathLike[str] | None = None,
    *,
    jobs: int | None = None,
    executor: Executor | None = None,
    lang: str = "zh",
    keep_text: bool = False,
    chunk: int = 8,
    cross: bool = False,
) -> Iterator[Record]:
    """Audit every path; yield a :class:`BatchResult` or :class:`BatchError` as each completes.

    ``standard`` is an id, a path or ``None`` (the profile by level), passed to the
    workers by name. ``jobs=1`` runs in this process; otherwise a process pool of
    ``jobs`` (default: the number of cores), or the ``executor`` given (``dask.distributed``'s
    ``Client.get_executor()`` runs the same code on a cluster). ``cross`` adds each
    report's sentence fingerprint (for copied text across reports). A folder among
    ``paths`` stands for the report files in it (searched recursively), as in ``checklist batch``.
    ``lang`` must be a known language (:class:`ValueError`), ``paths`` a collection of paths
    (:class:`TypeError`, a single path included).
    """
    # checked here, not when the first record is asked for: audit_many itself is no generator
    items = _input_paths(paths, check_lang(lang))
    if not isinstance(standard, (str, os.PathLike, type(None))):
        raise TypeError(
            t("api.bad_type", lang, argument="standard", accepted="str, os.PathLike, None", got=type(standard).__name__)
        )
    name = os.fspath(standard) if standard is not None else None
    return _records(items, name, jobs, executor, lang, keep_text, chunk, cross)


def _records(
    items: list[str],
    name: str | None,
    jobs: int | None,
    executor: Executor | None,
    lang: str,
    keep_text: bool,
    chunk: int,
    cross: bool,
) -> Iterator[Record]:
    if executor is None and (jobs == 1 or len(items) <= 1):
        for p in items:
            yield _audit_one(p, name, lang, keep_text, cross)
        return

    def run(pool: Executor, part: list[str]) -> Future[list[Record]]:
        return pool.submit(_audit_chunk, part, name, lang, keep_text, cross)

    yield from _pooled(items, run, jobs, executor, chunk)


def audit_into(
    items: Sequence[tuple[str, str]],
    out: Path,
    standard: str | None,
    *,
    jobs: int | None = None,
    executor: Executor | None = None,
    lang: str = "zh",
    html: bool = False,
    cross: bool = False,
    chunk: int = 8,
) -> Iterator[Saved | BatchError]:
    """Audit each ``(path, name)`` of ``items`` into folder ``out``; yield a :class:`Saved` or a
    :class:`BatchError` as each completes.

    The worker that audits a report writes ``out/<name>.json`` (and ``.html`` when
    ``html``) itself and sends back only the summary row, as one JSON line, the content
    hash and, when ``cross``, the fingerprint: the result is never pickled, and the
    parent does no per-report work but journal what it is sent. The workers of an
    ``executor`` must see ``out`` as this process does, as they see the inputs. Settings
    as :func:`audit_many`.
    """
    into = _Into(os.path.abspath(out), standard, lang, html, cross)
    if executor is None and (jobs == 1 or len(items) <= 1):
        for path, name in items:
            yield _save_one(path, name, into)
        return

    def run(pool: Executor, part: list[tuple[str, str]]) -> Future[list[Saved | BatchError]]:
        return pool.submit(_save_chunk, part, into)

    yield from _pooled(list(items), run, jobs, executor, chunk)


def _pooled(
    items: list[_T],
    run: Callable[[Executor, list[_T]], Future[list[_R]]],
    jobs: int | None,
    executor: Executor | None,
    chunk: int,
) -> Iterator[_R]:
    """The records of ``items`` in chunks of ``chunk`` on ``executor`` (or a process pool of
    ``jobs`` workers, shut down at the end)."""
    workers = jobs or os.cpu_count() or 1
    pool: Executor = executor if executor is not None else ProcessPoolExecutor(max_workers=workers)
    try:
        parts = (items[i : i + chunk] for i in range(0, len(items), chunk))
        yield from _bounded(parts, lambda part: run(pool, part), window=4 * max(workers, 2))
    finally:
        if executor is None:
            pool.shutdown(wait=True, cancel_futures=True)


def _input_paths(paths: Iterable[str | os.PathLike[str]], lang: str) -> list[str]:
    """Every path as a string, each folder replaced by the report files in it."""
    if isinstance(paths, (str, bytes, os.PathLike)):  # its letters would be audited one by one
        raise TypeError(
            t("api.bad_type", lang, argument="paths", accepted="Iterable[str | os.PathLike]", got=type(paths).__name__)
        )
    items = []
    for p in paths:
        if not isinstance(p, (str, os.PathLike)):
            raise TypeError(
                t(
                    "api.bad_type",
                    lang,
                    argument="paths",
                    accepted="Iterable[str | os.PathLike]",
                    got=f"{type(paths).__name__}[{type(p).__name__}]",
                )
            )
        path = os.fspath(p)
        # only folders are expanded: a file name with [ or * is a name, not a pattern
        items.extend(expand_paths([path]) if os.path.isdir(path) else [path])
    return items


def _bounded(
    parts: Iterable[list[_T]],
    submit: Callable[[list[_T]], Future[list[_R]]],
    window: int,
) -> Iterator[_R]:
    """The records of every part, with at most ``window`` parts in flight.

    Memory stays flat however many reports there are, because a finished part's
    records are dropped once yielded.
    """
    pending: set[Future[list[_R]]] = set()
    try:
        for part in parts:
            pending.add(submit(part))
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
