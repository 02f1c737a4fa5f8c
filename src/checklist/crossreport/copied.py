"""``quality.boilerplate``: sentences copied between the reports of different issuers.

Copies between bodies sit inside otherwise different paragraphs, so the unit is the
sentence (keyed as ``quality.duplicate_sentence`` keys it: no outline marker, no
punctuation or blanks). Work is split in two so a batch can run the first half in
worker processes:

* :func:`fingerprint`, where the report is read: per body sentence an exact hash of its
  key, a 32-value MinHash signature over character 3-grams, a hash of its figures and
  its original offsets, and the sentence's original text (the quote of a finding, so a
  batch never reads the report again; the search itself uses about 80 bytes a sentence).
  Only sentences that say something of their own are kept: the genre's formulas (the
  statutory headings, ``现将…报告如下``, the 三项制度, the first-responsible duty) are
  what every report writes, so sharing them is no copy (:mod:`checklist.crossreport.formulas`
  decides from word tables, whatever the size of the batch).
* :func:`find_boilerplate`, over all fingerprints: verbatim copies by the exact hash,
  near copies by LSH on the signatures (8 bands of 4 values), confirmed by the
  signatures' Jaccard estimate.

The signature estimates the Jaccard similarity of the 3-gram sets, while ``similarity``
is meant like rapidfuzz's ratio (the share of characters in common), as in the other
text checks. A substitution of ``d`` characters in a sentence of ``n`` changes up to
``3d`` of its 3-grams, so a ratio ``r`` corresponds to a Jaccard of about
``(1 - 3(1 - r)) / (1 + 3(1 - r))``: 0.54 for 0.9. The confirmation compares the
estimate with that bound and reports the ratio it implies.
"""

from __future__ import annotations

import math
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from hashlib import blake2b
from operator import eq
from typing import Any

from rapidfuzz import fuzz

from checklist.crossreport.formulas import MIN_SPECIFIC, is_specific_key
from checklist.document import Document
from checklist.messages import t
from checklist.rules.quality.base import strip_marker
from checklist.rules.quality.duplicate_sentence import _NOISE
from checklist.rules.result import Finding
from checklist.rules.standard import Standard

#: Goal phrases and slogans of the 2021–2025 纲要 and the usual political preamble: every
#: report may write them, so they are taken out of a sentence before it is compared.
DEFAULT_STOP_PHRASES: tuple[str, ...] = (
    "职能科学",
    "权责法定",
    "执法严明",
    "公开公正",
    "智能高效",
    "廉洁诚信",
    "人民满意",
    "坚持以习近平新时代中国特色社会主义思想为指导",
    "习近平新时代中国特色社会主义思想",
    "深入学习贯彻习近平法治思想",
    "深入贯彻习近平法治思想",
    "习近平法治思想",
    "全面贯彻党的二十大精神",
    "全面贯彻党的十九大精神",
    "党的二十大和二十届二中全会精神",
    "党的二十届三中全会精神",
    "党的十九大和十九届历次全会精神",
    "法治国家法治政府法治社会一体建设",
    "依法治国依法执政依法行政共同推进",
    "增强四个意识",
    "坚定四个自信",
    "做到两个维护",
    "两个确立",
    "两个维护",
    "法治政府建设实施纲要",
    "法治政府建设与责任落实督察工作规定",
)

CODE = "quality.boilerplate"
PERMUTATIONS = 32  # MinHash values per sentence, 16 bits each
BANDS = 8  # LSH bands; 4 values = 8 bytes = one uint64 each
_ROWS = PERMUTATIONS // BANDS


def _splitmix64(k: int) -> int:
    """The ``k``-th value of the splitmix64 sequence (seed 0)."""
    x = (k * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
    return x ^ (x >> 31)


# the 32 permutations of :func:`signatures`: odd multipliers and masks, fixed (a store
# keeps the signatures of earlier runs)
_MULTIPLIERS = tuple(_splitmix64(2 * k + 1) & 0xFFFFFFFF | 1 for k in range(PERMUTATIONS))
_MASKS = tuple(_splitmix64(2 * k + 2) >> 32 for k in range(PERMUTATIONS))
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_BLANKS = re.compile(r"\s+")
_PATH_SEP = re.compile(r"[/\\]")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What cross-report checks keep of one report: hashes and offsets, no text.

    Per retained sentence ``i``: ``exact[i]`` (blake2b-64 of the key),
    ``minhash[64*i : 64*i+64]`` (32 uint16), ``numbers[i]`` (16-bit hash
    of its figures other than years, 0 when none), its original span
    ``spans[2*i : 2*i+2]`` and ``section[i]``, an index into ``sections`` (-1 outside).
    """

    key: str
    exact: array[int]
    minhash: bytes
    numbers: array[int]
    spans: array[int]
    section: array[int]
    sections: tuple[str, ...]
    # the original text of each retained sentence: the quotes of its findings, so that a
    # batch never reads a report again (empty when loaded for the search alone)
    quotes: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.exact)

    def span(self, i: int) -> tuple[int, int]:
        """Original offsets of sentence ``i``."""
        return self.spans[2 * i], self.spans[2 * i + 1]

    def section_of(self, i: int) -> str:
        """Section path of sentence ``i`` ("" outside any section)."""
        k = self.section[i]
        return self.sections[k] if k >= 0 else ""


@dataclass(frozen=True, slots=True)
class Copy:
    """The same sentence in another report: where, and how similar (1.0 verbatim)."""

    report: str
    issuer: str | None
    start: int
    end: int
    similarity: float


@dataclass(frozen=True, slots=True)
class Match:
    """A sentence of ``report`` (original offsets) found in other issuers' reports."""

    report: str
    start: int
    end: int
    section: str
    others: tuple[Copy, ...]
    issuer: str | None = None  # of ``report``; None when unknown
    # the issuers of the reports beyond ``others`` (which lists the closest only) that
    # ``others`` does not name: each once, an unknown one (None) once a report
    beyond: tuple[str | None, ...] = ()


@lru_cache(maxsize=16)
def _stop_pattern_of(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    keys = sorted({_NOISE.sub("", unicodedata.normalize("NFKC", p)) for p in phrases} - {""}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys))) if keys else None


def _stop_pattern(phrases: Sequence[str]) -> re.Pattern[str] | None:
    return _stop_pattern_of(tuple(phrases))


def sentence_key(text: str, stop: re.Pattern[str] | None = None) -> tuple[str, int]:
    """The comparison key of a normalised sentence (no marker, punctuation or stop
    phrases) and how many leading characters the marker took."""
    body, cut = strip_marker(text)
    key = _NOISE.sub("", body)
    if stop is not None:
        key = stop.sub("", key)
    return key, cut


def signatures(keys: Sequence[str]) -> bytes:
    """MinHash of each key's character 3-grams: 32 little-endian uint16 per key, computed
    for all keys at once with numpy.

    A 3-gram is its three code points (21 bits each, one uint64), mixed by splitmix64's
    finaliser into one 32-bit hash; the 32 permutations are ``h * a_k xor b_k`` in uint32
    (odd ``a_k``), and a key's value for permutation ``k`` is the top 16 bits of their
    minimum over its 3-grams. A key shorter than three characters is one 3-gram padded
    with NULs (no key holds one: keys keep word characters only).
    """
    if not keys:
        return b""
    import numpy as np

    n = len(keys)
    points = np.frombuffer(("\0\0".join(keys) + "\0\0").encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    lengths = np.fromiter(map(len, keys), dtype=np.int64, count=n)
    grams = np.maximum(lengths - 2, 1)
    first = np.zeros(n, dtype=np.int64)  # each key's first 3-gram, among all keys' 3-grams
    np.cumsum(grams[:-1], out=first[1:])
    starts = np.zeros(n, dtype=np.int64)  # each key's first code point
    np.cumsum(lengths[:-1] + 2, out=starts[1:])
    at = np.arange(int(grams.sum()), dtype=np.int64) + np.repeat(starts - first, grams)
    x = (points[at] << np.uint64(42)) | (points[at + 1] << np.uint64(21)) | points[at + 2]
    x ^= x >> np.uint64(30)
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    h = (x >> np.uint64(32)).astype(np.uint32)
    # one row per permutation, so that each key's minimum is taken over contiguous values
    values = np.asarray(_MULTIPLIERS, dtype=np.uint32)[:, None] * h[None, :]
    values ^= np.asarray(_MASKS, dtype=np.uint32)[:, None]
    return (np.minimum.reduceat(values, first, axis=1).T >> np.uint32(16)).astype("<u2").tobytes()


def signature(key: str) -> bytes:
    """:func:`signatures` of one key."""
    return signatures([key])


def _numbers_hash(key: str) -> int:
    nums = [n for n in _NUMBER.findall(key) if not (len(n) == 4 and _YEAR.fullmatch(n))]
    if not nums:
        return 0
    return int.from_bytes(blake2b("|".join(nums).encode(), digest_size=2).digest(), "little") or 1


def fingerprint(
    doc: Document,
    key: str,
    *,
    min_chars: int = 15,
    stop_phrases: Sequence[str] = DEFAULT_STOP_PHRASES,
    min_specific: int = MIN_SPECIFIC,
) -> Fingerprint:
    """The fingerprint of ``doc``'s body sentences, under report id ``key``.

    Header and signature lines are left out (every report has a title and a date), as
    are sentences whose key, once the stop phrases are taken out, is shorter than
    ``min_chars``, and formulas of the genre: sentences that keep fewer than
    ``min_specific`` characters of their own once the formulas, dates and the issuer's
    name are taken out (:func:`checklist.crossreport.formulas.is_specific`; 0 keeps them).
    """
    stop = _stop_pattern(stop_phrases)
    seen = _SEEN.get(stop)
    if seen is None or len(seen) >= _KEPT:
        seen = _SEEN[stop] = {}  # (memory stays bounded: the next sentences are keyed again)
    issuer = doc.metadata.issuer
    text = doc.text
    # the header and the signature block (what classify() calls HEADER and SIGNATURE)
    body_start = doc.body_start
    body_end = doc.signature_start if doc.signature_start is not None else len(text) + 1
    exact: array[int] = array("Q")
    numbers: array[int] = array("H")
    spans: array[int] = array("I")
    section: array[int] = array("i")
    kept: list[list[Any]] = []
    new: dict[int, list[Any]] = {}  # the sentences met for the first time, to sign at once
    quotes: list[str] = []
    paths: dict[str, int] = {}
    section_of: dict[int, int] = {}  # a section's index → its path's index in ``paths`` (-1 none)
    original = doc.original
    to_original = doc.offsets.to_original
    for s in doc.sentences:
        if s.start < body_start or s.start >= body_end or s.end - s.start < min_chars:
            continue  # a key is never longer than its sentence
        sentence = text[s.start : s.end]
        entry = seen.get(sentence)
        if entry is None:  # a sentence this worker has not keyed yet
            entry = seen[sentence] = [*sentence_key(sentence, stop), 0, 0, b""]
        k = entry[0]
        if len(k) < min_chars or not is_specific_key(k, issuer, min_specific):  # (counted once a key)
            continue
        if not entry[4] and id(entry) not in new:
            entry[2] = int.from_bytes(blake2b(k.encode(), digest_size=8).digest(), "little")
            entry[3] = _numbers_hash(k) if not k.isalpha() else 0
            new[id(entry)] = entry
        kept.append(entry)
        exact.append(entry[2])
        numbers.append(entry[3])
        start, end = to_original(s.start + entry[1], s.end)
        spans.extend((start, end))
        quotes.append(original[start:end])
        at = section_of.get(s.section)
        if at is None:
            path = doc.section_path(s.section)
            at = section_of[s.section] = paths.setdefault(path, len(paths)) if path else -1
        section.append(at)
    if new:
        made = signatures([e[0] for e in new.values()])
        for i, e in enumerate(new.values()):
            e[4] = made[_SIGNATURE * i : _SIGNATURE * (i + 1)]
    minhash = b"".join([e[4] for e in kept])
    return Fingerprint(key, exact, minhash, numbers, spans, section, tuple(paths), tuple(quotes))


# Per process and stop pattern, what a sentence's text always gives: [its key, the marker's
# length, its exact hash, its figures' hash, its signature (b"" not made yet)]. A batch's
# reports share many sentences (the genre's formulas, copies), so a worker keys and signs
# each only once (formulas.is_specific_key counts each key once); emptied when it holds
# _KEPT sentences.
_SEEN: dict[re.Pattern[str] | None, dict[str, list[Any]]] = {}
_KEPT = 1 << 13  # about 800 bytes a sentence: 6.5 MB at most
_SIGNATURE = 2 * PERMUTATIONS  # bytes of one key's signature


def jaccard_bound(similarity: float) -> float:
    """The 3-gram Jaccard similarity that corresponds to a character ``similarity``."""
    d = 3 * (1 - similarity)
    return max(0.0, (1 - d) / (1 + d))


def ratio_of(jaccard: float) -> float:
    """The character similarity a 3-gram Jaccard ``jaccard`` implies (inverse of the bound)."""
    return 1 - (1 - jaccard) / (3 * (1 + jaccard))


def issuer_classes(issuers: Sequence[str | None]) -> list[int]:
    """One class id per report: reports whose issuers share a name are the same body.

    A joint issuer (``中共某镇委员会 某镇人民政府``) and the government alone
    (``某镇人民政府``) share a part, so they are one class. An unknown issuer is a class of
    its own: nothing says it is anybody else.
    """
    parent = list(range(len(issuers)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first: dict[str, int] = {}
    for i, name in enumerate(issuers):
        if not name:
            continue
        for part in _BLANKS.split(unicodedata.normalize("NFKC", name).strip()):
            if part:
                j = first.setdefault(part, i)
                parent[find(i)] = find(j)
    return [find(i) for i in range(len(issuers))]


class _Sets:
    """Union–find over sentence ids, created on first use (most sentences never join)."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while x != root:
            nxt = parent.get(x, x)
            parent[x] = root
            x = nxt
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass(slots=True)
class _Corpus:
    """Every sentence of every report under one global id, in flat arrays.

    ``owner[g]`` is the report of sentence ``g`` and ``first[r]`` the id of report
    ``r``'s first sentence; ``values`` are the MinHash values (``PERMUTATIONS`` a
    sentence) and ``bands`` the same bytes read as one uint64 per band.
    """

    prints: list[Fingerprint]
    owner: array[int]
    first: list[int]
    exact: array[int]
    numbers: array[int]
    values: memoryview
    bands: memoryview

    @classmethod
    def of(cls, prints: list[Fingerprint]) -> _Corpus:
        owner: array[int] = array("I")
        first: list[int] = []
        exact: array[int] = array("Q")
        numbers: array[int] = array("H")
        sig = bytearray()
        for r, p in enumerate(prints):
            first.append(len(owner))
            owner.extend([r] * len(p))
            exact.extend(p.exact)
            numbers.extend(p.numbers)
            sig += p.minhash
        values = memoryview(bytes(sig)).cast("H")
        bands = memoryview(values).cast("B").cast("Q")  # 4 uint16 of a band = one uint64
        return cls(prints, owner, first, exact, numbers, values, bands)

    def __len__(self) -> int:
        return len(self.exact)

    def signature(self, g: int) -> memoryview:
        """The MinHash values of sentence ``g``."""
        return self.values[g * PERMUTATIONS : (g + 1) * PERMUTATIONS]

    def where(self, g: int) -> tuple[Fingerprint, int]:
        """The report of sentence ``g`` and the sentence's index in it."""
        r = self.owner[g]
        return self.prints[r], g - self.first[r]


@dataclass(slots=True)
class _Verbatim:
    """Sentences with the same exact key: ``groups`` by key (only keys met twice or more);
    ``is_rep[g]`` is 1 for the one sentence of each group that stands for it (and for
    every sentence without a verbatim copy)."""

    exact: array[int]
    groups: dict[int, list[int]]
    is_rep: bytearray

    @classmethod
    def of(cls, exact: array[int]) -> _Verbatim:
        counts = Counter(exact)
        groups: dict[int, list[int]] = {h: [] for h, c in counts.items() if c > 1}
        del counts
        for g in range(len(exact)):
            members = groups.get(exact[g])
            if members is not None:
                members.append(g)
        is_rep = bytearray(b"\x01") * len(exact)
        for members in groups.values():
            for g in members[1:]:
                is_rep[g] = 0
        return cls(exact, groups, is_rep)

    def members_of(self, g: int) -> list[int]:
        """Sentence ``g`` and its verbatim copies."""
        return self.groups.get(self.exact[g]) or [g]

    def representatives(self) -> list[int]:
        """The first sentence of each group of verbatim copies."""
        return [members[0] for members in self.groups.values()]


@dataclass(slots=True)
class _Near:
    """Near copies among representatives: each one's neighbours and their similarity,
    and the union–find of everything connected."""

    pairs: dict[int, list[tuple[int, float]]] = field(default_factory=dict)
    sets: _Sets = field(default_factory=_Sets)

    def add(self, a: int, c: int, sim: float) -> None:
        self.pairs.setdefault(a, []).append((c, sim))
        self.pairs.setdefault(c, []).append((a, sim))
        self.sets.union(a, c)


def _band_buckets(corpus: _Corpus, b: int, is_rep: bytearray) -> list[list[int]]:
    """Representatives that share band ``b``'s values, bucket by bucket."""
    keys = corpus.bands[b::BANDS].tolist()
    band_counts = Counter(keys)
    buckets: dict[int, list[int]] = {}
    for g, k in enumerate(keys):
        if band_counts[k] > 1 and is_rep[g]:
            buckets.setdefault(k, []).append(g)
    return list(buckets.values())


def _near_copies(corpus: _Corpus, is_rep: bytearray, need: int, max_bucket: int) -> _Near:
    """Pairs of representatives met in an LSH band whose signatures agree in ``need``
    values or more, and whose figures are the same."""
    near = _Near()
    checked: set[tuple[int, int]] = set()
    numbers = corpus.numbers
    for b in range(BANDS):
        for ids in _band_buckets(corpus, b, is_rep):
            if len(ids) < 2 or len(ids) > max_bucket:
                continue
            for i, a in enumerate(ids):
                sig_a = corpus.signature(a)
                for c in ids[i + 1 :]:
                    if (a, c) in checked:
                        continue
                    checked.add((a, c))
                    if numbers[a] != numbers[c]:
                        continue
                    same = sum(map(eq, sig_a, corpus.signature(c)))
                    if same >= need:
                        near.add(a, c, round(ratio_of(same / PERMUTATIONS), 3))
    return near


def _common_roots(
    reps: Iterable[int], corpus: _Corpus, verbatim: _Verbatim, near: _Near, classes: Sequence[int], common_at: int
) -> set[int]:
    """Groups of copies (by union–find root) spread over ``common_at`` issuers or more."""
    spread: dict[int, set[int]] = {}
    for rep in reps:
        root = near.sets.find(rep)
        spread.setdefault(root, set()).update(classes[corpus.owner[g]] for g in verbatim.members_of(rep))
    return {root for root, seen in spread.items() if len(seen) >= common_at}


def _ranked_reports(peers: Sequence[tuple[int, float]], corpus: _Corpus) -> list[tuple[int, float, int]]:
    """Per report among ``peers``: its most similar copy ``(report, similarity, sentence)``
    (the lowest sentence id among equals), most similar first, then by report id.

    Computed once for a whole group of copies: which reports a sentence may name depends
    only on its own issuer class, so each member filters this one list (a group of ``k``
    copies costs ``k log k``, not ``k²``).
    """
    best: dict[int, tuple[float, int]] = {}
    for h, sim in peers:
        r = corpus.owner[h]
        if r not in best or (-sim, h) < (-best[r][0], best[r][1]):
            best[r] = (sim, h)
    prints = corpus.prints
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], prints[kv[0]].key))
    return [(r, sim, h) for r, (sim, h) in ranked]


def _copies(
    mine: int,
    ranked: Sequence[tuple[int, float, int]],
    corpus: _Corpus,
    classes: Sequence[int],
    issuer_of: Mapping[str, str | None],
    max_copies: int,
) -> tuple[tuple[Copy, ...], tuple[str | None, ...]]:
    """The ``max_copies`` closest reports of ``ranked`` whose issuer class is not ``mine``,
    and the issuers of the rest not among theirs (:func:`beyond_copies`)."""
    copies: list[Copy] = []
    rest: list[str | None] = []  # the issuers of the reports beyond the cap
    for r, sim, h in ranked:
        if classes[r] == mine:
            continue
        other, o_local = corpus.where(h)
        if len(copies) >= max_copies:
            rest.append(issuer_of.get(other.key))
            continue
        o_start, o_end = other.span(o_local)
        copies.append(Copy(other.key, issuer_of.get(other.key), o_start, o_end, sim))
    return tuple(copies), beyond_copies(copies, rest)


def beyond_copies(copies: Sequence[Copy], rest: Iterable[str | None]) -> tuple[str | None, ...]:
    """``Match.beyond``: the issuers of the reports the cap left out of ``copies`` (``rest``:
    the issuer of each, ``None`` unknown) that ``copies`` does not name, each once, an
    unknown one once a report (a message names each such report): a message that says
    how many write the sentence counts them too."""
    listed = {c.issuer for c in copies if c.issuer is not None}
    known = dict.fromkeys(i for i in rest if i is not None and i not in listed)
    return (*known, *(i for i in rest if i is None))


def _match(
    g: int,
    copies: tuple[tuple[Copy, ...], tuple[str | None, ...]],
    corpus: _Corpus,
    issuer_of: Mapping[str, str | None],
) -> Match:
    """The match of sentence ``g`` with its ``copies`` (and the issuers beyond them)."""
    report, local = corpus.where(g)
    start, end = report.span(local)
    return Match(report.key, start, end, report.section_of(local), copies[0], issuer_of.get(report.key), copies[1])


def find_boilerplate(
    prints: Iterable[Fingerprint],
    *,
    issuer_of: Mapping[str, str | None],
    similarity: float = 0.9,
    common_share: float | None = None,
    common_min: int = 3,
    max_bucket: int = 1000,
    max_group: int = 200,
    max_copies: int = 10,
) -> dict[str, list[Match]]:
    """Sentences each report shares, verbatim or nearly, with reports of other issuers.

    Returns only reports that have such sentences, each with its matches in text order.
    The genre's formulas never get here (:func:`fingerprint` leaves them out), so a
    sentence three reports of a batch of three share is found on all three. With
    ``common_share`` set, a sentence (with its near copies) found in at least that share
    of the issuers and at least ``common_min`` of them is left out as common wording
    (off by default: it makes the answer depend on the batch's size). A near copy must
    carry the same figures (years aside): the same sentence with other numbers is
    another body's own fact. ``max_bucket`` bounds the pairs checked in one LSH bucket;
    a fuller bucket is skipped (sentences that collide with that many others share only
    frequent 3-grams; real copies meet in other bands). A sentence spread over
    ``max_group`` issuers or more is a template handed down by a higher body, not a copy
    between peers (and listing every pair of its copies would cost time quadratic in
    it); a match lists at most ``max_copies`` of the other reports (the closest), and
    keeps the issuers of the others (``Match.beyond``), which the message counts.
    An unknown issuer is nobody else's: its report is compared with every other.
    """
    corpus = _Corpus.of(list(prints))
    if len(corpus) == 0:
        return {}
    classes = issuer_classes([issuer_of.get(p.key) for p in corpus.prints])
    common_at = max_group if common_share is None else max(common_min, math.ceil(common_share * len(set(classes))))
    need = math.ceil(jaccard_bound(similarity) * PERMUTATIONS - 1e-9)
    # verbatim copies by their exact key; one representative per group goes on to LSH
    verbatim = _Verbatim.of(corpus.exact)
    near = _near_copies(corpus, verbatim.is_rep, need, max_bucket)
    reps = {*verbatim.representatives(), *near.pairs}
    # a group spread over very many issuers is a template everybody was handed: no copy
    # between peers, and listing every pair of its copies would cost time quadratic in it
    common = _common_roots(reps, corpus, verbatim, near, classes, min(common_at, max_group))
    out: dict[str, list[Match]] = {}
    for rep in reps:
        if near.sets.find(rep) in common:
            continue
        peers = [(g, 1.0) for g in verbatim.members_of(rep)]
        peers += [(g, sim) for other, sim in near.pairs.get(rep, ()) for g in verbatim.members_of(other)]
        ranked = _ranked_reports(peers, corpus)
        # members of one issuer class name the same copies: found once per class, since a
        # class that writes most of a group would otherwise be skipped over by each member
        by_class: dict[int, tuple[tuple[Copy, ...], tuple[str | None, ...]]] = {}
        for g in verbatim.members_of(rep):
            mine = classes[corpus.owner[g]]
            if mine not in by_class:
                by_class[mine] = _copies(mine, ranked, corpus, classes, issuer_of, max_copies)
            if by_class[mine][0]:
                match = _match(g, by_class[mine], corpus, issuer_of)
                out.setdefault(match.report, []).append(match)
    for matches in out.values():
        matches.sort(key=lambda m: m.start)
    return out


def boilerplate_findings(
    matches: Sequence[Match],
    lang: str = "zh",
    *,
    originals: Mapping[str, str] | None = None,
    quote_of: Callable[[str, int, int], str] | None = None,
    similarity: float = 0.9,
    stop_phrases: Sequence[str] = DEFAULT_STOP_PHRASES,
    shown: int = 3,
    standard: Standard | None = None,
    names: Mapping[str, str] | None = None,
    min_specific: int = MIN_SPECIFIC,
) -> list[Finding]:
    """One ``quality.boilerplate`` finding per matched sentence of one report.

    ``standard`` (the one this report was audited with) may switch the check off or set
    its severity and suggestion in its ``quality:`` block; without an entry there the
    finding is minor, with the catalogue's suggestion.

    ``originals`` gives the original text of the reports involved (this one and those
    it shares sentences with), by report id: fingerprints keep no text, so the quotes
    come from there (or from ``quote_of(report, start, end)``, which a batch answers from
    the quotes kept with its fingerprints). Since the text is at hand, near copies found by their signatures
    are confirmed here with rapidfuzz (ratio of the keys ≥ ``similarity``); verbatim
    ones need no check. The message names up to ``shown`` other issuers and quotes the
    sentence of the most similar one. A report whose issuer is unknown is named by its
    file, said to be of an unknown issuer: ``names`` gives a report's name to show (the
    path relative to the batch's input, say); without it, the last part of its id (a
    message never shows a machine's full path). When an issuer on either side is unknown
    the message speaks of other reports, not of other issuers.

    A quoted sentence that keeps fewer than ``min_specific`` characters of its own is
    dropped here too: :func:`fingerprint` leaves formulas out, but fingerprints kept from
    an older run (or made with another ``min_specific``) may still hold them.
    """
    config = standard.quality.get(CODE) if standard is not None else None
    if config is not None and not config.enabled:
        return []
    severity = config.severity if config is not None else "minor"
    suggestion = config.suggestion.get(lang) if config is not None else t("quality.boilerplate_suggestion", lang)
    stop = _stop_pattern(stop_phrases)
    cutoff = 100 * similarity
    text = quote_of if quote_of is not None else _slicer(originals or {})
    out: list[Finding] = []
    for m in matches:
        quote = text(m.report, m.start, m.end)
        key = _key_of(quote, stop)
        if not is_specific_key(key, m.issuer, min_specific):
            continue
        others = [
            c
            for c in m.others
            if c.similarity >= 1.0
            or fuzz.ratio(key, _key_of(text(c.report, c.start, c.end), stop), score_cutoff=cutoff)
        ]
        if not others:
            continue
        top = others[0]
        message = _message(m, others, text(top.report, top.start, top.end), lang, shown, names or {})
        out.append(
            Finding(
                code=CODE,
                category="quality",
                severity=severity,
                message=message,
                suggestion=suggestion,
                quote=quote,
                section=m.section or None,
                start=m.start,
                end=m.end,
            )
        )
    return out


def _slicer(originals: Mapping[str, str]) -> Callable[[str, int, int], str]:
    def text(report: str, start: int, end: int) -> str:
        return originals[report][start:end]

    return text


def _message(m: Match, others: Sequence[Copy], other: str, lang: str, shown: int, names: Mapping[str, str]) -> str:
    """The finding's message: who else wrote the sentence, and how they wrote it."""
    labels: list[str] = []
    for c in others:
        label = c.issuer or t("quality.boilerplate_unknown", lang, file=names.get(c.report) or display_name(c.report))
        if label not in labels:
            labels.append(label)
    # an unknown issuer may be anybody, this report's own too: "other reports", not "other issuers"
    unknown = m.issuer is None or any(c.issuer is None for c in others) or None in m.beyond
    key = "quality.boilerplate_reports" if unknown else "quality.boilerplate"
    sep = "、" if lang == "zh" else ", "
    if m.beyond or len(labels) > shown:  # (the issuers beyond the listed copies counted too)
        return t(f"{key}_many", lang, issuers=sep.join(labels[:shown]), n=len(labels) + len(m.beyond), other=other)
    return t(key, lang, issuers=sep.join(labels), other=other)


def display_name(report: str) -> str:
    """How a message names a report known only by its id: the id's last path part
    (``/home/…/甲镇2023.txt`` → ``甲镇2023.txt``), never a machine's full path."""
    return _PATH_SEP.split(report.rstrip("/\\"))[-1] or report


@lru_cache(maxsize=4096)
def _key_of(original: str, stop: re.Pattern[str] | None) -> str:
    # the quote is original text: normalise it as the document's text was (NFKC) first.
    # Kept per process: a copied sentence is quoted again in each of its copies' findings
    # (NFKC costs some 40,000 instructions a sentence)
    return sentence_key(unicodedata.normalize("NFKC", original), stop)[0]


def boilerplate_across(
    docs: Mapping[str, Document],
    *,
    lang: str = "zh",
    similarity: float = 0.9,
    common_share: float | None = None,
    common_min: int = 3,
    min_chars: int = 15,
    min_specific: int = MIN_SPECIFIC,
    stop_phrases: Sequence[str] = DEFAULT_STOP_PHRASES,
    standard: Standard | None = None,
) -> dict[str, list[Finding]]:
    """``quality.boilerplate`` findings for documents already read, by their ids.

    Every id is in the answer (an empty list when the report copies nothing); issuers
    come from each document's metadata. Messages name a report of unknown issuer by
    its id's last path part.
    """
    prints = [
        fingerprint(d, k, min_chars=min_chars, stop_phrases=stop_phrases, min_specific=min_specific)
        for k, d in docs.items()
    ]
    found = find_boilerplate(
        prints,
        issuer_of={k: d.metadata.issuer for k, d in docs.items()},
        similarity=similarity,
        common_share=common_share,
        common_min=common_min,
    )
    originals = {k: d.original for k, d in docs.items()}
    return {
        k: boilerplate_findings(
            found.get(k, []),
            lang,
            originals=originals,
            similarity=similarity,
            stop_phrases=stop_phrases,
            standard=standard,
            min_specific=min_specific,
        )
        for k in docs
    }
