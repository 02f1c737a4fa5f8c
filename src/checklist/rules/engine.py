"""The engine: a document and a standard in, an :class:`AuditResult` out.

It knows nothing about particular requirements. For each requirement: applicability
(profile, waiver), then ``met``, else ``partial``, else ``missing``, with the evidence
the matchers return mapped to quotes of the original text. Scope and negation are
applied here once, through the matcher context, not per rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import ahocorasick_rs

from checklist import __version__
from checklist.document import Document
from checklist.messages import t
from checklist.rules.matchers import Context, Hit, Outcome
from checklist.rules.matchers.base import resolve_scope
from checklist.rules.problems import standard_error
from checklist.rules.result import (
    AuditResult,
    Evidence,
    Finding,
    RequirementResult,
)
from checklist.rules.standard import SEVERITY_ORDER, Requirement, Standard
from checklist.rules.waivers import WaiverEntry
from checklist.structure.outline import match_marker
from checklist.structure.sections import Regions, classify

STATUS_VALUE = {"met": 1.0, "partial": 0.5, "missing": 0.0}


@lru_cache(maxsize=32)
def _automaton(literals: tuple[str, ...]) -> tuple[ahocorasick_rs.AhoCorasick, list[str]]:
    """The automaton over the non-empty ``literals`` and the literal of each pattern index.

    A contiguous NFA (about 110 KB for a standard's ~475 words), not a DFA (1.6 MB):
    the DFA searches a fifth faster in a loop that keeps it in the CPU cache (75 vs
    96 us over a sample report), but in an audit, where reading the report has evicted
    it, its search took 250 us against 180 us and the whole audit 0.2 ms more
    (docs/decisions.md). Both give the same matches in the same order."""
    words = [term for term in literals if term]
    return ahocorasick_rs.AhoCorasick(words, implementation=ahocorasick_rs.Implementation.ContiguousNFA), words


def term_positions(text: str, literals: tuple[str, ...]) -> dict[str, list[int]]:
    """Start offsets of every literal in ``text``, nested occurrences included."""
    if not literals or not text:
        return {}
    auto, words = _automaton(literals)
    if not words:
        return {}
    return _positions(text, auto, words)


def _positions(text: str, auto: ahocorasick_rs.AhoCorasick, words: list[str]) -> dict[str, list[int]]:
    """:func:`term_positions` with the automaton over ``words`` made."""
    out: dict[str, list[int]] = {}
    # matches come by end offset, the longest first at the same end (as pyahocorasick's)
    for i, start, _end in auto.find_matches_as_indexes(text, overlapping=True):
        term = words[i]
        found = out.get(term)
        if found is None:
            out[term] = [start]
        else:
            found.append(start)
    return out


_Scan = tuple[frozenset[str], ahocorasick_rs.AhoCorasick | None, list[str]]


def _scan_words(standard: Standard) -> _Scan:
    """The non-empty words of the term scan (the rules' literals, then the closers of the
    ``named_in_list`` parameter) as a set, and the automaton over them with the word of
    each pattern index (None without words); once per standard."""
    found: _Scan | None = standard.engine_cache.get("scan")
    if found is None:
        words = dict.fromkeys(standard.literals)
        spec = standard.parameters.get("named_in_list")
        if isinstance(spec, dict):
            for closer in spec.get("closers") or ():
                words.setdefault(str(closer), None)
        literals = tuple(words)
        auto, scanned = _automaton(literals) if any(literals) else (None, [])
        found = standard.engine_cache["scan"] = (frozenset(scanned), auto, scanned)
    return found


def make_context(doc: Document, standard: Standard, regions: Regions | None = None) -> Context:
    """The shared matcher context for one document and standard."""
    scanned, auto, words = _scan_words(standard)
    text = doc.text
    return Context(
        doc=doc,
        regions=regions or classify(doc),
        term_hits=_positions(text, auto, words) if auto is not None and text else {},
        scope=resolve_scope("work"),
        negation=True,
        params=standard.parameters,
        scanned=scanned,
    )


def judge(req: Requirement, base: Context) -> tuple[str, Outcome]:
    """Status and outcome of one applicable requirement."""
    return _judge_in(req, base.derive(resolve_scope(req.scope), req.negation))


def _judge_in(req: Requirement, ctx: Context) -> tuple[str, Outcome]:
    """:func:`judge` in the requirement's own context (its scope and negation setting)."""
    out = req.met.evaluate(ctx)
    if out.matched:
        return "met", out
    if req.partial is not None:
        part = req.partial.evaluate(ctx)
        if part.matched:
            return "partial", Outcome(True, part.hits, part.note or out.note, part.note_args or out.note_args)
    return "missing", out


def evidence_of(doc: Document, hit: Hit, lang: str) -> Evidence:
    """Map a matcher hit to a quote of the original text."""
    return Evidence.model_validate(_evidence(doc, hit, lang, {}))


def _evidence(
    doc: Document, hit: Hit, lang: str, places: dict[tuple[int, int], tuple[str, str, int, int]]
) -> dict[str, Any]:
    """The JSON object of a hit's quote; ``places`` remembers each span's quote and section
    path for this document (requirements often quote the same sentence)."""
    if hit.start < 0:
        start, end = hit.orig if hit.orig else (None, None)
        quote = doc.original[start:end] if start is not None else (hit.quote or "")
        return {
            "quote": quote,
            "section": t("text.page_meta", lang) + (f"（{hit.label}）" if hit.label else ""),
            "start": start,
            "end": end,
            "terms": list(hit.terms),
        }
    known = places.get((hit.start, hit.end))
    if known is None:
        quote, o_start, o_end = doc.quote(hit.start, hit.end)
        if hit.start < doc.body_start:
            where = t("text.region_header", lang)
        elif doc.signature_start is not None and hit.start >= doc.signature_start:
            where = t("text.region_signature", lang)
        else:
            where = doc.section_path(doc.innermost_section(hit.start)) or t("text.region_preamble", lang)
        known = places[(hit.start, hit.end)] = (quote, where, o_start, o_end)
    return {"quote": known[0], "section": known[1], "start": known[2], "end": known[3], "terms": list(hit.terms)}


def with_years(text: str, year: int | None, lang: str) -> str:
    """A suggestion with ``{year}`` and ``{next_year}`` filled in from the report's year, so
    its examples name the right years (a 2023 report plans 2024); 20XX when unknown."""
    if "{" not in text:
        return text
    this, following = (str(year), str(year + 1)) if year else (t("text.this_year", lang), t("text.next_year", lang))
    return text.replace("{year}", this).replace("{next_year}", following)


@dataclass(frozen=True, slots=True)
class _Texts:
    """A requirement's words in one language, worded once per standard."""

    title: str
    basis: list[str]
    messages: dict[str, str]  # by status (met, partial, missing, not_applicable)
    suggestion: str
    scope: frozenset[str]


def _texts(standard: Standard, lang: str) -> list[_Texts]:
    """Every requirement's :class:`_Texts` in ``lang`` (kept on the standard, which the loader caches)."""
    cache = standard.engine_cache
    key = ("texts", lang)
    found = cache.get(key)
    if found is None:
        found = []
        for req in standard.requirements:
            title = req.title.get(lang)
            why = t("na.profile" if req.applies is False else "na.condition", lang)
            messages = {s: t(f"msg.{s}", lang, title=title) for s in ("met", "partial", "missing")}
            messages["not_applicable"] = t("msg.not_applicable", lang, title=title, reason=why)
            found.append(
                _Texts(
                    title, [b.label() for b in req.basis], messages, req.suggestion.get(lang), resolve_scope(req.scope)
                )
            )
        cache[key] = found
    return found


def evaluate(
    doc: Document,
    standard: Standard,
    *,
    lang: str = "zh",
    waivers: Sequence[WaiverEntry] = (),
    reason: str | None = None,
    today: dt.date | None = None,
) -> AuditResult:
    """Judge ``doc`` against ``standard``.

    The result is built as plain JSON-shaped data and made into models by
    :meth:`AuditResult.from_engine`, which validates what a caller's input reaches and
    takes the engine's own requirements, findings and quotes as they are."""
    ctx = make_context(doc, standard)
    results: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    warnings: list[str] = []
    used: set[int] = set()
    meta = doc.metadata
    places: dict[tuple[int, int], tuple[str, str, int, int]] = {}
    contexts: dict[tuple[frozenset[str], bool], Context] = {}
    sep = "；" if lang == "zh" else "; "
    for req, text in zip(standard.requirements, _texts(standard, lang), strict=True):
        applies = req.applies if isinstance(req.applies, bool) else req.applies.holds(meta.level, meta.year)
        if not applies:
            results.append(
                {
                    "id": req.id,
                    "title": text.title,
                    "group": req.group,
                    "status": "not_applicable",
                    "severity": req.severity,
                    "weight": req.weight,
                    "message": text.messages["not_applicable"],
                    "basis": text.basis,
                }
            )
            continue
        # a document's requirements use about four scope and negation settings: each
        # context is made once (kept here, not on the shared tables, which it refers to)
        setting = (text.scope, req.negation)
        here = contexts.get(setting)
        if here is None:
            here = contexts[setting] = ctx.derive(text.scope, req.negation)
        status, out = _judge_in(req, here)
        evidence = [_evidence(doc, h, lang, places) for h in out.hits]
        message = text.messages[status]
        if out.note:
            message += sep + t(f"note.{out.note}", lang, **out.note_args)
        suggestion = with_years(text.suggestion, meta.year, lang) if status != "met" else None
        waiver = _waiver(req, doc, waivers, used, warnings, lang, today) if waivers else None
        results.append(
            {
                "id": req.id,
                "title": text.title,
                "group": req.group,
                "status": status,
                "severity": req.severity,
                "weight": req.weight,
                "evidence": evidence,
                "message": message,
                "suggestion": suggestion,
                "basis": text.basis,
                "waived": waiver,
            }
        )
        if status != "met" and waiver is None and req.severity != "info":
            first = evidence[0] if evidence else None
            findings.append(
                {
                    "code": req.id,
                    "severity": req.severity,
                    "message": message,
                    "suggestion": suggestion,
                    "quote": first["quote"] if first else None,
                    "section": first["section"] if first else None,
                    "start": first["start"] if first else None,
                    "end": first["end"] if first else None,
                }
            )
    not_report = not_a_report(doc, standard, ctx)
    if not_report:
        warnings.insert(0, t("warn.not_a_report", lang, **not_report))
    kind = other_kind(doc, standard)
    if kind:
        warnings.insert(0, t("warn.other_kind", lang, kind=kind))
    if waivers:
        ids = {r.id for r in standard.requirements} | {a for r in standard.requirements for a in r.aliases}
        for i, w in enumerate(waivers):
            if w.requirement not in ids:
                warnings.append(t("warn.waiver_unknown", lang, requirement=w.requirement))
            elif i not in used:
                warnings.append(t("warn.waiver_unused", lang, requirement=w.requirement, report=w.report))
    quality = _quality(ctx, standard, lang, places)
    findings.extend(quality)
    results.extend(_weighted_quality(standard, quality, lang))
    score, groups = _score([(r["status"], r.get("waived"), r["weight"], r["group"]) for r in results])
    if score is None:
        raise standard_error(standard.source or standard.id, "standard.unscorable")
    findings.sort(key=lambda f: ("category" in f, -SEVERITY_ORDER.get(f["severity"], 0)))
    counts = {s: 0 for s in ("met", "partial", "missing", "not_applicable")}
    waived = 0
    for r in results:
        counts[r["status"]] += 1
        if r.get("waived"):
            waived += 1
    counts["waived"] = waived
    return AuditResult.from_engine(
        {
            "tool": {"version": __version__},
            "standard": {
                "id": standard.id,
                "version": standard.version,
                "extends": standard.extends,
                "title": standard.title.get(lang),
                "reason": reason,
            },
            "lang": lang,
            "document": doc.metadata_dict(),
            "score": score,
            "groups": groups,
            "counts": counts,
            "requirements": results,
            "findings": findings,
            "warnings": warnings,
        }
    )


def _waiver(
    req: Requirement,
    doc: Document,
    waivers: Sequence[WaiverEntry],
    used: set[int],
    warnings: list[str],
    lang: str,
    today: dt.date | None,
) -> dict[str, Any] | None:
    """The waiver (as JSON data) that applies to ``req`` on ``doc``; records the waivers it
    used and warns of the expired ones."""
    waiver = None
    meta = doc.metadata
    for i, w in enumerate(waivers):
        names_it = w.requirement == req.id or w.requirement in req.aliases
        if names_it and w.selects(doc.source, meta.issuer, doc.sha256):
            used.add(i)
            if w.expired(today):
                warnings.append(
                    t(
                        "warn.waiver_expired",
                        lang,
                        requirement=w.requirement,
                        reason=w.reason,
                        expires=w.expires.isoformat() if w.expires else "",
                    )
                )
                continue
            waiver = {"reason": w.reason, "owner": w.owner, "expires": w.expires.isoformat() if w.expires else None}
    return waiver


def not_a_report(doc: Document, standard: Standard, ctx: Context | None = None) -> dict[str, int] | None:
    """Counts for the warning when the text lacks the words every report uses, else None
    (a word of the term scan is looked up in ``ctx``'s positions, not searched again)."""
    signals = standard.parameters.get("report_signals")
    if not isinstance(signals, dict):
        return None
    terms = [str(x) for x in signals.get("terms", [])]
    need = int(signals.get("min_distinct", 0))
    text = doc.text
    if ctx is None or ctx.doc is not doc:
        found = sum(1 for term in terms if term in text)
    else:
        hits, scanned = ctx.term_hits, ctx.tables.scanned
        found = sum(1 for term in terms if ((term in hits) if term in scanned else (term in text)))
    return {"found": found, "min": need} if found < need else None


_KIND_LINES = 6  # the first lines of the text, where a document says what it is
_KIND_LINE_MAX = 60


def other_kind(doc: Document, standard: Standard) -> str | None:
    """The kind of document the opening lines name (通知, 讲话, 工作要点 …) when that is not a
    report: the standard's ``report_signals.other_kinds``; ``None`` when a report title
    was found or no other kind is named."""
    signals = standard.parameters.get("report_signals")
    if not isinstance(signals, dict) or doc.metadata.title:
        return None
    kinds = sorted((str(k) for k in signals.get("other_kinds", [])), key=len, reverse=True)
    for start, end in doc.lines[:_KIND_LINES]:
        line = doc.text[start:end].strip()
        if match_marker(line) is not None:
            break  # the body's first heading: what a document says it is comes before
        if len(line) > _KIND_LINE_MAX or any(p in line for p in "。,;!?"):
            continue
        for kind in kinds:
            if line.endswith(kind):
                return kind
    return None


def quality_findings(ctx: Context, standard: Standard, lang: str) -> list[Finding]:
    """Run the standard's enabled quality checks; they add findings, never verdicts."""
    return [Finding.model_validate(f) for f in _quality(ctx, standard, lang, {})]


def _quality(
    ctx: Context, standard: Standard, lang: str, places: dict[tuple[int, int], tuple[str, str, int, int]]
) -> list[dict[str, Any]]:
    """The findings of the quality checks, as JSON data."""
    from checklist.rules.quality import CHECKS

    out: list[dict[str, Any]] = []
    for code, config in standard.quality.items():
        if not config.enabled or code not in CHECKS:  # checks across reports run in a batch or compare
            continue
        _, check = CHECKS[code]
        for issue in check(ctx.derive(ctx.scope, True), standard.quality_params(code)):
            evidence = [_evidence(ctx.doc, h, lang, places) for h in issue.hits]
            first = evidence[0] if evidence else None
            out.append(
                {
                    "code": code,
                    "category": "quality",
                    "severity": config.severity,
                    "message": t(issue.message, lang, **issue.args),
                    "suggestion": with_years(config.suggestion.get(lang), ctx.doc.metadata.year, lang),
                    "quote": first["quote"] if first else None,
                    "section": first["section"] if first else None,
                    "start": first["start"] if first else None,
                    "end": first["end"] if first else None,
                    "related": evidence[1:],
                }
            )
    return out


def _weighted_quality(standard: Standard, findings: Sequence[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """Quality checks a profile gave weight: a scored line each (met when nothing was found)."""
    out = []
    for code, config in standard.quality.items():
        if not config.enabled or config.weight <= 0:
            continue
        mine = [f for f in findings if f["code"] == code]
        title = config.title.get(lang) if config.title else code
        status: Literal["met", "missing"] = "missing" if mine else "met"
        evidence = [
            {"quote": f["quote"] or "", "section": f["section"] or "", "start": f["start"], "end": f["end"]}
            for f in mine
            if f["quote"]
        ]
        out.append(
            {
                "id": code,
                "title": title,
                "group": "quality",
                "status": status,
                "severity": config.severity,
                "weight": config.weight,
                "evidence": evidence,
                "message": t(f"msg.{status}", lang, title=title),
                "suggestion": config.suggestion.get(lang) if mine else None,
            }
        )
    return out


def score_of(results: Sequence[RequirementResult]) -> tuple[float | None, dict[str, float]]:
    """Weighted mean (met 1, partial 0.5, missing 0), overall and per group, 0–100.

    Not-applicable and waived requirements are left out; ``None`` when nothing counts.
    """
    return _score([(r.status, r.waived, r.weight, r.group) for r in results])


def _score(rows: Sequence[tuple[str, object, float, str]]) -> tuple[float | None, dict[str, float]]:
    """:func:`score_of` over ``(status, waiver, weight, group)`` rows."""
    total = 0.0
    weight = 0.0
    by_group: dict[str, list[float]] = {}
    for status, waived, w, group in rows:
        if status == "not_applicable" or waived is not None or w <= 0:
            continue
        value = STATUS_VALUE[status] * w
        total += value
        weight += w
        acc = by_group.setdefault(group, [0.0, 0.0])
        acc[0] += value
        acc[1] += w
    if weight <= 0:
        return None, {}
    groups = {g: round(100 * v / w, 1) for g, (v, w) in by_group.items() if w > 0}
    return round(100 * total / weight, 1), groups
