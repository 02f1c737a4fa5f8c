"""The reviewer's view of a batch: the overview's charts, the requirement counts sheet of
``summary.xlsx`` and the draft notice ``summary.docx``, each number checked against what
the per-report JSON results say (counted here, independently of
:mod:`checklist.render.charts`)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from _samples import REPORTS, SAMPLES
from checklist.batch import run_batch

GAPS = ("missing", "partial")


class _Tags(HTMLParser):
    """Every start tag with its attributes, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def _tags(html: str, cls: str) -> list[dict[str, str]]:
    parser = _Tags()
    parser.feed(html)
    return [a for _, a in parser.tags if cls in a.get("class", "").split()]


def _by_id(html: str, element_id: str) -> dict[str, str]:
    parser = _Tags()
    parser.feed(html)
    return next(a for _, a in parser.tags if a.get("id") == element_id)


def _variants(folder: Path) -> None:
    """Reports with known gaps: a sample without its second half (its later parts), one
    without its date (signature and publication lines), one without its first part."""
    wujia = (REPORTS / "2023-chongqing-rongchang-wujia-town.txt").read_text(encoding="utf-8").splitlines()
    (folder / "variant-half.txt").write_text("\n".join(wujia[: len(wujia) // 2]), encoding="utf-8")
    street = (REPORTS / "2024-chongqing-jiangjin-jijiang-street.txt").read_text(encoding="utf-8").splitlines()
    undated = [line for line in street if not re.search(r"\d{4}[-年]\d{1,2}[-月]\d{1,2}", line)]
    (folder / "variant-undated.txt").write_text("\n".join(undated), encoding="utf-8")
    start = next(i for i, line in enumerate(wujia) if line.startswith("二、"))
    (folder / "variant-headless.txt").write_text("\n".join(wujia[:3] + wujia[start:]), encoding="utf-8")


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("in")
    for name in SAMPLES:
        shutil.copy(REPORTS / name, folder / name)
    _variants(folder)
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path_factory.mktemp("out")
    with ThreadPoolExecutor(4) as pool:
        summary = run_batch([str(folder)], out, formats=["html", "xlsx", "docx"], executor=pool)
    assert summary.audited == len(SAMPLES) + 3 and len(summary.errors) == 1
    return out


def _results(out: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.json"))]


def _status(req: dict[str, Any]) -> str:
    return "waived" if req.get("waived") else str(req["status"])


def _expected_counts(results: list[dict[str, Any]]) -> dict[str, tuple[int, int, int, int]]:
    counts: dict[str, Counter[str]] = {}
    for r in results:
        for q in r["requirements"]:
            s = _status(q)
            counts.setdefault(q["id"], Counter())[s if s in ("missing", "partial", "met") else "other"] += 1
    return {rid: (c["missing"], c["partial"], c["met"], c["other"]) for rid, c in counts.items()}


def _timeliness(r: dict[str, Any]) -> str:
    deadline = next((_status(q) for q in r["requirements"] if q["id"] == "format.deadline"), None)
    if deadline == "met":
        return "on_time"
    if deadline in GAPS:
        return "late" if r["document"].get("date") and r["document"].get("year") else "unverified"
    return "unchecked"


def test_the_variants_have_the_gaps_they_were_made_with(batch: Path) -> None:
    results = {Path(r["document"]["path"]).name: r for r in _results(batch)}
    full = {q["id"]: _status(q) for q in results["2023-chongqing-rongchang-wujia-town.txt"]["requirements"]}
    half = {q["id"]: _status(q) for q in results["variant-half.txt"]["requirements"]}
    assert sum(s in GAPS for s in half.values()) > sum(s in GAPS for s in full.values())
    assert _timeliness(results["variant-undated.txt"]) == "unverified"
    assert results["variant-headless.txt"]["score"] < results["2023-chongqing-rongchang-wujia-town.txt"]["score"]


def test_every_number_of_the_charts_is_the_results(batch: Path) -> None:
    results = _results(batch)
    html = (batch / "index.html").read_text(encoding="utf-8")
    expected = _expected_counts(results)
    bars = _tags(html, "req-bar")
    drawn = {b["data-id"]: tuple(int(b[f"data-{k}"]) for k in ("missing", "partial", "met", "other")) for b in bars}
    assert drawn == expected
    missing = [int(b["data-missing"]) for b in bars]
    assert missing == sorted(missing, reverse=True), "the most often missing first"
    scores = [float(r["score"]) for r in results]
    bins = Counter(min(int(s // 10), 9) for s in scores)
    assert [int(b["data-count"]) for b in _tags(html, "bin")] == [bins[i] for i in range(10)]
    chart = _by_id(html, "chart-scores")
    assert chart["data-mean"] == f"{sum(scores) / len(scores):.1f}"
    assert (chart["data-low"], chart["data-high"]) == (f"{min(scores):.1f}", f"{max(scores):.1f}")
    kinds = Counter(_timeliness(r) for r in results)
    tl = _by_id(html, "chart-timeliness")
    assert {k: int(tl[f"data-{k.replace('_', '-')}"]) for k in ("on_time", "late", "unverified", "unchecked")} == {
        k: kinds[k] for k in ("on_time", "late", "unverified", "unchecked")
    }
    assert kinds["unverified"] >= 1
    levels = Counter(r["document"]["level"] for r in results)
    shown = {g["data-key"]: int(g["data-count"]) for g in _tags(html, "group-bar") if not g["data-key"].isdigit()}
    assert shown == dict(levels)
    years = Counter(str(r["document"]["year"]) for r in results)
    shown = {g["data-key"]: int(g["data-count"]) for g in _tags(html, "group-bar") if g["data-key"].isdigit()}
    assert shown == dict(years)


def test_each_row_of_the_matrix_names_its_gaps(batch: Path) -> None:
    results = _results(batch)
    html = (batch / "index.html").read_text(encoding="utf-8")
    rows = {r["data-path"]: set(r["data-gaps"].split()) for r in _tags(html, "ov-row")}
    for r in results:
        assert rows[r["document"]["path"]] == {q["id"] for q in r["requirements"] if _status(q) in GAPS}


def test_the_counts_sheet_is_the_results(batch: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(batch / "summary.xlsx")
    assert book.sheetnames == ["汇总", "缺项与建议", "各项要求统计", "ids"]
    lines = list(book["各项要求统计"].iter_rows(min_row=2, values_only=True))
    expected = _expected_counts(_results(batch))
    assert {line[0]: tuple(line[2:6]) for line in lines} == expected
    assert len(lines) == len(expected)
    for line in lines:
        units = str(line[6] or "")
        assert (len(units.split("、")) if units else 0) == line[2] + line[3], line


def test_the_notice_is_the_results(batch: Path) -> None:
    from docx import Document

    results = sorted(_results(batch), key=lambda r: (-r["score"], r["document"]["path"]))
    doc = Document(str(batch / "summary.docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    scores = [r["score"] for r in results]
    kinds = Counter(_timeliness(r) for r in results)
    assert f"本次共收到年度报告 {len(results)} 份，其中按时报送 {kinds['on_time']} 份" in text
    assert f"平均得分 {sum(scores) / len(scores):.1f} 分，最高 {max(scores):.1f} 分，最低 {min(scores):.1f} 分" in text
    assert "另有 1 份文件未能审查" in text
    headings = [p.text for p in doc.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert headings[:3] == ["一、得分排名", "二、共性问题", "三、各单位情况"] and "四、文本雷同情况" in headings
    ranking, common = doc.tables[0], doc.tables[1]
    lines = [[c.text for c in row.cells] for row in ranking.rows[1:]]
    assert len(lines) == len(results)
    for line, r in zip(lines, results, strict=True):
        assert line[3] == f"{r['score']:.1f}"
        c = Counter(q["status"] for q in r["requirements"])
        assert line[4] == f"{c['met']}/{c['partial']}/{c['missing']}"
    expected = _expected_counts(results)
    titles = {q["title"]: q["id"] for r in results for q in r["requirements"]}
    common_lines = [[c.text for c in row.cells] for row in common.rows[1:]]
    assert common_lines, "the samples have gaps in common"
    for title, missing, partial, units in common_lines:
        m, p, _, _ = expected[titles[title]]
        assert (int(missing), int(partial)) == (m, p)
        assert len(units.split("、")) == m + p
    top = max(expected.values(), key=lambda v: v[0])
    assert int(common_lines[0][1]) == top[0], "the most common gap first"
    unit_headings = [p.text for p in doc.paragraphs if p.style is not None and p.style.name == "Heading 2"]
    assert unit_headings == [f"{i}. {r['document']['issuer']}" for i, r in zip(_ranks(scores), results, strict=True)]


def _ranks(scores: list[float]) -> list[int]:
    out, last, rank = [], None, 0
    for n, s in enumerate(scores, 1):
        if s != last:
            rank, last = n, s
        out.append(rank)
    return out


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_notice(batch: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(batch / "summary.docx")],
        capture_output=True,
        timeout=180,
        check=False,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "summary.pdf").stat().st_size > 5000


def _small_batch(
    tmp_path: Path, files: dict[str, bytes], lang: str = "zh", min_score: float | None = None
) -> tuple[str, Any]:
    from docx import Document

    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    out = tmp_path / "out"
    with ThreadPoolExecutor(2) as pool:
        run_batch(
            [str(folder)],
            out,
            formats=["html", "xlsx", "docx"],
            executor=pool,
            lang=lang,
            cross=False,
            min_score=min_score,
        )
    return (out / "index.html").read_text(encoding="utf-8"), Document(str(out / "summary.docx"))


def test_the_pass_line_is_drawn_and_counted(tmp_path: Path) -> None:
    """--min-score reaches the overview's score chart and the notice: the line at that
    score, and the count of the reports below it."""
    line = 80.0
    html, doc = _small_batch(tmp_path, {name: (REPORTS / name).read_bytes() for name in SAMPLES}, min_score=line)
    below = sum(1 for r in _results(tmp_path / "out") if r["score"] < line)
    assert 0 < below < len(SAMPLES)
    chart = _by_id(html, "chart-scores")
    assert (float(chart["data-pass"]), int(chart["data-below-pass"])) == (line, below)
    assert len(_tags(html, "pass-line")) == 1
    assert f"合格线 80 分，低于合格线 {below} 份" in html and "合格线 80<" in html
    text = "\n".join(p.text for p in doc.paragraphs)
    assert f"低于合格线（80 分）的 {below} 份" in text


def test_a_batch_of_one_report(tmp_path: Path) -> None:
    html, doc = _small_batch(tmp_path, {"a.txt": (REPORTS / SAMPLES[0]).read_bytes()})
    assert sum(int(b["data-count"]) for b in _tags(html, "bin")) == 1
    assert "只有 1 份报告" in html
    assert not _tags(html, "group-bar"), "no level or year chart for one report"
    assert len(doc.tables[0].rows) == 2
    assert "本次共收到年度报告 1 份" in doc.paragraphs[2].text
    # no --min-score: no pass line on the chart, none in the notice
    assert _by_id(html, "chart-scores")["data-pass"] == "" and not _tags(html, "pass-line")
    assert "合格线" not in "\n".join(p.text for p in doc.paragraphs)


def test_a_batch_where_every_score_is_the_same(tmp_path: Path) -> None:
    data = (REPORTS / SAMPLES[1]).read_bytes()
    html, doc = _small_batch(tmp_path, {"a.txt": data, "b.txt": data, "c.txt": data})
    counts = [int(b["data-count"]) for b in _tags(html, "bin")]
    assert sorted(counts) == [0] * 9 + [3]
    assert "3 份报告得分相同" in html
    assert [row.cells[0].text for row in doc.tables[0].rows[1:]] == ["1", "1", "1"]


def test_a_batch_of_errors_only(tmp_path: Path) -> None:
    html, doc = _small_batch(tmp_path, {"empty.txt": b"", "broken.docx": b"PK\x03\x04 no"})
    assert "没有可统计的报告" in html and not _tags(html, "req-bar")
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "本次没有可审查的年度报告" in text and "另有 2 份文件未能审查" in text
    assert not doc.tables


def test_the_notice_in_english(tmp_path: Path) -> None:
    html, doc = _small_batch(tmp_path, {"a.txt": (REPORTS / SAMPLES[0]).read_bytes()}, lang="en")
    assert "Score distribution" in html
    assert doc.paragraphs[0].text.startswith("Notice on the review")
    assert [c.text for c in doc.tables[0].rows[0].cells][:4] == ["Rank", "Unit", "Level", "Score"]


def test_one_unit_over_two_years(tmp_path: Path) -> None:
    text = (REPORTS / "2023-chongqing-rongchang-wujia-town.txt").read_text(encoding="utf-8")
    older = text.replace("2023年", "2022年").replace("2024年", "2023年")
    lines = older.splitlines()
    older = "\n".join(lines[: len(lines) // 3] + lines[-8:])  # the year before, with fewer parts
    files = {"2023.txt": text.encode(), "2022.txt": older.encode()}
    html, doc = _small_batch(tmp_path, files)
    trend = _tags(html, "trend")
    assert len(trend) == 1
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings[-1] == "五、年度变化"
    results = {r["document"]["year"]: r["score"] for r in _results(tmp_path / "out")}
    assert set(results) == {2022, 2023}
    row = [c.text for c in doc.tables[-1].rows[1].cells]
    assert row[2] == f"{results[2023] - results[2022]:+.1f}"
    assert row[1] == f"2022: {results[2022]:.1f} → 2023: {results[2023]:.1f}"
