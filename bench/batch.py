"""Benchmark: a batch of N varied reports made from the samples.

    python bench/batch.py [-n 2000] [--jobs 2] [--keep DIR] [--no-plain] [--county]

Each generated report is a sample with its top-level sections shuffled or dropped and
its issuer renamed, so no two are identical (``--county``: towns that filled in one of five
county templates, each with its own name and figures; see :func:`generate`). For each ``--jobs``, prints (each with the
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
from collections import Counter
from pathlib import Path
from typing import Any

from checklist.batch import command, run_batch

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "reports").glob("*.txt"))
TOP = re.compile(r"^[一二三四五六七八九十]+、", re.M)


_SYLLABLES = "安宝昌德丰福广和华嘉金锦康乐龙茂宁平清仁瑞盛泰通祥新兴永裕治中东西南北"


def _town(i: int) -> str:
    """A town's name of three characters without a digit, its own for each ``i`` < 42,875."""
    n = len(_SYLLABLES)
    return _SYLLABLES[i % n] + _SYLLABLES[i // n % n] + _SYLLABLES[i // n // n % n]


def _own_name(text: str) -> tuple[str, str]:
    """The name the report's own body goes by most (吴家 镇, 几江 街道; 昭化 区 for a
    district), not 我镇 or 全区."""
    for kinds in ("镇|街道", "区"):
        found = Counter(
            m.groups()
            for m in re.finditer(rf"([\u4e00-\u9fff]{{2}})({kinds})", text)
            if m.group(1)[0] not in "我全本该各乡城辖"
        )
        if found and found.most_common(1)[0][1] >= 3:  # (not a word like 个乡镇 met once)
            return found.most_common(1)[0][0]
    raise ValueError("no body's name in the sample")


def _own_figures(text: str, rng: random.Random) -> str:
    """``text`` with the figures a town fills in of its own (counts, sums); years, dates and
    document numbers stay the template's."""

    def figure(m: re.Match[str]) -> str:
        s, after = m.group(0), m.string[m.end() : m.end() + 1]
        if after in "年月日号" or (len(s) == 4 and s.startswith(("19", "20"))):
            return s
        return str(max(1, round(int(s) * rng.uniform(0.5, 1.6))))

    return re.sub(r"\d+", figure, text)


def generate(n: int, folder: Path, seed: int = 1, start: int = 0, prefix: str = "r", county: bool = False) -> None:
    """Write ``n`` varied reports into ``folder`` (numbered from ``start``).

    ``county``: towns that filled in a county's template instead. Each sample is one
    county's template, written out by many towns in the same order (nothing shuffled or
    dropped), each under its own name without a digit and with figures of its own: every
    sentence without a figure is shared by all the towns of the template, word for word."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES]
    for i in range(start, start + n):
        text = texts[i % len(texts)]
        if county:
            name, kind = _own_name(text)
            text = text.replace(name + kind, _town(i) + kind)
            (folder / f"{prefix}{i:05d}.txt").write_text(_own_figures(text, rng), encoding="utf-8")
            continue
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
    parser.add_argument(
        "--county",
        action="store_true",
        help="towns that filled in a county's template (see generate), the harder case for the pass",
    )
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="checklist-bench-"))
    src = base / "in"
    shutil.rmtree(src, ignore_errors=True)
    src.mkdir(parents=True)
    t0 = time.perf_counter()
    generate(args.n, src, county=args.county)
    print(
        f"generated {args.n} {'county-template ' if args.county else ''}reports"
        f" in {time.perf_counter() - t0:.1f} s; {os.cpu_count()} cores",
        flush=True,
    )
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
        generate(3, src, seed=2, start=args.n, prefix="new", county=args.county)
        timed("3 new reports added, run again", src, out, jobs)
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"  largest worker peak {children:,.0f} MB")
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
