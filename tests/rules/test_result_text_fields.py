"""``text`` and ``removed`` appear in an audit result's JSON only when kept (keep_text)
and not empty: without them the JSON contract is the one it always was."""

from __future__ import annotations

import json

import checklist
from checklist.rules.result import AuditResult, RemovedSpan

REPORT = "某县司法局2023年法治政府建设情况报告\n一、主要工作\n完成了培训。\n二、存在的问题\n培训不足。\n"


def test_absent_without_keep_text() -> None:
    result = checklist.audit(REPORT)
    assert "text" not in json.loads(result.model_dump_json())
    assert "removed" not in json.loads(result.model_dump_json())
    assert {"text", "removed"}.isdisjoint(result.model_dump())
    assert {"text", "removed"}.isdisjoint(result.model_dump(mode="json"))


def test_kept_text_and_removed_when_present() -> None:
    result = checklist.audit(REPORT, keep_text=True)
    data = json.loads(result.model_dump_json())
    assert data["text"] == result.text
    assert "removed" not in data  # nothing was removed from this text
    with_removed = result.model_copy(update={"removed": [RemovedSpan(start=0, end=3, reason="x", code="navigation")]})
    assert json.loads(with_removed.model_dump_json())["removed"] == [
        {"start": 0, "end": 3, "reason": "x", "code": "navigation"}
    ]
    # an empty text is a text: kept, unlike an absent one
    assert json.loads(result.model_copy(update={"text": ""}).model_dump_json())["text"] == ""


def test_round_trip_of_a_result_without_text() -> None:
    result = checklist.audit(REPORT)
    again = AuditResult.model_validate_json(result.model_dump_json())
    assert again.text is None and again.removed == []
    assert again.model_dump_json() == result.model_dump_json()
