"""What every reader returns: the document's text as extracted, before normalisation."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Extracted:
    """Text pulled out of one file, with what the container told us about it.

    ``text`` is the *original* text: every offset the library reports points into it.
    Lines are separated by ``"\\n"``; one paragraph of the source is one line.
    ``page_metadata`` holds fields the container carries outside the body (an HTML
    page's 发布日期 / 发布机构 / 成文日期 / 索引号 / 标题, a PDF's /Title), keyed by the
    Chinese field name without spaces. ``heading_lines`` lists ``(line_index, level)``
    for lines the container marks as headings (a .docx paragraph style ``Heading 2``).
    ``touched``, when a reader already scanned the text for it, is the set of distinct
    characters of :func:`checklist.ingest.normalize.scan_class` that ``text`` holds (the
    plain-text reader's check for control characters is that scan): normalisation then
    does not scan the text again.
    """

    text: str
    format: str
    encoding: str | None = None
    page_metadata: Mapping[str, str] = field(default_factory=dict)
    heading_lines: tuple[tuple[int, int], ...] = ()
    touched: frozenset[str] | None = field(default=None, compare=False, repr=False)
