"""The jinja2 environment and the inline assets (CSS, JavaScript) of the HTML pages.

Kept apart from :mod:`checklist.render.html` so that the self-check page
(:mod:`checklist.web`) can be rendered without importing the result models.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from collections.abc import Callable
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from checklist.messages import t


@functools.cache
def env() -> Environment:
    """The templates in ``checklist/render/templates``: autoescaped, undefined names are errors."""
    return Environment(
        loader=PackageLoader("checklist.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )


@functools.cache
def asset(name: str) -> str:
    """A CSS or JS file from the templates folder, verbatim (never parsed as a template)."""
    loader = env().loader
    assert loader is not None
    source, _, _ = loader.get_source(env(), name)
    return source


def script_hash(script: str) -> str:
    """The Content-Security-Policy source admitting exactly this inline script."""
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def translator(lang: str) -> Callable[..., str]:
    """``t(key, **args)`` in ``lang``, for templates."""

    def tr(key: str, **args: Any) -> str:
        return t(key, lang, **args)

    return tr
