"""Errors of standards and waiver files, worded from the message catalogue.

A :class:`~checklist.errors.StandardError` names the file, the line and the YAML key;
its problem is a catalogue key and arguments, so the same error reads in Chinese
(``str(error)``, the default) or in English (``error.localized("en")``, as every
:class:`~checklist.errors.ChecklistError` offers).
An argument may itself be such an error (``extends`` naming a broken file): it is
worded in the same language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checklist.errors import ChecklistError, StandardError
from checklist.messages import t


class CatalogueStandardError(StandardError):
    """A :class:`StandardError` whose problem is catalogue message ``message_key``."""

    def __init__(
        self,
        file: str,
        message_key: str,
        args: Mapping[str, Any] | None = None,
        *,
        line: int | None = None,
        yaml_key: str | None = None,
    ) -> None:
        self.message_key = message_key
        self.args_ = dict(args or {})
        super().__init__(file, self.problem_in("zh"), line=line, yaml_key=yaml_key)

    def problem_in(self, lang: str) -> str:
        """The problem alone (no file, line or key) in ``lang``."""
        args = {k: _worded(v, lang) for k, v in self.args_.items()}
        return t(self.message_key, lang, **args)

    def localized(self, lang: str) -> str:
        """``file:line [key]: problem`` in ``lang`` (overrides the one-wording default)."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        keypart = f" [{self.yaml_key}]" if self.yaml_key else ""
        return f"{where}{keypart}: {self.problem_in(lang)}"

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.file, self.message_key, self.args_, self.line, self.yaml_key))


def _rebuild(
    file: str, message_key: str, args: dict[str, Any], line: int | None, yaml_key: str | None
) -> CatalogueStandardError:
    return CatalogueStandardError(file, message_key, args, line=line, yaml_key=yaml_key)


def _worded(value: Any, lang: str) -> Any:
    return value.localized(lang) if isinstance(value, ChecklistError) else value


def standard_error(
    file: str, message_key: str, *, line: int | None = None, yaml_key: str | None = None, **args: Any
) -> CatalogueStandardError:
    """The error of a standard or waiver ``file`` whose problem is catalogue ``message_key``."""
    return CatalogueStandardError(file, message_key, args, line=line, yaml_key=yaml_key)
