"""The package's public names and its light start-up."""

from __future__ import annotations

import subprocess
import sys

import checklist


def test_public_names_resolve() -> None:
    for name in checklist.__all__:
        assert getattr(checklist, name) is not None


def test_import_does_not_load_the_engine() -> None:
    code = "import sys, checklist.cli; print('checklist.rules.engine' in sys.modules, 'pydantic' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
