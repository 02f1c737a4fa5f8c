"""Benchmark: a batch of N varied reports made from the samples.

    python bench/batch.py [-n 2000] [--jobs 2] [--keep DIR] [--no-plain]

Each generated report is a sample with its top-level sections shuffled or dropped and
its issuer renamed, so no two are identical. For each ``--jobs``, prints (each with the
load average of the machine, which matters on a shared one):

* the batch without the cross-report pass (``cross=False``; left out with ``--no-plain``,
  for the large batches), then with it (the default), and the share of the run the pass
  takes (the pass itself, and the whole difference: fingerprints made in the workers and
  indexed in the parent as results arrive);
* the same batch run again, unchanged (the manifest skips every report; the pass finds
  nothing changed);
* three new reports added and the batch run again;
* the peak memory (RSS) of the parent and of the largest worker, and that
  inputs = results + errors.

JSON only (no HTML, CSV or XLSX), so the figures are the audit and the pass. Each line
also gives the CPU seconds of the parent and of the workers (and the workers' per report
audited), which a loaded machine moves less than wall-clock time.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from checklist.batch import command, run_batch

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "reports").glob("*.txt"))
TOP = re.compile(r"^[一二三四五六七八九十]+、", re.M)


def generate(n: int, folder: Path, seed: int = 1, start: int = 0, prefix: str = "r") -> None:
    """Write ``n`` varied reports into ``folder`` (numbered from ``start``)."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES]
    for i in range(start, start + n):
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
        (folder / f"{prefix}{i:05d}.txt").write_text(text, encoding="utf-8")


PASS_SECONDS: list[float] = []  # the cross-report pass itself, run by run


def _timed_pass(*args: Any) -> Any:
    t0 = time.perf_counter()
    try:
        return _CROSS_REPORTS(*args)
    finally:
        PASS_SECONDS.append(time.perf_counter() - t0)


_CROSS_REPORTS = command.cross_reports
command.cross_reports = _timed_pass  # type: ignore[assignment]  # measured, not changed


def timed(label: str, src: Path, out: Path, jobs: int, **options: bool) -> float:
    """Run the batch once; print its figures; the seconds it took."""
    PASS_SECONDS.clear()
    cpu0 = _cpu()
    t0 = time.perf_counter()
    summary = run_batch([str(src)], out, jobs=jobs, formats=["json"], **options)
    elapsed = time.perf_counter() - t0
    cpu = [b - a for a, b in zip(cpu0, _cpu(), strict=True)]
    if PASS_SECONDS:
        label += f" (pass {PASS_SECONDS[0]:.2f} s = {PASS_SECONDS[0] / elapsed:.0%})"
    # the workers' CPU per report audited (their start-up, imports and standards included)
    per = f" = {cpu[1] / summary.audited * 1000:.2f} ms a report" if summary.audited >= 100 else ""
    parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    load = os.getloadavg()[0]
    print(
        f"  {label:58} {elapsed:7.2f} s = {summary.inputs / elapsed:7,.0f} reports/s "
        f"({summary.audited} audited, {summary.skipped} skipped, {len(summary.errors)} errors, "
        f"{'ok' if summary.ok else 'MISMATCH'}); CPU parent {cpu[0]:.1f} s, workers {cpu[1]:.1f} s{per}; "
        f"parent peak {parent:,.0f} MB; load {load:.2f}",
        flush=True,
    )
    return elapsed


def _cpu() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its finished children."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2_000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[2])
    parser.add_argument("--keep", type=Path, help="keep the generated reports and results here")
    parser.add_argument("--no-plain", action="store_true", help="skip the runs without the cross-report pass")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="checklist-bench-"))
    src = base / "in"
    shutil.rmtree(src, ignore_errors=True)
    src.mkdir(parents=True)
    t0 = time.perf_counter()
    generate(args.n, src)
    print(f"generated {args.n} reports in {time.perf_counter() - t0:.1f} s; {os.cpu_count()} cores", flush=True)
    for jobs in args.jobs:
        print(f"--jobs {jobs}:")
        for old in src.glob("new*.txt"):
            old.unlink()
        plain, out = base / f"out-j{jobs}-no-cross", base / f"out-j{jobs}"
        shutil.rmtree(plain, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        without = None if args.no_plain else timed("batch, --no-cross", src, plain, jobs, cross=False)
        whole = timed("batch, cross pass on (default)", src, out, jobs)
        if without is not None:
            extra = whole - without
            print(f"  with the cross pass - without: {extra:.2f} s, {extra / whole:.0%} of the run")
            timed("the same batch again, unchanged, --no-cross", src, plain, jobs, cross=False)
        timed("the same batch again, unchanged", src, out, jobs)
        generate(3, src, seed=2, start=args.n, prefix="new")
        timed("3 new reports added, run again", src, out, jobs)
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"  largest worker peak {children:,.0f} MB")
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
