"""R15 on the real corpus is what it was before the claims reader was rewritten for speed.

The record (``tests/data/r15/recorded.json``, see :mod:`tests.validation.r15_record`) was made by
the word-by-word reader; every finding, and every claim of every sentence, must stay the same.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.validation import r15_record


@pytest.fixture(scope="module")
def recorded() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(r15_record.RECORDED.read_text(encoding="utf-8"))
    return data


def test_the_record_covers_every_real_report(recorded: dict[str, Any]) -> None:
    names = {p.relative_to(r15_record.CORPUS).as_posix() for p in r15_record.report_paths()}
    assert set(recorded) == names
    assert len(names) == 15
    assert sum(len(r["findings"]) for r in recorded.values()) == 7  # shanghai 6, nyn 1


@pytest.mark.parametrize("path", r15_record.report_paths(), ids=lambda p: p.stem)
def test_r15_findings_and_claims_are_as_recorded(path: Any, recorded: dict[str, Any]) -> None:
    key = path.relative_to(r15_record.CORPUS).as_posix()
    report = r15_record.recorded_report(recorded[key])
    now = json.loads(json.dumps(r15_record.record_of(report), ensure_ascii=False))
    assert now["report"] == recorded[key]["report"]  # the JSON format reads back losslessly
    assert now["findings"] == recorded[key]["findings"]
    assert now["findings_blank_as_zero"] == recorded[key]["findings_blank_as_zero"]
    assert now["sentences"] == recorded[key]["sentences"]
