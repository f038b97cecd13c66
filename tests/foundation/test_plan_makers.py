"""The generated makers of ``gi_report.codec.plan`` (``_maker``) build what the attrs classes'
own ``__init__`` builds, and refuse what it refuses, with the texts checked together at the end
(``Found.check``) instead of one by one."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest

from gi_report import empty_report
from gi_report.codec.plan import SECTIONS, Found, Unclean, _maker, _structurer
from gi_report.model import Metadata, Narrative, OtherMatters, Overview, Report, Subsection
from gi_report.numbers import MAX_TEXT_CHARS

_TEXTS: list[Any] = ["某局", "", "a:b", "\ud800", "x" * (MAX_TEXT_CHARS + 1), 3, None, b"x",
                     ["x"], {"a": 1}]


def _by_attrs(cls: type, values: dict[str, Any]) -> Any:
    try:
        return "made", cls(**values)
    except (TypeError, ValueError, KeyError, ArithmeticError):
        return "refused", None


def _by_maker(cls: type, values: dict[str, Any]) -> Any:
    found = Found()
    try:
        made = _maker(cls, convert=False)(values, found)
        found.check()
    except (Unclean, TypeError, ValueError, KeyError, ArithmeticError):
        return "refused", None
    return "made", made


def _metadata_cases() -> list[dict[str, Any]]:
    base: dict[str, Any] = {"agency": "某局", "year": 2023}
    cases: list[dict[str, Any]] = [base, {"agency": "某局"}, {"year": 2023}, {**base, "zz": 1}]
    cases += [{**base, "agency": text} for text in _TEXTS]
    cases += [{**base, "title": text} for text in _TEXTS]
    cases += [{**base, "year": year} for year in (2006, 2007, 2100, 2101, True, "2023", 2023.0)]
    cases += [{**base, "division_code": code} for code in ("320000", "32000", None, 320000)]
    cases += [{**base, "agency_level": level} for level in ("county", "x", None, 1)]
    cases += [{**base, "publication_date": day}
              for day in (datetime.date(2024, 1, 2), "2024-01-02", None,
                          datetime.datetime(2024, 1, 2))]
    return cases


@pytest.mark.parametrize("values", _metadata_cases())
def test_metadata_as_attrs_makes_it(values: dict[str, Any]) -> None:
    assert _by_maker(Metadata, values) == _by_attrs(Metadata, values)


@pytest.mark.parametrize("text", _TEXTS)
@pytest.mark.parametrize("cls", [Narrative, Subsection])
def test_narratives_as_attrs_makes_them(cls: type, text: Any) -> None:
    for values in ({"heading": text, "text": "文字"}, {"text": text}, {"heading": "一"}, {},
                   {"heading": "一", "text": "二", "other": 1}):
        assert _by_maker(cls, values) == _by_attrs(cls, values)


@pytest.mark.parametrize("count", [None, 0, 3, -1, True, 2**53, "3"])
@pytest.mark.parametrize("amount", [None, Decimal("0.35"), Decimal("-1"), Decimal("NaN"), 1.5, "1"])
def test_other_matters_fees_as_attrs_checks_them(count: Any, amount: Any) -> None:
    values = {"text": "无", "processing_fee_notices_count": count,
              "processing_fee_collected_amount_yuan": amount}
    assert _by_maker(OtherMatters, values) == _by_attrs(OtherMatters, values)


def test_overview_subsections_and_defaults() -> None:
    subsection = Subsection(heading="甲", text="文字")
    for values in ({}, {"subsections": (subsection,)}, {"subsections": [subsection]},
                   {"subsections": ("x",)}, {"text": "丁", "subsections": ()}):
        assert _by_maker(Overview, values) == _by_attrs(Overview, values)


def test_the_json_structurers_count_members_and_note_texts() -> None:
    found = Found()
    overview = _structurer(Overview)({"heading": "丙", "subsections": [
        {"heading": "甲", "text": "a:b"}, {"heading": "乙", "text": "c"}]}, found)
    assert overview.subsections[0].text == "a:b"
    assert found.members == 2 + 2 + 2
    assert found.check().count(":") == 1


@pytest.mark.parametrize("cls", list(SECTIONS.values()))
def test_every_section_has_a_maker_that_accepts_its_empty_object(cls: type) -> None:
    values: dict[str, Any] = {"agency": "某局", "year": 2023} if cls is Metadata else {}
    found = Found()
    assert _structurer(cls)(values, found) == cls(**values)
    assert found.members == len(values)


def test_report_maker_runs_the_reports_validators() -> None:
    report = empty_report(template="2021", agency="某局", year=2023)
    parts: dict[str, Any] = {"template": "2021", "metadata": report.metadata,
                             **report.tables}
    assert _by_maker(Report, parts) == _by_attrs(Report, parts)
    for bad in ({**parts, "template": "1999"}, {**parts, "proactive": report.applications},
                {**parts, "preamble": "\ud800"}, {**parts, "closing": 3}):
        assert _by_maker(Report, bad) == _by_attrs(Report, bad) == ("refused", None)
