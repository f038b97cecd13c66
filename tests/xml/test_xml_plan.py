"""The planned reading of a valid XML tree (``gi_report.codec.xml_plan``) gives the same data as
the thorough, element-by-element reader, or hands over to it; from_xml's result and its located
problems are the thorough reader's."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from gi_report import Report, from_dict, from_xml, to_xml
from gi_report.codec.xml import _read_thoroughly, parse_tree
from gi_report.codec.xml_plan import Unplanned, read_tree
from gi_report.errors import DocumentError, XMLDocumentError
from gi_report.xsd import compiled_schema, namespaces
from tests.xml.helpers import corpus_names, corpus_report, hostile_reports


def _valid_tree(data: bytes) -> tuple[etree._Element, str]:
    root = parse_tree(data)
    version = namespaces()[etree.QName(root).namespace or ""]
    assert compiled_schema(version).validate(root), compiled_schema(version).error_log
    return root, version


def _planned(data: bytes) -> dict[str, Any] | None:
    """The planned reading, or ``None`` where it hands over to the thorough reader."""
    root, version = _valid_tree(data)
    try:
        return read_tree(root, version)
    except (Unplanned, KeyError, ValueError, TypeError):
        return None


def _thorough(data: bytes) -> dict[str, Any]:
    root, _ = _valid_tree(data)
    return _read_thoroughly(root, None)[0]


def _same_reading(data: bytes) -> None:
    planned = _planned(data)
    if planned is not None:
        assert planned == _thorough(data)
        assert list(planned) == list(_thorough(data))  # members in the JSON form's order


@given(hostile_reports())
def test_generated_reports_read_the_same_either_way(report: Report) -> None:
    data = to_xml(report)
    _same_reading(data)
    _same_reading(to_xml(report, pretty=False))
    assert from_xml(data) == report == from_dict(_thorough(data))


@pytest.mark.parametrize("name", corpus_names())
def test_real_reports_are_read_the_planned_way(name: str) -> None:
    report = corpus_report(name)
    data = to_xml(report)
    assert _planned(data) == _thorough(data)
    assert from_xml(data) == report


_COMMENT = b"<!-- a comment -->"


def _edits(data: bytes) -> list[bytes]:
    """Valid variants of a document: comments and processing instructions between rows and
    cells and inside a number (the hardened parser drops them), and characters XML cannot hold
    in a text (``char`` elements, which the plan leaves to the thorough reader)."""
    cells = [m.end() for m in re.finditer(rb"<total[^>]*>(?=[0-9])", data)]
    rows = [m.start() for m in re.finditer(rb"<granted ", data)]
    agency = re.search(rb"<agency[^>]*>", data)
    assert cells and rows and agency
    out = [data[:at] + _COMMENT + data[at:] for at in (cells[0], rows[0], cells[-1] + 1)]
    out.append(data[:rows[0]] + b"<?pi x?>" + data[rows[0]:])
    char = b'<char code="0007"/>'
    out.append(data[:agency.end()] + char + data[agency.end():])
    return out


def _result(read: Any, data: bytes) -> Report | list[str]:
    try:
        result: Report = read(data)
    except DocumentError as error:
        return [p.pointer for p in error.problems]
    return result


@pytest.mark.parametrize("name", corpus_names())
def test_what_the_plan_does_not_expect_is_read_the_thorough_way(name: str) -> None:
    report = corpus_report(name)
    edits = _edits(to_xml(report))
    for edited in edits:
        _same_reading(edited)
        assert _result(from_xml, edited) == _result(lambda d: from_dict(_thorough(d)), edited)
    assert _planned(edits[-1]) is None  # the char element: read the thorough way
    assert from_xml(edits[-1]).metadata.agency.startswith("\x07")


@given(st.sampled_from(["-1", "1.5", "01", " 7 ", "9007199254740992", "1" * 30, "x"]))
def test_a_cell_value_is_refused_or_read_as_the_thorough_reader_does(text: str) -> None:
    data = to_xml(corpus_report(corpus_names()[0]))
    edited = re.sub(rb"(<total[^>]*?)(?: xsi:nil=\"true\"/>|>[^<]*</total>)",
                    lambda m: m[1] + b">" + text.encode() + b"</total>", data, count=1)
    assert edited != data
    try:
        report = from_xml(edited)
    except XMLDocumentError as error:
        assert error.problems and all(getattr(p, "line", None) for p in error.problems)
        return
    assert report == from_dict(_thorough(edited))


_CELL = '<total label="{label}"'
"""The start of a ``total`` cell of section 三 as the writer writes it (label from the form)."""


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("{start}/>", "refused"),  # empty and not nil: the XSD refuses it
        ('{start} xsi:nil="false"/>', "refused"),
        ('{start} xsi:nil="true">  </total>', "refused"),
        ('{start} xsi:nil="1"/>', None),
        ("{start}> 190 </total>", 190),
        ("{start}>1<!--x-->90</total>", 190),  # the parser drops the comment
        ("{start}>1<?x y?>90</total>", 190),
    ],
)
def test_a_count_cell_is_read_as_the_xsd_sees_it(cell: str, expected: object) -> None:
    """The plan takes a count cell without text for a nil one: the XSD refuses an empty number
    that is not nil, so no blank is ever read from a cell that states something."""
    report = corpus_report(corpus_names()[-1])
    report = report.with_table(report.applications.with_cell("new_this_year", "total", 190))
    start = _CELL.format(label=report.applications.spec.column("total").label)
    data = to_xml(report).decode("utf-8")
    stated = f"{start}>190</total>"
    assert stated in data
    edited = data.replace(stated, cell.format(start=start), 1).encode("utf-8")
    if expected == "refused":
        with pytest.raises(XMLDocumentError) as error:
            from_xml(edited)
        assert error.value.problems[0].pointer == "/applications/new_this_year/total"
        return
    assert from_xml(edited).applications["new_this_year", "total"] == expected
    _same_reading(edited)
