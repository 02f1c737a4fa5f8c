"""Quality checks that need more than one report, configured like the others.

``quality.boilerplate`` (sentences copied between the reports of different issuers,
found by :mod:`checklist.crossreport.copied` in a batch) and ``quality.repeated_from_last_year``
(parts copied from the same issuer's report of the year before, found by
:mod:`checklist.crossreport.yearly`) run outside the audit of one report, so the engine skips them;
their entry in a standard's ``quality:`` block switches them off, sets their severity and
suggestion, and tunes what can be tuned per report. They cannot carry a weight: the score
of a report does not depend on which other reports were in the batch.
"""

from __future__ import annotations

from pydantic import Field

from checklist.rules.quality.base import CheckParams


class BoilerplateParams(CheckParams):
    """Nothing to tune per report: the search runs once over the whole batch."""


class RepeatedParams(CheckParams):
    similarity: float = Field(0.9, ge=0.5, le=1.0)  # rapidfuzz ratio of a part to last year's
    min_chars: int = Field(12, ge=4)  # shorter pieces (headings, slogans) are not compared


CROSS_CHECKS: dict[str, type[CheckParams]] = {
    "quality.boilerplate": BoilerplateParams,
    "quality.repeated_from_last_year": RepeatedParams,
}
