"""The closed set of matcher kinds, registered in one explicit dict.

A requirement's ``met`` / ``partial`` rule is a YAML mapping with exactly one key, the
kind. Each kind is a module with a typed parameter model and a docstring with
examples. A new requirement should need YAML, not a new kind.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from checklist.messages import t
from checklist.rules.matchers.base import Context, Hit, MatcherModel, Outcome
from checklist.rules.matchers.combine import AllOf, AnyOf, NotOf, When
from checklist.rules.matchers.deadline import Deadline
from checklist.rules.matchers.field import Field
from checklist.rules.matchers.figures import Figures
from checklist.rules.matchers.heading import Heading
from checklist.rules.matchers.near import Near
from checklist.rules.matchers.section import SectionKind
from checklist.rules.matchers.terms import Terms
from checklist.rules.matchers.year_consistency import YearConsistency

REGISTRY: dict[str, type[MatcherModel]] = {
    "terms": Terms,
    "near": Near,
    "figures": Figures,
    "heading": Heading,
    "section": SectionKind,
    "field": Field,
    "deadline": Deadline,
    "year_consistency": YearConsistency,
    "all": AllOf,
    "any": AnyOf,
    "not": NotOf,
    "when": When,
}

__all__ = ["REGISTRY", "Context", "Hit", "MatcherModel", "MatcherSyntaxError", "Outcome", "When", "parse", "walk"]


class MatcherSyntaxError(ValueError):
    """A matcher node is malformed; ``path`` locates it inside the rule.

    The problem is catalogue message ``message_key`` with ``args_`` (Chinese in
    ``str(error)``), so the standard's loader can word it in the reader's language.
    """

    def __init__(self, message_key: str, path: tuple[str | int, ...] = (), **args: Any) -> None:
        super().__init__(t(message_key, "zh", **args))
        self.message_key = message_key
        self.args_ = args
        self.path = path


def parse(node: Any, path: tuple[str | int, ...] = ()) -> MatcherModel:
    """Build a matcher from its YAML form (a mapping with exactly one kind key)."""
    if isinstance(node, MatcherModel):
        return node
    if not isinstance(node, dict) or len(node) != 1:
        raise MatcherSyntaxError("standard.matcher_shape", path, kinds=", ".join(REGISTRY))
    kind, value = next(iter(node.items()))
    cls = REGISTRY.get(kind)
    if cls is None:
        raise MatcherSyntaxError("standard.matcher_unknown", (*path, kind), kind=repr(kind), kinds=", ".join(REGISTRY))
    here = (*path, kind)
    if cls in (AllOf, AnyOf):
        if not isinstance(value, list) or not value:
            raise MatcherSyntaxError("standard.matcher_empty", here, kind=kind)
        return cls(parts=[parse(v, (*here, i)) for i, v in enumerate(value)])
    if cls is NotOf:
        return NotOf(part=parse(value, here))
    if isinstance(value, list):
        if cls is Near:
            value = {"all": value}
        elif cls in (Terms, Heading):
            value = {"any": value}
        elif cls is Figures:
            value = {"near": value}
    if value is None:
        value = {}
    if cls is Terms or cls is Heading or cls is Near or cls is Figures:
        value = _fold_terms(value)
    try:
        return cls.model_validate(value)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        raise MatcherSyntaxError("standard.matcher_invalid", (*here, *loc), kind=kind, detail=err["msg"]) from None


_WORD_KEYS = ("any", "all", "exclude", "near", "not_after", "not_before")  # the keys whose values are words


def _fold_terms(value: Any) -> Any:
    """Normalise the words of a rule as the document text is normalised."""
    from checklist.ingest.normalize import fold

    if isinstance(value, dict):
        return {k: _fold_terms(v) if k in _WORD_KEYS else v for k, v in value.items()}
    if isinstance(value, list):
        return [_fold_terms(v) for v in value]
    if isinstance(value, str):
        return fold(value)
    return value


def walk(matcher: MatcherModel) -> list[MatcherModel]:
    """The matcher and every matcher nested in it."""
    out = [matcher]
    for child in matcher.children():
        out.extend(walk(child))
    return out
