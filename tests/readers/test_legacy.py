"""Legacy .doc/.wps reader: without LibreOffice it says how to convert; disguised files."""

from __future__ import annotations

import io

import docx
import pytest

from checklist.errors import InputError
from checklist.ingest.readers.legacy import read_legacy

OLE_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


@pytest.fixture
def no_soffice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)


@pytest.mark.usefixtures("no_soffice")
@pytest.mark.parametrize("name", ["报告.doc", "报告.wps"])
def test_without_libreoffice_the_error_says_how_to_convert(name: str) -> None:
    with pytest.raises(InputError) as info:
        read_legacy(OLE_DOC, name)
    assert info.value.source == name
    assert info.value.problem == (
        "旧版 .doc/.wps 格式需要先转换：请用 WPS/Word 另存为 .docx，"
        "或安装 LibreOffice 后重试（soffice --headless --convert-to docx 文件名）"
    )


@pytest.mark.usefixtures("no_soffice")
def test_docx_named_doc_is_read_directly() -> None:
    document = docx.Document()
    document.add_paragraph("关于2023年度法治政府建设情况的报告")
    buffer = io.BytesIO()
    document.save(buffer)
    extracted = read_legacy(buffer.getvalue(), "报告.doc")
    assert extracted.text == "关于2023年度法治政府建设情况的报告"
    assert extracted.format == "doc"


@pytest.mark.usefixtures("no_soffice")
def test_web_page_named_doc_is_read_as_html() -> None:
    page = "<html><head><meta charset='utf-8'></head><body><p>法治政府建设报告</p></body></html>"
    extracted = read_legacy(page.encode(), "报告.doc")
    assert extracted.text == "法治政府建设报告"
    assert extracted.format == "html"


@pytest.mark.usefixtures("no_soffice")
def test_empty_file() -> None:
    with pytest.raises(InputError):
        read_legacy(b"", "报告.doc")


@pytest.mark.usefixtures("no_soffice")
@pytest.mark.parametrize("name", ["报告.rtf", "报告.txt", "报告"])
def test_rtf_goes_to_libreoffice_not_read_as_text(name: str) -> None:
    import checklist
    from checklist.ingest.readers import sniff

    rtf = b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl{\\f0 SimSun;}} \\f0 \\'b9\\'d8\\'d3\\'da}"
    assert sniff(rtf, name) == "doc"
    with pytest.raises(InputError) as info:
        checklist.read(rtf, name=name)
    assert info.value.message_key == "error.no_converter"
