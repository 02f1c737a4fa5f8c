"""A reviewer's small script, as a new user writes it from the README and help():
audit a report, list what it misses with the suggestions, and read who issued it for
which year. ``tests/test_api.py`` runs it and checks it with ``mypy --strict``."""

from __future__ import annotations

import sys

import checklist


def review(path: str) -> list[str]:
    """One line per requirement not met: its status, title and what to do."""
    result: checklist.AuditResult = checklist.audit(path, lang="zh")
    lines = [f"{result.document.issuer or '?'} {result.document.year or '?'} {result.score:.1f}"]
    for requirement in result.requirements:
        if requirement.status in ("missing", "partial") and requirement.severity != "info":
            lines.append(f"{requirement.status}\t{requirement.title}\t{requirement.suggestion or ''}")
    signed = result.document.date
    if signed is not None:
        lines.append(f"signed {signed.isoformat()} ({signed.year})")
    return lines


if __name__ == "__main__":
    print("\n".join(review(sys.argv[1])))
