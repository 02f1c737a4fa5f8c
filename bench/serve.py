"""Benchmark: how fast ``checklist serve`` starts and answers.

    python bench/serve.py [--runs 5] [--repeat 20]

Start-up: from spawning ``checklist serve --port 0`` to the page's first answer (each run
a new process). Audit: the time a client waits for ``POST /api/audit`` on each sample
report uploaded as .txt and as .docx (JSON, and ``format=both`` as the page asks: JSON
plus the HTML report), median and worst over the repeats, after one warm-up request.
Run it on an idle machine; it is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import io
import json
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "reports").glob("*.txt"))


def start() -> tuple[subprocess.Popen[str], str, float]:
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "checklist", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    url = process.stdout.readline().strip().split("：", 1)[-1]
    with urllib.request.urlopen(url, timeout=30) as r:
        r.read()
    return process, url, time.perf_counter() - began


def stop(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=10)


def post(url: str, name: str, data: bytes, fmt: str) -> float:
    boundary = "bench-boundary"
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n\r\n').encode()
    body += data + f'\r\n--{boundary}\r\nContent-Disposition: form-data; name="format"\r\n\r\n{fmt}\r\n'.encode()
    body += f"--{boundary}--\r\n".encode()
    request = urllib.request.Request(
        url + "api/audit",
        data=body,
        method="POST",
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    began = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as r:
        json.loads(r.read())
    return time.perf_counter() - began


def docx_of(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="server starts to time")
    parser.add_argument("--repeat", type=int, default=20, help="requests per sample, format and kind")
    args = parser.parse_args()

    starts = []
    for _ in range(args.runs):
        process, _, seconds = start()
        starts.append(seconds)
        stop(process)
    print(
        f"start-up to first page: median {statistics.median(starts) * 1000:.0f} ms, "
        f"worst {max(starts) * 1000:.0f} ms ({args.runs} runs)"
    )

    process, url, _ = start()
    try:
        uploads = []
        for path in SAMPLES:
            text = path.read_text(encoding="utf-8")
            uploads.append((f"{path.stem}.txt", text.encode("utf-8")))
            uploads.append((f"{path.stem}.docx", docx_of(text)))
        for fmt in ("json", "both"):
            for kind in (".txt", ".docx"):
                times = []
                for name, data in uploads:
                    if not name.endswith(kind):
                        continue
                    post(url, name, data, fmt)  # warm
                    times.extend(post(url, name, data, fmt) for _ in range(args.repeat))
                print(
                    f"POST /api/audit {kind:5} format={fmt:4}: median {statistics.median(times) * 1000:5.1f} ms, "
                    f"worst {max(times) * 1000:5.1f} ms ({len(times)} requests)"
                )
    finally:
        stop(process)


if __name__ == "__main__":
    main()
