"""Batch audits: the command, incremental re-runs, the summaries, the API on any executor."""

from __future__ import annotations

import csv
import json
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
    assert sorted(Path(e["path"]).name for e in errors) == ["corrupt.docx", "empty.txt"]
    rows = _csv(out / "summary.csv")
    assert len(rows) == 5 and all(r["core.measures"] for r in rows)
    assert (out / "index.html").read_text(encoding="utf-8").count(".html") >= 5
    assert not list(out.glob(".*.tmp*")), "no temporary files are left"

    from openpyxl import load_workbook

    ws = load_workbook(out / "summary.xlsx").active
    assert ws.max_row == 6 and ws.freeze_panes == "B2" and ws.auto_filter.ref
    header = [c.value for c in ws[1]]
    assert "score" in header and "enforcement.legal_review" in header


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


def test_policy_exit_code(tmp_path: Path) -> None:
    out = tmp_path / "out"
    one = str(REPORTS / SAMPLES[0])
    ok = CliRunner().invoke(main, ["batch", one, "--out", str(out), "--format", "json"])
    assert ok.exit_code == 0
    strict = CliRunner().invoke(main, ["batch", one, "--out", str(out), "--format", "json", "--min-score", "99"])
    assert strict.exit_code == 1
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
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        items = list(audit_many(paths, executor=client.get_executor()))
    assert sorted(i.path for i in items) == paths
    assert sum(isinstance(i, BatchResult) for i in items) == 5


SHARED = "全镇建立了村级调解员联席会议制度，每季度集中研判一次疑难纠纷。"


def _two_issuers(folder: Path) -> str:
    """Issuer 甲 in 2022 and 2023 (a shortcoming repeated), issuer 乙 in 2023 (a sentence of 甲's)."""
    folder.mkdir()
    shared = SHARED
    base = ("关于{y}年度法治政府建设情况的报告\n区委：\n{y}年，我镇坚持依法行政。\n一、主要举措和成效\n"
            "开展普法活动{n}次。{extra}\n二、存在的不足\n执法人员偏少，主要是由于编制有限。\n"
            "三、{y1}年工作打算\n充实执法人员。\n{issuer}\n{y1}年1月10日\n")
    (folder / "a-2022.txt").write_text(base.format(y=2022, y1=2023, n=5, extra=shared, issuer="甲镇人民政府"),
                                       encoding="utf-8")
    (folder / "a-2023.txt").write_text(base.format(y=2023, y1=2024, n=9, extra="", issuer="甲镇人民政府"),
                                       encoding="utf-8")
    other = ("关于2023年度法治政府建设情况的报告\n县委：\n一、工作开展情况\n组织专题讲座7场。另外，" + shared
             + "\n二、存在的问题\n基层调解员年龄偏大，原因是待遇偏低。\n三、2024年工作思路\n提高调解员补贴。\n乙镇人民政府\n2024年2月1日\n")
    (folder / "b-2023.txt").write_text(other, encoding="utf-8")
    return shared


def test_copied_text_and_year_over_year_in_a_batch(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shared = _two_issuers(folder)
    out = tmp_path / "out"
    summary = run_batch([str(folder)], out, jobs=1, formats=["csv", "html"])
    assert summary.ok and not summary.errors
    rows = {Path(r["path"]).name: r for r in _csv(out / "summary.csv")}
    assert int(rows["a-2022.txt"]["copied_sentences"]) == 1 and int(rows["b-2023.txt"]["copied_sentences"]) == 1
    assert int(rows["a-2023.txt"]["copied_sentences"]) == 0  # same issuer is not boilerplate
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
    profile.write_text("id: quiet\nversion: '1'\ntitle: {zh: 不查雷同}\nextends: township\nquality:\n"
                       "  quality.boilerplate: {enabled: false}\n"
                       "  quality.repeated_from_last_year: {enabled: false}\n", encoding="utf-8")
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
    proc = subprocess.Popen([sys.executable, "-m", "checklist", "batch", str(folder), "--out", str(out),
                             "--jobs", "1", "--format", "json", "--no-cross"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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


def test_a_change_in_a_base_standard_redoes_the_reports(tmp_path: Path, inputs: Path) -> None:
    base = tmp_path / "base.yaml"
    base.write_text("id: base\nversion: '1'\ntitle: {zh: 基础}\nextends: national\n", encoding="utf-8")
    profile = tmp_path / "profile.yaml"
    profile.write_text(f"id: profile\nversion: '1'\ntitle: {{zh: 细化}}\nextends: {base}\n", encoding="utf-8")
    out = tmp_path / "out"
    paths = [str(p) for p in sorted(inputs.iterdir()) if p.suffix == ".txt"][:2]
    assert run_batch(paths, out, standard=str(profile), jobs=1, formats=["json"], cross=False).audited == 2
    assert run_batch(paths, out, standard=str(profile), jobs=1, formats=["json"], cross=False).skipped == 2
    base.write_text("id: base\nversion: '1'\ntitle: {zh: 基础}\nextends: national\n"
                    "overrides:\n  format.title: {weight: 3}\n", encoding="utf-8")  # same versions, new meaning
    assert run_batch(paths, out, standard=str(profile), jobs=1, formats=["json"], cross=False).audited == 2


def test_the_summary_says_which_inputs_are_no_reports(tmp_path: Path, inputs: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    report = sorted(p for p in inputs.iterdir() if p.suffix == ".txt")[0]
    (folder / report.name).write_bytes(report.read_bytes())
    (folder / "notice.txt").write_text(
        "某某县人民政府办公室\n关于印发某某县2024年度法治政府建设\n工作要点的通知\n各乡镇人民政府：\n"
        "现将工作要点印发给你们，请认真贯彻执行。\n一、依法全面履行政府职能\n加强规范性文件备案审查，推进行政执法公示。\n",
        encoding="utf-8")
    out = tmp_path / "out"
    run_batch([str(folder)], out, jobs=1, formats=["csv"], cross=False)
    rows = {Path(r["path"]).name: r for r in _csv(out / "summary.csv")}
    assert rows["notice.txt"]["warnings"].startswith("此文件开头写明它是“通知”")
    assert rows[report.name]["warnings"] == ""
