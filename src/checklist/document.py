"""The document model: what reading, normalising, outlining and metadata produce.

Internal structures (sections, items, sentences) carry *normalised* offsets into
``Document.text``; anything shown to a user is mapped back with
:meth:`Document.to_original`, so ``document.original[start:end]`` is the quote.
These are frozen dataclasses rather than pydantic models: a report has hundreds of
sentences and building them must cost microseconds (see docs/decisions.md).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

LEVELS = ("province", "city", "county", "township", "department")


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps spans of the normalised text to spans of the original text.

    A list of segments, built by :mod:`checklist.ingest.normalize`: a *copy* segment
    shifts offsets by a constant, a *replaced* one maps any position inside it to the
    whole original run. It lives with the document it belongs to, so that the model
    depends on no pipeline stage.
    """

    norm_starts: tuple[int, ...]
    orig_starts: tuple[int, ...]
    orig_ends: tuple[int, ...]
    copies: tuple[bool, ...]
    orig_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Return the original ``(start, end)`` covering normalised ``[start, end)``.

        A position in a copy segment shifts by the segment's offset (a start at most to
        the segment's original end, an end to the character after the last one it
        covers); in a replaced segment a start maps to the run's original start and an
        end to its original end; before the first segment, to 0. (One function, both
        points inline: the engine maps every quote it gives.)"""
        norm_starts = self.norm_starts
        if not norm_starts:
            return (0, 0)
        i = bisect_right(norm_starts, start) - 1
        if i < 0:
            o_start = 0
        elif self.copies[i]:
            o_start = self.orig_starts[i] + (start - norm_starts[i])
            if o_start > self.orig_ends[i]:
                o_start = self.orig_ends[i]
        else:
            o_start = self.orig_starts[i]
        if end <= start:
            return (o_start, o_start)
        last = end - 1
        i = bisect_right(norm_starts, last, i + 1) - 1  # (the end's segment is not before the start's)
        if i < 0:
            return (o_start, 0)
        if self.copies[i]:
            o_end = self.orig_starts[i] + (last - norm_starts[i])
            if o_end > self.orig_ends[i] - 1:
                o_end = self.orig_ends[i] - 1
            return (o_start, o_end + 1)
        return (o_start, self.orig_ends[i])


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the text under it, down to the next heading of the same or higher rank."""

    index: int
    heading: str  # the heading text as normalised, marker included: "(一)加强组织领导"
    title: str  # without the marker: "加强组织领导"
    marker: str  # "一、", "(一)", "1.", "(1)", "①", or "" for a style-only heading
    rank: int  # 0 for 第一部分, 1 for 一、, 2 for (一), 3 for 1., 4 for (1), 5 for ①
    level: int  # depth in the tree, 1 = top
    start: int
    end: int
    heading_end: int
    parent: int  # index of the parent section, -1 for top-level sections
    path: str  # "二、… > (三)…"


@dataclass(frozen=True, slots=True)
class Item:
    """An enumerated point inside a paragraph: ``一是…``, ``二是…``."""

    marker: str
    lead: str  # the lead phrase, up to the first full stop (or comma when long)
    start: int
    lead_start: int
    lead_end: int
    end: int
    section: int  # index of the innermost section, -1 when outside any


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (up to 。！？ or the end of its line) with its innermost section."""

    start: int
    end: int
    section: int


# Outlining makes a report's sentences, items and sections by the hundred. A frozen
# dataclass's __init__ sets each field through object.__setattr__ (a name looked up each
# time). The makers below build each object as an instance of a plain twin class (the
# same slots in the same order, an ordinary __init__ whose stores are the interpreter's
# fast slot stores) and then give it its real class (``__class__`` assignment, allowed
# between classes of the same layout): about half the cost of setting the slots through
# their descriptors, and the same objects (same class, equality, hash, pickling).


class _SentenceSlots:
    __slots__ = Sentence.__slots__

    def __init__(self, start: int, end: int, section: int) -> None:
        self.start = start
        self.end = end
        self.section = section


class _ItemSlots:
    __slots__ = Item.__slots__

    def __init__(
        self, marker: str, lead: str, start: int, lead_start: int, lead_end: int, end: int, section: int
    ) -> None:
        self.marker = marker
        self.lead = lead
        self.start = start
        self.lead_start = lead_start
        self.lead_end = lead_end
        self.end = end
        self.section = section


class _SectionSlots:
    __slots__ = Section.__slots__

    def __init__(
        self,
        index: int,
        heading: str,
        title: str,
        marker: str,
        rank: int,
        level: int,
        start: int,
        end: int,
        heading_end: int,
        parent: int,
        path: str,
    ) -> None:
        self.index = index
        self.heading = heading
        self.title = title
        self.marker = marker
        self.rank = rank
        self.level = level
        self.start = start
        self.end = end
        self.heading_end = heading_end
        self.parent = parent
        self.path = path


def new_sentences(starts: Sequence[int], ends: Sequence[int], sections: Sequence[int]) -> tuple[Sentence, ...]:
    """``Sentence(starts[i], ends[i], sections[i])`` for every ``i``, made column-wise by
    ``map`` over the twin class (see above)."""
    made: tuple[Any, ...] = tuple(map(_SentenceSlots, starts, ends, sections))
    for sentence in made:
        sentence.__class__ = Sentence
    return made


def new_item(marker: str, lead: str, start: int, lead_start: int, lead_end: int, end: int, section: int) -> Item:
    """``Item(...)`` with its fields in order, made faster (see above)."""
    item: Item = _ItemSlots(marker, lead, start, lead_start, lead_end, end, section)  # type: ignore[assignment]
    item.__class__ = Item
    return item


def new_sections(
    index: Iterable[int],
    heading: Iterable[str],
    title: Iterable[str],
    marker: Iterable[str],
    rank: Iterable[int],
    level: Iterable[int],
    start: Iterable[int],
    end: Iterable[int],
    heading_end: Iterable[int],
    parent: Iterable[int],
    path: Iterable[str],
) -> tuple[Section, ...]:
    """``Section(...)`` for each position of the columns (one per field, in order), made
    column-wise by ``map`` over the twin class (see above)."""
    made: tuple[Any, ...] = tuple(
        map(_SectionSlots, index, heading, title, marker, rank, level, start, end, heading_end, parent, path)
    )
    for s in made:
        s.__class__ = Section
    return made


_START = attrgetter("start")
_END = attrgetter("end")
_SECTION = attrgetter("section")


@dataclass(frozen=True, slots=True)
class Removed:
    """A line taken out of the body, as an original span, and why: a code such as
    ``navigation`` or ``page_number`` (:func:`checklist.messages.t` of ``removed.<code>``
    says it in words)."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the report says about itself. Unknown values are ``None``, never a guess."""

    title: str | None = None
    issuer: str | None = None
    # where the issuer was read: signature, header, title, page (发布机构) or body (the
    # subject of the opening sentence, which names the body but does not meet format.issuer)
    issuer_source: str | None = None
    level: str | None = None
    year: int | None = None
    year_source: str | None = None  # title, page (the page's title) or body (what the opening says)
    date: dt.date | None = None
    published: dt.date | None = None
    addressee: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A read, normalised and outlined report."""

    source: str
    format: str
    encoding: str | None
    sha256: str
    original: str
    text: str
    offsets: OffsetMap
    lines: tuple[tuple[int, int], ...]
    sections: tuple[Section, ...]
    items: tuple[Item, ...]
    sentences: tuple[Sentence, ...]
    metadata: Metadata
    # original spans that justify each metadata value (title, issuer, date, …)
    meta_spans: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    page_metadata: Mapping[str, str] = field(default_factory=dict)
    removed: tuple[Removed, ...] = ()
    # normalised spans of the same, where the text states the value (title, header,
    # signature, addressee line, the opening's year); an issuer only named as the subject
    # of a sentence (issuer_source "body") is shown in meta_spans but has none here: the
    # rules asking whether the report states its issuer do not count it
    meta_norm_spans: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    body_start: int = 0  # normalised offset where the header (title, addressee) ends
    signature_start: int | None = None  # normalised offset of the signature block
    # the sentences' starts, ends and sections as columns: given by the outline, which
    # makes them first (with_sentence_columns), else made on first use (sentence_columns);
    # no constructor argument, so a copy made with replace() starts empty
    _columns: tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    # the sections' starts, for innermost_section's bisection (made on first use, like _columns)
    _section_starts: tuple[int, ...] | None = field(default=None, init=False, repr=False, compare=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span to the original text."""
        return self.offsets.to_original(start, end)

    def quote(self, start: int, end: int) -> tuple[str, int, int]:
        """The original text of a normalised span, with its original offsets."""
        o_start, o_end = self.offsets.to_original(start, end)
        return self.original[o_start:o_end], o_start, o_end

    def sentence_columns(self) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
        """The sentences' ``(starts, ends, sections)`` as three tuples in text order, for
        ``bisect``; made once per document and shared by whatever asks (the regions, the
        rule engine's tables)."""
        columns = self._columns
        if columns is None:
            sentences = self.sentences
            columns = (
                tuple(map(_START, sentences)),
                tuple(map(_END, sentences)),
                tuple(map(_SECTION, sentences)),
            )
            object.__setattr__(self, "_columns", columns)
        return columns

    def section_path(self, index: int) -> str:
        """Readable path of section ``index`` ("" outside any section)."""
        return self.sections[index].path if index >= 0 else ""

    def innermost_section(self, pos: int) -> int:
        """Index of the deepest section containing normalised offset ``pos``, else -1.

        Sections start in text order and nest, so it is the last section starting at or
        before ``pos`` (a bisection over their starts, kept with the document) that has
        not ended there, looked for backwards from the last one to start."""
        starts = self._section_starts
        if starts is None:
            starts = tuple(map(_START, self.sections))
            object.__setattr__(self, "_section_starts", starts)
        sections = self.sections
        for i in range(bisect_right(starts, pos) - 1, -1, -1):
            if pos < sections[i].end:
                return i
        return -1

    def metadata_dict(self) -> dict[str, Any]:
        """Document metadata in the JSON contract's shape (``document`` object)."""
        m = self.metadata
        return {
            "path": self.source,
            "format": self.format,
            "encoding": self.encoding,
            "sha256": self.sha256,
            "title": m.title,
            "issuer": m.issuer,
            "issuer_source": m.issuer_source,
            "level": m.level,
            "year": m.year,
            "date": m.date.isoformat() if m.date else None,
            "published": m.published.isoformat() if m.published else None,
            "addressee": m.addressee,
        }

    def sections_list(self) -> list[dict[str, Any]]:
        """Sections in the JSON contract's shape, with original offsets."""
        out = []
        for s in self.sections:
            o_start, o_end = self.to_original(s.start, s.end)
            out.append({"path": s.path, "heading": s.heading, "level": s.level, "start": o_start, "end": o_end})
        return out

    def to_dict(self) -> dict[str, Any]:
        """The ``inspect`` JSON object."""
        return {"document": self.metadata_dict(), "sections": self.sections_list()}


def with_sentence_columns(doc: Document, columns: tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]) -> Document:
    """``doc``, its :meth:`~Document.sentence_columns` answered by ``columns``, and its
    sentences made from them the first time they are asked for (whatever ``doc`` was
    given as its sentences is dropped: the columns are the outline's sentences)."""
    object.__setattr__(doc, "_columns", columns)
    object.__delattr__(doc, "sentences")
    return doc


class _SentencesOnDemand:
    """``Document.sentences``: the slot, or when it holds nothing (a document made by the
    outline, :func:`with_sentence_columns`) the sentences made from the columns, kept in
    the slot. A data descriptor over the slot's own, so every other attribute of a
    document stays a plain slot (a ``__getattr__`` would make them all slower to read)."""

    __slots__ = ("slot",)

    def __init__(self, slot: Any) -> None:
        self.slot = slot

    def __get__(self, doc: Document | None, owner: type | None = None) -> Any:
        if doc is None:
            return self
        try:
            return self.slot.__get__(doc, owner)
        except AttributeError:
            columns = doc.sentence_columns()
            made = new_sentences(*columns)
            self.slot.__set__(doc, made)
            return made

    def __set__(self, doc: Document, value: tuple[Sentence, ...]) -> None:
        self.slot.__set__(doc, value)

    def __delete__(self, doc: Document) -> None:
        self.slot.__delete__(doc)


setattr(Document, "sentences", _SentencesOnDemand(Document.__dict__["sentences"]))  # noqa: B010 (a field's slot)
