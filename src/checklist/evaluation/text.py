"""An evaluation as plain text: figures per labels file, then the disagreements grouped by
kind and key (requirement id, metadata field, finding code)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from checklist.evaluation import KINDS, Disagreement, Evaluation, LabelsEvaluation, Summary
from checklist.messages import t

QUOTE_CHARS = 80  # a quote longer than this is cut in the text output (JSON has it whole)
QUOTES_SHOWN = 2  # evidence quotes shown per disagreement


def render_text(evaluation: Evaluation, lang: str = "zh") -> str:
    """The text output of ``checklist evaluate``."""
    out: list[str] = []
    for f in evaluation.files:
        out += _file(f, lang)
    if len(evaluation.files) > 1:
        out.append("== " + t("eval.total_heading", lang, files=len(evaluation.files)))
        out += _summary(evaluation.total, lang)
        out.append("")
    return "\n".join(out) + "\n" if out else ""


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _file(f: LabelsEvaluation, lang: str) -> list[str]:
    sep = "、" if lang == "zh" else ", "
    standards = sep.join(f"{sid} {n}" for sid, n in f.standards.items())
    out = ["== " + t("eval.heading", lang, labels=f.labels, reports=f.reports, standards=standards)]
    out += _summary(f.summary, lang)
    out += _disagreements(f.disagreements, [*f.summary.requirements, *f.summary.metadata], lang)
    out.append("")
    return out


def _summary(s: Summary, lang: str) -> list[str]:
    o = s.overall
    line = t(
        "eval.overall",
        lang,
        present=_figure(o.present_f1),
        gap=_figure(o.gap_f1),
        accuracy=_figure(o.accuracy),
        correct=o.correct,
        scored=o.scored,
    )
    if o.not_applicable:
        line += t("eval.left_out", lang, n=o.not_applicable)
    out = [line]
    m = s.metadata_overall
    out.append(t("eval.metadata_overall", lang, accuracy=_figure(m.accuracy), correct=m.correct, compared=m.compared))
    if s.findings is not None:
        fs = s.findings
        out.append(
            t(
                "eval.findings",
                lang,
                precision=_figure(fs.precision),
                confirmed=fs.confirmed,
                raised=fs.raised,
                recall=_figure(fs.recall),
                found=fs.found,
                labelled=fs.labelled,
            )
        )
    if s.requirements:
        head = t("eval.col_id", lang)
        width = max(_width(x) for x in [head, *s.requirements]) + 2
        out.append("")
        out.append("  " + _pad(head, width) + t("eval.columns", lang))
        for rid, sc in s.requirements.items():
            na = f" ({sc.not_applicable})" if sc.not_applicable else ""
            out.append(
                f"  {_pad(rid, width)}{_figure(sc.present_f1):>7} {_figure(sc.gap_f1):>7} "
                f"{_figure(sc.accuracy):>7}  {sc.correct}/{sc.scored}{na}"
            )
    if s.metadata:
        head = t("eval.col_field", lang)
        width = max(_width(x) for x in [head, *s.metadata]) + 2
        out.append("")
        out.append("  " + _pad(head, width) + t("eval.field_columns", lang))
        for name, fs_ in s.metadata.items():
            out.append(f"  {_pad(name, width)}{_figure(fs_.accuracy):>7}  {fs_.correct}/{fs_.compared}")
    return out


def _width(text: str) -> int:
    # a Chinese character takes two columns on a terminal
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _disagreements(items: Sequence[Disagreement], order: Sequence[str], lang: str) -> list[str]:
    """Grouped by kind, then by id or field in the labels' order (finding codes last)."""
    if not items:
        return []
    out = ["", t("eval.disagreements", lang, n=sum(1 for d in items if d.kind != "not_applicable"))]
    rank = {key: i for i, key in enumerate(order)}
    groups: dict[tuple[str, str], list[Disagreement]] = {}
    for d in sorted(items, key=lambda d: (KINDS.index(d.kind), rank.get(d.key, len(rank)), d.key)):
        groups.setdefault((d.kind, d.key), []).append(d)
    for (kind, key), group in groups.items():
        out.append("  " + t("eval.group", lang, kind=t(f"eval.kind.{kind}", lang), what=key, n=len(group)))
        for d in group:
            out.append("    " + t("eval.line", lang, report=d.report, label=_value(d.label), ours=_value(d.ours)))
            for q in d.evidence[:QUOTES_SHOWN]:
                where = t("eval.section", lang, section=q.section) if q.section else ""
                out.append("      " + t("eval.evidence", lang, quote=_cut(q.quote), where=where))
    return out


def _value(value: str | int | None) -> str:
    return "—" if value is None else _cut(str(value))


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"
