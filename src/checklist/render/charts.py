"""The numbers behind a batch's charts, computed in one place.

The overview page draws them (inline SVG, ``_charts.html.j2``), ``summary.xlsx`` lists the
requirement counts on a sheet, and the draft notice (``summary.docx``) quotes them, so
each reads the same :class:`Charts`. The input is one :class:`ReportFacts` per report,
made from an audit result (:func:`facts_from_result`) or from anything that carries the
same few fields (a batch's summary row).

A gap is a requirement whose verdict is missing or partial and that is not waived (the
``gaps`` of a summary row); a waived requirement counts as ``other`` with the not
applicable ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checklist.rules.result import AuditResult

DEADLINE = "format.deadline"
GAP_STATUSES = ("missing", "partial")
BIN_WIDTH = 10  # score histogram: 0–10, 10–20 … 90–100 (100 falls in the last bin)


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """What the charts need of one report: who, which level and year, the score, and the
    status of each requirement (``waived`` for a waived one) with its title."""

    issuer: str
    level: str
    year: int | None
    date: str
    score: float
    statuses: Mapping[str, str]
    titles: Mapping[str, str]
    path: str = ""

    @property
    def gaps(self) -> list[str]:
        """The ids of the requirements this report has a gap on."""
        return [rid for rid, s in self.statuses.items() if s in GAP_STATUSES]


@dataclass(frozen=True, slots=True)
class RequirementCount:
    """How many reports have one requirement missing, partial, met, or other (not
    applicable or waived), and which reports have the gap (issuers, in input order)."""

    id: str
    title: str
    missing: int = 0
    partial: int = 0
    met: int = 0
    other: int = 0
    units: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        return self.missing + self.partial + self.met + self.other

    @property
    def gaps(self) -> int:
        return self.missing + self.partial


@dataclass(frozen=True, slots=True)
class Bin:
    """Reports scoring from ``low`` to below ``high`` (the last bin includes 100)."""

    low: int
    high: int
    count: int


@dataclass(frozen=True, slots=True)
class GroupScore:
    """The reports of one level or one year: how many, their mean score."""

    key: str
    count: int
    mean: float


@dataclass(frozen=True, slots=True)
class Trend:
    """One issuer's scores over the years (oldest first)."""

    issuer: str
    points: tuple[tuple[int, float], ...]


@dataclass(frozen=True, slots=True)
class Timeliness:
    """Reports on time, after the deadline, and whose date cannot be verified (no date or
    no year); ``unchecked``: the standard has no deadline requirement or it does not apply."""

    on_time: int = 0
    late: tuple[str, ...] = ()
    unverified: tuple[str, ...] = ()
    unchecked: int = 0


@dataclass(frozen=True, slots=True)
class Charts:
    """Every number the overview's charts, the xlsx counts sheet and the notice show."""

    reports: int
    mean: float | None
    low: float | None
    high: float | None
    bins: tuple[Bin, ...]
    requirements: tuple[RequirementCount, ...]
    levels: tuple[GroupScore, ...]  # empty unless the batch mixes levels
    years: tuple[GroupScore, ...]  # empty unless the batch spans years
    trends: tuple[Trend, ...]  # issuers with several years
    timeliness: Timeliness
    pass_line: float | None = None
    below_pass: int = 0

    @property
    def max_bin(self) -> int:
        return max((b.count for b in self.bins), default=0)


def facts_from_result(result: AuditResult) -> ReportFacts:
    """The facts of one audit result (the same fields as a batch's summary row)."""
    d = result.document
    year = d.get("year")
    return ReportFacts(
        issuer=str(d.get("issuer") or d.get("path") or ""),
        level=str(d.get("level") or ""),
        year=int(year) if year else None,
        date=str(d.get("date") or ""),
        score=float(result.score),
        statuses={r.id: ("waived" if r.waived else r.status) for r in result.requirements},
        titles={r.id: r.title for r in result.requirements},
        path=str(d.get("path") or ""),
    )


def requirement_counts(reports: Iterable[ReportFacts]) -> list[RequirementCount]:
    """A count per requirement, the most often missing first (then the most often partial,
    then the order first met)."""
    order: dict[str, int] = {}
    titles: dict[str, str] = {}
    tally: dict[str, dict[str, int]] = {}
    units: dict[str, list[str]] = {}
    for rep in reports:
        for rid, status in rep.statuses.items():
            order.setdefault(rid, len(order))
            titles.setdefault(rid, rep.titles.get(rid, rid))
            key = status if status in ("missing", "partial", "met") else "other"
            counts = tally.setdefault(rid, {"missing": 0, "partial": 0, "met": 0, "other": 0})
            counts[key] += 1
            if status in GAP_STATUSES:
                units.setdefault(rid, []).append(rep.issuer)
    made = [RequirementCount(rid, titles[rid], **tally[rid], units=tuple(units.get(rid, ()))) for rid in order]
    return sorted(made, key=lambda c: (-c.missing, -c.partial, order[c.id]))


def histogram(scores: Sequence[float]) -> list[Bin]:
    """Ten bins of ten points; every bin is kept, empty or not, so the axis is whole."""
    counts = [0] * (100 // BIN_WIDTH)
    for s in scores:
        counts[min(int(max(s, 0) // BIN_WIDTH), len(counts) - 1)] += 1
    return [Bin(i * BIN_WIDTH, (i + 1) * BIN_WIDTH, c) for i, c in enumerate(counts)]


def _group_scores(pairs: Iterable[tuple[str, float]]) -> list[GroupScore]:
    groups: dict[str, list[float]] = {}
    for key, score in pairs:
        groups.setdefault(key, []).append(score)
    return [GroupScore(k, len(v), sum(v) / len(v)) for k, v in groups.items()]


def timeliness(reports: Iterable[ReportFacts]) -> Timeliness:
    """On time (the deadline requirement met), late (not met, with a date and a year), or
    not verifiable (not met, no date or no year)."""
    kinds: dict[str, list[str]] = {"on_time": [], "late": [], "unverified": [], "unchecked": []}
    for rep in reports:
        kinds[timely(rep)].append(rep.issuer)
    return Timeliness(len(kinds["on_time"]), tuple(kinds["late"]), tuple(kinds["unverified"]), len(kinds["unchecked"]))


def timely(rep: ReportFacts) -> str:
    """``on_time``, ``late``, ``unverified`` or ``unchecked`` (see :class:`Timeliness`)."""
    status = rep.statuses.get(DEADLINE)
    if status == "met":
        return "on_time"
    if status in GAP_STATUSES:
        return "late" if rep.date and rep.year else "unverified"
    return "unchecked"


def trends(reports: Iterable[ReportFacts]) -> list[Trend]:
    """The issuers with reports on several years, each year's score (the last report of a
    year when there are several)."""
    by_issuer: dict[str, dict[int, float]] = {}
    for rep in reports:
        if rep.issuer and rep.year:
            by_issuer.setdefault(rep.issuer, {})[rep.year] = rep.score
    return [Trend(i, tuple(sorted(y.items()))) for i, y in sorted(by_issuer.items()) if len(y) > 1]


def charts(reports: Sequence[ReportFacts], pass_line: float | None = None) -> Charts:
    """Every chart's numbers for ``reports`` (``pass_line``: the ``--min-score`` if given)."""
    scores = [r.score for r in reports]
    levels = _group_scores((r.level, r.score) for r in reports if r.level)
    years = _group_scores((str(r.year), r.score) for r in reports if r.year)
    return Charts(
        reports=len(reports),
        mean=sum(scores) / len(scores) if scores else None,
        low=min(scores) if scores else None,
        high=max(scores) if scores else None,
        bins=tuple(histogram(scores)),
        requirements=tuple(requirement_counts(reports)),
        levels=tuple(sorted(levels, key=lambda g: g.key)) if len(levels) > 1 else (),
        years=tuple(sorted(years, key=lambda g: g.key)) if len(years) > 1 else (),
        trends=tuple(trends(reports)),
        timeliness=timeliness(reports),
        pass_line=pass_line,
        below_pass=sum(1 for s in scores if pass_line is not None and s < pass_line),
    )
