"""The clutter step's quick look (issue 14): a short line without any cue is body.

``_line_verdict`` answers "body" for a line of at most ``_META_MAX`` characters without
trying its rules when the line has none of what they need (``_CLUTTER_FIRST``,
``_CLUTTER_CUE``, an unprintable character, a site's name at its end). These tests check
each rule's needs against the cue, then the whole verdict against the rules on generated
lines.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checklist.ingest import clutter
from checklist.vocabulary import NAVIGATION_WORDS, PAGE_DATE_FIELDS, PAGE_FIELDS, RELATED_LIST_MARKERS

_EVERY_CHAR = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)


def _cued(ch: str) -> bool:
    return clutter._CLUTTER_CUE.fullmatch(ch) is not None


def test_every_furniture_word_holds_a_cue_character() -> None:
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    [(_branch, (_none, alternatives))] = list(_parser.parse(clutter._FURNITURE_WORDS.pattern))
    # the words a sentence may hold too: the alternation in the first group
    (_sub, (_group, _add, _del, labels)), _colon = list(_parser.parse(clutter._FURNITURE_LABELS.pattern))
    [(_branch, (_none, label_alternatives))] = list(labels)
    assert len(label_alternatives) > 20
    for alternative in [*alternatives, *label_alternatives]:
        literals = [chr(av) for op, av in alternative if op is c.LITERAL]
        assert any(_cued(ch) for ch in literals), literals


def test_the_cue_holds_what_the_other_rules_need() -> None:
    # the character each other furniture form needs, in every case it is found in
    assert set(clutter._FURNITURE_OTHER_NEEDS.findall(_EVERY_CHAR)) <= set(clutter._CLUTTER_CUE.findall(_EVERY_CHAR))
    # a menu's separators: cued, or unprintable (which the quick look tests)
    separators = [ch for ch in _EVERY_CHAR if clutter._has_separator(ch)]
    assert len(separators) > 20 and all(_cued(ch) or not ch.isprintable() for ch in separators)
    # a breadcrumb's marks, a time's colon, an address's and a file name's dot
    marks = {ch for ch in _EVERY_CHAR if ch in clutter._BREADCRUMB.pattern and clutter._is_breadcrumb(ch * 3)}
    assert marks == set("›>»") and all(_cued(ch) for ch in marks)
    assert _cued(":") and _cued(".")
    # a greeting's first character; the first characters of page fields, page numbers
    # and the furniture forms that open a line
    assert _cued(clutter._SITE_GREETING.pattern[0])
    assert clutter._CLUTTER_FIRST >= clutter._META_FIRST | clutter._PAGE_NUMBER_FIRST
    assert clutter._CLUTTER_FIRST >= clutter._FURNITURE_OPENING_FIRST


def _furniture_words() -> list[str]:
    """The literal characters of each furniture word (``字体`` of ``字体[:：]?\\s?[大中小]``)."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    [(_branch, (_none, alternatives))] = list(_parser.parse(clutter._FURNITURE_WORDS.pattern))
    return ["".join(chr(av) for op, av in alternative if op is c.LITERAL) for alternative in alternatives]


_FURNITURE = _furniture_words()
_PIECES = [
    *_FURNITURE,
    *PAGE_FIELDS,
    *PAGE_DATE_FIELDS,
    *NAVIGATION_WORDS,
    *RELATED_LIST_MARKERS,
    *clutter._SITE_NAME_ENDS,
    "欢迎访问",
    "大 中 小",
    "大",
    "中",
    "小",
    "/",
    "ICP备",
    "Copyright",
    "E-mail",
    "5日星期一",
    "字号",
    "English",
    "扫码",
    "阅读次数",
    "http://www.example.cn",
    "www.a.com",
    ".docx",
    "第3页",
    "- 12 -",
    "3/7",
    "2026-01-27 09:30:00",
    ">",
    "»",
    "›",
    "|",
    "｜",
    "·",
    " ",
    "\u3000",
    "\xa0",
    "\t",
    ":",
    "：",
    "【",
    "】",
    "[",
    "]",
    "-",
    "•",
    "12",
    "2023",
    "年",
    "法治政府建设",
    "加强组织领导",
    "（一）",
    "一、",
    "某某镇人民政府",
    "。",
    "，",
]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=6).map("".join))
def test_the_quick_look_gives_the_rules_verdict(line: str) -> None:
    if len(line) <= clutter._META_MAX:
        assert clutter._line_verdict(line) == clutter._rules_verdict(line)


def test_only_h_and_w_lower_to_h_and_w() -> None:
    """``_is_address`` skips a line without h, w, H or W: no other character's lower case
    holds an h or a w, so such a line holds no http or www in any case."""
    assert [ch for ch in _EVERY_CHAR if ch not in "hHwW" and ("h" in ch.lower() or "w" in ch.lower())] == []
    assert clutter._is_address("网址 http://www.example.cn") and not clutter._is_address("网址 ＨＴＴＰ.")
