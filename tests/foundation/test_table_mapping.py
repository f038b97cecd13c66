"""A Table is a read-only Mapping of its rows (row id -> row mapping column -> value), in the
form's order, that still reads one cell with ``table[row, column]``; Table and Report draw
themselves in notebooks."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import given

import gi_report as g
from tests.strategies import reports

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "2022-beijing-xicheng-cgzx.json"


@given(reports())
def test_a_table_is_the_mapping_of_its_rows(report: g.Report) -> None:
    for table in report.tables.values():
        spec = table.spec
        assert isinstance(table, Mapping)
        assert list(table) == [r.id for r in spec.rows] == list(table.keys())
        assert len(table) == len(spec.rows) == len(table.values) == len(table.values())
        assert {k: dict(v) for k, v in table.items()} == table.to_mapping()
        assert [dict(v) for v in table.values()] == list(table.to_mapping().values())
        for row in spec.rows:
            assert row.id in table
            assert list(table[row.id]) == list(row.columns)
            for column in row.columns:
                assert table[row.id][column] == table[row.id, column] == table.cell(row.id, column)


def test_real_report_reads_as_nested_mappings() -> None:
    report = g.load(EXAMPLE)
    applications = report.applications
    assert applications["new_this_year"]["total"] == applications["new_this_year", "total"]
    assert dict(applications["granted"]) == applications.row("granted")
    assert applications.get("no_such_row") is None
    assert applications.get("granted") == applications["granted"]
    assert len(report.review_litigation) == 3
    assert list(report.review_litigation) == [
        "administrative_review", "litigation_direct", "litigation_after_review"]


def test_unknown_keys_raise_key_error_and_rows_are_read_only() -> None:
    table = g.empty_report(agency="某局", year=2022).applications
    with pytest.raises(KeyError):
        table["other_handling"]  # a 2019 row
    with pytest.raises(KeyError):
        table["granted"]["no_such_column"]
    with pytest.raises(KeyError):
        table["granted", "no_such_column"]
    with pytest.raises(KeyError):
        table[("granted",)]  # type: ignore[call-overload]
    assert ("granted", "total") not in table  # the keys are row ids only
    assert [] not in table
    row = table["granted"]
    with pytest.raises(TypeError):
        row["total"] = 1  # type: ignore[index]
    with pytest.raises(TypeError):
        table["granted"] = {}  # type: ignore[index]
    assert table["granted", "total"] is None  # a blank stays blank


def test_a_table_equals_tables_not_dicts_and_hashes() -> None:
    table = g.empty_report(agency="某局", year=2022).applications.with_cell("granted", "total", 3)
    same = g.empty_report(agency="某局", year=2022).applications.with_cell("granted", "total", 3)
    assert table == same and hash(table) == hash(same)
    assert table != table.to_mapping()
    assert table != table.with_cell("granted", "total", 4)
    assert table.values[2][-1] == 3  # the stated values, row by row, as before


def test_notebooks_see_the_official_layout() -> None:
    report = g.load(EXAMPLE)
    html = report.applications._repr_html_()
    assert html.startswith("<table") and html.endswith("</table>")
    assert html == g.Table._repr_html_(report.applications)
    page = report._repr_html_()
    assert report.metadata.agency in page
    uncaptioned = re.sub(r"<caption>[^<]*</caption>\n", "", page)  # the page names each table
    for table in report.tables.values():
        assert table._repr_html_() in uncaptioned
