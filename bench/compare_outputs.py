"""Snapshot every audit output the test inputs give, and compare two snapshots.

    python bench/compare_outputs.py snapshot DIR   # write one JSON file per output
    python bench/compare_outputs.py compare OLD NEW

A speed change must not change a verdict, a quote or an offset. ``snapshot`` audits,
under every shipped standard that applies and in both languages where cheap:

* the samples (``reports/*.txt``) and their HTML, .docx, PDF and GB18030 versions
  (``tests/fixtures/make_fixtures.py``);
* the development corpus (``../shared/dev/real`` and ``../shared/dev/full``) when present;
* every passage of ``tests/cases/requirements.yaml`` and ``tests/cases/quality.yaml`` and
  every example of every shipped standard;
* the hostile corpus (``tests/hostile/make_corpus.py``, without the 200 MB file): the
  result, or the error class and message;

and writes each result as JSON without the fields that change run to run (``tool``,
``duration_ms``, the input's hash: a generated .docx holds its creation time).
``compare`` prints every file that differs and exits 1 when any does.
It is a check run by hand around a change, not a test (the suite pins its own cases).
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import yaml

import checklist
from checklist.errors import ChecklistError
from checklist.rules.standard import load_standard, shipped

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "dev"
sys.path.insert(0, str(ROOT / "tests"))


def _inputs(scratch: Path) -> Iterator[tuple[str, str | Path, tuple[str, ...], tuple[str, ...]]]:
    """(name, text or path, standards, languages) of every input."""
    from fixtures.make_fixtures import build as build_fixtures
    from hostile.make_corpus import build as build_hostile

    stds = tuple(shipped())
    for p in sorted((ROOT / "reports").glob("*.txt")):
        yield f"sample_{p.stem}", p, stds, ("zh", "en")
    for stem, paths in build_fixtures(scratch / "fixtures").items():
        for kind, path in paths.items():
            yield f"fixture_{stem}_{kind}", path, stds, ("zh",)
    for part in ("real", "full"):
        for p in sorted((DEV / part).glob("*.txt")):
            yield f"dev_{part}_{p.stem}", p, stds, ("zh", "en")
    blocks = yaml.safe_load((ROOT / "tests/cases/requirements.yaml").read_text(encoding="utf-8"))
    for b, block in enumerate(blocks):
        for i, case in enumerate(block["cases"]):
            yield f"req_{b}_{block['requirement']}_{i}", case["text"], (block.get("standard", "national"),), ("zh",)
    for i, case in enumerate(yaml.safe_load((ROOT / "tests/cases/quality.yaml").read_text(encoding="utf-8"))):
        yield f"quality_{i}", case["text"], ("national",), ("zh",)
    for sid in stds:
        for req in load_standard(sid).requirements:
            for i, ex in enumerate(req.examples):
                yield f"example_{sid}_{req.id}_{i}", ex.text, (sid,), ("zh",)
    for name, path, _what in build_hostile(scratch / "hostile", big=False):
        yield f"hostile_{name}", path, ("national",), ("zh",)


def _dump(source: str | Path, sid: str, lang: str) -> str:
    try:
        if isinstance(source, str):
            result = checklist.audit(checklist.parse(source, source="passage"), sid, lang=lang)
        else:
            result = checklist.audit(source, sid, lang=lang)
    except ChecklistError as exc:
        return json.dumps({"error": type(exc).__name__, "message": str(exc)}, ensure_ascii=False)
    data = json.loads(result.model_dump_json())
    data.pop("tool", None)
    data.pop("duration_ms", None)
    data["document"].pop("sha256", None)  # a generated .docx holds its creation time
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0)


def snapshot(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    with tempfile.TemporaryDirectory() as scratch:
        for name, source, sids, langs in _inputs(Path(scratch)):
            for sid in sids:
                for lang in langs:
                    text = _dump(source, sid, lang).replace(str(scratch), "SCRATCH")
                    (out / f"{name}.{sid}.{lang}.json").write_text(text, encoding="utf-8")
                    n += 1
    print(f"{n} outputs written to {out}")
    return 0


def compare(old: Path, new: Path) -> int:
    a = {p.name for p in old.glob("*.json")}
    b = {p.name for p in new.glob("*.json")}
    differ = sorted(n for n in a & b if (old / n).read_bytes() != (new / n).read_bytes())
    for name in sorted(a - b):
        print(f"only in {old}: {name}")
    for name in sorted(b - a):
        print(f"only in {new}: {name}")
    for name in differ:
        print(f"differs: {name}")
    same = len(a & b) - len(differ)
    print(f"{same} of {len(a | b)} outputs identical")
    return 1 if differ or a ^ b else 0


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[1] == "snapshot":
        return snapshot(Path(argv[2]))
    if len(argv) == 4 and argv[1] == "compare":
        return compare(Path(argv[2]), Path(argv[3]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
