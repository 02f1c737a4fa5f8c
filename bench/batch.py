"""Benchmark: a batch of N varied reports made from the samples.

    python bench/batch.py [-n 10000] [--jobs 1 2] [--keep DIR]

Each generated report is a sample with its top-level sections shuffled or dropped and
its issuer renamed, so no two are identical. Prints reports/s for each ``--jobs``, the
peak memory (RSS) of the parent and of the workers, and checks that
inputs = results + errors. JSON only (no HTML, CSV or XLSX), as the issue asks; ``--cross`` adds the copied-text
search and year comparisons.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import tempfile
import time
from pathlib import Path

from checklist.batch import run_batch

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "reports").glob("*.txt"))
TOP = re.compile(r"^[一二三四五六七八九十]+、", re.M)


def generate(n: int, folder: Path, seed: int = 1) -> None:
    """Write ``n`` varied reports into ``folder``."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES]
    for i in range(n):
        text = texts[i % len(texts)]
        cuts = [m.start() for m in TOP.finditer(text)]
        if len(cuts) >= 2:
            head, parts = text[: cuts[0]], [text[a:b] for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True)]
            tail = parts[-1]
            middle = parts[:-1]
            rng.shuffle(middle)
            if len(middle) > 1 and rng.random() < 0.3:
                middle.pop(rng.randrange(len(middle)))
            text = head + "".join(middle) + tail
        text = re.sub(r"([\u4e00-\u9fff]{2})(镇|街道|区|县)", rf"样本{i}\2", text, count=3)
        (folder / f"r{i:05d}.txt").write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--keep", type=Path, help="keep the generated reports and results here")
    parser.add_argument("--cross", action="store_true", help="also find copied text and compare years")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="checklist-bench-"))
    src = base / "in"
    src.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    generate(args.n, src)
    print(f"generated {args.n} reports in {time.perf_counter() - t0:.1f} s")
    for jobs in args.jobs:
        out = base / f"out-j{jobs}"
        shutil.rmtree(out, ignore_errors=True)
        t0 = time.perf_counter()
        summary = run_batch([str(src)], out, jobs=jobs, formats=["json"], force=True, cross=args.cross)
        elapsed = time.perf_counter() - t0
        parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"--jobs {jobs}: {summary.inputs} inputs = {summary.audited} results + {len(summary.errors)} errors "
            f"({'ok' if summary.ok else 'MISMATCH'}) in {elapsed:.1f} s = {summary.inputs / elapsed:,.0f} reports/s; "
            f"peak RSS parent {parent:,.0f} MB, largest worker {children:,.0f} MB"
        )
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
