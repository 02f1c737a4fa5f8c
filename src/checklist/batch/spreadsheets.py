"""The batch's tables: ``summary.csv``, ``summary.xlsx`` (one row per report) and
``errors.csv`` (one row per input that could not be audited)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from checklist.batch.rows import Row, columns
from checklist.fileio import write_atomic

if TYPE_CHECKING:
    from checklist.batch.runner import BatchError

# Excel reads a CSV as UTF-8 only when it starts with a byte order mark.
_BOM = "\ufeff"

_FILLS = {"met": "C6EFCE", "partial": "FFEB9C", "missing": "FFC7CE", "not_applicable": "EDEDED",
          "waived": "DDEBF7"}


def _csv_bytes(buf: io.StringIO) -> bytes:
    # bytes, not text: the csv module's own \r\n must not be translated again on Windows
    return (_BOM + buf.getvalue()).encode("utf-8")


def write_csv(path: Path, rows: Iterable[Row]) -> None:
    """``rows`` as a CSV table, a column per key met."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns(rows) or ["path"], extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    write_atomic(path, _csv_bytes(buf))


def write_errors(path: Path, errors: Sequence[BatchError]) -> None:
    """The inputs that could not be audited, sorted by path."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["path", "kind", "message"])
    for e in sorted(errors, key=lambda e: e.path):
        writer.writerow([e.path, e.kind, e.message])
    write_atomic(path, _csv_bytes(buf))


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
