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
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from checklist.errors import StandardError
from checklist.rules.bundled import shipped as shipped  # re-exported: part of the API before bundled.py
from checklist.rules.matchers import MatcherModel, MatcherSyntaxError, When, parse, walk

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
        return (self.en if lang == "en" and self.en else self.zh)


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
            raise ValueError(f"{exc} @{'.'.join(map(str, exc.path))}") from None

    _applies = field_validator("applies", mode="before")(classmethod(lambda cls, v: _as_condition(v)))

    @field_validator("scope")
    @classmethod
    def _scope(cls, value: str | list[str]) -> str | list[str]:
        from checklist.structure.sections import SCOPES

        for name in [value] if isinstance(value, str) else value:
            if name not in SCOPES:
                raise ValueError(f"未知的范围 {name!r}（可用：{', '.join(SCOPES)}）")
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
    def literals(self) -> tuple[str, ...]:
        """Every literal term of every rule (for the Aho–Corasick automaton)."""
        seen: dict[str, None] = {}
        for r in self.requirements:
            for m in r.matchers():
                for t in m.literals():
                    seen.setdefault(t, None)
        return tuple(seen)


_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _mark_lines(node: yaml.Node, path: tuple[Any, ...], out: dict[tuple[Any, ...], int]) -> None:
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        keys: set[Any] = set()
        for k, v in node.value:
            key = k.value
            if key in keys:
                raise StandardError("", f"重复的键 {key!r}", line=k.start_mark.line + 1, yaml_key=str(key))
            keys.add(key)
            out[(*path, key)] = k.start_mark.line + 1
            _mark_lines(v, (*path, key), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            _mark_lines(v, (*path, i), out)


def _load_yaml(path: Path) -> tuple[Any, dict[tuple[Any, ...], int]]:
    label = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise StandardError(label, "标准文件不存在") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise StandardError(label, f"无法读取标准文件：{exc}") from None
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
        raise StandardError(label, f"YAML 语法错误：{problem}", line=line) from None
    lines: dict[tuple[Any, ...], int] = {}
    if node is not None:
        try:
            _mark_lines(node, (), lines)
        except StandardError as exc:
            raise StandardError(label, exc.problem, line=exc.line, yaml_key=exc.yaml_key) from None
    if not isinstance(data, dict):
        raise StandardError(label, "标准文件的顶层必须是一个映射（id、version、requirements …）", line=1)
    return data, lines


def _line_for(lines: dict[tuple[Any, ...], int], loc: Iterable[Any]) -> int | None:
    path = tuple(loc)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get(())


# pydantic's messages for the errors a standard's author makes, in the users' language
_PYDANTIC_ZH = {
    "extra_forbidden": "未知的键", "missing": "缺少必填键",
    "float_parsing": "应为数字", "float_type": "应为数字", "int_parsing": "应为整数", "int_type": "应为整数",
    "string_type": "应为文本", "bool_parsing": "应为 true 或 false", "bool_type": "应为 true 或 false",
    "list_type": "应为列表", "dict_type": "应为映射（键: 值）", "model_type": "应为映射（键: 值）",
    "string_pattern_mismatch": "格式不对（id 应为小写字母、点和下划线，如 core.measures）",
    "too_short": "不能为空", "date_from_datetime_parsing": "应为日期（如 2026-12-31）",
    "date_parsing": "应为日期（如 2026-12-31）",
}


def _raise_validation(label: str, exc: ValidationError, prefix: tuple[Any, ...],
                      lines: dict[tuple[Any, ...], int]) -> None:
    err = exc.errors()[0]
    loc = tuple(err["loc"])
    msg = err["msg"]
    extra = ""
    if "@" in msg:  # a matcher error carries its own path inside the rule
        msg, _, inner = msg.rpartition(" @")
        extra = inner
        loc = (*loc, *[int(p) if p.isdigit() else p for p in inner.split(".") if p])
    full = (*prefix, *loc)
    key = ".".join(str(p) for p in full)
    msg = _PYDANTIC_ZH.get(err["type"], msg)
    if err["type"] == "literal_error" and "expected" in err.get("ctx", {}):
        msg = f"取值应为 {err['ctx']['expected']}"
    elif err["type"] in ("greater_than_equal", "greater_than") and err.get("ctx"):
        msg = f"应不小于 {next(iter(err['ctx'].values()))}"
    raise StandardError(label, msg.removeprefix("Value error, "), line=_line_for(lines, full),
                        yaml_key=key or extra or None)


def load_standard(ref: str | Path = "national") -> Standard:
    """Load a shipped standard by id, or a standard file by path, resolving ``extends``.

    Loaded standards are cached by file and modification time, so auditing thousands of
    reports parses each YAML file once; editing a file is picked up on the next call.
    """
    key = str(ref)
    hit = _CACHE.get(key)
    if hit is not None and all(_mtime(p) == m for p, m in hit[1]):
        return hit[0]
    files: list[tuple[str, int]] = []
    std = _load(ref, (), files=files)
    _CACHE[key] = (std, tuple(files))
    return std


_CACHE: dict[str, tuple[Standard, tuple[tuple[str, int], ...]]] = {}


def _mtime(path: str) -> int:
    try:
        return Path(path).stat().st_mtime_ns
    except OSError:
        return -1


def _find(ref: str | Path, relative_to: Path | None = None) -> Path:
    if isinstance(ref, Path) or str(ref).endswith((".yaml", ".yml")) or "/" in str(ref):
        path = Path(ref)
        if not path.is_absolute() and relative_to is not None and not path.exists():
            path = relative_to / path
        return path
    known = shipped()
    if str(ref) in known:
        return known[str(ref)]
    raise StandardError(str(ref), f"没有名为 {ref!r} 的标准（内置：{', '.join(known)}）")


def _load(
    ref: str | Path, seen: tuple[str, ...], relative_to: Path | None = None,
    files: list[tuple[str, int]] | None = None,
) -> Standard:
    path = _find(ref, relative_to)
    label = str(path)
    key = str(path.resolve())
    if files is not None:
        files.append((key, _mtime(key)))
    if key in seen:
        raise StandardError(label, "extends 形成循环：" + " → ".join([*seen, key]))
    data, lines = _load_yaml(path)
    try:
        spec = StandardFile.model_validate(data)
    except ValidationError as exc:
        _raise_validation(label, exc, (), lines)
        raise  # unreachable
    parent: Standard | None = None
    if spec.extends:
        try:
            parent = _load(spec.extends, (*seen, key), path.parent, files)
        except StandardError as exc:
            if exc.file == label:
                raise
            raise StandardError(label, f"extends {spec.extends!r} 无法加载：{exc.message}",
                                line=lines.get(("extends",)), yaml_key="extends") from None
    requirements: list[Requirement] = []
    if parent is not None:
        requirements = list(parent.requirements)
    index = {r.id: i for i, r in enumerate(requirements)}
    for i, raw in enumerate(spec.requirements):
        try:
            req = Requirement.model_validate(raw)
        except ValidationError as exc:
            _raise_validation(label, exc, ("requirements", i), lines)
            raise
        if req.id in index:
            raise StandardError(label, f"重复的要求 id {req.id!r}（继承的要求请用 overrides 修改）",
                                line=lines.get(("requirements", i, "id")), yaml_key=f"requirements.{i}.id")
        index[req.id] = len(requirements)
        requirements.append(req)
    for rid, override in spec.overrides.items():
        if rid not in index:
            raise StandardError(label, f"overrides 引用了不存在的要求 {rid!r}",
                                line=lines.get(("overrides", rid)), yaml_key=f"overrides.{rid}")
        base = requirements[index[rid]]
        changes = {k: v for k, v in override.model_dump(exclude_none=True).items()}
        for k in ("met", "partial", "applies"):
            value = getattr(override, k)
            if value is not None:
                changes[k] = value
        merged = base.model_dump()
        merged.update(met=base.met, partial=base.partial, applies=base.applies)
        merged.update(changes)
        try:
            requirements[index[rid]] = Requirement.model_validate(merged)
        except ValidationError as exc:
            _raise_validation(label, exc, ("overrides", rid), lines)
            raise
    groups = dict(parent.groups) if parent else {}
    groups.update(spec.groups)
    for i, r in enumerate(requirements):
        if groups and r.group not in groups:
            raise StandardError(label, f"要求 {r.id} 的分组 {r.group!r} 未在 groups 中定义",
                                line=lines.get(("requirements", i, "group")), yaml_key="group")
    params = dict(parent.parameters) if parent else {}
    params.update(spec.parameters)
    quality = _merge_quality(label, lines, dict(parent.quality) if parent else {}, spec.quality)
    if not requirements:
        raise StandardError(label, "标准中没有任何要求")
    return Standard(
        id=spec.id, version=spec.version, title=spec.title, description=spec.description,
        basis=spec.basis or (parent.basis if parent else []), extends=spec.extends,
        chain=[*(parent.chain if parent else []), spec.id], applies_to=spec.applies_to,
        parameters=params, groups=groups, requirements=requirements, quality=quality, source=label,
    )


def _merge_quality(
    label: str, lines: dict[tuple[Any, ...], int], inherited: dict[str, QualityConfig],
    given: dict[str, dict[str, Any]],
) -> dict[str, QualityConfig]:
    """Validate the ``quality:`` block and merge it over the inherited one."""
    from checklist.rules.quality import CHECKS, CROSS_CHECKS, params_model

    out = dict(inherited)
    for code, raw in given.items():
        where = ("quality", code)
        model = params_model(code)
        if model is None:
            raise StandardError(label, f"未知的质量检查 {code!r}（可用：{', '.join([*CHECKS, *CROSS_CHECKS])}）",
                                line=lines.get(where), yaml_key=f"quality.{code}")
        try:
            if code in out:
                change = QualityOverride.model_validate(raw)
                base = out[code]
                merged = base.model_dump()
                merged.update({k: v for k, v in change.model_dump(exclude_none=True).items() if k != "params"})
                merged["params"] = {**base.params, **(change.params or {})}
                config = QualityConfig.model_validate(merged)
            else:
                config = QualityConfig.model_validate(raw)
            model.model_validate(config.params)
        except ValidationError as exc:
            _raise_validation(label, exc, where, lines)
            raise
        if code in CROSS_CHECKS and config.weight > 0:
            raise StandardError(label, f"跨报告的质量检查 {code} 不能计分（weight 须为 0）：一份报告的得分"
                                "不应取决于同批还有哪些报告", line=lines.get(where), yaml_key=f"quality.{code}")
        out[code] = config
    return out
