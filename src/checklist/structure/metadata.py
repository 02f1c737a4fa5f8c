"""Metadata: title, issuer, level, year, date, published, addressee — and where each is.

The header is the run of lines before the body: body names (``中共某区委 某区人民政府``),
the title (``关于2023年度法治政府建设情况的报告``), the addressee (``区委、区政府：``). The
signature block is the run of body names and a date at the end. Page metadata
(发布日期, 发布机构, 成文日期 …) fills what the text does not say. Values the report does
not state are ``None``: the year comes from the title or the opening sentence, never
from a site banner; the date from the signature or a 成文日期 field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from checklist.document import Metadata
from checklist.ingest.clutter import is_date_line, is_org_line
from checklist.structure.numerals import YEAR_RE, find_date, year_value
from checklist.structure.outline import match_marker

_TITLE_TYPE = re.compile(r"法治|法制|依法行政|依法治")
_TITLE_KIND = re.compile(r"报告|年报|情况|总结|汇报")
_ADMIN_TAIL = "省市区县州旗盟镇乡"
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_PARTY_OR_GOV = re.compile(r"(人民政府|政府|街道办事处|办事处|党工委|工委|党委|委员会|委)$")
_DEPARTMENT = re.compile(r"(局|厅|办公室|办|中心|院|所|署|站|队|管委会|管理委员会)$")
_NOTE_LINE = re.compile(r"^\(.{1,40}\)$")
_ISSUER_BEFORE = re.compile(r"^(.{2,60}?)\s?(?:关于|\d{4}\s?年|[〇○零一二][〇○零一二三四五六七八九]{3}\s?年)")
# A title may open with the bare name of the place whose government reports
# (``某某区2023年度法治政府建设情况报告``): the issuer is that place. "The whole / our /
# this" place (全区, 我县, 本市 …) is no name.
_PLACE_NAME = re.compile(r"^[\u4e00-\u9fff]{1,18}(?:省|自治区|市|区|县|旗|州|盟|镇|乡|街道|苏木)$")
_NOT_A_NAME = ("全", "我", "本", "各", "该", "此")
# …nor a programme named after a place level (依法治县, 依法治区)
_NOT_A_BODY = ("依法治",)
# a line that cites a document (按照《关于做好…报告工作的通知》) is no title of its own
_CITING = ("按照", "根据", "依据", "遵照", "对照", "为贯彻", "为落实")
# The opening sentence often names the reporting body as its subject:
# ``2023年，在区委、区政府的正确领导下，某某街道办事处坚持…`` — the first clause that is
# not a time (2023年, 一年来) or a setting (在…领导下) opens with the name, right before the
# verb that opens the account. It gives the level (and so the profile) of a report that
# names itself nowhere else, not an issuer. Only that clause: a later one may name
# another body (…，县司法局认真履行统筹协调职责).
_OPENING_SUBJECT = re.compile(
    r"\A([\u4e00-\u9fff]{1,24}?(?:街道办事处|办事处|人民政府|政府|街道|镇|乡|苏木|区|县|旗|市|局|委员会))"
    r"(?=坚持|以|认真|深入|始终|全面|紧紧|紧扣|围绕|按照|聚焦|在|切实|持续|积极|着力|不断|高度|扎实|结合|立足|严格"
    r"|法治政府建设|法治建设)"  # 某某乡法治政府建设工作在…领导下: the body's own work
)
_TIME_CLAUSE = re.compile(
    r"\A(?:\d{4}\s?年(?:\d{1,2}\s?月至\s?\d{1,2}\s?月|度|以来)?|今年以来|近年来|一年来|过去的?一年|本年度)\s?"
)
# clauses before the subject that are no subject: a setting (在…领导下, 按照…部署, 根据…),
# or what the year was (2023年是…之年)
_SETTING_CLAUSE = re.compile(r"\A(?:在.{1,40}(?:下|中)|(?:按照|根据|依据|遵照|对照|围绕|紧扣).{1,40}|是.{1,40}年)\Z")


@dataclass(frozen=True, slots=True)
class Layout:
    """Line indices of the header and signature, found before the outline is built."""

    body_first: int  # first line of the body (after title/addressee)
    body_stop: int  # first line of the signature block (or len(lines))
    title_line: int | None
    title_end_line: int | None  # the title's last line (a title may wrap onto a second line)
    header_org_lines: tuple[int, ...]
    addressee_line: int | None
    signature_org_lines: tuple[int, ...]
    signature_date_line: int | None


def is_title_line(line: str) -> bool:
    """A title line: names a report and rule of law, not a sentence, not too long."""
    return (
        8 <= len(line) <= 100
        and bool(_TITLE_KIND.search(line))
        and bool(_TITLE_TYPE.search(line))
        and not line.endswith((":", "。", ";", ","))
        and match_marker(line) is None
        and line.count(",") == 0
        and not line.startswith(_CITING)
    )


def is_addressee_line(line: str) -> bool:
    """A 主送 line: short, ends with a colon, no sentence punctuation."""
    return (
        2 <= len(line) <= 41
        and line.endswith(":")
        and not re.search(r"[,。;!?]|如下|报告", line)
        and match_marker(line) is None
    )


def locate(text: str, lines: Sequence[tuple[int, int]]) -> Layout:
    """Find the header and the signature block among the normalised lines."""
    texts = [text[s:e] for s, e in lines]
    title_line: int | None = None
    addressee: int | None = None
    orgs: list[int] = []
    title_end: int | None = None
    first = 0
    i = 0
    while i < min(12, len(texts)):
        line = texts[i]
        if title_line is None and is_title_line(line):
            title_line = title_end = i
        elif (title_line is None and i + 1 < len(texts) and not is_addressee_line(line)
              and not is_org_line(line) and is_title_line(line + texts[i + 1])
              and _TITLE_TYPE.search(line)):
            title_line, title_end = i, i + 1  # 关于2023年度法治政府建设 / 情况的报告
            i += 1
        elif addressee is None and is_addressee_line(line):
            addressee = i
        elif is_org_line(line) and title_line is None and addressee is None:
            orgs.append(i)
        elif is_date_line(line) or _NOTE_LINE.match(line):
            pass
        else:
            break
        i += 1
        first = i
    stop = len(texts)
    sig_orgs: list[int] = []
    sig_date: int | None = None
    for i in range(len(texts) - 1, max(first, len(texts) - 6) - 1, -1):
        line = texts[i]
        if match_marker(line) is not None:
            break
        if sig_date is None and is_date_line(line):
            sig_date = i
        elif is_org_line(line):
            sig_orgs.insert(0, i)
        elif _NOTE_LINE.match(line) and stop == i + 1:
            pass
        else:
            break
        stop = i
    if sig_date is None and not sig_orgs:
        stop = len(texts)
    return Layout(first, max(stop, first), title_line, title_end, tuple(orgs), addressee,
                  tuple(sig_orgs), sig_date)


def _opening_subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the body named as the subject of the opening sentence, if any."""
    stop = text.find("。", start, end)
    pos = start
    for clause in re.split(r"([,，;；])", text[start : stop if stop >= 0 else end]):
        if clause in ",，;；":
            pos += len(clause)
            continue
        lead = _TIME_CLAUSE.match(clause)
        rest = clause[lead.end() :] if lead else clause
        if not rest.strip() or _SETTING_CLAUSE.match(rest):
            pos += len(clause)
            continue  # a time or a setting: the subject comes after it
        found = None if rest.startswith(_NOT_A_NAME + _NOT_A_BODY) else _OPENING_SUBJECT.match(rest)
        if found is None:
            return None  # the first real clause names no body (我镇…, 全县上下…)
        begin = pos + (lead.end() if lead else 0)
        return begin, begin + found.end(1)
    return None


def _is_place_name(text: str) -> bool:
    return bool(_PLACE_NAME.match(text)) and not (len(text) == 2 and text.startswith(_NOT_A_NAME))


def level_of(issuer: str | None) -> str | None:
    """Administrative level of an issuer from its name, or ``None`` if unclear."""
    if not issuer:
        return None
    levels = [_level_of_body(p) for p in issuer.split(" ") if p]
    known = [lv for lv in levels if lv]
    if not known:
        return None
    if "department" in known and len(set(known)) > 1:
        others = [lv for lv in known if lv != "department"]
        return others[0]
    return known[-1]


def _level_of_body(name: str) -> str | None:
    core = name.removeprefix("中共")
    m = _PARTY_OR_GOV.search(core)
    if m and m.group(1) == "街道办事处":
        return "township"
    if m:
        head = core[: m.start()]
        if m.group(1) in ("委员会", "委") and head and head[-1] not in _ADMIN_TAIL and not head.endswith("街道"):
            return "department"  # 教育委员会, 发展和改革委员会
        return _level_of_place(head)
    if _DEPARTMENT.search(core):
        return "department"
    return _level_of_place(core)


def _level_of_place(place: str) -> str | None:
    if place.endswith(("街道", "镇", "乡", "苏木")):
        return "township"
    if place.endswith(("省", "自治区")) or place in _MUNICIPALITIES:
        return "province"
    if place.endswith(("区", "县", "旗")):
        return "county"
    if place.endswith(("市", "州", "盟", "地区")):
        return "city"
    return None


def _page_title(value: str | None) -> str | None:
    """A page's title field when it names the report (``…报告_某某门户网站`` → ``…报告``)."""
    if not value:
        return None
    head = re.split(r"\s?[_|｜]\s?|\s-\s", value.strip())[0].strip()
    return head if is_title_line(head) else None


def _date_from_fields(fields: Mapping[str, str], keys: Sequence[str]) -> tuple[dt.date, str] | None:
    for key in keys:
        value = fields.get(key)
        if value:
            found = find_date(value)
            if found:
                return found[0], key
    return None


DATE_FIELDS = ("成文日期", "成文时间", "印发日期")
PUBLISHED_FIELDS = ("发布日期", "发布时间", "发文时间", "发文日期")
ISSUER_FIELDS = ("发布机构", "发文机关", "发文单位")


def extract(
    text: str,
    lines: Sequence[tuple[int, int]],
    layout: Layout,
    page_metadata: Mapping[str, str],
) -> tuple[Metadata, dict[str, tuple[int, int]], dict[str, str]]:
    """Metadata values, the normalised span behind each, and the page field used."""
    spans: dict[str, tuple[int, int]] = {}
    fields_used: dict[str, str] = {}

    def line_text(i: int) -> str:
        return text[lines[i][0] : lines[i][1]]

    def group_span(idx: Sequence[int]) -> tuple[int, int]:
        return lines[idx[0]][0], lines[idx[-1]][1]

    title: str | None = None
    if layout.title_line is not None:
        end_line = layout.title_end_line if layout.title_end_line is not None else layout.title_line
        title = "".join(line_text(i) for i in range(layout.title_line, end_line + 1))
        spans["title"] = (lines[layout.title_line][0], lines[end_line][1])
    page_title = _page_title(page_metadata.get("标题"))

    issuer: str | None = None
    if layout.signature_org_lines:
        issuer = " ".join(line_text(i) for i in layout.signature_org_lines)
        spans["issuer"] = group_span(layout.signature_org_lines)
    elif layout.header_org_lines:
        issuer = " ".join(line_text(i) for i in layout.header_org_lines)
        spans["issuer"] = group_span(layout.header_org_lines)
    elif title:
        m = _ISSUER_BEFORE.match(title)
        if m and not m.group(1).startswith("关于") \
                and (is_org_line(m.group(1).strip()) or _is_place_name(m.group(1).strip())):
            issuer = m.group(1).strip()
            start = spans["title"][0] + m.start(1)
            spans["issuer"] = (start, start + len(issuer))
    if issuer is None:
        for key in ISSUER_FIELDS:
            if page_metadata.get(key):
                issuer = page_metadata[key].split(" ")[0]
                fields_used["issuer"] = key
                break
    level = level_of(issuer)
    if issuer is None and layout.body_first < layout.body_stop:
        # A body named only in running text is no issuer (the report must name itself in
        # a signature, header or title), but its level still chooses the right profile.
        subject = _opening_subject(text, *lines[layout.body_first])
        if subject is not None:
            level = level_of(text[subject[0] : subject[1]])
            if level is not None:
                spans["level"] = subject

    year: int | None = None
    if title is not None:
        ym = YEAR_RE.search(text, *spans["title"])
        if ym:
            year = year_value(ym.group("y"))
            if year is not None:
                spans["year"] = (ym.start(), ym.end())
    elif page_title:
        ym = YEAR_RE.search(page_title)
        if ym:
            year = year_value(ym.group("y"))
            if year is not None:
                fields_used["year"] = "标题"
    if year is None and layout.body_first < layout.body_stop:
        opening_start, opening_end = lines[layout.body_first]
        ym = YEAR_RE.match(text, opening_start, opening_end)
        if ym:
            year = year_value(ym.group("y"))
            spans["year"] = (ym.start(), ym.end())

    date: dt.date | None = None
    if layout.signature_date_line is not None:
        found = find_date(line_text(layout.signature_date_line))
        if found:
            date = found[0]
            spans["date"] = lines[layout.signature_date_line]
    if date is None:
        got = _date_from_fields(page_metadata, DATE_FIELDS)
        if got:
            date, fields_used["date"] = got

    published: dt.date | None = None
    got = _date_from_fields(page_metadata, PUBLISHED_FIELDS)
    if got:
        published, fields_used["published"] = got

    addressee: str | None = None
    if layout.addressee_line is not None:
        addressee = line_text(layout.addressee_line).rstrip(":").strip() or None
        spans["addressee"] = lines[layout.addressee_line]

    meta = Metadata(title=title or page_title, issuer=issuer, level=level, year=year,
                    date=date, published=published, addressee=addressee)
    return meta, spans, fields_used
