"""What the review says in the margin, and where: an :class:`AuditResult` as comments.

One summary on the title (or first line); one per ``partial`` requirement on its
evidence; one per ``missing`` requirement where the missing content belongs (a date on
the signature, an addressee on the title, the shortcomings after the measures part …,
else beside the summary); one per quality finding on the sentence it quotes. Spans are
original offsets (``doc.original``), which :mod:`checklist.render.docx_comments` turns into
runs.
"""

from __future__ import annotations

from collections.abc import Callable

from checklist.document import Document
from checklist.messages import t
from checklist.render.docx_comments import PlannedComment
from checklist.rules.result import AuditResult, Finding, RequirementResult
from checklist.structure.sections import MEASURES, SHORTCOMINGS, classify, top_sections_of

Span = tuple[int, int]
_SEVERITY_RANK = {"critical": 0, "major": 1, "minor": 2, "info": 3}
_TOP_GAPS = 3


def title_span(doc: Document) -> Span:
    """Original span of the title, else of the first line: where the summary goes."""
    span = doc.meta_spans.get("title")
    if span is not None:
        return span
    return doc.to_original(*doc.lines[0]) if doc.lines else (0, len(doc.original))


def _line_at(doc: Document, pos: int) -> Span | None:
    for start, end in doc.lines:
        if start <= pos < end:
            return doc.to_original(start, end)
    return None


def _signature(doc: Document) -> Span | None:
    if doc.signature_start is None or not doc.lines:
        return None
    return doc.to_original(doc.signature_start, doc.lines[-1][1])


def _end_of(kind: str) -> Callable[[Document], Span | None]:
    def place(doc: Document) -> Span | None:
        parts = top_sections_of(doc, classify(doc), kind)
        return _line_at(doc, parts[-1].end - 1) if parts else None

    return place


def _heading_of(kind: str) -> Callable[[Document], Span | None]:
    def place(doc: Document) -> Span | None:
        parts = top_sections_of(doc, classify(doc), kind)
        return doc.to_original(parts[0].start, parts[0].heading_end) if parts else None

    return place


def _last_body_line(doc: Document) -> Span | None:
    stop = doc.signature_start if doc.signature_start is not None else len(doc.text)
    body = [span for span in doc.lines if span[1] <= stop]
    return doc.to_original(*body[-1]) if body else None


# Where the content a missing requirement asks for belongs (absent: beside the summary).
PLACES: dict[str, Callable[[Document], Span | None]] = {
    "format.date": _signature,
    "format.deadline": _signature,
    "format.issuer": _signature,
    "format.addressee": title_span,
    "format.title": title_span,
    "core.shortcomings": _end_of(MEASURES),
    "core.causes": _heading_of(SHORTCOMINGS),
    "core.next_year_plan": lambda doc: _end_of(SHORTCOMINGS)(doc) or _last_body_line(doc),
}


def _gaps(result: AuditResult) -> list[RequirementResult]:
    return [r for r in result.requirements if r.status in ("partial", "missing")]


def _most_important(gaps: list[RequirementResult]) -> list[RequirementResult]:
    order = sorted(gaps, key=lambda r: (r.status != "missing", _SEVERITY_RANK.get(r.severity, 9), -r.weight))
    return order[:_TOP_GAPS]


def summary_text(result: AuditResult, lang: str) -> str:
    """The summary comment: score, counts, the standard and why, the three main gaps."""
    c = result.counts
    lines = [
        t(
            "annotate.summary",
            lang,
            score=result.score,
            met=c.get("met", 0),
            partial=c.get("partial", 0),
            missing=c.get("missing", 0),
        ),
        t(
            "annotate.standard",
            lang,
            standard=result.standard.title,
            id=result.standard.id,
            reason=result.standard.reason or "",
        ),
    ]
    top = _most_important(_gaps(result))
    if top:
        sep = t("annotate.list_sep", lang)
        lines.append(
            t(
                "annotate.top_gaps",
                lang,
                gaps=sep.join(
                    f"{r.title}（{t(f'status.{r.status}', lang)}）" if lang == "zh" else f"{r.title} ({r.status})"
                    for r in top
                ),
            )
        )
    else:
        lines.append(t("annotate.no_gaps", lang))
    lines.extend(result.warnings)
    return "\n".join(lines)


def requirement_text(r: RequirementResult, lang: str, *, here: bool) -> str:
    """A gap's comment: the verdict with the requirement's title, and the suggestion."""
    key = f"annotate.{r.status}" + ("_here" if here and r.status == "missing" else "")
    parts = [t(key, lang, title=r.title, id=r.id, message=r.message)]
    if r.suggestion:
        parts.append(t("annotate.suggestion", lang, suggestion=r.suggestion))
    if r.waived is not None:
        parts.append(t("annotate.waived", lang, reason=r.waived.reason))
    return "\n".join(parts)


def finding_text(f: Finding, lang: str) -> str:
    """A quality finding's comment: what is wrong and what to do."""
    parts = [f.message]
    if f.suggestion:
        parts.append(t("annotate.suggestion", lang, suggestion=f.suggestion))
    return "\n".join(parts)


def plan_comments(result: AuditResult, doc: Document, lang: str | None = None) -> list[PlannedComment]:
    """Every comment of the review, summary first; spans are ``None`` for the summary's place."""
    say = lang or result.lang
    comments = [PlannedComment(summary_text(result, say))]
    for r in _gaps(result):
        span: Span | None = None
        if r.status == "partial":
            located = [e for e in r.evidence if e.start is not None and e.end is not None]
            if located:
                span = (located[0].start or 0, located[0].end or 0)
        else:
            place = PLACES.get(r.id)
            span = place(doc) if place is not None else None
        text = requirement_text(r, say, here=span is not None)
        comments.append(PlannedComment(text, *(span or (None, None))))
    for f in result.findings:
        if f.category != "quality":
            continue
        comments.append(PlannedComment(finding_text(f, say), f.start, f.end))
    return comments
