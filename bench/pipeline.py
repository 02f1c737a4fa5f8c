"""Benchmark: reports per second on one core, over the sample reports.

    python bench/pipeline.py [--seconds 3]

Prints three figures: read + normalise + outline + metadata (``checklist.read``), the
engine alone on a document already read, and the whole audit from the file to JSON
(``checklist.audit(path)`` + ``model_dump_json``); and, in the same process, the
physical anchor they are measured against: the raw scan (the file's bytes read and
decoded, NFKC, one Aho–Corasick pass over the literal terms of the standard each sample
is audited with, every hit visited), with each figure's share of it. Run it on an idle
machine (it prints the load average); it is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import ahocorasick_rs

import checklist
from checklist.rules.engine import evaluate
from checklist.rules.standard import load_standard

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "reports").glob("*.txt"))


def rate(fn: Callable[[], object], seconds: float) -> tuple[float, float]:
    """Calls per second: median and best over one-second rounds."""
    fn()  # warm caches (standards, automaton, regexes)
    rounds = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        n = 0
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < 0.5:
            fn()
            n += 1
        rounds.append(n / (time.perf_counter() - t0))
    return statistics.median(rounds), max(rounds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time per measurement")
    args = parser.parse_args()
    docs = {p: checklist.read(p) for p in SAMPLES}
    standards = {
        p: load_standard(
            {"township": "township", "department": "department"}.get(docs[p].metadata.level or "", "national")
        )
        for p in SAMPLES
    }
    chars = sum(len(d.original) for d in docs.values()) / len(docs)

    def read_all() -> None:
        for p in SAMPLES:
            checklist.read(p)

    def engine_all() -> None:
        for p in SAMPLES:
            evaluate(docs[p], standards[p])

    def audit_all() -> None:
        for p in SAMPLES:
            checklist.audit(p).model_dump_json()

    automata = {std.id: _automaton(std.literals) for std in standards.values()}
    hits = 0

    def raw_scan() -> None:
        nonlocal hits
        hits = 0
        for p in SAMPLES:
            text = unicodedata.normalize("NFKC", p.read_bytes().decode("utf-8"))
            for _hit in automata[standards[p].id].find_matches_as_indexes(text, overlapping=True):
                hits += 1

    terms = sum(len(std.literals) for std in {s.id: s for s in standards.values()}.values())
    print(f"{len(SAMPLES)} sample reports, {chars:,.0f} characters on average, one core")
    measures = (
        ("raw scan (read, NFKC, Aho-Corasick)", raw_scan),
        ("read+normalise+outline+metadata", read_all),
        ("engine only (document already read)", engine_all),
        ("whole audit, file -> JSON", audit_all),
    )
    anchor = 0.0
    for label, fn in measures:
        med, best = rate(fn, args.seconds)
        per_s = med * len(SAMPLES)
        anchor = anchor or per_s
        print(
            f"  {label:38} {per_s:8,.0f} reports/s (best {best * len(SAMPLES):,.0f}; "
            f"{1000 / per_s:.2f} ms/report) = {per_s / anchor:6.1%} of the raw scan; load {os.getloadavg()[0]:.2f}"
        )
    print(f"  (the raw scan: {terms} literal terms over the standards used, {hits / len(SAMPLES):,.0f} hits a report)")


def _automaton(literals: tuple[str, ...]) -> ahocorasick_rs.AhoCorasick:
    return ahocorasick_rs.AhoCorasick([term for term in literals if term])


if __name__ == "__main__":
    main()
