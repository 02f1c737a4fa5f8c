"""``checklist serve`` in a child process, started and stopped by the test itself.

The server takes a free port (``--port 0``) and prints its address; the test reads it,
uses the server and stops it with SIGTERM. Every wait is bounded, and a server that will
not stop is killed, so no test leaves a process behind.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

START_TIMEOUT = 20.0  # seconds: a hang guard, not a speed test (bench/serve.py measures)


@dataclass
class Server:
    """A running server: its address, its process and what it printed."""

    url: str
    process: subprocess.Popen[str]
    started_in: float  # seconds from spawning to the address being printed
    stdout: list[str] = field(default_factory=list)
    stderr: list[str] = field(default_factory=list)


def _drain(stream: object, into: list[str], lines: queue.Queue[str] | None) -> None:
    for line in stream:  # type: ignore[attr-defined]
        into.append(line)
        if lines is not None:
            lines.put(line)


@contextmanager
def running_server(tmpdir: Path, *args: str, cwd: Path | None = None) -> Iterator[Server]:
    """Run ``checklist serve --port 0 ARGS`` with ``TMPDIR=tmpdir``; stop it on exit."""
    env = dict(os.environ, TMPDIR=str(tmpdir), PYTHONUNBUFFERED="1")
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "checklist", "serve", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=cwd,
    )
    out: list[str] = []
    err: list[str] = []
    lines: queue.Queue[str] = queue.Queue()
    threads = [
        threading.Thread(target=_drain, args=(process.stdout, out, lines), daemon=True),
        threading.Thread(target=_drain, args=(process.stderr, err, None), daemon=True),
    ]
    for th in threads:
        th.start()
    try:
        try:
            first = lines.get(timeout=START_TIMEOUT)
            lines.get(timeout=START_TIMEOUT)  # who can connect, printed with the address
        except queue.Empty:
            raise AssertionError(f"the server printed no address in {START_TIMEOUT} s: {err}") from None
        url = first.strip().split("：", 1)[-1].split(": ", 1)[-1]
        assert url.startswith("http://"), first
        yield Server(url, process, time.perf_counter() - started, out, err)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        for th in threads:
            th.join(timeout=5)
