"""The XML form carries exactly what the JSON form carries: round trips, blanks, decimals, text."""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from gi_report import (
    Narrative,
    Report,
    empty_report,
    from_json,
    from_xml,
    load,
    load_xml,
    to_json,
    to_xml,
)
from gi_report.codec.json import format_decimal, to_dict
from gi_report.codec.xml import dump_xml, parse_xml
from gi_report.synthetic import random_report
from gi_report.xsd import XSI, namespace
from tests.strategies import reports
from tests.xml.helpers import (
    ATTACKS,
    EXAMPLE,
    FORBIDDEN,
    committed_schema,
    corpus_names,
    corpus_report,
    hostile_reports,
)


def _root(data: bytes) -> etree._Element:
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False))


def _assert_same(a: Report, b: Report) -> None:
    """Equal reports, and every amount written with the same digits (0.350 stays 0.350)."""
    assert a == b
    assert to_json(a) == to_json(b)


@given(reports())
def test_model_xml_model_is_identity(report: Report) -> None:
    """Any valid report of either template (blanks, big and signed counts, decimals) survives."""
    data = to_xml(report)
    _assert_same(from_xml(data), report)
    assert from_xml(data.decode("utf-8")) == report  # str input reads the same


@given(hostile_reports())
def test_any_unicode_text_survives(report: Report) -> None:
    """Text with characters XML 1.0 forbids, CR, markup and odd whitespace comes back verbatim."""
    for pretty in (True, False):
        _assert_same(from_xml(to_xml(report, pretty=pretty)), report)


@given(reports() | hostile_reports())
def test_json_to_xml_to_json_is_byte_identical(report: Report) -> None:
    """JSON → XML → JSON reproduces the JSON text byte for byte."""
    text = to_json(report)
    assert to_json(from_xml(to_xml(from_json(text)))) == text


@given(reports())
def test_every_document_validates_against_the_committed_xsd(report: Report) -> None:
    """What to_xml writes is valid against the XSD files in schemas/ (read as a user would)."""
    root = _root(to_xml(report))
    schema = committed_schema(report.template)
    assert schema.validate(root), schema.error_log


@given(reports())
def test_compact_and_pretty_carry_the_same(report: Report) -> None:
    """Pretty-printing adds indentation between elements only, never inside a value."""
    pretty, compact = to_xml(report), to_xml(report, pretty=False)
    assert len(compact) < len(pretty)
    assert b"\n  <" not in compact.split(b"?>", 1)[1]
    assert parse_xml(pretty) == parse_xml(compact) == to_dict(report)


@pytest.mark.parametrize(
    "amount", ["0.350", "1E+2", "0", "0.00", "12345678901234567890.123456789", "1E-7", "5E+3"]
)
def test_decimals_are_exact(amount: str) -> None:
    """Amounts keep every digit the JSON form keeps (trailing zeros included), as plain digits."""
    value = Decimal(amount)
    report = empty_report("2021", agency="某局", year=2022)
    report = report.with_table(report.proactive.with_cell("administrative_fees",
                                                          "amount_10k_yuan", value))
    data = to_xml(report)
    cell = _root(data).find(f".//{{{namespace('2021')}}}amount_10k_yuan")
    assert cell is not None and cell.text == format_decimal(value)
    back = from_xml(data).proactive["administrative_fees", "amount_10k_yuan"]
    assert isinstance(back, Decimal) and back == value
    assert format_decimal(back) == format_decimal(value)


def test_blank_zero_and_absent_are_three_different_things() -> None:
    """A blank cell is xsi:nil, 0 is 0, and an absent cell is an error (not a blank)."""
    report = empty_report("2021", agency="某局", year=2022)
    report = report.with_table(report.applications.with_cell("granted", "total", 0))
    data = to_xml(report)
    root = _root(data)
    ns = namespace("2021")
    granted = root.find(f"{{{ns}}}applications/{{{ns}}}granted")
    assert granted is not None
    total = granted.find(f"{{{ns}}}total")
    person = granted.find(f"{{{ns}}}natural_person")
    assert total is not None and total.text == "0" and total.get(f"{{{XSI}}}nil") is None
    assert person is not None and person.get(f"{{{XSI}}}nil") == "true" and person.text is None
    back = from_xml(data)
    assert back.applications["granted", "total"] == 0
    assert back.applications["granted", "natural_person"] is None


@pytest.mark.parametrize("char", FORBIDDEN)
def test_each_forbidden_character_is_a_char_element(char: str) -> None:
    """Every character XML 1.0 forbids is written as <char code="XXXX"/> and read back."""
    text = f"前{char}后"
    report = attrs.evolve(empty_report(agency="某局", year=2022),
                          problems=Narrative(text=text))
    data = to_xml(report)
    ns = namespace("2021")
    element = _root(data).find(f"{{{ns}}}problems/{{{ns}}}text")
    assert element is not None
    assert element.text == "前"
    (char_element,) = list(element)
    assert char_element.tag == f"{{{ns}}}char"
    assert char_element.get("code") == f"{ord(char):04X}"
    assert char_element.tail == "后"
    assert from_xml(data).problems.text == text


def test_carriage_returns_and_whitespace_are_verbatim() -> None:
    """CR, CRLF, leading/trailing blanks and ideographic spaces survive (CR as &#13;)."""
    text = "  一、\r\n\t第一段\r第二段\u3000\n\n"
    report = attrs.evolve(empty_report(agency="某局", year=2022), closing=text, preamble="")
    data = to_xml(report)
    assert b"&#13;" in data
    back = from_xml(data)
    assert back.closing == text
    assert back.preamble == ""  # empty text is not absent text


def test_text_made_only_of_forbidden_characters_is_not_indented() -> None:
    """A text element holding only <char> children gets no indentation added by pretty-print."""
    report = attrs.evolve(empty_report(agency="某局", year=2022), preamble="\x01\x02")
    data = to_xml(report)
    assert b'<preamble label="' in data
    assert b'><char code="0001"/><char code="0002"/></preamble>' in data
    assert from_xml(data).preamble == "\x01\x02"


def test_mixed_layouts_use_the_other_templates_namespace() -> None:
    """A 2021 report with a 2019 section 三 holds that table in the 2019 namespace."""
    report_2019 = random_report(random.Random(3), template="2019")
    report = random_report(random.Random(4), template="2021").with_table(
        report_2019.applications
    )
    assert report.table_templates == {"applications": "2019"}
    data = to_xml(report)
    root = _root(data)
    table = root.find(f"{{{namespace('2019')}}}applications")
    assert table is not None and table.get("template") == "2019"
    assert root.find(f"{{{namespace('2021')}}}applications") is None
    back = from_xml(data)
    assert back == report and back.table_templates == {"applications": "2019"}
    assert to_dict(back)["table_templates"] == {"applications": "2019"}


def test_format_version_and_template_are_on_the_root() -> None:
    """The root says format version, template and namespace; labels are official Chinese."""
    report = random_report(random.Random(5), template="2019")
    root = _root(to_xml(report))
    assert root.tag == f"{{{namespace('2019')}}}report"
    assert root.get("format_version") == "1.0" and root.get("template") == "2019"
    row = root.find(f"{{{namespace('2019')}}}applications/{{{namespace('2019')}}}other_handling")
    assert row is not None and row.get("label") == "（六）其他处理"
    assert row[0].get("label") == "自然人"


def test_labels_are_ignored_when_reading() -> None:
    """A label a reader changed or removed makes no difference to what is read."""
    report = random_report(random.Random(6))
    data = to_xml(report).replace('label="自然人"'.encode(), 'label="别的"'.encode())
    data = data.replace(' label="总计"'.encode(), b"")
    assert from_xml(data) == report


@pytest.mark.parametrize("name", corpus_names())
def test_real_corpus_reports_round_trip(name: str) -> None:
    """Reports built from the hand-verified corpus values round-trip and validate."""
    report = corpus_report(name)
    data = to_xml(report)
    assert committed_schema(report.template).validate(_root(data))
    _assert_same(from_xml(data), report)
    assert to_json(from_xml(to_xml(from_json(to_json(report))))) == to_json(report)


def test_bundled_example_round_trips(tmp_path: Path) -> None:
    """The real Xicheng example: JSON file → XML file → JSON text, byte-identical."""
    report = load(EXAMPLE)
    target = tmp_path / "example.xml"
    dump_xml(report, target)
    assert target.read_bytes().startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<report")
    back = load_xml(target)
    _assert_same(back, report)
    assert to_json(back) == EXAMPLE.read_text("utf-8")


@given(st.integers(min_value=0, max_value=2**31))
def test_synthetic_reports_round_trip(seed: int) -> None:
    """The benchmark's synthetic reports (both templates, with blanks) round-trip."""
    rng = random.Random(seed)
    report = random_report(rng, template=rng.choice(("2019", "2021")), blank_rate=0.2)
    assert from_xml(to_xml(report)) == report


@pytest.mark.parametrize("name", ["2019-shanghai-gov-office", "2024-huaian-city"])
def test_validate_document_accepts_xml(name: str, tmp_path: Path) -> None:
    """validate_document reads XML through from_xml: the same findings as for the JSON form,
    a bad cell reported at its pointer and XML line, an attack file refused as XML."""
    from gi_report.validation import document as validation

    report = corpus_report(name)
    data = to_xml(report)
    path = tmp_path / f"{name}.xml"
    path.write_bytes(data)

    def summary(result: object) -> list[tuple[str, str]]:
        return sorted((f.code, f.pointer) for f in result.findings)  # type: ignore[attr-defined]

    from_json_form = validation.validate_document(to_json(report).encode("utf-8"))
    assert summary(validation.validate_document(path)) == summary(from_json_form)
    assert summary(validation.validate_document(data)) == summary(from_json_form)
    bad = data.replace(b'<total label="\xe6\x80\xbb\xe8\xae\xa1">', b'<total>-', 1)
    result = validation.validate_document(bad, source="bad.xml")
    assert not result.valid
    (finding,) = result.findings
    assert finding.pointer == "/applications/new_this_year/total"
    line = bad[: bad.index(b"<total>-")].count(b"\n") + 1
    assert finding.source is not None and finding.source.line == line
    attack = validation.validate_document((ATTACKS / "billion-laughs.xml").read_bytes())
    assert not attack.valid and attack.findings[0].code == "gi.schema.xml"
