"""The HTML report without a browser: escaping, no external references, filter markup,
the document view reproducing the text, the command line (``audit --format html``, ``render``)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import time
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape

import checklist
from _samples import SAMPLES, sample_path
from checklist.cli import main
from checklist.render import RENDERERS
from checklist.render.html import _esc as esc_once
from checklist.render.html import document_blocks, highlight, html_files, page_names, render_overview, render_report
from checklist.rules.result import AuditResult, RemovedSpan, Waiver
from checklist.rules.standard import group_titles

INJECTION = Path(__file__).parent / "browser" / "injection.txt"
EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>javascript:alert(2) https://evil.example/a.js'


class Page(HTMLParser):
    """Every start tag with its attributes, every script's text, and the text by element id."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag]

    def with_class(self, cls: str, tag: str | None = None) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if cls in (a.get("class") or "").split() and (tag is None or t == tag)]


class TextOf(HTMLParser):
    """The text inside elements of the given classes (nested tags included), in document order,
    and for each character the refs of the ``<mark>`` around it."""

    def __init__(self, html: str, *classes: str) -> None:
        super().__init__(convert_charrefs=True)
        self.classes = set(classes)
        self.depth = 0
        self.parts: list[str] = []
        self.refs: list[set[str]] = []
        self._mark: set[str] = set()
        self.feed(html)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "mark":
            self._mark = set((a.get("data-refs") or "").split())
        if self.depth:
            self.depth += 1
        elif self.classes & set((a.get("class") or "").split()):
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._mark = set()
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)
            self.refs.extend(set(self._mark) for _ in data)


@cache
def sample_result(name: str) -> AuditResult:
    return checklist.audit(sample_path(name), keep_text=True)


@cache
def sample_page(name: str) -> str:
    return render_report(sample_result(name))


def assert_self_contained(html: str, allowed_pages: frozenset[str] | set[str] = frozenset()) -> Page:
    """No external resource, no event handler attribute, only the page's own script; inline
    SVG only in the overview's charts (our own templates), never an image or a link in it."""
    page = Page(html)
    charts = '<body class="overview">' in html
    for tag, attrs in page.tags:
        assert tag not in (
            "link",
            "img",
            "iframe",
            "object",
            "embed",
            "base",
            "form",
            "image",
            "use",
            "foreignobject",
        ), tag
        assert tag != "svg" or charts, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("src", "href", "action", "srcset", "poster", "data"):
                assert value is not None
                assert value.startswith("#") or value in allowed_pages, (tag, name, value)
    assert re.search(r"url\(|@import|https?://", "".join(page.scripts) + _styles(html)) is None
    assert len(page.scripts) == 1
    csp = next(a for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    digest = base64.b64encode(hashlib.sha256(page.scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in (csp["content"] or "")
    assert "default-src 'none'" in (csp["content"] or "")
    return page


def _styles(html: str) -> str:
    return "".join(re.findall(r"<style>(.*?)</style>", html, re.S))


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_page_is_self_contained(name: str) -> None:
    assert_self_contained(sample_page(name))


@pytest.mark.parametrize("name", SAMPLES)
def test_filter_markup_matches_the_result(name: str) -> None:
    result = sample_result(name)
    page = Page(sample_page(name))
    rows = page.with_class("req", "tr")
    assert [r["data-status"] for r in rows] == [r.status for r in result.requirements]
    assert [r["data-severity"] for r in rows] == [r.severity for r in result.requirements]
    assert [r["data-group"] for r in rows] == [r.group for r in result.requirements]
    assert len(page.with_class("detail", "tr")) == len(result.requirements)
    buttons = {a["data-status"] for a in page.with_class("seg-btn")}
    assert buttons == {"", "met", "partial", "missing", "not_applicable", "waived"}
    severities = {a["value"] for t, a in page.tags if t == "option"} - {""}
    assert {r.severity for r in result.requirements} <= severities
    assert {"f-severity", "f-group", "f-text"} <= {a.get("id") for _, a in page.tags}


@pytest.mark.parametrize("name", SAMPLES)
def test_document_view_is_the_text_with_every_evidence_marked(name: str) -> None:
    result = sample_result(name)
    html = sample_page(name)
    assert result.text is not None
    assert TextOf(html, "doc-chunk", "removed-text").text == result.text
    page = Page(html)
    anchors = {a["id"] for a in page.with_class("anchor")}
    marked = {ref for a in page.with_class("hl", "mark") for ref in (a.get("data-refs") or "").split()}
    for a in page.with_class("locate", "a"):
        ref = a["data-ref"]
        assert a["href"] == f"#t-{ref}" and f"t-{ref}" in anchors and ref in marked
    quoted = sum(
        1
        for r in result.requirements
        for e in r.evidence
        if e.start is not None and e.end is not None and result.text[e.start : e.end] == e.quote and e.quote
    )
    assert len([a for a in page.with_class("evidence", "li") if a.get("data-ref")]) == quoted
    if result.removed:
        assert page.with_class("removed", "details")


def test_injection_renders_as_text() -> None:
    result = checklist.audit(INJECTION, keep_text=True)
    html = render_report(result)
    page = assert_self_contained(html)
    assert not page.all("svg") and not page.all("iframe") and len(page.all("style")) == 1
    assert "&lt;script&gt;window.__pwned = 1; alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=" in html
    assert "javascript:alert(6)" in html  # as text: no element carries it
    assert 'href="javascript' not in html.lower()
    assert "<script>window.__pwned = 4</script>" in TextOf(html, "doc-chunk").text


def _poisoned(result: AuditResult) -> AuditResult:
    """Every string of the result that reaches the page replaced by markup."""
    reqs = [
        r.model_copy(
            update={
                "title": EVIL + r.title,
                "id": EVIL + r.id if i == 2 else r.id,
                "message": EVIL,
                "suggestion": EVIL,
                "basis": [EVIL],
                "group": r.group + '"><script>alert(9)</script>',
                "severity": EVIL if i == 0 else r.severity,
                "waived": Waiver(reason=EVIL, owner=EVIL, expires=EVIL) if i == 1 else None,
                "evidence": [
                    e.model_copy(update={"section": EVIL, "terms": [*e.terms, "<script>"]}) for e in r.evidence
                ],
            }
        )
        for i, r in enumerate(result.requirements)
    ]
    findings = [
        f.model_copy(
            update={"code": EVIL, "message": EVIL, "suggestion": EVIL, "section": EVIL, "quote": EVIL + (f.quote or "")}
        )
        for f in result.findings
    ]
    document = {**result.document, "issuer": EVIL, "path": EVIL + ".txt", "title": EVIL, "addressee": EVIL}
    standard = result.standard.model_copy(update={"title": EVIL, "reason": EVIL, "id": EVIL})
    return result.model_copy(
        update={
            "requirements": reqs,
            "findings": findings,
            "document": document,
            "standard": standard,
            "warnings": [EVIL],
            "removed": [RemovedSpan(start=0, end=5, reason=EVIL)],
        }
    )


def test_every_field_is_escaped() -> None:
    poisoned = _poisoned(sample_result(SAMPLES[0]))
    html = render_report(poisoned)
    page = assert_self_contained(html)
    assert "<script>alert" not in html.replace(page.scripts[0], "")
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    overview = render_overview([poisoned, sample_result(SAMPLES[1])], ["a.html", "b.html"])
    assert_self_contained(overview, {"a.html", "b.html"})
    assert "<script>alert" not in overview


@given(st.text(alphabet="法治<>&\"' a\n", max_size=90))
def test_escaping_short_and_long_strings_is_markupsafes(text: str) -> None:
    # the page's own escaping (five replaces below 40 characters) must give markupsafe's bytes
    assert esc_once(text) == str(escape(text))


def test_without_text_the_page_says_so() -> None:
    result = checklist.audit(sample_path(SAMPLES[0]))
    assert result.text is None
    html = render_report(result)
    page = assert_self_contained(html)
    assert "本页不含报告原文" in html
    assert not page.with_class("doc-text") and not page.with_class("locate")
    assert page.with_class("evidence", "li")  # the quotes are still there


def test_json_contract_unchanged_without_text() -> None:
    plain = json.loads(checklist.audit(sample_path(SAMPLES[0])).model_dump_json())
    assert "text" not in plain and "removed" not in plain
    kept = sample_result(SAMPLES[0])
    data = json.loads(kept.model_dump_json())
    assert data["text"] == kept.text and data["schema_version"] == 1
    assert AuditResult.model_validate_json(kept.model_dump_json()) == kept
    assert set(data) - set(plain) <= {"text", "removed"}


def test_english_page() -> None:
    result = checklist.audit(sample_path(SAMPLES[0]), lang="en", keep_text=True)
    html = render_report(result)
    assert '<html lang="en">' in html
    assert "Requirements" in html and "Statutory parts" in html and "逐项结果" not in html


def test_highlight_marks_terms_and_escapes() -> None:
    assert str(highlight("落实<b>三项制度</b>", ["三项制度"])) == (
        '落实&lt;b&gt;<mark class="term">三项制度</mark>&lt;/b&gt;'
    )
    assert str(highlight("法治政府建设", ["法治", "法治政府"])) == '<mark class="term">法治政府</mark>建设'
    assert str(highlight("a<b", [])) == "a&lt;b"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="法治<>&\"'\n 政府", min_size=1, max_size=60), st.data())
def test_document_blocks_keep_the_text(text: str, data: st.DataObject) -> None:
    n = len(text)
    pairs = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)), max_size=8))
    spans = [(min(a, b), max(a, b), f"e{i}") for i, (a, b) in enumerate(pairs) if a != b]
    cut = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)), max_size=3))
    removed = [RemovedSpan(start=min(a, b), end=max(a, b), reason="网页导航") for a, b in cut if a != b]
    blocks = document_blocks(text, spans, [], removed)
    html = "".join(str(b["html"]) for b in blocks)
    shown = TextOf(f'<div class="x">{html}</div>', "x")
    assert shown.text == text
    assert {a["id"] for a in Page(html).with_class("anchor")} == {f"t-{ref}" for _, _, ref in spans}
    expected: list[set[str]] = [set() for _ in text]
    for s, e, ref in spans:
        for i in range(s, e):
            expected[i].add(ref)
    assert shown.refs == expected


def test_large_report_renders_fast_and_in_chunks() -> None:
    result = sample_result(SAMPLES[3])
    assert result.text is not None
    big_text = (result.text + "\n") * 40  # about 170,000 characters
    step = len(result.text) + 1
    first = next(i for i, r in enumerate(result.requirements) if r.evidence)
    many = [
        e.model_copy(update={"start": e.start + k * step, "end": e.end + k * step})
        for e in result.requirements[first].evidence
        for k in range(40)
        if e.start is not None and e.end is not None
    ]
    reqs = list(result.requirements)
    reqs[first] = reqs[first].model_copy(update={"evidence": many})
    big = result.model_copy(update={"text": big_text, "requirements": reqs, "removed": []})
    t0 = time.perf_counter()
    html = render_report(big)
    elapsed = time.perf_counter() - t0
    assert elapsed < 1.0
    page = Page(html)
    assert len(page.with_class("doc-chunk")) >= 40 and page.with_class("lazy")
    assert len(page.with_class("more", "ul")) >= 1 and page.with_class("show-all")


def test_page_names_are_unique_and_safe() -> None:
    results = [sample_result(SAMPLES[0]), sample_result(SAMPLES[0])]
    renamed = results[1].model_copy(update={"document": {**results[1].document, "path": "../x/index.txt"}})
    weird = results[1].model_copy(update={"document": {**results[1].document, "path": 'a b/<c>"d.docx'}})
    names = page_names([*results, renamed, weird])
    assert len(set(names)) == 4 and "index.html" not in names
    assert all(re.fullmatch(r"[\w.-]+\.html", n) for n in names)
    files = html_files(results)
    assert set(files) == {"index.html", *names[:2]}
    assert_self_contained(files["index.html"], set(names[:2]))
    assert 'href="index.html"' in files[names[0]]


def test_overview_rows_and_cells() -> None:
    results = [sample_result(n) for n in SAMPLES]
    html = render_overview(results, [f"{i}.html" for i in range(len(results))])
    page = assert_self_contained(html, {f"{i}.html" for i in range(len(results))})
    rows = page.with_class("ov-row", "tr")
    assert len(rows) == len(results)
    assert [float(r["data-score"] or 0) for r in rows] == sorted((r.score for r in results), reverse=True)
    ids = list(dict.fromkeys(q.id for r in results for q in r.requirements))
    assert len(page.with_class("cell", "td")) == len(results) * len(ids)
    assert {a["data-sort"] for a in page.with_class("sortable")} == {
        "n",
        "issuer",
        "level",
        "year",
        "standard",
        "score",
    }


def test_overview_is_ranked_shows_each_standard_and_whole_titles() -> None:
    results = [sample_result(n) for n in SAMPLES]
    links = [f"{i}.html" for i in range(len(results))]
    html = render_overview(results, links)
    page = Page(html)
    rows = page.with_class("ov-row", "tr")
    # best score first, each row still linked to its own page
    by_score = sorted(zip(results, links, strict=True), key=lambda e: -e[0].score)
    assert [r["data-path"] for r in rows] == [str(e[0].document["path"]) for e in by_score]
    assert [r["data-n"] for r in rows] == [str(i) for i in range(1, len(results) + 1)]
    score_th = next(a for a in page.with_class("sortable", "th") if a["data-sort"] == "score")
    assert score_th["aria-sort"] == "descending"
    # a district report under national beside township reports under township: both shown
    assert {r["data-standard"] for r in rows} == {"national", "township"}
    assert html.count('<span class="std-id">national</span>') == 1
    assert html.count('<span class="std-id">township</span>') == 4
    # every requirement's title whole in its header, its id in the tooltip
    titles = {q.id: q.title for r in results for q in r.requirements}
    headers = page.with_class("req-col", "th")
    assert len(headers) == len(titles)
    for h in headers:
        title = h["title"] or ""
        rid = title[title.rindex("[") + 1 : -1]
        assert title == f"{titles[rid]} [{rid}]" and f"<span>{titles[rid]}</span>" in html
    css = html[html.index(".ov-cols .req-col span") :]
    css = css[: css.index("}")]
    assert "ellipsis" not in css and "max-height" not in css and "overflow: hidden" not in css


def test_renderer_registered() -> None:
    result = sample_result(SAMPLES[0])
    assert RENDERERS["html"]([result], "zh").startswith("<!DOCTYPE html>")
    assert "ov-table" in RENDERERS["html"]([result, result], "zh")


# --- command line ----------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_audit_html_and_render(tmp_path: Path) -> None:
    report = str(sample_path(SAMPLES[0]))
    code, _, err = run("audit", report, "--format", "html", "-o", str(tmp_path / "a.html"))
    assert code == 0, err
    direct = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert "doc-text" in direct
    code, _, _ = run("audit", report, "--format", "json", "--keep-text", "-o", str(tmp_path / "r.json"))
    assert code == 0
    code, _, _ = run("render", str(tmp_path / "r.json"), "-o", str(tmp_path / "b.html"))
    assert code == 0
    assert (tmp_path / "b.html").read_text(encoding="utf-8") == direct  # re-rendering gives the same page
    code, out, _ = run("audit", report, "--format", "json")
    assert "text" not in json.loads(out)
    (tmp_path / "plain.json").write_text(out, encoding="utf-8")
    code, out, _ = run("render", str(tmp_path / "plain.json"))
    assert code == 0 and "本页不含报告原文" in out
    code, out, _ = run("render", str(tmp_path / "r.json"), "--format", "text")
    assert code == 0 and "得分" in out


def test_cli_several_results(tmp_path: Path) -> None:
    paths = [str(sample_path(n)) for n in SAMPLES[:2]]
    code, _, err = run("audit", *paths, "--format", "html", "-o", f"{tmp_path}/out/")
    assert code == 0, err
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == sorted(["index.html", *(Path(p).stem + ".html" for p in paths)])
    code, _, err = run("audit", *paths, "--format", "html")
    assert code == 2 and "-o" in err
    code, out, _ = run("audit", *paths, "--format", "jsonl", "--keep-text")
    (tmp_path / "all.jsonl").write_text(out, encoding="utf-8")
    code, _, err = run("render", str(tmp_path / "all.jsonl"), "-o", str(tmp_path / "again" / "overview.html"))
    assert code == 0, err
    assert {p.name for p in (tmp_path / "again").iterdir()} == {
        "overview.html",
        *(Path(p).stem + ".html" for p in paths),
    }
    assert 'href="overview.html"' in (tmp_path / "again" / (Path(paths[0]).stem + ".html")).read_text(encoding="utf-8")


def test_cli_render_errors(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('{"a": 1}', encoding="utf-8")
    (tmp_path / "broken.json").write_text("{nope", encoding="utf-8")
    future = json.loads(checklist.audit(sample_path(SAMPLES[0])).model_dump_json())
    future["schema_version"] = 99
    (tmp_path / "future.json").write_text(json.dumps(future), encoding="utf-8")
    for name, words in (
        ("bad.json", "不是 checklist"),
        ("broken.json", "不是 JSON"),
        ("future.json", "schema_version"),
        ("missing.json", "不存在"),
    ):
        code, _, err = run("render", str(tmp_path / name))
        assert code == 2 and name in err and words in err and "Traceback" not in err


def _group_options(html: str) -> dict[str, str]:
    """Group id → title as the page's group filter offers them."""
    select = re.search(r'<select id="f-group">(.*?)</select>', html, re.S)
    assert select is not None
    return dict(re.findall(r'<option value="([^"]+)">([^<]*)</option>', select.group(1)))


def test_group_titles_of_a_standard_that_is_not_shipped() -> None:
    result = sample_result(SAMPLES[0])
    shipped_titles = {g: title.zh for g, title in group_titles(result.standard.id).items()}
    groups = [g for g in result.groups if g != "quality"]
    assert groups and all(shipped_titles[g] != g for g in groups)
    assert {g: _group_options(render_report(result))[g] for g in groups} == {g: shipped_titles[g] for g in groups}
    # a user's own standard extending a shipped one: the titles of the one it extends
    own = result.model_copy(
        update={"standard": result.standard.model_copy(update={"id": "my-province", "extends": result.standard.id})}
    )
    assert {g: _group_options(render_report(own))[g] for g in groups} == {g: shipped_titles[g] for g in groups}
    # a standard of its own that extends nothing shipped: the page renders, the group ids stand in
    alone = result.model_copy(update={"standard": result.standard.model_copy(update={"id": "my-own", "extends": None})})
    html = render_report(alone)
    assert {g: _group_options(html)[g] for g in groups} == {g: g for g in groups}
    assert_self_contained(html)
