"""Every sample report survives every format: HTML page, .docx, PDF and GB18030 text."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest

from checklist.ingest.readers.base import Extracted
from checklist.ingest.readers.docx import read_docx
from checklist.ingest.readers.html import read_html
from checklist.ingest.readers.pdf import read_pdf
from checklist.ingest.readers.text import read_text

REPORTS = Path(__file__).resolve().parents[2] / "reports"
STEMS = sorted(p.stem for p in REPORTS.glob("*.txt"))
_HEADING = re.compile(r"[一二三四五六七八九十]+、")
# Website chrome the generated pages add around the sample; the readers must remove it
# (unless the sample itself, copied with its own page clutter, contains the words).
_PAGE_CLUTTER = (
    "无障碍浏览",
    "长者模式",
    "繁體",
    "政务服务",
    "互动交流",
    "专题专栏",
    "数据开放",
    "正文",
    "分享到",
    "QQ空间",
    "网站地图",
    "联系我们",
    "网站声明",
    "使用帮助",
    "外交部",
    "国防部",
    "国家发展和改革委员会",
    "宁夏回族自治区",
    "字号",
    "网站访问统计",
    "setFont",
    "请输入关键词",
    "搜索",
    "中国政府网",
    "党政机关",
    "政府网站找错",
    "国务院部门网站",
    "索 引 号",
    "主动公开",
)


def squash(text: str) -> str:
    return "".join(text.split())


def sample_text(stem: str) -> str:
    return (REPORTS / f"{stem}.txt").read_text(encoding="utf-8")


def sample_lines(stem: str) -> list[str]:
    """Non-empty lines of the sample, whitespace removed."""
    return [s for s in (squash(line) for line in sample_text(stem).split("\n")) if s]


def assert_in_order(extracted: Extracted, lines: list[str]) -> None:
    flat = squash(extracted.text)
    pos = 0
    for line in lines:
        found = flat.find(line, pos)
        assert found >= 0, f"missing or out of order: {line[:60]}"
        pos = found + len(line)


def exact_share(extracted: Extracted, lines: list[str]) -> float:
    """Share of sample lines that come out as one whole line: paragraphs kept intact."""
    out = {squash(line) for line in extracted.text.split("\n")}
    return sum(1 for line in lines if line in out) / len(lines)


def read(paths: dict[str, Path], fmt: str) -> Extracted:
    data = paths[fmt].read_bytes()
    reader = {"html": read_html, "docx": read_docx, "pdf": read_pdf}[fmt]
    return reader(data, str(paths[fmt]))


def test_every_sample_has_fixtures(fixture_files: dict[str, dict[str, Path]]) -> None:
    assert sorted(fixture_files) == STEMS
    assert len(STEMS) >= 5
    for paths in fixture_files.values():
        assert set(paths) == {"gb18030", "html", "docx", "pdf"}
        assert all(p.stat().st_size > 0 for p in paths.values())


@pytest.mark.parametrize("stem", STEMS)
def test_gb18030_text(stem: str, fixture_files: dict[str, dict[str, Path]]) -> None:
    extracted = read_text(fixture_files[stem]["gb18030"].read_bytes(), stem)
    assert extracted.encoding == "gb18030"
    assert extracted.text == sample_text(stem).replace("\r\n", "\n")


@pytest.mark.parametrize("stem", STEMS)
def test_html_page(stem: str, fixture_files: dict[str, dict[str, Path]]) -> None:
    extracted = read(fixture_files[stem], "html")
    lines = sample_lines(stem)
    # Every line, the sample's own clutter included: it sits in <p> elements of the body.
    assert_in_order(extracted, lines)
    assert exact_share(extracted, lines) == 1.0
    original = sample_text(stem)
    for word in _PAGE_CLUTTER:
        assert word not in extracted.text or word in original, word
    meta = extracted.page_metadata
    assert meta["公开方式"] == "主动公开"
    assert meta["主题分类"] == "政务公开/法治政府建设"
    assert re.fullmatch(r"\d{8}/\d{4}-\d{5}", meta["索引号"])
    assert meta["标题"]
    assert "\x00" not in extracted.text
    assert extracted.format == "html"


def test_html_page_declared_gb2312(fixture_files: dict[str, dict[str, Path]], fixtures_module: ModuleType) -> None:
    stem = STEMS[fixtures_module._GB_SAMPLE_INDEX]
    data = fixture_files[stem]["html"].read_bytes()
    assert b"charset=gb2312" in data
    assert read_html(data, stem).encoding == "gb18030"
    others = [s for s in STEMS if s != stem]
    assert all(read(fixture_files[s], "html").encoding == "utf-8" for s in others)


def test_html_page_metadata_follows_labels(fixture_files: dict[str, dict[str, Path]]) -> None:
    # 2024-chongqing-jiangjin-jijiang-street.txt is labelled published: 2025-02-24.
    stem = "2024-chongqing-jiangjin-jijiang-street"
    assert stem in fixture_files, f"sample {stem}.txt is missing from reports/"
    meta = read(fixture_files[stem], "html").page_metadata
    assert meta["发布日期"].startswith("2025-02-24")
    assert meta["标题"] == "关于2024年法治政府建设情况的报告"
    assert meta["发布机构"] == "中共几江街道工委 几江街道办事处"


@pytest.mark.parametrize("stem", STEMS)
def test_docx(stem: str, fixture_files: dict[str, dict[str, Path]]) -> None:
    extracted = read(fixture_files[stem], "docx")
    lines = sample_lines(stem)
    assert_in_order(extracted, lines)
    assert exact_share(extracted, lines) == 1.0
    out = extracted.text.split("\n")
    assert len(out) == len(lines)
    expected = [i for i, line in enumerate(out) if _HEADING.match(line) and len(line) <= 40]
    assert expected, "every sample has 一、 headings"
    assert [i for i, _ in extracted.heading_lines] == expected
    assert {level for _, level in extracted.heading_lines} == {1}
    # The running header and footer of the .docx are not body text.
    assert "第 1 页" not in extracted.text
    assert extracted.encoding is None


@pytest.mark.parametrize("stem", STEMS)
def test_pdf(stem: str, fixture_files: dict[str, dict[str, Path]], fixtures_module: ModuleType) -> None:
    extracted = read(fixture_files[stem], "pdf")
    # A sample line that is a bare number looks like a folio to any PDF reader.
    lines = [line for line in sample_lines(stem) if not re.fullmatch(r"\d{1,4}", line)]
    assert_in_order(extracted, lines)
    assert exact_share(extracted, lines) >= 0.9, "wrapped lines must be joined into paragraphs"
    out = extracted.text.split("\n")
    assert fixtures_module.RUNNING_HEADER not in out
    assert not any(re.fullmatch(r"-\s*\d+\s*-", line) for line in out)
    title = fixtures_module._title(sample_text(stem).split("\n"))
    assert extracted.page_metadata.get("标题") == title
