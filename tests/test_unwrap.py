"""Hard-wrapped text (copied out of a PDF viewer) is read as its paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import checklist
from _samples import SAMPLES, sample_path
from checklist.ingest.normalize import line_spans, normalize_text
from checklist.ingest.unwrap import unwrap, wrap_width


def hard_wrap(text: str, width: int) -> str:
    """Each paragraph (a line ending in 。) cut every ``width`` characters, as a PDF
    viewer's copy has it; headings, title and signature lines stay whole."""
    out: list[str] = []
    for line in text.split("\n"):
        body = line.strip()
        if len(body) <= width or not body.endswith("。"):
            out.append(line)
        else:
            out.extend(body[i : i + width] for i in range(0, len(body), width))
    return "\n".join(out)


@pytest.mark.parametrize("width", [35, 28])
def test_each_sample_hard_wrapped_gets_the_same_verdicts_and_metadata(width: int) -> None:
    for name in SAMPLES:
        text = sample_path(name).read_text(encoding="utf-8")
        wrapped = hard_wrap(text, width)
        assert wrapped != text, name
        whole, cut = checklist.audit(text), checklist.audit(wrapped)
        assert [(r.id, r.status) for r in cut.requirements] == [(r.id, r.status) for r in whole.requirements], name
        keys = ("title", "issuer", "level", "year", "date", "addressee")
        assert {k: getattr(cut.document, k) for k in keys} == {k: getattr(whole.document, k) for k in keys}, name
        for r in cut.requirements:  # every quote is the original text it points at
            for e in r.evidence:
                assert wrapped[e.start : e.end] == e.quote


# A passage of our own, wrapped at 20 characters, with a page number between two lines
# of one paragraph (the clutter step removes it).
WRAPPED = (
    "关于2023年度法治政府建设情况的报告\n"
    "县委依法治县办：\n"
    "　　2023年，我局坚持以习近平法治思想为指导，\n"
    "扎实推进法治政府建设。现将有关情况报告如下。\n"
    "一、主要举措和成效\n"
    "　　（一）严格规范执法。全面推行行政执法公示、执\n"
    "法全过程记录、重大执法决定法制审核制度，全年办\n"
    "— 1 —\n"
    "理行政处罚案件132件，全部案件经法制审核后作出\n"
    "决定。\n"
    "　　（二）健全法律顾问制度。聘请2名律师担任常年\n"
    "法律顾问，全年审查合同21份、规范性文件3件。\n"
    "二、存在的不足\n"
    "　　执法人员偏少。\n"
    "三、2024年工作安排\n"
    "　　充实执法力量。\n"
    "某某县市场监督管理局\n"
    "2024年1月18日"
)


def test_a_term_cut_by_a_wrap_is_found_and_quoted_from_the_original() -> None:
    result = checklist.audit(WRAPPED)
    recording = result.requirement("enforcement.recording")
    assert recording.status == "met"
    quote = recording.evidence[0]
    assert WRAPPED[quote.start : quote.end] == quote.quote
    assert "执\n法全过程记录" in quote.quote  # (the original between, page number and all)
    doc = checklist.parse(WRAPPED)
    assert "全面推行行政执法公示、执法全过程记录、重大执法决定法制审核制度,全年办理行政处罚案件132件" in doc.text
    assert [WRAPPED[r.start : r.end] for r in doc.removed] == ["— 1 —"]
    assert [s.heading for s in doc.sections if s.level == 1] == [
        "一、主要举措和成效",
        "二、存在的不足",
        "三、2024年工作安排",
    ]
    m = doc.metadata
    assert (m.title, m.addressee, m.issuer, str(m.date)) == (
        "关于2023年度法治政府建设情况的报告",
        "县委依法治县办",
        "某某县市场监督管理局",
        "2024-01-18",
    )


def test_text_of_whole_paragraphs_is_left_as_it_is() -> None:
    for name in SAMPLES:
        text = sample_path(name).read_text(encoding="utf-8")
        norm = normalize_text(text, line_spans(text))
        kept = [i for i, t in enumerate(norm.texts) if t]
        assert wrap_width(norm, kept) is None, name
        assert unwrap(text, norm, kept) is None, name


def test_lines_of_one_width_that_end_their_sentences_are_not_joined() -> None:
    # a list of items of one length, each a sentence: no line ends inside a sentence
    items = "\n".join(f"第{n}项工作按期完成并通过验收合格。" for n in range(1, 9))
    doc = checklist.parse(f"关于2023年度法治政府建设情况的报告\n{items}")
    assert len(doc.lines) == 9


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["法治政府建设", "执法", "全过程记录", "，", "。", "\n", "　　", "2023年", "一、"]), max_size=80
    )
)
def test_any_wrapped_text_keeps_its_offsets(parts: list[str]) -> None:
    text = "".join(parts)
    if not text.strip():
        return
    try:
        doc = checklist.parse(text)
    except checklist.InputError:
        return
    for start, end in doc.lines:  # every normalised character maps into the original
        if start < end:
            a, b = doc.offsets.to_original(start, end)
            assert 0 <= a <= b <= len(text)


def test_headings_of_one_length_with_a_comma_are_no_wrap() -> None:
    # numbered headings that hold a comma but end no sentence, all about one length, each
    # over a paragraph: a page's outline, not a wrapped copy
    parts = [
        "(一)强化理论武装,增强依法行政能力",
        "(二)坚持党委领导,有序推进法治建设",
        "(三)坚持依法决策,完善制度体系建设",
        "(四)深入推进普法,营造浓厚法治氛围",
    ]
    body = "组织专题学习4次，开展普法活动12场，调解纠纷35件，聘请法律顾问1名。"
    text = "关于2023年度法治政府建设情况的报告\n" + "\n".join(f"{p}\n{body}" for p in parts)
    doc = checklist.parse(text)
    assert [s.heading for s in doc.sections] == parts
    assert len(doc.lines) == 9
