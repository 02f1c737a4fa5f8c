"""``quality.boilerplate``: sentences copied between the reports of different issuers.

Copies between bodies sit inside otherwise different paragraphs, so the unit is the
sentence (keyed as ``quality.duplicate_sentence`` keys it: no outline marker, no
punctuation or blanks). Work is split in two so a batch can run the first half in
worker processes:

* :func:`fingerprint`, where the report is read: per body sentence an exact hash of its
  key, a 32-value MinHash signature over character 3-grams, a hash of its figures and
  its original offsets. No text is kept: about 80 bytes a sentence, a few KB a report.
* :func:`find_boilerplate`, over all fingerprints: verbatim copies by the exact hash,
  near copies by LSH on the signatures (8 bands of 4 values), confirmed by the
  signatures' Jaccard estimate. Wording that everyone shares (a sentence found in a
  large share of the issuers) is not a finding.

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
import struct
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from hashlib import blake2b
from operator import eq

from rapidfuzz import fuzz

from checklist.document import Document
from checklist.messages import t
from checklist.rules.quality.base import strip_marker
from checklist.rules.quality.duplicate_sentence import _NOISE
from checklist.rules.result import Finding
from checklist.rules.standard import Standard
from checklist.structure.sections import HEADER, SIGNATURE, classify

#: Goal phrases and slogans of the 2021–2025 纲要 and the usual political preamble: every
#: report may write them, so they are taken out of a sentence before it is compared.
DEFAULT_STOP_PHRASES: tuple[str, ...] = (
    "职能科学", "权责法定", "执法严明", "公开公正", "智能高效", "廉洁诚信", "人民满意",
    "坚持以习近平新时代中国特色社会主义思想为指导", "习近平新时代中国特色社会主义思想",
    "深入学习贯彻习近平法治思想", "深入贯彻习近平法治思想", "习近平法治思想",
    "全面贯彻党的二十大精神", "全面贯彻党的十九大精神", "党的二十大和二十届二中全会精神",
    "党的二十届三中全会精神", "党的十九大和十九届历次全会精神",
    "法治国家法治政府法治社会一体建设", "依法治国依法执政依法行政共同推进",
    "增强四个意识", "坚定四个自信", "做到两个维护", "两个确立", "两个维护",
    "法治政府建设实施纲要", "法治政府建设与责任落实督察工作规定",
)

CODE = "quality.boilerplate"
PERMUTATIONS = 32  # MinHash values per sentence, 16 bits each
BANDS = 8  # LSH bands; 4 values = 8 bytes = one uint64 each
_ROWS = PERMUTATIONS // BANDS
_SIG_BYTES = 2 * PERMUTATIONS
_UNPACK = struct.Struct(f"={PERMUTATIONS}H")
_PERSON = b"checklist-mh"  # separates these hashes from the exact-key hash
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_BLANKS = re.compile(r"\s+")


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


def _stop_pattern(phrases: Sequence[str]) -> re.Pattern[str] | None:
    keys = sorted({_NOISE.sub("", unicodedata.normalize("NFKC", p)) for p in phrases} - {""}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys))) if keys else None


def sentence_key(text: str, stop: re.Pattern[str] | None = None) -> tuple[str, int]:
    """The comparison key of a normalised sentence (no marker, punctuation or stop
    phrases) and how many leading characters the marker took."""
    body, cut = strip_marker(text)
    key = _NOISE.sub("", body)
    if stop is not None:
        key = stop.sub("", key)
    return key, cut


def signature(key: str) -> bytes:
    """MinHash of ``key``'s character 3-grams: 32 uint16, one 64-byte blake2b per 3-gram.

    The 64 bytes of one digest are 32 independent hash values, so one call per 3-gram
    gives all permutations at once.
    """
    grams = {key[i : i + 3] for i in range(max(1, len(key) - 2))}
    digests = memoryview(b"".join([blake2b(g.encode(), digest_size=64, person=_PERSON).digest() for g in grams]))
    values = digests.cast("H")  # native order; packed back the same way, so only equality matters
    return _UNPACK.pack(*[min(values[i::PERMUTATIONS]) for i in range(PERMUTATIONS)])


def _numbers_hash(key: str) -> int:
    nums = [n for n in _NUMBER.findall(key) if not (len(n) == 4 and _YEAR.fullmatch(n))]
    if not nums:
        return 0
    return int.from_bytes(blake2b("|".join(nums).encode(), digest_size=2).digest(), "little") or 1


def fingerprint(
    doc: Document, key: str, *, min_chars: int = 15, stop_phrases: Sequence[str] = DEFAULT_STOP_PHRASES
) -> Fingerprint:
    """The fingerprint of ``doc``'s body sentences, under report id ``key``.

    Header and signature lines are left out (every report has a title and a date), as
    are sentences whose key, once the stop phrases are taken out, is shorter than
    ``min_chars``.
    """
    regions = classify(doc)
    stop = _stop_pattern(stop_phrases)
    exact: array[int] = array("Q")
    numbers: array[int] = array("H")
    spans: array[int] = array("I")
    section: array[int] = array("i")
    sigs: list[bytes] = []
    paths: dict[str, int] = {}
    for s in doc.sentences:
        if regions.kinds_at(doc, s.start, s.section) & {HEADER, SIGNATURE}:
            continue
        k, cut = sentence_key(doc.text[s.start : s.end], stop)
        if len(k) < min_chars:
            continue
        exact.append(int.from_bytes(blake2b(k.encode(), digest_size=8).digest(), "little"))
        numbers.append(_numbers_hash(k))
        sigs.append(signature(k))
        spans.extend(doc.to_original(s.start + cut, s.end))
        path = doc.section_path(s.section)
        section.append(paths.setdefault(path, len(paths)) if path else -1)
    return Fingerprint(key, exact, b"".join(sigs), numbers, spans, section, tuple(paths))


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


def find_boilerplate(
    prints: Iterable[Fingerprint],
    *,
    issuer_of: Mapping[str, str | None],
    similarity: float = 0.9,
    common_share: float = 0.3,
    common_min: int = 3,
    max_bucket: int = 1000,
    max_group: int = 200,
    max_copies: int = 10,
) -> dict[str, list[Match]]:
    """Sentences each report shares, verbatim or nearly, with reports of other issuers.

    Returns only reports that have such sentences, each with its matches in text order.
    A sentence (with its near copies) found in at least ``common_share`` of the issuers
    and at least ``common_min`` of them is common wording and left out. A near copy must
    carry the same figures (years aside): the same sentence with other numbers is
    another body's own fact. ``max_bucket`` bounds the pairs checked in one LSH bucket;
    a fuller bucket is skipped (sentences that collide with that many others share only
    frequent 3-grams; real copies meet in other bands). A sentence spread over
    ``max_group`` issuers or more is a template too, whatever the share; a match lists at
    most ``max_copies`` of the other reports (the closest).
    """
    prints = list(prints)
    classes = issuer_classes([issuer_of.get(p.key) for p in prints])
    common_at = max(common_min, math.ceil(common_share * len(set(classes))))
    j_min = jaccard_bound(similarity)
    need = math.ceil(j_min * PERMUTATIONS - 1e-9)

    # flatten every sentence of every report into global ids
    owner: array[int] = array("I")
    first: list[int] = []  # global id of each report's first sentence
    exact: array[int] = array("Q")
    numbers: array[int] = array("H")
    sig = bytearray()
    for r, p in enumerate(prints):
        first.append(len(owner))
        owner.extend([r] * len(p))
        exact.extend(p.exact)
        numbers.extend(p.numbers)
        sig += p.minhash
    total = len(exact)
    if total == 0:
        return {}
    values = memoryview(bytes(sig)).cast("H")
    bands = memoryview(values).cast("B").cast("Q")  # 4 uint16 of a band = one uint64

    # verbatim copies: group ids by exact key; one representative per group goes on to LSH
    counts = Counter(exact)
    groups: dict[int, list[int]] = {h: [] for h, c in counts.items() if c > 1}
    del counts
    for g in range(total):
        members = groups.get(exact[g])
        if members is not None:
            members.append(g)
    is_rep = bytearray(b"\x01") * total
    for members in groups.values():
        for g in members[1:]:
            is_rep[g] = 0

    def members_of(g: int) -> list[int]:
        return groups.get(exact[g]) or [g]

    # near copies: LSH bands, then the signature estimate
    sets = _Sets()
    near: dict[int, list[tuple[int, float]]] = {}
    checked: set[tuple[int, int]] = set()
    for b in range(BANDS):
        keys = bands[b::BANDS].tolist()
        band_counts = Counter(keys)
        buckets: dict[int, list[int]] = {}
        for g, k in enumerate(keys):
            if band_counts[k] > 1 and is_rep[g]:
                buckets.setdefault(k, []).append(g)
        del band_counts, keys
        for ids in buckets.values():
            if len(ids) < 2 or len(ids) > max_bucket:
                continue
            for i, a in enumerate(ids):
                sig_a = values[a * PERMUTATIONS : (a + 1) * PERMUTATIONS]
                for c in ids[i + 1 :]:
                    if (a, c) in checked:
                        continue
                    checked.add((a, c))
                    if numbers[a] != numbers[c]:
                        continue
                    same = sum(map(eq, sig_a, values[c * PERMUTATIONS : (c + 1) * PERMUTATIONS]))
                    if same < need:
                        continue
                    sim = round(ratio_of(same / PERMUTATIONS), 3)
                    near.setdefault(a, []).append((c, sim))
                    near.setdefault(c, []).append((a, sim))
                    sets.union(a, c)
    del checked

    # common wording: a group of copies that reaches the share of issuers
    spread: dict[int, set[int]] = {}
    for rep in {*(members[0] for members in groups.values()), *near}:
        root = sets.find(rep)
        spread.setdefault(root, set()).update(classes[owner[g]] for g in members_of(rep))
    # a group spread over very many issuers is a template everybody uses: common wording
    # too, and listing every pair of its copies would cost time and memory quadratic in it
    common = {root for root, seen in spread.items() if len(seen) >= min(common_at, max_group)}

    out: dict[str, list[Match]] = {}
    for rep in {*(members[0] for members in groups.values()), *near}:
        if sets.find(rep) in common:
            continue
        peers = [(g, 1.0) for g in members_of(rep)]
        peers += [(g, sim) for other, sim in near.get(rep, ()) for g in members_of(other)]
        for g in members_of(rep):
            mine = classes[owner[g]]
            best: dict[int, tuple[float, int]] = {}
            for h, sim in peers:
                r = owner[h]
                if classes[r] == mine:
                    continue
                if r not in best or (-sim, h) < (-best[r][0], best[r][1]):
                    best[r] = (sim, h)
            if not best:
                continue
            report = prints[owner[g]]
            local = g - first[owner[g]]
            start, end = report.span(local)
            copies = []
            ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], prints[kv[0]].key))[:max_copies]
            for r, (sim, h) in ranked:
                other = prints[r]
                o_start, o_end = other.span(h - first[r])
                copies.append(Copy(other.key, issuer_of.get(other.key), o_start, o_end, sim))
            out.setdefault(report.key, []).append(
                Match(report.key, start, end, report.section_of(local), tuple(copies)))
    for matches in out.values():
        matches.sort(key=lambda m: m.start)
    return out



def boilerplate_findings(
    matches: Sequence[Match],
    lang: str = "zh",
    *,
    originals: Mapping[str, str],
    similarity: float = 0.9,
    stop_phrases: Sequence[str] = DEFAULT_STOP_PHRASES,
    shown: int = 3,
    standard: Standard | None = None,
) -> list[Finding]:
    """One ``quality.boilerplate`` finding per matched sentence of one report.

    ``standard`` (the one this report was audited with) may switch the check off or set
    its severity and suggestion in its ``quality:`` block; without an entry there the
    finding is minor, with the catalogue's suggestion.

    ``originals`` gives the original text of the reports involved (this one and those
    it shares sentences with), by report id: fingerprints keep no text, so the quotes
    come from there. Since the text is at hand, near copies found by their signatures
    are confirmed here with rapidfuzz (ratio of the keys ≥ ``similarity``); verbatim
    ones need no check. The message names up to ``shown`` other issuers and quotes the
    sentence of the most similar one.
    """
    config = standard.quality.get(CODE) if standard is not None else None
    if config is not None and not config.enabled:
        return []
    severity = config.severity if config is not None else "minor"
    suggestion = config.suggestion.get(lang) if config is not None else t("quality.boilerplate_suggestion", lang)
    stop = _stop_pattern(stop_phrases)
    cutoff = 100 * similarity
    out: list[Finding] = []
    for m in matches:
        quote = originals[m.report][m.start : m.end]
        key = _key_of(quote, stop)
        others = [c for c in m.others if c.similarity >= 1.0
                  or fuzz.ratio(key, _key_of(originals[c.report][c.start : c.end], stop), score_cutoff=cutoff)]
        if not others:
            continue
        names: list[str] = []
        for c in others:
            name = c.issuer or c.report
            if name not in names:
                names.append(name)
        top = others[0]
        other = originals[top.report][top.start : top.end]
        sep = "、" if lang == "zh" else ", "
        if len(names) > shown:
            message = t("quality.boilerplate_many", lang, issuers=sep.join(names[:shown]), n=len(names),
                        other=other)
        else:
            message = t("quality.boilerplate", lang, issuers=sep.join(names), other=other)
        out.append(Finding(
            code=CODE, category="quality", severity=severity, message=message, suggestion=suggestion, quote=quote,
            section=m.section or None, start=m.start, end=m.end))
    return out


def _key_of(original: str, stop: re.Pattern[str] | None) -> str:
    # the quote is original text: normalise it as the document's text was (NFKC) first
    return sentence_key(unicodedata.normalize("NFKC", original), stop)[0]


def boilerplate_across(
    docs: Mapping[str, Document],
    *,
    lang: str = "zh",
    similarity: float = 0.9,
    common_share: float = 0.3,
    common_min: int = 3,
    min_chars: int = 15,
    stop_phrases: Sequence[str] = DEFAULT_STOP_PHRASES,
    standard: Standard | None = None,
) -> dict[str, list[Finding]]:
    """``quality.boilerplate`` findings for documents already read, by their ids.

    Every id is in the answer (an empty list when the report copies nothing); issuers
    come from each document's metadata.
    """
    prints = [fingerprint(d, k, min_chars=min_chars, stop_phrases=stop_phrases) for k, d in docs.items()]
    found = find_boilerplate(prints, issuer_of={k: d.metadata.issuer for k, d in docs.items()},
                             similarity=similarity, common_share=common_share, common_min=common_min)
    originals = {k: d.original for k, d in docs.items()}
    return {k: boilerplate_findings(found.get(k, []), lang, originals=originals, similarity=similarity,
                                    stop_phrases=stop_phrases, standard=standard) for k in docs}
