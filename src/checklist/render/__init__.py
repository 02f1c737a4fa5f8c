"""Renderers: an :class:`~checklist.rules.result.AuditResult` in, text out.

Registered in one dict; each takes the results and the language. ``html`` gives the
report page for one result and the overview page for several (the command line writes
a page per report beside it: :func:`checklist.render.html.html_files`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from checklist.render.markdown import render_markdown
from checklist.render.text import render_table, render_text
from checklist.rules.result import AuditResult


def render_json(results: Sequence[AuditResult], lang: str = "zh") -> str:
    """One JSON object, or an array for several results."""
    data = [r.model_dump(mode="json") for r in results]
    return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2) + "\n"


def render_jsonl(results: Sequence[AuditResult], lang: str = "zh") -> str:
    """One JSON object per line."""
    return "".join(r.model_dump_json() + "\n" for r in results)


def render_html(results: Sequence[AuditResult], lang: str = "zh") -> str:
    """The report page for one result, the overview page for several (jinja2 loaded on use)."""
    from checklist.render.html import render_html as render

    return render(results, lang)


def _each(fn: Callable[[AuditResult, str], str]) -> Callable[[Sequence[AuditResult], str], str]:
    def render(results: Sequence[AuditResult], lang: str = "zh") -> str:
        return "\n".join(fn(r, lang) for r in results)

    return render


RENDERERS: dict[str, Callable[[Sequence[AuditResult], str], str]] = {
    "text": _each(render_text),
    "json": render_json,
    "jsonl": render_jsonl,
    "markdown": _each(render_markdown),
    "html": render_html,
    "table": render_table,
}
