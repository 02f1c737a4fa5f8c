"""Website clutter in text pasted from a page: recognise it, keep it aside.

Reports are often copied from a government web page together with what surrounds the
body: page metadata (索引号, 发布机构, 发布日期 …), navigation, share buttons, font-size
toggles, QR-code prompts, footers with ICP/公安备案 lines, lists of other government
websites. The rules below are general: page-metadata lines (key–value lines with the
standard field names of government information-disclosure pages, in the shapes CMSs
print them: ``key value`` grids, spaced keys ``索 引 号``, bullets ``• 索引号:``, pipe tables
``| [ 索引号 ] | … |``, ``【发布机构】…``), short lines made of web-page furniture vocabulary,
menu lines and breadcrumbs, bare page numbers, a page title repeated above the
document's own title, the page's own lines above the title (the site's name, its
column, a date stamp), the list of other articles after the text, and runs of short
non-sentence lines before the document starts or after its signature. Nothing is
deleted: removed lines become ``removed`` spans.

The site's own name above the title (``某某区人民政府`` over a township's report, a
portal banner) is removed with the reason ``site_header``: it names who runs the site,
not who wrote the report, so it must not be read as the report's header.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from checklist.ingest.shapes import (
    SENTENCE_PUNCT,
    TITLE_KIND,
    TITLE_TOPIC,
    is_date_line,
    is_org_line,
    is_title_line,
    match_marker,
)
from checklist.vocabulary import (
    NAVIGATION_SUFFIXES,
    NAVIGATION_WORDS,
    PAGE_DATE_FIELDS,
    PAGE_FIELDS,
    RELATED_LIST_MARKERS,
    STAMP_FIELD,
    TITLE_FIELD,
    alternation,
)

# A page field name, perhaps spaced out to fill its cell (索 引 号); longest first.
_FIELD_ALT = "|".join(
    r"\s?".join(map(re.escape, k)) for k in sorted((*PAGE_FIELDS, *PAGE_DATE_FIELDS), key=len, reverse=True)
)
_FIELD = re.compile(rf"(?:^|(?<=\s))({_FIELD_ALT})\s?[:：]?\s?")
_FIELD_AT_START = re.compile(rf"^({_FIELD_ALT})\s?(:|\s)")
_BRACKETED = re.compile(rf"[\[【]\s?({_FIELD_ALT})\s?[\]】]\s?")
_BULLET = re.compile(r"^[-•·*▪●◆■]\s?")
_PIPE = re.compile(r"\s?[|｜]\s?")
_PIPE_ROW = re.compile(r"^[|｜]")
_DATE_KEYS = frozenset(PAGE_DATE_FIELDS)
# What must follow 时间: or 日期: for the line to be page metadata: a date (2023-05-11,
# 2021/03/29, 2023年05月11日) or the masked one a mirror site prints (**********).
_DATE_VALUE = re.compile(r"\s?(?:\d{4}\s?[-/.年]\s?\d{1,2}|\*{4,})")
# A bare date stamp, perhaps with a time and a short label (某省/某市-2026-01-27 00:00:00):
# above the title it is the page's date; with a time it is never report text.
_STAMP = r"^[^。,，;；:：]{0,12}?[-\s]?\d{4}\s?[-/.]\s?\d{1,2}\s?[-/.]\s?\d{1,2}"
# (with a time, the source may follow: 2024-01-22 15:30:12 某某县林业局)
_STAMP_SOURCE = r"(?:\s[^\s。,，;；:：]{2,20})?"
_STAMP_LINE = re.compile(rf"{_STAMP}(?:\s\d{{1,2}}:\d{{2}}(?::\d{{2}})?{_STAMP_SOURCE})?$")
_STAMP_TIME_LINE = re.compile(rf"{_STAMP}\s\d{{1,2}}:\d{{2}}(?::\d{{2}})?{_STAMP_SOURCE}$")
_MASKED = re.compile(r"[*\s:：-]*")  # a value a mirror site masked (********** **:**)

# Web-page furniture: words that mark navigation, sharing, printing, footers. Three
# regexes, tried in turn, so that the regex engine can skip ahead in the first (every form
# opens with a Chinese character or a bracket, and holds no letter: the engine jumps from
# one possible first character to the next): the forms that stand anywhere; those that
# open the line (tried at its start only); and the few left, in any case of letters.
_FURNITURE_WORDS = re.compile(
    r"网站地图|手机上查看|分享到|打印本页|打印此页|\[打印\]|【打印】|"
    r"关闭窗口|【关闭】|\[关闭\]|字体[:：]?\s?[大中小]|【字体|当前位置|请输入(?:关键[字词]|搜索|检索)|"
    r"站内搜索|高级检索|现在的位置|您的位置|所在的位置|首页\s?[>>»/]|公网安备|网站标识码|网站识别码|"
    r"©|承办[:：]|你还可以输入|您还可以输入|返回顶部|返回首页|"
    r"加入收藏|设为首页|繁体版|简体版|政府网站$|部门网站$|街镇网站$|其他网站$|友情链接|"
    r"站点导航|网站导航|建议使用.{0,20}浏览器"
)
# Words of web furniture that a report's own sentence may hold too (群众扫码…二维码, 提供技术
# 支持, 城市运行管理, 无障碍环境, 适老化改造, 公布联系电话): furniture only on a line that is
# no sentence, or as a label (技术支持:…, 联系电话:…). A PDF's or a page's short lines are
# report text that must not be lost.
_FURNITURE_LABELS = re.compile(
    r"(今天是|扫一扫|手机扫描|分享文章|版权所有|技术支持|主办单位|运行管理|网站管理|联系电话|联系我们|电子邮件|"
    r"智能问答|关注公众号|官方微信|官方微博|相关链接|相关阅读|相关文章|上一篇|下一篇|无障碍|长者模式|适老化|"
    r"分辨率|二维码)(\s?[:：])?"
)
_FURNITURE_OPENING = re.compile(
    r"大\s?中\s?小$|(?:搜\s?索|检\s?索)$|主办[:：]|English$|(?:微信|微博|QQ空间|今日头条)$|"
    r"【?(?:打印|关闭|收藏|分享)】?$|扫码|(?:阅读|浏览)(?:次数|量)",
    re.IGNORECASE,
)
_FURNITURE_OPENING_FIRST = frozenset("大搜检主EeQq微今【打关收分扫阅浏")  # (a test checks them)
# (a character each of these forms needs, found fast without IGNORECASE: 字号, 小, 星期, the
# p of ICP and Copyright, the m of E-mail, which no other letter matches in any case)
_FURNITURE_OTHER_NEEDED = "字小星PpMm"
_FURNITURE_OTHER_NEEDS = re.compile(f"[{_FURNITURE_OTHER_NEEDED}]")
_FURNITURE_OTHER = re.compile(
    r"(?=[字\s\dIiİıCcEe])(?:(?<!文)字号|\s大\s中\s小$|\d日\s?星期[一二三四五六日天]|ICP备|ICP证|Copyright|E-?mail)",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–]\s?\d{1,4}\s?[-—–]|第\s?\d{1,4}\s?页(?:\s?共\s?\d{1,4}\s?页)?|\d{1,4}\s?/\s?\d{1,4}|\d{1,4})$"
)
_PAGE_NUMBER_FIRST = frozenset("-—–第")  # how a page number can open, besides a digit (\d is isdecimal)
# A line that is a web address, alone or after a short label: a bare link, or the
# watermark a document-sharing site stamps into copied reports (``某某文库 www.…com``).
# A report citing its website does so inside a sentence, which this does not match; a
# government address (.gov) on a line of its own is the report's content, not a stamp.
_ADDRESS_LINE = re.compile(
    r"^[^。,，;；!！?？:：]{0,24}?\s?(?:https?://|www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)+[a-z0-9_./?=&%#~+-]*$", re.IGNORECASE
)

# A copied file's name on a line of its own (某某街道2020年法治政府建设情况.docx).
_FILE_NAME = re.compile(r"^[^\s/\\。,，;；]{1,80}\.(?:docx?|wps|pdf|rtf|txt|html?|xlsx?)$", re.IGNORECASE)
# A breadcrumb without its label: two or more ``>`` between short items.
_BREADCRUMB = re.compile(r"^(?:[^>»›。,，;；]{0,20}\s?(?:>>?|»|›)\s?){2,}[^>»›。,，;；]{0,30}$")
# A portal's banner or greeting (某某市人民政府门户网站, 欢迎访问某某局官方网站).
_GREETING = "欢迎"
_SITE_GREETING = re.compile(rf"{_GREETING}(?:登录|访问|来到|光临)")
_SITE_NAME_ENDS = ("门户网站", "官方网站", "政府网", "门户网")
_MENU_SPLIT = re.compile(r"[\s|｜·]+")
_SEPARATORS = " |｜·"  # the printable characters _MENU_SPLIT splits at (other blanks are not printable)
_CRUMB_MARKS = "›>»"  # a breadcrumb has two of them
_NAV_WORDS = frozenset(NAVIGATION_WORDS)
_MENU_ITEM_MAX = 12  # characters of one menu item
_RELATED = re.compile(rf"^[\[【]?(?:{alternation(RELATED_LIST_MARKERS)})[\]】]?[:：]?\s?$")
_RELATED_MAX = max(map(len, RELATED_LIST_MARKERS)) + 5  # what _RELATED can match: brackets, colon, blank, "\\n"
_TITLE_SCAN = 40  # lines looked at for the document's title under the page's clutter

PAGE_TITLE_REASON = "page_title"  # reasons are codes: ``removed.<code>`` in the message catalogue
SITE_HEADER_REASON = "site_header"  # the site's own name above the title: not the issuer
_META_MAX = 160  # characters: a longer line is never page metadata, furniture or a menu
# How a metadata line can start: a field name's first character, a bullet, a pipe, a bracket.
_META_FIRST = frozenset(k[0] for k in (*PAGE_FIELDS, *PAGE_DATE_FIELDS)) | frozenset("-•·*▪●◆■|｜[【 ")
# What a line of at most _META_MAX characters needs for a rule of _rules_verdict to take it:
# a first character that opens page fields, a page number or a furniture form (or a
# digit); an unprintable character (every blank but the space); an end that names a site;
# or one of these characters: one of each furniture word (its least common in reports), the
# one each other furniture form needs, a menu separator, a breadcrumb mark, the first of a
# greeting, the colon of a time, the dot of an address or a file name. (A test checks each
# rule against them.) Most headings and short paragraphs have none: one class scan.
_FURNITURE_WORD_CUES = "图扫看描享页[【闭字置天输搜索码版©技办承运站话们邮答注微链阅章篇返藏碍模适航浏辨备"
_CLUTTER_FIRST = _META_FIRST | _PAGE_NUMBER_FIRST | _FURNITURE_OPENING_FIRST
_CLUTTER_CUE = re.compile(
    "["
    + re.escape(_FURNITURE_WORD_CUES + _FURNITURE_OTHER_NEEDED + _SEPARATORS + _CRUMB_MARKS + _GREETING[0] + ":.")
    + "]"
)


@dataclass(frozen=True, slots=True)
class LineVerdict:
    """What a line is: ``body``, ``meta`` (page metadata) or ``clutter``, and why (a code:
    the message ``removed.<reason>`` says it in Chinese or English)."""

    kind: str
    reason: str = ""


# Every verdict is one of these (frozen: shared by every line that gets it).
_BODY = LineVerdict("body")
_ADDRESS = LineVerdict("clutter", "address")
_PAGE_METADATA = LineVerdict("meta", "page_metadata")
_NAVIGATION = LineVerdict("clutter", "navigation")
# the same verdict, by a word a sentence may hold too: taken back between two body lines
_NAVIGATION_BY_WORD = LineVerdict("clutter", "navigation")
_SITE_HEADER = LineVerdict("clutter", SITE_HEADER_REASON)
_PAGE_NUMBER_LINE = LineVerdict("clutter", "page_number")
_FILE_NAME_LINE = LineVerdict("clutter", "file_name")
_AFTER_BODY = LineVerdict("clutter", "after_body")
_RELATED_LIST = LineVerdict("clutter", "related_list")
_BEFORE_BODY = LineVerdict("clutter", "before_body")
_PAGE_TITLE = LineVerdict("clutter", PAGE_TITLE_REASON)


def parse_fields(line: str) -> dict[str, str]:
    """Key–value pairs of a page-metadata line (``发布时间:2020-03-25 来源:某局``); a bare
    date stamp above the document (``2026-01-27 09:30``) is filed under ``日期``."""
    line = as_fields(line)
    matches = list(_FIELD.finditer(line))
    if not matches and _STAMP_LINE.match(line):
        return {STAMP_FIELD: line}
    fields: dict[str, str] = {}
    for i, m in enumerate(matches):
        key = re.sub(r"\s", "", m.group(1))
        value_end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        value = line[m.end() : value_end].strip(" :：")
        if value and key not in fields and not _MASKED.fullmatch(value):
            fields[key] = value
    return fields


def unbracket(line: str) -> str:
    """A metadata line as ``key: value``: many sites print ``[ 发布机构 ] 某某乡人民政府`` or
    ``- [ 索引号 ] …`` (a bullet, the key in brackets); other lines come back unchanged."""
    if "[" not in line and "【" not in line:
        return line
    return _BRACKETED.sub(r"\1: ", _BULLET.sub("", line)).strip()


def as_fields(line: str) -> str:
    """A metadata line in the ``key: value`` form, whatever the CMS printed around it: a
    bullet (``• 索引号:``, ``- 索 引 号:``), pipe-table cells (``| [ 索引号 ] | … |``),
    brackets (``【发布机构】…``). Other lines come back unchanged but for the bullet."""
    line = _BULLET.sub("", line, count=1)
    if "|" in line or "｜" in line:
        line = _PIPE.sub(" ", line).strip()
    return unbracket(line)


def is_meta_line(line: str) -> bool:
    """A line of page metadata: starts with a field name and is not a sentence.

    ``时间`` and ``日期`` (and the other :data:`~checklist.vocabulary.PAGE_DATE_FIELDS`)
    make a metadata line only when a date follows: ``时间:2018-05-03 浏览次数:`` is one,
    ``时间紧、任务重`` is not."""
    line = unbracket(line)
    start = _FIELD_AT_START.match(line)
    if len(line) > 160 or not start or line.endswith("。"):
        return False
    if re.sub(r"\s", "", start.group(1)) in _DATE_KEYS:
        return bool(_DATE_VALUE.match(line, start.end()))
    n_fields = len(_FIELD.findall(line))
    return n_fields >= 2 or bool(re.match(rf"^({_FIELD_ALT})\s?[:：]", line))


def _is_page_fields(line: str) -> bool:
    """Page metadata in any CMS shape (see :func:`as_fields`); a pipe-table row needs no
    colon: its cells say where the key ends (``| 发布机构 | 某某局 |``)."""
    form = as_fields(line)
    if is_meta_line(form):
        return True
    start = _FIELD_AT_START.match(form)
    return bool(_PIPE_ROW.match(line) and start and re.sub(r"\s", "", start.group(1)) not in _DATE_KEYS)


def _is_menu(line: str) -> bool:
    """A portal's menu line: three or more short items, at least two of them menu words
    or portal links (首页 政务公开 政务服务 互动交流; 中国政府网 | 某某市人民政府网)."""
    if len(line) > 80 or not _has_separator(line) or SENTENCE_PUNCT.search(line):
        return False
    items = [w for w in _MENU_SPLIT.split(line) if w]
    if len(items) < 3 or any(len(w) > _MENU_ITEM_MAX for w in items):
        return False
    menu_items = sum(1 for w in items if w in _NAV_WORDS or w.endswith(NAVIGATION_SUFFIXES))
    return menu_items >= 2


def _has_separator(line: str) -> bool:
    """Whether ``line`` holds a character :data:`_MENU_SPLIT` splits at (a line without one
    is one item): a space, a bar, a middle dot, or another blank, which is never printable."""
    return " " in line or "|" in line or "｜" in line or "·" in line or not line.isprintable()


def _is_furniture(line: str) -> bool:
    return len(line) <= 80 and bool(
        _FURNITURE_WORDS.search(line)
        or (line[0] in _FURNITURE_OPENING_FIRST and _FURNITURE_OPENING.match(line))
        or (_FURNITURE_OTHER_NEEDS.search(line) and _FURNITURE_OTHER.search(line))
    )


def _is_furniture_label(line: str) -> bool:
    """A furniture word that a sentence may hold too, on a line that is no sentence or
    as a label (followed by a colon)."""
    colons = [m.group(2) is not None for m in _FURNITURE_LABELS.finditer(line)]
    return bool(colons) and (any(colons) or SENTENCE_PUNCT.search(line) is None)


def _is_short_fragment(line: str) -> bool:
    """Short, not a sentence, not a body name, not a date, not a heading."""
    return (
        len(line.replace(" ", "")) <= 14
        and not SENTENCE_PUNCT.search(line)
        and not is_org_line(line)
        and not is_date_line(line)
        and match_marker(line) is None
        and not line.endswith((":", "："))
    )


def _is_content_start(line: str) -> bool:
    return (
        is_org_line(line)
        or line.endswith((":", "："))
        or match_marker(line) is not None
        or (len(line) >= 8 and bool(TITLE_KIND.search(line)))
        or (len(line) >= 30 and bool(SENTENCE_PUNCT.search(line)))
    )


def classify(lines: Sequence[str]) -> tuple[list[LineVerdict], dict[str, str]]:
    """Classify normalised lines; return verdicts and the page metadata found in them."""
    verdicts: list[LineVerdict] = []
    live: list[int] = []  # the lines with text that are body so far
    meta: dict[str, str] = {}
    for i, line in enumerate(lines):
        if not line:
            verdicts.append(_BODY)
            continue
        verdict = _line_verdict(line)
        verdicts.append(verdict)
        if verdict.kind == "body":
            live.append(i)
        elif verdict.kind == "meta":
            for k, v in parse_fields(line).items():
                meta.setdefault(k, v)
    if _restore_sandwiched(lines, verdicts):
        live = [i for i, line in enumerate(lines) if line and verdicts[i].kind == "body"]
    if _mark_related_list(lines, verdicts):
        live = [i for i in live if verdicts[i].kind == "body"]
    # Before the document starts: short fragments (menu items, widget labels).
    before = 0
    for i in live:
        if _is_content_start(lines[i]) or not _is_short_fragment(lines[i]):
            break
        verdicts[i] = _page_line(lines[i], meta)
        before += 1
    # After the signature (or the last sentence): short fragments again.
    after = 0
    for i in reversed(live):
        line = lines[i]
        if is_date_line(line) or is_org_line(line) or not _is_short_fragment(line):
            break
        verdicts[i] = _AFTER_BODY
        after += 1
    live = live[before : len(live) - after]  # (empty when the two runs met)
    title = _mark_repeated_page_title(lines, verdicts, meta, live)
    if title is not None:
        live.remove(title)
    _mark_before_title(lines, verdicts, meta, live)
    return verdicts, meta


def _restore_sandwiched(lines: Sequence[str], verdicts: list[LineVerdict]) -> bool:
    """Lines taken for furniture only by a word a sentence may hold too (二维码, 技术支持,
    运行管理 …) are body again when the lines with text on both sides are body: a
    heading or a wrapped line of the report, not the page's header or footer. Whether
    any was."""
    restored = False
    for i, verdict in enumerate(verdicts):
        if verdict is not _NAVIGATION_BY_WORD:
            continue
        before = next((verdicts[k] for k in range(i - 1, -1, -1) if lines[k]), None)
        after = next((verdicts[k] for k in range(i + 1, len(lines)) if lines[k]), None)
        if before is _BODY and after is _BODY:
            verdicts[i] = _BODY
            restored = True
    return restored


def _line_verdict(line: str) -> LineVerdict:
    """What a line is on its own, before its neighbours are looked at."""
    if len(line) > _META_MAX:  # a paragraph: only a web address may make it clutter
        return _ADDRESS if "." in line and _is_address(line) else _BODY
    first = line[0]
    if (
        first not in _CLUTTER_FIRST
        and not first.isdecimal()
        and not _CLUTTER_CUE.search(line)
        and line.isprintable()
        and not line.endswith(_SITE_NAME_ENDS)
    ):
        return _BODY  # nothing any rule needs (most headings and short paragraphs)
    return _rules_verdict(line)


def _rules_verdict(line: str) -> LineVerdict:
    """:func:`_line_verdict` of a line of at most :data:`_META_MAX` characters, rule by rule."""
    n, first = len(line), line[0]
    if (first in _META_FIRST and _is_page_fields(line)) or (":" in line and _STAMP_TIME_LINE.match(line)):
        return _PAGE_METADATA
    if _is_furniture(line) or _is_menu(line) or (n <= 120 and _is_breadcrumb(line)):
        return _NAVIGATION
    if n <= 80 and _is_furniture_label(line):
        return _NAVIGATION_BY_WORD
    if n <= 40 and (line.endswith(_SITE_NAME_ENDS) or _SITE_GREETING.match(line)):
        return _SITE_HEADER
    if (first in _PAGE_NUMBER_FIRST or first.isdecimal()) and _PAGE_NUMBER.match(line):
        return _PAGE_NUMBER_LINE
    if "." in line:  # (an address and a file name have a dot)
        if _is_address(line):
            return _ADDRESS
        if _FILE_NAME.match(line):
            return _FILE_NAME_LINE
    return _BODY


def _is_breadcrumb(line: str) -> bool:
    return ("›" in line or ">" in line or "»" in line) and bool(_BREADCRUMB.match(line))


def _is_address(line: str) -> bool:
    if "." not in line:  # the host name has a dot: a line without one is no address
        return False
    if "h" not in line and "w" not in line and "H" not in line and "W" not in line:
        return False  # no http, no www, in any case (no other character lowers to h or w)
    lowered = line.lower()  # the address needs http or www (in any case), and no .gov
    return (
        ("http" in lowered or "www." in lowered)
        and ".gov" not in lowered
        and bool(_ADDRESS_LINE.match(line))
        and match_marker(line) is None
    )


def _mark_related_list(lines: Sequence[str], verdicts: list[LineVerdict]) -> bool:
    """The page's list of other articles after the text (相关阅读 and the titles under it):
    left in, its titles would stand after the signature and hide it. Whether there is one."""
    half = len(lines) // 2
    for i in range(half, len(lines)):
        if len(lines[i]) > _RELATED_MAX or not _RELATED.match(lines[i]):
            continue
        verdicts[i] = _RELATED_LIST
        for j in range(i + 1, len(lines)):
            line = lines[j]
            if len(line) > 60 and "。" in line:
                return True  # a paragraph: the page goes on with text of its own
            if line and verdicts[j].kind == "body":
                verdicts[j] = _RELATED_LIST
        return True
    return False


def _mark_before_title(
    lines: Sequence[str], verdicts: list[LineVerdict], meta: dict[str, str], live: Sequence[int]
) -> None:
    """The page's own lines above the document's title: the site's name, its column, a date
    stamp, a menu item. The report's header (body names right above the title) stays.
    ``live``: the lines with text whose verdict is body."""
    title = _title_position(lines, live)
    if not title:
        return
    own = _own_header(lines, verdicts, live[title])
    for i in live[:title]:
        if i in own:
            continue
        verdicts[i] = _page_line(lines[i], meta)


def _page_line(line: str, meta: dict[str, str]) -> LineVerdict:
    """A line of the page above the document: its date stamp (filed as page metadata),
    the site's name, or another fragment."""
    if _STAMP_LINE.match(line):
        meta.setdefault(STAMP_FIELD, line)
        return _PAGE_METADATA
    if is_org_line(line) or _names_a_body(line):
        return _SITE_HEADER
    return _BEFORE_BODY


def _title_position(lines: Sequence[str], live: Sequence[int]) -> int | None:
    """Index in ``live`` of the first title line, if it comes before the text starts."""
    for pos, i in enumerate(live[:_TITLE_SCAN]):
        line = lines[i]
        if is_title_line(line) or (
            TITLE_TOPIC.search(line) and not is_org_line(line) and _wraps(line, lines, live, pos)
        ):
            return pos
        if match_marker(line) is not None or line.endswith(":") or (len(line) >= 30 and SENTENCE_PUNCT.search(line)):
            return None  # the text started without a title
    return None


def _wraps(line: str, lines: Sequence[str], live: Sequence[int], pos: int) -> bool:
    """Whether ``line`` and the next live line make a title (a title wrapped in two)."""
    nxt = lines[live[pos + 1]] if pos + 1 < len(live) else ""
    # (not when the next line is a whole title: this one is then the column it is filed in)
    return not is_title_line(nxt) and is_title_line(line + nxt)


def _own_header(lines: Sequence[str], verdicts: Sequence[LineVerdict], title: int) -> set[int]:
    """The body-name lines right above the title, nothing between: the report's header.
    A body name with page lines between it and the title is the site's."""
    own: set[int] = set()
    for i in range(title - 1, -1, -1):
        line = lines[i]
        if not line:
            continue
        if verdicts[i].kind != "body" or not is_org_line(line) or line in _NAV_WORDS:
            break
        own.add(i)
    return own


def _names_a_body(line: str) -> bool:
    """A short line that starts with a body's name (某某镇人民政府信息公开), but not the
    red header of an official document (某某县人民政府文件), which is the issuer's own."""
    return (
        len(line) <= 40
        and not line.endswith("文件")
        and not SENTENCE_PUNCT.search(line)
        and any(is_org_line(line[:k]) for k in range(3, len(line)))
    )


def _mark_repeated_page_title(
    lines: Sequence[str], verdicts: list[LineVerdict], meta: dict[str, str], live: Sequence[int]
) -> int | None:
    """A page title shown above the document that repeats the document's own heading: the
    index of the line marked, if any. ``live``: the lines with text whose verdict is body."""
    squeezed_lines = [lines[j].replace(" ", "") for j in live[:15]]  # each line once
    lengths = [len(line) for line in squeezed_lines]
    pair_lengths = [a + b for a, b in pairwise(lengths)]  # [k]: lines k and k + 1 joined
    for pos, i in enumerate(live[:6]):
        squeezed = squeezed_lines[pos]
        n = lengths[pos]
        if n < 8:
            continue
        # the line itself follows, or two lines that join into it (lengths first: the
        # following lines are paragraphs, not worth joining); then, whether it names a
        # kind of report
        if (
            squeezed in squeezed_lines[pos + 1 : pos + 10]
            or (n in pair_lengths[pos + 1 : pos + 9] and _joins_into(squeezed, squeezed_lines, pos + 1, pos + 9))
        ) and TITLE_KIND.search(squeezed):
            verdicts[i] = _PAGE_TITLE
            meta.setdefault(TITLE_FIELD, lines[i])
            return i
    return None


def _joins_into(line: str, lines: Sequence[str], first: int, stop: int) -> bool:
    """Whether ``lines[k] + lines[k + 1]`` is ``line`` for a ``k`` in ``first:stop``."""
    n = len(line)
    return any(
        len(lines[k]) + len(lines[k + 1]) == n and lines[k] + lines[k + 1] == line
        for k in range(first, min(stop, len(lines) - 1))
    )
