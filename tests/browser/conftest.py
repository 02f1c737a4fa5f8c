"""A real browser for the HTML report: Playwright driving Debian's chromium.

``playwright install`` cannot download browsers here, so the tests use the system
chromium (``apt-get install chromium fonts-noto-cjk``; ``.ci/run`` does it). Without it
they are skipped, unless ``CHECKLIST_BROWSER_TESTS=required`` (set by ``.ci/run``): then a
missing browser is a failure, so CI cannot pass without running them.

One browser for the whole session; each test gets a fresh tab that fails the test on any
console error, uncaught exception, dialog (``alert``) or request that leaves ``file://``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import checklist
from _samples import SAMPLES, large_result, sample_path
from checklist.render.html import html_files, page_names, render_report

CHROMIUM = Path(os.environ.get("CHECKLIST_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
INJECTION = Path(__file__).parent / "injection.txt"


def _unavailable() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[dev]')"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk)"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    reason = _unavailable()
    if reason:
        if os.environ.get("CHECKLIST_BROWSER_TESTS") == "required":
            pytest.fail(f"browser tests required but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@dataclass
class Site:
    """The pages under test, written once per session."""

    folder: Path
    shots: Path
    results: dict[str, Any] = field(default_factory=dict)  # page file name -> AuditResult

    def url(self, name: str) -> str:
        return (self.folder / name).as_uri()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    folder = tmp_path_factory.mktemp("pages")
    s = Site(folder, tmp_path_factory.mktemp("screenshots"))
    results = [checklist.audit(sample_path(n), keep_text=True) for n in SAMPLES]
    for name, page in html_files(results).items():
        (folder / name).write_text(page, encoding="utf-8")
    s.results.update(zip(page_names(results), results, strict=True))
    (folder / "large.html").write_text(render_report(large_result(results[3])), encoding="utf-8")
    injection = checklist.audit(INJECTION, keep_text=True)
    (folder / "injection.html").write_text(render_report(injection), encoding="utf-8")
    s.results["injection.html"] = injection
    return s


@dataclass
class Tab:
    """A page plus everything it did wrong."""

    page: Any
    problems: list[str]


@pytest.fixture()
def tab(browser: Any) -> Iterator[Tab]:
    # reduced motion: the page scrolls at once instead of smoothly, so tests need not wait
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN", reduced_motion="reduce")
    page = context.new_page()
    problems: list[str] = []

    def on_console(msg: Any) -> None:
        if msg.type == "error":
            problems.append(f"console error: {msg.text}")

    def on_dialog(dialog: Any) -> None:
        problems.append(f"dialog opened: {dialog.message}")
        dialog.dismiss()

    def on_request(request: Any) -> None:
        if not request.url.startswith("file://"):
            problems.append(f"request: {request.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("dialog", on_dialog)
    page.on("request", on_request)
    yield Tab(page, problems)
    context.close()
    assert not problems, problems
