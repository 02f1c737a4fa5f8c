"""The year-over-year comparison (:mod:`checklist.crossreport.yearly`) as plain text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checklist.messages import t

if TYPE_CHECKING:  # only a type here, so the analysis can re-export this renderer without a cycle
    from checklist.crossreport.yearly import Comparison


def render_text(c: Comparison, lang: str = "zh") -> str:
    """The comparison as a plain-text summary, in ``lang``."""
    unknown = t("text.unknown", lang)
    lines = [
        t("compare.title", lang, issuer=c.new.get("issuer") or c.old.get("issuer") or unknown),
        t("compare.years", lang, old=c.old.get("year") or unknown, new=c.new.get("year") or unknown),
        t("compare.score", lang, old=f"{c.old_score:.1f}", new=f"{c.new_score:.1f}", delta=f"{c.score_change:+.1f}"),
    ]
    lines += [f"{t('text.warnings', lang)}: {w}" for w in c.warnings]
    changed = c.changed
    lines += ["", t("compare.changed", lang, n=len(changed), same=len(c.requirements) - len(changed))]

    def status(s: str | None) -> str:
        return t(f"status.{s}", lang) if s else "—"

    lines += [f"  {r.id} {r.title}: {status(r.old)} → {status(r.new)}" for r in changed]
    lines += ["", t("compare.repeated", lang, n=len(c.repeated))]
    for r in c.repeated:
        lines.append(f"  - {t('compare.this_year', lang)}「{r.new.quote}」")
        lines.append(f"    {t('compare.last_year', lang)}「{r.old.quote}」")
    n = c.follow_up_counts
    lines += [
        "",
        t("compare.followup", lang, n=len(c.follow_up), done=n.followed, missing=n.not_followed, unclear=n.unclear),
    ]
    for f in c.follow_up:
        # 已落实 only with the sentence that did it; an unclear item shows its closest words
        # under another label, never as a follow-up
        lines.append(f"  [{t(f'compare.{f.outcome}', lang)}] 「{f.plan.quote}」")
        if f.outcome != "followed":
            lines.append(
                f"    （{t(f'compare.reason.{f.reason}', lang)}）"
                if lang == "zh"
                else f"    ({t(f'compare.reason.{f.reason}', lang)})"
            )
        if f.evidence is not None:
            label = t("compare.done_by" if f.outcome == "followed" else "compare.related", lang)
            lines.append(f"    → {label}「{f.evidence.quote}」")
    return "\n".join(lines) + "\n"
