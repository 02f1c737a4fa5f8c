"""The README's worked example of a provincial profile works as written."""

from __future__ import annotations

import re
from pathlib import Path

import checklist

README = Path(__file__).resolve().parents[1] / "README.md"


def test_provincial_profile_example(tmp_path: Path) -> None:
    text = README.read_text(encoding="utf-8")
    block = re.search(r"Save as `my-province.yaml`:\n\n```yaml\n(.*?)```", text, re.S)
    assert block, "README lost its worked example"
    path = tmp_path / "my-province.yaml"
    path.write_text(block.group(1), encoding="utf-8")
    std = checklist.load_standard(path)
    assert std.extends == "national"
    assert std.requirement("leadership.shufa").severity == "critical"
    assert checklist.example_failures(std) == []
    result = checklist.audit(README.parent / "reports" / "2019-sichuan-guangyuan-zhaohua-district.txt", std)
    assert result.standard.id == "my-province"
    # the 2019 report has 强化示范创建 in its first-responsible part
    assert result.requirement("topic.demonstration").status == "met"


def test_readme_names_the_commands_the_makefile_has() -> None:
    text = README.read_text(encoding="utf-8")
    make = (README.parent / "Makefile").read_text(encoding="utf-8")
    assert "make demo" in text and "make test" in text and "make serve" in text
    assert "\ndemo:" in make and "\ntest:" in make and "\nserve:" in make
    assert "make test" in (README.parent / ".ci" / "run").read_text(encoding="utf-8")
