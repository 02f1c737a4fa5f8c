"""The package's public names and its light start-up."""

from __future__ import annotations

import importlib
import importlib.metadata
import subprocess
import sys

import checklist


def test_public_names_resolve() -> None:
    # Each lazily exported name is the very object of the module it comes from, and
    # __all__ lists exactly the exports (a name added to one and not the other fails).
    exports: dict[str, str] = checklist._EXPORTS
    assert set(checklist.__all__) == {*exports, "__version__"}
    for name, module in exports.items():
        value = getattr(checklist, name)
        assert callable(value), f"checklist.{name} is {value!r}"
        assert value is getattr(importlib.import_module(f"checklist.{module}"), name), name


def test_version_is_kept_in_one_place() -> None:
    # pyproject reads the version from checklist.__version__ (dynamic), so the installed
    # distribution and the module agree; a second hand-written copy would drift.
    assert checklist.__version__ == importlib.metadata.version("checklist")
    out = subprocess.run(
        [sys.executable, "-m", "checklist", "--version"], capture_output=True, text=True, check=True
    ).stdout
    assert checklist.__version__ in out


def test_import_does_not_load_the_engine() -> None:
    code = "import sys, checklist.cli; print('checklist.rules.engine' in sys.modules, 'pydantic' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_an_audit_does_not_load_numpy() -> None:
    # numpy (about 0.1 s to import) serves the batch's cross-report fingerprints only; a
    # one-file audit, the self-check of an author, must not pay for it
    code = (
        "import sys, checklist\n"
        "text = '一、主要举措和成效\\n全面清理行政审批中介服务收费项目12项。全面清理行政审批中介服务收费项目12项。'\n"
        "result = checklist.audit(text, 'national')\n"
        "assert any(f.code == 'quality.duplicate_sentence' for f in result.findings)\n"
        "print('numpy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False"]
