"""Limits on what the library will read: settings with safe defaults.

Documents are untrusted input. Every limit has a name; an input that exceeds one is
refused with an :class:`~checklist.errors.InputError` that names the limit, so a user
who really has such a file knows what to raise::

    from checklist.limits import Limits, using
    with using(Limits(max_input_bytes=200 * 1024 * 1024)):
        checklist.read("big.pdf")

or ``checklist.read(path, limits=Limits(...))``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """How much of an input the readers accept."""

    max_input_bytes: int = 50 * MB  # the file as given (a real report, even as PDF, is far below)
    max_unpacked_bytes: int = 256 * MB  # a .docx's members, as declared, before inflating any
    max_html_depth: int = 3000  # nesting of tags (the parser's time grows with depth squared)
    max_text_chars: int = 1_000_000  # characters of extracted text (a long report has 100,000)


_CURRENT: ContextVar[Limits] = ContextVar("checklist_limits", default=Limits())  # noqa: B039


def current() -> Limits:
    """The limits in force."""
    return _CURRENT.get()


@contextmanager
def using(limits: Limits | None) -> Iterator[Limits]:
    """Put ``limits`` in force for the duration of the block (``None``: keep the current)."""
    if limits is None:
        yield current()
        return
    token = _CURRENT.set(limits)
    try:
        yield limits
    finally:
        _CURRENT.reset(token)
