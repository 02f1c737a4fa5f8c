"""The audit result: a pydantic document that serialises to the JSON contract.

``schema_version`` changes only when the shape changes incompatibly. The result records
what ran (tool and standard versions), on what (the document's metadata and hash), and
every verdict with its evidence, so a saved result can be re-rendered without
re-auditing. Every field is described: the descriptions are the JSON Schema's
(``checklist schema`` prints ``AuditResult.model_json_schema()``).
"""

from __future__ import annotations

import copy
import datetime as dt
import os
from collections.abc import Iterator, Sized
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

# The same values as checklist.rules.standard.Severity (a test keeps them equal); spelled
# here so that the result types import nothing of the engine.
Severity = Literal["critical", "major", "minor", "info"]
"""How much a gap matters, most severe first."""
Status = Literal["met", "partial", "missing", "not_applicable"]
"""A requirement's verdict."""
Level = Literal["province", "city", "county", "township", "department"]
"""The issuer's level (checklist.document.LEVELS)."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    """A quote from the original text, where it stands, and the words that matched."""

    quote: str = Field(description="The quoted words, as the original text has them.")
    section: str = Field(
        description='Where the quote stands: the path of its section ("二、… > (三)…"), '
        "or the header, signature or page metadata."
    )
    start: int | None = Field(
        description="Offset of the quote in the original text (characters); "
        "null when the quote is not in the text (page metadata)."
    )
    end: int | None = Field(description="Offset just past the quote in the original text; null with start.")
    terms: list[str] = Field(default=[], description="The words of the requirement's rules that matched.")


class Waiver(_Model):
    """Why a requirement is waived for this report."""

    reason: str = Field(description="Why the requirement does not apply to this report.")
    owner: str | None = Field(default=None, description="Who granted the waiver.")
    expires: str | None = Field(default=None, description="The date the waiver ends (YYYY-MM-DD).")


class RequirementResult(_Model):
    """The verdict on one requirement."""

    id: str = Field(description="The requirement's id in its standard (core.measures …).")
    title: str = Field(description="The requirement's title, in the result's language.")
    group: str = Field(description="The group the requirement is scored in (format, statutory, core … or quality).")
    status: Status = Field(description="The verdict: met, partial, missing, or not_applicable to this report.")
    severity: Severity = Field(description="How much a gap here matters: critical, major, minor or info.")
    weight: float = Field(description="The requirement's weight in its group's score (0: not scored).")
    evidence: list[Evidence] = Field(default=[], description="The quotes the verdict rests on.")
    message: str = Field(description="The verdict in words, in the result's language.")
    suggestion: str | None = Field(default=None, description="What to add or change when not met.")
    basis: list[str] = Field(default=[], description="The documents and articles that require it.")
    waived: Waiver | None = Field(default=None, description="The waiver that applies, if any; the verdict is kept.")


class Finding(_Model):
    """A gap or a quality problem, with what to do about it."""

    code: str = Field(description="The requirement id (coverage) or the quality check's code.")
    category: Literal["coverage", "quality"] = Field(
        default="coverage", description="coverage: a requirement not met; quality: a problem in how it is written."
    )
    severity: Severity = Field(description="How much it matters: critical, major, minor or info.")
    message: str = Field(description="The problem in words, in the result's language.")
    suggestion: str | None = Field(default=None, description="What to do about it.")
    quote: str | None = Field(default=None, description="The words of the report the finding is about.")
    section: str | None = Field(default=None, description="Where the quote stands.")
    start: int | None = Field(default=None, description="Offset of the quote in the original text.")
    end: int | None = Field(default=None, description="Offset just past the quote in the original text.")
    # further places the finding rests on (the repeated sentence)
    related: list[Evidence] = Field(default=[], description="Further places the finding rests on.")


class RemovedSpan(_Model):
    """A line of website clutter taken out of the body (original offsets), and why: in
    words, in the result's language, and as a code (``navigation``, ``page_number`` …)."""

    start: int = Field(description="Offset of the removed line in the original text.")
    end: int = Field(description="Offset just past the removed line.")
    reason: str = Field(description="Why it was removed, in the result's language.")
    code: str | None = Field(default=None, description="Why it was removed, as a code (navigation, page_number …).")


class ToolInfo(_Model):
    """Which tool produced the result."""

    name: str = Field(default="checklist", description="The tool's name.")
    version: str = Field(description="The tool's version.")


class StandardInfo(_Model):
    """Which standard the report was judged against, and why that one."""

    id: str = Field(description="The standard's id (national, township, department, or a custom one).")
    version: str = Field(description="The standard's version; it changes when its meaning changes.")
    extends: str | None = Field(default=None, description="The standard it refines, if any.")
    title: str = Field(description="The standard's title, in the result's language.")
    reason: str | None = Field(default=None, description="Why this standard: given, or chosen by the issuer's level.")


class DocumentInfo(_Model):
    """The audited document and what it says about itself. Unknown values are null, never a guess."""

    path: str = Field(description="The path or name the report was read from (<text> for text given directly).")
    format: str = Field(description="The reader that read it: txt, html, docx, pdf or doc.")
    encoding: str | None = Field(description="The text encoding detected (txt and html), else null.")
    sha256: str = Field(description="SHA-256 of the input's bytes (hex).")
    title: str | None = Field(description="The report's title.")
    issuer: str | None = Field(description="The body that issued the report (发布机关).")
    issuer_source: str | None = Field(
        description="Where the issuer was read: signature, header, title, page (the web page's 发布机构) "
        "or body (the subject of the opening sentence)."
    )
    level: Level | None = Field(description="The issuer's level: province, city, county, township or department.")
    year: int | None = Field(description="The year the report is about.")
    date: dt.date | None = Field(description="The date the report was signed or written (成文日期), YYYY-MM-DD.")
    published: dt.date | None = Field(description="The date the web page says it was published (发布日期).")
    addressee: str | None = Field(description="Whom the report is addressed to (主送机关).")

    # This was a dict: result.document["issuer"] and .get("issuer") still work, with the
    # JSON's values (dates as YYYY-MM-DD strings), so that scripts written then keep
    # working; result.document.issuer is the typed way.
    def __getitem__(self, key: str) -> Any:
        """The JSON value of ``key`` (``document["issuer"]``, as when this was a dict)."""
        return self.model_dump(mode="json")[key]

    def get(self, key: str, default: Any = None) -> Any:
        """The JSON value of ``key``, else ``default`` (as ``dict.get``; ``document.issuer`` is typed)."""
        return self.model_dump(mode="json").get(key, default)

    def keys(self) -> list[str]:
        """The JSON keys, in order."""
        return list(type(self).model_fields)

    # Iterating a BaseModel gives (name, value) pairs; the dict this replaces gave its keys.
    def __iter__(self) -> Iterator[str]:  # type: ignore[override]
        return iter(self.keys())

    def __contains__(self, key: object) -> bool:
        return key in type(self).model_fields


def _is_none(value: object) -> bool:
    return value is None


def _is_empty(value: Sized) -> bool:
    return not value


class AuditResult(_Model):
    """Everything one audit found: the JSON contract (``model_dump_json()``)."""

    schema_version: int = Field(
        default=SCHEMA_VERSION, description="The version of this shape; it changes only with an incompatible change."
    )
    tool: ToolInfo = Field(description="Which tool produced the result.")
    standard: StandardInfo = Field(description="Which standard the report was judged against, and why.")
    lang: str = Field(default="zh", description="The language of the messages and suggestions: zh or en.")
    document: DocumentInfo = Field(description="The audited document and its metadata.")
    score: float = Field(description="The weighted score, 0 to 100.")
    groups: dict[str, float] = Field(description="The score of each group of requirements, 0 to 100, by group id.")
    counts: dict[str, int] = Field(
        description="How many requirements got each status (met, partial, missing, not_applicable), and how "
        "many are waived."
    )
    requirements: list[RequirementResult] = Field(
        description="The verdict on every requirement, in the standard's order."
    )
    findings: list[Finding] = Field(description="The gaps and quality problems, most important first.")
    warnings: list[str] = Field(
        default=[],
        description="What makes the result less certain (not a report, an expired waiver …), in the result's language.",
    )
    # The report's original text and its removed clutter, kept only on request
    # (``audit(..., keep_text=True)``) for the HTML document view; evidence offsets index
    # ``text``. Left out of the JSON when absent, so the contract is unchanged without them.
    # exclude_if (pydantic 2.12) is checked by the serializer itself: a model serializer
    # wrapping the whole result made every dump build a dict first (138 -> 80 us a report).
    text: str | None = Field(
        default=None,
        exclude_if=_is_none,
        description="The report's original text, which evidence offsets index; only with keep_text, else absent.",
    )
    removed: list[RemovedSpan] = Field(
        default=[],
        exclude_if=_is_empty,
        description="The website clutter taken out of the body; only with keep_text, else absent.",
    )

    @classmethod
    def from_engine(cls, data: dict[str, Any]) -> AuditResult:
        """The result of the engine's JSON-shaped ``data``: the same model as
        ``AuditResult.model_validate(data)`` (the same values, types, defaults, set fields
        and JSON), made for less.

        The requirements, findings and quotes the engine built are made into models
        without a second look at each value (:func:`_engine_items`); whatever else, and any
        item of another shape, is validated as ``model_validate`` does, with its errors.
        ``data`` is consumed: its dicts become the models' own. With the environment
        variable ``CHECKLIST_VERIFY_RESULTS`` set, every result is also validated in full
        and must be identical (a check for tests, twice as slow).
        """
        if VERIFY:
            expected = cls.model_validate(copy.deepcopy(data))
            got = cls.model_validate(_engine_items(data))
            problem = difference(expected, got)
            if problem:
                raise AssertionError(f"AuditResult.from_engine differs from model_validate: {problem}")
            return got
        return cls.model_validate(_engine_items(data))

    def requirement(self, rid: str) -> RequirementResult:
        """The verdict on requirement ``rid``."""
        for r in self.requirements:
            if r.id == rid:
                return r
        raise KeyError(rid)


# --- The engine's results without validating every value twice ---------------------
#
# pydantic validates a model per requirement, quote and finding in about 1-2 us each
# (a field about 0.1 us); the engine made those values itself, from a validated standard
# and the document's own text, so they are made into models here as pydantic's validator
# would leave them: the fields in declaration order (the JSON's order), a new set of the
# fields given, no extra or private values, the defaults (fresh lists) where a field was
# not given, lists the engine may share (a requirement's basis, cached per standard)
# copied. Only the shapes the engine writes are taken; any other item stays a dict, which
# the validation of the whole result then validates as before. The result's head
# (document, standard, tool, scores, warnings), which a caller's document, standard and
# waivers flow into, is always validated. tests/test_result_fast.py compares both ways on
# real audits and generated texts, value by value, type by type.

VERIFY = bool(os.environ.get("CHECKLIST_VERIFY_RESULTS"))
"""Check every :meth:`AuditResult.from_engine` against ``model_validate`` (tests)."""

_new = object.__new__
_set_dict = object.__setattr__
# the slots BaseModel declares: set as pydantic-core sets them on a validated instance
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__

# The shapes the engine writes, as its dicts spell them (key order included); a test
# keeps them equal to the models' fields.
EVIDENCE_KEYS = ("quote", "section", "start", "end", "terms")
REQUIREMENT_KEYS = (
    "id", "title", "group", "status", "severity", "weight", "evidence", "message", "suggestion", "basis", "waived"
)  # fmt: skip
NOT_APPLICABLE_KEYS = ("id", "title", "group", "status", "severity", "weight", "message", "basis")
FINDING_KEYS = (
    "code", "category", "severity", "message", "suggestion", "quote", "section", "start", "end", "related"
)  # fmt: skip
COVERAGE_FINDING_KEYS = ("code", "severity", "message", "suggestion", "quote", "section", "start", "end")
_STATUSES = frozenset(("met", "partial", "missing", "not_applicable"))
_SEVERITIES = frozenset(("critical", "major", "minor", "info"))


def _made(cls: type[BaseModel], data: dict[str, Any], fields: set[str]) -> Any:
    """A ``cls`` whose field values are ``data`` itself (already in declaration order),
    with ``fields`` (a set of its own) as the fields given: what validation makes of them."""
    m = _new(cls)
    _set_dict(m, "__dict__", data)
    _set_fields_set(m, fields)
    _set_extra(m, None)
    _set_private(m, None)
    return m


def _quotes(items: list[Any]) -> list[Any]:
    """The engine's quote dicts as :class:`Evidence` (each dict becomes its model's own;
    :func:`_made` written out: an audit makes about forty quotes)."""
    out: list[Any] = []
    for e in items:
        if e.__class__ is dict and len(e) == 5:  # EVIDENCE_KEYS, in order; any other shape is validated with the rest
            m = _new(Evidence)
            _set_dict(m, "__dict__", e)
            _set_fields_set(m, {"quote", "section", "start", "end", "terms"})
            _set_extra(m, None)
            _set_private(m, None)
            e = m
        out.append(e)
    return out


def _requirement(r: dict[str, Any]) -> Any:
    n = len(r)
    try:
        if (
            (n != 11 and n != 8)
            or r["weight"].__class__ is not float
            or r["status"] not in _STATUSES
            or r["severity"] not in _SEVERITIES
        ):
            return r  # another shape: validated with the rest
        if n == 11:  # REQUIREMENT_KEYS, in order
            if r["waived"] is not None:
                return r
            evidence = r["evidence"]
            r["evidence"] = _quotes(evidence) if evidence else []
            r["basis"] = r["basis"][:]  # the standard's list, shared by every audit
            fields = {
                "id", "title", "group", "status", "severity", "weight", "evidence", "message", "suggestion", "basis",
                "waived",
            }  # fmt: skip
        else:  # NOT_APPLICABLE_KEYS: the defaults put in their places
            r = {
                "id": r["id"],
                "title": r["title"],
                "group": r["group"],
                "status": r["status"],
                "severity": r["severity"],
                "weight": r["weight"],
                "evidence": [],
                "message": r["message"],
                "suggestion": None,
                "basis": r["basis"][:],
                "waived": None,
            }
            fields = {"id", "title", "group", "status", "severity", "weight", "message", "basis"}
    except KeyError:
        return r
    return _made(RequirementResult, r, fields)


def _finding(f: dict[str, Any]) -> Any:
    n = len(f)
    if f.get("severity") not in _SEVERITIES:
        return f
    if n == 10 and f["category"] in ("coverage", "quality"):  # FINDING_KEYS, in order
        f["related"] = _quotes(f["related"])
        fields = {
            "code",
            "category",
            "severity",
            "message",
            "suggestion",
            "quote",
            "section",
            "start",
            "end",
            "related",
        }
    elif n == 8:  # COVERAGE_FINDING_KEYS: category and related are the defaults
        f = {
            "code": f["code"],
            "category": "coverage",
            "severity": f["severity"],
            "message": f["message"],
            "suggestion": f["suggestion"],
            "quote": f["quote"],
            "section": f["section"],
            "start": f["start"],
            "end": f["end"],
            "related": [],
        }
        fields = {"code", "severity", "message", "suggestion", "quote", "section", "start", "end"}
    else:
        return f
    return _made(Finding, f, fields)


def _engine_items(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with its requirements and findings made into models where the engine's
    shapes allow (the rest stays data for the validator)."""
    reqs = data.get("requirements")
    if reqs.__class__ is list:
        data["requirements"] = [_requirement(r) if r.__class__ is dict else r for r in reqs]
    found = data.get("findings")
    if found.__class__ is list:
        data["findings"] = [_finding(f) if f.__class__ is dict else f for f in found]
    return data


def difference(expected: Any, got: Any, where: str = "result") -> str | None:
    """Where ``got`` differs from ``expected`` (models, lists, dicts, values), or None:
    a value's type, a model's field order, set fields, extra and private values count."""
    if type(expected) is not type(got):
        return f"{where}: {type(expected).__name__} != {type(got).__name__}"
    if isinstance(expected, BaseModel):
        for slot in ("__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__"):
            if getattr(expected, slot) != getattr(got, slot):
                return f"{where}.{slot}: {getattr(expected, slot)!r} != {getattr(got, slot)!r}"
        return difference(expected.__dict__, got.__dict__, where)
    if isinstance(expected, dict):
        if list(expected) != list(got):
            return f"{where}: keys {list(expected)} != {list(got)}"
        for key, value in expected.items():
            problem = difference(value, got[key], f"{where}.{key}")
            if problem:
                return problem
        return None
    if isinstance(expected, list):
        if len(expected) != len(got):
            return f"{where}: {len(expected)} items != {len(got)}"
        for i, (a, b) in enumerate(zip(expected, got, strict=True)):
            problem = difference(a, b, f"{where}[{i}]")
            if problem:
                return problem
        return None
    return None if expected == got else f"{where}: {expected!r} != {got!r}"
