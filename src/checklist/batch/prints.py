"""The cross-report pass's memory in an output folder: ``OUT/.checklist/cross.sqlite``.

Two tables, plain data only (nothing read back from an output folder can run code: the
folder may have been shared or downloaded):

* ``prints``: each report's fingerprint (:class:`checklist.crossreport.copied.Fingerprint`)
  as little-endian arrays, its section names as JSON and the original text of its
  retained sentences (zlib-compressed JSON, the quotes of its findings), computed in the
  worker that audited it, so an unchanged report is never read again.
* ``state``: what the last pass left in each report's result (the size and time of its
  JSON file, what its copied-text findings were made from, its counts), so that a re-run
  redoes only the reports whose inputs changed.

Everything is validated on load: a row of the wrong shape is ignored (its fingerprint
recomputed), and a file that is no SQLite database is replaced.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import zlib
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from checklist.batch.manifest import INTERNAL

if TYPE_CHECKING:
    from checklist.crossreport.copied import Fingerprint

STORE = f"{INTERNAL}/cross.sqlite"
_VERSION = "2"  # of the tables' layout: another one is dropped and rebuilt
_COMMIT_EVERY = 64  # fingerprints written between commits (an interrupted run recomputes the rest)
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS prints (name TEXT PRIMARY KEY, key TEXT, exact BLOB, minhash BLOB,"
    " numbers BLOB, spans BLOB, section BLOB, sections TEXT, quotes BLOB)",
    "CREATE TABLE IF NOT EXISTS state (name TEXT PRIMARY KEY, mtime INTEGER, size INTEGER, digest TEXT,"
    " sentences INTEGER, share REAL, quality INTEGER, compared TEXT)",
)
# (typecode, bytes per sentence) of each array column: what a valid row must have
_ARRAYS = (("exact", "Q", 8), ("numbers", "H", 2), ("spans", "I", 8), ("section", "i", 4))


@dataclass(frozen=True)
class State:
    """What the last pass left in one report's result."""

    mtime: int
    size: int
    digest: str
    sentences: int
    share: float
    quality: int
    compared: str  # the output name of the report it was compared with ("" none)


def _to_bytes(values: array[int]) -> bytes:
    if sys.byteorder == "big":
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def _from_bytes(typecode: str, data: object, per: int, n: int) -> array[int] | None:
    if not isinstance(data, bytes) or len(data) != per * n:
        return None
    values: array[int] = array(typecode)
    values.frombytes(data)
    if sys.byteorder == "big":
        values.byteswap()
    return values


class PrintStore:
    """The SQLite file of an output folder, open."""

    def __init__(self, out: Path) -> None:
        self.path = out / STORE
        self._pending = 0
        try:
            self.db = self._open()
        except sqlite3.DatabaseError:  # not a database (cut short, or not ours): start again
            self.path.unlink(missing_ok=True)
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        try:
            for statement in _SCHEMA:
                db.execute(statement)
            row = db.execute("SELECT v FROM meta WHERE k = 'version'").fetchone()
            if row is None or row[0] != _VERSION:
                db.execute("DELETE FROM prints")
                db.execute("DELETE FROM state")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (_VERSION,))
            db.commit()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def close(self) -> None:
        """Commit and close."""
        self.db.commit()
        self.db.close()

    def put(self, name: str, prints: Fingerprint) -> None:
        """Keep report ``name``'s fingerprint (committed in groups, and on :meth:`close`)."""
        quotes = zlib.compress(json.dumps(list(prints.quotes), ensure_ascii=False).encode("utf-8"))
        self.db.execute(
            "INSERT OR REPLACE INTO prints VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                name,
                prints.key,
                _to_bytes(prints.exact),
                bytes(prints.minhash),
                _to_bytes(prints.numbers),
                _to_bytes(prints.spans),
                _to_bytes(prints.section),
                json.dumps(list(prints.sections), ensure_ascii=False),
                quotes,
            ),
        )
        self._pending += 1
        if self._pending >= _COMMIT_EVERY:
            self.db.commit()
            self._pending = 0

    def get(self, name: str, key: str) -> Fingerprint | None:
        """Report ``name``'s fingerprint under id ``key``, without its quotes; ``None`` when
        there is none, it was made for another report, or it is not of the right shape."""
        try:
            row = self.db.execute(
                "SELECT key, exact, minhash, numbers, spans, section, sections FROM prints WHERE name = ?", (name,)
            ).fetchone()
        except sqlite3.DatabaseError:
            return None
        if row is None or row[0] != key:
            return None
        return _fingerprint(key, row[1:])

    def quotes(self, name: str) -> dict[tuple[int, int], str]:
        """The original text of report ``name``'s retained sentences, by their span
        (empty when not kept or not of the right shape)."""
        try:
            row = self.db.execute("SELECT spans, quotes FROM prints WHERE name = ?", (name,)).fetchone()
            texts = json.loads(zlib.decompress(row[1]).decode("utf-8")) if row else None
        except (sqlite3.DatabaseError, zlib.error, ValueError, TypeError):
            return {}
        if not isinstance(texts, list) or not all(isinstance(x, str) for x in texts):
            return {}
        spans = _from_bytes("I", row[0], 8, len(texts))
        if spans is None:
            return {}
        return {(spans[2 * i], spans[2 * i + 1]): text for i, text in enumerate(texts)}

    def state(self, name: str) -> State | None:
        """What the last pass left in report ``name``'s result (``None``: nothing known)."""
        try:
            row = self.db.execute(
                "SELECT mtime, size, digest, sentences, share, quality, compared FROM state WHERE name = ?", (name,)
            ).fetchone()
        except sqlite3.DatabaseError:
            return None
        types = (int, int, str, int, float, int, str)
        if row is None or not all(isinstance(v, t) for v, t in zip(row, types, strict=True)):
            return None
        return State(*row)

    def set_state(self, name: str, state: State) -> None:
        """Remember what this pass left in report ``name``'s result."""
        self.db.execute(
            "INSERT OR REPLACE INTO state VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (name, state.mtime, state.size, state.digest, state.sentences, state.share, state.quality, state.compared),
        )

    def setting(self, key: str) -> str | None:
        """A value kept in ``meta``."""
        row = self.db.execute("SELECT v FROM meta WHERE k = ?", (key,)).fetchone()
        return str(row[0]) if row is not None else None

    def set_setting(self, key: str, value: str) -> None:
        """Keep a value in ``meta``."""
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def clear_state(self) -> None:
        """Forget every report's state (the settings of the pass changed)."""
        self.db.execute("DELETE FROM state")

    def keep_only(self, names: set[str]) -> None:
        """Forget the reports not in ``names`` (gone from the batch)."""
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS current (name TEXT PRIMARY KEY)")
        self.db.execute("DELETE FROM current")
        self.db.executemany("INSERT OR IGNORE INTO current VALUES (?)", ((n,) for n in names))
        for table in ("prints", "state"):
            self.db.execute(f"DELETE FROM {table} WHERE name NOT IN (SELECT name FROM current)")

    def remove(self, name: str) -> None:
        """Forget report ``name`` (its results were removed)."""
        self.db.execute("DELETE FROM prints WHERE name = ?", (name,))
        self.db.execute("DELETE FROM state WHERE name = ?", (name,))
        self.db.commit()


def _fingerprint(key: str, row: tuple[object, ...]) -> Fingerprint | None:
    """A fingerprint from a ``prints`` row (exact, minhash, numbers, spans, section,
    sections), or ``None`` when any part has the wrong type or size."""
    from checklist.crossreport.copied import PERMUTATIONS, Fingerprint

    exact_data, minhash, numbers_data, spans_data, section_data, sections_json = row
    if not isinstance(exact_data, bytes) or len(exact_data) % 8 or not isinstance(sections_json, str):
        return None
    n = len(exact_data) // 8
    columns = {"exact": exact_data, "numbers": numbers_data, "spans": spans_data, "section": section_data}
    arrays = {name: _from_bytes(code, columns[name], per, n) for name, code, per in _ARRAYS}
    try:
        sections = json.loads(sections_json)
    except ValueError:
        return None
    if not isinstance(minhash, bytes) or len(minhash) != 2 * PERMUTATIONS * n:
        return None
    if not isinstance(sections, list) or not all(isinstance(s, str) for s in sections):
        return None
    exact, numbers, spans, section = (arrays[c] for c in ("exact", "numbers", "spans", "section"))
    if exact is None or numbers is None or spans is None or section is None:
        return None
    if any(not -1 <= k < len(sections) for k in section) or any(spans[i] > spans[i + 1] for i in range(0, 2 * n, 2)):
        return None
    return Fingerprint(key, exact, minhash, numbers, spans, section, tuple(sections))
