"""What every matcher shares: the evaluation context, hits, outcomes, term search.

A matcher is a small pydantic model (its YAML parameters) with ``evaluate(ctx)``.
The engine builds one :class:`Context` per document and standard; term positions come
from one Aho–Corasick pass over the normalised text, shared by all matchers.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict

from checklist.document import Document
from checklist.structure.clauses import CLAUSE_BREAK, is_future, is_negated
from checklist.structure.sections import CONTENTS, SCOPES, Regions

# the leading lookahead (the class every figure starts with) lets the regex engine skip
# ahead to candidate characters instead of trying the whole pattern at every offset
FIGURE = re.compile(
    r"(?=[\d一二两三四五六七八九十百千万])(?<![\d.])(?:\d+(?:\.\d+)?(?:万|亿|千)?|[一二两三四五六七八九十百千万]+)\s?(?:余|多)?\s?"
    r"(?:%|‰|人次|场次|批次|户次|件次|余次|个工作日|万元|亿元|元|件|次|项|个|份|场|名|家|起|条|篇|期|批|"
    r"户|人|所|宗|卷|处|台|部|小时|天|期|堂|轮|类|支|座|块|套|册|张|万份|万人)"
)


@dataclass(frozen=True, slots=True)
class Hit:
    """One piece of evidence: a normalised span (or a page-metadata field) and why."""

    start: int  # normalised offsets into Document.text; -1 for page metadata
    end: int
    terms: tuple[str, ...] = ()
    label: str | None = None  # for page metadata: the field name shown instead of a section
    quote: str | None = None  # for page metadata: the field text
    orig: tuple[int, int] | None = None  # original span when it has no normalised one


@dataclass(frozen=True, slots=True)
class Outcome:
    """A matcher's answer: matched or not, the evidence, and an optional note code."""

    matched: bool
    hits: tuple[Hit, ...] = ()
    note: str | None = None
    note_args: Mapping[str, Any] = field(default_factory=dict)


NO = Outcome(False)
_CONTENTS_ONLY = frozenset({CONTENTS})


@dataclass
class Context:
    """Everything a matcher may look at for one document."""

    doc: Document
    regions: Regions
    term_hits: Mapping[str, list[int]]
    scope: frozenset[str]
    negation: bool
    params: Mapping[str, Any]
    sentence_starts: list[int]
    # caches shared by every matcher on this document (copied contexts share them)
    breaks: list[int] = field(default_factory=list)
    sentence_kinds: dict[int, frozenset[str]] = field(default_factory=dict)
    asserted_cache: dict[tuple[int, int], bool] = field(default_factory=dict)
    spans_cache: dict[tuple[str, ...], list[tuple[int, int, str]]] = field(default_factory=dict)
    # region kinds of each offset a matcher asked about, and each span's asserted answer:
    # many requirements look at the same term occurrences, so each is judged once
    pos_kinds: dict[int, frozenset[str]] = field(default_factory=dict)
    span_asserted: dict[tuple[int, int], bool] = field(default_factory=dict)
    found_cache: dict[tuple[tuple[str, ...], tuple[str, ...], frozenset[str]], list[tuple[int, int, str]]] = field(
        default_factory=dict
    )

    def __post_init__(self) -> None:
        if not self.breaks:
            self.breaks.extend(m.start() for m in CLAUSE_BREAK.finditer(self.doc.text))

    def derive(self, scope: frozenset[str], negation: bool) -> Context:
        """A copy with another scope and negation setting, sharing the caches."""
        return Context(
            self.doc,
            self.regions,
            self.term_hits,
            scope,
            negation,
            self.params,
            self.sentence_starts,
            self.breaks,
            self.sentence_kinds,
            self.asserted_cache,
            self.spans_cache,
            self.pos_kinds,
            self.span_asserted,
            self.found_cache,
        )

    def spans_of(self, terms: tuple[str, ...]) -> list[tuple[int, int, str]]:
        """Every occurrence ``(start, end, term)`` of ``terms``, sorted (any scope)."""
        found = self.spans_cache.get(terms)
        if found is None:
            found = sorted((p, p + len(t), t) for t in terms for p in self.term_hits.get(t, ()))
            self.spans_cache[terms] = found
        return found

    def with_scope(self, scope: str | list[str] | None) -> Context:
        """A copy of the context restricted to another scope."""
        if scope is None:
            return self
        return self.derive(resolve_scope(scope), self.negation)

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence containing normalised offset ``pos``."""
        return max(0, bisect_right(self.sentence_starts, pos) - 1)

    def in_scope(self, pos: int) -> bool:
        """Whether the text at ``pos`` lies in the context's scope."""
        kinds = self.pos_kinds.get(pos)
        if kinds is None:
            kinds = self._kinds_at(pos)
            self.pos_kinds[pos] = kinds
        return not self.scope.isdisjoint(kinds)

    def _kinds_at(self, pos: int) -> frozenset[str]:
        if not self.doc.sentences:
            return frozenset()
        if self.regions.contents and self.regions.in_contents(pos):
            # the sentence announcing the report's parts (现将…报告如下) may begin as a
            # statement of the year's work: only its announcing part is left out
            return _CONTENTS_ONLY
        return self.sentence_kinds_of(self.sentence_at(pos))

    def sentence_kinds_of(self, si: int) -> frozenset[str]:
        """Region kinds of sentence ``si`` (computed once per document)."""
        kinds = self.sentence_kinds.get(si)
        if kinds is None:
            s = self.doc.sentences[si]
            kinds = self.regions.kinds_at(self.doc, s.start, s.section)
            self.sentence_kinds[si] = kinds
        return kinds

    def find(self, terms: Iterable[str], exclude: Iterable[str] = ()) -> Iterator[tuple[int, int, str]]:
        """Occurrences ``(start, end, term)`` of ``terms`` in scope, not inside ``exclude``."""
        key = (tuple(terms), tuple(exclude), self.scope)
        found = self.found_cache.get(key)
        if found is None:
            found = list(self._find(key[0], key[1]))
            self.found_cache[key] = found
        return iter(found)

    def _find(self, terms: Iterable[str], exclude: Iterable[str]) -> Iterator[tuple[int, int, str]]:
        blocked: list[tuple[int, int]] = []
        for ex in exclude:
            blocked.extend((p, p + len(ex)) for p in self.term_hits.get(ex, ()))
        for term in terms:
            for pos in self.term_hits.get(term, ()):
                end = pos + len(term)
                if any(b0 <= pos and end <= b1 for b0, b1 in blocked):
                    continue
                if self.in_scope(pos):
                    yield pos, end, term

    def preceded_by(self, start: int, words: Iterable[str], within: int) -> bool:
        """Whether one of ``words`` ends at most ``within`` characters before ``start``, in
        the same clause (``查找工作短板``: 查找 two characters before 短板)."""
        clause = self.clause_of(start, start)[0]
        for word in words:
            n = len(word)
            found = self.term_hits.get(word, [])  # ascending
            i = bisect_left(found, max(clause, start - within - n))
            if i < len(found) and found[i] + n <= start:
                return True
        return False

    def followed_by(self, end: int, words: Iterable[str], within: int) -> bool:
        """Whether one of ``words`` starts at most ``within`` characters after ``end``, in
        the same clause (``存在的问题得到解决``: 得到 right after 存在的问题)."""
        clause = self.clause_of(end, end)[1]
        for word in words:
            found = self.term_hits.get(word, [])  # ascending
            i = bisect_left(found, end)
            if i < len(found) and found[i] <= end + within and found[i] + len(word) <= clause:
                return True
        return False

    def clause_of(self, start: int, end: int, *, within: str = "clause") -> tuple[int, int]:
        """The clause (or sentence) around a span."""
        s = self.doc.sentences[self.sentence_at(start)]
        if within == "sentence":
            return s.start, s.end
        i = bisect_left(self.breaks, start)
        left = self.breaks[i - 1] + 1 if i > 0 else s.start
        j = bisect_left(self.breaks, end)
        right = self.breaks[j] if j < len(self.breaks) else s.end
        return max(left, s.start), min(right, s.end)

    def asserted(self, start: int, end: int) -> bool:
        """False when the clause holding the span is negated or future (see clauses.py)."""
        if not self.negation:
            return True
        known = self.span_asserted.get((start, end))
        if known is not None:
            return known
        bounds = self.clause_of(start, end)
        cached = self.asserted_cache.get(bounds)
        if cached is None:
            clause = self.doc.text[bounds[0] : bounds[1]]
            cached = not (is_negated(clause) or is_future(clause))
            self.asserted_cache[bounds] = cached
        self.span_asserted[(start, end)] = cached
        return cached


def resolve_scope(scope: str | list[str]) -> frozenset[str]:
    """The set of region kinds a scope name (or list of names) stands for."""
    names = [scope] if isinstance(scope, str) else scope
    out: set[str] = set()
    for name in names:
        out |= SCOPES[name]
    return frozenset(out)


class MatcherModel(BaseModel):
    """Base of every matcher's parameter model."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    def evaluate(self, ctx: Context) -> Outcome:  # pragma: no cover - abstract
        raise NotImplementedError

    def literals(self) -> Iterable[str]:
        """Every literal term the matcher searches for (to build the automaton)."""
        return ()

    def children(self) -> Iterable[MatcherModel]:
        """Nested matchers (for boolean combinations)."""
        return ()


def sentence_hits(ctx: Context, found: Iterable[tuple[int, int, str]], limit: int = 3) -> tuple[Hit, ...]:
    """Turn term occurrences into sentence-level evidence, one hit per sentence."""
    by_sentence: dict[int, set[str]] = {}
    order: list[int] = []
    for start, _end, term in found:
        si = ctx.sentence_at(start)
        if si not in by_sentence:
            by_sentence[si] = set()
            order.append(si)
        by_sentence[si].add(term)
    out = []
    for si in order[:limit]:
        s = ctx.doc.sentences[si]
        out.append(Hit(s.start, s.end, tuple(sorted(by_sentence[si]))))
    return tuple(out)
