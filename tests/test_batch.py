"""Batch audits: the command, incremental re-runs, the summaries, the API on any executor."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import pickle
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from _samples import REPORTS, SAMPLES
from checklist.batch import BatchError, BatchResult, audit_many, run_batch
from checklist.cli import main
from checklist.fileio import expand_paths


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in SAMPLES:
        shutil.copy(REPORTS / name, folder / name)
    (folder / "corrupt.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def _entries(out: Path) -> list[str]:
    """The manifest's lines, one per report, without its last (the standard's key)."""
    *entries, last = (out / ".checklist" / "manifest.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    assert list(json.loads(last)) == ["standard_key"]
    return entries


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))


def test_batch_writes_everything_and_lists_the_bad_files(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(inputs), "--out", str(out), "--jobs", "2"])
    assert result.exit_code == 2, result.output
    assert "输入 7 份：审查 5，跳过未变 0，出错 2" in result.stdout
    for name in SAMPLES:
        stem = Path(name).stem
        data = json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))
        assert data["schema_version"] == 1
        assert (out / f"{stem}.html").exists()
    errors = _csv(out / "errors.csv")
    assert sorted(Path(e["文件"]).name for e in errors) == ["corrupt.docx", "empty.txt"]
    rows = _csv(out / "summary.csv")
    assert len(rows) == 5 and all(r["主要举措和成效"] for r in rows)
    assert (out / "index.html").read_text(encoding="utf-8").count(".html") >= 5
    assert not list(out.glob(".*.tmp*")), "no temporary files are left"

    from openpyxl import load_workbook

    book = load_workbook(out / "summary.xlsx")
    assert book.sheetnames == ["汇总", "缺项与建议", "各项要求统计", "ids"]
    ws = book["汇总"]
    assert ws.max_row == 6 and ws.freeze_panes == "C2" and ws.auto_filter.ref
    header = [c.value for c in ws[1]]
    assert "得分" in header and "重大执法决定法制审核制度" in header
    ids = [c.value for c in book["ids"][1]]
    assert "score" in ids and "enforcement.legal_review" in ids


def test_rerun_skips_unchanged_and_redoes_changed(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_batch([str(inputs)], out, jobs=1, formats=["csv"])
    assert (first.audited, first.skipped, len(first.errors)) == (5, 0, 2) and first.ok
    again = run_batch([str(inputs)], out, jobs=1, formats=["csv"])
    assert (again.audited, again.skipped) == (0, 5) and again.ok
    changed = inputs / SAMPLES[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n补充说明。\n", encoding="utf-8")
    third = run_batch([str(inputs)], out, jobs=1, formats=["csv"])
    assert (third.audited, third.skipped) == (1, 4)
    forced = run_batch([str(inputs)], out, jobs=1, formats=["csv"], force=True)
    assert forced.audited == 5
    assert len(_csv(out / "summary.csv")) == 5


def test_a_rerun_keeps_the_rows_and_manifest_lines_as_written(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([str(inputs)], out, jobs=2, formats=["json"], cross=False)
    rows = (out / ".checklist" / "rows.jsonl").read_text(encoding="utf-8")
    manifest = _entries(out)
    # a line is json.dumps of the entry (what older runs wrote), and its row the summary row's line
    assert len(manifest) == 5 and all(
        line == json.dumps(json.loads(line), ensure_ascii=False) + "\n" for line in manifest
    )
    by_path = {json.loads(line)["path"]: line for line in rows.splitlines(keepends=True)}
    for line in manifest:
        assert line.endswith(', "row": ' + by_path[json.loads(line)["path"]][:-1] + "}\n")
    again = run_batch([str(inputs)], out, jobs=2, formats=["json"], cross=False)
    assert (again.audited, again.skipped) == (0, 5)
    assert (out / ".checklist" / "rows.jsonl").read_text(encoding="utf-8") == rows
    assert sorted(_entries(out)) == sorted(manifest)


def test_a_journal_line_cut_by_a_killed_run_is_not_glued_to_the_next(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    paths = sorted(str(p) for p in inputs.iterdir() if p.suffix == ".txt")[:3]
    run_batch(paths[:1], out, jobs=1, formats=["json"], cross=False)
    journal = out / ".checklist" / "journal.jsonl"
    journal.write_text('{"path": "cut short by a kill", "sha256": "ab', encoding="utf-8")
    summary = run_batch(paths, out, jobs=1, formats=["json"], cross=False)
    assert (summary.audited, summary.skipped) == (2, 1)
    assert sorted(json.loads(line)["path"] for line in _entries(out)) == paths  # every line whole, none lost
    assert run_batch(paths, out, jobs=1, formats=["json"], cross=False).skipped == 3


def test_policy_exit_code(tmp_path: Path) -> None:
    out = tmp_path / "out"
    one = str(REPORTS / SAMPLES[0])
    ok = CliRunner().invoke(main, ["batch", one, "--out", str(out), "--format", "json"])
    assert ok.exit_code == 0
    strict = CliRunner().invoke(main, ["batch", one, "--out", str(out), "--format", "json", "--min-score", "99"])
    assert strict.exit_code == 1
    # the flag's pass line reaches the overview page (drawn at 99, the one report below it)
    page = CliRunner().invoke(main, ["batch", one, "--out", str(tmp_path / "page"), "--min-score", "99"])
    assert page.exit_code == 1
    index = (tmp_path / "page" / "index.html").read_text(encoding="utf-8")
    assert 'data-pass="99.0" data-below-pass="1"' in index
    bad = CliRunner().invoke(main, ["batch", one, "--out", str(out), "--format", "pdf"])
    assert bad.exit_code == 2 and "未知的输出格式" in bad.stderr


def test_expand_paths_keeps_what_matches_nothing(inputs: Path) -> None:
    found = expand_paths([str(inputs), str(inputs / "*.txt"), "no/such/file.txt"])
    assert "no/such/file.txt" in found
    assert len(found) == len(set(found)) == 8


@pytest.mark.parametrize("jobs", [1, 2])
def test_audit_many_yields_every_input(inputs: Path, jobs: int) -> None:
    paths = sorted(str(p) for p in inputs.iterdir())
    items = list(audit_many(paths, jobs=jobs))
    assert sorted(i.path for i in items) == paths
    assert sum(isinstance(i, BatchError) for i in items) == 2
    for item in items:
        assert pickle.loads(pickle.dumps(item)).path == item.path
        if isinstance(item, BatchResult):
            assert 0 <= item.result.score <= 100


def test_audit_many_on_any_executor(inputs: Path) -> None:
    paths = sorted(str(p) for p in inputs.iterdir())
    with ThreadPoolExecutor(2) as pool:
        items = list(audit_many(paths, executor=pool))
    assert len(items) == len(paths)


def test_audit_many_on_a_dask_cluster(inputs: Path) -> None:
    distributed = pytest.importorskip("distributed", reason="the 'distributed' extra is not installed")
    paths = sorted(str(p) for p in inputs.iterdir())
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        items = list(audit_many(paths, executor=client.get_executor()))
    assert sorted(i.path for i in items) == paths
    assert sum(isinstance(i, BatchResult) for i in items) == 5


SHARED = "全镇建立了村级调解员联席会议制度，每季度集中研判一次疑难纠纷。"


def _two_issuers(folder: Path) -> str:
    """Issuer 甲 in 2022 and 2023 (a shortcoming repeated), issuer 乙 in 2023 (a sentence of 甲's)."""
    folder.mkdir()
    shared = SHARED
    base = (
        "关于{y}年度法治政府建设情况的报告\n区委：\n{y}年，我镇坚持依法行政。\n一、主要举措和成效\n"
        "开展普法活动{n}次。{extra}\n二、存在的不足\n执法人员偏少，主要是由于编制有限。\n"
        "三、{y1}年工作打算\n充实执法人员。\n{issuer}\n{y1}年1月10日\n"
    )
    (folder / "a-2022.txt").write_text(
        base.format(y=2022, y1=2023, n=5, extra=shared, issuer="甲镇人民政府"), encoding="utf-8"
    )
    (folder / "a-2023.txt").write_text(
        base.format(y=2023, y1=2024, n=9, extra="", issuer="甲镇人民政府"), encoding="utf-8"
    )
    other = (
        "关于2023年度法治政府建设情况的报告\n县委：\n一、工作开展情况\n组织专题讲座7场。另外，"
        + shared
        + "\n二、存在的问题\n基层调解员年龄偏大，原因是待遇偏低。\n三、2024年工作思路\n提高调解员补贴。\n乙镇人民政府\n2024年2月1日\n"
    )
    (folder / "b-2023.txt").write_text(other, encoding="utf-8")
    return shared


def test_copied_text_and_year_over_year_in_a_batch(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shared = _two_issuers(folder)
    out = tmp_path / "out"
    summary = run_batch([str(folder)], out, jobs=1, formats=["csv", "html"])
    assert summary.ok and not summary.errors
    rows = {Path(r["文件"]).name: r for r in _csv(out / "summary.csv")}
    copied = "与其他机关雷同的句数"
    assert int(rows["a-2022.txt"][copied]) == 1 and int(rows["b-2023.txt"][copied]) == 1
    assert int(rows["a-2023.txt"][copied]) == 0  # same issuer is not boilerplate
    b = json.loads((out / "b-2023.json").read_text(encoding="utf-8"))
    copies = [f for f in b["findings"] if f["code"] == "quality.boilerplate"]
    assert copies and "甲镇" in copies[0]["message"] and shared[:10] in copies[0]["quote"]
    compared = list((out / "compare").glob("*.json"))
    assert len(compared) == 1 and "2022-2023" in compared[0].name
    a23 = json.loads((out / "a-2023.json").read_text(encoding="utf-8"))
    assert any(f["code"] == "quality.repeated_from_last_year" for f in a23["findings"])
    assert "雷同" in (out / "index.html").read_text(encoding="utf-8")
    again = run_batch([str(folder)], out, jobs=1, formats=["csv", "html"])
    b2 = json.loads((out / "b-2023.json").read_text(encoding="utf-8"))
    assert again.skipped == 3 and len([f for f in b2["findings"] if f["code"] == "quality.boilerplate"]) == len(copies)


def test_a_profile_switches_off_the_checks_across_reports(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _two_issuers(folder)
    profile = tmp_path / "quiet.yaml"
    profile.write_text(
        "id: quiet\nversion: '1'\ntitle: {zh: 不查雷同}\nextends: township\nquality:\n"
        "  quality.boilerplate: {enabled: false}\n"
        "  quality.repeated_from_last_year: {enabled: false}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert run_batch([str(folder)], out, standard=str(profile), jobs=1, formats=["csv"]).ok
    codes = {f["code"] for p in out.glob("*.json") for f in json.loads(p.read_text(encoding="utf-8"))["findings"]}
    assert codes and not codes & {"quality.boilerplate", "quality.repeated_from_last_year"}
    assert len(list((out / "compare").glob("*.json"))) == 1  # the comparison is still written


@pytest.mark.parametrize("sig", ["SIGINT", "SIGTERM"])
def test_an_interrupted_batch_leaves_complete_files_and_resumes(tmp_path: Path, sig: str) -> None:
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "in"
    folder.mkdir()
    text = (REPORTS / SAMPLES[0]).read_text(encoding="utf-8")
    for i in range(120):
        (folder / f"r{i:03d}.txt").write_text(text.replace("2023年", f"2023年（{i}）", 1), encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "checklist",
            "batch",
            str(folder),
            "--out",
            str(out),
            "--jobs",
            "1",
            "--format",
            "json",
            "--no-cross",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while time.time() < deadline and len(list(out.glob("*.json"))) < 10:
        time.sleep(0.05)
    proc.send_signal(getattr(signal, sig))
    proc.wait(timeout=60)
    written = list(out.glob("*.json"))
    assert 0 < len(written) < 120, "the run was interrupted mid-way"
    for f in written:
        json.loads(f.read_text(encoding="utf-8"))  # every file left is complete
    resumed = run_batch([str(folder)], out, jobs=1, formats=["json"], cross=False)
    assert resumed.ok and resumed.skipped >= len(written) - 1 and resumed.audited + resumed.skipped == 120
    assert not list(out.glob(".*.tmp*"))


def test_a_terminated_batch_leaves_no_worker_running(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "in"
    folder.mkdir()
    text = (REPORTS / SAMPLES[0]).read_text(encoding="utf-8")
    for i in range(200):
        (folder / f"r{i:03d}.txt").write_text(text.replace("2023年", f"2023年（{i}）", 1), encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "checklist", "batch", str(folder), "--out", str(out), "--jobs", "2"]
    # a session of its own: the workers are in the parent's process group, and stay in it if orphaned
    proc = subprocess.Popen(
        [*command, "--format", "json", "--no-cross"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.time() + 60
        while time.time() < deadline and len(list(out.glob("*.json"))) < 10:
            time.sleep(0.05)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                os.killpg(proc.pid, 0)
            except ProcessLookupError:
                break  # nobody left in the group
            time.sleep(0.1)
        else:
            pytest.fail("a worker of the terminated batch is still running")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    assert 0 < len(list(out.glob("*.json"))) < 200
    resumed = run_batch([str(folder)], out, jobs=2, formats=["json"], cross=False)
    assert resumed.ok and resumed.audited + resumed.skipped == 200 and not list(out.glob(".*.tmp*"))


def test_a_change_in_a_base_standard_redoes_the_reports(tmp_path: Path, inputs: Path) -> None:
    base = tmp_path / "base.yaml"
    base.write_text("id: base\nversion: '1'\ntitle: {zh: 基础}\nextends: national\n", encoding="utf-8")
    profile = tmp_path / "profile.yaml"
    profile.write_text(f"id: profile\nversion: '1'\ntitle: {{zh: 细化}}\nextends: {base}\n", encoding="utf-8")
    out = tmp_path / "out"
    paths = [str(p) for p in sorted(inputs.iterdir()) if p.suffix == ".txt"][:2]
    assert run_batch(paths, out, standard=str(profile), jobs=1, formats=["json"], cross=False).audited == 2
    assert run_batch(paths, out, standard=str(profile), jobs=1, formats=["json"], cross=False).skipped == 2
    base.write_text(
        "id: base\nversion: '1'\ntitle: {zh: 基础}\nextends: national\noverrides:\n  format.title: {weight: 3}\n",
        encoding="utf-8",
    )  # same versions, new meaning
    assert run_batch(paths, out, standard=str(profile), jobs=1, formats=["json"], cross=False).audited == 2


def test_the_summary_says_which_inputs_are_no_reports(tmp_path: Path, inputs: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    report = sorted(p for p in inputs.iterdir() if p.suffix == ".txt")[0]
    (folder / report.name).write_bytes(report.read_bytes())
    (folder / "notice.txt").write_text(
        "某某县人民政府办公室\n关于印发某某县2024年度法治政府建设\n工作要点的通知\n各乡镇人民政府：\n"
        "现将工作要点印发给你们，请认真贯彻执行。\n一、依法全面履行政府职能\n加强规范性文件备案审查，推进行政执法公示。\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    run_batch([str(folder)], out, jobs=1, formats=["csv"], cross=False)
    rows = {Path(r["文件"]).name: r for r in _csv(out / "summary.csv")}
    assert rows["notice.txt"]["提示"].startswith("此文件开头写明它是“通知”")
    assert rows[report.name]["提示"] == ""


# --- the spreadsheets speak the result's language (issue 15, item 1) -------------------


def _sheet(ws: object) -> list[dict[str, object]]:
    rows = list(ws.iter_rows(values_only=True))  # type: ignore[attr-defined]
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_spreadsheets_are_in_chinese_ranked_by_score_with_gaps_and_ids(inputs: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "out"
    run_batch([str(inputs)], out, jobs=1, cross=False)
    text = (out / "summary.csv").read_text(encoding="utf-8-sig")
    header = next(csv.reader([text.splitlines()[0]]))
    assert header[:8] == ["名次", "发文机关", "文件", "层级", "年度", "成文日期", "审查标准", "得分"]
    assert "未满足项的最高严重程度" in header and "worst_gap" not in header and "标题写明报告类型和年度" in header
    rows = _csv(out / "summary.csv")
    scores = [float(r["得分"]) for r in rows]
    assert scores == sorted(scores, reverse=True) and rows[0]["名次"] == "1"
    statuses = {r["标题写明报告类型和年度"] for r in rows} | {r["主要举措和成效"] for r in rows}
    assert statuses <= {"满足", "部分满足", "缺失", "不适用", "已豁免"} and "满足" in statuses
    assert {r["层级"] for r in rows} == {"县级", "乡镇（街道）"}
    assert {r["未满足项的最高严重程度"] for r in rows} <= {"关键", "重要", "一般", "提示", "无"}
    words = [v for r in rows for k, v in r.items() if k != "审查标准"]  # the standard is named by its id
    assert not any(v in ("met", "missing", "partial", "county", "township") for v in words)
    gaps = _csv(out / "gaps.csv")
    assert list(gaps[0]) == ["名次", "发文机关", "文件", "得分", "要求", "状态", "严重程度", "建议", "要求编号"]
    causes = [g for g in gaps if g["要求编号"] == "core.causes"]
    assert causes and causes[0]["要求"] == "分析不足的原因" and causes[0]["状态"] == "缺失"
    assert "原因" in causes[0]["建议"]
    book = load_workbook(out / "summary.xlsx")
    summary, sheet_gaps, ids = (_sheet(book[n]) for n in ("汇总", "缺项与建议", "ids"))
    assert [r["得分"] for r in summary] == [r["score"] for r in ids] == sorted(scores, reverse=True)
    assert [r["文件"] for r in summary] == [r["path"] for r in ids] == [r["文件"] for r in rows]
    assert len(sheet_gaps) == len(gaps) and sheet_gaps[0]["建议"]
    assert {r["core.measures"] for r in ids} <= {"met", "partial", "missing", "not_applicable", "waived"}
    assert {r["worst_unmet_severity"] for r in ids} <= {"critical", "major", "minor", "info", ""}


def test_spreadsheets_in_english_and_csv_with_ids(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "en"
    result = CliRunner().invoke(
        main, ["batch", str(inputs), "--out", str(out), "--jobs", "1", "--no-cross", "--lang", "en", "--format", "csv"]
    )
    assert result.exit_code == 2, result.output  # the two bad inputs
    rows = _csv(out / "summary.csv")
    assert {"Rank", "Issuer", "Score", "Most severe unmet"} <= set(rows[0]) and rows[0]["Level"] in (
        "county",
        "township",
    )
    assert rows[0]["Title names the report type and year"] in ("met", "partial", "missing")  # words, in English
    assert list(_csv(out / "errors.csv")[0]) == ["File", "Error kind", "Message"]
    ids = tmp_path / "ids"
    result = CliRunner().invoke(
        main, ["batch", str(inputs), "--out", str(ids), "--jobs", "1", "--no-cross", "--format", "csv", "--csv-ids"]
    )
    rows = _csv(ids / "summary.csv")
    assert list(rows[0])[:3] == ["rank", "path", "output"] and rows[0]["core.measures"] == "met"
    assert [float(r["score"]) for r in rows] == sorted((float(r["score"]) for r in rows), reverse=True)
    assert "suggestion" in _csv(ids / "gaps.csv")[0] and list(_csv(ids / "errors.csv")[0]) == [
        "path",
        "kind",
        "message",
    ]


def test_audit_table_is_in_chinese_best_first() -> None:
    result = CliRunner().invoke(main, ["audit", str(REPORTS), "--format", "table"])
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == [
        "名次",
        "得分",
        "满足项数",
        "部分满足项数",
        "缺失项数",
        "审查标准",
        "年度",
        "层级",
        "发文机关",
        "文件",
    ]
    scores = [float(line.split("\t")[1]) for line in lines[1:]]
    assert len(scores) == 5 and scores == sorted(scores, reverse=True)
    assert {line.split("\t")[7] for line in lines[1:]} == {"县级", "乡镇（街道）"}
    english = CliRunner().invoke(main, ["audit", str(REPORTS), "--format", "table", "--lang", "en"])
    assert english.stdout.startswith("Rank\tScore\tMet\t")


# --- the output folder explains itself (issue 15, item 5) ------------------------------


def _report(folder: Path, name: str, issuer: str = "甲镇人民政府", year: int = 2023) -> Path:
    path = folder / name
    body = (
        f"关于{year}年度法治政府建设情况的报告\n区委：\n{year}年，我镇坚持依法行政。\n一、主要举措和成效\n"
        f"开展普法活动{len(name)}次。\n二、存在的不足\n执法人员偏少，主要是由于编制有限。\n三、{year + 1}年工作打算\n"
        f"充实执法人员。\n{issuer}\n{year + 1}年1月10日\n"
    )
    path.write_text(
        f"<html><body><pre>{body}</pre></body></html>" if name.endswith(".html") else body, encoding="utf-8"
    )
    return path


def test_same_stem_inputs_are_named_by_their_whole_file_names(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _report(folder, "a.txt")
    out = tmp_path / "out"
    run_batch([str(folder)], out, jobs=1, formats=["csv", "html"], cross=False)
    assert (out / "a.json").exists() and (out / "a.html").exists()
    _report(folder, "a.html", issuer="乙镇人民政府")
    _report(folder, "index.txt", issuer="丙镇人民政府")  # would overwrite the overview page
    summary = run_batch([str(folder)], out, jobs=1, formats=["csv", "html"], cross=False)
    assert summary.ok and not summary.errors
    results = {p.name for p in out.glob("*.json")}
    assert results == {"a.txt.json", "a.html.json", "index.txt.json"}
    assert not (out / "a.html").exists(), "the result under the old name is removed"
    assert json.loads((out / "a.html.json").read_text(encoding="utf-8"))["document"]["issuer"] == "乙镇人民政府"
    assert "ov-table" in (out / "index.html").read_text(encoding="utf-8")
    assert {r["结果文件"] for r in _csv(out / "summary.csv")} == {"a.txt", "a.html", "index.txt"}


def test_internal_files_are_in_one_hidden_folder_and_render_takes_every_result(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _two_issuers(folder)
    out = tmp_path / "out"
    run_batch([str(folder)], out, jobs=1)
    visible = {p.name for p in out.iterdir() if not p.name.startswith(".")}
    assert visible == {
        "a-2022.json",
        "a-2022.html",
        "a-2023.json",
        "a-2023.html",
        "b-2023.json",
        "b-2023.html",
        "summary.csv",
        "gaps.csv",
        "summary.xlsx",
        "errors.csv",
        "index.html",
        "compare",
    }
    assert {p.name for p in out.iterdir() if p.name.startswith(".")} == {".checklist"}
    assert {p.name for p in (out / ".checklist").iterdir()} == {"manifest.jsonl", "rows.jsonl", "cross.sqlite"}
    result = CliRunner().invoke(main, ["render", *map(str, sorted(out.glob("*.json"))), "-o", f"{tmp_path / 'again'}/"])
    assert result.exit_code == 0, result.stderr
    assert len(list((tmp_path / "again").glob("*.html"))) == 4  # three pages and the overview


def test_an_output_folder_of_the_first_layout_is_rerun_cleanly(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _two_issuers(folder)
    out = tmp_path / "out"
    run_batch([str(folder)], out, jobs=1, formats=["csv"])
    # what the first layout left: its manifest (rows of the old shape, one under a hashed
    # name), the summary rows and the fingerprints beside the results
    internal = out / ".checklist"
    old = []
    for line in _entries(out):
        entry = json.loads(line)
        entry.pop("layout")
        if entry["path"].endswith("a-2022.txt"):
            entry["row"]["output"] = "a-2022-7dc41efe"
            (out / "a-2022-7dc41efe.json").write_text("{}", encoding="utf-8")
        old.append(json.dumps(entry, ensure_ascii=False))
    (out / ".checklist-manifest.jsonl").write_text("\n".join(old) + "\n", encoding="utf-8")
    shutil.rmtree(internal)
    (out / "summary.rows.jsonl").write_text("{}\n", encoding="utf-8")
    (out / ".fingerprints").mkdir()
    (out / ".fingerprints" / "a-2022-7dc41efe.pickle").write_bytes(b"old")
    again = run_batch([str(folder)], out, jobs=1, formats=["csv"])
    assert again.ok and (again.audited, again.skipped) == (3, 0), "rows of the old shape are redone"
    assert not [
        p.name
        for p in out.iterdir()
        if p.name in (".checklist-manifest.jsonl", "summary.rows.jsonl", ".fingerprints", "a-2022-7dc41efe.json")
    ]
    assert len(_csv(out / "summary.csv")) == 3 and again.compared == 1
    third = run_batch([str(folder)], out, jobs=1, formats=["csv"])
    assert (third.audited, third.skipped) == (0, 3)


def test_the_summary_says_what_could_not_be_compared(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _report(folder, "a.txt")
    _report(folder, "b.txt", issuer="乙镇人民政府")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(folder), "--out", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "年度比较：无可比较的报告（没有哪个发文机关有两个年度的报告）" in result.stdout
    _report(folder, "a-revised.txt")  # 甲镇 2023 again
    _report(folder, "a-2022.txt", year=2022)
    result = CliRunner().invoke(main, ["batch", str(folder), "--out", str(out), "--format", "json"])
    assert "年度比较：1 对相邻年度" in result.stdout
    same = next(line for line in result.stdout.splitlines() if "同一年度" in line)
    assert "甲镇人民政府 2023 年" in same and str(folder / "a.txt") in same and str(folder / "a-revised.txt") in same
    english = CliRunner().invoke(main, ["batch", str(folder), "--out", str(out), "--format", "json", "--lang", "en"])
    assert "reports of one issuer on one year" in english.stdout and "revised draft" in english.stdout
    quiet = CliRunner().invoke(main, ["batch", str(folder), "--out", str(out), "--format", "json", "--no-cross"])
    assert "年度比较" not in quiet.stdout


def test_readme_documents_every_column_and_file_a_batch_writes(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    folder = tmp_path / "in"
    _two_issuers(folder)
    out = tmp_path / "out"
    run_batch([str(folder)], out, jobs=1)
    book = load_workbook(out / "summary.xlsx")
    ids = [c.value for c in book["ids"][1] if "." not in str(c.value)]  # requirement ids are one column
    assert ids and all(f"`{k}`" in readme for k in ids), [k for k in ids if f"`{k}`" not in readme]
    headers = [str(c.value) for c in book["汇总"][1]]
    titles = {
        g
        for r in json.loads(
            "[" + ",".join((out / ".checklist" / "rows.jsonl").read_text(encoding="utf-8").split("\n")[:-1]) + "]"
        )
        for g in r["titles"].values()
    }
    for h in headers:
        assert h in titles or h in readme, h
    for sheet in book.sheetnames:
        assert f"`{sheet}`" in readme
    files = {p.name for p in out.iterdir() if p.suffix != ".json" and p.suffix != ".html"} - {"compare"}
    files |= {p.name for p in (out / ".checklist").iterdir()}
    assert all(f"`{f}" in readme for f in files), files


def _profile(path: Path, weight: int) -> None:
    path.write_text(
        f"id: profile\nversion: '1'\ntitle: {{zh: 细化}}\nextends: national\n"
        f"overrides:\n  format.title: {{weight: {weight}}}\n",
        encoding="utf-8",
    )


def test_a_rerun_redoes_every_report_when_its_standard_file_changes(tmp_path: Path, inputs: Path) -> None:
    profile = tmp_path / "profile.yaml"
    _profile(profile, 3)
    out = tmp_path / "out"
    args = ["batch", *[str(p) for p in sorted(inputs.glob("*.txt"))[:2]], "-o", str(out), "-s", str(profile)]
    args += ["--format", "json", "--no-cross"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "审查 2，跳过未变 0" in first.output
    assert "审查 0，跳过未变 2" in CliRunner().invoke(main, args).output
    # the same size and modification time, another text: only the content tells the change
    stat = profile.stat()
    _profile(profile, 4)
    os.utime(profile, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert profile.stat().st_size == stat.st_size
    assert "审查 2，跳过未变 0" in CliRunner().invoke(main, args).output
    assert "审查 0，跳过未变 2" in CliRunner().invoke(main, args).output
    assert "审查 2，跳过未变 0" in CliRunner().invoke(main, [*args, "--force"]).output


def test_an_unchanged_rerun_does_not_load_the_standards(
    tmp_path: Path, inputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checklist.rules import standard

    out = tmp_path / "out"
    assert run_batch([str(inputs)], out, jobs=1, formats=["json"]).audited == 5
    standard._CACHE.clear()

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a standard was loaded")

    monkeypatch.setattr(standard, "_load", refuse)
    again = run_batch([str(inputs)], out, jobs=1, formats=["json"])
    assert (again.audited, again.skipped) == (0, 5)


def test_a_broken_record_of_the_standard_key_is_computed_again(tmp_path: Path, inputs: Path) -> None:
    from checklist.batch.manifest import MANIFEST

    out = tmp_path / "out"
    paths = [str(p) for p in sorted(inputs.glob("*.txt"))[:2]]
    assert run_batch(paths, out, jobs=1, formats=["json"], cross=False).audited == 2
    *entries, last = (out / MANIFEST).read_text(encoding="utf-8").splitlines(keepends=True)
    record = json.loads(last)["standard_key"]
    assert len(entries) == 2 and record["key"].startswith("auto:national@") and len(record["sources"]) == 5
    for broken in ("{", "[]", {**record, "sources": [["national"]]}, {**record, "tool": "0"}, {**record, "key": 1}):
        line = broken if isinstance(broken, str) else json.dumps({"standard_key": broken}, ensure_ascii=False)
        (out / MANIFEST).write_text("".join(entries) + line + "\n", encoding="utf-8")
        assert run_batch(paths, out, jobs=1, formats=["json"], cross=False).skipped == 2
        assert json.loads((out / MANIFEST).read_text(encoding="utf-8").splitlines()[-1]) == {"standard_key": record}


def test_a_batch_with_a_broken_standard_stops_before_making_its_folder(tmp_path: Path, inputs: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: broken\nversion: '1'\ntitle: {zh: 坏}\nextends: national\nparameters: [\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(inputs), "-o", str(out), "-s", str(broken)])
    assert result.exit_code == 2
    assert "broken.yaml" in result.output and not out.exists()
