"""The cross-report pass's memory in an output folder: ``OUT/.checklist/cross.sqlite``.

Plain data only (nothing read back from an output folder can run code: the folder may
have been shared or downloaded):

* ``prints``: each report's fingerprint (:class:`checklist.crossreport.copied.Fingerprint`)
  as little-endian arrays, its section names as JSON and the original text of its
  retained sentences (zlib-compressed JSON, the quotes of its findings), computed in the
  worker that audited it, so an unchanged report is never read again.
* the index the pass searches, kept up to date as each fingerprint is stored, so the
  parent never holds every fingerprint: ``members`` (each distinct sentence key, by its
  exact hash, → the reports and sentences that write it), ``groups`` (each distinct key's
  MinHash signature and figures), ``bands`` (LSH: each of the 8 bands of a signature →
  the keys that have it), ``near`` (the pairs of keys found to be near copies), and
  ``dirty`` and ``unscanned`` (the keys whose writers changed, and the keys not yet
  compared with their buckets, since the last pass).
* ``state``: what the last pass left in each report's result (the size and time of its
  JSON file, what its copied-text findings were made from, its counts), so that a re-run
  redoes only the reports whose inputs changed.

Everything is validated on load: a row of the wrong shape is ignored (its fingerprint
recomputed), and a file that is no SQLite database is replaced.
"""

from __future__ import annotations

import json
import sqlite3
import struct
import sys
import zlib
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import eq
from pathlib import Path
from typing import TYPE_CHECKING

from checklist.batch.manifest import INTERNAL

if TYPE_CHECKING:
    from checklist.crossreport.copied import Fingerprint

STORE = f"{INTERNAL}/cross.sqlite"
_VERSION = "4"  # of the tables' layout: another one is dropped and rebuilt
_COMMIT_EVERY = 256  # fingerprints written between commits (an interrupted run recomputes the rest)
_TABLES = ("prints", "state", "members", "groups", "bands", "near", "dirty", "unscanned")
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)",
    # the small columns first: a check of the shapes reads no blob (a long row overflows its page)
    "CREATE TABLE IF NOT EXISTS prints (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, key TEXT,"
    " sections TEXT, exact BLOB, numbers BLOB, spans BLOB, section BLOB, minhash BLOB, quotes BLOB)",
    "CREATE TABLE IF NOT EXISTS state (name TEXT PRIMARY KEY, mtime INTEGER, size INTEGER, digest TEXT,"
    " sentences INTEGER, share REAL, quality INTEGER, compared TEXT)",
    # exact hash of a sentence key → (report id, sentence index in the report)
    "CREATE TABLE IF NOT EXISTS members (exact INTEGER NOT NULL, report INTEGER NOT NULL, local INTEGER NOT NULL,"
    " PRIMARY KEY (exact, report, local)) WITHOUT ROWID",
    # one row per distinct key: its signature (32 uint16), its figures' hash, and whether the
    # last pass found it common (spread over too many issuers to be a copy between peers)
    "CREATE TABLE IF NOT EXISTS groups (exact INTEGER PRIMARY KEY, sig BLOB NOT NULL, numbers INTEGER NOT NULL,"
    " common INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE IF NOT EXISTS bands (bkey INTEGER NOT NULL, exact INTEGER NOT NULL,"
    " PRIMARY KEY (bkey, exact)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS near (a INTEGER NOT NULL, b INTEGER NOT NULL, sim REAL NOT NULL,"
    " PRIMARY KEY (a, b)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS dirty (exact INTEGER PRIMARY KEY)",
    "CREATE TABLE IF NOT EXISTS unscanned (exact INTEGER PRIMARY KEY)",
)
# (typecode, bytes per sentence) of each array column: what a valid row must have
_ARRAYS = (("exact", "Q", 8), ("numbers", "H", 2), ("spans", "I", 8), ("section", "i", 4))
_SIG = 64  # bytes of one sentence's signature
_BANDS = 8
_BAND = struct.Struct("<8Q")
_MASK = (1 << 64) - 1
_MIX = 0x9E3779B97F4A7C15  # odd: (value * _MIX + band) tells the bands apart
_CHUNK = 500  # values bound in one IN (…)
_SIGS_KEPT = 50_000  # signatures cached by a search (about 300 bytes each)
_WRITERS_KEPT = 500_000  # writers of near copies cached by a search (about 100 bytes each)


@dataclass(frozen=True, slots=True)
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


def _signed(value: int) -> int:
    """A uint64 as SQLite's signed INTEGER."""
    return value - (1 << 64) if value >= 1 << 63 else value


def _exacts(data: object) -> list[int]:
    """The exact hashes of a ``prints.exact`` blob, as SQLite integers ([] when damaged)."""
    if not isinstance(data, bytes) or len(data) % 8:
        return []
    values: array[int] = array("q")
    values.frombytes(data)
    if sys.byteorder == "big":
        values.byteswap()
    return values.tolist()


def band_keys(sig: bytes) -> list[int]:
    """The 8 LSH bucket keys of a signature (4 values a band, told apart by the band)."""
    return [_signed((v * _MIX + b) & _MASK) for b, v in enumerate(_BAND.unpack(sig))]


def _chunks(values: list[int]) -> Iterator[list[int]]:
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


@dataclass(frozen=True, slots=True)
class Encoded:
    """A fingerprint as :class:`PrintStore` keeps it, made by :func:`encode` where the
    fingerprint was computed (a batch's worker), so that the process holding the store
    only inserts rows. Text, bytes and integers only."""

    values: tuple[str, bytes, bytes, bytes, bytes, bytes, str, bytes]  # key, exact … quotes: the ``prints`` columns
    exacts: str  # each sentence's exact hash as an SQLite integer, a JSON array (sentence i at index i)
    groups: tuple[tuple[int, bytes, int], ...]  # each distinct key at its first sentence: exact, signature, figures
    bands: tuple[tuple[int, ...], ...]  # the LSH bucket keys of each of ``groups`` (:func:`band_keys`)


def encode(prints: Fingerprint) -> Encoded:
    """``prints`` as the store keeps and indexes it: its arrays as little-endian bytes, its
    quotes as zlib-compressed JSON, its sentences' hashes as SQLite integers and the LSH
    bucket keys of its distinct keys (computed for all at once with numpy)."""
    import numpy as np

    exact = _to_bytes(prints.exact)
    values = (
        prints.key,
        exact,
        bytes(prints.minhash),
        _to_bytes(prints.numbers),
        _to_bytes(prints.spans),
        _to_bytes(prints.section),
        json.dumps(list(prints.sections), ensure_ascii=False),
        zlib.compress(json.dumps(list(prints.quotes), ensure_ascii=False).encode("utf-8"), 1),
    )
    signed = _exacts(exact)
    first: dict[int, int] = {}
    for i, e in enumerate(signed):
        first.setdefault(e, i)
    # (value * _MIX + band) mod 2**64 of each 8-byte band of every signature, as int64
    sigs = np.frombuffer(prints.minhash, dtype="<u8").reshape(len(signed), _BANDS)
    keys = (sigs * np.uint64(_MIX) + np.arange(_BANDS, dtype=np.uint64)).view(np.int64).tolist()
    minhash = prints.minhash
    return Encoded(
        values,
        json.dumps(signed),
        tuple((e, bytes(minhash[_SIG * i : _SIG * (i + 1)]), prints.numbers[i]) for e, i in first.items()),
        tuple(tuple(keys[i]) for i in first.values()),
    )


class PrintStore:
    """The SQLite file of an output folder, open."""

    def __init__(self, out: Path) -> None:
        self.path = out / STORE
        self._pending = 0
        self.indexed: set[str] = set()  # the reports put since the store was opened
        try:
            self.db = self._open()
        except sqlite3.DatabaseError:  # not a database (cut short, or not ours): start again
            self.path.unlink(missing_ok=True)
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        try:
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute("PRAGMA cache_size = -16384")  # 16 MB of pages (the OS caches the file too)
            db.execute(_SCHEMA[0])
            row = db.execute("SELECT v FROM meta WHERE k = 'version'").fetchone()
            if row is None or row[0] != _VERSION:
                for table in _TABLES:
                    db.execute(f"DROP TABLE IF EXISTS {table}")
            for statement in _SCHEMA:
                db.execute(statement)
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

    def commit(self) -> None:
        """Commit what is pending."""
        self.db.commit()

    def put(self, name: str, prints: Fingerprint | Encoded) -> None:
        """Keep report ``name``'s fingerprint and index its sentences (committed in groups,
        and on :meth:`close`). A batch's workers send it as :func:`encode` made it, so
        that this process only inserts rows."""
        enc = prints if isinstance(prints, Encoded) else encode(prints)
        db = self.db
        old = db.execute("SELECT id, exact FROM prints WHERE name = ?", (name,)).fetchone()
        if old is None:
            cursor = db.execute(
                "INSERT INTO prints (name, key, exact, minhash, numbers, spans, section, sections, quotes)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (name, *enc.values),
            )
            rid = int(cursor.lastrowid or 0)
        else:
            rid = int(old[0])
            self._unindex(rid, old[1])
            db.execute(
                "UPDATE prints SET key = ?, exact = ?, minhash = ?, numbers = ?, spans = ?, section = ?,"
                " sections = ?, quotes = ? WHERE id = ?",
                (*enc.values, rid),
            )
        self._index(rid, enc)
        self.indexed.add(name)
        self._pending += 1
        if self._pending >= _COMMIT_EVERY:
            db.commit()
            self._pending = 0

    def _index(self, rid: int, enc: Encoded) -> None:
        """Index report ``rid``'s sentences: members, and the groups, bands and scans of
        keys new to the index (the sentences' rows are made by SQLite from the JSON list of
        their hashes, not bound one by one)."""
        db = self.db
        db.execute("INSERT OR IGNORE INTO members SELECT value, ?, key FROM json_each(?)", (rid, enc.exacts))
        db.execute("INSERT OR IGNORE INTO dirty SELECT value FROM json_each(?)", (enc.exacts,))
        known = {
            int(r[0])
            for r in db.execute("SELECT g.exact FROM json_each(?) j JOIN groups g ON g.exact = j.value", (enc.exacts,))
        }
        new = [i for i, (e, _, _) in enumerate(enc.groups) if e not in known]
        if not new:
            return
        db.executemany("INSERT INTO groups (exact, sig, numbers) VALUES (?, ?, ?)", (enc.groups[i] for i in new))
        db.executemany(
            "INSERT OR IGNORE INTO bands VALUES (?, ?)", ((k, enc.groups[i][0]) for i in new for k in enc.bands[i])
        )
        db.executemany("INSERT OR IGNORE INTO unscanned VALUES (?)", ((enc.groups[i][0],) for i in new))

    def _unindex(self, rid: int, exact_data: object) -> None:
        """Take report ``rid``'s sentences (of its stored ``exact`` blob) out of the index."""
        # some keys may have lost their last writer: the next pass looks (a mark in the
        # file, so that a run that removes without a pass, or stops, leaves it for the next)
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('unindexed', '1')")
        exact = _exacts(exact_data)
        self.db.executemany(
            "DELETE FROM members WHERE exact = ? AND report = ? AND local = ?",
            ((e, rid, i) for i, e in enumerate(exact)),
        )
        self.db.executemany("INSERT OR IGNORE INTO dirty VALUES (?)", ((e,) for e in set(exact)))
        if not exact:  # damaged: find its members the slow way
            rows = self.db.execute("SELECT exact FROM members WHERE report = ?", (rid,)).fetchall()
            self.db.execute("DELETE FROM members WHERE report = ?", (rid,))
            self.db.executemany("INSERT OR IGNORE INTO dirty VALUES (?)", rows)

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

    def by_id(self, rid: int) -> Fingerprint | None:
        """The fingerprint of report id ``rid`` (without quotes; ``None``: none or damaged)."""
        row = self.db.execute(
            "SELECT key, exact, minhash, numbers, spans, section, sections FROM prints WHERE id = ?", (rid,)
        ).fetchone()
        if row is None or not isinstance(row[0], str):
            return None
        return _fingerprint(row[0], row[1:])

    def exacts(self, rid: int) -> list[int]:
        """The exact hashes of report id ``rid``'s sentences (SQLite integers)."""
        row = self.db.execute("SELECT exact FROM prints WHERE id = ?", (rid,)).fetchone()
        return _exacts(row[0]) if row is not None else []

    def reports(self) -> dict[str, tuple[int, str]]:
        """Every stored report whose fingerprint has the right shape: name → (id, key).

        The shape is checked in SQL (sizes of the arrays, JSON of the sections), so that a
        damaged row is made again without every fingerprint being parsed here.
        """
        rows = self.db.execute(
            "SELECT name, id, key FROM prints WHERE typeof(key) = 'text' AND typeof(exact) = 'blob'"
            " AND typeof(minhash) = 'blob' AND length(exact) % 8 = 0"
            " AND length(minhash) = 8 * length(exact) AND length(numbers) * 4 = length(exact)"
            " AND length(spans) = length(exact) AND length(section) * 2 = length(exact)"
            " AND json_valid(sections)"
        )
        return {str(name): (int(rid), str(key)) for name, rid, key in rows}

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

    def states(self) -> dict[str, State]:
        """What the last pass left in every report's result (rows of the wrong shape left out)."""
        types = (str, int, int, str, int, float, int, str)
        out: dict[str, State] = {}
        try:
            rows = self.db.execute(
                "SELECT name, mtime, size, digest, sentences, share, quality, compared FROM state"
            ).fetchall()
        except sqlite3.DatabaseError:
            return out
        for row in rows:
            if all(isinstance(v, t) for v, t in zip(row, types, strict=True)):
                out[row[0]] = State(*row[1:])
        return out

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
        gone = [str(r[0]) for r in self.db.execute("SELECT name FROM prints") if r[0] not in names]
        for name in gone:
            self._forget(name)
        stale = [str(r[0]) for r in self.db.execute("SELECT name FROM state") if r[0] not in names]
        self.db.executemany("DELETE FROM state WHERE name = ?", ((n,) for n in stale))

    def _forget(self, name: str) -> None:
        row = self.db.execute("SELECT id, exact FROM prints WHERE name = ?", (name,)).fetchone()
        if row is not None:
            self._unindex(int(row[0]), row[1])
        self.db.execute("DELETE FROM prints WHERE name = ?", (name,))
        self.db.execute("DELETE FROM state WHERE name = ?", (name,))

    def forget(self, names: Iterable[str]) -> None:
        """Forget reports ``names`` (their results were removed, or their fingerprints are
        not of their results any more)."""
        for name in names:
            self._forget(name)
        self.db.commit()

    def mark_dirty(self, rid: int) -> None:
        """Have the next search look again at every sentence of report ``rid``."""
        self.db.executemany("INSERT OR IGNORE INTO dirty VALUES (?)", ((e,) for e in set(self.exacts(rid))))

    def has_dirty(self) -> bool:
        """Whether some key's writers changed since the last pass."""
        return self.db.execute("SELECT 1 FROM dirty LIMIT 1").fetchone() is not None

    def clear_dirty(self) -> None:
        """The pass has looked at every changed key: those no report writes any more leave
        the index (their signature, buckets and near pairs; a removed or rewritten report's
        old sentences would stay there for good), then the marks go."""
        db = self.db
        gone = []
        # (only when sentences left the index since: a first run, which only adds, has
        # every key marked, and none of them to look at)
        if db.execute("SELECT 1 FROM meta WHERE k = 'unindexed'").fetchone() is not None:
            gone = db.execute(
                "SELECT g.exact, g.sig FROM dirty d JOIN groups g ON g.exact = d.exact"
                " WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.exact = d.exact)"
            ).fetchall()
            db.execute("DELETE FROM meta WHERE k = 'unindexed'")
        if gone:
            keys = [int(e) for e, _ in gone]
            db.executemany(
                "DELETE FROM bands WHERE bkey = ? AND exact = ?", ((k, e) for e, sig in gone for k in band_keys(sig))
            )
            pairs: list[tuple[int, int]] = []
            for part in _chunks(keys):
                marks = ",".join("?" * len(part))
                pairs += db.execute(f"SELECT a, b FROM near WHERE a IN ({marks})", part).fetchall()
            # (a near pair is kept both ways)
            db.executemany("DELETE FROM near WHERE a = ? AND b = ?", [*pairs, *((b, a) for a, b in pairs)])
            db.executemany("DELETE FROM groups WHERE exact = ?", ((e,) for e in keys))
            db.executemany("DELETE FROM unscanned WHERE exact = ?", ((e,) for e in keys))
        db.execute("DELETE FROM dirty")


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


Peer = tuple[int, int, float]  # (report id, sentence index in it, similarity)


class CopySearch:
    """The search for copied sentences over a store's index, touching only what changed.

    A key's *peers* are the sentences that write it (similarity 1.0) and those that write
    one of its near copies (the similarity of the pair): the sentences a finding on it may
    name. A key spread over ``max_group`` issuer classes or more is *common* (a template
    handed down to everybody, no copy between peers). ``class_of`` gives every report id
    its issuer class.
    """

    def __init__(self, store: PrintStore, class_of: dict[int, int], need: int, max_bucket: int, max_group: int):
        self.db = store.db
        self.store = store
        self.class_of = class_of
        self.need = need
        self.max_bucket = max_bucket
        self.max_group = max_group
        self._sigs: dict[int, tuple[tuple[int, ...], int]] = {}
        self._answers: dict[int, list[Peer] | None] = {}

    def scan(self) -> None:
        """Find the near copies of the keys new since the last pass: every other key in one
        of their LSH buckets (buckets over ``max_bucket`` keys are skipped: keys that meet
        that many others share only frequent 3-grams) whose figures are the same and whose
        signature agrees in ``need`` values or more."""
        db = self.db
        new = int(db.execute("SELECT count(*) FROM unscanned").fetchone()[0])
        if not new:
            return
        total = int(db.execute("SELECT count(*) FROM groups").fetchone()[0])
        only: set[int] | None = None
        if new * 4 > total:  # most keys are new (a first run): one ordered pass over every bucket
            rows: Iterable[tuple[int, int]] = db.execute("SELECT bkey, exact FROM bands ORDER BY bkey")
        else:
            only = {int(r[0]) for r in db.execute("SELECT exact FROM unscanned")}
            db.execute("CREATE TEMP TABLE IF NOT EXISTS want (bkey INTEGER PRIMARY KEY)")
            db.execute("DELETE FROM want")
            sigs = db.execute("SELECT g.sig FROM unscanned u JOIN groups g ON g.exact = u.exact").fetchall()
            db.executemany("INSERT OR IGNORE INTO want VALUES (?)", ((k,) for (sig,) in sigs for k in band_keys(sig)))
            rows = db.execute("SELECT b.bkey, b.exact FROM want w JOIN bands b ON b.bkey = w.bkey ORDER BY b.bkey")
        pairs = self._pairs(rows, only)
        db.executemany("INSERT OR REPLACE INTO near VALUES (?, ?, ?)", pairs)
        db.execute("DELETE FROM unscanned")
        self._sigs.clear()

    def _pairs(self, rows: Iterable[tuple[int, int]], only: set[int] | None) -> list[tuple[int, int, float]]:
        """The near pairs (both ways) met in the buckets of ``rows`` (ordered by bucket)."""
        from checklist.crossreport.copied import PERMUTATIONS, ratio_of

        found: list[tuple[int, int, float]] = []
        checked: set[tuple[int, int]] = set()
        bucket: list[int] = []
        last: int | None = None

        def flush() -> None:
            if not 2 <= len(bucket) <= self.max_bucket:
                return
            by_numbers: dict[int, list[tuple[int, tuple[int, ...]]]] = {}
            for e in bucket:
                sig, numbers = self._signature(e)
                by_numbers.setdefault(numbers, []).append((e, sig))
            for same in by_numbers.values():
                for i, (a, sig_a) in enumerate(same):
                    for c, sig_c in same[i + 1 :]:
                        if only is not None and a not in only and c not in only:
                            continue
                        pair = (a, c) if a < c else (c, a)
                        if pair in checked:
                            continue
                        checked.add(pair)
                        agree = sum(map(eq, sig_a, sig_c))  # (signatures are all PERMUTATIONS long)
                        if agree >= self.need:
                            sim = round(ratio_of(agree / PERMUTATIONS), 3)
                            found.extend(((a, c, sim), (c, a, sim)))

        for bkey, exact in rows:
            if bkey != last:
                flush()
                bucket, last = [], bkey
            bucket.append(exact)
        flush()
        return found

    def _signature(self, exact: int) -> tuple[tuple[int, ...], int]:
        found = self._sigs.get(exact)
        if found is None:
            if len(self._sigs) >= _SIGS_KEPT:
                self._sigs.clear()  # a first run meets every key: keep memory bounded
            row = self.db.execute("SELECT sig, numbers FROM groups WHERE exact = ?", (exact,)).fetchone()
            found = self._sigs[exact] = (struct.unpack("<32H", row[0]), int(row[1]))
        return found

    def changed(self) -> tuple[set[int], dict[int, tuple[int, list[Peer]]], set[int]]:
        """What the keys whose writers changed (``dirty``) and their near copies change:
        the report ids whose copies may differ from the last pass's, the peers of every such
        key that is no common one and has peers of two issuer classes (``(n, peers)``, its
        own ``n`` writers first), and the keys looked at.
        A key common before and after changes nothing for its other writers."""
        db = self.db
        db.execute("CREATE TEMP TABLE IF NOT EXISTS g1 (exact INTEGER PRIMARY KEY, common INTEGER)")
        db.execute("DELETE FROM g1")
        db.execute("INSERT OR IGNORE INTO g1 SELECT d.exact, g.common FROM dirty d JOIN groups g ON g.exact = d.exact")
        db.execute(
            "INSERT OR IGNORE INTO g1 SELECT n.b, g.common FROM dirty d JOIN near n ON n.a = d.exact"
            " JOIN groups g ON g.exact = n.b"
        )
        near: dict[int, list[tuple[int, float]]] = {}
        for a, b, sim in db.execute("SELECT n.a, n.b, n.sim FROM g1 JOIN near n ON n.a = g1.exact"):
            near.setdefault(a, []).append((b, sim))
        rows = db.execute(
            "SELECT g1.exact, g1.common, m.report, m.local FROM g1 JOIN members m ON m.exact = g1.exact"
            " ORDER BY g1.exact"
        )
        reports: set[int] = set()
        answers: dict[int, tuple[int, list[Peer]]] = {}
        looked: set[int] = set()
        flips: list[tuple[int, int]] = []
        members: list[Peer] = []
        last: tuple[int, int] | None = None
        # the writers of each near copy, read once: a template's variants are near copies
        # of one another, and each asks for all the others' writers
        writers: dict[int, list[tuple[int, int]]] = {}
        kept = 0  # the writers cached, all keys together

        def written(b: int) -> list[tuple[int, int]]:
            nonlocal kept
            found = writers.get(b)
            if found is None:
                found = [(r, i) for r, i, _ in self.members(b)]
                if kept + len(found) > _WRITERS_KEPT:
                    writers.clear()  # memory stays bounded; the next are read again
                    kept = 0
                writers[b] = found
                kept += len(found)
            return found

        def flush() -> None:
            if last is None:
                return
            exact, was = last
            looked.add(exact)
            peers = members + [(r, i, sim) for b, sim in near.get(exact, ()) for r, i in written(b)]
            common = self._common(peers)
            if common != bool(was):
                flips.append((int(common), exact))
            if was and common:
                return  # excluded before and after: nothing changes for its writers
            reports.update(r for r, _, _ in members)
            if not common and len({self.class_of.get(r, -1 - r) for r, _, _ in peers}) > 1:
                answers[exact] = (len(members), peers)

        for exact, was, report, local in rows:
            if last is None or exact != last[0]:
                flush()
                members, last = [], (exact, was)
            members.append((report, local, 1.0))
        flush()
        db.executemany("UPDATE groups SET common = ? WHERE exact = ?", flips)
        return reports, answers, looked

    def members(self, exact: int, sim: float = 1.0) -> list[Peer]:
        """The sentences that write key ``exact``, each with ``sim``."""
        rows = self.db.execute("SELECT report, local FROM members WHERE exact = ?", (exact,))
        return [(int(r), int(i), sim) for r, i in rows]

    def answer(self, exact: int) -> list[Peer] | None:
        """The peers of key ``exact``, which :meth:`changed` did not look at (``None``:
        common, or no peer of another class). Its writers and near copies are those of the
        last pass, so its ``common`` mark stands."""
        if exact in self._answers:
            return self._answers[exact]
        row = self.db.execute("SELECT common FROM groups WHERE exact = ?", (exact,)).fetchone()
        peers: list[Peer] | None = None
        if row is not None and not row[0]:
            peers = self.members(exact)
            for b, sim in self.db.execute("SELECT b, sim FROM near WHERE a = ?", (exact,)).fetchall():
                peers += self.members(b, sim)
            if self._common(peers) or len({self.class_of.get(r, -1 - r) for r, _, _ in peers}) < 2:
                peers = None
        self._answers[exact] = peers
        return peers

    def _common(self, peers: list[Peer]) -> bool:
        """Whether ``peers`` spread over ``max_group`` issuer classes or more."""
        if len(peers) < self.max_group:
            return False
        seen: set[int] = set()
        for r, _, _ in peers:
            seen.add(self.class_of.get(r, -1 - r))
            if len(seen) >= self.max_group:
                return True
        return False
