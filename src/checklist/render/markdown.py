"""Markdown: a table of requirements and a list of findings (for issue trackers, wikis)."""

from __future__ import annotations

from checklist.messages import t
from checklist.render.text import status_label
from checklist.rules.result import AuditResult


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render_markdown(result: AuditResult, lang: str = "zh") -> str:
    """The audit as Markdown."""
    d = result.document
    unknown = t("text.unknown", lang)
    out = [
        f"# {t('text.header', lang)}",
        "",
        f"- {t('text.document', lang)}：`{d.get('path')}`",
        f"- {t('text.issuer', lang)}：{d.get('issuer') or unknown}",
        f"- {t('text.year', lang)}：{d.get('year') or unknown}",
        f"- {t('text.standard', lang)}：{result.standard.id} {result.standard.version}",
        f"- **{t('text.score', lang)}：{result.score:.1f}**",
        "",
        f"| id | {t('text.requirements', lang)} | {t('text.score', lang)} | "
        f"{t('text.evidence', lang)} / {t('text.suggestion', lang)} |",
        "|---|---|---|---|",
    ]
    for r in result.requirements:
        detail = r.evidence[0].quote if r.status == "met" and r.evidence else (r.suggestion or "")
        out.append(f"| `{r.id}` | {_cell(r.title)} | {status_label(r, lang)} | {_cell(detail)[:120]} |")
    if result.findings:
        out += ["", f"## {t('text.findings', lang)}", ""]
        for f in result.findings:
            out.append(
                f"- **{f.code}**（{t(f'severity.{f.severity}', lang)}）：{_cell(f.message)}"
                + (f" — {_cell(f.suggestion)}" if f.suggestion else "")
            )
    return "\n".join(out) + "\n"
