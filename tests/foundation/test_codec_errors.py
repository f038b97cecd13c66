"""Invalid JSON and XML documents raise the errors recorded before the codecs' fast paths were
reworked: the same class, and the same problems (pointer, expected, got, line, element path).
The cases and how to re-record them: ``tests/foundation/codec_error_cases.py``."""

from __future__ import annotations

import json
from typing import Any

import pytest

import gi_report as g
from tests.foundation.codec_error_cases import RECORDED, json_cases, outcome, xml_cases

_RECORDED: dict[str, Any] = json.loads(RECORDED.read_text(encoding="utf-8"))


def test_every_case_is_recorded() -> None:
    names = [name for name, _ in json_cases()] + [name for name, _ in xml_cases()]
    assert sorted(names) == sorted(_RECORDED)
    assert sum(o["error"] is not None for o in _RECORDED.values()) >= len(_RECORDED) - 1


@pytest.mark.parametrize(("name", "text"), list(json_cases()), ids=lambda v: str(v)[:60])
def test_json_errors_are_as_recorded(name: str, text: str) -> None:
    assert outcome(g.from_json, text) == _RECORDED[name]


@pytest.mark.parametrize(("name", "data"), list(xml_cases()), ids=lambda v: str(v)[:60])
def test_xml_errors_are_as_recorded(name: str, data: bytes) -> None:
    assert outcome(g.from_xml, data) == _RECORDED[name]
