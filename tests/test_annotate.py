"""``checklist annotate``: the author's own .docx back with the review as Word comments.

Every sample as .docx (heading-styled and plain paragraphs, from the fixture builder)
comes back with the same paragraph texts and 1 + partial + missing + quality findings
comments, each anchored on exactly its quote and naming its requirement; the output is
read back with python-docx.
"""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

import checklist
from _samples import SAMPLES, fixture_builder, sample_path, soffice_or_skip
from checklist.annotating import annotate, annotate_result, default_output
from checklist.cli.annotate import annotate as annotate_command
from checklist.errors import UsageError
from checklist.rules.result import AuditResult


def _lines(name: str) -> list[str]:
    return sample_path(name).read_text(encoding="utf-8").split("\n")


def sample_docx(name: str, headings: bool = True) -> bytes:
    data: bytes = fixture_builder().docx_bytes(_lines(name), headings=headings)
    return data


def expected_count(result: AuditResult) -> int:
    quality = sum(1 for f in result.findings if f.category == "quality")
    return 1 + result.counts["partial"] + result.counts["missing"] + quality


def anchored_texts(word: Any) -> dict[int, str]:
    """Comment id → the text between its range marks (paragraphs joined by ``\\n``)."""
    open_ids: set[int] = set()
    texts: dict[int, list[str]] = {}
    for el in word.element.body.iter():
        if el.tag == qn("w:commentRangeStart"):
            cid = int(el.get(qn("w:id")))
            open_ids.add(cid)
            texts[cid] = []
        elif el.tag == qn("w:commentRangeEnd"):
            open_ids.discard(int(el.get(qn("w:id"))))
        elif el.tag == qn("w:p"):
            for cid in open_ids:
                texts[cid].append("\n")
        elif el.tag == qn("w:t"):
            for cid in open_ids:
                texts[cid].append(el.text or "")
        elif el.tag == qn("w:tab"):
            for cid in open_ids:
                texts[cid].append("\t")
    return {cid: "".join(parts) for cid, parts in texts.items()}


def comments_of(data: bytes) -> tuple[Any, list[Any], dict[int, str]]:
    word = docx.Document(io.BytesIO(data))
    return word, list(word.comments), anchored_texts(word)


def _same_quote(anchored: str, quote: str) -> bool:
    if "\n" not in quote:
        return anchored == quote
    # across paragraphs the reader strips each line: compare without the whitespace
    return "".join(anchored.split()) == "".join(quote.split())


@pytest.fixture(
    scope="module",
    params=[(n, h) for n in SAMPLES for h in (True, False)],
    ids=[f"{n.removesuffix('.txt')}-{'headings' if h else 'plain'}" for n in SAMPLES for h in (True, False)],
)
def annotated(request: pytest.FixtureRequest) -> tuple[bytes, bytes, AuditResult]:
    name, headings = request.param
    data = sample_docx(name, headings)
    return data, annotate(data), checklist.audit(data)


def test_the_author_text_is_unchanged(annotated: tuple[bytes, bytes, AuditResult]) -> None:
    data, out, _ = annotated
    before = docx.Document(io.BytesIO(data))
    after = docx.Document(io.BytesIO(out))
    assert [p.text for p in after.paragraphs] == [p.text for p in before.paragraphs]
    assert [p.style.name if p.style else None for p in after.paragraphs] == [
        p.style.name if p.style else None for p in before.paragraphs
    ]
    assert checklist.read(out).original == checklist.read(data).original


def test_one_comment_per_gap_and_finding_plus_the_summary(annotated: tuple[bytes, bytes, AuditResult]) -> None:
    _, out, result = annotated
    _, comments, anchors = comments_of(out)
    assert len(comments) == expected_count(result)
    assert {c.author for c in comments} == {"checklist"}
    assert {c.initials for c in comments} == {"CL"}
    assert set(anchors) == {c.comment_id for c in comments}  # every comment is anchored
    summary = comments[0].text
    assert str(result.score) in summary and result.standard.title in summary
    assert all(anchors[c.comment_id].strip() for c in comments)


def test_gap_comments_name_the_requirement_and_the_suggestion(annotated: tuple[bytes, bytes, AuditResult]) -> None:
    _, out, result = annotated
    _, comments, anchors = comments_of(out)
    gaps = [r for r in result.requirements if r.status in ("partial", "missing")]
    for r, c in zip(gaps, comments[1:], strict=False):
        assert r.title in c.text, (r.id, c.text)
        assert r.suggestion is None or r.suggestion in c.text
        if r.status == "partial" and r.evidence:
            assert _same_quote(anchors[c.comment_id], r.evidence[0].quote), (r.id, anchors[c.comment_id])


def test_quality_findings_are_on_the_sentence_they_quote(annotated: tuple[bytes, bytes, AuditResult]) -> None:
    _, out, result = annotated
    _, comments, anchors = comments_of(out)
    quality = [f for f in result.findings if f.category == "quality"]
    for f, c in zip(quality, comments[len(comments) - len(quality) :], strict=True):
        assert f.message in c.text
        if f.quote:
            assert _same_quote(anchors[c.comment_id], f.quote), (f.code, anchors[c.comment_id], f.quote)


def _comment_on(data: bytes, rid: str) -> tuple[str, str]:
    result = checklist.audit(data)
    message = result.requirement(rid).message
    _, comments, anchors = comments_of(annotate(data))
    found = [c for c in comments[1:] if c.text.startswith(message)]
    assert len(found) == 1, rid
    return found[0].text, anchors[found[0].comment_id]


def test_a_missing_date_is_marked_on_the_signature() -> None:
    name = next(n for n in SAMPLES if checklist.audit(sample_path(n)).requirement("format.date").status == "missing")
    data = sample_docx(name)
    doc = checklist.read(data)
    assert doc.signature_start is not None
    _, anchored = _comment_on(data, "format.date")
    signature = doc.original[doc.to_original(doc.signature_start, len(doc.text))[0] :]
    assert "".join(anchored.split()) == "".join(signature.split())


def test_a_missing_addressee_is_marked_on_the_title() -> None:
    name = next(
        n for n in SAMPLES if checklist.audit(sample_path(n)).requirement("format.addressee").status == "missing"
    )
    data = sample_docx(name)
    doc = checklist.read(data)
    _, anchored = _comment_on(data, "format.addressee")
    assert doc.metadata.title is not None and anchored == doc.metadata.title


def test_english_comments() -> None:
    data = sample_docx(SAMPLES[1])
    _, comments, _ = comments_of(annotate(data, lang="en"))
    assert comments[0].text.startswith("Review: score")
    assert any("Suggestion: " in c.text for c in comments[1:])


def test_annotate_result_needs_no_second_audit() -> None:
    data = sample_docx(SAMPLES[0])
    result = checklist.audit(data)
    again = annotate_result(result, data)
    assert [c.text for c in comments_of(again)[1]] == [c.text for c in comments_of(annotate(data))[1]]
    with pytest.raises(UsageError):
        annotate_result(result, sample_docx(SAMPLES[1]))  # a result of another document
    with pytest.raises(UsageError):
        annotate_result(checklist.audit(sample_path(SAMPLES[0])), None)  # no text kept, no .docx


@pytest.mark.parametrize("name", SAMPLES[:2])
def test_a_text_report_comes_back_as_a_new_docx(name: str) -> None:
    path = sample_path(name)
    out = annotate(path)
    result = checklist.audit(path)
    word, comments, _ = comments_of(out)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert [p.text for p in word.paragraphs] == lines
    assert any(p.style is not None and p.style.name.startswith("Heading") for p in word.paragraphs)
    assert len(comments) == expected_count(result)
    kept = checklist.audit(path, keep_text=True)
    assert [c.text for c in comments_of(annotate_result(kept, None))[1]] == [c.text for c in comments]


# ---------------------------------------------------------------------------
# A document with more than paragraphs keeps all of it


def _rich_docx(tmp_path: Path) -> bytes:
    document = docx.Document()
    lines = _lines(SAMPLES[3])
    png = fixture_png(tmp_path)
    for i, line in enumerate(lines):
        para = document.add_paragraph(line[: len(line) // 2])
        run = para.add_run(line[len(line) // 2 :])
        run.bold = True  # two runs with different formatting: quotes cross run boundaries
        if i == 5:
            document.add_picture(str(png))
            table = document.add_table(rows=2, cols=2)
            for r, row in enumerate(table.rows):
                for c, cell in enumerate(row.cells):
                    cell.text = f"表{r}{c}"
            document.add_paragraph("第一项", style="List Number")
            document.add_paragraph("第二项", style="List Number")
    section = document.sections[0]
    section.header.paragraphs[0].text = "页眉"
    section.footer.paragraphs[0].text = "页脚"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def fixture_png(tmp_path: Path) -> Path:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(4))
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
    path = tmp_path / "red.png"
    path.write_bytes(png)
    return path


def _canonical(xml: bytes) -> bytes:
    from lxml import etree

    canonical: bytes = etree.tostring(etree.fromstring(xml), method="c14n")
    return canonical


_MARKS = ("commentRangeStart", "commentRangeEnd")


def _body_without_marks(xml: bytes) -> list[Any]:
    """The body with the comment marks taken out and runs of the same formatting merged:
    (tag, canonical properties, text) per element, in document order."""
    from lxml import etree

    root = etree.fromstring(xml)
    for el in list(root.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"))):
        el.getparent().remove(el)
    for ref in list(root.iter(qn("w:commentReference"))):
        run = ref.getparent()
        run.getparent().remove(run)
    out: list[Any] = []
    for el in root.iter():
        if any(a.tag == qn("w:r") for a in el.iterancestors()):
            continue  # inside a run: compared as part of the run
        if el.tag != qn("w:r"):
            out.append((etree.QName(el).localname, b"", "", []))
            continue
        rpr = el.find(qn("w:rPr"))
        props = etree.tostring(rpr, method="c14n") if rpr is not None else b""
        text = "".join(t.text or "" for t in el.iter(qn("w:t")))
        others = [etree.QName(c).localname for c in el if c.tag not in (qn("w:rPr"), qn("w:t"))]
        last = out[-1] if out else None
        if last is not None and last[0] == "r" and last[1] == props and not others and not last[3]:
            out[-1] = ("r", props, last[2] + text, [])  # a run split in two reads as one again
        else:
            out.append(("r", props, text, others))
    return out


def test_tables_images_lists_headers_and_footers_survive(tmp_path: Path) -> None:
    data = _rich_docx(tmp_path)
    out = annotate(data)
    with zipfile.ZipFile(io.BytesIO(data)) as a, zipfile.ZipFile(io.BytesIO(out)) as b:
        before, after = set(a.namelist()), set(b.namelist())
        assert before <= after and after - before == {"word/comments.xml"}
        for part in sorted(before - {"word/document.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"}):
            one, two = a.read(part), b.read(part)
            if part.endswith((".xml", ".rels")):
                one, two = _canonical(one), _canonical(two)
            assert one == two, part
        assert _body_without_marks(a.read("word/document.xml")) == _body_without_marks(b.read("word/document.xml"))
    word, comments, anchors = comments_of(out)
    original = docx.Document(io.BytesIO(data))
    assert [p.text for p in word.paragraphs] == [p.text for p in original.paragraphs]
    assert [[c.text for c in row.cells] for row in word.tables[0].rows] == [["表00", "表01"], ["表10", "表11"]]
    assert len(word.inline_shapes) == 1
    result = checklist.audit(data)
    assert len(comments) == expected_count(result)
    for r in result.requirements:
        if r.status == "partial" and r.evidence:
            c = next(c for c in comments[1:] if r.title in c.text)
            assert _same_quote(anchors[c.comment_id], r.evidence[0].quote)


# ---------------------------------------------------------------------------
# The command


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_command_writes_beside_the_input_and_never_overwrites(tmp_path: Path) -> None:
    draft = tmp_path / "DRAFT.docx"
    draft.write_bytes(sample_docx(SAMPLES[2]))
    digest = _sha(draft)
    runner = CliRunner()
    first = runner.invoke(annotate_command, [str(draft)])
    assert first.exit_code == 0, first.output
    target = tmp_path / "DRAFT-审查.docx"
    assert default_output(draft) == target and target.is_file()
    assert len(comments_of(target.read_bytes())[1]) == expected_count(checklist.audit(draft))
    again = runner.invoke(annotate_command, [str(draft)])
    assert again.exit_code == 2 and "--force" in again.output and "Traceback" not in again.output
    assert runner.invoke(annotate_command, [str(draft), "--force"]).exit_code == 0
    same = runner.invoke(annotate_command, [str(draft), "-o", str(draft), "--force"])
    assert same.exit_code == 2
    other = tmp_path / "out.docx"
    assert runner.invoke(annotate_command, [str(draft), "-o", str(other), "--lang", "en"]).exit_code == 0
    assert other.is_file()
    assert _sha(draft) == digest


@pytest.mark.parametrize(
    "content",
    [
        b"PK\x03\x04 not really a zip",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 40,
        b"",
    ],
)
def test_hostile_input_is_one_line_and_exit_2(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(content)
    digest = _sha(bad)
    result = CliRunner().invoke(annotate_command, [str(bad)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1, result.output
    assert not (tmp_path / "bad-审查.docx").exists()
    assert _sha(bad) == digest


def test_a_missing_input_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(annotate_command, [str(tmp_path / "nope.docx")])
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1


# ---------------------------------------------------------------------------
# A real consumer: LibreOffice (skipped without it, unless CHECKLIST_LIBREOFFICE_TESTS=required)

# Writer leaves comments out of a PDF unless asked (ExportNotes; in the margin: ExportNotesInMargin, 7.6+)
PDF_WITH_NOTES = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


@pytest.fixture(scope="module")
def soffice() -> str:
    return soffice_or_skip()


@pytest.fixture(scope="module")
def annotated_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("annotated")
    files = {}
    for name in SAMPLES:
        path = folder / f"{name.removesuffix('.txt')}.docx"
        path.write_bytes(annotate(sample_docx(name)))
        files[name] = path
    return files


def _convert(soffice: str, target: str, files: list[Path], out: Path) -> None:
    profile = (out / "profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )


def test_libreoffice_prints_every_annotated_sample_with_its_comments(
    soffice: str, annotated_files: dict[str, Path], tmp_path: Path
) -> None:
    _convert(soffice, PDF_WITH_NOTES, list(annotated_files.values()), tmp_path)
    for path in annotated_files.values():
        pdf = (tmp_path / path.name).with_suffix(".pdf").read_bytes()
        assert pdf.startswith(b"%PDF-")
        # each comment becomes a PDF note (a Text annotation with its popup)
        notes = len(re.findall(rb"/Subtype\s*/Text\b", pdf))
        assert notes == len(comments_of(path.read_bytes())[1]), path.name


def test_comments_survive_a_libreoffice_round_trip(
    soffice: str, annotated_files: dict[str, Path], tmp_path: Path
) -> None:
    (tmp_path / "in").mkdir()
    copies = []
    for path in annotated_files.values():
        copy = tmp_path / "in" / path.name
        copy.write_bytes(path.read_bytes())
        copies.append(copy)
    _convert(soffice, "docx:MS Word 2007 XML", copies, tmp_path)
    for path in annotated_files.values():
        ours = comments_of(path.read_bytes())[1]
        theirs = comments_of((tmp_path / path.name).read_bytes())[1]
        # LibreOffice writes them in document order; the texts and authors are the same
        assert sorted(c.text for c in theirs) == sorted(c.text for c in ours), path.name
        assert {c.author for c in theirs} == {"checklist"}


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_a_web_page_or_pdf_comes_back_as_a_new_docx(fmt: str) -> None:
    builder = fixture_builder()
    name = SAMPLES[2]
    lines = _lines(name)
    if fmt == "html":
        page, encoding = builder.html_page(lines, name.removesuffix(".txt"), 0, {})
        data = page.encode(encoding)
    else:
        data = builder.pdf_bytes(lines)
    result = checklist.audit(data, format=fmt, keep_text=True)
    out = annotate(data, format=fmt)
    word, comments, anchors = comments_of(out)
    assert "\n".join(p.text for p in word.paragraphs) == result.text
    assert len(comments) == expected_count(result)
    for r in result.requirements:
        if r.status == "partial" and r.evidence:
            c = next(c for c in comments[1:] if c.text.startswith(r.message))
            assert _same_quote(anchors[c.comment_id], r.evidence[0].quote)


# ---------------------------------------------------------------------------
# The self-check server: format=docx, and format=all for the page's three downloads


def test_the_api_answers_format_docx_with_the_annotated_file() -> None:
    pytest.importorskip("starlette")
    import base64
    from urllib.parse import quote

    from starlette.testclient import TestClient

    from checklist.web import create_app

    client = TestClient(create_app(), base_url="http://127.0.0.1")
    data = sample_docx(SAMPLES[1])
    answer = client.post("/api/audit", files={"file": ("草稿.docx", data)}, data={"format": "docx"})
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    disposition = answer.headers["content-disposition"]
    assert disposition.startswith("attachment;") and quote("草稿-审查.docx") in disposition
    ours = [c.text for c in comments_of(annotate(data))[1]]
    assert [c.text for c in comments_of(answer.content)[1]] == ours
    both = client.post("/api/audit", files={"file": ("草稿.docx", data)}, data={"format": "all"}).json()
    assert set(both) == {"result", "html", "docx", "docx_name"} and both["docx_name"] == "草稿-审查.docx"
    assert [c.text for c in comments_of(base64.b64decode(both["docx"]))[1]] == ours
    pasted = client.post(
        "/api/audit", data={"text": sample_path(SAMPLES[1]).read_text(encoding="utf-8"), "format": "docx"}
    )
    assert pasted.status_code == 200 and len(comments_of(pasted.content)[1]) == len(ours)


def test_a_draft_that_already_has_comments_keeps_them() -> None:
    data = sample_docx(SAMPLES[4])
    once = annotate(data)
    twice = annotate(once)  # the reviewer's own comments (here: ours) stay, ours are added
    first, second = comments_of(once)[1], comments_of(twice)[1]
    assert [c.text for c in second[: len(first)]] == [c.text for c in first]
    assert len(second) == 2 * len(first)
    assert [p.text for p in docx.Document(io.BytesIO(twice)).paragraphs] == [
        p.text for p in docx.Document(io.BytesIO(data)).paragraphs
    ]


def test_a_comment_covers_exactly_its_quote_inside_one_run() -> None:
    from checklist.render.docx_comments import PlannedComment, add_comments, save, text_map

    word = docx.Document()
    para = word.add_paragraph()
    run = para.add_run("第一句话。\t第二句话。")  # one run: text, a tab, text
    run.bold = True
    word.add_paragraph("第三段。")
    tmap = text_map(word)
    assert tmap.text == "第一句话。\t第二句话。\n第三段。"
    plans = [PlannedComment("a", 0, 5), PlannedComment("b", 6, 11), PlannedComment("c", 2, 14)]
    assert add_comments(word, tmap, plans, (0, 5)) == 3
    out = docx.Document(io.BytesIO(save(word)))
    anchors = anchored_texts(out)
    assert [anchors[c.comment_id] for c in out.comments] == ["第一句话。", "第二句话。", "句话。\t第二句话。\n第三"]
    assert [p.text for p in out.paragraphs] == ["第一句话。\t第二句话。", "第三段。"]
    assert all(r.bold for r in out.paragraphs[0].runs if r.text)  # the pieces keep the formatting


@pytest.fixture(scope="module")
def formatted_doc(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An author's .doc (made by LibreOffice): a sample with a bold run and a table, which
    a new .docx of the text would lose."""
    out = tmp_path_factory.mktemp("formatted")
    word = docx.Document(io.BytesIO(sample_docx(SAMPLES[3])))
    word.paragraphs[3].add_run("（加粗的补充说明）").bold = True
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "完成数"
    table.cell(1, 0).text, table.cell(1, 1).text = "普法活动", "12场"
    (out / "src").mkdir()
    word.save(str(out / "src" / "草稿.docx"))
    _convert(soffice, "doc", [out / "src" / "草稿.docx"], out)
    draft = out / "草稿.doc"
    assert draft.read_bytes().startswith(b"\xd0\xcf\x11\xe0")  # a binary Word file
    return draft


def _kept_formatting(data: bytes) -> tuple[list[Any], dict[int, str]]:
    back, comments, anchors = comments_of(data)
    assert any(run.bold and "加粗的补充说明" in run.text for p in back.paragraphs for run in p.runs)
    assert [c.text for c in back.tables[0].rows[1].cells] == ["普法活动", "12场"]
    assert len(comments) > 1 and all(c.author == "checklist" for c in comments)
    return comments, anchors


def test_a_doc_comes_back_as_its_own_word_file_with_one_conversion(
    formatted_doc: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checklist.ingest.readers import legacy

    runs: list[str] = []
    convert = legacy._convert

    def counted(converter: str, data: bytes, source: str) -> bytes:
        runs.append(source)
        return convert(converter, data, source)

    monkeypatch.setattr(legacy, "_convert", counted)
    monkeypatch.setattr(legacy, "_last", None, raising=False)  # (no conversion kept from before)
    out = annotate(formatted_doc)
    assert len(runs) == 1  # read, then annotated, from one LibreOffice run
    comments, anchors = _kept_formatting(out)
    # every comment sits on text of the converted file, as in a .docx (the text-only
    # fallback would have put them all on the first line)
    result = checklist.audit(checklist.read(formatted_doc))
    assert len(comments) == len(anchors) == expected_count(result)
    assert len({text for text in anchors.values() if text.strip()}) > 3


def test_the_api_answers_a_doc_with_its_own_word_file(formatted_doc: Path) -> None:
    pytest.importorskip("starlette")
    from starlette.testclient import TestClient

    from checklist.web import create_app

    client = TestClient(create_app(), base_url="http://127.0.0.1")
    files = {"file": ("草稿.doc", formatted_doc.read_bytes())}
    answer = client.post("/api/audit", files=files, data={"format": "docx"})
    assert answer.status_code == 200
    comments, _ = _kept_formatting(answer.content)
    assert [c.text for c in comments] == [c.text for c in comments_of(annotate(formatted_doc))[1]]
