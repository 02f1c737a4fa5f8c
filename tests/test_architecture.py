"""The house drawn from the imports: layers, documented import paths, one copy of shared code.

The layers, bottom up (a module may import its own layer and the layers below, never
one above; CONTRIBUTING.md draws the map):

0. base: document, errors, messages, limits, fileio, vocabulary (and the package root's
   ``__version__``)
1. ingest: checklist.ingest.*
2. structure: checklist.structure.*
3. rules, crossreport, render (one layer): checklist.rules.*, .crossreport.*, .render.*
4. api: checklist.api, checklist.reading, checklist.annotating, the package facade (checklist/__init__.py)
5. applications: checklist.cli.*, .batch.*, .web.*, .evaluation.*, checklist.__main__

Every import counts: at module level, inside functions and under ``TYPE_CHECKING``. A
module missing from the map fails too, so a new module is placed on purpose.
"""

from __future__ import annotations

import ast
import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "checklist"
README = ROOT / "README.md"

LAYER_NAMES = ("base", "ingest", "structure", "rules/crossreport/render", "api", "applications")
# (prefix, layer): a module is in the layer of the first prefix that is it or contains it.
LAYERS: tuple[tuple[str, int], ...] = (
    ("checklist.document", 0),
    ("checklist.errors", 0),
    ("checklist.messages", 0),
    ("checklist.limits", 0),
    ("checklist.fileio", 0),
    ("checklist.vocabulary", 0),
    ("checklist.ingest", 1),
    ("checklist.structure", 2),
    ("checklist.rules", 3),
    ("checklist.crossreport", 3),
    ("checklist.render", 3),
    ("checklist.api", 4),
    ("checklist.reading", 4),
    ("checklist.annotating", 4),
    ("checklist.cli", 5),
    ("checklist.batch", 5),
    ("checklist.web", 5),
    ("checklist.evaluation", 5),
    ("checklist.__main__", 5),
)
ROOT_MODULE = "checklist"  # the facade (api); importing only __version__ from it is base
FACADE_LAYER, VERSION_LAYER = 4, 0


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_package(path: Path) -> bool:
    return path.name == "__init__.py"


MODULES: dict[str, Path] = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> int | None:
    """The layer of ``module`` (a dotted name inside checklist), None if the map lacks it."""
    if module == ROOT_MODULE:
        return FACADE_LAYER
    for prefix, layer in LAYERS:
        if module == prefix or module.startswith(prefix + "."):
            return layer
    return None


@dataclass(frozen=True)
class Import:
    """One import statement's target inside the package."""

    line: int
    target: str  # the module imported from
    layer: int | None
    text: str  # as written, for the failure message


def _absolute(module: str, importer: str, is_package: bool, level: int) -> str:
    """The absolute name a relative ``from …module import`` in ``importer`` means."""
    if level == 0:
        return module
    base = importer.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, module] if module else base)


def imports_of(module: str) -> Iterator[Import]:
    """Every import of a checklist module by ``module``, anywhere in its source."""
    path = MODULES[module]
    yield from imports_in(path.read_text(encoding="utf-8"), module, is_package=_is_package(path))


def imports_in(source: str, module: str, *, is_package: bool) -> Iterator[Import]:
    """Every import of a checklist module in ``source``, the text of ``module``."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == ROOT_MODULE or alias.name.startswith(ROOT_MODULE + "."):
                    yield Import(node.lineno, alias.name, layer_of(alias.name), f"import {alias.name}")
        elif isinstance(node, ast.ImportFrom):
            target = _absolute(node.module or "", module, is_package, node.level)
            if target != ROOT_MODULE and not target.startswith(ROOT_MODULE + "."):
                continue
            names = [alias.name for alias in node.names]
            text = f"from {'.' * node.level}{node.module or ''} import {', '.join(names)}"
            layer: int | None
            if target == ROOT_MODULE:
                layer = VERSION_LAYER if names == ["__version__"] else FACADE_LAYER
            else:
                layer = layer_of(target)
            yield Import(node.lineno, target, layer, text)


def _where(module: str, imp: Import) -> str:
    return f"{MODULES[module].relative_to(ROOT)}:{imp.line}"


def test_the_package_has_modules_to_check() -> None:
    assert {"checklist", "checklist.api", "checklist.document", "checklist.rules.engine"} <= set(MODULES)


def test_every_module_is_placed_in_a_layer() -> None:
    unplaced = sorted(m for m in MODULES if layer_of(m) is None)
    assert not unplaced, f"modules missing from the layer map in tests/test_architecture.py (place them): {unplaced}"


def test_every_imported_module_is_placed_in_a_layer() -> None:
    unknown = [f"{_where(m, imp)}: {imp.text}" for m in MODULES for imp in imports_of(m) if imp.layer is None]
    assert not unknown, "imports of modules missing from the layer map:\n" + "\n".join(unknown)


def test_no_module_imports_from_a_higher_layer() -> None:
    upward = []
    for module in MODULES:
        own = layer_of(module)
        if own is None:
            continue  # reported by test_every_module_is_placed_in_a_layer
        for imp in imports_of(module):
            above = imp.layer
            if above is not None and above > own:
                upward.append(f"{_where(module, imp)}: {module} ({LAYER_NAMES[own]}) {imp.text} ({LAYER_NAMES[above]})")
    assert not upward, f"{len(upward)} imports from a higher layer:\n" + "\n".join(upward)


def test_the_import_walk_sees_every_kind_of_import() -> None:
    # The walker itself: imports inside functions, under TYPE_CHECKING, relative ones, and
    # the package root as the facade or only for its version.
    source = (
        "from typing import TYPE_CHECKING\n"
        "import json\n"
        "if TYPE_CHECKING:\n    from checklist.api import audit\n"
        "def f():\n    import checklist.cli.audit\n    from . import engine\n    from ..render import html\n"
        "from checklist import __version__\n"
        "import checklist\n"
    )
    found = {(imp.target, imp.layer) for imp in imports_in(source, "checklist.rules.fake", is_package=False)}
    assert found == {
        ("checklist.api", 4),
        ("checklist.cli.audit", 5),
        ("checklist.rules", 3),
        ("checklist.render", 3),
        ("checklist", 0),
        ("checklist", 4),
    }


# ---------------------------------------------------------------------------
# README's documented import paths

# Named in README without the package path in front (`create_app(WebSettings(...))`).
_DOCUMENTED_ELSEWHERE = ("checklist.web.WebSettings",)
# The ones issue 12 promised to keep: README must go on naming them.
_PROMISED = (
    "checklist.batch.audit_many",
    "checklist.web.create_app",
    "checklist.render.html.render_report",
    "checklist.limits.Limits",
    "checklist.audit",
    "checklist.read",
)


def readme_paths() -> list[str]:
    """Every dotted ``checklist.…`` path README mentions, and the modules of its ``from … import``."""
    text = README.read_text(encoding="utf-8")
    paths = set(re.findall(r"(?<![\w/.-])checklist(?:\.[A-Za-z_]\w*)+", text))
    for module, names in re.findall(r"from (checklist[\w.]*) import ([\w, ]+)", text):
        paths.update(f"{module}.{name.strip()}" for name in names.split(",") if name.strip())
    return sorted(paths | set(_DOCUMENTED_ELSEWHERE))


def resolve(path: str) -> object:
    """The object a dotted path names: the longest importable module, then attributes."""
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            value: object = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attr in parts[cut:]:
            value = getattr(value, attr)
        return value
    raise ModuleNotFoundError(path)


def test_readme_still_names_the_promised_paths() -> None:
    assert set(_PROMISED) <= set(readme_paths())


@pytest.mark.parametrize("path", readme_paths())
def test_readme_import_path_works(path: str) -> None:
    try:
        value = resolve(path)
    except (ImportError, AttributeError) as exc:
        pytest.fail(f"README documents {path}, which does not resolve: {exc}")
    assert value is not None


# ---------------------------------------------------------------------------
# one copy of the shared helpers and vocabulary

# The one home of each: checklist.fileio writes atomically and expands inputs;
# checklist.vocabulary lists page fields.
_FILE_HELPER = re.compile(r"atomic|^_?expand(_paths|_inputs|_files)?$")
_HOME_OF_FILE_HELPERS = "checklist.fileio"
_HOME_OF_VOCABULARY = "checklist.vocabulary"


def _page_fields() -> set[str]:
    from checklist.vocabulary import PAGE_FIELDS

    return set(PAGE_FIELDS)


def _strings(nodes: list[ast.expr | None]) -> list[str]:
    return [n.value for n in nodes if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def copies_in(module: str, page_fields: set[str]) -> Iterator[str]:
    """What in ``module`` copies a shared helper or a page-field list."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        where = f"{MODULES[module].relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"
        if module != _HOME_OF_FILE_HELPERS:
            if (
                isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                and _FILE_HELPER.search(node.name)
                and not _delegates_to_fileio(node)
            ):
                yield f"{where}: def {node.name} (use checklist.fileio)"
            if _is_rename_of_temporary(node):
                yield f"{where}: a temporary file renamed into place (use checklist.fileio.write_atomic)"
        if module == _HOME_OF_VOCABULARY:
            continue
        words: list[str] = []
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            words = _strings(list(node.elts))
        elif isinstance(node, ast.Dict):
            words = _strings(list(node.keys))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and "|" in node.value:
            words = re.split(r"[|()?:]", node.value)  # a regex alternation written out
        fields = [w for w in words if w in page_fields]
        if len(fields) >= 2:
            yield f"{where}: page-field names {fields} (use checklist.vocabulary)"


def _delegates_to_fileio(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """A wrapper that calls fileio's own helper is no copy of it."""
    called = {
        node.func.id if isinstance(node.func, ast.Name) else node.func.attr
        for node in ast.walk(function)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute)
    }
    return bool(called & {"write_atomic", "expand_paths"})


def _is_rename_of_temporary(node: ast.AST) -> bool:
    """``os.replace(…)``/``os.rename(…)``, or ``tmp….replace(…)``/``.rename(…)`` on a temporary."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return False
    if node.func.attr not in ("replace", "rename") or not isinstance(node.func.value, ast.Name):
        return False
    receiver = node.func.value.id
    return receiver == "os" or "tmp" in receiver.lower()


def test_shared_helpers_and_page_fields_have_one_home() -> None:
    page_fields = _page_fields()
    copies = [line for module in MODULES for line in copies_in(module, page_fields)]
    assert not copies, "copies of shared code or vocabulary:\n" + "\n".join(copies)


def test_the_homes_define_what_they_should() -> None:
    from checklist import fileio, vocabulary

    assert callable(fileio.write_atomic) and callable(fileio.expand_paths)
    assert {"成文日期", "发布日期", "发布机构", "印发日期"} <= set(vocabulary.PAGE_FIELDS)
