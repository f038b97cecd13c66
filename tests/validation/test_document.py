"""validate_document: raw documents of every kind, never an exception, every problem located."""

from __future__ import annotations

import io
import json
import math
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from gi_report import to_dict
from gi_report.validation import Severity, ValidationReport, validate, validate_document
from gi_report.validation.document import MAX_DEPTH
from tests.validation.corpus import report_from_expected


@pytest.fixture
def document() -> dict[str, Any]:
    """The JSON form of the real 2021 平潭 report."""
    return to_dict(report_from_expected("2021-pingtan"))


def _codes(report: ValidationReport) -> list[tuple[str, str]]:
    return [(f.code, f.pointer) for f in report.findings if f.code.startswith("gi.schema")]


def test_a_valid_document_gets_every_rule(document: dict[str, Any]) -> None:
    expected = validate(report_from_expected("2021-pingtan"))
    for data in (document, io.StringIO(json.dumps(document, ensure_ascii=False)),
                 json.dumps(document).encode(), io.BytesIO(json.dumps(document).encode())):
        got = validate_document(data)
        assert got.findings == expected.findings
        assert not got.partial and got.readable and got.template == "2021"


def test_a_negative_count_is_an_r7_finding_and_the_other_tables_are_still_checked(
    document: dict[str, Any],
) -> None:
    document["applications"]["granted"]["natural_person"] = -3
    document["review_litigation"]["administrative_review"]["total"] = 4  # 1 + 0 + 2 + 0 = 3
    report = validate_document(document)
    assert _codes(report) == [("gi.schema.R7", "/applications/granted/natural_person")]
    finding = report.findings[0]
    assert finding.severity is Severity.ERROR
    assert finding.message_zh == (
        "（一）予以公开·自然人 [/applications/granted/natural_person]：应为 不小于 0 的整数"
        "（空白为 null），实为 -3"
    )
    assert report.partial and not report.valid
    assert any("tables checked: proactive, review_litigation" in r
               for r in report.partial_reasons)
    r4 = [f for f in report.findings if f.code == "gi.sum.R4"]
    assert [(f.stated, f.computed) for f in r4] == [(4, 3)]
    assert not [f for f in report.findings if f.table == "applications" and
                not f.code.startswith("gi.schema")]


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d["applications"]["granted"].pop("total"),
     ("gi.schema.required", "/applications/granted/total")),
    (lambda d: d["applications"]["granted"].update(subtotal=3),
     ("gi.schema.unknown_member", "/applications/granted/subtotal")),
    (lambda d: d["metadata"].update(year="2021"),
     ("gi.schema.invalid", "/metadata/year")),
    (lambda d: d.update(template="2030"), ("gi.schema.invalid", "/template")),
    (lambda d: d["applications"]["granted"].update(total=2.5),
     ("gi.schema.R7", "/applications/granted/total")),
    (lambda d: d["other_matters"].update(processing_fee_collected_amount_yuan="-1"),
     ("gi.schema.R7", "/other_matters/processing_fee_collected_amount_yuan")),
    (lambda d: d["proactive"]["administrative_fees"].update(amount_10k_yuan=0.35),
     ("gi.schema.R7", "/proactive/administrative_fees/amount_10k_yuan")),
])
def test_schema_problems_become_located_findings(document: dict[str, Any], change: Any,
                                                 expected: tuple[str, str]) -> None:
    change(document)
    report = validate_document(document)
    assert expected in _codes(report)
    assert report.partial and not report.valid and report.readable


def test_values_json_cannot_hold(document: dict[str, Any]) -> None:
    document["applications"]["granted"]["natural_person"] = math.nan
    document["applications"]["partially_granted"]["natural_person"] = 10**400
    document["review_litigation"]["administrative_review"]["upheld"] = Decimal("Infinity")
    document["metadata"][7] = "a key that is not text"
    document["preamble"] = {1, 2}
    report = validate_document(document)
    assert sorted(_codes(report)) == sorted([
        ("gi.schema.not_json", "/applications/granted/natural_person"),
        ("gi.schema.not_json", "/applications/partially_granted/natural_person"),
        ("gi.schema.not_json", "/review_litigation/administrative_review/upheld"),
        ("gi.schema.not_json", "/metadata/7"),
        ("gi.schema.not_json", "/preamble"),
    ])
    assert "an integer of 401 digits" in json.dumps(report.to_dict(), ensure_ascii=False)
    json.dumps(report.to_dict())  # the report itself is JSON


def test_an_integer_too_long_to_print_does_not_crash() -> None:
    huge = 10 ** (sys.get_int_max_str_digits() + 10) if hasattr(sys, "get_int_max_str_digits") \
        else 10**5000
    report = validate_document({"template": "2021", "metadata": huge})
    assert ("gi.schema.not_json", "/metadata") in _codes(report)


@pytest.mark.parametrize("depth", [MAX_DEPTH + 5, 100_000])
def test_deep_nesting_is_cut(depth: int) -> None:
    value: Any = "leaf"
    for _ in range(depth):
        value = [value]
    report = validate_document({"template": "2021", "preamble": value})
    assert [c for c, _ in _codes(report)].count("gi.schema.too_deep") == 1
    assert not report.valid


def test_deeply_nested_json_text_is_a_syntax_finding() -> None:
    text = "[" * 100_000 + "]" * 100_000
    report = validate_document(text.encode())
    assert _codes(report) == [("gi.schema.syntax", "")]
    assert not report.readable


@pytest.mark.parametrize("text", ['{"a": ', '{"x": NaN}', "{'single': 1}", "\ufeff{", b"\xff\xfe{"])
def test_malformed_json_text(text: str | bytes) -> None:
    report = validate_document(io.StringIO(text) if isinstance(text, str) else text)
    assert [c for c, _ in _codes(report)] == ["gi.schema.syntax"]
    assert not report.readable and report.partial


def test_a_repeated_member_is_located_at_the_object_that_holds_it(
    document: dict[str, Any]
) -> None:
    """Issue 11: a member named twice in one object (JSON leaves its meaning open) is reported
    at the object's pointer, naming the member, not at the whole document."""
    text = json.dumps(document, ensure_ascii=False)
    granted = json.dumps(document["applications"]["granted"], ensure_ascii=False)
    twice = granted[:-1] + ', "total": 7}'
    assert text.count(granted) == 1
    text = text.replace(granted, twice)
    text = text.replace('"template": "2021"', '"template": "2021", "template": "2019"', 1)
    for data in (text.encode("utf-8"), io.BytesIO(text.encode("utf-8"))):
        report = validate_document(data, source="twice.json")
        assert _codes(report) == [("gi.schema.syntax", ""),
                                  ("gi.schema.syntax", "/applications/granted")]
        by_pointer = {f.pointer: f for f in report.findings}
        assert '"total"' in by_pointer["/applications/granted"].message_en
        assert '"template"' in by_pointer[""].message_en
        assert by_pointer["/applications/granted"].section == "applications"
        assert not report.readable and not report.valid


@pytest.mark.parametrize("value", [None, 3, b"null", b"[]", [], True, b"text", 1.5])
def test_any_json_value_that_is_not_a_report(value: Any) -> None:
    report = validate_document(value)
    assert report.findings and not report.valid
    assert all(f.code.startswith("gi.schema") for f in report.findings)


def test_a_file_that_is_missing_or_too_large(tmp_path: Path) -> None:
    missing = validate_document(tmp_path / "nowhere.json")
    assert _codes(missing) == [("gi.schema.unreadable", "")]
    assert not missing.readable and missing.source == str(tmp_path / "nowhere.json")
    named = validate_document(str(tmp_path / "nowhere.json"))  # a str is a path, never text
    assert _codes(named) == [("gi.schema.unreadable", "")] and not named.readable
    assert named.source == str(tmp_path / "nowhere.json")
    assert "pass bytes or a stream for document text" in named.findings[0].message_en
    big = tmp_path / "big.json"
    with open(big, "wb") as handle:
        handle.truncate(33 * 1024 * 1024)  # sparse: 33 MiB over the 32 MiB limit
    report = validate_document(big)
    assert _codes(report) == [("gi.schema.too_large", "")]
    assert not report.readable


def test_a_path_to_a_real_document(tmp_path: Path, document: dict[str, Any]) -> None:
    path = tmp_path / "pingtan.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    report = validate_document(path)
    assert report.source == str(path) and report.readable
    assert report.findings == validate(report_from_expected("2021-pingtan")).findings
    assert validate_document(str(path)).findings == report.findings


# --- XML -----------------------------------------------------------------------------------------


def test_xml_documents_go_through_the_xml_codec(tmp_path: Path) -> None:
    from gi_report.codec import xml

    report = report_from_expected("2019-shanghai-gov-office")
    data = xml.to_xml(report)
    expected = validate(report).findings
    assert validate_document(data).findings == expected
    assert validate_document(io.StringIO(data.decode("utf-8"))).findings == expected
    path = tmp_path / "shanghai.xml"
    path.write_bytes(data)
    assert validate_document(path).findings == expected


def test_broken_xml_is_a_finding_with_its_line() -> None:
    from gi_report.codec import xml

    data = xml.to_xml(report_from_expected("2021-pingtan"))
    report = validate_document(data[: len(data) // 2])
    assert {f.code for f in report.findings} == {"gi.schema.xml"}
    assert not report.readable
    doctype = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "b">]><r>&a;</r>'
    unsafe = validate_document(doctype)
    assert [f.code for f in unsafe.findings] == ["gi.schema.xml"]
    assert "DOCTYPE" in unsafe.findings[0].message_en


def test_an_xml_cell_out_of_range_is_located_by_line_and_label() -> None:
    from gi_report.codec import xml

    data = xml.to_xml(report_from_expected("2021-pingtan")).decode("utf-8")
    marker = '<total label="总计">69</total>'
    assert data.count(marker) == 1  # （七）总计·总计
    report = validate_document(
        data.replace(marker, '<total label="总计">-69</total>').encode("utf-8"))
    (finding,) = report.findings
    assert finding.code == "gi.schema.R7"
    assert finding.pointer == "/applications/results_total/total"
    assert finding.source is not None and finding.source.line
    assert finding.message_zh.startswith("（七）总计·总计 [/applications/results_total/total]：")
    assert report.partial and report.readable


def test_text_that_is_not_unicode(document: dict[str, Any]) -> None:
    document["preamble"] = "\ud800 a lone surrogate"
    for data in (document, io.StringIO(json.dumps(document))):
        report = validate_document(data)
        assert _codes(report) == [("gi.schema.invalid", "/preamble")]
        assert "surrogate" in report.findings[0].message_en
