"""The year-over-year comparison (:mod:`checklist.crossreport.yearly`) as plain text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checklist.messages import t

if TYPE_CHECKING:  # only a type here, so the analysis can re-export this renderer without a cycle
    from checklist.crossreport.yearly import Comparison


def render_text(c: Comparison, lang: str = "zh") -> str:
    """The comparison as a plain-text summary, in ``lang``."""
    unknown = t("text.unknown", lang)
    lines = [t("compare.title", lang, issuer=c.new.get("issuer") or c.old.get("issuer") or unknown),
             t("compare.years", lang, old=c.old.get("year") or unknown, new=c.new.get("year") or unknown),
             t("compare.score", lang, old=f"{c.old_score:.1f}", new=f"{c.new_score:.1f}",
               delta=f"{c.score_change:+.1f}")]
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
    done = sum(1 for f in c.follow_up if f.followed)
    lines += ["", t("compare.followup", lang, done=done, n=len(c.follow_up))]
    for f in c.follow_up:
        mark = t("compare.followed" if f.followed else "compare.not_followed", lang)
        lines.append(f"  [{mark}] 「{f.plan.quote}」")
        if f.evidence is not None:
            lines.append(f"    → 「{f.evidence.quote}」")
    return "\n".join(lines) + "\n"
