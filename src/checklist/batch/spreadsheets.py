"""The batch's tables, in the run's language: ``summary.csv`` and ``summary.xlsx`` (a row
per report, best score first), ``gaps.csv`` (a row per requirement a report does not meet,
with the suggestion) and ``errors.csv`` (a row per input that could not be audited).

Headers, statuses, levels and severities are worded from the catalogue (满足, 乡镇（街道）,
关键 …); requirement columns are headed by the requirement's title. Scripts keep the ids
and codes: ``summary.xlsx`` has them on its last sheet, ``ids`` (the summary rows as
:func:`checklist.batch.rows.summary_row` makes them, in the same order), and
``checklist batch --csv-ids`` writes the CSV files with them instead of words.

``summary.xlsx`` also has a sheet of counts per requirement (how many reports have it
missing, partial, met, not applicable or waived, and which units have the gap): the
numbers behind the overview's chart, from :func:`checklist.render.charts.requirement_counts`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from checklist.batch.rows import Row, columns
from checklist.fileio import write_atomic
from checklist.messages import t
from checklist.render.charts import ReportFacts, RequirementCount, requirement_counts

if TYPE_CHECKING:
    from checklist.batch.runner import BatchError

_FILLS = {"met": "C6EFCE", "partial": "FFEB9C", "missing": "FFC7CE", "not_applicable": "EDEDED", "waived": "DDEBF7"}
# the summary's columns around the requirements, in order (``rank`` and ``gaps`` are made
# here; the others are keys of the summary rows, shown when some row has them)
_BEFORE = (
    "rank",
    "issuer",
    "path",
    "level",
    "year",
    "date",
    "standard",
    "score",
    "met",
    "partial",
    "missing",
    "worst_unmet_severity",
    "gaps",
)
_AFTER = ("quality_findings", "copied_sentences", "copied_share", "warnings", "output")
_COUNT_COLUMNS = ("requirement_id", "requirement", "missing", "partial", "met", "other", "units")
_GAP_COLUMNS = ("rank", "issuer", "path", "score", "requirement", "status", "severity", "suggestion", "requirement_id")


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a table: the row key it shows and its header."""

    key: str
    header: str
    requirement: bool = False  # a requirement's status


def summary_columns(rows: Iterable[Row], lang: str) -> list[Column]:
    """The summary's columns in ``lang``: the report, its counts and gaps, a column per
    requirement (headed by its title), then quality, copied text, warnings, result file."""
    titles: dict[str, str] = {}
    keys: set[str] = {"rank", "gaps"}
    for row in rows:
        keys.update(row)
        for rid, title in row.get("titles", {}).items():
            titles.setdefault(rid, title)
    cols = [Column(k, t(f"batch.col.{k}", lang)) for k in _BEFORE if k in keys]
    cols += [Column(rid, title, requirement=True) for rid, title in titles.items()]
    cols += [Column(k, t(f"batch.col.{k}", lang)) for k in _AFTER if k in keys]
    return cols


def worded(row: Row, column: Column, lang: str) -> Any:
    """The cell of ``row`` under ``column``, in ``lang`` (codes become words)."""
    value = row.get(column.key, "")
    if column.requirement:
        return t(f"status.{value}", lang) if value else ""
    if column.key == "level":
        return t(f"level.{value}", lang) if value else ""
    if column.key == "worst_unmet_severity":
        return t(f"severity.{value}", lang) if value else t("text.none", lang)
    if column.key == "gaps":
        return t("cli.list_sep", lang).join(g["title"] for g in row.get("gaps", []))
    return value


def ranks(rows: Iterable[Row]) -> Iterator[tuple[int, Row]]:
    """Each row (best score first) with its rank: equal scores share one (1, 2, 2, 4)."""
    rank, last = 0, None
    for n, row in enumerate(rows, 1):
        if row["score"] != last:
            rank, last = n, row["score"]
        yield rank, row


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


def _percent(value: Any) -> Any:
    return f"{100 * float(value):.1f}%" if value not in ("", None) else ""


def write_csv(path: Path, rows: Iterable[Row], lang: str = "zh", *, ids: bool = False) -> None:
    """``rows`` (in rank order) as a CSV table in ``lang``; ``ids``: the row keys and codes."""
    with _csv_writer(path) as f:
        writer = csv.writer(f)
        if ids:
            keys = ["rank", *columns(rows)]
            writer.writerow(keys)
            writer.writerows([rank, *(row.get(k, "") for k in keys[1:])] for rank, row in ranks(rows))
            return
        cols = summary_columns(rows, lang)
        writer.writerow([c.header for c in cols])
        for rank, row in ranks(rows):
            ranked = {**row, "rank": rank}
            cells = [worded(ranked, c, lang) for c in cols]
            writer.writerow([_percent(v) if c.key == "copied_share" else v for c, v in zip(cols, cells, strict=True)])


def gap_rows(rows: Iterable[Row], lang: str | None) -> Iterator[list[Any]]:
    """A line per requirement each report does not meet (most severe first), with the
    suggestion: the columns of :data:`_GAP_COLUMNS`; ``lang`` ``None``: codes, not words."""
    for rank, row in ranks(rows):
        for gap in row.get("gaps", []):
            status, severity = gap["status"], gap["severity"]
            if lang is not None:
                status, severity = t(f"status.{status}", lang), t(f"severity.{severity}", lang)
            yield [
                rank,
                row["issuer"],
                row["path"],
                row["score"],
                gap["title"],
                status,
                severity,
                gap["suggestion"],
                gap["id"],
            ]


def write_gaps(path: Path, rows: Iterable[Row], lang: str = "zh", *, ids: bool = False) -> None:
    """``gaps.csv``: :func:`gap_rows` in ``lang`` (``ids``: keys and codes)."""
    with _csv_writer(path) as f:
        writer = csv.writer(f)
        writer.writerow(_GAP_COLUMNS if ids else [t(f"batch.col.{k}", lang) for k in _GAP_COLUMNS])
        writer.writerows(gap_rows(rows, None if ids else lang))


def write_errors(path: Path, errors: Sequence[BatchError], lang: str = "zh", *, ids: bool = False) -> None:
    """The inputs that could not be audited, sorted by path."""
    keys = ("path", "kind", "message")
    with _csv_writer(path) as f:
        writer = csv.writer(f)
        writer.writerow(keys if ids else [t(f"batch.col.{k}", lang) for k in keys])
        for e in sorted(errors, key=lambda e: e.path):
            writer.writerow([e.path, e.kind, e.message])


def row_facts(row: Row) -> ReportFacts:
    """What the charts and the notice need of a summary row (see :mod:`checklist.render.charts`)."""
    titles = row.get("titles", {})
    year = row.get("year")
    return ReportFacts(
        issuer=str(row.get("issuer") or row.get("path") or ""),
        level=str(row.get("level") or ""),
        year=int(year) if year else None,
        date=str(row.get("date") or ""),
        score=float(row["score"]),
        statuses={rid: str(row.get(rid, "")) for rid in titles},
        titles=titles,
        path=str(row.get("path") or ""),
    )


def count_rows(counts: Iterable[RequirementCount], lang: str) -> Iterator[list[Any]]:
    """A line per requirement of :data:`_COUNT_COLUMNS` (the most often missing first)."""
    sep = t("cli.list_sep", lang)
    for c in counts:
        yield [c.id, c.title, c.missing, c.partial, c.met, c.other, sep.join(c.units)]


def write_xlsx(path: Path, rows: Iterable[Row], lang: str = "zh") -> None:
    """``summary.xlsx``: the summary, the gaps with their suggestions, the counts per
    requirement, and the ``ids`` sheet.

    Written in openpyxl's write-only mode: each row goes to the file as it is appended,
    never held as cell objects (the normal mode took ~3 ms a report).
    """
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    _summary_sheet(wb, rows, lang)
    header = [t(f"batch.col.{k}", lang) for k in _GAP_COLUMNS]
    gaps = _sheet(wb, t("batch.sheet.gaps", lang), header, freeze="D2", widths={"B": 24, "C": 30, "E": 24, "H": 60})
    count = 0
    for line in gap_rows(rows, lang):
        gaps.append(line)
        count += 1
    _filter(gaps, len(header), count)
    header = [t(f"batch.col.{k}" if k.startswith("req") else f"batch.count.{k}", lang) for k in _COUNT_COLUMNS]
    sheet = _sheet(wb, t("batch.sheet.requirements", lang), header, freeze="C2", widths={"A": 22, "B": 30, "G": 60})
    counts = requirement_counts(row_facts(r) for r in rows)
    for line in count_rows(counts, lang):
        sheet.append(line)
    _filter(sheet, len(header), len(counts))
    keys = ["rank", *columns(rows)]
    ids = _sheet(wb, "ids", keys, freeze="B2")
    count = 0
    for rank, row in ranks(rows):
        ids.append([rank, *(row.get(k, "") for k in keys[1:])])
        count += 1
    _filter(ids, len(keys), count)
    data = io.BytesIO()
    wb.save(data)
    write_atomic(path, data.getvalue())


def _summary_sheet(wb: Any, rows: Iterable[Row], lang: str) -> None:
    """The first sheet: a row per report in ``lang``, statuses coloured."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter

    cols = summary_columns(rows, lang)
    ws = _sheet(wb, t("batch.sheet.summary", lang), [c.header for c in cols], freeze="C2", widths={"B": 24, "C": 30})
    share = {i for i, c in enumerate(cols) if c.key == "copied_share"}
    count = 0
    for rank, row in ranks(rows):
        ranked = {**row, "rank": rank}
        cells: list[Any] = [worded(ranked, c, lang) for c in cols]
        for i in share:
            cells[i] = WriteOnlyCell(ws, value=cells[i])
            cells[i].number_format = "0.0%"
        ws.append(cells)
        count += 1
    _filter(ws, len(cols), count)
    status_cols = [i + 1 for i, c in enumerate(cols) if c.requirement]
    if status_cols and count:
        area = f"{get_column_letter(min(status_cols))}2:{get_column_letter(max(status_cols))}{count + 1}"
        for status, colour in _FILLS.items():
            word = t(f"status.{status}", lang)
            ws.conditional_formatting.add(
                area, CellIsRule(operator="equal", formula=[f'"{word}"'], fill=PatternFill("solid", fgColor=colour))
            )


def _sheet(wb: Any, title: str, header: list[str], freeze: str, widths: dict[str, int] | None = None) -> Any:
    """A new write-only sheet with its frozen panes and column widths (set before any row
    is written) and its bold wrapped header."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    ws = wb.create_sheet(title)
    ws.freeze_panes = freeze
    for letter, width in (widths or {}).items():
        ws.column_dimensions[letter].width = width
    cells = []
    for value in header:
        cell = WriteOnlyCell(ws, value=value)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="bottom")
        cells.append(cell)
    ws.append(cells)
    return ws


def _filter(ws: Any, width: int, count: int) -> None:
    """Filters over the header and the ``count`` rows below it."""
    from openpyxl.utils import get_column_letter

    ws.auto_filter.ref = f"A1:{get_column_letter(max(width, 1))}{max(count + 1, 1)}"
