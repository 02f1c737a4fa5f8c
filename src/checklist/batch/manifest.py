"""What an incremental batch remembers: per report, the content, standard and tool version
its saved result was made with.

``OUT/.checklist/manifest.jsonl`` holds the last complete run, one JSON line per report;
each report finished since appends a line to ``OUT/.checklist/journal.jsonl`` (flushed),
so an interrupted run resumes where it stopped. At the end the journal, completed with
the earlier entries this run did not redo, becomes the new manifest.

An entry made by an older layout of the output folder (another ``layout``: rows of
another shape, other file names) is not reused: its report is audited again.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypedDict, cast

from checklist import __version__
from checklist.batch.rows import ROW_LAYOUT

if TYPE_CHECKING:
    from checklist.batch.rows import Row

INTERNAL = ".checklist"  # the output folder's own files: hidden, never a report's result
MANIFEST = f"{INTERNAL}/manifest.jsonl"
JOURNAL = f"{INTERNAL}/journal.jsonl"


class Entry(TypedDict, total=False):
    """One report's line in the manifest (the path is the key)."""

    sha256: str
    standard: str  # see :func:`standard_key`
    tool: str  # checklist's version
    layout: int  # the shape of the row and the output names (:data:`ROW_LAYOUT`)
    row: Row


class Manifest:
    """The manifest of an output folder, with this run's journal open for appending."""

    def __init__(self, out: Path, standard: str | None) -> None:
        self.path = out / MANIFEST
        self.journal_path = out / JOURNAL
        self.previous = _load((self.path, self.journal_path))
        self.standard = standard_key(standard)
        self.touched: set[str] = set()  # paths whose entry this run replaces or drops
        self._journal: TextIO | None = None

    def unchanged(self, path: str, outputs: Sequence[Path]) -> Row | None:
        """The saved row of ``path`` when its result can be kept: same content, standard
        and tool, and every output file still there; else ``None``."""
        entry = self.previous.get(path)
        digest = file_hash(path) if entry else None
        if not entry or digest is None or entry.get("sha256") != digest:
            return None
        if entry.get("standard") != self.standard or entry.get("tool") != __version__:
            return None
        if entry.get("layout") != ROW_LAYOUT:
            return None
        if not all(p.exists() for p in outputs):
            return None
        return entry["row"]

    def previous_output(self, path: str) -> str | None:
        """The file name ``path``'s results had in the last run (``None``: not in it)."""
        entry = self.previous.get(path)
        name = entry.get("row", {}).get("output") if entry else None
        return str(name) if name else None

    def record(self, path: str, sha256: str, row: Row) -> None:
        """Journal one finished report, flushed: an interrupted run resumes from here."""
        self.touched.add(path)
        if self._journal is None:
            self._journal = self.journal_path.open("a", encoding="utf-8")
        entry: Entry = {
            "sha256": sha256,
            "standard": self.standard,
            "tool": __version__,
            "layout": ROW_LAYOUT,
            "row": row,
        }
        self._journal.write(json.dumps({"path": path, **entry}, ensure_ascii=False) + "\n")
        self._journal.flush()

    def drop(self, path: str) -> None:
        """Forget ``path`` (it failed this time: it must be audited again next time)."""
        self.touched.add(path)

    def close(self) -> None:
        """Make the journal the new manifest: this run's lines, then the earlier entries not
        redone by this run, appended to it and the file renamed.

        Streams (one JSON line per report): nothing of this run is held in memory, and a
        rename is atomic, so a reader sees the old manifest or the new one.
        """
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        _drop_cut_line(self.journal_path)
        with self.journal_path.open("a", encoding="utf-8") as journal:
            for path, entry in self.previous.items():
                if path not in self.touched:
                    journal.write(json.dumps({"path": path, **entry}, ensure_ascii=False) + "\n")
        self.journal_path.replace(self.path)
        self.previous = {}


def _drop_cut_line(path: Path) -> None:
    """Remove the last line of ``path`` if a killed run cut it short (no newline)."""
    try:
        with path.open("rb+") as f:
            end = f.seek(0, os.SEEK_END)
            while end > 0:
                start = max(0, end - (1 << 16))
                f.seek(start)
                newline = f.read(end - start).rfind(b"\n")
                if newline >= 0:
                    f.truncate(start + newline + 1)
                    return
                end = start
            f.truncate(0)
    except FileNotFoundError:
        pass


def _load(sources: Sequence[Path]) -> dict[str, Entry]:
    """The last complete run's manifest, plus what an interrupted run journaled since."""
    manifest: dict[str, Entry] = {}
    for source in sources:
        try:
            with source.open(encoding="utf-8") as lines:
                for line in lines:
                    try:
                        entry = json.loads(line)
                    except ValueError:
                        continue  # the last line of a killed run may be cut short
                    if isinstance(entry, dict) and "path" in entry:
                        manifest[entry.pop("path")] = cast("Entry", entry)
        except OSError:
            pass
    return manifest


def file_hash(path: str) -> str | None:
    """The SHA-256 of a file's bytes, ``None`` when it cannot be read."""
    try:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        return h.hexdigest()
    except OSError:
        return None


def standard_key(standard: str | None) -> str:
    """What a cached result depends on: the standard's id, version and content as merged
    with what it extends (all profiles if auto), so a change in a base standard counts too."""
    from checklist.rules.standard import load_standard

    def key(ref: str) -> str:
        std = load_standard(ref)
        # not ``source``: where the file lies (a moved checkout) changes no verdict
        digest = hashlib.sha256(std.model_dump_json(exclude={"source"}).encode("utf-8")).hexdigest()[:12]
        return f"{std.id}@{std.version}#{digest}"

    if standard is None:
        return "auto:" + ",".join(key(s) for s in ("national", "township", "department"))
    return key(standard)
