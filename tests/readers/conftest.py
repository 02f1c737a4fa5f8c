"""Shared fixtures for the reader tests: the sample reports re-published in every format."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_make_fixtures() -> ModuleType:
    # tests/ is not a package (no __init__.py), so load the builder by path.
    name = "make_fixtures"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / "fixtures" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


make_fixtures = _load_make_fixtures()


@pytest.fixture(scope="session")
def fixtures_module() -> ModuleType:
    """The fixture builder module (``tests/fixtures/make_fixtures.py``)."""
    return make_fixtures


@pytest.fixture(scope="session")
def fixture_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """Every sample as GB18030 text, HTML page, .docx and PDF, built once per session."""
    built: dict[str, dict[str, Path]] = make_fixtures.build(
        tmp_path_factory.mktemp("reader-fixtures")
    )
    return built
