"""The audit result: a pydantic document that serialises to the JSON contract.

``schema_version`` changes only when the shape changes incompatibly. The result records
what ran (tool and standard versions), on what (the document's metadata and hash), and
every verdict with its evidence, so a saved result can be re-rendered without
re-auditing.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, SerializerFunctionWrapHandler, model_serializer

SCHEMA_VERSION = 1


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """A quote from the original text, where it stands, and the words that matched."""

    quote: str
    section: str
    start: int | None
    end: int | None
    terms: list[str] = []


class Waiver(_Model):
    """Why a requirement is waived for this report."""

    reason: str
    owner: str | None = None
    expires: str | None = None


class RequirementResult(_Model):
    """The verdict on one requirement."""

    id: str
    title: str
    group: str
    status: Literal["met", "partial", "missing", "not_applicable"]
    severity: str
    weight: float
    evidence: list[Evidence] = []
    message: str
    suggestion: str | None = None
    basis: list[str] = []
    waived: Waiver | None = None


class Finding(_Model):
    """A gap or a quality problem, with what to do about it."""

    code: str
    category: Literal["coverage", "quality"] = "coverage"
    severity: str
    message: str
    suggestion: str | None = None
    quote: str | None = None
    section: str | None = None
    start: int | None = None
    end: int | None = None
    related: list[Evidence] = []  # further places the finding rests on (the repeated sentence)


class RemovedSpan(_Model):
    """A line of website clutter taken out of the body (original offsets), and why: in
    words, in the result's language, and as a code (``navigation``, ``page_number`` …)."""

    start: int
    end: int
    reason: str
    code: str | None = None


class ToolInfo(_Model):
    """Which tool produced the result."""

    name: str = "checklist"
    version: str


class StandardInfo(_Model):
    """Which standard the report was judged against, and why that one."""

    id: str
    version: str
    extends: str | None = None
    title: str
    reason: str | None = None


class AuditResult(_Model):
    """Everything one audit found."""

    schema_version: int = SCHEMA_VERSION
    tool: ToolInfo
    standard: StandardInfo
    lang: str = "zh"
    document: dict[str, Any]
    score: float
    groups: dict[str, float]
    counts: dict[str, int]
    requirements: list[RequirementResult]
    findings: list[Finding]
    warnings: list[str] = []
    # The report's original text and its removed clutter, kept only on request
    # (``audit(..., keep_text=True)``) for the HTML document view; evidence offsets index
    # ``text``. Left out of the JSON when absent, so the contract is unchanged without them.
    text: str | None = None
    removed: list[RemovedSpan] = []

    @model_serializer(mode="wrap")
    def _omit_absent_text(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        if data.get("text") is None:
            data.pop("text", None)
        if not data.get("removed"):
            data.pop("removed", None)
        return data

    def requirement(self, rid: str) -> RequirementResult:
        """The verdict on requirement ``rid``."""
        for r in self.requirements:
            if r.id == rid:
                return r
        raise KeyError(rid)
