"""Word in, Word out: the author's own .docx back with the review as comments (批注).

``annotate(path)`` audits a report and returns the bytes of a .docx: the author's
document unchanged, plus a comment per gap and finding (see
:mod:`checklist.render.review_comments`). A report that came in another format comes
back as a new .docx of its text with the same comments. ``annotate_result`` does the
same for an :class:`AuditResult` already at hand, without auditing again.
"""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

from checklist.api import audit
from checklist.document import Document
from checklist.errors import UsageError
from checklist.ingest.readers import sniff
from checklist.ingest.readers.legacy import to_docx
from checklist.messages import t
from checklist.reading import parse, read
from checklist.render.docx_comments import TextMap, add_comments, plain_document, save, text_map
from checklist.render.review_comments import plan_comments, title_span
from checklist.rules.result import AuditResult
from checklist.rules.standard import Standard

REVIEWED_SUFFIX = "-审查"  # DRAFT.docx → DRAFT-审查.docx


def default_output(path: str | os.PathLike[str]) -> Path:
    """Where ``checklist annotate DRAFT.docx`` writes: ``DRAFT-审查.docx`` beside it."""
    source = Path(path)
    return source.with_name(f"{source.stem}{REVIEWED_SUFFIX}.docx")


def annotate(
    source: str | os.PathLike[str] | bytes,
    *,
    standard: str | Path | Standard | None = None,
    lang: str = "zh",
    format: str | None = None,
) -> bytes:
    """Audit one report and return a .docx with the review as Word comments.

    ``source`` is a path or the file's bytes. A .docx comes back as itself plus comments;
    a .doc/.wps/RTF file as the .docx LibreOffice makes of it plus comments; any other
    format (.txt, HTML, PDF, a web page saved as .doc) as a new .docx of its text. Raises
    :class:`~checklist.errors.InputError` for a file that cannot be read.
    """
    if isinstance(source, bytes):
        data, name = source, "<bytes>"
        doc = read(data, format=format, name=name)
    else:
        name = str(source)
        doc = read(source, format=format)  # every input error, worded as audit words it
        data = Path(source).read_bytes()
    fmt = (format or sniff(data[:4096], name)).lower()
    if fmt == "doc":
        # a .doc comes back as the .docx LibreOffice made of it (its styles, tables and
        # headers kept), not as plain text: read again from that .docx (the conversion
        # is the one read made), so that the comments find their quotes in it
        converted = to_docx(data, name)
        if converted is not None:
            data, fmt = converted, "docx"
            doc = read(data, format="docx", name=name)
    result = audit(doc, standard, lang=lang)
    return annotate_result(result, data if fmt == "docx" else None, lang=lang, document=doc)


def annotate_result(
    result: AuditResult,
    original_docx: bytes | None,
    *,
    lang: str | None = None,
    document: Document | None = None,
) -> bytes:
    """The review in ``result`` as comments in ``original_docx`` (the audited .docx's
    bytes); without it, in a new .docx of ``result.text`` (audit with ``keep_text=True``).

    ``document`` is the report as read, when the caller has it; otherwise it is read
    again (reading, not auditing). Raises :class:`UsageError` when the result is not of
    this document or has no text to write.
    """
    say = lang or result.lang
    if original_docx is not None:
        if result.document.get("sha256") not in (None, hashlib.sha256(original_docx).hexdigest()):
            raise UsageError(t("annotate.wrong_document", say))
        doc = document or read(original_docx, format="docx")
        import docx

        word = docx.Document(io.BytesIO(original_docx))
        tmap = text_map(word)
    else:
        if document is None and result.text is None:
            raise UsageError(t("annotate.needs_text", say))
        doc = document or parse(result.text or "")
        word, tmap = plain_document(doc.original, _heading_lines(doc))
    if tmap.text != doc.original:
        tmap = _unmapped(tmap)  # the reader changed under us: every comment on the first line
    add_comments(word, tmap, plan_comments(result, doc, say), title_span(doc))
    return save(word)


def _heading_lines(doc: Document) -> dict[int, int]:
    """Level of each line of ``doc.original`` that starts a section heading."""
    starts: dict[int, int] = {}
    for s in doc.sections:
        o_start, _ = doc.to_original(s.start, s.heading_end)
        starts[doc.original.count("\n", 0, o_start)] = min(s.level, 9)
    return starts


def _unmapped(tmap: TextMap) -> TextMap:
    """A map that sends every span to its first mapped character's paragraph start."""
    first = next((s for s in tmap.sources if s is not None), None)
    return TextMap(["\x00"], [first])
