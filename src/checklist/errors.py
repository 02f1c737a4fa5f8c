"""One exception hierarchy for everything the library refuses.

The command line turns each into a one-line message and a documented exit code (2);
library users catch :class:`ChecklistError`. All errors pickle, so a process pool can
send them back from a worker.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class ChecklistError(Exception):
    """Base class of every error the library raises on purpose."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __reduce__(self) -> tuple[object, ...]:
        return (self.__class__, (self.message,))

    def __str__(self) -> str:
        return self.message

    def localized(self, lang: str) -> str:
        """The message in ``lang``: subclasses worded from the catalogue override this; the
        rest have one wording (Chinese), whatever ``lang`` is."""
        return self.message


class InputError(ChecklistError):
    """A document cannot be read: missing, unreadable, undecodable, unsupported or empty.

    Raised as ``InputError.of(source, "error.empty")``: the problem comes from the message
    catalogue by key (Chinese in ``str(error)``, any language through :meth:`localized`).
    """

    def __init__(
        self,
        source: str,
        problem: str,
        *,
        message_key: str | None = None,
        args: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem
        self.message_key = message_key
        self.args_ = dict(args or {})

    @classmethod
    def of(cls, source: str, key: str, **args: Any) -> InputError:
        """The error whose problem is catalogue message ``key``."""
        from checklist.messages import t

        return cls(source, t(key, "zh", **args), message_key=key, args=args)

    def localized(self, lang: str) -> str:
        """``source: problem`` in ``lang`` (Chinese when the message has no key)."""
        if self.message_key is None:
            return self.message
        from checklist.messages import t

        return f"{self.source}: {t(self.message_key, lang, **self.args_)}"

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_input_error, (self.source, self.problem, self.message_key, self.args_))


def _rebuild_input_error(source: str, problem: str, message_key: str | None, args: dict[str, Any]) -> InputError:
    return InputError(source, problem, message_key=message_key, args=args)


class StandardError(ChecklistError):
    """A standard (YAML checklist) is malformed: names the file, the line and the key."""

    def __init__(self, file: str, problem: str, *, line: int | None = None, yaml_key: str | None = None) -> None:
        where = file if line is None else f"{file}:{line}"
        keypart = f" [{yaml_key}]" if yaml_key else ""
        super().__init__(f"{where}{keypart}: {problem}")
        self.file = file
        self.problem = problem
        self.line = line
        self.yaml_key = yaml_key

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_standard_error, (self.file, self.problem, self.line, self.yaml_key))


def _rebuild_standard_error(file: str, problem: str, line: int | None, yaml_key: str | None) -> StandardError:
    return StandardError(file, problem, line=line, yaml_key=yaml_key)


class UsageError(ChecklistError):
    """The caller asked for something that does not make sense (bad option, bad value)."""
