"""One exception hierarchy for everything the library refuses.

The command line turns each into a one-line message and a documented exit code (2);
library users catch :class:`ChecklistError`. All errors pickle, so a process pool can
send them back from a worker.
"""

from __future__ import annotations


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


class InputError(ChecklistError):
    """A document cannot be read: missing, unreadable, undecodable, unsupported or empty."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem

    def __reduce__(self) -> tuple[object, ...]:
        return (self.__class__, (self.source, self.problem))


class StandardError(ChecklistError):
    """A standard (YAML checklist) is malformed: names the file, the line and the key."""

    def __init__(
        self, file: str, problem: str, *, line: int | None = None, key: str | None = None
    ) -> None:
        where = file if line is None else f"{file}:{line}"
        keypart = f" [{key}]" if key else ""
        super().__init__(f"{where}{keypart}: {problem}")
        self.file = file
        self.problem = problem
        self.line = line
        self.key = key

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_standard_error, (self.file, self.problem, self.line, self.key))


def _rebuild_standard_error(
    file: str, problem: str, line: int | None, key: str | None
) -> StandardError:
    return StandardError(file, problem, line=line, key=key)


class UsageError(ChecklistError):
    """The caller asked for something that does not make sense (bad option, bad value)."""
