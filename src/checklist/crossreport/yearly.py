"""Year over year for one issuer: what changed, what was copied, what was done.

:func:`compare` takes last year's and this year's report with their audit results and
says how the score and each requirement's verdict moved, which shortcomings and plan
items of this year were copied from last year (``quality.repeated_from_last_year``),
and, for each item of last year's plan, whether this year's work sections report
doing it.

Copies are found as ``quality.duplicate_sentence`` finds repeats: keys without markers,
punctuation and blanks, rapidfuzz's ratio at least ``similarity``; a whole item first,
then the sentences of the items that were not copied whole (a problem is often carried
over in one sentence of a longer item).

Whether each plan item was followed is :mod:`checklist.crossreport.followthrough`'s
judgement: followed only by a work sentence on the same matter (the same field of work,
the item's own task wording, a result reported), else not followed or unclear, never
已落实 when unsure.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz, process

from checklist.crossreport.copied import issuer_classes, sentence_key

# FollowUp and FollowUpCounts are part of Comparison, and importable from here as before
from checklist.crossreport.followthrough import FollowUp as FollowUp
from checklist.crossreport.followthrough import FollowUpCounts as FollowUpCounts
from checklist.crossreport.followthrough import counts, follow_up, trim
from checklist.document import Document
from checklist.messages import t
from checklist.rules.engine import evidence_of, make_context
from checklist.rules.matchers.base import Context, Hit
from checklist.rules.quality.base import PLAN, SHORTCOMINGS, units_of
from checklist.rules.result import AuditResult, Evidence, Finding
from checklist.rules.standard import Standard, load_standard

REPEATED = "quality.repeated_from_last_year"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class StatusChange(_Model):
    """One requirement's verdict last year and this year (``None`` where not judged)."""

    id: str
    title: str
    old: str | None
    new: str | None
    changed: bool


class Repeat(_Model):
    """A shortcoming or plan item of this year copied from last year's report."""

    old_part: str  # "shortcomings" or "plan"
    new_part: str
    similarity: float  # rapidfuzz ratio of the keys, 0–1
    old: Evidence  # offsets into last year's report
    new: Evidence  # offsets into this year's report


class Comparison(_Model):
    """Last year's and this year's report of one issuer, side by side."""

    old: dict[str, Any]  # document metadata, as in the audit JSON
    new: dict[str, Any]
    old_score: float
    new_score: float
    score_change: float
    requirements: list[StatusChange]
    repeated: list[Repeat]
    findings: list[Finding]  # quality.repeated_from_last_year, on this year's report
    follow_up: list[FollowUp]
    follow_up_counts: FollowUpCounts = FollowUpCounts()  # followed, not followed, unclear
    warnings: list[str] = []

    @property
    def changed(self) -> list[StatusChange]:
        """The requirements whose verdict changed."""
        return [r for r in self.requirements if r.changed]


def compare(
    old_doc: Document,
    old_result: AuditResult,
    new_doc: Document,
    new_result: AuditResult,
    lang: str = "zh",
    *,
    standard: Standard | None = None,
    similarity: float | None = None,
    min_chars: int | None = None,
) -> Comparison:
    """Compare last year's report (``old_*``) with this year's (``new_*``) of one issuer.

    ``standard`` (this year's) gives the parts of the reports and, in its ``quality:``
    block, whether ``quality.repeated_from_last_year`` is on, its severity, suggestion,
    ``similarity`` and ``min_chars`` (the arguments override those; default: the national
    standard). The follow-through of last year's plan is
    :func:`checklist.crossreport.followthrough.follow_up`.
    """
    std = standard or load_standard("national")
    config = std.quality.get(REPEATED)
    params = std.quality_params(REPEATED) if config is not None else None
    similarity = similarity if similarity is not None else (params.similarity if params else 0.9)
    min_chars = min_chars if min_chars is not None else (params.min_chars if params else 12)
    old_ctx, new_ctx = make_context(old_doc, std), make_context(new_doc, std)
    warnings = _warnings(old_doc, new_doc, lang)
    repeated = _repeats(old_doc, old_ctx, new_doc, new_ctx, lang, similarity, min_chars)
    old_year = old_doc.metadata.year
    findings = [
        Finding(
            code=REPEATED,
            category="quality",
            severity=config.severity if config else "minor",
            message=t(
                REPEATED,
                lang,
                year=old_year if old_year is not None else t("text.unknown", lang),
                part=t(f"part.{r.old_part}", lang),
                other=r.old.quote,
            ),
            suggestion=config.suggestion.get(lang) if config else t(f"{REPEATED}_suggestion", lang),
            quote=r.new.quote,
            section=r.new.section,
            start=r.new.start,
            end=r.new.end,
        )
        for r in repeated
        if config is None or config.enabled
    ]
    follow = follow_up(old_doc, old_ctx, new_doc, new_ctx, lang)
    return Comparison(
        old=old_doc.metadata_dict(),
        new=new_doc.metadata_dict(),
        old_score=old_result.score,
        new_score=new_result.score,
        score_change=round(new_result.score - old_result.score, 1),
        requirements=_statuses(old_result, new_result),
        repeated=repeated,
        findings=findings,
        follow_up=follow,
        follow_up_counts=counts(follow),
        warnings=warnings,
    )


def _warnings(old: Document, new: Document, lang: str) -> list[str]:
    out = []
    a, b = old.metadata.issuer, new.metadata.issuer
    if a and b and len(set(issuer_classes([a, b]))) > 1:
        out.append(t("compare.warn_issuer", lang, old=a, new=b))
    y0, y1 = old.metadata.year, new.metadata.year
    if y0 is not None and y1 is not None and y1 <= y0:
        out.append(t("compare.warn_year", lang, old=y0, new=y1))
    return out


def _statuses(old: AuditResult, new: AuditResult) -> list[StatusChange]:
    before = {r.id: r for r in old.requirements}
    after = {r.id: r for r in new.requirements}
    out = []
    for rid in [*after, *(r for r in before if r not in after)]:
        a, b = before.get(rid), after.get(rid)
        title = (b or a).title  # type: ignore[union-attr]
        s0, s1 = (a.status if a else None), (b.status if b else None)
        out.append(StatusChange(id=rid, title=title, old=s0, new=s1, changed=s0 != s1))
    return out


# a piece of a shortcomings or plan part: key, normalised span, part kind, unit index
_Piece = tuple[str, int, int, str, int]


def _pieces(doc: Document, ctx: Context, min_chars: int) -> tuple[list[_Piece], list[_Piece]]:
    """The items of the shortcomings and plan parts, and their sentences."""
    units: list[_Piece] = []
    sentences: list[_Piece] = []
    seen: set[tuple[int, int]] = set()
    for kind in (SHORTCOMINGS, PLAN):
        for u in units_of(doc, ctx, kind):
            if (u.start, u.end) in seen:
                continue  # a part that is both (问题及下一步打算) lists its items once
            seen.add((u.start, u.end))
            index = len(seen)
            start, end = trim(doc, u.start, u.end)
            key, cut = sentence_key(doc.text[start:end])
            if len(key) >= min_chars:
                units.append((key, start + cut, end, kind, index))
            for s in doc.sentences:
                if u.start <= s.start < u.end:
                    s_start, s_end = trim(doc, s.start, min(s.end, u.end))
                    k, c = sentence_key(doc.text[s_start:s_end])
                    if len(k) >= min_chars:
                        sentences.append((k, s_start + c, s_end, kind, index))
    return units, sentences


def _repeats(
    old_doc: Document,
    old_ctx: Context,
    new_doc: Document,
    new_ctx: Context,
    lang: str,
    similarity: float,
    min_chars: int,
) -> list[Repeat]:
    old_units, old_sentences = _pieces(old_doc, old_ctx, min_chars)
    new_units, new_sentences = _pieces(new_doc, new_ctx, min_chars)
    cutoff = 100 * similarity
    out: list[Repeat] = []
    whole: set[int] = set()

    def add(piece: _Piece, against: Sequence[_Piece]) -> bool:
        if not against:
            return False
        best = process.extractOne(piece[0], [p[0] for p in against], scorer=fuzz.ratio, score_cutoff=cutoff)
        if best is None:
            return False
        old = against[best[2]]
        out.append(
            Repeat(
                old_part=old[3],
                new_part=piece[3],
                similarity=round(best[1] / 100, 3),
                old=evidence_of(old_doc, Hit(old[1], old[2]), lang),
                new=evidence_of(new_doc, Hit(piece[1], piece[2]), lang),
            )
        )
        return True

    for unit in new_units:
        if add(unit, old_units):
            whole.add(unit[4])
    for sentence in new_sentences:
        if sentence[4] not in whole:
            add(sentence, old_sentences)
    out.sort(key=lambda r: r.new.start or 0)
    return out
