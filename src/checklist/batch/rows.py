"""Summary rows: one flat record per report, what the spreadsheets, the overview page, the
manifest and the exit policy of ``checklist batch`` are made from.

A row holds machine values (ids and codes: ``met``, ``township``, ``critical``); the
spreadsheets word them in the run's language (:mod:`checklist.batch.spreadsheets`). Its
keys, in order: ``path``, ``output``, ``issuer``, ``level``, ``year``, ``date``,
``standard``, ``score``, ``met``, ``partial``, ``missing``, ``worst_unmet_severity``,
``warnings``, then a status per requirement id, ``quality_findings`` (and
``copied_sentences``, ``copied_share`` after the cross-report pass), and two keys that
are not columns: ``titles`` (requirement id → title) and ``gaps`` (each requirement to
fix: id, status, severity, title, suggestion).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checklist.fileio import write_atomic
from checklist.rules.standard import SEVERITY_ORDER

if TYPE_CHECKING:
    from checklist.rules.result import AuditResult, RequirementResult

# A row as JSON gives it back: scalars (path, issuer, score, each requirement's status,
# counts), plus the ``titles`` mapping and the ``gaps`` list (see the module docstring).
Row = dict[str, Any]

# A saved row of another shape is not reused by an incremental run: its report is redone.
ROW_LAYOUT = 2
_NOT_COLUMNS = ("titles", "gaps")


def summary_row(path: str, name: str, result: AuditResult) -> Row:
    """One row of the summary: the document, the score and every requirement's status."""
    d = result.document
    row: Row = {
        "path": path,
        "output": name,
        "issuer": d.get("issuer") or "",
        "level": d.get("level") or "",
        "year": d.get("year") or "",
        "date": d.get("date") or "",
        "standard": result.standard.id,
        "score": result.score,
        **{s: result.counts.get(s, 0) for s in ("met", "partial", "missing")},
        "worst_unmet_severity": "",
        # not a report, another kind of document, an expired waiver …: what to filter on first
        "warnings": "；".join(result.warnings),
    }
    worst = -1
    gaps = []
    for r in result.requirements:
        row[r.id] = "waived" if r.waived else r.status
        if r.status in ("missing", "partial") and not r.waived:
            gaps.append(
                {
                    "id": r.id,
                    "status": r.status,
                    "severity": r.severity,
                    "title": r.title,
                    "suggestion": r.suggestion or "",
                }
            )
            if counts_against(r) and SEVERITY_ORDER.get(r.severity, 0) > worst:
                worst = SEVERITY_ORDER.get(r.severity, 0)
                # the highest severity not met (empty: none), for the exit policy
                row["worst_unmet_severity"] = r.severity
    row["quality_findings"] = quality_count(result)
    row["titles"] = {r.id: r.title for r in result.requirements}
    # the most severe first, then in the standard's order
    row["gaps"] = sorted(gaps, key=lambda g: -SEVERITY_ORDER.get(g["severity"], 0))
    return row


def quality_count(result: AuditResult) -> int:
    """How many quality findings ``result`` has (a row's ``quality_findings``)."""
    return sum(1 for f in result.findings if f.category == "quality")


def counts_against(r: RequirementResult) -> bool:
    """Whether ``r`` counts against the ``--fail-on`` policy: missing or partial, not
    waived, scored (its severity decides whether it fails)."""
    return r.status in ("missing", "partial") and r.waived is None and r.weight > 0


def at_or_above(severity: str, fail_on: str) -> bool:
    """Whether an unmet ``severity`` fails the ``--fail-on`` floor (``never``: none does)."""
    return fail_on != "never" and bool(severity) and SEVERITY_ORDER.get(severity, 0) >= SEVERITY_ORDER[fail_on]


def fails_policy(row: Row, min_score: float | None, fail_on: str) -> bool:
    """The ``check`` policy applied to a summary row."""
    if min_score is not None and float(row["score"]) < min_score:
        return True
    return at_or_above(row.get("worst_unmet_severity") or "", fail_on)


def columns(rows: Iterable[Row]) -> list[str]:
    """Every key of ``rows`` that is a column (a scalar), in the order first met."""
    cols: dict[str, None] = {}
    for row in rows:
        for k in row:
            if k not in _NOT_COLUMNS:
                cols.setdefault(k, None)
    return list(cols)


def rank_key(row: Row) -> tuple[float, str]:
    """The order of the spreadsheets and the overview: best score first, ties by path."""
    return (-float(row["score"]), str(row["path"]))


def to_line(row: Row) -> str:
    """``row`` as one JSON line."""
    return json.dumps(row, ensure_ascii=False) + "\n"


class RowStore:
    """Summary rows kept on disk, one JSON line each, read back sorted by path (or ranked).

    A batch of any size holds in memory only the path, score and file offset of each row,
    so memory does not grow with the rows' contents.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._index: list[tuple[str, int, float]] = []
        self._file = path.open("wb")
        self._end = 0  # where the next row goes, in bytes

    def append(self, row: Row) -> None:
        """Store one row."""
        self.append_line(str(row["path"]), float(row["score"]), to_line(row))

    def append_line(self, path: str, score: float, line: str) -> None:
        """Store one row given as its JSON line (:func:`to_line`), with its path and score."""
        data = line.encode("utf-8")
        self._index.append((path, self._end, score))
        self._file.write(data)
        self._end += len(data)

    def __len__(self) -> int:
        return len(self._index)

    def __iter__(self) -> Iterator[Row]:
        return self._read(sorted(self._index))

    def ranked(self) -> Iterable[Row]:
        """The rows best score first, ties by path (see :func:`rank_key`), as often as iterated."""
        return _Ranked(self)

    def _ranked(self) -> Iterator[Row]:
        return self._read(sorted(self._index, key=lambda e: (-e[2], e[0])))

    def _read(self, entries: list[tuple[str, int, float]]) -> Iterator[Row]:
        for line in self._raw(entries):
            row: Row = json.loads(line)
            yield row

    def lines(self) -> Iterator[str]:
        """The rows sorted by path, each as its JSON line, as stored (never parsed)."""
        return (line.decode("utf-8") for line in self._raw(sorted(self._index)))

    def _raw(self, entries: list[tuple[str, int, float]]) -> Iterator[bytes]:
        self._file.flush()
        with self.path.open("rb") as f:
            for _path, offset, _score in entries:
                f.seek(offset)
                yield f.readline()

    def save(self, path: Path) -> None:
        """Write every row, sorted by path, one JSON line each, to ``path`` (atomically)."""
        write_atomic(path, self._raw(sorted(self._index)))  # streamed: 100,000 rows are 600 MB

    def replace(self, lines: Iterable[str]) -> None:
        """Rewrite every row (after a pass that changed them), given as its JSON line in the
        order of :meth:`lines`; each keeps its path and score.

        Streamed into a second scratch file (``lines`` may be read from this one while it
        is written), which then becomes the store; the first is deleted.
        """
        name = self.path.name
        new = RowStore(self.path.with_name(name[:-1] if name.endswith("~") else name + "~"))
        for (path, _, score), line in zip(sorted(self._index), lines, strict=True):
            new.append_line(path, score, line)
        self.close()
        self.path, self._file, self._index, self._end = new.path, new._file, new._index, new._end

    def close(self) -> None:
        """Close and delete the backing file."""
        self._file.close()
        self.path.unlink(missing_ok=True)


class _Ranked:
    """The rows of a store in rank order, read again on every iteration."""

    def __init__(self, store: RowStore) -> None:
        self._store = store

    def __iter__(self) -> Iterator[Row]:
        return self._store._ranked()
