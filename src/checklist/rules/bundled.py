"""The standards shipped with the package: where they are and their ids.

Apart from :mod:`checklist.rules.standard` (pydantic, the matchers) so that listing them costs
nothing: the self-check page offers them before any standard is loaded.
"""

from __future__ import annotations

from pathlib import Path


def standards_dir() -> Path:
    """Folder of the shipped standards, inside the package.

    The top-level ``standards/`` is the user-facing copy of the same files
    (``tests/test_standards_sync.py`` keeps the two identical).
    """
    return Path(__file__).resolve().parents[1] / "standards"


def shipped() -> dict[str, Path]:
    """Ids of the shipped standards and their files."""
    return {path.stem: path for path in sorted(standards_dir().glob("*.yaml"))}
