"""``quality.no_figures``: too few figures where the year's work is reported.

A figure is a number, Arabic or Chinese, with a unit or %: ``420余件``, ``三次``,
``99%``. Years, dates and outline numbers are not figures. The density is figures per
1,000 characters of the measures and first-responsible parts (and the opening paragraph).
"""

from __future__ import annotations

from pydantic import Field

from checklist.rules.matchers.base import FIGURE, Context, Hit
from checklist.rules.quality.base import CheckParams, Issue, region_text
from checklist.structure.sections import FIRST_RESPONSIBLE, MEASURES, PREAMBLE

_WORK_PARTS = frozenset({MEASURES, FIRST_RESPONSIBLE, PREAMBLE})


class Params(CheckParams):
    """Parameters of the figure-density check."""

    per_1000: float = Field(default=1.0, ge=0)
    min_chars: int = Field(default=200, ge=0)


def check(ctx: Context, params: Params) -> list[Issue]:
    """An issue when the density of figures is below ``per_1000``."""
    text = region_text(ctx.doc, ctx.regions, _WORK_PARTS, ctx)
    chars = len(text)
    if chars < params.min_chars:
        return []
    # the density only grows with the count: the search stops at the figure that reaches
    # the threshold (in a report with figures, one of the first few), and a count is
    # needed in full only for the message of a report below it
    threshold = params.per_1000
    if threshold <= 0:
        return []  # no count is below it
    count = 0
    for _m in FIGURE.finditer(text):
        count += 1
        if 1000 * count / chars >= threshold:
            return []
    density = 1000 * count / chars
    parts = ctx.tables.top_sections(MEASURES)
    hits = tuple(Hit(s.start, s.heading_end) for s in parts[:1])
    return [
        Issue(
            "quality.no_figures",
            {"count": count, "chars": chars, "density": f"{density:.2f}", "threshold": f"{params.per_1000:g}"},
            hits,
        )
    ]
