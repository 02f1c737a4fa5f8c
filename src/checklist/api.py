"""The Python API: ``audit`` one report, choose the profile, test a standard's examples."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from pathlib import Path

from checklist.document import Document
from checklist.ingest.readers import SUFFIXES
from checklist.messages import check_lang, t
from checklist.reading import check_type, parse, read
from checklist.rules.engine import evaluate, judge, make_context
from checklist.rules.result import AuditResult, RemovedSpan
from checklist.rules.standard import Standard, load_standard
from checklist.rules.waivers import WaiverEntry

PROFILE_BY_LEVEL = {"township": "township", "department": "department"}


def to_document(source: str | os.PathLike[str] | bytes | Document, *, format: str | None = None) -> Document:
    """A :class:`Document` from a path, bytes, text, or a document already read."""
    if isinstance(source, Document):
        return source
    if isinstance(source, (bytes, os.PathLike)) or _looks_like_path(source):
        return read(source, format=format)
    return parse(source)


_SENTENCE = re.compile(r"[。，；：！？、]")


def _looks_like_path(text: str) -> bool:
    """A one-line string naming a file (by its suffix or a folder separator) is a path.

    Report text is never one: it has Chinese sentence punctuation, or is longer than any
    file name (a report that lost its line breaks is one long line).
    """
    if "\n" in text or len(text) > 1024:
        return False
    if text.lower().endswith(SUFFIXES):
        return True  # 区委、区政府的报告（定稿）.docx is a file name all the same
    try:
        if Path(text).exists():
            return True
    except (OSError, ValueError):  # too long for a file name, or a NUL byte
        return False
    return os.sep in text and not _SENTENCE.search(text)


def choose_standard(doc: Document, standard: str | Path | Standard | None, lang: str = "zh") -> tuple[Standard, str]:
    """The standard to use and why: given, or the profile for the issuer's level."""
    if isinstance(standard, Standard):
        return standard, t("profile.given", lang, standard=standard.id)
    if standard is not None:
        std = load_standard(standard)
        return std, t("profile.given", lang, standard=std.id)
    level = doc.metadata.level
    profile = PROFILE_BY_LEVEL.get(level or "")
    if profile:
        return load_standard(profile), t("profile.auto", lang, level=t(f"level.{level}", lang), standard=profile)
    return load_standard("national"), t("profile.default", lang, standard="national")


def audit(
    source: str | os.PathLike[str] | bytes | Document,
    standard: str | Path | Standard | None = None,
    *,
    lang: str = "zh",
    waivers: Sequence[WaiverEntry] = (),
    format: str | None = None,
    today: dt.date | None = None,
    keep_text: bool = False,
) -> AuditResult:
    """Audit one report against a standard; every verdict with its evidence.

    Args:
        source: the report: a path (``str`` or :class:`os.PathLike`), its content as
            ``bytes``, its text (a ``str`` that is no file name), or a :class:`Document`
            from :func:`checklist.read` / :func:`checklist.parse`.
        standard: a shipped standard's id (``national``, ``township``, ``department``), the
            path of a standard's YAML file, a :class:`Standard` from
            :func:`checklist.load_standard`, or ``None`` to choose by the issuer's level
            (township → ``township``, department → ``department``, else ``national``).
        lang: the language of messages and suggestions: ``zh`` (default) or ``en``.
        waivers: requirements waived for this report (see :mod:`checklist.rules.waivers`);
            a waived requirement keeps its verdict and shows the waiver.
        format: force a reader (``txt``, ``html``, ``docx``, ``pdf``, ``doc``) when
            ``source`` is a path or bytes; ``None`` sniffs it.
        today: the date waivers expire against; ``None`` is today.
        keep_text: keep the report's original text and the removed clutter in the result
            (``text``, ``removed``), for the HTML report's document view.

    Returns:
        An :class:`AuditResult`; ``result.model_dump_json()`` is the JSON contract.

    Raises:
        ValueError: ``lang`` is not a known language.
        TypeError: an argument of the wrong type (the message names it).
        InputError: the report cannot be read.
        StandardError: the standard cannot be loaded.
    """
    lang = check_lang(lang)
    check_type(
        source, "source", (str, os.PathLike, bytes, Document), "str, os.PathLike, bytes, checklist.Document", lang
    )
    check_type(
        standard, "standard", (str, Path, Standard, type(None)), "str, pathlib.Path, checklist.Standard, None", lang
    )
    check_type(today, "today", (dt.date, type(None)), "datetime.date, None", lang)
    _check_waivers(waivers, lang)
    doc = to_document(source, format=format)
    std, reason = choose_standard(doc, standard, lang)
    result = evaluate(doc, std, lang=lang, waivers=waivers, reason=reason, today=today)
    if keep_text:
        removed = [
            RemovedSpan(start=r.start, end=r.end, reason=t(f"removed.{r.reason}", lang), code=r.reason)
            for r in doc.removed
        ]
        result = result.model_copy(update={"text": doc.original, "removed": removed})
    return result


def _check_waivers(waivers: object, lang: str) -> None:
    # a file name is a sequence too (of letters): load_waivers reads the file
    accepted = "Sequence[WaiverEntry] (checklist.rules.waivers.load_waivers reads a file)"
    check_type(waivers, "waivers", (list, tuple) if isinstance(waivers, (str, bytes)) else (Sequence,), accepted, lang)


def example_failures(standard: Standard, *, lang: str = "zh") -> list[str]:
    """Run every requirement's examples; describe (in ``lang``) each one that gets the wrong status."""
    failures = []
    for req in standard.requirements:
        if req.applies is False:
            continue
        for i, ex in enumerate(req.examples):
            doc = parse(ex.text, source=f"{standard.id}:{req.id}:example{i + 1}")
            got, _ = judge(req, make_context(doc, standard))
            if got != ex.status:
                failure = t(
                    "example.wrong_status",
                    lang,
                    standard=standard.id,
                    requirement=req.id,
                    n=i + 1,
                    expected=ex.status,
                    got=got,
                )
                failures.append(failure + (t("example.note", lang, note=ex.note) if ex.note else ""))
    return failures
