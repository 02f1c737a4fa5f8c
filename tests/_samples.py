"""The sample reports and their reviewer labels, for tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "reports"
LABELS: dict[str, Any] = yaml.safe_load((REPORTS / "labels.yaml").read_text(encoding="utf-8"))
SAMPLES = sorted(LABELS)


def sample_path(name: str) -> Path:
    """Path of sample report ``name``."""
    return REPORTS / name
