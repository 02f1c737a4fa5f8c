"""The specification inside the repository (docs/requirements.md) and what depends on it.

Its requirement ids and quality codes are the ones the national standard defines, and
the reviewer labels of the sample reports use no id, code or metadata field the
specification does not define: a clone alone explains its own labels.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from _samples import LABELS
from checklist.rules.quality import CHECKS, CROSS_CHECKS

ROOT = Path(__file__).resolve().parents[1]
SPEC = (ROOT / "docs" / "requirements.md").read_text(encoding="utf-8")
NATIONAL: dict[str, Any] = yaml.safe_load((ROOT / "standards" / "national.yaml").read_text(encoding="utf-8"))
_GROUPS = ("format", "core", "leadership", "enforcement", "legal_advisor", "topic")


def _spec_ids(prefixes: tuple[str, ...]) -> set[str]:
    """Every `group.name` written in backticks in the specification (tables and prose)."""
    return set(re.findall(rf"`((?:{'|'.join(prefixes)})\.[a-z_]+)`", SPEC))


def _spec_metadata_fields() -> set[str]:
    """The fields of the specification's metadata table (its first column)."""
    section = SPEC[SPEC.index("## Metadata") : SPEC.index("## Format")]
    return set(re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE))


def test_spec_and_national_standard_define_the_same_requirements() -> None:
    spec = _spec_ids(_GROUPS)
    national = {r["id"] for r in NATIONAL["requirements"]}
    assert not spec - national, f"in docs/requirements.md, not in standards/national.yaml: {sorted(spec - national)}"
    assert not national - spec, f"in standards/national.yaml, not in docs/requirements.md: {sorted(national - spec)}"


def test_spec_and_national_standard_define_the_same_quality_codes() -> None:
    spec = _spec_ids(("quality",))
    assert spec == set(NATIONAL["quality"]), sorted(spec ^ set(NATIONAL["quality"]))
    assert spec == {*CHECKS, *CROSS_CHECKS}, sorted(spec ^ {*CHECKS, *CROSS_CHECKS})


def test_labels_use_only_what_the_spec_defines() -> None:
    requirements, codes, fields = _spec_ids(_GROUPS), _spec_ids(("quality",)), _spec_metadata_fields()
    assert {"title", "issuer", "level", "year", "date", "published", "addressee"} <= fields
    for name, label in LABELS.items():
        assert not set(label["requirements"]) - requirements, (name, sorted(set(label["requirements"]) - requirements))
        assert not set(label["metadata"]) - fields, (name, sorted(set(label["metadata"]) - fields))
        used = {finding["code"] for finding in label.get("findings", [])}
        assert not used - codes, (name, sorted(used - codes))


def test_labels_cite_the_spec_in_the_repository() -> None:
    header = (ROOT / "reports" / "labels.yaml").read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert "docs/requirements.md" in header
    assert "../" not in header, "the labels must cite the specification inside the repository"
