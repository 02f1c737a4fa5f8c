"""The HTML audit report: one self-contained page per result, an overview page for several.

Rendered with jinja2 (autoescape on) from the partials in ``checklist/render/templates``:
``_summary`` (header, score, statutory parts), ``_scorebar``, ``_requirements`` (the
filterable table), ``_findings`` and ``_document`` (the report's text with every evidence
span highlighted). The items those repeat per requirement, quote and finding (a row with
its detail, a quote, a finding) and the document's highlighted text are written here
(see "fragments" below), each value escaped once: a page is fast enough for a batch. CSS and JavaScript are inlined
from files in the same folder, so a page fetches nothing: it works from ``file://``, as
an e-mail attachment and on paper. A Content-Security-Policy admits only the page's own
script (by its hash), so even a mistake in escaping could not run a report's text.

The document view needs the report's text, which a result holds only when it was audited
with ``keep_text=True`` (``checklist audit --format html`` does that; so does
``--keep-text`` for JSON meant for ``checklist render``). Without it the page says so.

Several results render as an overview page (one row per report, a cell per requirement)
linking to one page per report: :func:`html_files` names the files, the caller writes them.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import PurePath
from typing import Any
from urllib.parse import quote as url_quote

from markupsafe import Markup, escape

from checklist.errors import StandardError
from checklist.messages import t
from checklist.render.charts import GAP_STATUSES, charts, facts_from_result
from checklist.render.templating import asset, env, script_hash, translator
from checklist.rules.result import AuditResult, Finding, RemovedSpan, RequirementResult, Waiver

STATUSES = ("met", "partial", "missing", "not_applicable", "waived")
SEVERITIES = ("critical", "major", "minor", "info")
MARKS = {"met": "✔", "partial": "◐", "missing": "✘", "not_applicable": "–", "waived": "⊘"}
EVIDENCE_SHOWN = 3  # quotes shown per requirement before "show all"
CHUNK_CHARS = 3000  # document view: text blocks of about this size ...
LAZY_CHARS = 30000  # ... laid out only near the screen (content-visibility) in texts longer than this
CORE_GROUP = "core"  # the statutory parts (法定内容), shown as chips at a glance
INDEX_NAME = "index.html"
OVERVIEW_PAGE = 200  # rows of the overview laid out at first (and per "show more"): 2,000 at once take seconds


def _assets(css: Sequence[str], js: str) -> dict[str, Any]:
    return dict(_assets_of(tuple(css), js))


@functools.lru_cache(maxsize=8)
def _assets_of(css: tuple[str, ...], js: str) -> tuple[tuple[str, Any], ...]:
    """The inlined CSS, the script and its hash: made once per process (``asset`` reads
    each file once per process too, so a page never sees another version of them)."""
    script = asset(js)
    return (
        ("css", Markup("\n".join(asset(c) for c in css))),
        ("js", Markup(script)),
        ("script_hash", script_hash(script)),
    )


def _group_titles(result: AuditResult, lang: str) -> dict[str, str]:
    """Group titles from the shipped standard the result names (base first), else the catalogue."""
    from checklist.rules.standard import group_titles

    titles = {"quality": t("html.group_quality", lang)}
    for ref in (result.standard.extends, result.standard.id):
        if not ref:
            continue
        try:
            found = group_titles(ref)
        except StandardError:  # a broken shipped standard must not stop a page: group ids stand in
            continue
        titles.update({g: title.get(lang) for g, title in found.items()})
    return titles


# --- highlighting -------------------------------------------------------------------


def _esc(text: str) -> str:
    """Escaped for HTML text and attribute values, as markupsafe does (& < > " ')."""
    if len(text) < 40 and type(text) is str:  # short: five scans beat markupsafe's Markup round trip
        return (
            text.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace('"', "&#34;")
            .replace("'", "&#39;")
        )
    return str(escape(text))


# values from a small vocabulary (statuses, severities, their labels, group ids, weights)
_esc_word = functools.lru_cache(maxsize=1024)(_esc)
# texts a standard gives every report alike (requirements' titles, ids, suggestions and
# bases, finding codes) and section paths, which a page repeats: escaped once per process
_esc_text = functools.lru_cache(maxsize=4096)(_esc)


@functools.lru_cache(maxsize=512)
def _terms_regex(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    words = sorted({w for w in terms if w}, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words)) if words else None


def _term_spans(text: str, terms: Iterable[str], start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    rx = _terms_regex(tuple(terms))
    if rx is None:
        return []
    return [m.span() for m in rx.finditer(text, start, len(text) if end is None else end)]


def highlight(quote: str, terms: Iterable[str]) -> Markup:
    """``quote`` escaped, each matched term in ``<mark>``."""
    return _highlight_spans(quote, _term_spans(quote, terms))


def _highlight_spans(quote: str, spans: Iterable[tuple[int, int]]) -> Markup:
    """``quote`` escaped, each of ``spans`` (the matched terms) in ``<mark>``."""
    out: list[str] = []
    pos = 0
    for s, e in spans:
        out.append(_esc(quote[pos:s]))
        out.append(f'<mark class="term">{_esc(quote[s:e])}</mark>')
        pos = e
    out.append(_esc(quote[pos:]))
    return Markup("".join(out))


def _valid_span(text: str | None, start: int | None, end: int | None, quote: str) -> bool:
    return (
        text is not None
        and start is not None
        and end is not None
        and 0 <= start < end <= len(text)
        and text[start:end] == quote
    )


# --- document view ------------------------------------------------------------------


def _regions(text: str, removed: Sequence[RemovedSpan]) -> list[tuple[int, int, list[str]]]:
    """Removed clutter merged into blocks (spans apart only by blanks): (start, end, reasons)."""
    blocks: list[tuple[int, int, list[str]]] = []
    for r in sorted(removed, key=lambda r: r.start):
        start, end = max(0, r.start), min(len(text), r.end)
        if start >= end:
            continue
        if blocks and (blocks[-1][1] >= start or not text[blocks[-1][1] : start].strip()):
            s0, e0, reasons = blocks[-1]
            if r.reason not in reasons:
                reasons.append(r.reason)
            blocks[-1] = (s0, max(e0, end), reasons)
        else:
            blocks.append((start, end, [r.reason]))
    # the blank lines after a block go with it, so the text does not open on a gap
    out = []
    for start, end, reasons in blocks:
        while end < len(text) and text[end] in "\r\n \t\u3000":
            end += 1
        out.append((start, end, reasons))
    return out


def _chunk_bounds(text: str, start: int, end: int) -> list[int]:
    """Cut points between ``start`` and ``end`` at line ends, about every CHUNK_CHARS."""
    cuts = []
    pos = start
    while end - pos > CHUNK_CHARS * 1.5:
        nl = text.find("\n", pos + CHUNK_CHARS, end)
        if nl < 0:
            break
        cuts.append(nl + 1)
        pos = nl + 1
    return cuts


@dataclass(slots=True)
class _Region:
    """A stretch of the document view: report text, or removed clutter with its reasons."""

    start: int
    end: int
    kind: str  # "text" or "removed"
    reasons: list[str]


def _layout(text: str, removed: Sequence[RemovedSpan]) -> list[_Region]:
    """The text cut into chunks of about CHUNK_CHARS around the blocks of removed clutter."""
    n = len(text)
    regions: list[_Region] = []
    pos = 0
    for s, e, reasons in _regions(text, removed):
        if pos < s:
            cuts = [pos, *_chunk_bounds(text, pos, s), s]
            regions.extend(_Region(a, b, "text", []) for a, b in pairwise(cuts))
        regions.append(_Region(s, e, "removed", reasons))
        pos = e
    if pos < n or not regions:
        cuts = [pos, *_chunk_bounds(text, pos, n), n]
        regions.extend(_Region(a, b, "text", []) for a, b in pairwise(cuts) if a < b)
    return regions


class _Marker:
    """Walks the text's boundary points in order, keeping which spans and terms are open.

    Spans opened in one region stay open into the next, so the state lives across calls.
    """

    def __init__(
        self,
        n: int,
        spans: Sequence[tuple[int, int, str]],
        terms: Sequence[tuple[int, int]],
        regions: Sequence[_Region],
    ) -> None:
        self.n = n
        self.starts: dict[int, list[str]] = {}
        self.ends: dict[int, list[str]] = {}
        self.term_depth: dict[int, int] = {}
        points = {0, n}
        for s, e, ref in spans:
            self.starts.setdefault(s, []).append(ref)
            self.ends.setdefault(e, []).append(ref)
            points.update((s, e))
        for s, e in terms:
            self.term_depth[s] = self.term_depth.get(s, 0) + 1
            self.term_depth[e] = self.term_depth.get(e, 0) - 1
            points.update((s, e))
        for region in regions:
            points.update((region.start, region.end))
        self.ordered = sorted(p for p in points if 0 <= p <= n)
        self.active: dict[str, None] = {}  # insertion-ordered set
        self.kinds = dict.fromkeys("ef", 0)  # how many open refs are evidence (e…), how many findings (f…)
        self.depth = 0
        self.open_tag = ""  # the <mark> of the open spans, made when they change
        self.points_of_change = self.starts.keys() | self.ends.keys() | self.term_depth.keys()

    def html(self, text: str, start: int, end: int) -> Markup:
        """``text[start:end]`` escaped, each piece under the same open spans in one ``<mark>``."""
        out: list[str] = []
        ordered = self.ordered
        count = len(ordered)
        changes = self.points_of_change
        i = bisect_left(ordered, start)
        while i < count:
            a = ordered[i]
            if a >= end:
                break
            i += 1
            b = ordered[i] if i < count else self.n
            if a in changes:
                self._step(a, out)
            piece = _esc(text[a : b if b < end else end])
            out.append(f"{self.open_tag}{piece}</mark>" if self.open_tag else piece)
        return Markup("".join(out))

    def _step(self, point: int, out: list[str]) -> None:
        """Close and open the spans at ``point``, adding the anchors of those opened to ``out``."""
        active = self.active
        for ref in self.ends.get(point, ()):
            if ref in active:
                del active[ref]
                self.kinds[ref[0]] -= 1
        self.depth += self.term_depth.get(point, 0)
        for ref in self.starts.get(point, ()):
            if ref not in active:
                active[ref] = None
                self.kinds[ref[0]] = self.kinds.get(ref[0], 0) + 1
            out.append(f'<span class="anchor" id="t-{ref}"></span>')
        self.open_tag = self._open_tag()

    def _open_tag(self) -> str:
        """The ``<mark>`` the pieces under the open spans go in ("": none open)."""
        if not self.active:
            return ""
        refs = " ".join(self.active)
        cls = "hl"
        if self.kinds["e"]:
            cls += " ev"
        if self.kinds["f"]:
            cls += " qf"
        if self.depth > 0:
            cls += " t"
        return f'<mark class="{cls}" data-refs="{refs}">'


def document_blocks(
    text: str, spans: Sequence[tuple[int, int, str]], terms: Sequence[tuple[int, int]], removed: Sequence[RemovedSpan]
) -> list[dict[str, Any]]:
    """The report's text as blocks of HTML: text chunks and collapsed removed clutter.

    ``spans`` are (start, end, ref) with ref ``e…`` (evidence) or ``f…`` (a quality
    finding); overlapping spans are cut into pieces, each piece one ``<mark>`` naming all
    refs that cover it, so a click can offer every requirement the words support.
    ``terms`` are the matched words inside evidence, shown bold.
    """
    regions = _layout(text, removed)
    marker = _Marker(len(text), spans, terms, regions)
    blocks: list[dict[str, Any]] = []
    for region in regions:
        html = marker.html(text, region.start, region.end)
        if region.kind == "removed":
            lines = sum(1 for line in text[region.start : region.end].splitlines() if line.strip())
            blocks.append({"kind": region.kind, "html": html, "lines": lines, "reasons": "、".join(region.reasons)})
        else:
            blocks.append({"kind": region.kind, "html": html})
    return blocks


# --- view models --------------------------------------------------------------------


_SAFE_ID = re.compile(r"[A-Za-z0-9_.-]+")


def _anchor(rid: str, i: int) -> str:
    return "req-" + rid if _SAFE_ID.fullmatch(rid) else f"req-{i}"


def _status_key(r: RequirementResult) -> str:
    return "waived" if r.waived else r.status


def _score_class(score: float | None) -> str:
    if score is None:
        return "none"
    return "good" if score >= 85 else "fair" if score >= 70 else "poor"


class _Refs:
    """Evidence and finding spans of one page, numbered, with where each stands in the text."""

    def __init__(self, text: str | None) -> None:
        self.text = text
        self.spans: list[tuple[int, int, str]] = []
        self.terms: list[tuple[int, int]] = []
        self.by_span: dict[tuple[int, int], str] = {}

    def add(
        self,
        prefix: str,
        ev_start: int | None,
        ev_end: int | None,
        quote: str,
        terms: Sequence[tuple[int, int]] = (),
    ) -> str | None:
        """The quote's ref when it stands at ``ev_start`` in the text; ``terms`` are the
        matched words as spans of the quote (shown bold in the text)."""
        if not _valid_span(self.text, ev_start, ev_end, quote):
            return None
        assert self.text is not None and ev_start is not None and ev_end is not None
        ref = f"{prefix}{len(self.spans)}"
        self.spans.append((ev_start, ev_end, ref))
        self.by_span.setdefault((ev_start, ev_end), ref)
        self.terms.extend((ev_start + s, ev_start + e) for s, e in terms)
        return ref


@dataclass(slots=True)
class EvidenceView:
    """A quote as shown: highlighted HTML, section, its ref in the text (None: not in it)."""

    html: Markup
    section: str
    ref: str | None
    owner: str  # the id of the requirement row or finding it belongs to


@dataclass(slots=True)
class RowView:
    """One requirement's row and its detail."""

    r: RequirementResult
    anchor: str
    status_key: str  # the status, or "waived"
    mark: str
    label: str
    severity: str
    weight: str
    evidence: list[EvidenceView]
    first_ref: str | None
    gap: bool
    message: str | None  # shown when it says more than the status and the title


@dataclass(slots=True)
class GroupView:
    """A group of requirements with its sub-score."""

    id: str
    title: str
    score: float | None
    score_class: str
    rows: list[RowView] = field(default_factory=list)
    rows_html: Markup = field(default_factory=Markup)  # its rows, one a line (indented as in the table)


@dataclass(slots=True)
class FindingView:
    """A finding as shown, linked to its requirement and to the text."""

    f: Finding
    anchor: str
    requirement: str | None
    severity: str
    ref: str | None
    related: list[EvidenceView]
    html: Markup = field(default_factory=Markup)  # the finding's list item: :func:`_finding_html`


def _severity(severity: str, lang: str) -> str:
    return t(f"severity.{severity}", lang) if severity in SEVERITIES else severity


def _requirements_view(result: AuditResult, refs: _Refs, lang: str) -> list[GroupView]:
    groups: dict[str, GroupView] = {}
    titles = _group_titles(result, lang)
    waived = "／" + t("status.waived", lang)
    labels: dict[tuple[str, bool], str] = {}  # (status, waived) -> the status's words
    severities: dict[str, str] = {}
    for i, r in enumerate(result.requirements):
        anchor = _anchor(r.id, i)
        g = groups.get(r.group)
        if g is None:
            score = result.groups.get(r.group)
            g = groups[r.group] = GroupView(r.group, titles.get(r.group, r.group), score, _score_class(score))
        status = _status_key(r)
        evidence = []
        for e in r.evidence:
            if e.quote:
                terms = _term_spans(e.quote, e.terms) if e.terms else []
                ref = refs.add("e", e.start, e.end, e.quote, terms)
                evidence.append(EvidenceView(_highlight_spans(e.quote, terms), e.section, ref, anchor))
        plain = t(f"msg.{r.status}", result.lang, title=r.title) if r.status != "not_applicable" else None
        label = labels.get((r.status, bool(r.waived)))
        if label is None:
            label = labels[r.status, bool(r.waived)] = t(f"status.{r.status}", lang) + (waived if r.waived else "")
        severity = severities.get(r.severity)
        if severity is None:
            severity = severities[r.severity] = _severity(r.severity, lang)
        g.rows.append(
            RowView(
                r=r,
                anchor=anchor,
                status_key=status,
                mark=MARKS[status],
                label=label,
                severity=severity,
                weight=f"{r.weight:g}",
                evidence=evidence,
                first_ref=next((e.ref for e in evidence if e.ref), None),
                gap=r.status in ("missing", "partial"),
                message=None if r.message == plain else r.message,
            )
        )
    return list(groups.values())


def _findings_view(result: AuditResult, refs: _Refs, anchors: dict[str, str], lang: str) -> list[FindingView]:
    out = []
    for k, f in enumerate(result.findings):
        own = f"finding-{k}"
        related = []
        if f.category == "coverage":  # its quote is its requirement's first evidence: link to that
            ref = refs.by_span.get((f.start, f.end)) if f.start is not None and f.end is not None else None
        else:
            ref = refs.add("f", f.start, f.end, f.quote or "")
            related = [
                EvidenceView(escape(e.quote), e.section, refs.add("f", e.start, e.end, e.quote), own) for e in f.related
            ]
        out.append(FindingView(f, own, anchors.get(f.code), _severity(f.severity, lang), ref, related))
    return out


def _meta_rows(result: AuditResult, lang: str) -> list[tuple[str, str]]:
    d = result.document
    unknown = t("text.unknown", lang)
    level = t(f"level.{d['level']}", lang) if d.get("level") else unknown
    std = result.standard
    rows = [
        (t("text.issuer", lang), d.get("issuer") or unknown),
        (t("text.level", lang), level),
        (t("text.year", lang), str(d.get("year") or unknown)),
        (t("text.date", lang), d.get("date") or unknown),
        (t("text.published", lang), d.get("published") or unknown),
        (t("html.addressee", lang), d.get("addressee") or unknown),
        (t("text.standard", lang), t("html.standard_value", lang, title=std.title, id=std.id, version=std.version)),
        (t("html.profile", lang), std.reason or "—"),
        (t("text.document", lang), str(d.get("path") or "—")),
        (t("html.tool", lang), f"{result.tool.name} {result.tool.version}"),
    ]
    return rows


# --- fragments -----------------------------------------------------------------------
# A requirement's row, its detail and its quotes are written here, not in a template: a
# page has some 1,500 such values, and jinja2 escaping each one where it is printed (and
# calling a macro per row and per quote) took more than half of a page's time. Every
# value from the result or the messages goes through ``_esc`` exactly once (``_esc_word``
# for a small vocabulary); refs (``e12``) and anchors (``req-…``, ``finding-3``) are
# made of [A-Za-z0-9_.-] by this module and go in as they are. The page around them
# (``_requirements.html.j2`` and the other partials) stays a template.


class _Words:
    """The page's fixed words used in every row, escaped once per page."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.unscored = _esc(t("html.unscored", lang))
        self.locate = _esc(t("html.locate", lang))
        self.locate_title = _esc(t("html.locate_title", lang))
        self.waived = _esc(t("status.waived", lang))
        self.suggestion = _esc(t("text.suggestion", lang))
        self.basis = _esc(t("html.basis", lang))


def _evidence_html(ev: EvidenceView, w: _Words) -> str:
    """One quote: matched terms highlighted, its section path, a link to it in the text."""
    ref = ev.ref
    ids = f' data-ref="{ref}" id="q-{ref}"' if ref else ""
    return (
        f'<li class="evidence"{ids} data-owner="{ev.owner}">\n'
        f"  <blockquote>{ev.html}</blockquote>\n"
        f"  {_where_html(ev.section, ref, w)}\n"
        "</li>\n"
    )


def _waiver_html(waiver: Waiver, w: _Words) -> str:
    def until() -> str:
        return _esc(t("html.until", w.lang, date=waiver.expires))

    if waiver.owner:
        who = f"（{_esc(waiver.owner)}" + (f"，{until()}" if waiver.expires else "") + "）"
    elif waiver.expires:
        who = f"（{until()}）"
    else:
        who = ""
    return f'  <p class="waiver"><b>{w.waived}</b>：{_esc(waiver.reason)}{who}</p>\n'


def _detail_html(row: RowView, w: _Words) -> str:
    """The expanded part of a requirement's row: evidence, suggestion, basis, waiver."""
    r = row.r
    out = ['<div class="detail-body">\n']
    if row.message:
        out.append(f'<p class="message">{_esc(row.message)}</p>')
    if r.waived:
        out.append(_waiver_html(r.waived, w))
    if row.evidence:
        n = len(row.evidence)
        out.append(f'  <h3>{_esc(t("html.evidence_n", w.lang, n=n))}</h3>\n  <ul class="evidence-list">\n')
        for i, ev in enumerate(row.evidence):
            if i == EVIDENCE_SHOWN:  # the rest folded under "show all"
                out.append('</ul><ul class="evidence-list more collapsed" data-more>')
            out.append(f"    {_evidence_html(ev, w)}\n")
        out.append("  </ul>\n")
        if n > EVIDENCE_SHOWN:
            show_all = _esc(t("html.show_all", w.lang, n=n))
            out.append(f'  <button type="button" class="link-btn show-all" data-show-all>{show_all}</button>\n')
    if row.gap and r.suggestion:
        out.append(f'  <div class="suggestion"><h3>{w.suggestion}</h3><p>{_esc_text(r.suggestion)}</p></div>\n')
    if r.basis:
        out.append(_basis_html(tuple(r.basis), w.basis))
    out.append("</div>\n")
    return "".join(out)


@functools.lru_cache(maxsize=1024)
def _basis_html(basis: tuple[str, ...], label: str) -> str:
    """A requirement's basis (the same on every page of its standard)."""
    items = "".join(f"<li>{_esc(b)}</li>" for b in basis)
    return f'  <div class="basis"><h3>{label}</h3><ul>{items}</ul></div>\n'


def _where_html(section: str | None, ref: str | None, w: _Words) -> str:
    """A quote's section path and its link to the text."""
    where = f'<span class="section-path">{_esc_text(section)}</span>' if section else ""
    if ref:
        where += f'<a class="locate" href="#t-{ref}" data-ref="{ref}">{w.locate} ↘</a>'
    return f'<div class="where">{where}</div>'


def _finding_html(item: FindingView, w: _Words) -> Markup:
    """A finding: severity, code (linked to its requirement), message, quotes, suggestion."""
    f = item.f
    own = item.anchor
    severity = _esc_word(f.severity)
    code = _esc_text(f.code)
    if item.requirement:
        target = item.requirement
        code_html = f'<a class="code" href="#{target}" data-goto="{target}">{code}</a>'
    else:
        code_html = f'<code class="code">{code}</code>'
    out = [
        f'<li class="finding sev-border-{severity} cat-{_esc_word(f.category)}" id="{own}">\n'
        '  <div class="finding-head">\n'
        f'    <span class="sev sev-{severity}">{_esc_word(item.severity)}</span>\n'
        f"{code_html}  </div>\n"
        f'  <p class="message">{_esc(f.message)}</p>\n'
    ]
    quotes: list[tuple[str, str, str | None, str | None]] = []
    if f.quote:
        quotes.append(("", _esc(f.quote), item.ref, f.section))
    quotes.extend((' class="related"', str(rel.html), rel.ref, rel.section) for rel in item.related)
    for cls, quote, ref, section in quotes:
        ids = f' data-ref="{ref}" id="q-{ref}"' if ref else ""
        out.append(f'  <blockquote{cls}{ids} data-owner="{own}">{quote}</blockquote>\n')
        out.append(f"  {_where_html(section, ref, w)}\n")
    if f.suggestion:
        out.append(f'<p class="suggestion-inline"><b>{w.suggestion}：</b>{_esc_text(f.suggestion)}</p>')
    out.append("</li>\n")
    return Markup("".join(out))


def _row_html(row: RowView, group: str, w: _Words) -> str:
    """A requirement's row of the table (status, title, severity, weight, link to its
    first quote) and the collapsed row of its detail, as in ``_requirements.html.j2``."""
    r = row.r
    anchor = row.anchor
    status_key = _esc_word(row.status_key)
    severity = _esc_word(r.severity)
    mark = _esc_word(row.mark)
    if r.weight == 0:
        chip = f'<span class="chip st-{status_key} unscored" title="{w.unscored}">'
    else:
        chip = f'<span class="chip st-{status_key}">'
    if row.first_ref:
        ref = row.first_ref
        ev_cell = f'<a class="locate" href="#t-{ref}" data-ref="{ref}" title="{w.locate_title}">{w.locate} ↘</a>'
    elif row.evidence:
        ev_cell = f'<span class="muted">{_esc(t("html.n_quotes", w.lang, n=len(row.evidence)))}</span>'
    else:
        ev_cell = '<span class="muted">—</span>'
    return (
        f'<tr class="req st-row-{status_key}" id="{anchor}" data-status="{_esc_word(r.status)}"'
        f' data-waived="{"yes" if r.waived else "no"}" data-severity="{severity}" data-group="{_esc_word(group)}"'
        f' data-detail="{anchor}-detail">\n'
        f'        <td>{chip}<span class="mk" aria-hidden="true">{mark}</span>{_esc_word(row.label)}</span></td>\n'
        f'        <td class="title"><button type="button" class="toggle" aria-expanded="false"'
        f' aria-controls="{anchor}-detail"><span class="caret" aria-hidden="true"></span>{_esc_text(r.title)}</button>'
        f'<code class="rid">{_esc_text(r.id)}</code></td>\n'
        f'        <td><span class="sev sev-{severity}">{_esc_word(row.severity)}</span></td>\n'
        f'        <td class="num">{_esc_word(row.weight)}</td>\n'
        f'        <td class="ev-cell">{ev_cell}</td>\n'
        "      </tr>\n"
        f'      <tr class="detail collapsed" id="{anchor}-detail" data-for="{anchor}">\n'
        f'        <td colspan="5">{_detail_html(row, w)}</td>\n'
        "      </tr>"
    )


def render_report(result: AuditResult, lang: str | None = None, *, index_href: str | None = None) -> str:
    """One self-contained HTML page for one audit result.

    ``lang`` is the language of the page's own words (default: the result's); the
    verdicts' messages stay in the language they were audited in. ``index_href`` links
    back to an overview page.
    """
    lang = lang or result.lang
    refs = _Refs(result.text)
    groups = _requirements_view(result, refs, lang)
    words = _Words(lang)
    for g in groups:
        g.rows_html = Markup("\n      ".join(_row_html(row, g.id, words) for row in g.rows))
    rows = [row for g in groups for row in g.rows]
    anchors = {row.r.id: row.anchor for row in rows}
    findings = _findings_view(result, refs, anchors, lang)
    for item in findings:
        item.html = _finding_html(item, words)
    doc = None
    if result.text is not None:
        doc = {
            "blocks": document_blocks(result.text, refs.spans, refs.terms, result.removed),
            "chars": len(result.text),
            "lazy": len(result.text) > LAZY_CHARS,
        }
    d = result.document
    heading = d.get("title") or d.get("issuer") or str(d.get("path") or t("html.title", lang))
    counts = [(s, MARKS[s], t(f"status.{s}", lang), result.counts.get(s, 0)) for s in STATUSES]
    environment = env()
    return environment.get_template("report.html.j2").render(
        t=translator(lang),
        lang=lang,
        html_lang="zh-CN" if lang == "zh" else lang,
        result=result,
        heading=heading,
        meta=_meta_rows(result, lang),
        groups=groups,
        rows=rows,
        core=[row for row in rows if row.r.group == CORE_GROUP],
        counts=counts,
        score_class=_score_class(result.score),
        findings=findings,
        doc=doc,
        quality=[f for f in findings if f.f.category == "quality"],
        coverage=[f for f in findings if f.f.category == "coverage"],
        severities=[
            (s, t(f"severity.{s}", lang)) for s in SEVERITIES if any(r.severity == s for r in result.requirements)
        ],
        statuses=[(s, t(f"status.{s}", lang), result.counts.get(s, 0)) for s in STATUSES],
        evidence_shown=EVIDENCE_SHOWN,
        index_href=index_href,
        **_assets(["base.css", "report.css"], "report.js"),
    )


def page_names(results: Sequence[AuditResult], reserved: Iterable[str] = (INDEX_NAME,)) -> list[str]:
    """A file name per result, from the report's file name, unique among them."""
    taken = set(reserved)
    names = []
    for i, r in enumerate(results):
        path = r.document.get("path")
        stem = PurePath(str(path)).stem if path else ""
        stem = re.sub(r"[^\w.-]+", "-", stem).strip(".-")[:80] or f"report-{i + 1}"
        name = f"{stem}.html"
        n = 2
        while name in taken:
            name = f"{stem}-{n}.html"
            n += 1
        taken.add(name)
        names.append(name)
    return names


@dataclass(slots=True)
class Column:
    """A requirement of the overview: one cell per report."""

    id: str
    title: str
    group: str


@dataclass(slots=True)
class ColumnGroup:
    """Columns under one group heading."""

    id: str
    title: str
    columns: list[Column] = field(default_factory=list)


@dataclass(slots=True)
class Cell:
    """One report's status on one requirement."""

    status: str  # css classes: the status (or "waived", "absent"), "unscored" for weight 0
    mark: str
    title: str


@dataclass(slots=True)
class OverviewRow:
    """One report of the overview."""

    n: int
    r: AuditResult
    link: str | None
    issuer: str
    path: str
    level: str
    level_label: str
    year: int | None
    score_class: str
    cells: list[Cell]
    copied: float | None = None  # share of the report's sentences copied from other issuers
    standard: str = ""  # the id of the standard the report was audited under
    standard_title: str = ""  # its version and why it was chosen (a tooltip)
    gaps: str = ""  # the ids of its requirements missing or partial (not waived), for the chart's filter


def _cell(q: RequirementResult | None, column: Column, lang: str) -> Cell:
    if q is None:
        return Cell("absent", "", f"{column.title}：—")
    key = _status_key(q)
    label = t(f"status.{q.status}", lang) + ("／" + t("status.waived", lang) if q.waived else "")
    if q.weight == 0:
        return Cell(key + " unscored", MARKS[key], f"{column.title}：{label} · {t('html.unscored', lang)}")
    return Cell(key, MARKS[key], f"{column.title}：{label}")


def render_overview(
    results: Sequence[AuditResult],
    links: Sequence[str | None] | None = None,
    lang: str = "zh",
    copied: Sequence[float | None] | None = None,
    *,
    pass_line: float | None = None,
) -> str:
    """One page for several results: charts of the batch (:mod:`checklist.render.charts`),
    then a row per report, best score first, a coloured cell per requirement (headed by
    its whole title), and the standard each report was audited under.

    ``links`` are the report pages (relative URLs, one per result, or ``None``);
    ``copied`` the share of each report's sentences copied from other issuers (a batch);
    ``pass_line`` the passing score (``--min-score``), drawn on the score histogram.
    """
    links = list(links) if links is not None else [None] * len(results)
    shares = list(copied) if copied is not None else [None] * len(results)
    # best score first, ties by issuer and path: the order a reviewer reads a ranking in
    ranked = sorted(
        zip(results, links, shares, strict=True),
        key=lambda e: (-e[0].score, str(e[0].document.get("issuer") or ""), str(e[0].document.get("path"))),
    )
    groups = _column_groups([r for r, _, _ in ranked], lang)
    ordered = [c for g in groups for c in g.columns]
    rows = [_overview_row(i + 1, r, link, share, ordered, lang) for i, (r, link, share) in enumerate(ranked)]
    levels = sorted({row.level for row in rows if row.level})
    years = sorted({row.year for row in rows if row.year})
    standards = sorted({row.standard for row in rows})
    scores = [r.score for r in results]
    return (
        env()
        .get_template("overview.html.j2")
        .render(
            t=translator(lang),
            lang=lang,
            html_lang="zh-CN" if lang == "zh" else lang,
            rows=rows,
            groups=groups,
            columns=ordered,
            show_copied=copied is not None,
            levels=[(lv, t(f"level.{lv}", lang)) for lv in levels],
            years=years,
            standards=standards,
            mean=sum(scores) / len(scores) if scores else None,
            charts=charts([facts_from_result(r) for r in results], pass_line),
            page_size=OVERVIEW_PAGE,
            statuses=[(s, MARKS[s], t(f"status.{s}", lang)) for s in STATUSES],
            tool=results[0].tool if results else None,
            **_assets(["base.css", "overview.css"], "overview.js"),
        )
    )


def _column_groups(results: Sequence[AuditResult], lang: str) -> list[ColumnGroup]:
    """Every requirement of the results, once, under its group (groups kept whole)."""
    titles: dict[str, str] = {}
    groups: dict[str, ColumnGroup] = {}
    seen: set[str] = set()
    for r in results:
        for g, title in _group_titles(r, lang).items():
            titles.setdefault(g, title)
        for q in r.requirements:
            if q.id in seen:
                continue
            seen.add(q.id)
            group = groups.get(q.group)
            if group is None:  # requirements may interleave groups across standards: keep groups whole
                group = groups[q.group] = ColumnGroup(q.group, titles.get(q.group, q.group))
            group.columns.append(Column(q.id, q.title, q.group))
    return list(groups.values())


def _overview_row(
    n: int, r: AuditResult, link: str | None, copied: float | None, columns: Sequence[Column], lang: str
) -> OverviewRow:
    by_id = {q.id: q for q in r.requirements}
    d = r.document
    level = d.get("level") or ""
    std = r.standard
    return OverviewRow(
        n=n,
        r=r,
        link=url_quote(link) if link else None,
        issuer=d.get("issuer") or str(d.get("path") or "—"),
        path=str(d.get("path") or ""),
        level=level,
        level_label=t(f"level.{level}", lang) if level else "—",
        year=d.get("year"),
        score_class=_score_class(r.score),
        cells=[_cell(by_id.get(c.id), c, lang) for c in columns],
        copied=copied,
        standard=std.id,
        standard_title=f"{std.id} {std.version}" + (t("text.colon", lang) + std.reason if std.reason else ""),
        gaps=" ".join(q.id for q in r.requirements if q.status in GAP_STATUSES and not q.waived),
    )


def html_files(results: Sequence[AuditResult], lang: str | None = None, index_name: str = INDEX_NAME) -> dict[str, str]:
    """File name → page: the overview ``index_name`` and one page per result, linked."""
    names = page_names(results, reserved=(index_name,))
    files = {
        name: render_report(r, lang, index_href=url_quote(index_name)) for name, r in zip(names, results, strict=True)
    }
    files[index_name] = render_overview(results, names, lang or (results[0].lang if results else "zh"))
    return files


def render_html(results: Sequence[AuditResult], lang: str = "zh") -> str:
    """The ``html`` renderer: the report page for one result, the overview for several."""
    if len(results) == 1:
        return render_report(results[0], lang)
    return render_overview(results, None, lang)
