"""checklist: audit annual rule-of-law government reports (法治政府建设年度报告).

Read a report in any format it comes in, find its outline and metadata, and judge it
against a YAML checklist with evidence for every verdict.
"""

from __future__ import annotations

from .document import Document, Item, Metadata, Section, Sentence
from .errors import ChecklistError, InputError, StandardError, UsageError
from .reading import parse, read

__version__ = "0.1.0"

__all__ = [
    "ChecklistError", "Document", "InputError", "Item", "Metadata", "Section", "Sentence",
    "StandardError", "UsageError", "__version__", "parse", "read",
]

from .api import audit, example_failures
from .result import AuditResult
from .standard import Standard, load_standard

__all__ += ["AuditResult", "Standard", "audit", "example_failures", "load_standard"]
