"""What an incremental batch remembers: per report, the content, standard and tool version
its saved result was made with.

``OUT/.checklist/manifest.jsonl`` holds the last complete run, one JSON line per report;
each report finished since appends a line to ``OUT/.checklist/journal.jsonl`` (flushed),
so an interrupted run resumes where it stopped. At the end the journal, completed with
the earlier entries this run did not redo, becomes the new manifest.

A line is the JSON object ``{"path", "sha256", "standard" (:func:`standard_key`), "tool"
(checklist's version), "layout" (:data:`ROW_LAYOUT`), "row"}``, in that order, as
``json.dumps`` writes it. Only its header is held in memory; a skipped report's row is
read back from the line as it was written (never parsed and written again), and the
lines not redone are copied into the new manifest as they are.

Its last line, ``{"standard_key": {"standard", "tool", "key", "sources"}}`` (no ``path``:
no entry), is the run's :func:`standard_key` with the files it came from (their text's
SHA-256): while they are unchanged the next run reads the key back instead of loading
the standards, which would be most of an unchanged re-run (:func:`current_standard_key`).

An entry made by an older layout of the output folder (another ``layout``: rows of
another shape, other file names) is not reused: its report is audited again.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple, TextIO

from checklist import __version__
from checklist.batch.rows import ROW_LAYOUT, to_line
from checklist.rules.bundled import unchanged

if TYPE_CHECKING:
    from checklist.batch.rows import Row

INTERNAL = ".checklist"  # the output folder's own files: hidden, never a report's result
MANIFEST = f"{INTERNAL}/manifest.jsonl"
JOURNAL = f"{INTERNAL}/journal.jsonl"


class _Kept(NamedTuple):
    """What is held in memory of one manifest line: its header, and where the line is.

    The row itself stays on disk (a batch of 100,000 reports would hold gigabytes of
    rows) and is read back, never parsed again, when the report is skipped.
    """

    sha256: str | None
    standard: str | None
    tool: str | None
    layout: int | None
    output: str | None  # the row's ``output``
    score: float
    source: int  # 0: the manifest, 1: the journal
    offset: int  # of the line, in bytes
    length: int  # of the line, in bytes, with its newline
    keyed: bool  # its keys are the canonical ones, in order, with a row (see the module docstring)


class Manifest:
    """The manifest of an output folder, with this run's journal open for appending."""

    def __init__(self, out: Path, standard: StandardKey) -> None:
        self.path = out / MANIFEST
        self.journal_path = out / JOURNAL
        _drop_cut_line(self.journal_path)  # else this run's first line would be glued to it
        self._sources = (self.path, self.journal_path)
        self.previous = _load(self._sources)
        self.standard = standard.key
        self._standard_record = standard
        self.touched: set[str] = set()  # paths whose entry this run replaces or drops
        self._journal: TextIO | None = None
        self._readers: dict[int, BinaryIO] = {}

    def unchanged(self, path: str, outputs: Sequence[Path]) -> tuple[float, str] | None:
        """The score and saved row (one JSON line) of ``path`` when its result can be kept:
        same content, standard and tool, and every output file still there; else ``None``."""
        entry = self.previous.get(path)
        if entry is None or not entry.keyed:
            return None
        if entry.standard != self.standard or entry.tool != __version__ or entry.layout != ROW_LAYOUT:
            return None
        digest = file_hash(path)
        if digest is None or entry.sha256 != digest:
            return None
        if not all(p.exists() for p in outputs):
            return None
        # the row as written, when the line is exactly what :meth:`record_line` writes
        line = self._line(entry)
        head = _header(path, entry.sha256, entry.standard, entry.tool, entry.layout).encode("utf-8")
        if not line.startswith(head) or not line.endswith(b"}}\n"):
            return None
        return entry.score, line[len(head) : -2].decode("utf-8") + "\n"  # without the entry's closing brace

    def previous_output(self, path: str) -> str | None:
        """The file name ``path``'s results had in the last run (``None``: not in it)."""
        entry = self.previous.get(path)
        return entry.output if entry else None

    def record(self, path: str, sha256: str, row: Row) -> None:
        """Journal one finished report, flushed: an interrupted run resumes from here."""
        self.record_line(path, sha256, to_line(row))

    def record_line(self, path: str, sha256: str, line: str) -> None:
        """:meth:`record` with the row given as its JSON line (:func:`to_line`)."""
        self.touched.add(path)
        if self._journal is None:
            self._journal = self.journal_path.open("a", encoding="utf-8")
        self._journal.write(_header(path, sha256, self.standard, __version__, ROW_LAYOUT) + line[:-1] + "}\n")
        self._journal.flush()

    def drop(self, path: str) -> None:
        """Forget ``path`` (it failed this time: it must be audited again next time)."""
        self.touched.add(path)

    def close(self) -> None:
        """Make the journal the new manifest: this run's lines, then the earlier entries not
        redone by this run, appended to it and the file renamed.

        Streams (one JSON line per report, copied as it was): nothing of this run is held
        in memory, and a rename is atomic, so a reader sees the old manifest or the new one.
        """
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        _drop_cut_line(self.journal_path)
        with self.journal_path.open("ab") as journal:
            for path, entry in self.previous.items():
                # a line of the journal is in it already (an interrupted run's)
                if path not in self.touched and entry.source == 0:
                    journal.write(self._line(entry))
            journal.write(self._standard_record.line())  # last: read back alone by the next run
        for reader in self._readers.values():
            reader.close()
        self._readers = {}
        self.journal_path.replace(self.path)
        self.previous = {}

    def _line(self, entry: _Kept) -> bytes:
        reader = self._readers.get(entry.source)
        if reader is None:
            reader = self._readers[entry.source] = self._sources[entry.source].open("rb")
        reader.seek(entry.offset)
        return reader.read(entry.length)


def _header(path: str, sha256: str | None, standard: str | None, tool: str | None, layout: int | None) -> str:
    """A manifest line up to its row: ``json.dumps`` of the entry, cut before the row."""
    head = {"path": path, "sha256": sha256, "standard": standard, "tool": tool, "layout": layout}
    return json.dumps(head, ensure_ascii=False)[:-1] + ', "row": '


def _drop_cut_line(path: Path) -> None:
    """Remove the last line of ``path`` if a killed run cut it short (no newline)."""
    try:
        with path.open("rb+") as f:
            end = f.seek(0, os.SEEK_END)
            if end == 0:
                return
            f.seek(end - 1)
            if f.read(1) == b"\n":
                return
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


def _load(sources: Sequence[Path]) -> dict[str, _Kept]:
    """The last complete run's manifest, plus what an interrupted run journaled since."""
    manifest: dict[str, _Kept] = {}
    for source, path in enumerate(sources):
        try:
            with path.open("rb") as lines:
                offset = 0
                for line in lines:
                    kept = _entry(line, source, offset)
                    offset += len(line)
                    if kept is not None:
                        manifest[kept[0]] = kept[1]
        except OSError:
            pass
    return manifest


def _entry(line: bytes, source: int, offset: int) -> tuple[str, _Kept] | None:
    """One manifest line read: its path and what is kept of it (``None``: no entry)."""
    try:
        entry = json.loads(line)
    except ValueError:
        return None  # the last line of a killed run may be cut short
    if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
        return None
    row = entry.get("row")
    row = row if isinstance(row, dict) else {}
    output = row.get("output")
    try:
        score = float(row.get("score", 0.0))
    except (TypeError, ValueError):
        score = 0.0
    kept = _Kept(
        sha256=entry.get("sha256"),
        standard=entry.get("standard"),
        tool=entry.get("tool"),
        layout=entry.get("layout"),
        output=str(output) if output else None,
        score=score,
        source=source,
        offset=offset,
        length=len(line),
        keyed=bool(row) and list(entry) == ["path", "sha256", "standard", "tool", "layout", "row"],
    )
    return entry["path"], kept


def _last_line(path: Path) -> dict[str, Any]:
    """The last line of ``path`` as a JSON object (empty: none, or not one)."""
    try:
        with path.open("rb") as f:
            end = f.seek(0, os.SEEK_END)
            f.seek(max(0, end - (1 << 16)))
            line = f.read().rstrip(b"\n").rpartition(b"\n")[2]
        data = json.loads(line)
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


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


AUTO = ("national", "township", "department")  # the standards chosen by issuer without ``standard``


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
        return "auto:" + ",".join(key(s) for s in AUTO)
    return key(standard)


class StandardKey(NamedTuple):
    """:func:`standard_key` of this run, with the files it came from (``sources``, see
    :func:`checklist.rules.bundled.unchanged`)."""

    standard: str | None
    key: str
    sources: Sequence[Sequence[str | None]]  # :data:`~checklist.rules.bundled.Source` each

    def line(self) -> bytes:
        """The manifest's last line: this key for the next run (no ``path``: no entry)."""
        record = {"standard": self.standard, "tool": __version__, "key": self.key, "sources": self.sources}
        return (json.dumps({_STANDARD_KEY: record}, ensure_ascii=False) + "\n").encode("utf-8")


_STANDARD_KEY = "standard_key"


def current_standard_key(out: Path, standard: str | None) -> StandardKey:
    """:func:`standard_key` of ``standard``, read back from the last run's manifest when
    the files it came from are unchanged (the same text), else computed (loading the
    standard: a standard that does not load raises its :class:`~checklist.errors.StandardError`).

    Loading the three shipped standards (YAML and validation) to compute a key would
    be most of an unchanged re-run; checking their files is a stat and a read each.
    """
    record = _last_line(out / MANIFEST).get(_STANDARD_KEY)
    if (
        isinstance(record, dict)
        and record.get("standard") == standard
        and record.get("tool") == __version__
        and isinstance(record.get("key"), str)
        and isinstance(record.get("sources"), list)
        and all(isinstance(s, list) for s in record["sources"])
        and unchanged(record["sources"])
    ):
        return StandardKey(standard, record["key"], record["sources"])
    from checklist.rules.standard import standard_sources

    # the sources first: a file edited meanwhile gives a key newer than its recorded text,
    # which the next run finds changed (never an old key recorded with the new text)
    sources = [s for ref in (AUTO if standard is None else (standard,)) for s in standard_sources(ref)]
    return StandardKey(standard, standard_key(standard), sources)
