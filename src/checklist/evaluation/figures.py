"""The figures of an evaluation: pure functions over (label, ours) pairs.

- present-F1: positive class ``met`` or ``partial`` (the report has it at all), against
  ``missing``.
- gap-F1: positive class ``partial`` or ``missing`` (something to fix), against ``met``.
- 3-class accuracy: the share of pairs where the status is the same.

A pair in which the label or our verdict is ``not_applicable`` (the profile's
applicability: labels are usually written for the national baseline, and the township and
department profiles switch requirements off) is left out of all three and counted apart.
A figure with nothing to count is ``None``, never 1.0: "nothing evaluated" must not read
as perfect.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

SCORED = ("met", "partial", "missing")
PRESENT = frozenset({"met", "partial"})
GAP = frozenset({"partial", "missing"})


def ratio(part: int, whole: int) -> float | None:
    """``part / whole`` rounded to 3 places, or ``None`` when there is nothing to divide."""
    return round(part / whole, 3) if whole else None


def f1(pairs: Iterable[tuple[str, str]], positive: frozenset[str]) -> float | None:
    """F1 of ``ours`` against ``label`` for the ``positive`` class (``None`` when neither
    side has a positive: precision and recall are both undefined)."""
    tp = fp = fn = 0
    for label, ours in pairs:
        if label in positive and ours in positive:
            tp += 1
        elif ours in positive:
            fp += 1
        elif label in positive:
            fn += 1
    return ratio(2 * tp, 2 * tp + fp + fn)


@dataclass(frozen=True, slots=True)
class Scores:
    """Verdict figures over a set of (label, ours) pairs: one requirement id, or all."""

    scored: int  # pairs with both sides met/partial/missing
    correct: int
    not_applicable: int  # pairs left out: one side or both not_applicable
    present_f1: float | None
    gap_f1: float | None
    accuracy: float | None
    confusion: Mapping[str, Mapping[str, int]]  # label → ours → count, every pair

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, str]]) -> Scores:
        """The figures of ``pairs`` (label first)."""
        every = list(pairs)
        scored = [(a, b) for a, b in every if a in SCORED and b in SCORED]
        confusion: dict[str, dict[str, int]] = {}
        for a, b in every:
            row = confusion.setdefault(a, {})
            row[b] = row.get(b, 0) + 1
        correct = sum(1 for a, b in scored if a == b)
        return cls(
            scored=len(scored),
            correct=correct,
            not_applicable=len(every) - len(scored),
            present_f1=f1(scored, PRESENT),
            gap_f1=f1(scored, GAP),
            accuracy=ratio(correct, len(scored)),
            confusion=confusion,
        )


@dataclass(frozen=True, slots=True)
class FieldScore:
    """Metadata accuracy: one field, or all fields together."""

    compared: int
    correct: int

    @property
    def accuracy(self) -> float | None:
        """The share of compared values that are equal (``None`` when none were compared)."""
        return ratio(self.correct, self.compared)


@dataclass(frozen=True, slots=True)
class FindingScores:
    """How the quality findings raised match the ones the labels list (only reports whose
    labels have a ``findings`` list count)."""

    labelled: int  # findings the labels list
    found: int  # of those, raised by us
    raised: int  # quality findings we raised
    confirmed: int  # of those, listed by the labels

    @property
    def precision(self) -> float | None:
        """Share of our findings that the labels list."""
        return ratio(self.confirmed, self.raised)

    @property
    def recall(self) -> float | None:
        """Share of the labelled findings that we raised."""
        return ratio(self.found, self.labelled)


@dataclass(slots=True)
class Tally:
    """What one or more labels files contributed, before the figures are computed: the
    verdict pairs by requirement id, metadata comparisons by field, finding counts."""

    pairs: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    fields: dict[str, list[bool]] = field(default_factory=dict)
    findings: list[int] | None = None  # labelled, found, raised, confirmed

    def add_pair(self, rid: str, label: str, ours: str) -> None:
        """One requirement's label and our verdict."""
        self.pairs.setdefault(rid, []).append((label, ours))

    def add_field(self, name: str, equal: bool) -> None:
        """One metadata comparison."""
        self.fields.setdefault(name, []).append(equal)

    def add_findings(self, labelled: int, found: int, raised: int, confirmed: int) -> None:
        """One report's finding counts."""
        prev = self.findings or [0, 0, 0, 0]
        self.findings = [prev[0] + labelled, prev[1] + found, prev[2] + raised, prev[3] + confirmed]

    def merge(self, other: Tally) -> None:
        """Add ``other``'s counts to these (the total over several labels files)."""
        for rid, pairs in other.pairs.items():
            self.pairs.setdefault(rid, []).extend(pairs)
        for name, equal in other.fields.items():
            self.fields.setdefault(name, []).extend(equal)
        if other.findings is not None:
            self.add_findings(*other.findings)

    def summary(self) -> Summary:
        """The figures."""
        every_pair = [p for pairs in self.pairs.values() for p in pairs]
        every_field = [e for equal in self.fields.values() for e in equal]
        return Summary(
            requirements={rid: Scores.of(pairs) for rid, pairs in self.pairs.items()},
            overall=Scores.of(every_pair),
            metadata={name: FieldScore(len(equal), sum(equal)) for name, equal in self.fields.items()},
            metadata_overall=FieldScore(len(every_field), sum(every_field)),
            findings=FindingScores(*self.findings) if self.findings is not None else None,
        )


@dataclass(frozen=True, slots=True)
class Summary:
    """The figures of one labels file, or of all of them."""

    requirements: Mapping[str, Scores]  # by requirement id, in the labels' order
    overall: Scores  # every pair of every id pooled
    metadata: Mapping[str, FieldScore]  # by field, in the labels' order
    metadata_overall: FieldScore
    findings: FindingScores | None  # None: no labels here list findings
