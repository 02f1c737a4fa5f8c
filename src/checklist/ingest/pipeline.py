"""The ingest stage: extracted text → normalised body lines, clutter set aside.

Lines are cut (a run-on report is split back into its lines), normalised with an offset
map, and sorted into body and removed (page metadata, navigation, page numbers …). The
result, :class:`Ingested`, is all the structure stage needs: it never looks at the
extracted text or at the lines that were removed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from checklist.document import OffsetMap, Removed
from checklist.errors import InputError
from checklist.ingest import clutter
from checklist.ingest.normalize import Normalized, join_kept, line_spans, normalize_text
from checklist.ingest.readers.base import Extracted
from checklist.ingest.reflow import split_run_on
from checklist.ingest.unwrap import unwrap
from checklist.limits import current
from checklist.vocabulary import TITLE_FIELD

_HINT_LEVELS = range(1, 5)  # heading levels a reader's hint may give (h1–h4, Heading 1–4)


@dataclass(frozen=True, slots=True)
class Ingested:
    """The body of a report as normalised text, and what was learnt on the way."""

    original: str  # the extracted text: every original offset points into it
    format: str
    encoding: str | None
    text: str  # the kept lines, normalised, joined by "\n"
    offsets: OffsetMap  # normalised → original offsets
    lines: tuple[tuple[int, int], ...]  # normalised span of each kept line
    line_origins: tuple[int, ...]  # index of each kept line among the extracted lines
    line_starts: tuple[int, ...]  # original offset of each kept line's first character
    removed: tuple[Removed, ...]
    page_metadata: Mapping[str, str]  # the reader's fields, then those found in the text
    # original span of the line each page field was read from (标题: a repeated page title)
    field_lines: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    heading_hints: Mapping[int, int] = field(default_factory=dict)  # kept line → level


@dataclass(slots=True)
class _Sorted:
    """Normalised lines sorted into kept and removed."""

    kept: list[int] = field(default_factory=list)  # index of each kept line
    removed: list[Removed] = field(default_factory=list)
    field_lines: dict[str, tuple[int, int]] = field(default_factory=dict)


def ingest(extracted: Extracted, source: str, *, to_simplified: bool = False) -> Ingested:
    """Normalise extracted text and set its clutter aside.

    Raises :class:`InputError` when the text is longer than the limits allow or when
    nothing but clutter is left.
    """
    original = extracted.text
    limit = current().max_text_chars
    if len(original) > limit:
        raise InputError.of(source, "error.too_long", name="max_text_chars", value=len(original), limit=limit)
    lines_of_text = line_spans(original)
    spans = lines_of_text
    if not extracted.heading_lines:  # a reader's heading hints index the lines as they came
        spans = split_run_on(original, spans)
    norm = normalize_text(
        original, spans, to_simplified=to_simplified, touched=extracted.touched, whole_lines=spans is lines_of_text
    )
    verdicts, text_meta = clutter.classify(norm.texts)
    page_meta = dict(extracted.page_metadata)
    for key, value in text_meta.items():
        page_meta.setdefault(key, value)
    lines = _sort(norm, verdicts)
    if not lines.kept:
        raise InputError.of(source, "error.no_text")
    kept, origins = lines.kept, lines.kept
    if not extracted.heading_lines:  # (a reader that gives headings gives its own lines)
        joined = unwrap(original, norm, kept)
        if joined is not None:  # a hard-wrapped copy: each paragraph one line again
            norm, origins = joined
            kept = list(range(len(norm.texts)))
    text, omap, norm_lines, starts = join_kept(norm, kept, len(original))
    return Ingested(
        original=original,
        format=extracted.format,
        encoding=extracted.encoding,
        text=text,
        offsets=omap,
        lines=tuple(norm_lines),
        line_origins=tuple(origins),
        line_starts=tuple(starts),
        removed=tuple(lines.removed),
        page_metadata=page_meta,
        field_lines=lines.field_lines,
        heading_hints=_hints(extracted.heading_lines, lines.kept),
    )


def _sort(norm: Normalized, verdicts: Sequence[clutter.LineVerdict]) -> _Sorted:
    out = _Sorted()
    kept = out.kept
    for i, (line, verdict) in enumerate(zip(norm.texts, verdicts, strict=True)):
        if not line:
            continue
        if verdict.kind == "body":
            kept.append(i)
            continue
        span = norm.spans[i]
        out.removed.append(Removed(*span, verdict.reason))
        if verdict.kind == "meta":
            for key in clutter.parse_fields(line):
                out.field_lines.setdefault(key, span)
        elif verdict.reason == clutter.PAGE_TITLE_REASON:
            out.field_lines.setdefault(TITLE_FIELD, span)
    return out


def _hints(heading_lines: Sequence[tuple[int, int]], origins: Sequence[int]) -> dict[int, int]:
    """A reader's heading levels, by kept line (the reader counted the extracted lines)."""
    if not heading_lines:
        return {}
    kept_of = {orig: k for k, orig in enumerate(origins)}
    hints: dict[int, int] = {}
    for orig_line, level in heading_lines:
        k = kept_of.get(orig_line)
        if k is not None and level in _HINT_LEVELS:
            hints[k] = level
    return hints
