"""Website clutter in text pasted from a page: recognise it, keep it aside.

Reports are often copied from a government web page together with what surrounds the
body: page metadata (索引号, 发布机构, 发布日期 …), navigation, share buttons, font-size
toggles, QR-code prompts, footers with ICP/公安备案 lines, lists of other government
websites. The rules below are general: page-metadata lines (key–value lines with the
standard field names of government information-disclosure pages), short lines made of
web-page furniture vocabulary, bare page numbers, a page title repeated above the
document's own title, and runs of short non-sentence lines before the document starts
or after its signature. Nothing is deleted: removed lines become ``removed`` spans.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from checklist.ingest.shapes import (
    SENTENCE_PUNCT,
    TITLE_KIND,
    is_date_line,
    is_org_line,
    match_marker,
)
from checklist.vocabulary import PAGE_FIELDS, TITLE_FIELD

# A page field name, perhaps spaced out to fill its cell (索 引 号); longest first.
_FIELD_ALT = "|".join(r"\s?".join(map(re.escape, k)) for k in sorted(PAGE_FIELDS, key=len, reverse=True))
_FIELD = re.compile(rf"(?:^|(?<=\s))({_FIELD_ALT})\s?[:：]?\s?")
_FIELD_AT_START = re.compile(rf"^({_FIELD_ALT})\s?(:|\s)")
_BRACKETED = re.compile(rf"[\[【]\s?({_FIELD_ALT})\s?[\]】]\s?")
_BULLET = re.compile(r"^[-•·*]\s?")

# Web-page furniture: words that mark navigation, sharing, printing, footers.
_FURNITURE = re.compile(
    r"网站地图|扫一扫|手机上查看|手机扫描|分享到|分享文章|打印本页|打印此页|\[打印\]|【打印】|"
    r"关闭窗口|【关闭】|\[关闭\]|字号|字体[:：]?\s?[大中小]|^大\s?中\s?小$|\s大\s中\s小$|当前位置|"
    r"现在的位置|您的位置|首页\s?[>>»/]|ICP备|ICP证|公网安备|网站标识码|网站识别码|版权所有|"
    r"Copyright|©|技术支持|主办单位|^主办[:：]|承办[:：]|运行管理|网站管理|联系电话|联系我们|"
    r"电子邮件|E-?mail|智能问答|你还可以输入|您还可以输入|关注公众号|官方微信|官方微博|相关链接|"
    r"相关阅读|相关文章|上一篇|下一篇|返回顶部|返回首页|加入收藏|设为首页|无障碍|长者模式|"
    r"适老化|繁体版|简体版|^English$|^(?:微信|微博|QQ空间|今日头条)$|政府网站$|部门网站$|"
    r"街镇网站$|其他网站$|友情链接|站点导航|网站导航|^【?(?:打印|关闭|收藏|分享)】?$|"
    r"建议使用.{0,20}浏览器|分辨率|^扫码|二维码|^(?:阅读|浏览)(?:次数|量)",
    re.IGNORECASE,
)
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–]\s?\d{1,4}\s?[-—–]|第\s?\d{1,4}\s?页(?:\s?共\s?\d{1,4}\s?页)?|\d{1,4}\s?/\s?\d{1,4}|\d{1,4})$"
)
# A line that is a web address, alone or after a short label: a bare link, or the
# watermark a document-sharing site stamps into copied reports (``某某文库 www.…com``).
# A report citing its website does so inside a sentence, which this does not match; a
# government address (.gov) on a line of its own is the report's content, not a stamp.
_ADDRESS_LINE = re.compile(
    r"^[^。,，;；!！?？:：]{0,24}?\s?(?:https?://|www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)+[a-z0-9_./?=&%#~+-]*$", re.IGNORECASE
)

PAGE_TITLE_REASON = "page_title"  # reasons are codes: ``removed.<code>`` in the message catalogue


@dataclass(frozen=True, slots=True)
class LineVerdict:
    """What a line is: ``body``, ``meta`` (page metadata) or ``clutter``, and why (a code:
    the message ``removed.<reason>`` says it in Chinese or English)."""

    kind: str
    reason: str = ""


def parse_fields(line: str) -> dict[str, str]:
    """Key–value pairs of a page-metadata line (``发布时间:2020-03-25 来源:某局``)."""
    line = unbracket(line)
    matches = list(_FIELD.finditer(line))
    fields: dict[str, str] = {}
    for i, m in enumerate(matches):
        key = re.sub(r"\s", "", m.group(1))
        value_end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        value = line[m.end() : value_end].strip(" :：")
        if value and key not in fields:
            fields[key] = value
    return fields


def unbracket(line: str) -> str:
    """A metadata line as ``key: value``: many sites print ``[ 发布机构 ] 某某乡人民政府`` or
    ``- [ 索引号 ] …`` (a bullet, the key in brackets); other lines come back unchanged."""
    if "[" not in line and "【" not in line:
        return line
    return _BRACKETED.sub(r"\1: ", _BULLET.sub("", line)).strip()


def is_meta_line(line: str) -> bool:
    """A line of page metadata: starts with a field name and is not a sentence."""
    line = unbracket(line)
    if len(line) > 160 or not _FIELD_AT_START.match(line):
        return False
    if line.endswith("。"):
        return False
    n_fields = len(_FIELD.findall(line))
    return n_fields >= 2 or bool(re.match(rf"^({_FIELD_ALT})\s?[:：]", line))


def _is_furniture(line: str) -> bool:
    return len(line) <= 80 and bool(_FURNITURE.search(line))


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
    verdicts = [LineVerdict("body") for _ in lines]
    meta: dict[str, str] = {}
    for i, line in enumerate(lines):
        if not line:
            continue
        if is_meta_line(line):
            verdicts[i] = LineVerdict("meta", "page_metadata")
            for k, v in parse_fields(line).items():
                meta.setdefault(k, v)
        elif _is_furniture(line):
            verdicts[i] = LineVerdict("clutter", "navigation")
        elif _PAGE_NUMBER.match(line):
            verdicts[i] = LineVerdict("clutter", "page_number")
        elif _ADDRESS_LINE.match(line) and match_marker(line) is None and ".gov" not in line.lower():
            verdicts[i] = LineVerdict("clutter", "address")
    live = [i for i, line in enumerate(lines) if line and verdicts[i].kind == "body"]
    # Before the document starts: short fragments (menu items, widget labels).
    for i in live:
        if _is_content_start(lines[i]) or not _is_short_fragment(lines[i]):
            break
        verdicts[i] = LineVerdict("clutter", "before_body")
    # After the signature (or the last sentence): short fragments again.
    for i in reversed(live):
        line = lines[i]
        if is_date_line(line) or is_org_line(line) or not _is_short_fragment(line):
            break
        verdicts[i] = LineVerdict("clutter", "after_body")
    _mark_repeated_page_title(lines, verdicts, meta)
    return verdicts, meta


def _mark_repeated_page_title(
    lines: Sequence[str], verdicts: list[LineVerdict], meta: dict[str, str]
) -> None:
    """A page title shown above the document that repeats the document's own heading."""
    live = [i for i, line in enumerate(lines) if line and verdicts[i].kind == "body"]
    for pos, i in enumerate(live[:6]):
        squeezed = lines[i].replace(" ", "")
        if len(squeezed) < 8 or not TITLE_KIND.search(squeezed):
            continue
        following = [lines[j].replace(" ", "") for j in live[pos + 1 : pos + 10]]
        for k in range(len(following)):
            if following[k] == squeezed or (
                k + 1 < len(following) and following[k] + following[k + 1] == squeezed
            ):
                verdicts[i] = LineVerdict("clutter", PAGE_TITLE_REASON)
                meta.setdefault(TITLE_FIELD, lines[i])
                return
