"""checklist: audit annual rule-of-law government reports (法治政府建设年度报告).

Read a report in any format it comes in, find its outline and metadata, and judge it
against a YAML checklist with evidence for every verdict::

    import checklist
    result = checklist.audit("report.docx")

Names are imported on first use, so ``checklist --help`` does not pay for pydantic,
the readers and the engine.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "Document": "document",
    "Item": "document",
    "Metadata": "document",
    "Section": "document",
    "Sentence": "document",
    "ChecklistError": "errors",
    "InputError": "errors",
    "StandardError": "errors",
    "UsageError": "errors",
    "read": "reading",
    "parse": "reading",
    "audit": "api",
    "example_failures": "api",
    "annotate": "annotating",
    "annotate_result": "annotating",
    "AuditResult": "rules.result",
    "DocumentInfo": "rules.result",
    "Evidence": "rules.result",
    "Finding": "rules.result",
    "RequirementResult": "rules.result",
    "Standard": "rules.standard",
    "load_standard": "rules.standard",
    "Limits": "limits",
}

__all__ = [
    "AuditResult",
    "ChecklistError",
    "Document",
    "DocumentInfo",
    "Evidence",
    "Finding",
    "InputError",
    "Item",
    "Limits",
    "Metadata",
    "RequirementResult",
    "Section",
    "Sentence",
    "Standard",
    "StandardError",
    "UsageError",
    "__version__",
    "annotate",
    "annotate_result",
    "audit",
    "example_failures",
    "load_standard",
    "parse",
    "read",
]

if TYPE_CHECKING:
    from checklist.annotating import annotate, annotate_result
    from checklist.api import audit, example_failures
    from checklist.document import Document, Item, Metadata, Section, Sentence
    from checklist.errors import ChecklistError, InputError, StandardError, UsageError
    from checklist.limits import Limits
    from checklist.reading import parse, read
    from checklist.rules.result import AuditResult, DocumentInfo, Evidence, Finding, RequirementResult
    from checklist.rules.standard import Standard, load_standard


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'checklist' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    # The exports are not in the module's namespace until first used, and what is there
    # (importlib, typing's names) is no API: list the public names and the module's dunders,
    # so dir() and tab completion show the API before anything is imported.
    return sorted({*__all__, *(name for name in globals() if name.startswith("__"))})
