"""Plain text, in Chinese by default: the audit summary (``checklist audit``), the
self-check (``checklist check``: the verdict first, then what to fix) and the ranking
table (``--format table``). Punctuation follows the language (``建议：`` / ``Suggestion:``).
"""

from __future__ import annotations

from collections.abc import Sequence

from checklist.errors import StandardError
from checklist.messages import t
from checklist.rules.result import AuditResult, RequirementResult
from checklist.rules.standard import SEVERITY_ORDER

_MARK = {"met": "✔", "partial": "◐", "missing": "✘", "not_applicable": "–", "waived": "⊘"}


def status_label(r: RequirementResult, lang: str) -> str:
    """The status word, with the waiver shown."""
    label = t(f"status.{r.status}", lang)
    return label + ("／" + t("status.waived", lang) if r.waived else "")


def group_titles(result: AuditResult, lang: str) -> dict[str, str]:
    """Group id → title (格式要素, 法定内容 …) from the shipped standard the result names
    (base first); a group of a user's own standard keeps its id."""
    from checklist.rules.standard import group_titles as shipped_titles

    titles: dict[str, str] = {}
    for ref in (result.standard.extends, result.standard.id):
        if not ref:
            continue
        try:
            found = shipped_titles(ref)
        except StandardError:  # a broken shipped standard must not stop the text: ids stand in
            continue
        titles.update({g: title.get(lang) for g, title in found.items()})
    return titles


def _label(key: str, lang: str) -> str:
    """``key``'s word followed by the language's colon (``建议：``, ``Suggestion: ``)."""
    return t(key, lang) + t("text.colon", lang)


def _group_scores(result: AuditResult, lang: str) -> str:
    titles = group_titles(result, lang)
    return t("cli.list_sep", lang).join(f"{titles.get(g, g)} {v:.1f}" for g, v in result.groups.items())


def _head(result: AuditResult, lang: str) -> list[str]:
    """The document, its metadata and the standard, one field a line or two."""
    d = result.document
    unknown = t("text.unknown", lang)
    level = t(f"level.{d['level']}", lang) if d.get("level") else unknown
    return [
        f"{_label('text.document', lang)}{d.get('path')}",
        f"{_label('text.issuer', lang)}{d.get('issuer') or unknown}    {_label('text.level', lang)}{level}    "
        f"{_label('text.year', lang)}{d.get('year') or unknown}",
        f"{_label('text.date', lang)}{d.get('date') or unknown}    "
        f"{_label('text.published', lang)}{d.get('published') or unknown}",
        f"{_label('text.standard', lang)}{result.standard.id} {result.standard.version}"
        + t("text.paren", lang, text=result.standard.reason or ""),
    ]


def render_text(result: AuditResult, lang: str = "zh") -> str:
    """Score, metadata, each requirement with its evidence or suggestion."""
    lines = [
        f"== {t('text.header', lang)} ==",
        *_head(result, lang),
        f"{_label('text.score', lang)}{result.score:.1f} / 100",
        f"{_label('text.groups', lang)}{_group_scores(result, lang)}",
    ]
    if result.warnings:  # shown first: a warning may say the score means nothing
        lines.append(_label("text.warnings", lang).rstrip())
        lines.extend(f"  ! {w}" for w in result.warnings)
    lines += ["", f"-- {t('text.requirements', lang)} --"]
    for r in result.requirements:
        lines.append(
            f"{_MARK[r.status]} [{status_label(r, lang)}] {r.id}  {r.title}"
            + t("text.paren", lang, text=f"{t(f'severity.{r.severity}', lang)}{t('cli.list_sep', lang)}{r.weight:g}")
        )
        if r.status not in ("met", "not_applicable") or r.waived:
            lines.append(f"    {r.message}")
        lines.extend(_evidence(r, lang))
        lines.extend(_advice(r, lang))
    lines.extend(_quality(result, lang))
    return "\n".join(lines) + "\n"


def _evidence(r: RequirementResult, lang: str, shown: int = 2) -> list[str]:
    out = []
    for e in r.evidence[:shown]:
        where = f"〔{e.section}〕" if e.section else ""
        out.append(f"    {t('text.evidence', lang)}{where}{t('text.colon', lang)}{_clip(e.quote)}")
    return out


def _advice(r: RequirementResult, lang: str) -> list[str]:
    """The waiver, or else the suggestion, indented under the requirement."""
    if r.waived:
        return [
            "    "
            + t("waived", lang, reason=r.waived.reason, owner=r.waived.owner or "", expires=r.waived.expires or "")
        ]
    return [f"    {_label('text.suggestion', lang)}{r.suggestion}"] if r.suggestion else []


def _quality(result: AuditResult, lang: str) -> list[str]:
    quality = [f for f in result.findings if f.category == "quality"]
    if not quality:
        return []
    lines = ["", f"-- {t('text.quality', lang)} --"]
    for f in quality:
        where = f"〔{f.section}〕" if f.section else ""
        lines.append(f"  ! {f.code}" + t("text.paren", lang, text=t(f"severity.{f.severity}", lang)) + where)
        lines.append(f"    {f.message}")
        if f.quote:
            lines.append(f"    {_label('text.evidence', lang)}{_clip(f.quote)}")
        if f.suggestion:
            lines.append(f"    {_label('text.suggestion', lang)}{f.suggestion}")
    return lines


# --- the self-check -------------------------------------------------------------------


def render_check(
    result: AuditResult, reasons: Sequence[str], failing: Sequence[str], lang: str = "zh", *, verbose: bool = False
) -> str:
    """The self-check for an author: the verdict and why, then each requirement that fails
    the policy (``failing``: their ids) by title with its suggestion, the other missing and
    partial ones, the waived ones, quality notes; the met and not applicable ones as a
    count (listed with ``verbose``)."""
    verdict = t("text.check_fail" if reasons else "text.check_pass", lang)
    if reasons:
        verdict += t("cli.check_reasons", lang, reasons=t("cli.reason_sep", lang).join(reasons))
    lines = [
        f"== {verdict} ==",
        *_head(result, lang),
        t("check.score", lang, score=f"{result.score:.1f}", groups=_group_scores(result, lang)),
    ]
    if result.warnings:
        lines.append(_label("text.warnings", lang).rstrip())
        lines.extend(f"  ! {w}" for w in result.warnings)
    must = set(failing)
    # the most severe first, then in the standard's order
    open_ = sorted(
        (r for r in result.requirements if r.status in ("missing", "partial") and not r.waived),
        key=lambda r: -SEVERITY_ORDER.get(r.severity, 0),
    )
    sections = [
        ("check.must_fix", [r for r in open_ if r.id in must]),
        (
            "check.other_missing" if must else "check.missing",
            [r for r in open_ if r.id not in must and r.status == "missing"],
        ),
        (
            "check.other_partial" if must else "check.partial",
            [r for r in open_ if r.id not in must and r.status == "partial"],
        ),
        ("check.waived", [r for r in result.requirements if r.waived]),
    ]
    if verbose:
        sections += [
            ("check.met", [r for r in result.requirements if r.status == "met" and not r.waived]),
            ("check.not_applicable", [r for r in result.requirements if r.status == "not_applicable" and not r.waived]),
        ]
    for key, items in sections:
        if items:
            lines += ["", f"-- {t(key, lang, n=len(items))} --"]
            for r in items:
                lines.extend(_check_item(r, lang, verbose))
    lines.extend(_quality(result, lang))
    if not verbose:
        met = sum(1 for r in result.requirements if r.status == "met" and not r.waived)
        na = sum(1 for r in result.requirements if r.status == "not_applicable" and not r.waived)
        lines += ["", t("check.folded", lang, met=met, na=na)]
    return "\n".join(lines) + "\n"


def _check_item(r: RequirementResult, lang: str, verbose: bool) -> list[str]:
    """One requirement of the self-check: title, status and severity, what to do."""
    key = "waived" if r.waived else r.status
    lines = [
        t(
            "check.item",
            lang,
            mark=_MARK[key],
            title=r.title,
            status=status_label(r, lang),
            severity=t(f"severity.{r.severity}", lang),
            id=r.id,
        )
    ]
    if r.status == "partial" or (verbose and r.status == "not_applicable"):
        lines.append(f"    {r.message}")
    if verbose or r.status == "partial":
        lines.extend(_evidence(r, lang))
    if r.status != "met" or r.waived:
        lines.extend(_advice(r, lang))
    return lines


# --- the ranking table ----------------------------------------------------------------


def render_table(results: Sequence[AuditResult], lang: str = "zh") -> str:
    """One line per report (tab-separated), best score first, ties by path: a ranking for
    reviewers, headed and worded in ``lang``."""
    rows = sorted(results, key=lambda r: (-r.score, str(r.document.get("path"))))
    keys = ("rank", "score", "met", "partial", "missing", "standard", "year", "level", "issuer", "path")
    out = ["\t".join(t(f"batch.col.{k}", lang) for k in keys)]
    rank, last = 0, None
    for n, r in enumerate(rows, 1):
        if r.score != last:
            rank, last = n, r.score
        d = r.document
        level = t(f"level.{d['level']}", lang) if d.get("level") else "—"
        out.append(
            "\t".join(
                [
                    str(rank),
                    f"{r.score:5.1f}",
                    str(r.counts["met"]),
                    str(r.counts["partial"]),
                    str(r.counts["missing"]),
                    r.standard.id,
                    str(d.get("year") or "—"),
                    level,
                    d.get("issuer") or "—",
                    str(d.get("path")),
                ]
            )
        )
    return "\n".join(out) + "\n"


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
