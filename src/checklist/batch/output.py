"""The output folder of ``checklist batch``: a file name per report, each report's
``<name>.json`` (always: the summaries, the overview, the cross-report pass and the next
incremental run are built from it) and ``<name>.html``, the overview page, and the
folder's own files in ``OUT/.checklist/`` (manifest, journal, summary rows, and
``cross.sqlite``, the fingerprints and state of the cross-report pass), so that every
``*.json`` beside the summaries is a report's result.

Every file is written whole or not at all (:func:`checklist.fileio.write_atomic`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from checklist.batch.manifest import INTERNAL, JOURNAL, MANIFEST
from checklist.batch.prints import STORE, PrintStore
from checklist.batch.rows import Row
from checklist.fileio import write_atomic

if TYPE_CHECKING:
    from checklist.rules.result import AuditResult, Finding

# fingerprints for the cross-report pass live in one SQLite file of plain data
# (:mod:`checklist.batch.prints`); this folder of pickles, of an earlier version, is
# removed unread: a pickle from a shared or downloaded folder could run any code
_PICKLED_FINGERPRINTS = f"{INTERNAL}/fingerprints"
_STORES: dict[Path, PrintStore] = {}  # open for the run: one connection, commits in groups
ROWS = f"{INTERNAL}/rows.jsonl"
ROWS_TMP = f"{INTERNAL}/rows.tmp.jsonl"
INDEX = "index.html"
# the stems of the folder's own files: a report named so is named by its whole file name
_RESERVED = frozenset({"index", "summary", "gaps", "errors", "compare"})
# the first layout kept its own files beside the results
_LEGACY_MANIFEST = ".checklist-manifest.jsonl"
_LEGACY_JOURNAL = ".checklist-journal.jsonl"
_LEGACY_FILES = ("summary.rows.jsonl", ".rows.tmp.jsonl")
_LEGACY_FINGERPRINTS = ".fingerprints"


def prepare(out: Path, cross: bool) -> None:
    """Make the folder; remove what a write cut short by an interrupted run left; move an
    output folder of the first layout to this one."""
    (out / INTERNAL).mkdir(parents=True, exist_ok=True)
    _from_legacy_layout(out)
    shutil.rmtree(out / _PICKLED_FINGERPRINTS, ignore_errors=True)
    for stale in [*out.glob(".*.tmp*"), *(out / INTERNAL).glob(".*.tmp*")]:
        stale.unlink(missing_ok=True)


def _from_legacy_layout(out: Path) -> None:
    """The first layout's manifest becomes this one's (its entries, of another layout, are
    redone, and the files they name removed if their names changed); its other files go."""
    for legacy, now in ((_LEGACY_MANIFEST, MANIFEST), (_LEGACY_JOURNAL, JOURNAL)):
        old = out / legacy
        if old.exists():
            if (out / now).exists():
                old.unlink()
            else:
                old.replace(out / now)
    for name in _LEGACY_FILES:
        (out / name).unlink(missing_ok=True)
    shutil.rmtree(out / _LEGACY_FINGERPRINTS, ignore_errors=True)


def output_names(paths: Sequence[str]) -> dict[str, str]:
    """A unique, safe, readable file stem per input.

    The file's stem (``a`` for ``a.docx``); when stems clash (``a.docx`` and ``a.pdf``), or
    the stem is one of the folder's own names (``index``), the whole file name
    (``a.docx``); when those clash too (``x/a.txt``, ``y/a.txt``), as many parent folders
    as tell them apart (``x_a.txt``). Names are compared ignoring case, as Windows and
    macOS do; a short hash of the path is the last resort.
    """
    names = {p: safe_stem(PurePath(p).stem) for p in paths}
    for depth in range(0, 1 + max((len(PurePath(p).parts) for p in paths), default=0)):
        clashing = _clashes(names)
        if not clashing:
            return names
        for p in clashing:
            names[p] = _longer_name(p, depth)
    for p in _clashes(names):
        names[p] += "-" + hashlib.blake2b(os.path.abspath(p).encode(), digest_size=4).hexdigest()
    return names


def _clashes(names: dict[str, str]) -> list[str]:
    """The paths whose name another path has too, or that is a reserved name."""
    count: dict[str, int] = {}
    for name in names.values():
        count[name.casefold()] = count.get(name.casefold(), 0) + 1
    return [p for p, name in names.items() if count[name.casefold()] > 1 or name.casefold() in _RESERVED]


def _longer_name(path: str, depth: int) -> str:
    """The file name of ``path`` after its ``depth`` nearest folders, joined by ``_``."""
    parts = [x for x in PurePath(os.path.normpath(path)).parts if x not in ("/", "\\", "..", ".")]
    kept = [safe_stem(x) for x in parts[-(depth + 1) :]]
    return safe_stem("_".join(kept))


def safe_stem(stem: str) -> str:
    """``stem`` made a portable file name (no separators, reserved or control characters)."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", stem).strip(" .") or "report"
    return cleaned[:120]


def remove_results(out: Path, name: str) -> None:
    """Remove the files of a report once named ``name`` (its name changed since)."""
    for ext in ("json", "html"):
        (out / f"{name}.{ext}").unlink(missing_ok=True)
    forget_prints(out, [name])


def forget_prints(out: Path, names: Iterable[str]) -> None:
    """Forget the fingerprints of reports ``names`` (their results removed, or audited
    again by a run without the cross pass, so made of their text before): the next pass
    makes them again and looks again at the copies they took part in. Nothing to do in a
    folder without a store."""
    if not (out / STORE).exists():
        return
    store = _STORES.get(out.resolve())
    if store is not None:
        store.forget(names)
        return
    store = PrintStore(out)  # not kept open: a run without the cross pass never opens it
    try:
        store.forget(names)
    finally:
        store.close()


def report_files(out: Path, name: str, formats: Iterable[str]) -> list[Path]:
    """The files a report of ``name`` has in the folder (JSON, and HTML when asked)."""
    return [out / f"{name}.{ext}" for ext in ("json", *formats) if ext in ("json", "html")]


def save_result(out: Path, name: str, result: AuditResult, html: bool, lang: str) -> None:
    """Write a report's JSON result (and its HTML page when ``html``)."""
    write_atomic(out / f"{name}.json", result.model_dump_json())
    if html:
        from checklist.render.html import render_report

        write_atomic(out / f"{name}.html", render_report(result, lang, index_href=INDEX))


def load_result(out: Path, name: str) -> AuditResult:
    """A report's saved result."""
    from checklist.rules.result import AuditResult

    return AuditResult.model_validate_json((out / f"{name}.json").read_text(encoding="utf-8"))


def with_findings(result: AuditResult, code: str, findings: Sequence[Finding]) -> AuditResult:
    """``result`` with its ``code`` findings replaced (re-runs do not pile them up)."""
    kept = [f for f in result.findings if f.code != code]
    return result.model_copy(update={"findings": [*kept, *findings]})


def fingerprint_store(out: Path) -> PrintStore:
    """The fingerprint store of folder ``out``, opened once per run (closed by
    :func:`close_fingerprints`)."""
    key = out.resolve()
    store = _STORES.get(key)
    if store is None:
        store = _STORES[key] = PrintStore(out)
    return store


def close_fingerprints(out: Path) -> None:
    """Commit and close folder ``out``'s fingerprint store, if open."""
    store = _STORES.pop(out.resolve(), None)
    if store is not None:
        store.close()


def write_index(out: Path, rows: Iterable[Row], lang: str, *, pass_line: float | None = None) -> None:
    """The overview page, from the saved results stripped of their evidence (``pass_line``:
    the passing score, drawn on its score chart)."""
    from checklist.render.html import render_overview
    from checklist.rules.result import AuditResult

    light = []
    links = []
    copied: list[float | None] = []
    for row in rows:
        try:
            data = json.loads((out / f"{row['output']}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        data.pop("text", None)
        data.pop("removed", None)
        data["findings"] = []
        for r in data["requirements"]:
            r["evidence"] = []
        light.append(AuditResult.model_validate(data))
        links.append(f"{row['output']}.html")
        share = row.get("copied_share")
        copied.append(float(share) if share is not None else None)
    show = copied if any(c is not None for c in copied) else None
    write_atomic(out / INDEX, render_overview(light, links, lang, show, pass_line=pass_line))
