"""The cross-report pass of a batch: fingerprints kept as plain data, never unpickled,
validated on load, and re-runs that redo only what changed."""

from __future__ import annotations

import json
import os
import pickle
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from checklist.batch import run_batch

COPIED = "依托甲村老年活动中心建成“法治议事角”，聘请退休法官等3名乡贤每月15日坐班答疑。"
TOWNS = "甲乙丙丁戊己庚辛壬癸"
CHARS = "治理服务群众村社区组织开展会议培训调解纠纷安全生产环境卫生道路交通农业产业项目资金档案"


def _report(i: int, planted: str = "") -> str:
    own = "".join(random.Random(i).choices(CHARS, k=40))  # each report's own sentences
    town = f"{TOWNS[i]}{TOWNS[(i + 2) % 5]}镇人民政府"
    return (
        f"{town}2023年法治政府建设年度报告\n县委依法治县办：\n"
        "一、2023年度推进法治政府建设的主要举措和成效\n"
        f"{own[:25]}第{i}项工作。{planted}{own[10:38]}共{i + 3}次。\n"
        f"二、存在的不足和原因\n{own[5:30]}。\n三、2024年度主要安排\n{own[12:36]}。\n"
        f"{town}\n2024年1月15日\n"
    )


def _write(folder: Path, planted: dict[int, str], n: int = 3) -> None:
    folder.mkdir(exist_ok=True)
    for i in range(n):
        (folder / f"r{i}.txt").write_text(_report(i, planted.get(i, "")), encoding="utf-8")


def _copied(out: Path) -> dict[str, list[str]]:
    found = {}
    for path in sorted(out.glob("r*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        quotes = [f["quote"] for f in data["findings"] if f["code"] == "quality.boilerplate"]
        if quotes:
            found[path.stem] = quotes
    return found


def _mtimes(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in out.glob("r*.json")}


class _Boom:
    """A pickle that, if ever loaded, leaves a file behind."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def test_a_pickle_where_the_fingerprints_were_is_never_loaded(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    _write(folder, {0: COPIED, 1: COPIED})
    marker = tmp_path / "ran"
    old = out / ".checklist" / "fingerprints"
    old.mkdir(parents=True)
    for name in ("r0", "r1", "r2"):
        (old / f"{name}.pickle").write_bytes(pickle.dumps(_Boom(marker)))
    summary = run_batch([str(folder)], out, jobs=1, formats=["json"])
    assert summary.ok and not marker.exists() and not old.exists()
    assert _copied(out) == {"r0": [COPIED], "r1": [COPIED]}


def test_damaged_fingerprints_are_recomputed(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    _write(folder, {0: COPIED, 1: COPIED})
    run_batch([str(folder)], out, jobs=1, formats=["json"])
    db = sqlite3.connect(out / ".checklist" / "cross.sqlite")
    db.execute("UPDATE prints SET exact = X'0102', minhash = 'text' WHERE name = 'r0'")
    db.execute("UPDATE prints SET sections = 'not json' WHERE name = 'r1'")
    db.commit()
    db.close()
    _write(folder, {0: COPIED, 1: COPIED, 3: COPIED}, n=4)  # a new report: the pass looks again
    run_batch([str(folder)], out, jobs=1, formats=["json"])
    assert _copied(out) == {"r0": [COPIED], "r1": [COPIED], "r3": [COPIED]}
    (out / ".checklist" / "cross.sqlite").write_bytes(b"no database at all" * 100)
    (folder / "r3.txt").unlink()
    summary = run_batch([str(folder)], out, jobs=1, formats=["json"])
    assert summary.ok
    assert {k: v for k, v in _copied(out).items() if k != "r3"} == {"r0": [COPIED], "r1": [COPIED]}


def test_an_unchanged_batch_writes_no_result_again(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    _write(folder, {0: COPIED, 1: COPIED})
    first = run_batch([str(folder)], out, jobs=1, formats=["json", "csv"])
    before, rows = _mtimes(out), list(first.rows)
    again = run_batch([str(folder)], out, jobs=1, formats=["json", "csv"])
    assert (again.audited, again.skipped) == (0, 3)
    assert _mtimes(out) == before and list(again.rows) == rows
    assert _copied(out) == {"r0": [COPIED], "r1": [COPIED]}


def test_a_new_report_updates_only_the_reports_it_shares_with(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    _write(folder, {0: COPIED, 1: COPIED}, n=4)
    run_batch([str(folder)], out, jobs=1, formats=["json"])
    before = _mtimes(out)
    (folder / "r4.txt").write_text(_report(4, COPIED), encoding="utf-8")
    summary = run_batch([str(folder)], out, jobs=1, formats=["json"])
    assert (summary.audited, summary.skipped) == (1, 4)
    assert _copied(out) == {"r0": [COPIED], "r1": [COPIED], "r4": [COPIED]}
    after = _mtimes(out)
    assert after["r2.json"] == before["r2.json"] and after["r3.json"] == before["r3.json"]
    rows = {r["output"]: r for r in summary.rows}
    assert rows["r0"]["copied_sentences"] == rows["r4"]["copied_sentences"] == 1
    # the copy removed from one report: the others' findings follow
    (folder / "r4.txt").write_text(_report(4), encoding="utf-8")
    (folder / "r1.txt").unlink()
    run_batch([str(folder)], out, jobs=1, formats=["json"])
    assert set(_copied(out)) <= {"r1"}  # r1.json is what is left of a report no longer in the batch


def test_the_cross_pass_runs_on_a_dask_cluster(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed", reason="the 'distributed' extra is not installed")
    folder, out = tmp_path / "in", tmp_path / "out"
    _write(folder, {0: COPIED, 1: COPIED})
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        summary = run_batch([str(folder)], out, formats=["json"], executor=client.get_executor())
    assert summary.ok and summary.audited == 3
    assert _copied(out) == {"r0": [COPIED], "r1": [COPIED]}


NEAR = "依托{town}老年活动中心建成“法治议事角”，聘请退休法官等3名乡贤每月15日坐班答疑。"
OTHER = "在{town}司法所设立“枫桥式”调解工作室，全年化解矛盾纠纷27件，回访率达到100%。"


def _batch_findings(out: Path) -> dict[str, list[tuple[str, str, int, int]]]:
    found = {}
    for path in sorted(out.glob("r*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        items = [(f["quote"], f["message"], f["start"], f["end"]) for f in data["findings"]]
        found[path.stem] = [
            i for i, f in zip(items, data["findings"], strict=True) if f["code"] == "quality.boilerplate"
        ]
    return {k: v for k, v in found.items() if v}


def _memory_findings(folder: Path) -> dict[str, list[tuple[str, str, int, int]]]:
    from checklist.crossreport.copied import boilerplate_across
    from checklist.reading import read

    docs = {str(p): read(str(p)) for p in sorted(folder.glob("r*.txt"))}
    found = boilerplate_across(docs)
    return {
        Path(k).stem: [(f.quote or "", f.message, f.start or 0, f.end or 0) for f in v] for k, v in found.items() if v
    }


def test_the_index_finds_what_the_search_in_memory_finds_run_after_run(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()

    def write(i: int, planted: str) -> None:
        town = f"{TOWNS[i]}{TOWNS[(i + 2) % 5]}"
        (folder / f"r{i}.txt").write_text(_report(i, planted.format(town=town)), encoding="utf-8")

    # verbatim copies, copies edited to each town's name (near copies), another copy
    plan = {0: COPIED, 1: COPIED, 2: NEAR, 3: NEAR, 4: NEAR + OTHER, 5: OTHER, 6: "", 7: NEAR}
    for i, planted in plan.items():
        write(i, planted)
    steps: list[Callable[[], object]] = [
        lambda: write(8, COPIED),  # a new report with a copy
        lambda: (folder / "r1.txt").unlink(),  # a report gone: r0's copy has no other writer left
        lambda: write(3, ""),  # a report's copy taken out
        lambda: write(6, OTHER + NEAR),  # a report that copied nothing copies two
    ]
    run_batch([str(folder)], out, jobs=1, formats=["json"])
    expected = _memory_findings(folder)
    assert len(expected) >= 5 and _batch_findings(out) == expected
    assert _unwritten(out) == {}
    for step in steps:
        step()
        run_batch([str(folder)], out, jobs=1, formats=["json"])
        current = {p.stem for p in folder.glob("r*.txt")}
        got = {k: v for k, v in _batch_findings(out).items() if k in current}
        assert got == _memory_findings(folder)
        # the sentences no report writes any more have left the index
        assert _unwritten(out) == {}


def _unwritten(out: Path) -> dict[str, int]:
    """Rows of the index about keys no report writes, by table (none when kept tidy)."""
    db = sqlite3.connect(out / ".checklist" / "cross.sqlite")
    try:
        written = "(SELECT DISTINCT exact FROM members)"
        found = {
            "groups": db.execute(f"SELECT count(*) FROM groups WHERE exact NOT IN {written}").fetchone()[0],
            "bands": db.execute(f"SELECT count(*) FROM bands WHERE exact NOT IN {written}").fetchone()[0],
            "near": db.execute(f"SELECT count(*) FROM near WHERE a NOT IN {written} OR b NOT IN {written}").fetchone()[
                0
            ],
            "unscanned": db.execute(f"SELECT count(*) FROM unscanned WHERE exact NOT IN {written}").fetchone()[0],
        }
    finally:
        db.close()
    return {table: n for table, n in found.items() if n}


def test_the_pass_needs_only_its_columns_of_the_rows(tmp_path: Path) -> None:
    from checklist.batch.cross import CROSS_COLUMNS, cross_reports, merged_lines, slim_rows, written
    from checklist.batch.rows import to_line

    folder, out = tmp_path / "in", tmp_path / "out"
    _write(folder, {0: COPIED, 1: COPIED})
    rows = list(run_batch([str(folder)], out, jobs=1, formats=["json"], cross=False).rows)
    slim = slim_rows(rows)
    before = written(slim)
    assert all(set(r) <= set(CROSS_COLUMNS) for r in slim) and len(str(slim)) < len(str(rows)) / 3
    cross_reports(out, slim, "zh", False, None)  # fingerprints made by the pass: the batch ran without it
    assert _copied(out) == {"r0": [COPIED], "r1": [COPIED]}
    lines = list(merged_lines(map(to_line, rows), slim, before))
    assert lines == [
        to_line(r | {k: d[k] for k in CROSS_COLUMNS[-3:] if k in d}) for r, d in zip(rows, slim, strict=True)
    ]
    back = [json.loads(line) for line in lines]
    assert [r["copied_sentences"] for r in back] == [1, 1, 0]
    assert [r["quality_findings"] for r in back[:2]] == [r["quality_findings"] + 1 for r in rows[:2]]
    assert all(b.keys() >= r.keys() for b, r in zip(back, rows, strict=True))


def test_a_worker_encodes_the_bucket_keys_the_search_computes() -> None:
    """The LSH keys a batch's worker computes with numpy (prints.encode) are the ones the
    search computes for a signature (prints.band_keys): were they not, a re-run would look
    in other buckets than the first run filled. Signatures of every value's extremes, and
    one key written twice (indexed once, at its first sentence)."""
    from array import array

    from checklist.batch.prints import band_keys, encode
    from checklist.crossreport.copied import Fingerprint

    rng = random.Random(7)
    sigs = [bytes([0xFF]) * 64, bytes(64), bytes(range(64)), *(rng.randbytes(64) for _ in range(50))]
    exact = array("Q", [2**64 - 1, 0, 2**63, *(rng.getrandbits(64) for _ in range(50)), 2**64 - 1])
    sigs.append(sigs[0])
    n = len(exact)
    prints = Fingerprint(
        "r", exact, b"".join(sigs), array("H", range(n)), array("I", range(2 * n)), array("i", [-1] * n), ()
    )
    enc = encode(prints)
    assert [g[0] for g in enc.groups] == [e - 2**64 if e >= 2**63 else e for e in exact[:-1]]
    assert [g[1] for g in enc.groups] == sigs[:-1]
    assert [list(b) for b in enc.bands] == [band_keys(s) for s in sigs[:-1]]
    assert json.loads(enc.exacts) == [*(g[0] for g in enc.groups), enc.groups[0][0]]


def test_merged_lines_are_the_lines_of_the_merged_rows() -> None:
    """A row the pass left alone keeps its line, a count it changed is changed in place, a
    column it added goes at the end, a line where the count stands twice is written again:
    always the bytes to_line writes for the merged row (0 and 0.0 are not the same)."""
    from checklist.batch.cross import merged_lines, written
    from checklist.batch.rows import to_line

    rows = [
        {"path": "a", "quality_findings": 2, "gaps": [{"title": "“甲”"}]},  # columns added
        {"path": "b", "quality_findings": 1, "copied_sentences": 0, "copied_share": 0.0},  # unchanged
        {"path": "c", "quality_findings": 1, "copied_sentences": 3, "copied_share": 0.5},  # changed
        {"path": "d", "quality_findings": 0, "copied_sentences": 0},  # 0 → 0.0, one added
        {"path": "e", "quality_findings": 4},  # a column changed, another added
        {"path": "f", "quality_findings": 1, "gaps": [{"n": 14}]},  # changed in place ("1," is no "14")
        {"path": "g", "gaps": [{"quality_findings": 1, "n": 2}], "quality_findings": 1},  # twice: parsed
    ]
    slim = [{k: v for k, v in r.items() if k != "gaps"} for r in rows]
    before = written(slim)
    slim[0] |= {"copied_sentences": 0, "copied_share": 0.0}
    slim[2] |= {"copied_sentences": 1, "copied_share": 0.25, "quality_findings": 2}
    slim[3] |= {"copied_sentences": 0.0, "copied_share": 0.0}
    slim[4] |= {"quality_findings": 5, "copied_sentences": 1}
    slim[5] |= {"quality_findings": 2, "copied_sentences": 0, "copied_share": 0.0}
    slim[6] |= {"quality_findings": 2}
    lines = [to_line(r) for r in rows]
    got = list(merged_lines(lines, slim, before))
    columns = ("copied_sentences", "copied_share", "quality_findings")  # in the order the pass adds them
    assert got == [to_line(r | {k: d[k] for k in columns if k in d}) for r, d in zip(rows, slim, strict=True)]
    assert got[1] is lines[1] and len(set(got) - set(lines)) == 6


def test_a_results_findings_are_cut_out_only_when_they_are_its_own(tmp_path: Path) -> None:
    """The pass rewrites a saved result's findings between its bytes before and after them:
    only the result's own findings (the last key but its warnings), never a nested
    object's, nor a key quoted inside a string; any other shape is left to the full
    parse (None)."""
    from checklist.batch.cross import _findings_cut

    path = tmp_path / "r.json"
    good = (
        '{"document":{"title":"甲镇报告","findings":[{"code":"x"}]},'
        '"findings":[{"code":"a","quote":"\\"findings\\":[1]乙镇"}],'
        '"warnings":["\\"findings\\":[]"]}'
    )
    path.write_text(good, encoding="utf-8")
    cut = _findings_cut(path)
    assert cut is not None
    before, found, after = cut
    assert found == [{"code": "a", "quote": '"findings":[1]乙镇'}]
    # the bytes before the findings are the file's own, not decoded and encoded again
    middle = json.dumps(found, ensure_ascii=False, separators=(",", ":"))
    assert before + f"{middle}{after}".encode() == good.encode("utf-8")
    # a carriage return (never in what a batch writes) is read as text is: made a newline
    path.write_bytes(good.replace("甲镇报告", "甲镇\r\n报告").encode("utf-8"))
    cut = _findings_cut(path)
    as_text = path.read_text(encoding="utf-8")  # (universal newlines)
    assert cut is not None and "\r" not in as_text
    assert cut[0].decode("utf-8") == as_text[: as_text.rfind('"findings":') + len('"findings":')]
    for bad in (
        good + "\n",  # not as a batch writes it
        '{"a":{"findings":[],"warnings":[]}}',  # a nested object's
        '{"findings": [], "warnings": []}',  # not compact
        '{"findings":[1],"warnings":[]}',
        '{"findings":[],"warnings":[1]}',
        '{"findings":[],"warnings":[],"x":1}',
        "not JSON",
    ):
        path.write_text(bad, encoding="utf-8")
        assert _findings_cut(path) is None, bad
    for damaged in (b'{"findings":[{"quote":"\xff"}],"warnings":[]}', b'{"x":"\xff\r","findings":[],"warnings":[]}'):
        path.write_bytes(damaged)  # not UTF-8: not of the shape, and no exception
        assert _findings_cut(path) is None, damaged
    assert _findings_cut(tmp_path / "missing.json") is None


def test_the_copied_share_is_of_the_sentences_compared(tmp_path: Path) -> None:
    """copied_share is the copied sentences over the sentences the report was compared by
    (one exact hash each in its fingerprint), not over twice as many; an output folder
    whose pass saved the halved share (format 1) has every share made again."""
    import checklist
    from checklist.crossreport.copied import fingerprint

    folder, out = tmp_path / "in", tmp_path / "out"
    _write(folder, {0: COPIED, 1: COPIED, 2: COPIED})
    summary = run_batch([str(folder)], out, jobs=1, formats=["json"])
    compared = {f"r{i}": len(fingerprint(checklist.read(folder / f"r{i}.txt"), "k").exact) for i in range(3)}
    assert all(n >= 2 for n in compared.values())  # the copy and sentences of their own
    shares = {r["output"]: r["copied_share"] for r in summary.rows}
    assert {r["output"]: r["copied_sentences"] for r in summary.rows} == {"r0": 1, "r1": 1, "r2": 1}
    assert shares == {name: round(1 / n, 3) for name, n in compared.items()}
    # the state a pass of format 1 left: the settings without a format, the halved shares
    db = sqlite3.connect(out / ".checklist" / "cross.sqlite")
    old_settings = json.dumps(["zh", False, None, checklist.__version__])  # language, html, standard, version
    db.execute("UPDATE meta SET v = ? WHERE k = 'pass'", (old_settings,))
    db.execute("UPDATE state SET share = share / 2")
    db.commit()
    db.close()
    again = run_batch([str(folder)], out, jobs=1, formats=["json"])
    assert again.skipped == 3 and {r["output"]: r["copied_share"] for r in again.rows} == shares


def test_a_message_counts_every_issuer_and_follows_a_new_one(tmp_path: Path) -> None:
    # a county's template sentence in 13 towns' reports: each report's message says 12
    # other issuers (a match lists the ten closest); a 14th town makes it 13 on all
    def town_report(i: int) -> str:
        own = "".join(random.Random(100 + i).choices(CHARS, k=40))  # each report's own sentences
        town = f"{TOWNS[i % 10]}{TOWNS[i // 10]}镇人民政府"  # (甲甲镇 … 丁乙镇: 14 issuers)
        return (
            f"{town}2023年法治政府建设年度报告\n县委依法治县办：\n"
            "一、2023年度推进法治政府建设的主要举措和成效\n"
            f"{own[:25]}。{COPIED}{own[10:38]}共{i + 3}次。\n"
            f"二、存在的不足和原因\n{own[5:30]}。\n三、2024年度主要安排\n{own[12:36]}。\n"
            f"{town}\n2024年1月15日\n"
        )

    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    for i in range(13):
        (folder / f"r{i:02d}.txt").write_text(town_report(i), encoding="utf-8")

    def counts() -> set[str]:
        found = set()
        for path in out.glob("r*.json"):
            data = json.loads(path.read_text(encoding="utf-8"))
            for f in data["findings"]:
                if f["code"] == "quality.boilerplate":
                    found.add(f["message"].split("等 ")[1].split(" 份")[0])
        return found

    run_batch([str(folder)], out, jobs=1, formats=["json"])
    assert counts() == {"12"}
    (folder / "r13.txt").write_text(town_report(13), encoding="utf-8")
    run_batch([str(folder)], out, jobs=1, formats=["json"])
    assert counts() == {"13"}


def test_a_run_without_the_pass_between_two_with_it(tmp_path: Path) -> None:
    # a report removed and another's copy taken out by a run with --no-cross: the next
    # pass must see both (it used to keep r2's old fingerprint, with the copy, and so
    # find the copy on r0 and on r2, at offsets of a text r2 no longer has)
    folder, out = tmp_path / "in", tmp_path / "out"
    _write(folder, {0: COPIED, 1: COPIED, 2: COPIED})
    run_batch([str(folder)], out, jobs=1, formats=["json"])
    (folder / "r1.txt").unlink()
    (folder / "r2.txt").write_text(_report(2), encoding="utf-8")  # its copy taken out
    run_batch([str(folder)], out, jobs=1, formats=["json"], cross=False)
    run_batch([str(folder)], out, jobs=1, formats=["json"])
    assert set(_copied(out)) <= {"r1"}  # r1.json is what is left of a report no longer in the batch
    assert _unwritten(out) == {}
    # and the copy put back: found again on both
    (folder / "r2.txt").write_text(_report(2, COPIED), encoding="utf-8")
    run_batch([str(folder)], out, jobs=1, formats=["json"], cross=False)
    run_batch([str(folder)], out, jobs=1, formats=["json"])
    assert {k: v for k, v in _copied(out).items() if k != "r1"} == {"r0": [COPIED], "r2": [COPIED]}
