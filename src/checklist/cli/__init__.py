"""The ``checklist`` command line.

Exit codes: 0 success; 1 the self-check policy failed (``check``) or an example of a
standard got the wrong status (``standards test``); 2 a usage, standard or input error
(one line on stderr naming the file and the problem; with several files the others are
still processed).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from checklist import __version__
from checklist.errors import ChecklistError
from checklist.ingest.readers import SCANNED_SUFFIXES

EXIT_OK, EXIT_FAIL, EXIT_ERROR = 0, 1, 2
LANG = click.Choice(["zh", "en"])


def _fail(message: str) -> NoReturn:
    click.echo(f"checklist: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _error(exc: ChecklistError, lang: str = "zh") -> None:
    """One line on stderr: the file and the problem, in ``lang`` where the catalogue has it."""
    from checklist.errors import InputError
    from checklist.messages import t

    text = exc.localized(lang) if isinstance(exc, InputError) else str(exc)
    click.echo(f"checklist: {t('text.error', lang)}{text}", err=True)


def _internal(path: str, exc: Exception, lang: str = "zh") -> None:
    """A bug met on one file: say so in one line (the traceback helps nobody reading it)."""
    from checklist.messages import t

    click.echo(f"checklist: {t('text.internal', lang, path=path, kind=type(exc).__name__, detail=exc)}", err=True)


def expand(paths: Iterable[str]) -> list[str]:
    """Files given directly, and report files found (recursively) in folders given."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(str(f) for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SCANNED_SUFFIXES)
            if not found:
                out.append(p)  # reported as an input error by the reader
            out.extend(found)
        else:
            out.append(p)
    return out


def _write(text: str, output: str | None) -> None:
    if output in (None, "-"):
        click.echo(text, nl=False)
        return
    target = Path(str(output))
    tmp = target.with_name(target.name + ".tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
    except OSError as exc:
        _fail(f"无法写入 {output}：{exc.strerror or exc}")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="checklist")
def main() -> None:
    """审查法治政府建设年度报告：checklist audits annual rule-of-law government reports.

    \b
    Exit codes: 0 ok; 1 self-check failed / example mismatch; 2 usage, standard or input error.
    """


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
@click.option("--input-format", type=click.Choice(["txt", "html", "docx", "pdf", "doc"]),
              help="Force the reader instead of sniffing the content.")
@click.option("--t2s", is_flag=True, help="Convert traditional to simplified characters (needs opencc).")
def inspect(files: Sequence[str], fmt: str, input_format: str | None, t2s: bool) -> None:
    """Print metadata and outline of each report (FILE... or folders)."""
    from checklist.reading import read

    status = EXIT_OK
    docs: list[dict[str, Any]] = []
    for path in expand(files):
        try:
            doc = read(path, format=input_format, to_simplified=t2s)
        except ChecklistError as exc:
            _error(exc)
            status = EXIT_ERROR
            continue
        except Exception as exc:  # a bug: one line, exit 2, the other files go on
            _internal(path, exc)
            status = EXIT_ERROR
            continue
        if fmt == "json":
            docs.append(doc.to_dict())
            continue
        d = doc.metadata_dict()
        click.echo(f"== {path}")
        for key in ("format", "encoding", "title", "issuer", "level", "year", "date", "published", "addressee"):
            click.echo(f"  {key:10} {d[key] if d[key] is not None else '—'}")
        click.echo("  outline:")
        for s in doc.sections:
            click.echo("    " + "  " * (s.level - 1) + s.heading)
        if doc.removed:
            reasons = "、".join(t_msg(f"removed.{code}", "zh") for code in sorted({r.reason for r in doc.removed}))
            click.echo(f"  removed:   {len(doc.removed)} 行网页杂项（{reasons}）")
    if fmt == "json" and docs:
        click.echo(json.dumps(docs[0] if len(docs) == 1 else docs, ensure_ascii=False, indent=2))
    sys.exit(status)


def _load_waivers(waivers: str | None, lang: str = "zh") -> list[Any]:
    if not waivers:
        return []
    from checklist.rules.waivers import load_waivers

    try:
        return load_waivers(waivers)
    except ChecklistError as exc:
        _error(exc, lang)
        sys.exit(EXIT_ERROR)


def _standard(ref: str | None, lang: str = "zh") -> Any:
    if ref is None:
        return None
    from checklist.rules.standard import load_standard

    try:
        return load_standard(ref)
    except ChecklistError as exc:
        _error(exc, lang)
        sys.exit(EXIT_ERROR)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--standard", "-s", help="Standard id (national, township, department) or YAML file. "
              "Default: chosen from the issuer's level.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl", "markdown", "table", "html"]),
              default="text", show_default=True,
              help="Output format. html: one page per report; several reports need -o FILE.html or -o DIR/ "
              "(an overview page, index.html by default, and a page per report beside it).")
@click.option("-o", "--output", help="Write to this file instead of standard output.")
@click.option("--lang", type=LANG, default="zh", show_default=True, help="Language of messages.")
@click.option("--waivers", type=click.Path(dir_okay=False), help="YAML file of waivers.")
@click.option("--input-format", type=click.Choice(["txt", "html", "docx", "pdf", "doc"]),
              help="Force the reader instead of sniffing the content.")
@click.option("--keep-text", is_flag=True,
              help="Keep the report's text in the result (json, jsonl), so `checklist render` can show it.")
def audit(paths: Sequence[str], standard: str | None, fmt: str, output: str | None, lang: str,
          waivers: str | None, input_format: str | None, keep_text: bool) -> None:
    """Audit reports (PATH... files or folders) against a standard."""
    from checklist.api import audit as run
    from checklist.render import RENDERERS

    std = _standard(standard, lang)
    waiver_list = _load_waivers(waivers, lang)
    results = []
    status = EXIT_OK
    keep = keep_text or fmt == "html"
    for path in expand(paths):
        try:
            results.append(run(Path(path), std, lang=lang, waivers=waiver_list, format=input_format,
                               keep_text=keep))
        except ChecklistError as exc:
            _error(exc, lang)
            status = EXIT_ERROR
        except Exception as exc:  # a bug: one line, exit 2, the other files go on
            _internal(path, exc, lang)
            status = EXIT_ERROR
    if results and fmt == "html":
        _write_html(results, output, lang)
    elif results:
        _write(RENDERERS[fmt](results, lang), output)
    sys.exit(status)


def _write_html(results: Sequence[Any], output: str | None, lang: str | None) -> None:
    """One page to ``output`` (or stdout); several: an overview and a page per report."""
    from checklist.render.html import INDEX_NAME, html_files, render_report

    target = Path(output) if output not in (None, "-") else None
    is_dir = target is not None and (target.is_dir() or str(output).endswith(("/", "\\")))
    if len(results) == 1 and not is_dir:
        _write(render_report(results[0], lang), output)
        return
    if target is None:
        _fail("多份报告的 HTML 需要用 -o 指定总览页文件（如 -o out/index.html）或目录（如 -o out/）")
    if is_dir:
        folder, index = target, INDEX_NAME
    else:
        folder, index = target.parent, target.name
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _fail(f"无法创建目录 {folder}：{exc.strerror or exc}")
    if len(results) == 1:
        from checklist.render.html import page_names

        name = page_names(results)[0]
        _write(render_report(results[0], lang), str(folder / name))
        return
    for name, page in html_files(results, lang, index_name=index).items():
        _write(page, str(folder / name))


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("-o", "--output", help="Write to this file (several results: the overview page, or a folder "
              "ending in /), instead of standard output.")
@click.option("--format", "fmt", type=click.Choice(["html", "text", "markdown", "json", "jsonl", "table"]),
              default="html", show_default=True, help="Output format.")
@click.option("--lang", type=LANG, default=None, help="Language of the page (default: the result's).")
def render(files: Sequence[str], output: str | None, fmt: str, lang: str | None) -> None:
    """Re-render saved results (RESULT.json..., from audit --format json/jsonl) without re-auditing.

    \b
    One result: its page. Several (several files, a JSON array or JSON lines): an overview
    page linking to a page per report, written beside it: -o out/index.html or -o out/.
    Save with `audit --format json --keep-text` to include the report's text.
    """
    from checklist.render import RENDERERS

    results: list[Any] = []
    status = EXIT_OK
    for f in files:
        try:
            results.extend(_load_results(f))
        except ChecklistError as exc:
            _error(exc)
            status = EXIT_ERROR
    if results and fmt == "html":
        _write_html(results, output, lang)
    elif results:
        _write(RENDERERS[fmt](results, lang or results[0].lang), output)
    sys.exit(status)


def _load_results(path: str) -> list[Any]:
    """Audit results saved as one JSON object, an array, or JSON lines."""
    from pydantic import ValidationError

    from checklist.errors import InputError
    from checklist.rules.result import SCHEMA_VERSION, AuditResult

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(path, "文件不存在") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"无法读取：{exc}") from None
    try:
        data = json.loads(text)
        items = data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        try:
            items = [json.loads(line) for line in text.splitlines() if line.strip()]
        except json.JSONDecodeError as exc:
            raise InputError(path, f"不是 JSON 或 JSON Lines：第 {exc.lineno} 行第 {exc.colno} 列") from None
    out = []
    for n, item in enumerate(items, 1):
        where = f"第 {n} 个结果" if len(items) > 1 else "审查结果"
        if not isinstance(item, dict) or "schema_version" not in item:
            raise InputError(path, f"{where}不是 checklist audit 的 JSON 结果")
        if item["schema_version"] != SCHEMA_VERSION:
            raise InputError(path, f"{where}的 schema_version 为 {item['schema_version']}，"
                                   f"本版本只读 {SCHEMA_VERSION}")
        item.pop("check", None)  # `check --format json` adds its verdict
        try:
            out.append(AuditResult.model_validate(item))
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = ".".join(str(x) for x in first["loc"])
            raise InputError(path, f"{where}格式不对：{loc}：{first['msg']}") from None
    if not out:
        raise InputError(path, "没有审查结果")
    return out


@main.command()
@click.argument("path")
@click.option("--standard", "-s", help="Standard id or YAML file (default: by the issuer's level).")
@click.option("--min-score", type=click.FloatRange(0, 100), default=None,
              help="Fail when the score is below this.")
@click.option("--fail-on", type=click.Choice(["critical", "major", "minor", "never"]), default="critical",
              show_default=True, help="Fail when a requirement of this severity or higher is not met.")
@click.option("--lang", type=LANG, default="zh", show_default=True)
@click.option("--waivers", type=click.Path(dir_okay=False), help="YAML file of waivers.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def check(path: str, standard: str | None, min_score: float | None, fail_on: str, lang: str,
          waivers: str | None, fmt: str) -> None:
    """Pre-submission self-check of one report: exit 0 passes, 1 fails, 2 error."""
    from checklist.api import audit as run
    from checklist.messages import t
    from checklist.render import RENDERERS
    from checklist.rules.standard import SEVERITY_ORDER

    std = _standard(standard, lang)
    waiver_list = _load_waivers(waivers, lang)
    try:
        result = run(Path(path), std, lang=lang, waivers=waiver_list)
    except ChecklistError as exc:
        _error(exc, lang)
        sys.exit(EXIT_ERROR)
    except Exception as exc:  # a bug: one line and exit 2, never a traceback
        _internal(path, exc, lang)
        sys.exit(EXIT_ERROR)
    reasons = []
    if min_score is not None and result.score < min_score:
        reasons.append(t("text.check_reason_score", lang, score=f"{result.score:.1f}", min=f"{min_score:g}"))
    if fail_on != "never":
        floor = SEVERITY_ORDER[fail_on]
        failing = [r for r in result.requirements
                   if r.status in ("missing", "partial") and r.waived is None
                   and SEVERITY_ORDER[r.severity] >= floor and r.weight > 0]
        if failing:
            reasons.append(t("text.check_reason_severity", lang, severity=t(f"severity.{fail_on}", lang),
                             ids="、".join(r.id for r in failing)))
    if fmt == "json":
        data = result.model_dump(mode="json")
        data["check"] = {"passed": not reasons, "reasons": reasons}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(RENDERERS["text"]([result], lang), nl=False)
        click.echo("")
        click.echo(t("text.check_fail" if reasons else "text.check_pass", lang)
                   + ("：" + "；".join(reasons) if reasons else ""))
    sys.exit(EXIT_FAIL if reasons else EXIT_OK)


@main.group()
def standards() -> None:
    """List, show, validate and test standards."""


@standards.command("list")
def standards_list() -> None:
    """List the shipped standards."""
    from checklist.rules.bundled import shipped
    from checklist.rules.standard import load_standard

    for sid in shipped():
        try:
            std = load_standard(sid)
        except ChecklistError as exc:
            _error(exc)
            continue
        base = f" extends {std.extends}" if std.extends else ""
        click.echo(f"{std.id:12} {std.version:8} {len(std.requirements):3} 项  {std.title.zh}{base}")


@standards.command("show")
@click.argument("ref")
@click.option("--lang", type=LANG, default="zh", show_default=True)
def standards_show(ref: str, lang: str) -> None:
    """Show the requirements of a standard (id or YAML file)."""
    std = _standard(ref)
    click.echo(f"{std.id} {std.version}  {std.title.get(lang)}")
    if std.extends:
        click.echo(f"extends: {std.extends}")
    for b in std.basis:
        click.echo(f"  依据 {b.label()}")
    for r in std.requirements:
        applies = "" if r.applies is True else ("  [不适用]" if r.applies is False else "  [有条件]")
        click.echo(f"  {r.id:34} {r.severity:8} {r.weight:>4g}  {r.title.get(lang)}{applies}")


@standards.command("validate")
@click.argument("files", nargs=-1, required=True)
def standards_validate(files: Sequence[str]) -> None:
    """Validate standard files: exit 0 if all are valid, 2 otherwise."""
    from checklist.rules.standard import load_standard

    status = EXIT_OK
    for f in files:
        try:
            std = load_standard(f)
            click.echo(f"{f}: 有效（{std.id} {std.version}，{len(std.requirements)} 项要求）")
        except ChecklistError as exc:
            _error(exc)
            status = EXIT_ERROR
    sys.exit(status)


@standards.command("test")
@click.argument("refs", nargs=-1)
def standards_test(refs: Sequence[str]) -> None:
    """Run every requirement's examples (all shipped standards by default)."""
    from checklist.api import example_failures
    from checklist.rules.bundled import shipped
    from checklist.rules.standard import load_standard

    status = EXIT_OK
    for ref in refs or list(shipped()):
        try:
            std = load_standard(ref)
        except ChecklistError as exc:
            _error(exc)
            status = EXIT_ERROR
            continue
        total = sum(len(r.examples) for r in std.requirements if r.applies is not False)
        failures = example_failures(std)
        for f in failures:
            click.echo(f"FAIL {f}")
        click.echo(f"{std.id}: {total - len(failures)} passed, {len(failures)} failed")
        if failures and status == EXIT_OK:
            status = EXIT_FAIL
    sys.exit(status)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "-o", "out", required=True, type=click.Path(file_okay=False),
              help="Folder for the results (created if needed).")
@click.option("--standard", "-s", help="Standard id or YAML file (default: by each issuer's level).")
@click.option("--jobs", "-j", type=click.IntRange(1, 256), default=None,
              help="Worker processes (default: the number of cores).")
@click.option("--format", "formats", default="csv,xlsx,html", show_default=True,
              help="Comma-separated extras besides the per-report JSON: html, csv, xlsx (or json alone).")
@click.option("--force", is_flag=True, help="Audit again even the reports that are unchanged since the last run.")
@click.option("--cross/--no-cross", default=True, show_default=True,
              help="Find text copied between issuers and compare the years of one issuer.")
@click.option("--min-score", type=click.FloatRange(0, 100), default=None, help="Exit 1 if a report scores below.")
@click.option("--fail-on", type=click.Choice(["critical", "major", "minor", "never"]), default="never",
              show_default=True, help="Exit 1 if a report has a gap of this severity or higher.")
@click.option("--lang", type=LANG, default="zh", show_default=True)
def batch(inputs: Sequence[str], out: str, standard: str | None, jobs: int | None, formats: str, force: bool,
          cross: bool, min_score: float | None, fail_on: str, lang: str) -> None:
    """Audit many reports (files, folders, globs) into a folder, in parallel and incrementally.

    \b
    Writes OUT/<name>.json (+ .html) per report, OUT/summary.csv, summary.xlsx, index.html
    and OUT/errors.csv; with --cross (default) text copied between issuers
    (quality.boilerplate) and OUT/compare/ for issuers with several years. Unchanged
    reports (same content, standard and tool version) are skipped on a re-run. Exit 2
    if any input failed, else 1 if a report fails the policy (--min-score / --fail-on,
    as in `check`), else 0.
    """
    from checklist.batch import FORMATS, fails_policy, run_batch

    wanted = [f.strip() for f in formats.split(",") if f.strip()]
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown:
        _fail(f"未知的输出格式 {', '.join(unknown)}（可用：{', '.join(FORMATS)}）")
    std = _standard(standard, lang)
    del std  # validated here, loaded again by name in each worker
    progress = _progress_reporter()
    try:
        summary = run_batch(list(inputs), Path(out), standard=standard, jobs=jobs, formats=wanted,
                            force=force, lang=lang, progress=progress, cross=cross)
    except ChecklistError as exc:
        _error(exc, lang)
        sys.exit(EXIT_ERROR)
    finally:
        progress(-1, -1)
    for e in summary.errors:
        click.echo(f"checklist: {t_msg('text.error', lang)}{e.message}", err=True)
    click.echo(t_msg("batch.counts", lang, inputs=summary.inputs, audited=summary.audited,
                     skipped=summary.skipped, errors=len(summary.errors), out=out))
    if not summary.ok:  # pragma: no cover - a bug: inputs must equal results + errors
        _fail("inputs ≠ results + errors")
    if summary.errors:
        sys.exit(EXIT_ERROR)
    failing = any(fails_policy(r, min_score, fail_on) for r in summary.rows)
    sys.exit(EXIT_FAIL if failing else EXIT_OK)


def t_msg(key: str, lang: str, **args: Any) -> str:
    """A catalogue message (imported lazily to keep start-up light)."""
    from checklist.messages import t

    return t(key, lang, **args)


def _progress_reporter() -> Any:
    """A progress callback: a rich bar with rate and ETA on a terminal, else plain lines."""
    state: dict[str, Any] = {}

    def report(done: int, total: int) -> None:
        if done < 0:
            bar = state.get("bar")
            if bar is not None:
                bar.stop()
            return
        if sys.stderr.isatty():
            if "bar" not in state:
                from rich.progress import (
                    BarColumn,
                    MofNCompleteColumn,
                    Progress,
                    TextColumn,
                    TimeRemainingColumn,
                )

                bar = Progress(TextColumn("审查"), BarColumn(), MofNCompleteColumn(),
                               TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), transient=True)
                bar.start()
                state["bar"] = bar
                state["task"] = bar.add_task("batch", total=total, rate="")
                import time

                state["t0"] = time.perf_counter()
                state["first"] = done
            import time

            elapsed = max(time.perf_counter() - state["t0"], 1e-6)
            rate = (done - state["first"]) / elapsed
            state["bar"].update(state["task"], completed=done, rate=f"{rate:,.0f}/s")
            return
        step = max(1, total // 10)
        if done == total or (done and done % step == 0 and state.get("last") != done):
            state["last"] = done
            click.echo(f"checklist: {done}/{total}", err=True)

    return report



@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. The default lets only this computer connect; 0.0.0.0 opens the page "
              "to the network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port, printed at start).")
@click.option("--max-upload-mb", default=20, show_default=True, type=click.IntRange(1, 1024),
              help="Largest report file accepted, in MB (larger uploads get HTTP 413).")
@click.option("--lang", type=LANG, default="zh", show_default=True,
              help="Language of the page (also ?lang=en in the address) and of these messages.")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser.")
def serve(host: str, port: int, max_upload_mb: int, lang: str, open_browser: bool) -> None:
    """Run the self-check page for report authors: drop in a draft, see what is missing.

    \b
    A local web application (needs the web extra: pip install 'checklist[web]'):
      GET  /                the page
      POST /api/audit       a report as multipart `file` or `text` -> the JSON of `audit --format json`
      GET  /api/standards   the shipped standards
    Uploads are processed in memory (or a private temporary folder removed at exit) and never
    stored. Stops on Ctrl+C.
    """
    import importlib.util

    for module in ("starlette", "uvicorn", "python_multipart"):
        if importlib.util.find_spec(module) is None:
            _fail(t_msg("serve.needs_extra", lang, module=module))
    import os
    import shutil
    import tempfile

    from checklist.limits import MB
    from checklist.web import LOOPBACK_HOSTS, WebSettings, is_loopback
    from checklist.web import serve as run

    local = is_loopback(host)
    bound = f"[{host.strip('[]')}]" if ":" in host else host.lower()  # as a Host header names it
    settings = WebSettings(max_upload_bytes=max_upload_mb * MB, lang=lang,
                           allowed_hosts=(*LOOPBACK_HOSTS, bound) if local else ("*",),
                           log=lambda line: click.echo(f"checklist: {line}", err=True))

    def ready(url: str) -> None:
        click.echo(t_msg("serve.listening", lang, url=url))
        click.echo(t_msg("serve.local_only" if local else "serve.public", lang, host=host))
        sys.stdout.flush()
        if open_browser:
            import webbrowser

            # a browser cannot open the "any address" a server listens on
            webbrowser.open(url.replace("//0.0.0.0:", "//127.0.0.1:").replace("//[::]:", "//[::1]:"))

    # Multipart parts over 1 MB and LibreOffice's conversions go to a temporary folder of
    # the server's own (mode 0700), removed when it stops; what was there before is put
    # back, so a caller running the command in its own process keeps its temporary folder.
    private = tempfile.mkdtemp(prefix="checklist-serve-")
    saved = tempfile.tempdir, {name: os.environ.get(name) for name in ("TMPDIR", "TEMP", "TMP")}
    tempfile.tempdir = private
    for name in saved[1]:  # for LibreOffice too (TEMP/TMP on Windows)
        os.environ[name] = private
    try:
        run(host, port, settings, ready=ready)
    except OSError as exc:
        _fail(t_msg("serve.port_busy", lang, host=host, port=port, reason=exc.strerror or exc))
    finally:
        tempfile.tempdir = saved[0]
        for name, value in saved[1].items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        shutil.rmtree(private, ignore_errors=True)
    click.echo(t_msg("serve.stopped", lang))


def _register_compare() -> None:
    from checklist.cli.compare import compare

    main.add_command(compare)


_register_compare()
