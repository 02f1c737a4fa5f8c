"""The standards shipped with the package: where they are and their ids; which file a
reference names, and whether the files a standard was built from are unchanged.

Apart from :mod:`checklist.rules.standard` (pydantic, the matchers) so that listing them costs
nothing: the self-check page offers them before any standard is loaded, and a batch run
checks its standard's files here without loading it.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence
from pathlib import Path

# One file a loaded standard was built from (see :func:`unchanged`): the reference as
# written (the standard asked for, or an ``extends``), the folder a relative one is tried
# in (``None``: none), the file it named, that file resolved, and the SHA-256 of its text.
Source = tuple[str, str | None, str, str, str]


def standards_dir() -> Path:
    """Folder of the shipped standards, inside the package.

    The top-level ``standards/`` is the user-facing copy of the same files
    (``tests/test_standards_sync.py`` keeps the two identical).
    """
    return Path(__file__).resolve().parents[1] / "standards"


def shipped() -> dict[str, Path]:
    """Ids of the shipped standards and their files."""
    return dict(_shipped())


@functools.cache
def _shipped() -> tuple[tuple[str, Path], ...]:
    # files of the installed package: listed once per process (a listing cost some 6 % of
    # an HTML page, which names its standard's group titles); their contents are still
    # checked by modification time wherever a standard is loaded
    return tuple((path.stem, path) for path in sorted(standards_dir().glob("*.yaml")))


def find_file(ref: str | Path, relative_to: Path | None = None) -> Path | None:
    """The file ``ref`` names: a path (a relative one not found as given is tried in
    ``relative_to``) or the id of a shipped standard; ``None``: no standard has that id."""
    if isinstance(ref, Path) or str(ref).endswith((".yaml", ".yml")) or "/" in str(ref):
        path = Path(ref)
        if not path.is_absolute() and relative_to is not None and not path.exists():
            path = relative_to / path
        return path
    return shipped().get(str(ref))


def text_digest(text: str) -> str:
    """The SHA-256 of a standard file's text, as :func:`unchanged` compares it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def unchanged(sources: Sequence[Sequence[str | None]]) -> bool:
    """True when every file of ``sources`` (a standard's, as the loader recorded them) is
    still the one its reference names, with the same text: the standard would load the same.

    Costs a stat and a read of each file, no parsing: an unchanged file has the same
    ``extends``, so the chain is the one recorded.
    """
    if not sources:
        return False
    for source in sources:
        if len(source) != 5 or not all(isinstance(s, str) for s in (source[0], *source[2:])):
            return False
        ref, folder, found, resolved, digest = source
        assert ref is not None and found is not None and resolved is not None
        path = find_file(ref, Path(folder) if folder is not None else None)
        if path is None or str(path) != found:
            return False
        try:
            if str(path.resolve()) != resolved or text_digest(path.read_text(encoding="utf-8")) != digest:
                return False
        except (OSError, UnicodeDecodeError):
            return False
    return True
