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

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checklist.rules.problems import standard_error


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
    """Read a waiver file; a malformed one is a :class:`~checklist.errors.StandardError`."""
    label = str(path)
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise standard_error(label, "waiver.not_found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise standard_error(label, "waiver.unreadable", reason=str(exc)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise standard_error(label, "standard.yaml_syntax", line=mark.line + 1 if mark else None,
                             problem=str(getattr(exc, "problem", exc))) from None
    if data is None:
        return []
    if isinstance(data, dict) and "waivers" in data:
        data = data["waivers"]
    if not isinstance(data, list):
        raise standard_error(label, "waiver.not_list")
    out = []
    for i, entry in enumerate(data):
        try:
            out.append(WaiverEntry.model_validate(entry))
        except ValidationError as exc:
            err = exc.errors()[0]
            key = ".".join(str(p) for p in err["loc"])
            raise standard_error(label, "waiver.invalid_entry", yaml_key=key, n=i + 1, detail=err["msg"]) from None
    return out
