"""Benchmark: reports per second on one core, over the sample reports.

    python bench/pipeline.py [--seconds 3]

Prints three figures: read + normalise + outline + metadata (``checklist.read``), the
engine alone on a document already read, and the whole audit from the file to JSON
(``checklist.audit(path)`` + ``model_dump_json``); and, in the same process, the
physical anchors they are measured against, with each figure's share of them:

- the raw scan as issue 14 defines it: the file's bytes read and decoded, NFKC, one
  Aho–Corasick pass over the Chinese terms the specification quotes
  (``docs/requirements.md``, each quoted phrase cut at its separators), every hit visited;
- the same scan over the literal terms of the standard each sample is audited with.

``--rounds N`` measures everything N times in turn and prints the median of each figure
and of each share (a share is taken within its round, so a machine that drifts between
rounds moves it less than the figures). Run it on an idle machine (it prints the load
average); it is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import re
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
SPEC = ROOT / "docs" / "requirements.md"


def spec_terms() -> list[str]:
    """The Chinese terms ``docs/requirements.md`` quotes: every backquoted phrase with a
    CJK character, cut at 、 / ， , … brackets and blanks, NFKC-normalised."""
    terms: set[str] = set()
    for quoted in re.findall(r"`([^`]*[\u4e00-\u9fff][^`]*)`", SPEC.read_text(encoding="utf-8")):
        for piece in re.split(r"[、/，,…()（）]|\s+", quoted):
            if re.search(r"[\u4e00-\u9fff]", piece):
                terms.add(unicodedata.normalize("NFKC", piece))
    return sorted(terms)


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
    parser.add_argument("--rounds", type=int, default=1, help="measure everything this many times in turn")
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
    spec = _automaton(tuple(spec_terms()))
    hits = {"spec": 0, "standard": 0}

    def scan(key: str, automaton_of: Callable[[Path], ahocorasick_rs.AhoCorasick]) -> Callable[[], None]:
        def run() -> None:
            n = 0
            for p in SAMPLES:
                text = unicodedata.normalize("NFKC", p.read_bytes().decode("utf-8"))
                for _hit in automaton_of(p).find_matches_as_indexes(text, overlapping=True):
                    n += 1
            hits[key] = n

        return run

    terms = sum(len(std.literals) for std in {s.id: s for s in standards.values()}.values())
    print(f"{len(SAMPLES)} sample reports, {chars:,.0f} characters on average, one core")
    measures = (
        ("raw scan, issue 14 (spec's terms)", scan("spec", lambda p: spec)),
        ("raw scan, the standards' terms", scan("standard", lambda p: automata[standards[p].id])),
        ("read+normalise+outline+metadata", read_all),
        ("engine only (document already read)", engine_all),
        ("whole audit, file -> JSON", audit_all),
    )
    figures: dict[str, list[float]] = {label: [] for label, _ in measures}
    shares: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in measures}
    for _ in range(max(1, args.rounds)):
        this: dict[str, float] = {}
        for label, fn in measures:
            this[label] = rate(fn, args.seconds)[0] * len(SAMPLES)
        first, second = (this[label] for label, _ in measures[:2])
        for label, _ in measures:
            figures[label].append(this[label])
            shares[label].append((this[label] / first, this[label] / second))
    for label, _ in measures:
        per_s = statistics.median(figures[label])
        of_spec = statistics.median(s[0] for s in shares[label])
        of_std = statistics.median(s[1] for s in shares[label])
        spread = f" (rounds {min(figures[label]):,.0f}-{max(figures[label]):,.0f})" if args.rounds > 1 else ""
        print(
            f"  {label:38} {per_s:8,.0f} reports/s ({1000 / per_s:.2f} ms/report){spread}"
            f" = {of_spec:6.1%} / {of_std:6.1%} of the raw scans"
        )
    print(
        f"  (raw scans: {len(spec_terms())} terms of docs/requirements.md,"
        f" {hits['spec'] / len(SAMPLES):,.0f} hits a report;"
        f" {terms} literal terms over the standards used, {hits['standard'] / len(SAMPLES):,.0f} hits a report;"
        f" load {os.getloadavg()[0]:.2f})"
    )


def _automaton(literals: tuple[str, ...]) -> ahocorasick_rs.AhoCorasick:
    return ahocorasick_rs.AhoCorasick([term for term in literals if term])


if __name__ == "__main__":
    main()
