"""``deadline``: the report is dated on or before a cut-off after the reported year.

Example (YAML)::

    met:
      deadline: {month: 4, day: 1}     # default from the standard's parameters.deadline

The document date (成文日期, the signature date) is used, else the publication date.
Without a year or a date the requirement cannot be verified: not matched, with a note.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field as PField

from checklist.rules.matchers.base import Context, Hit, MatcherModel, Outcome
from checklist.rules.matchers.field import Field


class Deadline(MatcherModel):
    """Matched when the date is no later than ``month``/``day`` of the year after."""

    month: int | None = PField(default=None, ge=1, le=12)
    day: int | None = PField(default=None, ge=1, le=31)
    use: list[Literal["date", "published"]] = ["date", "published"]

    def evaluate(self, ctx: Context) -> Outcome:
        params = ctx.params.get("deadline", {}) if isinstance(ctx.params.get("deadline"), dict) else {}
        month = self.month or int(params.get("month", 4))
        day = self.day or int(params.get("day", 1))
        meta = ctx.doc.metadata
        if meta.year is None:
            return Outcome(False, note="no_year")
        legacy = params.get("before_2019")
        if meta.year < 2019 and isinstance(legacy, dict) and self.month is None:
            month, day = int(legacy.get("month", month)), int(legacy.get("day", day))
        for name in self.use:
            when = getattr(meta, name)
            if when is None:
                continue
            try:
                cutoff = dt.date(meta.year + 1, month, day)
            except ValueError:
                cutoff = dt.date(meta.year + 1, month, 28)
            evidence = _field(name).evaluate(ctx).hits
            args = {"date": when.isoformat(), "deadline": cutoff.isoformat(), "which": name}
            if when <= cutoff:
                return Outcome(True, evidence, note="on_time", note_args=args)
            return Outcome(False, evidence, note="late", note_args=args)
        return Outcome(False, note="no_date")


_FIELDS: dict[str, Field] = {}


def _field(name: Literal["date", "published"]) -> Field:
    """The ``field`` matcher of a date, made once (a pydantic model copies its list
    defaults each time one is made)."""
    found = _FIELDS.get(name)
    if found is None:
        found = _FIELDS[name] = Field(name=name)
    return found


__all__ = ["Deadline", "Hit"]
