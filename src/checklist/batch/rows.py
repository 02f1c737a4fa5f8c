"""Summary rows: one flat record per report, what the spreadsheets, the overview page, the
manifest and the exit policy of ``checklist batch`` are made from."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from checklist.rules.standard import SEVERITY_ORDER

if TYPE_CHECKING:
    from checklist.rules.result import AuditResult

# A row as JSON gives it back: path, issuer, score, every requirement's status, counts.
Row = dict[str, str | int | float]


def summary_row(path: str, name: str, result: AuditResult) -> Row:
    """One row of summary.csv: the document, the score and every requirement's status."""
    d = result.document
    row: Row = {
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
    row["quality_findings"] = quality_count(result)
    row["worst_gap"] = worst  # the highest severity not met (-1: none), for the exit policy
    return row


def quality_count(result: AuditResult) -> int:
    """How many quality findings ``result`` has (a row's ``quality_findings``)."""
    return sum(1 for f in result.findings if f.category == "quality")


def fails_policy(row: Row, min_score: float | None, fail_on: str) -> bool:
    """The ``check`` policy applied to a summary row."""
    if min_score is not None and float(row["score"]) < min_score:
        return True
    return fail_on != "never" and int(row.get("worst_gap", -1)) >= SEVERITY_ORDER[fail_on]


def columns(rows: Iterable[Row]) -> list[str]:
    """Every key of ``rows``, in the order first met."""
    cols: dict[str, None] = {}
    for row in rows:
        for k in row:
            cols.setdefault(k, None)
    return list(cols)


def to_line(row: Row) -> str:
    """``row`` as one JSON line."""
    return json.dumps(row, ensure_ascii=False) + "\n"


class RowStore:
    """Summary rows kept on disk, one JSON line each, read back sorted by path.

    A batch of any size holds in memory only the path and file offset of each row, so
    memory does not grow with the rows' contents.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._index: list[tuple[str, int]] = []
        self._file = path.open("w+", encoding="utf-8")

    def append(self, row: Row) -> None:
        """Store one row."""
        self._file.seek(0, os.SEEK_END)
        self._index.append((str(row["path"]), self._file.tell()))
        self._file.write(to_line(row))

    def __len__(self) -> int:
        return len(self._index)

    def __iter__(self) -> Iterator[Row]:
        self._file.flush()
        with self.path.open(encoding="utf-8") as f:
            for _path, offset in sorted(self._index):
                f.seek(offset)
                row: Row = json.loads(f.readline())
                yield row

    def replace(self, rows: Iterable[Row]) -> None:
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
