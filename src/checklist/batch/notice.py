"""``summary.docx``: a draft review notice (通报) on a batch, for the reviewer to edit in Word.

Title and date line; an opening paragraph with the counts (reports received, on time,
mean score, range); the ranking table; the most common gaps with how many reports and
which units; a short part per unit (in the order of the ranking) with its main gaps and
suggestions; text copied between units (the shared sentence, naming both); the change
over the years of units with several. Real Word headings and tables (the document's own
styles), so the reviewer can restyle it. The numbers are those of
:mod:`checklist.render.charts`, as on the overview page and in ``summary.xlsx``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from checklist.batch.rows import Row
from checklist.batch.spreadsheets import ranks, row_facts
from checklist.fileio import write_atomic
from checklist.messages import t
from checklist.render.charts import Charts, charts, timely

COMMON_GAPS = 10  # the most common gaps listed
SUGGESTIONS_PER_UNIT = 3
COPIED_PER_UNIT = 3
COPIED_CODE = "quality.boilerplate"
_FONT_ZH = "宋体"  # the East Asian font of the body text; Word and LibreOffice substitute when absent


def write_notice(
    path: Path,
    rows: Iterable[Row],
    lang: str = "zh",
    *,
    out: Path | None = None,
    errors: int = 0,
    today: dt.date | None = None,
    pass_line: float | None = None,
) -> None:
    """Write the draft notice on ``rows`` (a batch's summary rows, best score first) to
    ``path``; ``out``: the batch's folder, whose per-report results give the copied
    sentences; ``errors``: how many inputs could not be audited."""
    write_atomic(path, notice_bytes(list(rows), lang, out=out, errors=errors, today=today, pass_line=pass_line))


def notice_bytes(
    rows: Sequence[Row],
    lang: str = "zh",
    *,
    out: Path | None = None,
    errors: int = 0,
    today: dt.date | None = None,
    pass_line: float | None = None,
) -> bytes:
    """The notice as the bytes of a .docx file (see :func:`write_notice`)."""
    from docx import Document

    doc = Document()
    _a4(doc)
    _body_font(doc, lang)
    numbers = charts([row_facts(r) for r in rows], pass_line)
    years = sorted({int(r["year"]) for r in rows if r.get("year")})
    span = "" if not years else str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    doc.add_heading(t("notice.title", lang, years=span) if span else t("notice.title_no_year", lang), level=0)
    when = today or dt.date.today()
    doc.add_paragraph(t("notice.date", lang, y=when.year, m=when.month, d=when.day, iso=when.isoformat()))
    doc.add_paragraph(_opening(numbers, errors, lang))
    if rows:
        _ranking(doc, rows, lang)
        _common_gaps(doc, numbers, lang)
        _units(doc, rows, lang)
        _copied(doc, rows, out, lang)
        _years(doc, numbers, lang)
    data = io.BytesIO()
    doc.save(data)
    return data.getvalue()


def _body_font(doc: Any, lang: str) -> None:
    """The Chinese font of the body text (python-docx sets only the Latin one)."""
    from docx.oxml.ns import qn

    if lang != "zh":
        return
    for name in ("Normal", "Title", "Heading 1", "Heading 2"):
        rpr = doc.styles[name].element.get_or_add_rPr()
        rpr.get_or_add_rFonts().set(qn("w:eastAsia"), _FONT_ZH)


def _opening(c: Charts, errors: int, lang: str) -> str:
    """The counts in one paragraph."""
    if not c.reports:
        text = t("notice.none", lang)
    else:
        tl = c.timeliness
        text = t(
            "notice.opening",
            lang,
            n=c.reports,
            on_time=tl.on_time,
            late=len(tl.late),
            unverified=len(tl.unverified),
            mean=f"{c.mean:.1f}",
            high=f"{c.high:.1f}",
            low=f"{c.low:.1f}",
        )
        if c.pass_line is not None:
            text += t("notice.below_pass", lang, score=f"{c.pass_line:g}", n=c.below_pass)  # 80, not 80.0
    if errors:
        text += t("notice.errors", lang, n=errors)
    return text


def _a4(doc: Any) -> None:
    """A4 with 2.5 cm margins, as official documents are printed (text 16 cm wide)."""
    from docx.shared import Cm

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))


def _table(doc: Any, header: Sequence[str], lines: Iterable[Sequence[Any]], widths: Sequence[float]) -> Any:
    """A real Word table: a bold header row, then a row per line; ``widths`` in cm."""
    from docx.shared import Cm

    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for line in lines:
        cells = table.add_row().cells
        for cell, value in zip(cells, line, strict=True):
            cell.text = str(value)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)  # the grid, which LibreOffice reads; Word reads the cells
        for cell in column.cells:
            cell.width = Cm(width)
    return table


def _ranking(doc: Any, rows: Sequence[Row], lang: str) -> None:
    doc.add_heading(t("notice.h.ranking", lang), level=1)
    header = [t(f"notice.col.{k}", lang) for k in ("rank", "unit", "level", "score", "counts", "timely")]
    lines = []
    for rank, row in ranks(rows):
        level = row.get("level") or ""
        lines.append(
            [
                rank,
                row.get("issuer") or row.get("path"),
                t(f"level.{level}", lang) if level else "—",
                f"{float(row['score']):.1f}",
                f"{row.get('met', 0)}/{row.get('partial', 0)}/{row.get('missing', 0)}",
                t(f"chart.tl.{timely(row_facts(row))}", lang),
            ]
        )
    _table(doc, header, lines, (1.2, 6.2, 2.2, 1.6, 2.4, 2.4))
    doc.add_paragraph(t("notice.counts_note", lang))


def _common_gaps(doc: Any, c: Charts, lang: str) -> None:
    doc.add_heading(t("notice.h.common", lang), level=1)
    common = [q for q in c.requirements if q.gaps][:COMMON_GAPS]
    if not common:
        doc.add_paragraph(t("notice.no_common", lang))
        return
    sep = t("cli.list_sep", lang)
    header = [t(f"notice.col.{k}", lang) for k in ("requirement", "missing", "partial", "units")]
    _table(doc, header, ([q.title, q.missing, q.partial, sep.join(q.units)] for q in common), (5, 2, 2, 7))


def _units(doc: Any, rows: Sequence[Row], lang: str) -> None:
    doc.add_heading(t("notice.h.units", lang), level=1)
    sep = t("cli.list_sep", lang)
    for rank, row in ranks(rows):
        doc.add_heading(f"{rank}. {row.get('issuer') or row.get('path')}", level=2)
        gaps = row.get("gaps", [])
        score = f"{float(row['score']):.1f}"
        if not gaps:
            doc.add_paragraph(t("notice.unit_clean", lang, score=score))
            continue
        titles = sep.join(g["title"] for g in gaps)
        doc.add_paragraph(t("notice.unit", lang, score=score, n=len(gaps), gaps=titles))
        for g in gaps[:SUGGESTIONS_PER_UNIT]:
            if g.get("suggestion"):
                doc.add_paragraph(f"{g['title']}{t('text.colon', lang)}{g['suggestion']}", style="List Bullet")


def copied_sentences(out: Path | None, row: Row) -> list[tuple[str, str]]:
    """The sentences of ``row``'s report found in other units' reports: (quote, the finding's
    message naming the others), from its saved result in ``out``."""
    if out is None or not row.get("copied_sentences"):
        return []
    try:
        data = json.loads((out / f"{row['output']}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError):
        return []
    return [
        (str(f.get("quote") or ""), str(f.get("message") or ""))
        for f in data.get("findings", [])
        if f.get("code") == COPIED_CODE
    ]


def _copied(doc: Any, rows: Sequence[Row], out: Path | None, lang: str) -> None:
    doc.add_heading(t("notice.h.copied", lang), level=1)
    lines = []
    for row in rows:
        unit = row.get("issuer") or row.get("path")
        lines += [[unit, quote, said] for quote, said in copied_sentences(out, row)[:COPIED_PER_UNIT]]
    if not lines:
        doc.add_paragraph(t("notice.no_copied", lang))
        return
    _table(doc, [t(f"notice.col.{k}", lang) for k in ("unit", "sentence", "shared_with")], lines, (3.5, 6.5, 6))


def _years(doc: Any, c: Charts, lang: str) -> None:
    if not c.trends:
        return
    doc.add_heading(t("notice.h.years", lang), level=1)
    lines = []
    for tr in c.trends:
        a, b = tr.points[0][1], tr.points[-1][1]
        path = " → ".join(f"{y}: {s:.1f}" for y, s in tr.points)
        lines.append([tr.issuer, path, f"{b - a:+.1f}"])
    _table(doc, [t(f"notice.col.{k}", lang) for k in ("unit", "scores", "change")], lines, (6, 8, 2))
