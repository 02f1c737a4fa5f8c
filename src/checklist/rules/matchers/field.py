"""``field``: a metadata value the report states (title, issuer, date, …).

Example (YAML)::

    met:
      field: {name: title, require_year: true, contains_any: [法治政府建设, 法治建设]}
    met:
      field: {name: title, contains_all: [[法治政府建设, 法治建设], [报告, 年报]]}  # every group
    partial:
      field: {name: published}        # only a publication date from the page

The evidence is the line the value was read from (the signature, the title, the
addressee line) or the page-metadata field (``发布日期：2025-02-24``).
"""

from __future__ import annotations

from typing import Literal

from checklist.rules.matchers.base import Context, Hit, MatcherModel, Outcome
from checklist.structure.metadata import DATE_FIELDS, ISSUER_FIELDS, PUBLISHED_FIELDS
from checklist.structure.numerals import YEAR_RE

_PAGE_KEYS = {"date": DATE_FIELDS, "published": PUBLISHED_FIELDS, "issuer": ISSUER_FIELDS, "title": ("标题",)}


class Field(MatcherModel):
    """Matched when metadata ``name`` is known (and satisfies the conditions)."""

    name: Literal["title", "issuer", "date", "published", "addressee", "year"]
    require_year: bool = False
    contains_any: list[str] = []
    contains_all: list[list[str]] = []  # a word of every group (the topic and the report type)
    sources: list[Literal["text", "page"]] = ["text", "page"]

    def evaluate(self, ctx: Context) -> Outcome:
        doc = ctx.doc
        value = getattr(doc.metadata, self.name)
        if value is None:
            return Outcome(False)
        span = doc.meta_norm_spans.get(self.name)
        if span is not None and "text" in self.sources:
            text = doc.text[span[0] : span[1]].replace("\n", "")
            if self.require_year and not YEAR_RE.search(text):
                return Outcome(False)
            if self.contains_any and not any(t in text for t in self.contains_any):
                return Outcome(False)
            if not all(any(t in text for t in group) for group in self.contains_all):
                return Outcome(False)
            return Outcome(True, (Hit(span[0], span[1], ()),))
        if "page" not in self.sources:
            return Outcome(False)
        if self.require_year or self.contains_any or self.contains_all:
            return Outcome(False)  # a page field is not a title line of the document
        for key in _PAGE_KEYS.get(self.name, ()):
            if key in doc.page_metadata:
                orig = doc.meta_spans.get(self.name)
                return Outcome(True, (Hit(-1, -1, (), label=key, quote=f"{key}：{doc.page_metadata[key]}", orig=orig),))
        return Outcome(False)
