"""What every matcher shares: the evaluation context, hits, outcomes, term search.

A matcher is a small pydantic model (its YAML parameters) with ``evaluate(ctx)``.
The engine builds one :class:`Context` per document and standard; term positions come
from one Aho–Corasick pass over the normalised text, shared by all matchers.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict

from checklist.document import Document, Section
from checklist.structure.clauses import CLAUSE_BREAK, LAST_BREAK, is_asserted
from checklist.structure.sections import CONTENTS, SCOPES, Regions, top_sections_of

# A figure: a number not inside another (no digit or point before it), then a unit. The
# pattern opens with the class of its first character, so that the regex engine skips
# ahead to those characters (CPython uses a leading class as a search prefix, not a
# lookahead); the character before the first one is checked behind it, and each branch
# checks which kind of character the first one was. The same matches as
# ``(?<![\d.])(?:\d+(?:\.\d+)?(?:万|亿|千)?|[一…万]+)…`` (tests/rules/test_figure_pattern.py),
# a quarter faster over a report's text.
FIGURE = re.compile(
    r"[\d一二两三四五六七八九十百千万](?<![\d.].)"
    r"(?:(?<=\d)\d*(?:\.\d+)?(?:万|亿|千)?|(?<=[一二两三四五六七八九十百千万])[一二两三四五六七八九十百千万]*)\s?(?:余|多)?\s?"
    r"(?:%|‰|人次|场次|批次|户次|件次|余次|个工作日|万元|亿元|元|件|次|项|个|份|场|名|家|起|条|篇|期|批|"
    r"户|人|所|宗|卷|处|台|部|小时|天|期|堂|轮|类|支|座|块|套|册|张|万份|万人)"
)


class Hit(NamedTuple):
    """One piece of evidence: a normalised span (or a page-metadata field) and why.

    A named tuple, immutable like the frozen dataclass it was and four times cheaper to
    make (an audit makes about seventy hits and outcomes)."""

    start: int  # normalised offsets into Document.text; -1 for page metadata
    end: int
    terms: tuple[str, ...] = ()
    label: str | None = None  # for page metadata: the field name shown instead of a section
    quote: str | None = None  # for page metadata: the field text
    orig: tuple[int, int] | None = None  # original span when it has no normalised one


_NO_ARGS: Mapping[str, Any] = MappingProxyType({})


class Outcome(NamedTuple):
    """A matcher's answer: matched or not, the evidence, and an optional note code."""

    matched: bool
    hits: tuple[Hit, ...] = ()
    note: str | None = None
    note_args: Mapping[str, Any] = _NO_ARGS


NO = Outcome(False)

#: The words of a group a document holds: ``(word, its length, its starts ascending)``.
Present = tuple[tuple[str, int, list[int]], ...]
_CONTENTS_ONLY = frozenset({CONTENTS})
_NOTHING: frozenset[str] = frozenset()


class Tables:
    """What a document's matchers and checks look up, built once per document.

    Flat lists over the sentences (starts, ends, region kinds), searched with
    ``bisect``; every occurrence's region and the sentence its clause is looked for in
    come from them instead of a walk over the document's structures. Each clause's asserted answer
    (not negated, not future), each term search and the list closers' positions are
    filled in the first time they are asked for and then shared by every requirement
    and quality check.
    """

    __slots__ = (
        "asserted",
        "closers",
        "contents",
        "contents_hi",
        "contents_lo",
        "doc",
        "ends",
        "found",
        "hits",
        "kinds",
        "memo",
        "parts",
        "present",
        "regions",
        "scanned",
        "starts",
        "text",
    )

    def __init__(
        self,
        doc: Document,
        regions: Regions,
        hits: Mapping[str, list[int]] | None = None,
        scanned: frozenset[str] = _NOTHING,
    ) -> None:
        self.doc = doc
        # the term scan's positions and the words it looked for: a list closer among them
        # needs no search of its own
        self.hits: Mapping[str, list[int]] = hits if hits is not None else {}
        self.scanned = scanned
        self.regions = regions
        text = doc.text
        self.text = text
        self.starts, self.ends, _ = doc.sentence_columns()
        # the kinds of a sentence's start are those of the whole sentence, except in the
        # spans announcing the report's parts (Regions.contents), looked up apart
        self.kinds = regions.sentence_kinds(doc)
        self.contents = regions.contents
        # the range the contents spans cover: most offsets are outside it, so need no bisect
        self.contents_lo = min((a for a, _ in self.contents), default=0)
        self.contents_hi = max((b for _, b in self.contents), default=0)
        self.asserted: dict[tuple[int, int], bool] = {}
        self.found: dict[tuple[tuple[str, ...], tuple[str, ...], frozenset[str]], list[tuple[int, int, str]]] = {}
        self.present: dict[tuple[str, ...], Present] = {}
        self.closers: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        self.parts: dict[str, Sequence[Section]] = {}
        self.memo: dict[str, Any] = {}  # derived once per document: a part's units by kind, the list rule

    def top_sections(self, kind: str) -> Sequence[Section]:
        """The headings of the parts of ``kind`` (sections.top_sections_of, once per kind)."""
        found = self.parts.get(kind)
        if found is None:
            found = top_sections_of(self.doc, self.regions, kind)
            self.parts[kind] = found
        return found

    def kinds_at(self, pos: int) -> frozenset[str]:
        """Region kinds of the text at normalised offset ``pos``."""
        if not self.starts:
            return _NOTHING
        if self.contents_lo <= pos < self.contents_hi:
            contents = self.contents
            i = bisect_right(contents, (pos, _END)) - 1
            if i >= 0 and pos < contents[i][1]:
                # the sentence announcing the report's parts (现将…报告如下) may begin as a
                # statement of the year's work: only its announcing part is left out
                return _CONTENTS_ONLY
        i = bisect_right(self.starts, pos) - 1
        return self.kinds[i if i > 0 else 0]

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around ``[start, end)``: between clause breaks, inside the sentence
        holding ``start``. Two searches in the sentence, for the last break before the
        span and the first at or after its end (cheaper than listing its breaks: a
        document's requirements ask for about fifty clauses in twenty sentences)."""
        starts = self.starts
        si = bisect_right(starts, start) - 1
        if si < 0:
            si = 0
        s0 = starts[si]
        s1 = self.ends[si]
        text = self.text
        found = LAST_BREAK.match(text, s0, start)
        left = found.end() if found is not None else s0
        found = CLAUSE_BREAK.search(text, end if end > start else start, s1)
        return left, (found.start() if found is not None else s1)

    def clause_asserted(self, bounds: tuple[int, int]) -> bool:
        """Whether the clause ``bounds`` is neither negated nor future (see clauses.py)."""
        known = self.asserted.get(bounds)
        if known is None:
            known = self.asserted[bounds] = is_asserted(self.text, bounds[0], bounds[1])
        return known

    def closer_spans(self, closers: tuple[str, ...]) -> list[tuple[int, int]]:
        """Every occurrence ``(start, end)`` of the words in ``closers``, sorted."""
        found = self.closers.get(closers)
        if found is None:
            text = self.text
            found = []
            for word in closers:
                if word in self.scanned:  # the scan's positions: every occurrence, nested ones too
                    n = len(word)
                    found.extend((p, p + n) for p in self.hits.get(word, ()))
                    continue
                i = text.find(word)
                while i >= 0:
                    found.append((i, i + len(word)))
                    i = text.find(word, i + 1)
            found.sort()
            self.closers[closers] = found
        return found


_END = 1 << 62  # sorts after every real offset at the same start


class Context:
    """Everything a matcher may look at for one document: the document, its regions,
    the term positions, the shared :class:`Tables`, and the scope and negation setting
    of the rule being evaluated."""

    __slots__ = ("doc", "negation", "params", "regions", "scope", "tables", "term_hits")

    def __init__(
        self,
        doc: Document,
        regions: Regions,
        term_hits: Mapping[str, list[int]],
        scope: frozenset[str],
        negation: bool,
        params: Mapping[str, Any],
        tables: Tables | None = None,
        scanned: frozenset[str] = _NOTHING,
    ) -> None:
        self.doc = doc
        self.regions = regions
        self.term_hits = term_hits
        self.scope = scope
        self.negation = negation
        self.params = params
        # scanned: the words term_hits was searched for (when known; see Tables)
        self.tables = tables if tables is not None else Tables(doc, regions, term_hits, scanned)

    def derive(self, scope: frozenset[str], negation: bool) -> Context:
        """A copy with another scope and negation setting, sharing the tables."""
        out = object.__new__(Context)
        out.doc = self.doc
        out.regions = self.regions
        out.term_hits = self.term_hits
        out.params = self.params
        out.tables = self.tables
        out.scope = scope
        out.negation = negation
        return out

    def present(self, terms: tuple[str, ...]) -> Present:
        """The words of ``terms`` the document holds, each with its length and its
        occurrences' starts (ascending), in the order of ``terms`` (any scope; shared)."""
        cache = self.tables.present
        found = cache.get(terms)
        if found is None:
            hits = self.term_hits
            found = tuple([(t, len(t), at) for t in terms if (at := hits.get(t))])
            cache[terms] = found
        return found

    def with_scope(self, scope: str | list[str] | None) -> Context:
        """A copy of the context restricted to another scope."""
        if scope is None:
            return self
        return self.derive(resolve_scope(scope), self.negation)

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence containing normalised offset ``pos``."""
        i = bisect_right(self.tables.starts, pos) - 1
        return i if i > 0 else 0

    def in_scope(self, pos: int) -> bool:
        """Whether the text at ``pos`` lies in the context's scope."""
        return not self.scope.isdisjoint(self.tables.kinds_at(pos))

    def sentence_kinds_of(self, si: int) -> frozenset[str]:
        """Region kinds of sentence ``si`` (computed once per document)."""
        return self.tables.kinds[si]

    def find(self, terms: Iterable[str], exclude: Iterable[str] = ()) -> list[tuple[int, int, str]]:
        """Occurrences ``(start, end, term)`` of ``terms`` in scope, not inside ``exclude``,
        in the order of ``terms`` (shared: do not change the list)."""
        key = (
            terms if isinstance(terms, tuple) else tuple(terms),
            exclude if isinstance(exclude, tuple) else tuple(exclude),
            self.scope,
        )
        cache = self.tables.found
        found = cache.get(key)
        if found is None:
            found = self._find(key[0], key[1])
            cache[key] = found
        return found

    def _find(self, terms: tuple[str, ...], exclude: tuple[str, ...]) -> list[tuple[int, int, str]]:
        hits = self.term_hits
        tables = self.tables
        starts = tables.starts
        out: list[tuple[int, int, str]] = []
        if not starts:
            return out  # no sentence: every offset has no region kind
        blocked: list[tuple[int, int]] = []
        for ex in exclude:
            n = len(ex)
            blocked.extend((p, p + n) for p in hits.get(ex, ()))
        scope = self.scope
        kinds = tables.kinds
        lo = tables.contents_lo
        hi = tables.contents_hi
        kinds_at = tables.kinds_at
        for term in terms:
            at = hits.get(term)
            if not at:
                continue
            n = len(term)
            for pos in at:
                end = pos + n
                if blocked and any(b0 <= pos and end <= b1 for b0, b1 in blocked):
                    continue
                if lo <= pos < hi:
                    here = kinds_at(pos)
                else:  # kinds_at without the call: the kinds of the sentence holding pos
                    i = bisect_right(starts, pos) - 1
                    here = kinds[i if i > 0 else 0]
                if not scope.isdisjoint(here):
                    out.append((pos, end, term))
        return out

    def preceded_by(self, start: int, words: Iterable[str], within: int) -> bool:
        """Whether one of ``words`` ends at most ``within`` characters before ``start``, in
        the same clause (``查找工作短板``: 查找 two characters before 短板)."""
        clause = self.tables.clause(start, start)[0]
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
        clause = self.tables.clause(end, end)[1]
        for word in words:
            found = self.term_hits.get(word, [])  # ascending
            i = bisect_left(found, end)
            if i < len(found) and found[i] <= end + within and found[i] + len(word) <= clause:
                return True
        return False

    def clause_of(self, start: int, end: int, *, within: str = "clause") -> tuple[int, int]:
        """The clause (or sentence) around a span."""
        if within == "sentence":
            t = self.tables
            si = bisect_right(t.starts, start) - 1
            if si < 0:
                si = 0
            return t.starts[si], t.ends[si]
        return self.tables.clause(start, end)

    def asserted(self, start: int, end: int) -> bool:
        """False when the clause holding the span is negated or future (see clauses.py)."""
        if not self.negation:
            return True
        t = self.tables
        return t.clause_asserted(t.clause(start, end))


def resolve_scope(scope: str | list[str]) -> frozenset[str]:
    """The set of region kinds a scope name (or list of names) stands for."""
    key = scope if isinstance(scope, str) else tuple(scope)
    found = _SCOPES_OF.get(key)
    if found is None:
        names = [scope] if isinstance(scope, str) else scope
        out: set[str] = set()
        for name in names:
            out |= SCOPES[name]
        found = _SCOPES_OF[key] = frozenset(out)
    return found


_SCOPES_OF: dict[str | tuple[str, ...], frozenset[str]] = {}  # resolve_scope's answers


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
