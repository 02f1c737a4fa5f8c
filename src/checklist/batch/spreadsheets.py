"""The batch's tables: ``summary.csv``, ``summary.xlsx`` (one row per report) and
``errors.csv`` (one row per input that could not be audited)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from checklist.batch.rows import Row, columns
from checklist.fileio import write_atomic

if TYPE_CHECKING:
    from checklist.batch.runner import BatchError

_FILLS = {"met": "C6EFCE", "partial": "FFEB9C", "missing": "FFC7CE", "not_applicable": "EDEDED",
          "waived": "DDEBF7"}


@contextmanager
def _csv_writer(path: Path) -> Iterator[TextIO]:
    """A text stream for the csv module, written to ``path`` atomically when closed.

    Encoded as it is written (one copy of the table in memory, as bytes); a byte order
    mark first, so that Excel reads UTF-8; the csv module's own line ends kept.
    """
    data = io.BytesIO()
    text = io.TextIOWrapper(data, encoding="utf-8-sig", newline="")
    yield text
    text.flush()
    write_atomic(path, data.getvalue())


def write_csv(path: Path, rows: Iterable[Row]) -> None:
    """``rows`` as a CSV table, a column per key met."""
    with _csv_writer(path) as f:
        writer = csv.DictWriter(f, fieldnames=columns(rows) or ["path"], extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def write_errors(path: Path, errors: Sequence[BatchError]) -> None:
    """The inputs that could not be audited, sorted by path."""
    with _csv_writer(path) as f:
        writer = csv.writer(f)
        writer.writerow(["path", "kind", "message"])
        for e in sorted(errors, key=lambda e: e.path):
            writer.writerow([e.path, e.kind, e.message])


def write_xlsx(path: Path, rows: Iterable[Row]) -> None:
    """``rows`` as a worksheet: bold frozen header, filters, statuses coloured."""
    from openpyxl import Workbook
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "summary"
    cols = columns(rows) or ["path"]
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
    data = io.BytesIO()
    wb.save(data)
    write_atomic(path, data.getvalue())
