"""Shared fixtures for the reader tests: the sample reports re-published in every format."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from _samples import fixture_builder

make_fixtures = fixture_builder()


@pytest.fixture(scope="session")
def fixtures_module() -> ModuleType:
    """The fixture builder module (``tests/fixtures/make_fixtures.py``)."""
    return make_fixtures


@pytest.fixture(scope="session")
def fixture_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """Every sample as GB18030 text, HTML page, .docx and PDF, built once per session."""
    built: dict[str, dict[str, Path]] = make_fixtures.build(tmp_path_factory.mktemp("reader-fixtures"))
    return built
