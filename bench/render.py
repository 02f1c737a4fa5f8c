"""Benchmark: milliseconds to render the HTML report, over the sample reports.

    python bench/render.py [--seconds 2]

Prints the time to render one report's page from a result already computed (with its
text, so the document view is included), the overview page of all samples, and a
large synthetic report (the samples' text forty times over, its evidence repeated).
Run it on an idle machine; it is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from pipeline import rate  # bench/ is on sys.path when a bench script runs

import checklist
from checklist.render.html import render_overview, render_report

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from _samples import large_result  # noqa: E402  # the browser tests' large report, the same one

SAMPLES = sorted((ROOT / "reports").glob("*.txt"))


def per_call_ms(fn: Callable[[], object], seconds: float) -> tuple[float, float]:
    """Milliseconds per call: median and best over half-second rounds."""
    median, best = rate(fn, seconds)  # calls per second
    return 1000 / median, 1000 / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="time per measurement")
    args = parser.parse_args()
    results = [checklist.audit(p, keep_text=True) for p in SAMPLES]
    big = large_result(results[0])
    assert big.text is not None
    size = sum(len(render_report(r)) for r in results) / len(results)

    def pages() -> None:
        for r in results:
            render_report(r)

    print(f"{len(SAMPLES)} sample reports, pages of {size / 1024:,.0f} KiB on average, one core")
    med, best = per_call_ms(pages, args.seconds)
    print(f"  {'one report page':38} {med / len(results):7.2f} ms/report (best {best / len(results):.2f})")
    med, best = per_call_ms(lambda: render_overview(results, [None] * len(results)), args.seconds)
    print(f"  {'overview of the five':38} {med:7.2f} ms (best {best:.2f})")
    evidence = sum(len(r.evidence) for r in big.requirements)
    med, best = per_call_ms(lambda: render_report(big), args.seconds)
    print(f"  {f'large: {len(big.text):,} chars, {evidence:,} quotes':38} {med:7.2f} ms (best {best:.2f})")


if __name__ == "__main__":
    main()
