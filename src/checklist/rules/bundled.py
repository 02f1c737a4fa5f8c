"""The standards shipped with the package: where they are and their ids.

Apart from :mod:`checklist.rules.standard` (pydantic, the matchers) so that listing them costs
nothing: the self-check page offers them before any standard is loaded.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def standards_dir() -> Path:
    """Folder of the shipped standards (inside the package, or the source tree)."""
    packaged = Path(str(resources.files("checklist"))) / "standards"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "standards"


def shipped() -> dict[str, Path]:
    """Ids of the shipped standards and their files."""
    return {path.stem: path for path in sorted(standards_dir().glob("*.yaml"))}
