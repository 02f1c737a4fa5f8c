"""The output folder of ``checklist batch``: a file name per report, each report's
``<name>.json`` (always: the summaries, the overview, the cross-report pass and the next
incremental run are built from it) and ``<name>.html``, its fingerprint for the
cross-report pass, the overview page and the summary rows.

Every file is written whole or not at all (:func:`checklist.fileio.write_atomic`).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from checklist.batch.rows import Row, to_line
from checklist.fileio import write_atomic

if TYPE_CHECKING:
    from checklist.crossreport.copied import Fingerprint
    from checklist.rules.result import AuditResult, Finding

FINGERPRINTS = ".fingerprints"  # a pickle per report, for the cross-report pass
ROWS = "summary.rows.jsonl"
INDEX = "index.html"


def prepare(out: Path, cross: bool) -> None:
    """Make the folder; remove what a write cut short by an interrupted run left."""
    out.mkdir(parents=True, exist_ok=True)
    for stale in [*out.glob(".*.tmp*"), *out.glob(f"{FINGERPRINTS}/.*.tmp*")]:
        stale.unlink(missing_ok=True)
    if cross:
        (out / FINGERPRINTS).mkdir(exist_ok=True)


def output_names(paths: Sequence[str]) -> dict[str, str]:
    """A unique, safe file stem per input (the file's stem; a short hash when stems clash)."""
    stems: dict[str, int] = {}
    for p in paths:
        stem = safe_stem(Path(p).stem)
        stems[stem] = stems.get(stem, 0) + 1
    out = {}
    for p in paths:
        stem = safe_stem(Path(p).stem)
        if stems[stem] > 1:
            stem += "-" + hashlib.blake2b(os.path.abspath(p).encode(), digest_size=4).hexdigest()
        out[p] = stem
    return out


def safe_stem(stem: str) -> str:
    """``stem`` made a portable file name (no separators, reserved or control characters)."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", stem).strip(" .") or "report"
    return cleaned[:120]


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


def save_fingerprint(out: Path, name: str, prints: Fingerprint) -> None:
    """Keep a report's fingerprint for the cross-report pass at the end of the run."""
    write_atomic(out / FINGERPRINTS / f"{name}.pickle", pickle.dumps(prints))


def load_fingerprints(out: Path, rows: Iterable[Row]) -> list[Fingerprint]:
    """The fingerprints kept for ``rows``; a report without one (an older run) is left out."""
    prints = []
    for row in rows:
        try:
            prints.append(pickle.loads((out / FINGERPRINTS / f"{row['output']}.pickle").read_bytes()))
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            continue
    return prints


def write_rows(out: Path, rows: Iterable[Row]) -> Path:
    """``summary.rows.jsonl``: the summary rows, one JSON line each (what
    :attr:`BatchSummary.rows` reads back)."""
    final = out / ROWS
    data = io.BytesIO()  # one copy in memory, as bytes
    for row in rows:
        data.write(to_line(row).encode("utf-8"))
    write_atomic(final, data.getvalue())
    return final


def write_index(out: Path, rows: Iterable[Row], lang: str) -> None:
    """The overview page, from the saved results stripped of their evidence."""
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
    write_atomic(out / INDEX, render_overview(light, links, lang, show))
