"""Waivers: a reviewer's decision that a requirement does not count for some reports.

A waiver file is a YAML list::

    - requirement: legal_advisor.grassroots
      report: "*街道*"          # glob on the file path, or text in the issuer's name
      reason: 街道无村（社区）建制
      owner: 区委依法治区办
      expires: 2026-12-31

A waived requirement keeps its verdict, shows as waived with the reason, and is left
out of the score and the pass/fail policy. An expired waiver does not apply and is a
warning; a waiver that matched no report is a warning.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checklist.rules.problems import standard_error
from checklist.rules.standard import _line_for, _validation_problem, parse_yaml

# (the standard loader's helpers above: a waiver file is read, and its errors worded, as a
# standard file's are: the same loader, line numbers and catalogue messages)


class WaiverEntry(BaseModel):
    """One waiver."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    requirement: str
    report: str = "*"
    reason: str = Field(min_length=1)
    owner: str | None = None
    expires: dt.date | None = None

    def expired(self, today: dt.date | None = None) -> bool:
        """True once the expiry date has passed."""
        return self.expires is not None and self.expires < (today or dt.date.today())

    def selects(self, path: str, issuer: str | None, sha256: str) -> bool:
        """Whether this waiver is about the report at ``path`` by ``issuer``."""
        sel = self.report
        if sel in ("*", "", sha256):
            return True
        if fnmatch.fnmatch(path, sel) or fnmatch.fnmatch(Path(path).name, sel):
            return True
        return bool(issuer) and sel.strip("*") in (issuer or "")


def load_waivers(path: str | Path) -> list[WaiverEntry]:
    """Read a waiver file; a malformed one is a :class:`~checklist.errors.StandardError`
    naming the file, the line and the key, worded like a standard's errors."""
    label = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise standard_error(label, "waiver.not_found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise standard_error(label, "waiver.unreadable", reason=str(exc)) from None
    data, lines = parse_yaml(label, text)
    prefix: tuple[Any, ...] = ()
    if data is None:
        return []
    if isinstance(data, dict) and "waivers" in data:
        data, prefix = data["waivers"], ("waivers",)
    if not isinstance(data, list):
        raise standard_error(label, "waiver.not_list", line=_line_for(lines, prefix) or 1)
    out = []
    for i, entry in enumerate(data):
        try:
            out.append(WaiverEntry.model_validate(entry))
        except ValidationError as exc:
            err = exc.errors()[0]
            loc = tuple(err["loc"])
            # an empty reason is pydantic's string_too_short: worded as an empty list is
            message_key, args = (
                ("standard.invalid.too_short", {}) if err["type"] == "string_too_short" else _validation_problem(err)
            )
            raise standard_error(
                label,
                message_key,
                line=_line_for(lines, (*prefix, i, *loc)),
                yaml_key=".".join(str(p) for p in loc) or None,
                **args,
            ) from None
    return out
