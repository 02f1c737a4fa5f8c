"""``audit_many``: many reports audited on a pool of workers, one record per input.

Errors are records, never raised mid-stream, so ``inputs == results + errors`` always
holds. Nothing heavy is imported here at start-up: the workers import the pipeline when
they first audit, and the result types are imported for the type checker only.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checklist.errors import ChecklistError, InputError
from checklist.fileio import expand_paths
from checklist.messages import check_lang, t

if TYPE_CHECKING:
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


Record = BatchResult | BatchError


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
    workers = jobs or os.cpu_count() or 1
    pool: Executor = executor if executor is not None else ProcessPoolExecutor(max_workers=workers)
    try:
        parts = (items[i : i + chunk] for i in range(0, len(items), chunk))

        def submit(part: list[str]) -> Future[list[Record]]:
            return pool.submit(_audit_chunk, part, name, lang, keep_text, cross)

        yield from _bounded(parts, submit, window=4 * max(workers, 2))
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
    parts: Iterable[list[str]],
    submit: Callable[[list[str]], Future[list[Record]]],
    window: int,
) -> Iterator[Record]:
    """The records of every part, with at most ``window`` parts in flight.

    Memory stays flat however many reports there are, because a finished part's
    records are dropped once yielded.
    """
    pending: set[Future[list[Record]]] = set()
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
