"""The self-check web application: the page, the JSON API, its errors and its safety.

Most tests call the ASGI application in-process (Starlette's TestClient); the last ones
start ``checklist serve`` as a real process (tests/_server.py) to check start-up, the
loopback binding, the temporary folder and shutdown.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
import tempfile
import urllib.error
import urllib.request
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

import checklist.api
from _samples import REPORTS, SAMPLES, cli_audit
from _server import running_server
from checklist.cli import main
from checklist.limits import MB
from checklist.render.templating import asset, script_hash
from checklist.rules.bundled import shipped
from checklist.web import WebSettings, create_app, is_loopback, safe_label

INJECTION = Path(__file__).parent / "browser" / "injection.txt"


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(), base_url="http://127.0.0.1")


def _cli_json(folder: Path, name: str, *args: str) -> str:
    result = cli_audit(folder, name, *args)
    assert result.exit_code == 0, result.output
    return result.output


def _upload(client: TestClient, name: str, data: bytes, **fields: str) -> Any:
    return client.post("/api/audit", files={"file": (name, data, "application/octet-stream")}, data=fields)


def _error(response: Any, status: int, code: str | None = None) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()["error"]
    assert body["status"] == status and body["message"]
    if code is not None:
        assert body["code"] == code, body
    return str(body["message"])


# --------------------------------------------------------------------------- the page


def test_page_is_chinese_with_form_and_strict_policy(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "法治政府建设年度报告自查" in r.text and 'id="check-form"' in r.text
    for sid in shipped():
        assert f'<option value="{sid}">' in r.text
    policy = r.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy and "unsafe-eval" not in policy
    assert "http" not in policy  # nothing from elsewhere
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["cache-control"] == "no-store"
    assert "<script src" not in r.text and "<link" not in r.text
    # the page's one script is exactly the one the policy admits
    scripts = re.findall(r"<script>(.*?)</script>", r.text, re.S)
    assert len(scripts) == 1 and f"'{script_hash(scripts[0])}'" in policy
    assert script_hash(asset("report.js")) in policy  # the report shown in the page's frame


def test_page_in_english_on_request(client: TestClient) -> None:
    r = client.get("/?lang=en")
    assert '<html lang="en">' in r.text and "Self-check" in r.text and "自查" not in r.text.split("<body")[1][:600]
    assert 'href="?lang=zh"' in r.text and 'href="?lang=en"' in client.get("/").text


def test_standards_lists_the_shipped_ones(client: TestClient) -> None:
    r = client.get("/api/standards")
    assert r.status_code == 200
    got = r.json()
    assert [s["id"] for s in got["standards"]] == list(shipped())
    assert all(s["requirements"] > 0 and s["title"] and s["version"] for s in got["standards"])
    assert "auto" in got["auto"]


# --------------------------------------------------------------------------- audits


@pytest.mark.parametrize("name", SAMPLES)
def test_upload_gives_the_command_lines_json(client: TestClient, name: str) -> None:
    r = _upload(client, name, (REPORTS / name).read_bytes())
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    assert r.text == _cli_json(REPORTS, name)  # byte for byte


def test_docx_upload_and_profile_and_language(client: TestClient, tmp_path: Path) -> None:
    import docx

    name = SAMPLES[0]
    document = docx.Document()
    for line in (REPORTS / name).read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path / "draft.docx"
    document.save(str(path))
    r = _upload(client, "draft.docx", path.read_bytes(), standard="national", lang="en")
    assert r.status_code == 200
    assert json.loads(r.text) == json.loads(_cli_json(tmp_path, "draft.docx", "--standard", "national", "--lang", "en"))
    assert r.json()["document"]["format"] == "docx" and r.json()["lang"] == "en"


def test_pasted_text_as_form_and_as_json(client: TestClient) -> None:
    text = (REPORTS / SAMPLES[3]).read_text(encoding="utf-8")
    by_form = client.post("/api/audit", data={"text": text})
    by_json = client.post("/api/audit", json={"text": text})
    assert by_form.status_code == by_json.status_code == 200
    assert by_form.json() == by_json.json()
    assert by_form.json()["document"]["path"] == "粘贴的文字"
    expected = json.loads(_cli_json(REPORTS, SAMPLES[3]))
    for key in ("score", "counts", "requirements", "standard"):
        assert by_form.json()[key] == expected[key]


def test_html_and_both_formats(client: TestClient) -> None:
    data = (REPORTS / SAMPLES[1]).read_bytes()
    page = client.post("/api/audit?format=html", files={"file": (SAMPLES[1], data)})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert page.text.startswith("<!DOCTYPE html>") and "报告原文" in page.text  # the text is in the page
    both = client.post("/api/audit", files={"file": (SAMPLES[1], data)}, data={"format": "both"}).json()
    assert set(both) == {"result", "html"}
    assert both["result"] == json.loads(_cli_json(REPORTS, SAMPLES[1]))  # no text in the JSON
    assert both["html"] == page.text


def test_client_file_name_is_only_a_label(client: TestClient, tmp_path: Path) -> None:
    text = (REPORTS / SAMPLES[2]).read_bytes()
    r = _upload(client, "../../etc/passwd/..\\x\\报告.txt", text)
    assert r.status_code == 200 and r.json()["document"]["path"] == "报告.txt"
    assert safe_label("/abs/dir/a\x00b\x1f.docx", "zh") == "ab.docx"
    assert safe_label("../..", "zh") == "上传的文件" and safe_label(None, "en") == "uploaded file"
    assert safe_label(".hidden.txt", "zh") == "hidden.txt"


def test_standard_is_never_a_path(client: TestClient, tmp_path: Path) -> None:
    yaml_file = tmp_path / "evil.yaml"
    yaml_file.write_text("id: evil\nversion: '1'\ntitle: {zh: x}\nrequirements: []\n", encoding="utf-8")
    for ref in (str(yaml_file), "../standards/national.yaml", "national.yaml"):
        message = _error(client.post("/api/audit", data={"text": "报告", "standard": ref}), 400, "web.bad_standard")
        assert "auto" in message


# --------------------------------------------------------------------------- status codes


def _broken_docx() -> bytes:
    return b"PK\x03\x04" + b"\x00" * 200


def _excel() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.txt", b"", "error.empty"),
        ("blank.txt", b" \n\t\n", "error.empty"),
        ("broken.docx", _broken_docx(), None),
        ("broken.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 50, "error.pdf_corrupt"),
        ("latin.txt", "Ã¤Ã¶Ã¼ ".encode("latin-1") * 200, None),
    ],
)
def test_bad_file_is_400_with_the_command_lines_message(
    client: TestClient, tmp_path: Path, name: str, data: bytes, code: str | None
) -> None:
    message = _error(_upload(client, name, data), 400, code)
    (tmp_path / name).write_bytes(data)
    cli = cli_audit(tmp_path, name)
    assert cli.exit_code == 2
    assert cli.stderr.strip() == f"checklist: 错误：{message}"


@pytest.mark.parametrize(
    ("fields", "query", "code"),
    [
        ({}, "", "web.nothing"),
        ({"text": "   \n"}, "", "web.nothing"),
        ({"text": "报告", "standard": "provincial"}, "", "web.bad_standard"),
        ({"text": "报告", "lang": "fr"}, "", "web.bad_lang"),
        ({"text": "报告"}, "?format=pdf", "web.bad_format"),
    ],
)
def test_bad_request_is_400(client: TestClient, fields: dict[str, str], query: str, code: str) -> None:
    _error(client.post(f"/api/audit{query}", data=fields), 400, code)


def test_file_and_text_together_is_400(client: TestClient) -> None:
    r = client.post(
        "/api/audit", files={"file": ("a.txt", "关于2023年度法治政府建设情况的报告".encode())}, data={"text": "另一份"}
    )
    _error(r, 400, "web.both")


def test_malformed_json_and_form_are_400(client: TestClient) -> None:
    _error(
        client.post("/api/audit", content=b"{not json", headers={"content-type": "application/json"}),
        400,
        "web.bad_json",
    )
    _error(client.post("/api/audit", json=["a list"]), 400, "web.bad_json")
    _error(client.post("/api/audit", json={"text": 12}), 400, "web.bad_text")
    _error(
        client.post(
            "/api/audit", content=b"--x\r\nnonsense", headers={"content-type": "multipart/form-data; boundary=x"}
        ),
        400,
    )
    two = [("file", ("a.txt", b"a")), ("file", ("b.txt", b"b"))]
    _error(client.post("/api/audit", files=two), 400, "web.bad_form")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),  # by name
        ("report.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),  # by content
        ("sheet.xlsx", _excel()),
        ("sheet.docx", _excel()),
        ("archive.zip", b"PK\x03\x04"),
        ("tool.exe", b"MZ\x90\x00"),
    ],
)
def test_unsupported_type_is_415(client: TestClient, name: str, data: bytes) -> None:
    message = _error(_upload(client, name, data), 415)
    assert message.startswith(name + ":")


def test_other_media_type_is_415(client: TestClient) -> None:
    r = client.post("/api/audit", content="报告".encode(), headers={"content-type": "text/plain"})
    assert "text/plain" in _error(r, 415, "web.unsupported_media")
    _error(client.post("/api/audit", content=b"x"), 415, "web.unsupported_media")


def test_too_large_is_413_by_header_by_stream_and_by_text() -> None:
    small = TestClient(create_app(WebSettings(max_upload_bytes=1 * MB)), base_url="http://127.0.0.1")
    big = b"\xe6\xb3\x95" * (MB // 2)  # 1.5 MB of 法
    assert "1 MB" in _error(_upload(small, "big.txt", big), 413, "web.too_large")

    def chunks() -> Any:  # no Content-Length: refused while it arrives
        for _ in range(40):
            yield b"a" * 65536

    _error(
        small.post("/api/audit", content=chunks(), headers={"content-type": "multipart/form-data; boundary=x"}),
        413,
        "web.too_large",
    )
    # within the upload limit but over the limit on characters of text
    text = "关于2023年度法治政府建设情况的报告\n" + "推进依法行政。" * 150_000
    _error(
        TestClient(create_app(), base_url="http://127.0.0.1").post("/api/audit", data={"text": text}),
        413,
        "error.too_long",
    )


def test_unknown_route_and_method_are_json(client: TestClient) -> None:
    _error(client.get("/etc/passwd"), 404, "web.not_found")
    _error(client.get("/api/audit"), 405, "web.bad_method")
    _error(client.delete("/api/standards"), 405, "web.bad_method")


def test_a_bug_is_500_in_one_line_and_the_server_goes_on(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(checklist.api, "audit", boom)
    text = (REPORTS / SAMPLES[0]).read_text(encoding="utf-8")
    message = _error(client.post("/api/audit", data={"text": text}), 500, "error.internal")
    assert "RuntimeError: boom" in message and "Traceback" not in message
    monkeypatch.undo()
    assert client.post("/api/audit", data={"text": text}).status_code == 200


def test_hostile_bodies_are_json_errors(client: TestClient) -> None:
    deep = b"[" * 100_000
    _error(client.post("/api/audit", content=deep, headers={"content-type": "application/json"}), 400, "web.bad_json")
    lone = b'{"text": "\\u5173\\u4e8e2023\\ud800"}'  # a lone surrogate cannot be answered in UTF-8
    _error(client.post("/api/audit", content=lone, headers={"content-type": "application/json"}), 400, "web.bad_text")
    for field in ("lang", "standard", "format"):
        body = b'{"text": "abc", "' + field.encode() + b'": "\\ud800"}'
        r = client.post("/api/audit", content=body, headers={"content-type": "application/json"})
        assert r.status_code == 400 and r.json()["error"]["code"] == f"web.bad_{field}"
    r = _upload(client, "a\u202egpj\x9b31m.txt", (REPORTS / SAMPLES[0]).read_bytes())
    assert r.status_code == 200 and r.json()["document"]["path"] == "agpj31m.txt"  # bidi and C1 stripped


def test_an_unexpected_error_anywhere_is_one_json_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import checklist.web.form

    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(checklist.web.form, "_ask_from", boom)  # outside the audit's own try
    quiet = TestClient(create_app(), base_url="http://127.0.0.1", raise_server_exceptions=False)
    r = quiet.post("/api/audit", data={"text": "报告"})
    assert "RuntimeError: boom" in _error(r, 500, "error.internal")
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["cache-control"] == "no-store"


def test_405_says_what_is_allowed(client: TestClient) -> None:
    r = client.get("/api/audit")
    assert r.status_code == 405 and r.headers["allow"] == "POST"


def test_errors_in_english_on_request(client: TestClient) -> None:
    assert _error(_upload(client, "empty.txt", b"", lang="en"), 400) == "empty.txt: the file is empty"
    assert "choose a report file" in _error(client.post("/api/audit?lang=en", data={}), 400)


def test_other_hosts_and_foreign_pages_are_refused() -> None:
    # DNS rebinding: a page on another site whose name resolves to 127.0.0.1
    _error(TestClient(create_app(), base_url="http://evil.example").get("/"), 400, "web.bad_host")
    assert TestClient(create_app(), base_url="http://localhost:8000").get("/").status_code == 200
    assert TestClient(create_app(), base_url="http://[::1]:8000").get("/").status_code == 200
    other = TestClient(create_app(WebSettings(allowed_hosts=("127.0.0.2",))), base_url="http://127.0.0.2:8000")
    assert other.get("/").status_code == 200  # serve --host 127.0.0.2 allows its own address
    # a page of another site posting to this one: the browser names it in Origin
    app = TestClient(create_app(), base_url="http://127.0.0.1:8000")
    text = (REPORTS / SAMPLES[0]).read_text(encoding="utf-8")
    _error(
        app.post("/api/audit", data={"text": text}, headers={"origin": "https://evil.example"}),
        403,
        "web.foreign_origin",
    )
    # a sandboxed frame on another site posts with Origin: null (and the browser says cross-site)
    _error(app.post("/api/audit", data={"text": text}, headers={"origin": "null"}), 403, "web.foreign_origin")
    _error(
        app.post("/api/audit", data={"text": text}, headers={"sec-fetch-site": "cross-site"}), 403, "web.foreign_origin"
    )
    assert app.post("/api/audit", data={"text": text}, headers={"origin": "http://127.0.0.1:8000"}).status_code == 200
    assert (
        app.post(
            "/api/audit",
            data={"text": text},
            headers={"origin": "http://127.0.0.1:8000", "sec-fetch-site": "same-origin"},
        ).status_code
        == 200
    )
    public = TestClient(create_app(WebSettings(allowed_hosts=("*",))), base_url="http://192.0.2.7:8000")
    _error(
        public.post("/api/audit", data={"text": text}, headers={"origin": "https://evil.example"}),
        403,
        "web.foreign_origin",
    )  # on the network too
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert is_loopback("LOCALHOST") and is_loopback("127.1") and is_loopback("[::1]")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.com")


def test_injection_fixture_is_escaped(client: TestClient) -> None:
    both = client.post(
        "/api/audit", files={"file": ("inject.txt", INJECTION.read_bytes())}, data={"format": "both"}
    ).json()
    page = both["html"]
    assert "<script>window.__pwned" not in page and "<img src=x onerror" not in page
    assert "&lt;script&gt;" in page


def test_every_bad_input_of_the_hostile_corpus(client: TestClient, tmp_path: Path) -> None:
    """Each file of tests/hostile's corpus, uploaded: audited when the command line audits
    it, else a 4xx whose message is the command line's (a type refused by name aside)."""
    from hostile.make_corpus import build

    seen = set()
    for name, path, _ in build(tmp_path, big=False):
        if not path.is_file() or name.startswith(("standard-", "waiver-")) or name == "unreadable":
            continue  # nothing to upload: not a report file, or the server has no such case
        r = _upload(client, path.name, path.read_bytes())
        cli = cli_audit(path.parent, path.name)
        seen.add(r.status_code)
        if cli.exit_code == 0:
            assert r.status_code == 200 and r.text == cli.stdout, name
            continue
        assert r.status_code in (400, 413, 415), (name, r.text)
        if r.json()["error"]["code"] != "web.unsupported_type":
            assert f"checklist: 错误：{r.json()['error']['message']}" == cli.stderr.strip(), name
    assert {200, 400, 413, 415} <= seen, seen


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2048), name=st.sampled_from(["a.txt", "a.docx", "a.pdf", "a.html", "a", "a.doc"]))
def test_any_upload_gets_a_result_or_a_json_error(client: TestClient, data: bytes, name: str) -> None:
    r = _upload(client, name, data)
    assert r.status_code in (200, 400, 413, 415), r.text
    body = r.json()
    if r.status_code == 200:
        assert 0 <= body["score"] <= 100
    else:
        assert body["error"]["status"] == r.status_code and body["error"]["message"]


def test_nothing_is_left_in_the_temporary_folder(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import docx

    from checklist.ingest.readers import legacy

    # A stand-in for LibreOffice (the real one: tests/readers/test_legacy_libreoffice.py): it
    # writes the converted file where asked, inside the work folder the reader makes under
    # tempfile's folder, so a reader that forgot to clean up would leave it behind.
    document = docx.Document()
    for line in (REPORTS / SAMPLES[4]).read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    converted = tmp_path / "converted.docx"
    document.save(str(converted))
    fake = tmp_path / "soffice"
    fake.write_text(
        f"#!{sys.executable}\nimport os, shutil, sys\n"
        "out = sys.argv[sys.argv.index('--outdir') + 1]\nos.makedirs(out, exist_ok=True)\n"
        f"shutil.copy({str(converted)!r}, out + '/input.docx')\n",
        encoding="utf-8",
    )
    fake.chmod(0o755)
    monkeypatch.setattr(legacy, "_converter", lambda: str(fake))
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))

    assert _upload(client, "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504).status_code == 200
    sample = (REPORTS / SAMPLES[4]).read_bytes()
    padded = sample + b"\n" * (3 * MB)  # multipart spills parts over 1 MB to a temporary file
    for data in (sample, padded, b"", b"\x89PNG\r\n\x1a\n"):
        _upload(client, "r.txt", data)
    assert list(scratch.iterdir()) == []


def test_readme_documents_every_route_and_status() -> None:
    readme = (REPORTS.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Self-check page", 1)[1].split("\n### ", 1)[0]
    for route in create_app().routes:
        path = getattr(route, "path", "")
        if path.startswith("/api/"):
            assert path in section, path
    for status in ("400", "403", "413", "415", "404", "405", "503", "500"):
        assert f"`{status}`" in section, status
    help_text = CliRunner().invoke(main, ["serve", "--help"]).output
    for option in ("--host", "--port", "--max-upload-mb", "--lang", "--open"):
        assert option in help_text and option in section, option


# --------------------------------------------------------------------------- the real server


def _get(url: str, timeout: float = 10) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _post_file(url: str, name: str, data: bytes) -> tuple[int, dict[str, Any]]:
    boundary = "checklist-test-boundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(
        url + "api/audit",
        data=body,
        method="POST",
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_serve_starts_on_loopback_answers_and_cleans_up(tmp_path: Path) -> None:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    with running_server(tmp) as server:
        assert server.url.startswith("http://127.0.0.1:")
        assert any("只接受本机访问" in line for line in server.stdout)
        status, page = _get(server.url)
        assert status == 200 and "检查".encode() in page
        private = list(tmp.iterdir())
        assert len(private) == 1 and private[0].name.startswith("checklist-serve-")
        assert private[0].stat().st_mode & 0o077 == 0  # only this user
        sample = (REPORTS / SAMPLES[0]).read_bytes()
        for data in (sample, sample + b"\n" * (2 * MB), b""):
            _post_file(server.url, "r.txt", data)
        status, body = _post_file(server.url, SAMPLES[0], sample)
        assert status == 200 and body == json.loads(_cli_json(REPORTS, SAMPLES[0]))
        assert list(private[0].iterdir()) == []  # nothing left after the requests
        server.process.terminate()
        assert server.process.wait(timeout=10) == 0
    assert list(tmp.iterdir()) == []  # the private folder is gone with the server
    assert not any("Traceback" in line for line in server.stderr), server.stderr
    assert any("已停止" in line for line in server.stdout)


def test_serve_on_all_interfaces_warns(tmp_path: Path) -> None:
    with running_server(tmp_path, "--host", "0.0.0.0", "--lang", "en") as server:
        assert any("other computers on the network" in line for line in server.stdout), server.stdout
        port = server.url.rsplit(":", 1)[1].rstrip("/")
        assert _get(f"http://127.0.0.1:{port}/api/standards")[0] == 200


def test_serve_port_in_use_is_a_one_line_error(tmp_path: Path) -> None:
    before = tempfile.gettempdir(), os.environ.get("TMPDIR")
    with running_server(tmp_path) as server:
        port = server.url.rsplit(":", 1)[1].rstrip("/")
        result = CliRunner().invoke(main, ["serve", "--port", port])
        assert result.exit_code == 2
        assert result.stderr.startswith("checklist: 无法监听 127.0.0.1:" + port) and "Traceback" not in result.stderr
    # the command run in this process put this process's temporary folder back
    assert (tempfile.gettempdir(), os.environ.get("TMPDIR")) == before and Path(before[0]).is_dir()


def test_serve_in_process_stops_on_sigterm_and_restores_the_signal_handlers() -> None:
    # in a process of its own: a test session may already run an event loop (playwright's)
    script = """
import os, signal
from checklist.web import serve

def mine(signum, frame):
    raise SystemExit("the caller's handler ran while the server was up")

signal.signal(signal.SIGTERM, mine)
seen = []

def ready(url):
    seen.append(url)
    os.kill(os.getpid(), signal.SIGTERM)  # as a service manager would

serve("127.0.0.1", 0, ready=ready)
assert seen and seen[0].startswith("http://127.0.0.1:"), seen
assert signal.getsignal(signal.SIGTERM) is mine, signal.getsignal(signal.SIGTERM)
print("restored")
"""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "restored", done.stderr


def test_libreoffice_that_cannot_start_is_503(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from checklist.ingest.readers import legacy

    monkeypatch.setattr(legacy, "_converter", lambda: "/nonexistent/soffice")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    message = _error(_upload(client, "old.doc", ole), 503, "error.soffice_start")
    assert message.startswith("old.doc: 无法启动 LibreOffice")
