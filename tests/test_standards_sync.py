"""The shipped standards exist twice: ``standards/`` for users, ``src/checklist/standards/`` in the package.

The package copy is what the code loads (real files, since a git symlink breaks Windows
checkouts); the top-level copy is the one README points users to. This test keeps them
identical, file for file and byte for byte (why a test and not a build step:
docs/decisions.md).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
USER_COPY = ROOT / "standards"
PACKAGE_COPY = ROOT / "src" / "checklist" / "standards"
HOW_TO_SYNC = "edit standards/ and run `make sync-standards` (copies standards/*.yaml into src/checklist/standards/)"


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def test_package_standards_are_real_files() -> None:
    assert PACKAGE_COPY.is_dir() and not PACKAGE_COPY.is_symlink(), (
        "src/checklist/standards must be a real folder, not a symlink (it breaks Windows checkouts)"
    )


def test_both_standards_folders_hold_the_same_files() -> None:
    user, package = _files(USER_COPY), _files(PACKAGE_COPY)
    only_user = sorted(set(user) - set(package))
    only_package = sorted(set(package) - set(user))
    differing = sorted(name for name in set(user) & set(package) if user[name] != package[name])
    problems = []
    if only_user:
        problems.append(f"only in standards/: {only_user}")
    if only_package:
        problems.append(f"only in src/checklist/standards/: {only_package}")
    if differing:
        problems.append(f"different bytes: {differing}")
    assert not problems, "; ".join(problems) + f" — {HOW_TO_SYNC}"
