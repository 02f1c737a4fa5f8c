"""A readable plain-text summary, in Chinese by default."""

from __future__ import annotations

from checklist.messages import t
from checklist.rules.result import AuditResult, RequirementResult

_MARK = {"met": "✔", "partial": "◐", "missing": "✘", "not_applicable": "–"}


def status_label(r: RequirementResult, lang: str) -> str:
    """The status word, with the waiver shown."""
    label = t(f"status.{r.status}", lang)
    return label + ("／" + t("status.waived", lang) if r.waived else "")


def render_text(result: AuditResult, lang: str = "zh") -> str:
    """Score, metadata, each requirement with its evidence or suggestion."""
    d = result.document
    unknown = t("text.unknown", lang)
    level = t(f"level.{d['level']}", lang) if d.get("level") else unknown
    lines = [
        f"== {t('text.header', lang)} ==",
        f"{t('text.document', lang)}：{d.get('path')}",
        f"{t('text.issuer', lang)}：{d.get('issuer') or unknown}    {t('text.level', lang)}：{level}    "
        f"{t('text.year', lang)}：{d.get('year') or unknown}",
        f"{t('text.date', lang)}：{d.get('date') or unknown}    "
        f"{t('text.published', lang)}：{d.get('published') or unknown}",
        f"{t('text.standard', lang)}：{result.standard.id} {result.standard.version}（{result.standard.reason or ''}）",
        f"{t('text.score', lang)}：{result.score:.1f} / 100",
        f"{t('text.groups', lang)}：" + "  ".join(f"{g} {v:.1f}" for g, v in result.groups.items()),
    ]
    if result.warnings:  # shown first: a warning may say the score means nothing
        lines.append(f"{t('text.warnings', lang)}：")
        lines.extend(f"  ! {w}" for w in result.warnings)
    lines += ["", f"-- {t('text.requirements', lang)} --"]
    for r in result.requirements:
        lines.append(f"{_MARK[r.status]} [{status_label(r, lang)}] {r.id}  {r.title}"
                     f"（{t(f'severity.{r.severity}', lang)}，{r.weight:g}）")
        if r.status not in ("met", "not_applicable") or r.waived:
            lines.append(f"    {r.message}")
        for e in r.evidence[:2]:
            where = f"〔{e.section}〕" if e.section else ""
            lines.append(f"    {t('text.evidence', lang)}{where}：{_clip(e.quote)}")
        if r.waived:
            lines.append("    " + t("waived", lang, reason=r.waived.reason, owner=r.waived.owner or "",
                                      expires=r.waived.expires or ""))
        elif r.suggestion:
            lines.append(f"    {t('text.suggestion', lang)}：{r.suggestion}")
    quality = [f for f in result.findings if f.category == "quality"]
    if quality:
        lines.append("")
        lines.append(f"-- {t('text.quality', lang)} --")
        for f in quality:
            where = f"〔{f.section}〕" if f.section else ""
            lines.append(f"  ! {f.code}（{t(f'severity.{f.severity}', lang)}）{where}")
            lines.append(f"    {f.message}")
            if f.quote:
                lines.append(f"    {t('text.evidence', lang)}：{_clip(f.quote)}")
            if f.suggestion:
                lines.append(f"    {t('text.suggestion', lang)}：{f.suggestion}")
    return "\n".join(lines) + "\n"


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
