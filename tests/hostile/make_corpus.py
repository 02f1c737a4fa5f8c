"""Build a corpus of bad inputs: every class of broken, hostile or strange file a
reviewer may be sent. Run as ``python tests/hostile/make_corpus.py OUTDIR`` or call
:func:`build`. Nothing here is a committed binary: every file is made by code.

Each entry: ``(name, path, what)``. Paths that must not exist or must be unreadable
are prepared here too (the missing file is simply not created).
"""

from __future__ import annotations

import io
import os
import random
import sys
import zipfile
from pathlib import Path

REPORT = (
    "关于2023年度法治政府建设情况的报告\n区委、区政府：\n2023年，我镇坚持依法行政。\n"
    "一、主要举措和成效\n开展普法活动12次。\n二、存在的不足\n执法人员偏少。\n三、2024年工作打算\n加强执法。\n"
    "某某镇人民政府\n2024年1月16日\n"
)

_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(document_xml: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _DOCX_TYPES)
        z.writestr("_rels/.rels", _DOCX_RELS)
        z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def _paragraphs(lines: list[str]) -> str:
    body = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'


def _zip_bomb() -> bytes:
    """A small .docx whose document.xml inflates to 320 MB (above the 256 MB limit)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _DOCX_TYPES)
        z.writestr("_rels/.rels", _DOCX_RELS)
        info = zipfile.ZipInfo("word/document.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as member:
            chunk = b"\x00" * (1 << 20)
            for _ in range(320):
                member.write(chunk)
    return buf.getvalue()


def _pdf_without_text() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
        b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
        b"0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n166\n%%EOF\n"
    )


def _encrypted_pdf() -> bytes | None:
    """A password-protected PDF, made with pypdfium2 if it can save encrypted, else None."""
    try:
        from reportlab.lib import pdfencrypt
        from reportlab.pdfgen import canvas
    except ImportError:  # pragma: no cover - reportlab is in the dev extra
        return None
    buf = io.BytesIO()
    enc = pdfencrypt.StandardEncryption("secret", canPrint=0)
    c = canvas.Canvas(buf, encrypt=enc)
    c.drawString(100, 750, "report")
    c.save()
    return buf.getvalue()


def build(out: Path, *, big: bool = True) -> list[tuple[str, Path, str]]:
    """Write the corpus into ``out``; ``big=False`` skips the 200 MB file."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    entries: list[tuple[str, Path, str]] = []

    def add(name: str, filename: str, data: bytes | str | None, what: str) -> Path:
        path = out / filename
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        elif data is not None:
            path.write_bytes(data)
        entries.append((name, path, what))
        return path

    add("empty", "empty.txt", b"", "空文件")
    add("whitespace", "blank.txt", b"  \n\t\n\xe3\x80\x80\n", "只有空白")
    add("binary-as-txt", "random.txt", bytes(rng.randrange(256) for _ in range(4096)), "随机二进制，扩展名 .txt")
    add(
        "png-as-pdf",
        "picture.pdf",
        b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(512)),
        "PNG 图片改名为 .pdf",
    )
    good = _docx(_paragraphs(REPORT.splitlines()))
    add("docx-truncated", "truncated.docx", good[: len(good) // 2], "截断的 .docx")
    add(
        "docx-bad-zip",
        "badzip.docx",
        b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(2000)),
        "损坏的 .docx（坏 zip）",
    )
    add("docx-zip-bomb", "bomb.docx", _zip_bomb(), ".docx 压缩炸弹（320 KB，解压 320 MB）")
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>'
        + "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in REPORT.splitlines())
        + "</w:body></w:document>"
    )
    add("docx-xxe", "xxe.docx", _docx(xxe), ".docx 的 XML 声明外部实体（XXE）")
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">'
        + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi", strict=True))
        + f']><w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>'
    )
    add("docx-billion-laughs", "laughs.docx", _docx(laughs), ".docx 的 XML 实体指数膨胀（billion laughs）")
    enc = _encrypted_pdf()
    if enc is not None:
        add("pdf-encrypted", "encrypted.pdf", enc, "加密的 PDF")
    add("pdf-no-text", "scan.pdf", _pdf_without_text(), "没有文字层的 PDF")
    if big:
        path = out / "huge.txt"
        with path.open("wb") as f:
            # report text, then a sparse tail up to 200 MB: the size is what is tested
            f.write(REPORT.encode("utf-8") * 1000)
            f.truncate(200 * 1024 * 1024)
        entries.append(("text-200mb", path, "200 MB 的文本文件"))
    add("text-one-5mb-line", "oneline.txt", "开展普法活动12次，" * (5 * 1024 * 1024 // 30), "一行 5 MB 的文本")
    add(
        "html-deep",
        "deep.html",
        "<html><body>" + "<div>" * 100_000 + "正文" + "</div>" * 100_000 + "</body></html>",
        "嵌套 100,000 层的 HTML",
    )
    add(
        "html-injection",
        "inject.html",
        "<html><head><script>alert(1)</script></head><body><p>关于2023年度法治政府建设情况的报告</p>"
        "<p>区委：</p><p>2023年，我镇开展普法12次。&lt;script&gt;alert(2)&lt;/script&gt;"
        '<img src=x onerror="alert(3)"><a href="javascript:alert(4)">链接</a></p></body></html>',
        "含 <script>、javascript: 链接、onerror 属性的 HTML",
    )
    add(
        "html-gbk-declared-utf8",
        "gbk.html",
        (
            '<html><head><meta charset="utf-8"></head><body><p>'
            + "</p><p>".join(REPORT.splitlines())
            + "</p></body></html>"
        ).encode("gbk"),
        "GBK 字节但声明 UTF-8 的 HTML",
    )
    add(
        "not-a-report",
        "recipe.txt",
        "番茄炒蛋\n1. 鸡蛋打散，加盐。\n2. 番茄切块。\n3. 先炒蛋，再炒番茄，合炒两分钟。\n",
        "不是报告的文本（菜谱）",
    )
    add("english-text", "english.txt", "The quick brown fox jumps over the lazy dog.\n" * 20, "英文文本")
    directory = out / "a-folder.txt"
    directory.mkdir(exist_ok=True)
    entries.append(("directory", directory, "把文件夹当作文件"))
    entries.append(("missing", out / "no-such-file.txt", "不存在的文件"))
    locked = add("unreadable", "locked.txt", REPORT, "没有读取权限的文件")
    os.chmod(locked, 0)
    add("chinese-path", "某镇 2023年 报告（定稿）.txt", REPORT, "路径含空格和中文（正常报告）")
    head = "id: broken\nversion: '1'\ntitle: {zh: 坏标准}\n"
    req = (
        "requirements:\n  - id: core.measures\n    title: {zh: 主要举措}\n    group: core\n"
        "    severity: major\n    weight: 1\n    met: {terms: [举措]}\n    suggestion: {zh: 写举措}\n"
    )
    add("standard-syntax", "std-syntax.yaml", head + "requirements: [\n  - id: x\n", "标准 YAML 语法错误")
    add("standard-unknown-key", "std-unknown.yaml", head + req + "    colour: red\n", "标准含未知的键")
    add("standard-wrong-type", "std-type.yaml", head + req.replace("weight: 1", "weight: heavy"), "标准的值类型错误")
    add(
        "standard-circular",
        "std-a.yaml",
        "id: a\nversion: '1'\ntitle: {zh: a}\nextends: std-b.yaml\n",
        "标准的 extends 形成循环",
    )
    (out / "std-b.yaml").write_text("id: b\nversion: '1'\ntitle: {zh: b}\nextends: std-a.yaml\n", encoding="utf-8")
    add("standard-duplicate-id", "std-dup.yaml", head + req + req.replace("requirements:\n", ""), "标准中要求 id 重复")
    add(
        "waiver-expired",
        "waivers.yaml",
        "- requirement: core.other\n  reason: 试点\n  expires: 2000-01-01\n",
        "豁免文件中的豁免已过期",
    )
    return entries


if __name__ == "__main__":  # pragma: no cover
    for name, path, what in build(Path(sys.argv[1] if len(sys.argv) > 1 else "bad-inputs")):
        print(f"{name:24} {what:30} {path}")
