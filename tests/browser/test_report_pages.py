"""The HTML report in a real browser: each sample's page, the filters, the links between a
requirement and its evidence in the text, the injection fixture, the overview, print.

Screenshots go to the session's temporary directory (printed by ``pytest -s``); look at
them after changing a template.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from _samples import SAMPLES


def _in_view(page: Any, selector: str) -> bool:
    return bool(
        page.eval_on_selector(
            selector,
            """el => {
        const r = el.getBoundingClientRect();
        let box = {top: 0, bottom: window.innerHeight};
        for (let p = el.parentElement; p; p = p.parentElement) {
            const s = getComputedStyle(p);
            if (/(auto|scroll)/.test(s.overflowY) && p.scrollHeight > p.clientHeight) {
                const q = p.getBoundingClientRect(); box = {top: q.top, bottom: q.bottom}; break;
            }
        }
        return r.bottom > Math.max(0, box.top) && r.top < Math.min(window.innerHeight, box.bottom);
    }""",
        )
    )


def _visible_rows(page: Any) -> list[str]:
    ids = page.eval_on_selector_all("tr.req", "rows => rows.filter(r => r.offsetParent !== null).map(r => r.id)")
    return [str(i) for i in ids]


@pytest.mark.parametrize("index", range(len(SAMPLES)))
def test_sample_page_opens_cleanly(tab: Any, site: Any, index: int) -> None:
    name = list(site.results)[index]
    result = site.results[name]
    page = tab.page
    page.goto(site.url(name))
    assert page.locator("h1").inner_text()
    assert page.locator(".score-value").inner_text() == f"{result.score:.1f}"
    assert len(_visible_rows(page)) == len(result.requirements)
    assert page.locator("tr.detail:visible").count() == 0  # collapsed until asked
    assert page.locator("mark.hl.ev").count() > 0
    page.screenshot(path=str(site.shots / f"{name}.png"))
    if index == 0:
        page.set_viewport_size({"width": 1000, "height": 900})  # one column: the whole page in one picture
        page.screenshot(path=str(site.shots / f"{name}.full.png"), full_page=True)


def test_filter_to_missing_shows_exactly_the_missing(tab: Any, site: Any) -> None:
    page = tab.page
    for name, result in list(site.results.items())[: len(SAMPLES)]:
        page.goto(site.url(name))
        page.click('.seg-btn[data-status="missing"]')
        missing = {f"req-{r.id}" for r in result.requirements if r.status == "missing"}
        assert set(_visible_rows(page)) == missing and len(missing) == result.counts["missing"]
        assert page.locator("#f-count").inner_text().startswith(f"显示 {len(missing)} /")
        # severity narrows further; the search box narrows by words; "全部" brings all back
        page.select_option("#f-severity", "minor")
        assert set(_visible_rows(page)) == {
            f"req-{r.id}" for r in result.requirements if r.status == "missing" and r.severity == "minor"
        }
        page.click('.seg-btn[data-status=""]')
        page.select_option("#f-severity", "")
        page.fill("#f-text", "法律顾问")
        shown = set(_visible_rows(page))
        assert shown and len(shown) < len(result.requirements)
        assert "req-legal_advisor.established" in shown
        page.fill("#f-text", "")
        assert len(_visible_rows(page)) == len(result.requirements)
    page.click('.seg-btn[data-status="missing"]')
    page.screenshot(path=str(site.shots / "filtered-missing.png"))


def test_requirement_to_evidence_and_back(tab: Any, site: Any) -> None:
    name = next(n for n, r in site.results.items() if "wujia" in n)
    page = tab.page
    page.goto(site.url(name))
    row = "#req-core\\.first_responsible"
    ref = page.get_attribute(f"{row} a.locate", "data-ref")
    page.click(f"{row} a.locate")
    first_mark = f'mark.hl[data-refs~="{ref}"]'
    page.wait_for_function(f"""() => {{ const m = document.querySelector('{first_mark}');
        return m && m.classList.contains('active'); }}""")
    assert _in_view(page, first_mark)
    assert page.locator(f"{first_mark}.active").count() == page.locator(first_mark).count()
    page.screenshot(path=str(site.shots / "requirement-to-text.png"))

    # opening a row (text beside the table) brings its evidence into view as well
    page.click("#collapse-all")
    row = "#req-enforcement\\.legal_review"
    ref = page.get_attribute(f"{row} a.locate", "data-ref")
    page.click(f"{row} .toggle")
    assert page.locator(f"{row}-detail").is_visible()
    assert _in_view(page, f'mark.hl[data-refs~="{ref}"].active') and _in_view(page, row)

    # back: a highlight supporting one requirement opens it
    page.click("#collapse-all")
    lone = page.evaluate("""() => {
        const owner = ref => document.getElementById('q-' + ref)?.dataset.owner;
        for (const m of document.querySelectorAll('mark.hl.ev[data-refs]')) {
            const owners = new Set(m.dataset.refs.split(' ').map(owner));
            if (owners.size === 1) return [m.dataset.refs.split(' ')[0], [...owners][0]];
        }
    }""")
    ref, owner = lone
    page.locator(f'mark.hl[data-refs~="{ref}"]').first.click()
    assert "open" in (page.get_attribute(f'[id="{owner}"]', "class") or "")
    assert page.locator(f'[id="{owner}-detail"]').is_visible()
    assert _in_view(page, f"#q-{ref}")

    # a highlight supporting several requirements offers them all
    shared = page.evaluate("""() => {
        const owner = ref => document.getElementById('q-' + ref)?.dataset.owner;
        for (const m of document.querySelectorAll('mark.hl.ev[data-refs]')) {
            if (new Set(m.dataset.refs.split(' ').map(owner)).size > 1) return m.dataset.refs;
        }
    }""")
    if shared:
        page.locator(f'mark.hl[data-refs="{shared}"]').first.click()
        assert page.locator("#popover").is_visible()
        assert page.locator("#popover button").count() > 1
        page.screenshot(path=str(site.shots / "shared-highlight.png"))
        page.locator("#popover button").first.click()
        assert page.locator("#popover").is_hidden()


def test_statutory_chip_opens_its_requirement(tab: Any, site: Any) -> None:
    page = tab.page
    page.goto(site.url(next(iter(site.results))))
    page.click('.part[data-goto="req-core.shortcomings"]')
    assert page.locator("#req-core\\.shortcomings-detail").is_visible()
    assert _in_view(page, "#req-core\\.shortcomings")


def test_injection_shows_markup_as_text_and_runs_nothing(tab: Any, site: Any) -> None:
    page = tab.page
    page.goto(site.url("injection.html"))
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("h1").inner_text().endswith("<script>window.__pwned = 1; alert(1)</script>")
    text = page.locator("#doc-text").inner_text()
    for shown in (
        "<script>window.__pwned = 4</script>",
        "<img src=x onerror=alert(5)>",
        '<a href="javascript:alert(6)">执法公示平台</a>',
        '<iframe src="https://evil.example/"></iframe>',
    ):
        assert shown in text
    assert page.locator("img, iframe, svg, object, embed").count() == 0
    assert page.locator("script").count() == 1
    assert page.locator("a[href^='javascript'], a[href*='//']").count() == 0
    assert page.locator("#doc-text style").count() == 0 and page.locator("body").is_visible()
    page.click("#expand-all")
    page.screenshot(path=str(site.shots / "injection.png"))
    page.locator("#document").screenshot(path=str(site.shots / "injection-text.png"))


def test_overview_sorts_filters_and_links(tab: Any, site: Any) -> None:
    page = tab.page
    page.goto(site.url("index.html"))
    results = list(site.results.values())[: len(SAMPLES)]
    assert page.locator("tr.ov-row").count() == len(results)
    scores = [float(s) for s in page.eval_on_selector_all("tr.ov-row", "rs => rs.map(r => r.dataset.score)")]
    assert scores == sorted(scores, reverse=True), "best score first without a click"
    page.click('th[data-sort="score"] button')
    scores = [float(s) for s in page.eval_on_selector_all("tr.ov-row", "rs => rs.map(r => r.dataset.score)")]
    assert scores == sorted(scores)
    page.click('th[data-sort="score"] button')
    scores = [float(s) for s in page.eval_on_selector_all("tr.ov-row", "rs => rs.map(r => r.dataset.score)")]
    assert scores == sorted(scores, reverse=True)
    page.select_option("#o-level", "township")
    visible = page.locator("tr.ov-row:visible").count()
    assert visible == sum(1 for r in results if r.document["level"] == "township")
    page.select_option("#o-level", "")
    page.fill("#o-text", "吴家")
    assert page.locator("tr.ov-row:visible").count() == 1
    page.screenshot(path=str(site.shots / "overview-filtered.png"))
    page.fill("#o-text", "")
    page.screenshot(path=str(site.shots / "overview.png"), full_page=True)
    page.locator("tr.ov-row:visible td.issuer a").first.click()
    page.wait_for_load_state()
    assert page.url.endswith(".html") and "index.html" not in page.url
    assert page.locator(".back a").get_attribute("href") == "index.html"


def test_overview_headers_whole_and_each_standard_shown(tab: Any, site: Any) -> None:
    page = tab.page
    page.goto(site.url("index.html"))
    page.screenshot(path=str(site.shots / "overview-headers.png"), full_page=True)
    # no requirement title or group name is cut: each is drawn whole inside its header cell
    cut = page.evaluate("""() => Array.from(document.querySelectorAll('.req-col span, th.grp span')).filter(s => {
        const th = s.closest('th').getBoundingClientRect(), r = s.getBoundingClientRect();
        return s.scrollHeight > s.clientHeight + 1 || s.scrollWidth > s.clientWidth + 1
            || r.top < th.top - 1 || r.bottom > th.bottom + 1 || r.left < th.left - 1 || r.right > th.right + 1;
    }).map(s => s.textContent)""")
    assert cut == []
    titles = page.eval_on_selector_all(".req-col span", "ss => ss.map(s => s.textContent)")
    assert "标题写明报告类型和年度" in titles and "党政主要负责人履行第一责任人职责" in titles
    # the district report (national) beside the township reports (township), both visible
    shown = page.eval_on_selector_all("tr.ov-row td.std", "ts => ts.map(t => t.innerText.trim())")
    assert sorted(set(shown)) == ["national", "township"]
    assert all(page.locator("tr.ov-row td.std").nth(i).is_visible() for i in range(len(shown)))
    page.select_option("#o-standard", "national")
    assert page.locator("tr.ov-row:visible").count() == 1
    page.select_option("#o-standard", "")


def test_print_layout(tab: Any, site: Any) -> None:
    page = tab.page
    name = next(iter(site.results))
    page.goto(site.url(name))
    page.emulate_media(media="print")
    assert page.locator(".controls").is_hidden()
    assert page.locator("tr.detail").first.is_visible()  # details expanded on paper
    assert page.evaluate("getComputedStyle(document.querySelector('#requirements')).breakBefore") == "page"
    page.pdf(path=str(site.shots / f"{name}.pdf"), format="A4")
    page.emulate_media(media="screen")
    assert page.locator(".controls").is_visible()


def test_large_report_stays_responsive(tab: Any, site: Any) -> None:
    page = tab.page
    t0 = time.perf_counter()
    page.goto(site.url("large.html"))
    loaded = time.perf_counter() - t0
    assert loaded < 5, loaded
    assert page.locator(".doc-chunk").count() > 40 and page.locator(".doc-text.lazy").count() == 1
    t0 = time.perf_counter()
    page.click('.seg-btn[data-status="missing"]')
    page.click('.seg-btn[data-status=""]')
    page.fill("#f-text", "法律顾问")
    assert time.perf_counter() - t0 < 2
    page.fill("#f-text", "")
    ref = page.eval_on_selector_all("a.locate", "as => as[as.length - 1].dataset.ref")
    page.locator(f'tr.req a.locate[data-ref="{ref}"]').click()
    assert _in_view(page, f'mark.hl[data-refs~="{ref}"]')
    more = page.locator("[data-show-all]").first
    row = more.locator("xpath=ancestor::tr[1]")
    row_id = (row.get_attribute("id") or "").removesuffix("-detail")
    page.click(f'[id="{row_id}"] .toggle')
    assert page.locator(f'[id="{row_id}-detail"] .evidence:visible').count() == 3
    more.click()
    assert page.locator(f'[id="{row_id}-detail"] .evidence:visible').count() > 3
    page.screenshot(path=str(site.shots / "large.png"))


def test_overview_charts_and_the_gap_filter(tab: Any, site: Any) -> None:
    page = tab.page
    page.goto(site.url("index.html"))
    results = list(site.results.values())[: len(SAMPLES)]
    assert page.locator("#charts svg").count() >= 3
    assert all(
        page.locator(f"#{c} svg").is_visible() for c in ("chart-scores", "chart-timeliness", "chart-requirements")
    )
    assert sum(int(n) for n in page.eval_on_selector_all(".bin", "bs => bs.map(b => b.dataset.count)")) == len(results)
    first = page.locator("#chart-requirements .req-bar").first
    rid = first.get_attribute("data-id")
    missing = [int(n) for n in page.eval_on_selector_all(".req-bar", "bs => bs.map(b => b.dataset.missing)")]
    assert missing[0] == max(missing)
    first.click()
    gaps = [
        str(r.document["path"])
        for r in results
        if any(q.id == rid and q.status in ("missing", "partial") and not q.waived for q in r.requirements)
    ]
    shown = page.eval_on_selector_all(
        "tr.ov-row", "rs => rs.filter(r => r.offsetParent !== null).map(r => r.dataset.path)"
    )
    assert sorted(shown) == sorted(gaps) and shown
    assert first.get_attribute("aria-pressed") == "true" and page.locator("#o-gap").is_visible()
    page.screenshot(path=str(site.shots / "overview-charts-filtered.png"), full_page=True)
    first.click()  # a second click lifts the filter
    assert page.locator("tr.ov-row:visible").count() == len(results)
    first.focus()
    page.keyboard.press("Enter")
    assert page.locator("tr.ov-row:visible").count() == len(gaps)
    page.click("#o-gap-clear")
    assert page.locator("tr.ov-row:visible").count() == len(results) and page.locator("#o-gap").is_hidden()


def test_overview_of_2000_reports_loads_quickly(tab: Any, site: Any) -> None:
    from checklist.render.html import render_overview

    samples = list(site.results.values())[: len(SAMPLES)]
    many = []
    for i in range(2000):
        r = samples[i % len(samples)]
        doc = {**r.document, "path": f"reports/{i:04d}.txt", "issuer": f"{r.document.get('issuer')} {i}"}
        many.append(r.model_copy(update={"document": doc, "text": None, "score": (r.score + i) % 100}))
    (site.folder / "many.html").write_text(render_overview(many, None, "zh"), encoding="utf-8")
    page = tab.page
    times = []
    for _ in range(3):  # the best of three: other processes on the machine slow a single load
        t0 = time.perf_counter()
        page.goto(site.url("many.html"))
        times.append(time.perf_counter() - t0)
    loaded = min(times)
    assert page.locator("tr.ov-row").count() == 2000
    assert loaded < 2, times
    assert page.locator("tr.ov-row:visible").count() == 200, "one page of rows laid out at first"
    page.click("#o-more")
    assert page.locator("tr.ov-row:visible").count() == 400
    t0 = time.perf_counter()
    page.locator("#chart-requirements .req-bar").first.click()
    assert time.perf_counter() - t0 < 1
    print(f"overview of 2,000 reports: loaded in {', '.join(f'{x:.2f}' for x in times)} s")
