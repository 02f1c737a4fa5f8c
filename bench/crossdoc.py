"""Benchmark of the cross-report checks (``checklist.crossreport.copied``).

    python bench/crossdoc.py [--reports 10000] [--sentences 60] [--workers 2]

Prints: fingerprint time per sample report and its size (arrays; stored in
``cross.sqlite`` with its quotes, one report to a file, pages included); how well the
signature estimate agrees with rapidfuzz on near copies made from the samples'
sentences; and ``find_boilerplate`` time and peak memory over synthetic fingerprints.
The synthetic reports are the samples' sentences with a third of their characters
replaced (so they are each report's own), and planted copies: 3 % of the sentences
copied verbatim from another synthetic report, 1 % with one character changed, and
one sentence every other report writes (common wording, to be dropped).
A benchmark, not a test: run it on an idle machine.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import struct
import tempfile
import time
import tracemalloc
from array import array
from concurrent.futures import ProcessPoolExecutor
from hashlib import blake2b
from pathlib import Path

from rapidfuzz import fuzz

import checklist
from checklist.batch.prints import STORE, PrintStore
from checklist.crossreport.copied import (
    DEFAULT_STOP_PHRASES,
    Fingerprint,
    _numbers_hash,
    _stop_pattern,
    find_boilerplate,
    fingerprint,
    jaccard_bound,
    sentence_key,
    signature,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "reports").glob("*.txt"))


def sample_keys() -> list[str]:
    """Distinct sentence keys of the sample reports (15 characters or more)."""
    stop = _stop_pattern(DEFAULT_STOP_PHRASES)
    keys = []
    for path in SAMPLES:
        doc = checklist.read(path)
        for s in doc.sentences:
            key, _ = sentence_key(doc.text[s.start : s.end], stop)
            if len(key) >= 15:
                keys.append(key)
    return list(dict.fromkeys(keys))


def mutate(rng: random.Random, key: str, chars: str, edits: int) -> str:
    out = list(key)
    for _ in range(edits):
        i = rng.randrange(len(out))
        op = rng.random()
        if op < 0.5:
            out[i] = rng.choice(chars)
        elif op < 0.75:
            out.insert(i, rng.choice(chars))
        elif len(out) > 15:
            del out[i]
    return "".join(out)


def bench_fingerprint() -> None:
    docs = [checklist.read(p) for p in SAMPLES]
    for path, doc in zip(SAMPLES, docs, strict=True):
        fingerprint(doc, path.name)
        times = []
        for _ in range(20):
            t0 = time.perf_counter()
            fp = fingerprint(doc, path.name)
            times.append(time.perf_counter() - t0)
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / ".checklist").mkdir()
            store = PrintStore(Path(tmp))
            store.put("r", fp)
            store.close()
            stored = (Path(tmp) / STORE).stat().st_size
        arrays = sum(len(a) * a.itemsize for a in (fp.exact, fp.numbers, fp.spans, fp.section)) + len(fp.minhash)
        print(
            f"  {path.name[:40]:40} {len(fp):4} sentences  {1000 * statistics.median(times):6.1f} ms"
            f"  {arrays:6} bytes of arrays; {stored:6} bytes in cross.sqlite with its quotes"
        )


def bench_accuracy(keys: list[str]) -> None:
    """Signature decision (Jaccard estimate >= bound) against rapidfuzz ratio >= 0.9."""
    rng = random.Random(1)
    chars = "".join(sorted(set("".join(keys))))
    pairs = [(k, mutate(rng, k, chars, n)) for k in keys for n in (1, 2, 3)]
    pairs += [(a, b) for a, b in itertools.combinations(keys, 2) if fuzz.ratio(a, b) >= 50]
    bound = jaccard_bound(0.9)
    tp = fp = fn = 0
    for a, b in pairs:
        sa, sb = struct.unpack("=32H", signature(a)), struct.unpack("=32H", signature(b))
        says = sum(x == y for x, y in zip(sa, sb, strict=True)) / 32 >= bound
        truth = fuzz.ratio(a, b) >= 90
        tp += says and truth
        fp += says and not truth
        fn += truth and not says
    print(
        f"  {len(pairs)} pairs, {tp + fn} copies by rapidfuzz >= 0.9: signature precision "
        f"{tp / max(1, tp + fp):.3f}, recall {tp / max(1, tp + fn):.3f} (bound {bound:.2f}); "
        f"boilerplate_findings confirms with rapidfuzz"
    )


def make_print(args: tuple[int, list[str], int]) -> Fingerprint:
    """Synthetic fingerprint ``r`` built from already chosen sentence keys."""
    r, keys, _ = args
    exact: array[int] = array("Q")
    numbers: array[int] = array("H")
    spans: array[int] = array("I")
    section: array[int] = array("i")
    sigs = []
    pos = 0
    for k in keys:
        exact.append(int.from_bytes(blake2b(k.encode(), digest_size=8).digest(), "little"))
        numbers.append(_numbers_hash(k))
        sigs.append(signature(k))
        spans.extend((pos, pos + len(k)))
        section.append(-1)
        pos += len(k) + 1
    return Fingerprint(f"r{r}", exact, b"".join(sigs), numbers, spans, section, ())


def synthetic(n: int, per: int, keys: list[str], workers: int) -> list[Fingerprint]:
    rng = random.Random(7)
    chars = "".join(sorted(set("".join(keys))))
    common = "全面推进严格规范公正文明执法持续提升基层依法行政水平和群众法治获得感"
    picks = [[rng.choice(keys) for _ in range(per)] for _ in range(n)]
    own = [[mutate(rng, k, chars, len(k) // 3) for k in row] for row in picks]
    for r in range(n):
        if r % 2 == 0:
            own[r][0] = common
        for i in range(1, per):
            roll = rng.random()
            if roll < 0.03:
                own[r][i] = own[rng.randrange(n)][i]
            elif roll < 0.04:
                src = own[rng.randrange(n)][i]
                own[r][i] = mutate(rng, src, chars, 1)
    with ProcessPoolExecutor(workers) as pool:
        return list(pool.map(make_print, [(r, own[r], 0) for r in range(n)], chunksize=200))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reports", type=int, default=10_000)
    ap.add_argument("--sentences", type=int, default=60)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-accuracy", dest="accuracy", action="store_false", help="Skip the estimate check.")
    a = ap.parse_args()
    print("fingerprint, per sample report (median of 20):")
    bench_fingerprint()
    keys = sample_keys()
    if a.accuracy:
        print("near-copy decision on the samples' sentences:")
        bench_accuracy(keys)
    t0 = time.perf_counter()
    prints = synthetic(a.reports, a.sentences, keys, a.workers)
    made = time.perf_counter() - t0
    size = sum(
        len(p.exact) * 8 + len(p.minhash) + len(p.numbers) * 2 + len(p.spans) * 4 + len(p.section) * 4 for p in prints
    )
    print(
        f"{a.reports} synthetic fingerprints x {a.sentences} sentences made in {made:.1f} s "
        f"({a.workers} workers); their arrays: {size / 2**20:.1f} MB, {size / a.reports / 1024:.1f} KB/report"
    )
    issuer_of = {p.key: p.key for p in prints}
    t0 = time.perf_counter()
    found = find_boilerplate(prints, issuer_of=issuer_of)
    took = time.perf_counter() - t0
    tracemalloc.start()
    find_boilerplate(prints, issuer_of=issuer_of)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    matched = sum(len(v) for v in found.values())
    print(
        f"find_boilerplate: {took:.2f} s, peak {peak / 2**20:.0f} MB beyond the fingerprints; "
        f"{len(found)} reports with copies, {matched} sentences"
    )


if __name__ == "__main__":
    main()
