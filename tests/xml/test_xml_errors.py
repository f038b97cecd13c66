"""Bad XML documents: every problem is a typed error naming line, element path and pointer."""

from __future__ import annotations

import random
import re

import pytest

from gi_report import (
    DocumentError,
    GIReportError,
    InputTooLargeError,
    XMLDocumentError,
    XMLProblem,
    from_xml,
    to_xml,
)
from gi_report.synthetic import random_report
from gi_report.xsd import namespace

REPORT = random_report(random.Random(11), template="2021")
GOOD = to_xml(REPORT).decode("utf-8")


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _errors(text: str | bytes) -> list[XMLProblem]:
    with pytest.raises(XMLDocumentError) as caught:
        from_xml(text, source="bad.xml")
    error = caught.value
    assert isinstance(error, DocumentError) and isinstance(error, ValueError)
    assert isinstance(error, GIReportError)
    assert str(error).startswith("bad.xml: not a valid gi-report document")
    assert all(isinstance(p, XMLProblem) for p in error.problems)
    return [p for p in error.problems if isinstance(p, XMLProblem)]


def _replace_cell(row: str, column: str, new: str) -> tuple[str, int]:
    """GOOD with one cell of section 三 replaced by ``new`` (an element), and its line."""
    pattern = re.compile(
        rf"(<{row} [^>]*>(?:(?!</{row}>).)*?)<{column} [^>]*?(?:/>|>[^<]*</{column}>)", re.S
    )
    match = pattern.search(GOOD)
    assert match is not None
    start = match.start() + len(match[1])
    return GOOD[:start] + new + GOOD[match.end():], GOOD[:start].count("\n") + 1


def test_wrong_namespace_is_named() -> None:
    """A report in an unknown namespace: expected one of ours, got that one, line 2."""
    text = GOOD.replace(namespace("2021"), "urn:example:other", 1)
    (problem,) = _errors(text)
    assert problem.line == 2 and problem.path == "/report"
    assert namespace("2021") in problem.expected and namespace("2019") in problem.expected
    assert problem.got is not None and "urn:example:other" in problem.got


def test_unknown_format_version_is_named() -> None:
    """A namespace of another format version is recognised as such."""
    text = GOOD.replace(namespace("2021"), "urn:gi-report:xml:2021:9.9", 1)
    (problem,) = _errors(text)
    assert problem.got is not None and "unknown template or format version" in problem.got


def test_root_without_namespace() -> None:
    """A plain <report> without namespace is refused with the namespaces it should have."""
    (problem,) = _errors("<report/>")
    assert problem.got == "<report> in no namespace" and problem.line == 1


def test_unknown_element() -> None:
    """An element the form does not have: its line, path, pointer and what was expected."""
    text = GOOD.replace("</granted>", "<bogus>1</bogus></granted>", 1)
    (problem,) = _errors(text)
    assert problem.line == _line_of(text, "<bogus>")
    assert problem.path == "/report/applications/granted/bogus"
    assert problem.pointer == "/applications/granted/bogus"
    assert problem.got == "element <bogus>"
    assert "no such element" in problem.expected or "element" in problem.expected


def test_missing_cell() -> None:
    """A missing cell is not a blank: the error names the row and the missing column."""
    text, line = _replace_cell("granted", "total", "")
    (problem,) = _errors(text)
    assert problem.path == "/report/applications/granted"
    assert problem.pointer == "/applications/granted"
    assert "total" in problem.expected
    assert problem.line == _line_of(text, "<granted ")
    assert line >= problem.line


def test_negative_count() -> None:
    """A negative count: the cell's path, line, what a count is, and the value found."""
    text, line = _replace_cell("granted", "natural_person", "<natural_person>-3</natural_person>")
    (problem,) = _errors(text)
    assert problem.line == line
    assert problem.path == "/report/applications/granted/natural_person"
    assert problem.pointer == "/applications/granted/natural_person"
    assert problem.expected == "a whole number >= 0, or null for a blank cell"
    assert problem.got == "'-3'"
    assert f"line {line}, /report/applications/granted/natural_person" in str(problem)


@pytest.mark.parametrize("value", ["1,5", "1.5e3", "-1", "abc", ".5", "1.", "１２", "+1"])
def test_bad_decimal(value: str) -> None:
    """An amount that is not a plain decimal >= 0 is refused at its cell."""
    text = re.sub(r"(<amount_10k_yuan [^>]*?)(?:/>|>[^<]*</amount_10k_yuan>)",
                  rf"\1>{value}</amount_10k_yuan>", GOOD, count=1)
    (problem,) = _errors(text)
    assert problem.path == "/report/proactive/administrative_fees/amount_10k_yuan"
    assert problem.line == _line_of(text, "<amount_10k_yuan ")
    assert "decimal" in problem.expected
    assert problem.got == repr(value)


@pytest.mark.parametrize("value", ["007", "1.0", "", " ", "1e3", "٣"])
def test_bad_count_lexical_forms(value: str) -> None:
    """Counts have one lexical form: no leading zeros, no decimals, not empty without nil."""
    text, line = _replace_cell("granted", "total", f"<total>{value}</total>")
    (problem,) = _errors(text)
    assert problem.line == line and problem.pointer == "/applications/granted/total"


def test_nil_cell_with_content() -> None:
    """xsi:nil="true" with a value inside is contradictory and refused."""
    text, line = _replace_cell("granted", "total", '<total xsi:nil="true">5</total>')
    (problem,) = _errors(text)
    assert problem.line == line and problem.path == "/report/applications/granted/total"


def test_every_problem_is_reported_at_once() -> None:
    """Several bad cells give several problems, each at its own line."""
    text, _ = _replace_cell("granted", "total", "<total>-1</total>")
    text = text.replace("<upheld label=\"结果维持\">", "<upheld label=\"结果维持\">x", 1)
    problems = _errors(text)
    assert len(problems) == 2
    assert len({p.line for p in problems}) == 2


def test_year_out_of_range() -> None:
    """Metadata constraints come from the model (year 2007–2100)."""
    text = re.sub(r"<year ([^>]*)>\d+</year>", r"<year \1>1999</year>", GOOD, count=1)
    (problem,) = _errors(text)
    assert problem.path == "/report/metadata/year" and problem.pointer == "/metadata/year"
    assert problem.line == _line_of(text, "<year ")


def test_impossible_date() -> None:
    """A date that does not exist is refused at its element."""
    text = re.sub(r'<publication_date ([^>]*?)xsi:nil="true"/>',
                  r"<publication_date \1>2023-02-30</publication_date>", GOOD, count=1)
    assert "2023-02-30" in text
    (problem,) = _errors(text)
    assert problem.path == "/report/metadata/publication_date"
    assert problem.line == _line_of(text, "<publication_date ")


def test_model_stage_errors_are_located_too() -> None:
    """What only the model refuses (a lone surrogate in the agency name) gets a line and path."""
    text = GOOD.replace("</agency>", '<char code="D800"/></agency>', 1)
    (problem,) = _errors(text)
    assert problem.pointer == "/metadata/agency"
    assert problem.path == "/report/metadata/agency"
    assert problem.line == _line_of(text, "<agency")
    assert "lone surrogate" in problem.expected


def test_bad_char_escape() -> None:
    """<char> may only stand for a character XML cannot hold; 'A' must be written as is."""
    text = GOOD.replace("</agency>", '<char code="0041"/></agency>', 1)
    (problem,) = _errors(text)
    assert problem.path == "/report/metadata/agency/char"
    assert problem.pointer == "/metadata/agency"


def test_wrong_fixed_attribute() -> None:
    """The template attribute must agree with the namespace."""
    text = GOOD.replace('template="2021" label="政府信息公开工作年度报告"',
                        'template="2019" label="政府信息公开工作年度报告"', 1)
    (problem,) = _errors(text)
    assert problem.path == "/report" and problem.line == 2


def test_huge_integer_is_refused_cleanly() -> None:
    """An integer too long for Python to convert is an error at its cell, not a crash."""
    text, line = _replace_cell("granted", "total", f"<total>{'9' * 5000}</total>")
    (problem,) = _errors(text)
    assert problem.line == line and problem.path == "/report/applications/granted/total"


def test_not_well_formed() -> None:
    """Malformed XML: 'well-formed XML' expected, with the parser's message and line."""
    problems = _errors(GOOD.replace("</metadata>", "</metadataX>", 1))
    assert problems[0].expected == "well-formed XML"
    assert problems[0].line is not None and problems[0].line > 1


@pytest.mark.parametrize(
    ("data", "got"),
    [
        (GOOD.encode("utf-16"), "byte order mark"),
        (GOOD.replace("encoding='UTF-8'", "encoding='GB18030'").encode("gb18030"), "GB18030"),
        (GOOD.encode("utf-8").replace("机关".encode(), b"\xff\xfe", 1), "Invalid bytes"),
    ],
)
def test_only_utf8_is_read(data: bytes, got: str) -> None:
    """gi-report XML is UTF-8; other encodings and invalid bytes are refused, saying so."""
    problems = _errors(data)
    assert any(got in (p.got or "") for p in problems), problems


def test_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A document over the size limit is refused before parsing."""
    import gi_report.codec.xml as codec

    monkeypatch.setattr(codec, "MAX_DOCUMENT_BYTES", 1000)
    with pytest.raises(InputTooLargeError):
        from_xml(GOOD)


def test_wrong_input_type() -> None:
    """Only bytes and str are XML documents."""
    with pytest.raises(TypeError):
        from_xml(123)  # type: ignore[arg-type]


def test_list_items_are_located_by_position() -> None:
    """A problem inside the second subsection: element path [2], JSON Pointer index 1."""
    import attrs

    from gi_report import Overview, Subsection, empty_report

    report = attrs.evolve(
        empty_report(agency="某局", year=2022),
        overview=Overview(subsections=(Subsection(heading="（一）", text="甲"),
                                       Subsection(heading="（二）", text="乙"))),
    )
    text = to_xml(report).decode("utf-8")
    text = text.replace(">乙</text>", ">乙</text><extra/>", 1)
    (problem,) = _errors(text)
    assert problem.path == "/report/overview/subsections/subsection[2]/extra"
    assert problem.pointer == "/overview/subsections/1/extra"
    assert problem.line == _line_of(text, "<extra/>")
