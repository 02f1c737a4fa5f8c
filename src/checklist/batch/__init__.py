"""Batch audits: many reports, in parallel, incremental, nothing lost.

``audit_many`` yields one record per input as it completes, on a process pool or any
``concurrent.futures.Executor`` (``dask.distributed``'s ``Client.get_executor()`` runs
the same code on a cluster). Errors are records, never raised mid-stream, so
``inputs == results + errors`` always holds.

``run_batch`` is what ``checklist batch`` does: it writes ``DIR/<name>.json`` (and
``.html``) per report as each completes (atomically: temp file + rename), a manifest
that lets an interrupted or repeated run skip reports whose content, standard version
and tool version are unchanged, and at the end ``summary.csv``, ``summary.xlsx``,
``errors.csv`` and ``index.html``.

The modules, one job each:

- :mod:`~checklist.batch.runner`: ``audit_many`` and its records (the Python API), and
  ``audit_into``, the same pool with each worker writing its reports' files;
- :mod:`~checklist.batch.command`: ``run_batch``, the steps of ``checklist batch``;
- :mod:`~checklist.batch.manifest`: what an incremental run remembers (manifest, journal);
- :mod:`~checklist.batch.output`: the output folder (names, per-report files, overview);
- :mod:`~checklist.batch.rows`: summary rows and the exit policy applied to them;
- :mod:`~checklist.batch.spreadsheets`: ``summary.csv``, ``summary.xlsx``, ``errors.csv``;
- :mod:`~checklist.batch.cross`: copied text between issuers, year over year.
"""

from __future__ import annotations

from checklist.batch.command import FORMATS, BatchSummary, run_batch
from checklist.batch.manifest import JOURNAL, MANIFEST
from checklist.batch.output import output_names
from checklist.batch.rows import RowStore, fails_policy, summary_row
from checklist.batch.runner import BatchError, BatchResult, audit_many

__all__ = [
    "FORMATS",
    "JOURNAL",
    "MANIFEST",
    "BatchError",
    "BatchResult",
    "BatchSummary",
    "RowStore",
    "audit_many",
    "fails_policy",
    "output_names",
    "run_batch",
    "summary_row",
]
