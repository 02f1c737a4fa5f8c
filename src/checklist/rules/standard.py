"""Standards: YAML checklists validated by pydantic, with ``extends`` profiles.

A standard lists requirements (id, title, group, severity, weight, basis, scope, the
``met`` / ``partial`` rules, a suggestion, examples). A profile ``extends`` another
standard and refines it: ``overrides`` change fields of inherited requirements
(weight, severity, applies, rules, suggestion, examples), ``parameters`` change
settings such as the deadline, ``requirements`` add new ones. An unknown key, a wrong
type or a bad reference is a :class:`~checklist.errors.StandardError` naming the file,
the line and the key.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NamedTuple, NoReturn, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from checklist.errors import StandardError
from checklist.rules.bundled import Source, find_file, text_digest, unchanged
from checklist.rules.bundled import shipped as shipped  # re-exported: part of the API before bundled.py
from checklist.rules.matchers import MatcherModel, MatcherSyntaxError, When, parse, walk
from checklist.rules.problems import standard_error

Severity = Literal["critical", "major", "minor", "info"]
Status = Literal["met", "partial", "missing", "not_applicable"]
SEVERITY_ORDER = {"info": 0, "minor": 1, "major": 2, "critical": 3}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


def _as_condition(value: Any) -> Any:
    """``applies: {level: [...]}`` becomes a :class:`When` condition."""
    return When.model_validate(value) if isinstance(value, dict) else value


class I18n(_Strict):
    """A text in Chinese, optionally in English."""

    zh: str
    en: str | None = None

    def get(self, lang: str) -> str:
        """The text in ``lang`` (falls back to Chinese)."""
        return self.en if lang == "en" and self.en else self.zh


class Basis(_Strict):
    """A legal or policy document a standard or requirement rests on."""

    document: str
    number: str | None = None  # 文号, e.g. 厅字〔2019〕28号
    article: str | None = None
    note: str | None = None

    def label(self) -> str:
        """``《document》（number）article``."""
        out = f"《{self.document}》"
        if self.number:
            out += f"（{self.number}）"
        if self.article:
            out += self.article
        return out


class Example(_Strict):
    """A passage and the status it must get."""

    status: Literal["met", "partial", "missing", "not_applicable"]
    text: str
    note: str | None = None


class Requirement(_Strict):
    """One requirement of a standard."""

    id: str = Field(pattern=r"^[a-z_]+(\.[a-z_]+)+$")
    aliases: list[str] = []
    title: I18n
    group: str
    severity: Severity
    weight: float = Field(ge=0)
    basis: list[Basis] = []
    scope: str | list[str] = "work"
    negation: bool = True
    applies: bool | When = True
    met: MatcherModel
    partial: MatcherModel | None = None
    suggestion: I18n
    examples: list[Example] = []

    @field_validator("met", "partial", mode="before")
    @classmethod
    def _matcher(cls, value: Any) -> Any:
        if value is None or isinstance(value, MatcherModel):
            return value
        try:
            return parse(value)
        except MatcherSyntaxError as exc:
            # the catalogue key travels as the error type, its arguments and the path inside
            # the rule as the context: _raise_validation words it in the reader's language
            raise PydanticCustomError(exc.message_key, str(exc), {**exc.args_, _INNER_PATH: exc.path}) from None

    _applies = field_validator("applies", mode="before")(classmethod(lambda cls, v: _as_condition(v)))

    @field_validator("scope")
    @classmethod
    def _scope(cls, value: str | list[str]) -> str | list[str]:
        from checklist.structure.sections import SCOPES

        for name in [value] if isinstance(value, str) else value:
            if name not in SCOPES:
                raise PydanticCustomError(
                    "standard.unknown_scope", "unknown scope", {"name": repr(name), "scopes": ", ".join(SCOPES)}
                )
        return value

    def matchers(self) -> list[MatcherModel]:
        """Every matcher of the requirement, nested ones included."""
        out = walk(self.met)
        if self.partial is not None:
            out.extend(walk(self.partial))
        return out


class Override(_Strict):
    """What a profile may change in an inherited requirement."""

    title: I18n | None = None
    severity: Severity | None = None
    weight: float | None = Field(default=None, ge=0)
    scope: str | list[str] | None = None
    applies: bool | When | None = None
    met: Any = None
    partial: Any = None
    suggestion: I18n | None = None
    examples: list[Example] | None = None
    basis: list[Basis] | None = None

    _applies = field_validator("applies", mode="before")(classmethod(lambda cls, v: _as_condition(v)))


class QualityConfig(_Strict):
    """A quality check as configured in a standard's ``quality:`` block."""

    enabled: bool = True
    severity: Severity = "minor"
    # 0: a finding only. Above 0 the check also counts in the score, in group "quality":
    # met when it finds nothing, missing otherwise.
    weight: float = Field(default=0, ge=0)
    title: I18n | None = None
    suggestion: I18n
    params: dict[str, Any] = {}


class QualityOverride(_Strict):
    """What a profile may change in an inherited quality check."""

    enabled: bool | None = None
    severity: Severity | None = None
    weight: float | None = Field(default=None, ge=0)
    title: I18n | None = None
    suggestion: I18n | None = None
    params: dict[str, Any] | None = None


class StandardFile(_Strict):
    """A standard as written in its YAML file."""

    id: str = Field(pattern=r"^[A-Za-z0-9_.-]+$")
    version: str
    title: I18n
    description: I18n | None = None
    basis: list[Basis] = []
    extends: str | None = None
    applies_to: When | None = None
    parameters: dict[str, Any] = {}
    groups: dict[str, I18n] = {}
    requirements: list[dict[str, Any]] = []
    overrides: dict[str, Override] = {}
    quality: dict[str, dict[str, Any]] = {}


class Standard(_Strict):
    """A resolved standard: inheritance applied, requirements validated."""

    id: str
    version: str
    title: I18n
    description: I18n | None = None
    basis: list[Basis] = []
    extends: str | None = None
    chain: list[str] = []  # ids from the base to this one
    applies_to: When | None = None
    parameters: dict[str, Any] = {}
    groups: dict[str, I18n] = {}
    requirements: list[Requirement]
    quality: dict[str, QualityConfig] = {}
    source: str = ""

    def quality_params(self, code: str) -> Any:
        """The validated parameter model of quality check ``code`` (validated once)."""
        return self._quality_params[code]

    @functools.cached_property
    def _quality_params(self) -> dict[str, Any]:
        from checklist.rules.quality import params_model

        out = {}
        for code, cfg in self.quality.items():
            model = params_model(code)
            assert model is not None  # unknown codes were refused when the standard was loaded
            out[code] = model.model_validate(cfg.params)
        return out

    def requirement(self, rid: str) -> Requirement:
        """The requirement with id (or alias) ``rid``."""
        for r in self.requirements:
            if r.id == rid or rid in r.aliases:
                return r
        raise KeyError(rid)

    @functools.cached_property
    def engine_cache(self) -> dict[Any, Any]:
        """What the engine derives from the standard once (worded messages, compiled
        rules), filled by the engine as it needs it; the loader caches the standard."""
        return {}

    @functools.cached_property
    def literals(self) -> tuple[str, ...]:
        """Every literal term of every rule (for the Aho–Corasick automaton)."""
        seen: dict[str, None] = {}
        for r in self.requirements:
            for m in r.matchers():
                for t in m.literals():
                    seen.setdefault(t, None)
        return tuple(seen)


_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Lines = dict[tuple[Any, ...], int]  # the line of every YAML node, by its path
_Model = TypeVar("_Model", bound=BaseModel)
_INNER_PATH = "matcher_path"  # context key: where inside a rule a matcher error stands


def _mark_lines(node: yaml.Node, path: tuple[Any, ...], out: _Lines, label: str) -> None:
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        keys: set[Any] = set()
        for k, v in node.value:
            key = k.value
            if key in keys:
                raise standard_error(
                    label, "standard.duplicate_key", line=k.start_mark.line + 1, yaml_key=str(key), name=repr(key)
                )
            keys.add(key)
            out[(*path, key)] = k.start_mark.line + 1
            _mark_lines(v, (*path, key), out, label)
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            _mark_lines(v, (*path, i), out, label)


def _load_yaml(path: Path) -> tuple[Any, _Lines, str]:
    """The data of a standard file, the line of every key, and the digest of its text."""
    label = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise standard_error(label, "standard.not_found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise standard_error(label, "standard.unreadable", reason=str(exc)) from None
    data, lines = parse_yaml(label, text)
    if not isinstance(data, dict):
        raise standard_error(label, "standard.not_mapping", line=1)
    return data, lines, text_digest(text)


def parse_yaml(label: str, text: str) -> tuple[Any, _Lines]:
    """The data of YAML ``text`` and the line of every key in it (a standard's or a
    waiver file's); its errors name ``label``, the line and the key."""
    try:
        # one parse gives both the node tree (line numbers for errors) and the data;
        # libyaml's loader when PyYAML has it (ten times faster than the Python one)
        loader = _LOADER(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise standard_error(label, "standard.yaml_syntax", line=line, problem=problem) from None
    except ValueError:  # a date YAML reads as one but no calendar has (2026-13-40)
        line, key = impossible_date(node)
        raise standard_error(label, "standard.invalid.date_parsing", line=line, yaml_key=key) from None
    lines: _Lines = {}
    if node is not None:
        _mark_lines(node, (), lines, label)
    return data, lines


def impossible_date(node: yaml.Node, key: str | None = None) -> tuple[int | None, str | None]:
    """The line and key of the first date-shaped value that is no date."""
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:timestamp":
        try:
            yaml.SafeLoader("").construct_yaml_timestamp(node)
        except ValueError:
            return node.start_mark.line + 1, key
    children = node.value if isinstance(node, yaml.MappingNode | yaml.SequenceNode) else []
    for child in children:
        k, v = child if isinstance(child, tuple) else (None, child)
        found = impossible_date(v, str(k.value) if k is not None else key)
        if found[0] is not None:
            return found
    return None, None


def _line_for(lines: _Lines, loc: Iterable[Any]) -> int | None:
    path = tuple(loc)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get(())


# pydantic's error types that the catalogue words for a standard's author
# (``standard.invalid.<type>``); other types keep pydantic's own message
_WORDED_TYPES = frozenset(
    {
        "extra_forbidden",
        "missing",
        "float_parsing",
        "float_type",
        "int_parsing",
        "int_type",
        "string_type",
        "bool_parsing",
        "bool_type",
        "list_type",
        "dict_type",
        "model_type",
        "string_pattern_mismatch",
        "too_short",
        "date_from_datetime_parsing",
        "date_parsing",
    }
)


def _validation_problem(err: Any) -> tuple[str, dict[str, Any]]:
    """The catalogue key and arguments for one pydantic error."""
    kind = err["type"]
    ctx = dict(err.get("ctx") or {})
    if kind.startswith("standard."):  # raised by our own validators with the key as its type
        ctx.pop(_INNER_PATH, None)
        return kind, ctx
    if kind in _WORDED_TYPES:
        return f"standard.invalid.{kind}", {}
    if kind == "literal_error" and "expected" in ctx:
        return "standard.one_of", {"expected": ctx["expected"]}
    if kind in ("greater_than_equal", "greater_than") and ctx:
        return "standard.at_least", {"limit": next(iter(ctx.values()))}
    return "standard.as_given", {"text": err["msg"].removeprefix("Value error, ")}


def _raise_validation(label: str, exc: ValidationError, prefix: tuple[Any, ...], lines: _Lines) -> NoReturn:
    err = exc.errors()[0]
    loc = tuple(err["loc"])
    inner = (err.get("ctx") or {}).get(_INNER_PATH)
    extra = ""
    if inner is not None:  # a matcher error carries its own path inside the rule
        extra = ".".join(map(str, inner))
        loc = (*loc, *[int(p) if p.isdigit() else p for p in extra.split(".") if p])
    full = (*prefix, *loc)
    key = ".".join(str(p) for p in full)
    message_key, args = _validation_problem(err)
    raise standard_error(label, message_key, line=_line_for(lines, full), yaml_key=key or extra or None, **args)


@dataclass(frozen=True, slots=True)
class _Source:
    """The standard file being loaded: its name in errors and the line of every key."""

    label: str
    lines: _Lines

    def validate(self, model: type[_Model], raw: Any, prefix: tuple[Any, ...]) -> _Model:
        """``raw`` as ``model``; an error names the file, the line and the key under ``prefix``."""
        try:
            return model.model_validate(raw)
        except ValidationError as exc:
            _raise_validation(self.label, exc, prefix, self.lines)

    def fail(
        self, message_key: str, *, at: tuple[Any, ...] | None = None, yaml_key: str | None = None, **args: Any
    ) -> NoReturn:
        """Raise the catalogue error ``message_key`` at the key path ``at``."""
        line = self.lines.get(at) if at is not None else None
        raise standard_error(self.label, message_key, line=line, yaml_key=yaml_key, **args)


def load_standard(ref: str | Path = "national") -> Standard:
    """Load a shipped standard by id, or a standard file by path, resolving ``extends``.

    Loaded standards are cached by file and modification time, so auditing thousands of
    reports parses each YAML file once; editing a file is picked up on the next call.
    """
    key = str(ref)
    hit = _CACHE.get(key)
    if hit is not None and all(_mtime(f.path) == f.mtime for f in hit[1]):
        return hit[0]
    files: list[_File] = []
    std = _load(ref, (), files=files)
    _CACHE[key] = (std, tuple(files))
    return std


def standard_sources(ref: str | Path = "national") -> list[Source]:
    """The files standard ``ref`` is built from (itself first, then what it extends), as
    :func:`checklist.rules.bundled.unchanged` checks them: while they are unchanged, the
    standard loads the same, so what was derived from it may be kept without loading it.

    Checked against the files' text, not only their modification times as
    :func:`load_standard` does: a file edited within the same clock tick is loaded again.
    """
    load_standard(ref)
    sources = [f.source for f in _CACHE[str(ref)][1]]
    if not unchanged(sources):
        del _CACHE[str(ref)]
        load_standard(ref)
        sources = [f.source for f in _CACHE[str(ref)][1]]
    return sources


class _File(NamedTuple):
    """A file a cached standard was read from: its resolved path, modification time (the
    in-process cache's check) and what :func:`standard_sources` gives of it."""

    path: str
    mtime: int
    source: Source


_CACHE: dict[str, tuple[Standard, tuple[_File, ...]]] = {}


def group_titles(standard_id: str) -> dict[str, I18n]:
    """The group titles of shipped standard ``standard_id`` (those it inherits included).

    Empty when no standard of that id is shipped (a result audited with a user's own
    file); a shipped standard that does not load is a :class:`StandardError`.
    """
    if standard_id not in shipped():
        return {}
    return dict(load_standard(standard_id).groups)


def _mtime(path: str) -> int:
    try:
        return os.stat(path).st_mtime_ns  # (a Path made to stat costs three times more: every audit asks)
    except OSError:
        return -1


def _find(ref: str | Path, relative_to: Path | None = None) -> Path:
    path = find_file(ref, relative_to)
    if path is None:
        raise standard_error(str(ref), "standard.unknown", ref=repr(ref), known=", ".join(shipped()))
    return path


def _load(
    ref: str | Path,
    seen: tuple[str, ...],
    relative_to: Path | None = None,
    files: list[_File] | None = None,
) -> Standard:
    path = _find(ref, relative_to)
    key = str(path.resolve())
    mtime = _mtime(key)
    if key in seen:
        raise standard_error(str(path), "standard.extends_cycle", chain=" → ".join([*seen, key]))
    data, lines, digest = _load_yaml(path)
    if files is not None:
        folder = str(relative_to) if relative_to is not None else None
        files.append(_File(key, mtime, (str(ref), folder, str(path), key, digest)))
    src = _Source(str(path), lines)
    spec = src.validate(StandardFile, data, ())
    parent = _load_parent(spec, src, (*seen, key), path.parent, files)
    requirements = _apply_overrides(spec, src, _requirements(spec, src, parent))
    groups = dict(parent.groups) if parent else {}
    groups.update(spec.groups)
    for i, r in enumerate(requirements):
        if groups and r.group not in groups:
            src.fail(
                "standard.group_undefined",
                at=("requirements", i, "group"),
                yaml_key="group",
                id=r.id,
                group=repr(r.group),
            )
    params = dict(parent.parameters) if parent else {}
    params.update(spec.parameters)
    quality = _merge_quality(src, dict(parent.quality) if parent else {}, spec.quality)
    if not requirements:
        src.fail("standard.empty")
    return Standard(
        id=spec.id,
        version=spec.version,
        title=spec.title,
        description=spec.description,
        basis=spec.basis or (parent.basis if parent else []),
        extends=spec.extends,
        chain=[*(parent.chain if parent else []), spec.id],
        applies_to=spec.applies_to,
        parameters=params,
        groups=groups,
        requirements=requirements,
        quality=quality,
        source=src.label,
    )


def _load_parent(
    spec: StandardFile,
    src: _Source,
    seen: tuple[str, ...],
    folder: Path,
    files: list[_File] | None,
) -> Standard | None:
    """The standard ``spec`` extends (a path relative to ``folder``), if any."""
    if not spec.extends:
        return None
    try:
        return _load(spec.extends, seen, folder, files)
    except StandardError as exc:
        if exc.file == src.label:
            raise
        src.fail("standard.extends_failed", at=("extends",), yaml_key="extends", ref=repr(spec.extends), reason=exc)


def _requirements(spec: StandardFile, src: _Source, parent: Standard | None) -> list[Requirement]:
    """The inherited requirements followed by the file's own, validated."""
    requirements = list(parent.requirements) if parent is not None else []
    index = {r.id for r in requirements}
    for i, raw in enumerate(spec.requirements):
        req = src.validate(Requirement, raw, ("requirements", i))
        if req.id in index:
            src.fail(
                "standard.duplicate_requirement",
                at=("requirements", i, "id"),
                yaml_key=f"requirements.{i}.id",
                id=repr(req.id),
            )
        index.add(req.id)
        requirements.append(req)
    return requirements


def _apply_overrides(spec: StandardFile, src: _Source, requirements: list[Requirement]) -> list[Requirement]:
    """``requirements`` with the file's ``overrides`` applied (a new list)."""
    out = list(requirements)
    index = {r.id: i for i, r in enumerate(out)}
    for rid, override in spec.overrides.items():
        if rid not in index:
            src.fail("standard.override_unknown", at=("overrides", rid), yaml_key=f"overrides.{rid}", id=repr(rid))
        out[index[rid]] = src.validate(Requirement, _overridden(out[index[rid]], override), ("overrides", rid))
    return out


def _overridden(base: Requirement, override: Override) -> dict[str, Any]:
    """The fields of ``base`` with those ``override`` sets replaced (rules kept as models)."""
    changes = {k: v for k, v in override.model_dump(exclude_none=True).items()}
    for k in ("met", "partial", "applies"):
        value = getattr(override, k)
        if value is not None:
            changes[k] = value
    merged = base.model_dump()
    merged.update(met=base.met, partial=base.partial, applies=base.applies)
    merged.update(changes)
    return merged


def _merge_quality(
    src: _Source,
    inherited: dict[str, QualityConfig],
    given: dict[str, dict[str, Any]],
) -> dict[str, QualityConfig]:
    """Validate the ``quality:`` block and merge it over the inherited one."""
    from checklist.rules.quality import CHECKS, CROSS_CHECKS, params_model

    out = dict(inherited)
    for code, raw in given.items():
        where = ("quality", code)
        model = params_model(code)
        if model is None:
            src.fail(
                "standard.unknown_quality",
                at=where,
                yaml_key=f"quality.{code}",
                code=repr(code),
                known=", ".join([*CHECKS, *CROSS_CHECKS]),
            )
        config = _quality_config(src, where, out.get(code), raw)
        src.validate(model, config.params, where)
        if code in CROSS_CHECKS and config.weight > 0:
            src.fail("standard.cross_weight", at=where, yaml_key=f"quality.{code}", code=code)
        out[code] = config
    return out


def _quality_config(src: _Source, where: tuple[Any, ...], base: QualityConfig | None, raw: Any) -> QualityConfig:
    """A quality check's configuration: ``raw`` alone, or ``raw`` refining the inherited ``base``."""
    if base is None:
        return src.validate(QualityConfig, raw, where)
    change = src.validate(QualityOverride, raw, where)
    merged = base.model_dump()
    merged.update({k: v for k, v in change.model_dump(exclude_none=True).items() if k != "params"})
    merged["params"] = {**base.params, **(change.params or {})}
    return src.validate(QualityConfig, merged, where)
