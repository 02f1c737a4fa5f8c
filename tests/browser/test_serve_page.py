"""The self-check page end to end: ``checklist serve`` in a child process, Debian's chromium
driving the page as an author would.

Each sample is uploaded as .docx and as .txt: the page must show the score and the
missing requirements, the report must open in the page, and the JSON it downloads must be
the JSON of ``checklist audit --format json`` on the same file. A broken file shows the
command line's message; the injection fixture runs nothing and fetches nothing.
Screenshots go to ``CHECKLIST_SCREENSHOTS`` when set (else the session's temporary folder).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from _samples import REPORTS, SAMPLES, cli_audit, fixture_builder
from _server import Server, running_server

INJECTION = Path(__file__).parent / "injection.txt"
KINDS = ("docx", "txt")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running_server(tmp_path_factory.mktemp("serve-tmp")) as s:
        yield s


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each sample as ``<stem>.txt`` and as ``<stem>.docx`` (headings styled, running header)."""
    folder = tmp_path_factory.mktemp("drafts")
    builder = fixture_builder()
    for name in SAMPLES:
        stem = Path(name).stem
        shutil.copy(REPORTS / name, folder / f"{stem}.txt")
        lines = (REPORTS / name).read_text(encoding="utf-8").splitlines()
        (folder / f"{stem}.docx").write_bytes(builder.docx_bytes(lines))
    (folder / "broken.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 300)
    shutil.copy(INJECTION, folder / "injection.txt")
    return folder


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wanted = os.environ.get("CHECKLIST_SCREENSHOTS")
    folder = Path(wanted) if wanted else tmp_path_factory.mktemp("serve-shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture()
def console_allow() -> list[str]:
    """Console errors a test expects (Chromium logs every 4xx answer to a fetch as one)."""
    return []


@pytest.fixture()
def page(browser: Any, server: Server, console_allow: list[str]) -> Iterator[Any]:
    """A fresh tab on the page that fails the test on any console error, uncaught exception,
    dialog, or request to anywhere but the local server."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", accept_downloads=True)
    tab = context.new_page()
    problems: list[str] = []
    allowed = (server.url, "blob:", "data:", "about:")

    def on_request(request: Any) -> None:
        if not request.url.startswith(allowed):
            problems.append(f"request: {request.url}")

    def on_dialog(dialog: Any) -> None:
        problems.append(f"dialog opened: {dialog.message}")
        dialog.dismiss()

    def on_console(msg: Any) -> None:
        if msg.type == "error" and not any(allowed in msg.text for allowed in console_allow):
            problems.append(f"console {msg.type}: {msg.text}")

    tab.on("console", on_console)
    tab.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    tab.on("dialog", on_dialog)
    tab.on("request", on_request)
    tab.goto(server.url)
    yield tab
    context.close()
    assert not problems, problems


def _cli(folder: Path, name: str, *args: str) -> tuple[int, str, str]:
    result = cli_audit(folder, name, *args)
    return result.exit_code, result.stdout, result.stderr


def _check(page: Any, path: Path | None = None) -> None:
    if path is not None:
        page.set_input_files("#file", str(path))
        assert page.locator("#chosen-name").inner_text() == path.name
    page.click("#check")
    page.locator("#result:not([hidden]), #error:not([hidden])").wait_for(state="visible", timeout=15_000)


def _download(page: Any, selector: str) -> tuple[str, str]:
    with page.expect_download() as info:
        page.click(selector)
    download = info.value
    return download.suggested_filename, Path(download.path()).read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("index", range(len(SAMPLES)))
def test_upload_shows_score_missing_and_report_and_downloads_the_cli_json(
    page: Any, drafts: Path, shots: Path, index: int, kind: str
) -> None:
    stem = Path(SAMPLES[index]).stem
    name = f"{stem}.{kind}"
    code, out, err = _cli(drafts, name)
    assert code == 0, err
    expected = json.loads(out)

    _check(page, drafts / name)
    assert page.locator("#error").is_hidden()
    assert page.locator("#score").inner_text() == f"{expected['score']:.1f}"
    counts = expected["counts"]
    assert page.locator("#counts").inner_text() == (
        f"满足 {counts['met']} 项 · 部分满足 {counts['partial']} 项 · 缺失 {counts['missing']} 项"
    )
    missing = [r for r in expected["requirements"] if r["status"] == "missing"]
    shown = page.eval_on_selector_all("#missing-list li[data-id]", "items => items.map(li => li.dataset.id)")
    assert shown == [r["id"] for r in missing]
    if missing:
        assert missing[0]["title"] in page.locator("#missing-list li").first.inner_text()

    report = page.frame_locator("#report")
    assert report.locator(".score-value").inner_text() == f"{expected['score']:.1f}"
    report.locator("html.js").wait_for(state="attached")  # the report's script has run (handlers in place)
    report.locator('.seg-btn[data-status="missing"]').click()  # the report's own filter works in the frame
    from playwright.sync_api import expect  # imported here: without playwright the conftest skips

    expect(report.locator("tr.req:visible")).to_have_count(counts["missing"])  # waits for the filter

    filename, text = _download(page, "#download-json")
    assert filename == f"{stem}.checklist.json"
    assert json.loads(text) == expected
    filename, html = _download(page, "#download-html")
    assert filename == f"{stem}.checklist.html"
    assert html.startswith("<!DOCTYPE html>") and expected["document"]["issuer"].split()[0] in html
    if index in (0, 3):  # last: a full-page picture resizes the viewport, which must not race the clicks
        report.locator("html").evaluate("() => window.scrollTo(0, 0)")
        page.screenshot(path=str(shots / f"serve-{stem}-{kind}.png"), full_page=True)


@pytest.mark.parametrize("index", range(len(SAMPLES)))
def test_pasted_text_gives_the_command_lines_verdicts(page: Any, drafts: Path, shots: Path, index: int) -> None:
    stem = Path(SAMPLES[index]).stem
    standard = "national" if index == 2 else None  # one with a standard chosen instead of automatic
    page.fill("#text", (drafts / f"{stem}.txt").read_text(encoding="utf-8"))
    if standard:
        page.select_option("#standard", standard)
    _check(page)
    _, out, _ = _cli(drafts, f"{stem}.txt", *(["--standard", standard] if standard else []))
    expected = json.loads(out)
    assert page.locator("#score").inner_text() == f"{expected['score']:.1f}"
    assert page.frame_locator("#report").locator(".score-value").inner_text() == f"{expected['score']:.1f}"
    _, text = _download(page, "#download-json")
    got = json.loads(text)
    assert got["document"]["path"] == "粘贴的文字" and got["standard"] == expected["standard"]
    for key in ("score", "groups", "counts", "requirements", "findings"):
        assert got[key] == expected[key], key
    if standard:
        page.screenshot(path=str(shots / "serve-pasted.png"))


@pytest.mark.parametrize("kind", KINDS)
def test_the_word_download_has_the_review_as_comments(page: Any, drafts: Path, kind: str) -> None:
    import io

    import docx

    stem = Path(SAMPLES[1]).stem
    _check(page, drafts / f"{stem}.{kind}")
    assert page.locator("#error").is_hidden()
    with page.expect_download() as info:
        page.click("#download-docx")
    download = info.value
    assert download.suggested_filename == f"{stem}-审查.docx"
    got = Path(download.path()).read_bytes()
    comments = list(docx.Document(io.BytesIO(got)).comments)
    expected = json.loads(_cli(drafts, f"{stem}.{kind}")[1])
    quality = sum(1 for f in expected["findings"] if f["category"] == "quality")
    assert len(comments) == 1 + expected["counts"]["partial"] + expected["counts"]["missing"] + quality
    assert {c.author for c in comments} == {"checklist"}
    assert comments[0].text.startswith(f"审查结果：得分 {expected['score']}")
    if kind == "docx":  # the author's own document: every paragraph as uploaded
        original = docx.Document(str(drafts / f"{stem}.docx"))
        assert [p.text for p in docx.Document(io.BytesIO(got)).paragraphs] == [p.text for p in original.paragraphs]


def test_broken_file_shows_the_command_lines_message(
    page: Any, drafts: Path, shots: Path, console_allow: list[str]
) -> None:
    console_allow.append("the server responded with a status of 400")
    code, _, err = _cli(drafts, "broken.docx")
    assert code == 2
    _check(page, drafts / "broken.docx")
    error = page.locator("#error")
    assert error.is_visible() and page.locator("#result").is_hidden()
    assert page.locator("#error-message").inner_text() == err.strip().removeprefix("checklist: 错误：")
    page.screenshot(path=str(shots / "serve-broken.png"))


def test_warnings_are_shown_above_the_gaps(page: Any, drafts: Path) -> None:
    notice = drafts / "notice.txt"
    notice.write_text(
        "某某县人民政府办公室\n关于印发某某县2024年度法治政府建设\n工作要点的通知\n各乡镇人民政府：\n"
        "现将工作要点印发给你们，请认真贯彻执行。\n一、依法全面履行政府职能\n加强规范性文件备案审查，"
        "推进行政执法公示，落实法律顾问制度。\n",
        encoding="utf-8",
    )
    _check(page, notice)
    assert page.locator("#warnings").is_visible()
    assert page.locator("#warning-list li").first.inner_text().startswith("此文件开头写明它是“通知”")
    _check(page, drafts / f"{Path(SAMPLES[0]).stem}.txt")
    assert page.locator("#warnings").is_hidden()  # a report: nothing to warn about


def test_nothing_chosen_says_what_to_do(page: Any) -> None:
    page.click("#check")
    assert page.locator("#error-message").inner_text() == "请选择报告文件，或粘贴报告全文"


def test_dropped_file_is_checked(page: Any, drafts: Path) -> None:
    name = f"{Path(SAMPLES[4]).stem}.txt"
    data = (drafts / name).read_text(encoding="utf-8")
    transfer = page.evaluate_handle(
        """([name, text]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], name, {type: "text/plain"}));
        return dt;
    }""",
        [name, data],
    )
    page.dispatch_event("#drop", "drop", {"dataTransfer": transfer})
    assert page.locator("#chosen-name").inner_text() == name
    _check(page)
    _, out, _ = _cli(drafts, name)
    assert page.locator("#score").inner_text() == f"{json.loads(out)['score']:.1f}"
    page.click("#again")
    assert page.locator("#result").is_hidden() and page.locator("#chosen").is_hidden()


def test_injection_runs_nothing_and_fetches_nothing(page: Any, drafts: Path) -> None:
    _check(page, drafts / "injection.txt")
    assert page.locator("#result").is_visible()
    page.frame_locator("#report").locator("mark.hl.ev").first.wait_for()  # the report is in its frame
    assert page.evaluate("window.__pwned") is None
    frame = next(f for f in page.frames if f != page.main_frame)
    assert frame.evaluate("window.__pwned") is None
    assert frame.evaluate("document.querySelectorAll('tr.req').length") > 0
    # the page itself: every text from the server went in as text
    assert page.locator("#result-title script, #missing-list script, #missing-list img").count() == 0
