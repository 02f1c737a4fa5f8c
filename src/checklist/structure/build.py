"""The structure stage: ingested lines → a :class:`Document` with outline and metadata.

The layout (header, body, signature) is found first, so that the outline covers the
body only; metadata is read from the layout and the page fields, and each value keeps
the original span that justifies it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping

from checklist.document import Document, with_sentence_columns
from checklist.ingest.pipeline import Ingested
from checklist.structure import layout as page_layout
from checklist.structure import metadata, outline
from checklist.vocabulary import PUBLISHED_FIELDS


def build_document(ingested: Ingested, source: str, sha256: str) -> Document:
    """Outline and metadata of an ingested report, as one :class:`Document`."""
    text, lines = ingested.text, ingested.lines
    layout = page_layout.locate(text, lines, _after_clutter(ingested))
    body = (layout.body_first, layout.body_stop)
    hints = ingested.heading_hints
    sections, items, columns = outline.build(text, lines, body, hints)
    # a reader's headings (docx styles, HTML h1-h6) are the outline's; where none is in
    # the body (a page's title may be its only h1) and no 一、 (or 第一部分) numbers the
    # top level, lines shaped as unnumbered headings are (their bold was lost on the way)
    if not any(s.rank <= 1 for s in sections) and not any(body[0] <= li < body[1] for li in hints):
        bare = outline.unnumbered_headings(text, lines, body)
        if bare:
            sections, items, columns = outline.build(text, lines, body, {**hints, **bare})
    meta, norm_spans, fields_used = metadata.extract(text, lines, layout, ingested.page_metadata)
    meta_spans = _original_spans(ingested, norm_spans, fields_used)
    if meta.issuer_source == "body":
        # the subject of a sentence names the body but does not state the issuer: its
        # place is shown (meta_spans), not offered as a statement (meta_norm_spans)
        norm_spans = {k: v for k, v in norm_spans.items() if k != "issuer"}
    body_start = lines[layout.body_first][0] if layout.body_first < len(lines) else len(text)
    signature_start = lines[layout.body_stop][0] if layout.body_stop < len(lines) else None
    doc = Document(
        source=source,
        format=ingested.format,
        encoding=ingested.encoding,
        sha256=sha256,
        original=ingested.original,
        text=text,
        offsets=ingested.offsets,
        lines=lines,
        sections=sections,
        items=items,
        sentences=(),  # made from the columns when first asked for (with_sentence_columns)
        metadata=meta,
        meta_spans=meta_spans,
        meta_norm_spans=norm_spans,
        page_metadata=ingested.page_metadata,
        removed=ingested.removed,
        body_start=body_start,
        signature_start=signature_start,
    )
    return with_sentence_columns(doc, columns)


def _after_clutter(ingested: Ingested) -> set[int]:
    """The kept lines that removed lines (clutter, page fields) stood right before."""
    starts = ingested.line_starts
    out: set[int] = set()
    for r in ingested.removed:
        k = bisect_left(starts, r.end)
        if 0 < k < len(starts):  # clutter before the first kept line separates nothing
            out.add(k)
    return out


def _original_spans(
    ingested: Ingested, norm_spans: Mapping[str, tuple[int, int]], fields_used: Mapping[str, str]
) -> dict[str, tuple[int, int]]:
    """The original span behind each metadata value: its place in the body, else the
    removed page-metadata line its field was read from."""
    spans = {what: ingested.offsets.to_original(s, e) for what, (s, e) in norm_spans.items()}
    for what, key in fields_used.items():
        line = ingested.field_lines.get(key)
        if line is not None:
            spans[what] = line
    if "published" not in spans and ingested.field_lines:
        # The date may have come from the reader (an HTML grid) while the text repeats it
        # on a metadata line of its own: that line is the evidence.
        for key in PUBLISHED_FIELDS:
            line = ingested.field_lines.get(key)
            if line is not None and key in ingested.page_metadata:
                spans["published"] = line
                break
    return spans
