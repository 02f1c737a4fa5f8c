"""Benchmark: reports per second on one core, over the sample reports.

    python bench/pipeline.py [--seconds 3]

Prints three figures: read + normalise + outline + metadata (``checklist.read``), the
engine alone on a document already read, and the whole audit from the file to JSON
(``checklist.audit(path)`` + ``model_dump_json``). Run it on an idle machine; it is a
benchmark, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

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

    print(f"{len(SAMPLES)} sample reports, {chars:,.0f} characters on average, one core")
    measures = (
        ("read+normalise+outline+metadata", read_all),
        ("engine only (document already read)", engine_all),
        ("whole audit, file -> JSON", audit_all),
    )
    for label, fn in measures:
        med, best = rate(fn, args.seconds)
        print(
            f"  {label:38} {med * len(SAMPLES):8,.0f} reports/s (best {best * len(SAMPLES):,.0f}; "
            f"{1000 / (med * len(SAMPLES)):.2f} ms/report)"
        )


if __name__ == "__main__":
    main()
