"""read → normalise → remove clutter → outline → metadata: one :class:`Document`."""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from pathlib import Path

from checklist.document import Document, Removed
from checklist.errors import InputError
from checklist.ingest import clutter
from checklist.ingest.normalize import join_lines, line_spans, normalize_lines
from checklist.ingest.readers import Extracted, extract
from checklist.ingest.reflow import split_run_on
from checklist.limits import Limits, current, using
from checklist.structure import metadata, outline


def read(
    source: str | os.PathLike[str] | bytes,
    *,
    format: str | None = None,
    name: str | None = None,
    to_simplified: bool = False,
    max_bytes: int | None = None,
    limits: Limits | None = None,
) -> Document:
    """Read one report from a path or from bytes.

    ``format`` forces a reader (``txt``, ``html``, ``docx``, ``pdf``, ``doc``); otherwise
    it is sniffed from the content and the name. ``to_simplified`` converts traditional
    characters (needs the ``opencc`` extra). Raises :class:`InputError` for anything
    that cannot be read. ``limits`` (see :mod:`checklist.limits`) overrides the limits in
    force; ``max_bytes`` overrides just the input size.
    """
    with using(limits) as active:
        if max_bytes is not None:
            active = replace(active, max_input_bytes=max_bytes)
        with using(active):
            if isinstance(source, bytes):
                label = name or "<bytes>"
                if len(source) > active.max_input_bytes:
                    raise InputError.of(label, "error.too_large", name="max_input_bytes",
                                        value=len(source), limit=active.max_input_bytes)
                data = source
            else:
                path = Path(source)
                label = name or str(path)
                data = _read_bytes(path, label, active.max_input_bytes)
            if not data.strip():
                raise InputError.of(label, "error.empty")
            extracted = extract(data, label, format)
            return build(extracted, label, hashlib.sha256(data).hexdigest(), to_simplified=to_simplified)


def parse(text: str, *, source: str = "<text>", to_simplified: bool = False) -> Document:
    """Build a :class:`Document` from text already in memory."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return build(Extracted(text=text, format="txt", encoding=None), source, sha,
                 to_simplified=to_simplified)


def _read_bytes(path: Path, label: str, max_bytes: int) -> bytes:
    try:
        if path.is_dir():
            raise InputError.of(label, "error.directory")
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError.of(label, "error.too_large", name="max_input_bytes", value=size, limit=max_bytes)
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError.of(label, "error.not_found") from None
    except PermissionError:
        raise InputError.of(label, "error.permission") from None
    except IsADirectoryError:
        raise InputError.of(label, "error.directory") from None
    except OSError as exc:
        raise InputError.of(label, "error.os", reason=exc.strerror or str(exc)) from None


def build(extracted: Extracted, source: str, sha256: str, *, to_simplified: bool = False) -> Document:
    """Turn extracted text into a :class:`Document`."""
    original = extracted.text
    limit = current().max_text_chars
    if len(original) > limit:
        raise InputError.of(source, "error.too_long", name="max_text_chars", value=len(original), limit=limit)
    spans = line_spans(original)
    if not extracted.heading_lines:  # a reader's heading hints index the lines as they came
        spans = split_run_on(original, spans)
    nlines = normalize_lines(original, spans, to_simplified=to_simplified)
    verdicts, text_meta = clutter.classify([nl.text for nl in nlines])
    page_meta = dict(extracted.page_metadata)
    for key, value in text_meta.items():
        page_meta.setdefault(key, value)

    kept = []
    kept_origin: list[int] = []  # original line index of each kept line
    removed: list[Removed] = []
    meta_line_of: dict[str, int] = {}
    for i, (nl, verdict) in enumerate(zip(nlines, verdicts, strict=True)):
        if not nl.text:
            continue
        if verdict.kind == "body":
            kept.append(nl)
            kept_origin.append(i)
        else:
            removed.append(Removed(nl.orig_start, nl.orig_end, verdict.reason))
            if verdict.kind == "meta":
                for key in clutter.parse_fields(nl.text):
                    meta_line_of.setdefault(key, i)
            elif verdict.reason == clutter.PAGE_TITLE_REASON:
                meta_line_of.setdefault("标题", i)
    if not kept:
        raise InputError.of(source, "error.no_text")
    text, omap, norm_lines = join_lines(kept, len(original))

    layout = metadata.locate(text, norm_lines)
    hints = {}
    if extracted.heading_lines:
        origin_to_kept = {orig: k for k, orig in enumerate(kept_origin)}
        for orig_line, level in extracted.heading_lines:
            k = origin_to_kept.get(orig_line)
            if k is not None and 1 <= level <= 4:
                hints[k] = level
    sections, items, sentences = outline.build(
        text, norm_lines, (layout.body_first, layout.body_stop), hints
    )
    meta, norm_spans, fields_used = metadata.extract(text, norm_lines, layout, page_meta)
    meta_spans = {k: omap.to_original(s, e) for k, (s, e) in norm_spans.items()}
    for what, key in fields_used.items():
        line = meta_line_of.get(key)
        if line is not None:
            meta_spans[what] = (nlines[line].orig_start, nlines[line].orig_end)
    for what, keys in (("published", metadata.PUBLISHED_FIELDS),):
        if what not in meta_spans:
            for key in keys:
                if key in meta_line_of and key in page_meta:
                    line = meta_line_of[key]
                    meta_spans[what] = (nlines[line].orig_start, nlines[line].orig_end)
                    break
    body_start = norm_lines[layout.body_first][0] if layout.body_first < len(norm_lines) else len(text)
    signature_start = norm_lines[layout.body_stop][0] if layout.body_stop < len(norm_lines) else None
    return Document(
        source=source, format=extracted.format, encoding=extracted.encoding, sha256=sha256,
        original=original, text=text, offsets=omap, lines=tuple(norm_lines),
        sections=sections, items=items, sentences=sentences, metadata=meta,
        meta_spans=meta_spans, meta_norm_spans=norm_spans, page_metadata=page_meta, removed=tuple(removed),
        body_start=body_start, signature_start=signature_start,
    )
