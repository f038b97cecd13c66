"""The fast readings of issue 14 give what the straightforward paths give.

``from_xml`` reads a valid tree straight into the report (``xml_plan.read_report``); the
reference is the tree read into the JSON form (``read_tree``, else the thorough reader) and then
``from_dict``. ``from_json`` reads a clean document by the plan of ``gi_report.codec.plan``, its
tables checked once by ``Table.of_rows``; the reference is ``Table(...)`` cell by cell. Both are
checked on generated reports of every template (blanks, exact decimals, narratives, texts that
stress XML) and on the real corpus; wrong values are covered by
``tests/foundation/test_codec_errors.py`` (errors recorded before the rework)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from lxml import etree

from gi_report import Report, from_dict, from_json, from_xml, to_json, to_xml
from gi_report.codec.xml import _document, _valid_tree
from gi_report.codec.xml_plan import Unplanned, read_report, table_layout
from gi_report.form import TABLE_IDS, TEMPLATES
from gi_report.synthetic import random_report
from gi_report.table import Table
from tests.strategies import reports
from tests.xml.helpers import corpus_names, corpus_report, hostile_reports


def _reference_xml(data: bytes) -> Report:
    root, version = _valid_tree(data, None)
    return from_dict(_document(root, version, None))


def _fast_xml(data: bytes) -> Report | None:
    """The fast reading, or ``None`` where it hands over (a ``char`` element in a text)."""
    try:
        return read_report(*_valid_tree(data, None))
    except Unplanned:
        return None


def _same_both_ways(report: Report) -> None:
    for data in (to_xml(report), to_xml(report, pretty=False)):
        fast = _fast_xml(data)
        assert fast is None or fast == _reference_xml(data)
        assert _reference_xml(data) == report == from_xml(data)
    assert from_json(to_json(report)) == report == from_json(to_json(report, indent=None))
    for table in report.tables.values():
        values = tuple(table.values)
        assert Table.of_rows(table.spec, values) == table == Table(spec=table.spec, values=values)


@given(hostile_reports())
def test_generated_reports_round_trip_the_fast_way(report: Report) -> None:
    _same_both_ways(report)


@given(reports())
def test_reports_of_mixed_layouts_round_trip_the_fast_way(report: Report) -> None:
    _same_both_ways(report)


@pytest.mark.parametrize("seed", range(60))
def test_synthetic_reports_round_trip_the_fast_way(seed: int) -> None:
    rng = random.Random(seed)
    template = sorted(TEMPLATES)[seed % len(TEMPLATES)]
    report = random_report(rng, template=template, blank_rate=rng.choice((0.0, 0.1, 0.5, 1.0)),
                           consistent=bool(seed % 3))
    _same_both_ways(report)
    data = to_xml(report)
    assert _fast_xml(data) == report  # no text here that needs a ``char`` element


@pytest.mark.parametrize("name", corpus_names())
def test_real_reports_round_trip_the_fast_way(name: str) -> None:
    _same_both_ways(corpus_report(name))


def test_a_table_that_is_not_laid_out_as_planned_is_left_to_the_reference() -> None:
    """A table element with a cell too few, a cell too many or a child inside a cell is not
    read by the layout (the reference path, behind the XSD, says what is wrong)."""
    spec = TEMPLATES["2021"].table("applications")
    report = corpus_report(corpus_names()[-1])
    root = etree.fromstring(to_xml(report))
    table = next(c for c in root if etree.QName(c).localname == "applications")
    layout = table_layout("2021", "applications")
    assert len(layout.values(table)) == len(spec.rows)
    row = table[0]
    extra = etree.SubElement(row[0], "x")
    with pytest.raises(Unplanned):
        layout.values(table)
    row[0].remove(extra)
    removed = row[-1]
    row.remove(removed)
    with pytest.raises(Unplanned):
        layout.values(table)
    row.append(removed)
    row.append(etree.Element(removed.tag))
    with pytest.raises(Unplanned):
        layout.values(table)


def test_values_the_table_refuses_raise_its_located_error() -> None:
    spec = TEMPLATES["2021"].table("review_litigation")
    good = Table.blank(spec).values
    bad = (tuple([-1, *good[0][1:]]), *good[1:])
    with pytest.raises(ValueError, match="/review_litigation/") as error:
        Table.of_rows(spec, bad)
    with pytest.raises(ValueError) as reference:
        Table(spec=spec, values=bad)
    assert str(error.value) == str(reference.value)
    assert all(t in TABLE_IDS for t in ("proactive", "applications", "review_litigation"))
