"""HTML pages: decode honestly, drop the website around the report, keep its lines.

Government sites wrap a report in navigation menus, breadcrumbs, share bars, font-size
toggles, "other government websites" lists and footers. We walk the DOM once
(iteratively: real pages are shallow, but hostile ones are not) and

* drop elements that never carry body text (``script``, ``nav``, ``footer`` …);
* drop any block whose text is mostly links (menus, link lists, breadcrumbs) – the
  block's output is rolled back when the element closes, so the decision needs no
  second pass;
* lift the page's information grid (``索引号`` / ``发布机构`` / ``发布日期`` … written as
  table cells, ``dt``/``dd`` pairs or ``key：value`` spans) into ``page_metadata``;
* end a line at every block element and ``<br>``, so one source paragraph becomes one
  output line.

Decoding follows the page's own declaration (BOM, ``<meta charset>``, HTTP-equiv), but
the declaration is checked: a page that lies about its charset is decoded by
:func:`~checklist.ingest.readers.text.decode` instead, which refuses mojibake.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from checklist.errors import InputError
from checklist.ingest.readers.base import Extracted
from checklist.ingest.readers.text import decode
from checklist.limits import current
from checklist.vocabulary import PAGE_DATE_FIELDS, PAGE_FIELDS, TITLE_FIELD

__all__ = ["read_html"]

# Elements whose content is never report text.
_DROP = frozenset(
    {
        "head",
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "svg",
        "math",
        "canvas",
        "object",
        "embed",
        "video",
        "audio",
        "map",
        "nav",
        "aside",
        "button",
        "select",
        "textarea",
        "input",
        "option",
        "datalist",
        "dialog",
        "frameset",
        "frame",
    }
)
# Page chrome that HTML5 pages put around the article. Inside an <article>/<main> the
# same tags hold the article's own title and date line, so there they are kept.
_CHROME = frozenset({"header", "footer"})
_BLOCK = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Never judged by link density: dropping them would drop the whole page.
_NO_DENSITY = frozenset({"html", "body", "main", "article"})
# A search box wrapped in <form> is clutter, but ASP.NET sites wrap the whole page in
# one <form>; keep a form when it holds real text.
_FORM_MIN_TEXT = 100
_LINK_RATIO = 0.6
_MIN_LINKS = 3
# Letters outside the links that still make a block "links with a label" (分享到,
# 【字号】, 您当前的位置 … 正文) and the most a link list's caption may have.
_LABEL_ONLY = 10
_CRUMB = re.compile(r"(?:您|你)?(?:当前|现在|所在)?的?(?:位置|路径)\s*[:：]")
_CRUMB_MAX = 80
_NON_WORD = re.compile(r"[\W_]+")

_HEADING_MARK = "\x00"  # followed by the level digit; NUL never survives decoding
_MARKS = re.compile("\x00([1-6])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_CJK_CLASS = (
    r"\u2e80-\u2fff\u3001-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    r"\uf900-\ufaff\uff00-\uffef"
)
# CSS Text 3: a line break in the source between two East Asian wide characters
# renders as nothing (a browser-style space would split Chinese words).
_CJK_BREAK = re.compile(rf"(?<=[{_CJK_CLASS}])[ \t]*[\r\n][ \t\r\n]*(?=[{_CJK_CLASS}])")
_SPACE_RUN = re.compile(r" {2,}")

# ---------------------------------------------------------------------------
# decoding

_CHARSET_META = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9._:\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([a-z0-9._:\-]+)""", re.IGNORECASE)
# Browsers decode every GB label with the GB18030 decoder (a superset); a page that
# says gb2312 but uses a GBK-only character is not broken.
_GB_FAMILY = frozenset(
    {
        "gb2312",
        "gbk",
        "gb18030",
        "cp936",
        "x-gbk",
        "gb_2312-80",
        "euc-cn",
        "csgb2312",
        "hz-gb-2312",
        "iso-ir-58",
        "chinese",
    }
)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_LATIN1_RANGE = re.compile(r"[\u0080-\u00ff]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _declared_charset(data: bytes) -> str | None:
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _CHARSET_META.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii", "replace").lower()
    if label in _GB_FAMILY:
        return "gb18030"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A UTF-16 label inside ASCII-compatible markup cannot be true (WHATWG: use UTF-8).
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return "utf-8"
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return name


def _garbled(text: str) -> bool:
    """True when a successful decode still looks wrong (GBK bytes read as Latin-1 …)."""
    if text.count("\ufffd") > 2:
        return True
    latin = len(_LATIN1_RANGE.findall(text))
    return latin > 20 and latin > len(_CJK.findall(text))


def _decode_page(data: bytes, source: str) -> tuple[str, str]:
    if data.startswith(_BOMS):
        return decode(data, source)
    declared = _declared_charset(data)
    if declared is not None:
        if declared != "utf-8" and not data.isascii():
            # Valid multi-byte UTF-8 is practically never an accident, whereas UTF-8
            # bytes often decode "successfully" as GB18030 into nonsense characters.
            try:
                return data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                pass
        try:
            text = data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass  # the declaration is wrong; let decode() find the truth or refuse
        else:
            if not _garbled(text) and "\x00" not in text:
                return text, declared
    return decode(data, source)


# Real pages nest a few dozen levels. Lexbor needs time quadratic in the depth of
# unclosed block elements, so a page nesting thousands of them is refused up front.
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "p",
        "li",
        "dt",
        "dd",
        "tr",
        "td",
        "th",
        "option",
    }
)


def _too_deep(text: str, max_depth: int) -> bool:
    if text.count("<") < max_depth:
        return False
    depth = 0
    for match in _TAG.finditer(text):
        name = match.group(2).lower()
        if name in _VOID:
            continue  # void or implicitly closed: never deepens the tree for long
        if match.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > max_depth:
                return True
    return False


# ---------------------------------------------------------------------------
# page metadata

_META_NAMES = {
    "articletitle": TITLE_FIELD,
    "pubdate": "发布日期",
    "contentsource": "来源",
    "keywords": "关键词",
    "author": "作者",
    "columnname": "栏目",
    "sitename": "网站",
}
# Grid cells are recognised by the same field names as page-metadata lines of text; in a
# grid even 时间 and 日期 are keys (a line of text needs a date after them).
_GRID_KEYS = frozenset(PAGE_FIELDS) | frozenset(PAGE_DATE_FIELDS)
_GRID_FIRST = frozenset(k[0] for k in _GRID_KEYS) | frozenset("[【〔(（")
_GRID_KEY = re.compile(
    r"[\[【〔(（]?\s*((?:[\u4e00-\u9fff]\s*){2,6}?)\s*[\]】〕)）]?\s*(?:[:：]\s*(.*))?",
    re.DOTALL,
)
_MAX_VALUE = 150
_SCAN_LIMIT = 400  # nodes looked at when counting keys in a possible grid
_MAX_VALUE_PIECES = 4


def _grid_key(text: str) -> tuple[str, str] | None:
    """``("索引号", "value")`` when ``text`` is a grid key cell, with or without value."""
    if not text or len(text) > _MAX_VALUE or text[0] not in _GRID_FIRST:
        return None
    match = _GRID_KEY.fullmatch(text)
    if match is None:
        return None
    key = "".join(match.group(1).split())
    if key not in _GRID_KEYS:
        return None
    return key, (match.group(2) or "").strip()


def _next_sibling(node: LexborNode) -> LexborNode | None:
    """Next sibling that is an element or non-blank text (comments skipped)."""
    sib = node.next
    while sib is not None:
        tag = sib.tag
        if tag == "-text":
            if (sib.text_content or "").strip():
                return sib
        elif tag != "-comment":
            return sib
        sib = sib.next
    return None


class _TooBig(Exception):
    """A subtree has more nodes than a scan may look at."""


def _texts(node: LexborNode, limit: int = _SCAN_LIMIT) -> Iterator[str]:
    """The text pieces under ``node`` in order, without recursion, skipping dropped tags.

    Raises :class:`_TooBig` after ``limit`` nodes: callers only ever want small subtrees.
    """
    seen = 0
    stack = [node.child]
    while stack:
        cur = stack.pop()
        while cur is not None:
            seen += 1
            if seen > limit:
                raise _TooBig
            tag = cur.tag
            if tag == "-text":
                yield cur.text_content or ""
            elif tag not in _DROP and cur.child is not None:
                stack.append(cur.next)
                cur = cur.child
                continue
            cur = cur.next


def _bounded_text(node: LexborNode, limit: int = _SCAN_LIMIT) -> str | None:
    """Text under ``node`` without recursion; None when the subtree is too big."""
    if node.tag == "-text":
        return node.text_content or ""
    try:
        return " ".join(" ".join(_texts(node, limit)).split())
    except _TooBig:
        return None


def _grid_keys(node: LexborNode) -> int:
    """Number of keys if the subtree is nothing but key/value cells, else -1.

    One caption before the first key is allowed ("基本信息"); after a key come at
    most a few value pieces (a link, a span). Any other text means the subtree is
    not a grid but a stretch of page that merely contains one.
    """
    keys = 0
    stray = 0  # text pieces not explained as a key or a value
    values = 0  # pieces since the last key
    try:
        for piece in _texts(node):
            text = piece.strip()
            if not text:
                continue
            if _grid_key(text) is not None:
                keys += 1
                values = 0
            elif keys == 0:
                stray += 1
            else:
                values += 1
            if stray > 1 or values > _MAX_VALUE_PIECES or len(text) > _MAX_VALUE:
                return -1
    except _TooBig:
        return -1
    return keys


@dataclass
class _Grid:
    """Finds page-information grids while the walk meets their key cells."""

    metadata: dict[str, str] = field(default_factory=dict)
    skip: set[int] = field(default_factory=set)
    _grid: dict[int, int] = field(default_factory=dict)  # mem_id -> _grid_keys()

    def take(self, text_node: LexborNode, text: str) -> bool:
        """Record ``text_node`` if it is a structured key cell; True means do not emit it."""
        found = _grid_key(text)
        if found is None:
            return False
        key, value = found
        value_node: LexborNode | None = None
        anchor = text_node
        if not value:
            # The value is the next thing after the key: a sibling in the same cell, or
            # the next cell (td → td, dt → dd, span → text) a few levels up.
            for _ in range(4):
                value_node = _next_sibling(anchor)
                if value_node is not None:
                    break
                parent = anchor.parent
                if parent is None or parent.tag in ("body", "html"):
                    break
                anchor = parent
            if value_node is not None:
                raw = _bounded_text(value_node)
                if raw is None or len(raw) > _MAX_VALUE:
                    return False
                if _grid_key(raw.strip()) is not None:
                    value_node = None  # an empty value cell was left out: next key follows
                    raw = ""
                value = raw.strip()
        if not self._is_structured(anchor):
            return False
        if value:
            self.metadata.setdefault(key, value)
        if value_node is not None:
            self.skip.add(value_node.mem_id)
        return True

    def _is_structured(self, cell: LexborNode) -> bool:
        # A key counts as page information only inside a table/list/grid made of at
        # least two key/value pairs and nothing else: a lone "发布日期：…" line, or one
        # inside the article text, stays in the body for the text-level steps.
        node = cell.parent
        for _ in range(8):
            if node is None or node.tag in ("body", "html"):
                return False
            ident = node.mem_id
            keys = self._grid.get(ident)
            if keys is None:
                keys = _grid_keys(node)
                self._grid[ident] = keys
            if keys < 0:
                return False
            if keys >= 2:
                return True
            node = node.parent
        return False


# ---------------------------------------------------------------------------
# the walk


def _page_metadata(tree: LexborHTMLParser) -> tuple[dict[str, str], str]:
    found: dict[str, str] = {}
    head = tree.head
    title = ""
    if head is None:
        return found, title
    for meta in head.css("meta"):
        attrs = meta.attributes
        name = (attrs.get("name") or attrs.get("property") or "").strip().lower()
        key = _META_NAMES.get(name)
        content = " ".join((attrs.get("content") or "").split())
        if key and content:
            found.setdefault(key, content)
    title_node = head.css_first("title")
    if title_node is not None:
        title = " ".join((title_node.text() or "").split())
    return found, title


@dataclass(frozen=True, slots=True)
class _Frame:
    """An open element, with the walk's counts when it opened: what its block added is
    the difference, and a dropped block is rolled back to them."""

    node: LexborNode
    tag: str
    start: int  # index into the pieces
    text_len: int
    link_len: int
    links: int
    dropped: int


@dataclass(slots=True)
class _Walk:
    """The state of one walk over a page body: output pieces, counts and open elements."""

    grid: _Grid
    pieces: list[str] = field(default_factory=lambda: ["\n"])
    text_len: int = 0  # letters of kept text so far
    link_len: int = 0  # of which inside <a>
    links: int = 0  # links that held text
    in_link: int = 0
    in_pre: int = 0
    in_article: int = 0
    heading: int = 0  # level of an open heading whose first text is still to come
    dropped: int = 0  # link-dense blocks dropped so far
    frames: list[_Frame] = field(default_factory=list)

    def run(self, body: LexborNode) -> None:
        """Walk the tree under ``body`` in document order, without recursion."""
        node: LexborNode | None = body.child
        while True:
            if node is None:
                if not self.frames:
                    return
                frame = self.frames.pop()
                self._close(frame)
                node = frame.node.next
            elif node.tag == "-text":
                self._text(node)
                node = node.next
            elif self._enter(node):
                node = node.child
            else:
                node = node.next

    def _enter(self, node: LexborNode) -> bool:
        """Open an element; False when it is skipped whole (its children are not visited)."""
        tag = node.tag or "-"
        if tag in _DROP or tag.startswith("-"):  # comments, doctype, unknown nodes
            return False
        if tag in _CHROME and not self.in_article:
            return False
        if self.grid.skip and node.mem_id in self.grid.skip:
            return False
        if tag == "br":
            self.pieces.append("\n")
            return False
        if tag in _BLOCK:
            self.pieces.append("\n")
            # The mark goes in front of the heading's first text, not here: a heading
            # may start with a nested block or hold no text at all.
            self.heading = _HEADINGS.get(tag, self.heading)
        if tag == "a":
            self.in_link += 1
        elif tag == "pre":
            self.in_pre += 1
        if tag in ("article", "main"):
            self.in_article += 1
        self.frames.append(_Frame(node, tag, len(self.pieces), self.text_len, self.link_len, self.links, self.dropped))
        return True

    def _close(self, frame: _Frame) -> None:
        tag = frame.tag
        if tag == "a":
            self.in_link -= 1
            self.links += 1 if self.text_len > frame.text_len else 0
        elif tag == "pre":
            self.in_pre -= 1
        elif tag in ("article", "main"):
            self.in_article -= 1
        elif tag in _HEADINGS:
            self.heading = 0
        if tag in _BLOCK:
            if tag not in _NO_DENSITY and self._is_clutter(frame):
                # Roll back: the block's text must not count for its ancestors either.
                del self.pieces[frame.start :]
                self.text_len, self.link_len, self.links = frame.text_len, frame.link_len, frame.links
                self.dropped += 1
            self.pieces.append("\n")

    def _is_clutter(self, frame: _Frame) -> bool:
        """Whether a closing block is page furniture rather than report text."""
        own = self.text_len - frame.text_len
        own_links = self.link_len - frame.link_len
        count = self.links - frame.links
        plain = own - own_links
        if frame.tag == "form" and plain < _FORM_MIN_TEXT:
            return True
        if count >= _MIN_LINKS and (own_links >= _LINK_RATIO * own or plain <= _LABEL_ONLY):
            return True  # a menu, a link list, a share bar, font-size toggles
        if self.dropped > frame.dropped and own <= _LABEL_ONLY:
            return True  # the caption of a link list just dropped ("国务院部门网站")
        if count and own <= _CRUMB_MAX:
            # A breadcrumb may have only two links; its label gives it away.
            label = "".join(self.pieces[frame.start : frame.start + 4]).lstrip()
            return _CRUMB.match(label) is not None
        return False

    def _text(self, node: LexborNode) -> None:
        if self.grid.skip and node.mem_id in self.grid.skip:
            return
        raw = node.text_content or ""
        stripped = raw.strip()
        if not stripped:
            if raw and not self.in_pre:
                self.pieces.append(" ")
            return
        if (
            not self.in_link
            and stripped[0] in _GRID_FIRST
            and len(stripped) <= _MAX_VALUE
            and self.grid.take(node, stripped)
        ):
            return
        if self.heading:
            self.pieces.append(f"{_HEADING_MARK}{self.heading}")
            self.heading = 0
        if self.in_pre:
            raw = raw.replace("\r\n", "\n").replace("\r", "\n")
        elif not raw.isprintable():  # fast path: most text has no tab or newline
            if "\n" in raw or "\r" in raw:
                raw = _CJK_BREAK.sub("", raw)
            raw = _HTML_SPACE.sub(" ", raw)
        self.pieces.append(raw)
        # Only letters count, so that the "|" and ">" between menu links are glue; in
        # long text the punctuation share is too small to matter.
        words = len(stripped)
        if words <= 40:
            words = len(_NON_WORD.sub("", stripped))
        self.text_len += words
        if self.in_link:
            self.link_len += words


def _lines(pieces: list[str]) -> tuple[list[str], list[tuple[int, int]]]:
    """The walk's output as stripped lines, and ``(line index, level)`` of the headings."""
    lines: list[str] = []
    headings: list[tuple[int, int]] = []
    for line in "".join(pieces).split("\n"):
        level = 0
        if _HEADING_MARK in line:
            found = _MARKS.findall(line)
            level = int(found[0])
            line = _MARKS.sub("", line)
        if "  " in line:
            line = _SPACE_RUN.sub(" ", line)
        line = line.strip()
        if line:
            if level:
                headings.append((len(lines), level))
            lines.append(line)
    return lines, headings


def _body_lines(body: LexborNode, grid: _Grid) -> tuple[list[str], list[tuple[int, int]]]:
    walk = _Walk(grid)
    walk.run(body)
    return _lines(walk.pieces)


def read_html(data: bytes, source: str) -> Extracted:
    """Extract the body text of an HTML page, its metadata grid and its headings.

    Raises :class:`~checklist.errors.InputError` when the page cannot be decoded, is
    pathologically deep, or has no body text.
    """
    text, encoding = _decode_page(data, source)
    # Control characters are never text; removing them here also keeps the heading
    # mark (NUL) unambiguous.
    text = _CONTROL.sub("", text).lstrip("\ufeff")
    max_depth = current().max_html_depth
    if _too_deep(text, max_depth):
        raise InputError.of(source, "error.html_too_deep", name="max_html_depth", value=max_depth + 1, limit=max_depth)
    try:
        tree = LexborHTMLParser(text)
        metadata, title = _page_metadata(tree)
        grid = _Grid()
        body = tree.body
        lines: list[str] = []
        headings: list[tuple[int, int]] = []
        if body is not None:
            lines, headings = _body_lines(body, grid)
    except RecursionError:
        raise InputError.of(
            source, "error.html_too_deep", name="max_html_depth", value=max_depth + 1, limit=max_depth
        ) from None
    if not lines:
        raise InputError.of(source, "error.html_no_text")
    for key, value in grid.metadata.items():
        metadata.setdefault(key, value)
    if title:
        metadata.setdefault(TITLE_FIELD, title)
    return Extracted(
        text="\n".join(lines),
        format="html",
        encoding=encoding,
        page_metadata=metadata,
        heading_lines=tuple(headings),
    )
