"""The expected-values helper itself: it loads every expected file and catches differences."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from gi_report.form import get_template
from gi_report.model import Metadata, Report
from gi_report.table import Table
from tests.importers.expected import (
    CORPUS_FILES,
    assert_matches_expected,
    cell_mismatches,
    load_expected,
)


def _report_from(name: str) -> Report:
    """A Report holding exactly the expected values (built cell by cell)."""
    exp = load_expected(name)
    template = get_template(exp.template)
    tables = {}
    for table_id in ("proactive", "applications", "review_litigation"):
        rows = {p.split("/")[2] for p in exp.cells if p.startswith(f"/{table_id}/")}
        spec = next(
            t.table(table_id) for t in (template, get_template("2019"), get_template("2021"))
            if {r.id for r in t.table(table_id).rows} == rows
        )
        table = Table.blank(spec)
        for pointer, value in exp.cells.items():
            _, tid, row, column = pointer.split("/")
            if tid == table_id:
                table = table.with_cell(row, column, value)
        tables[table_id] = table
    return Report(
        template=exp.template, metadata=Metadata(agency=exp.agency, year=exp.year), **tables
    )


@pytest.mark.parametrize("name", sorted(CORPUS_FILES))
def test_every_expected_file_loads_and_matches_itself(name: str) -> None:
    exp = load_expected(name)
    assert exp.path.exists()
    assert len(exp.cells) in (10 + 175 + 15, 23 + 161 + 15)
    assert_matches_expected(_report_from(name), exp)


def test_a_changed_cell_and_zero_for_blank_are_caught() -> None:
    report = _report_from("2019-shanghai-gov-office")
    changed = report.with_table(report.applications.with_cell("granted", "total", 0))
    [mismatch] = cell_mismatches(changed, "2019-shanghai-gov-office")
    assert mismatch.pointer == "/applications/granted/total"
    assert (mismatch.expected, mismatch.got) == (None, 0)
    with pytest.raises(AssertionError):
        assert_matches_expected(changed, "2019-shanghai-gov-office")


def test_amount_type_matters_and_undetermined_cells_must_be_blank() -> None:
    report = _report_from("2021-pingtan")
    assert report.proactive["administrative_fees", "amount_10k_yuan"] == Decimal("24252.311082")
    cell = "/proactive/normative_documents/issued_this_year"
    with pytest.raises(AssertionError, match="undetermined"):
        assert_matches_expected(report, "2021-pingtan", undetermined=[cell])
    blanked = report.with_table(report.proactive.with_cell("normative_documents",
                                                           "issued_this_year", None))
    assert_matches_expected(blanked, "2021-pingtan", undetermined=[cell])
    other = attrs.evolve(report, metadata=Metadata(agency="别的机关", year=2021))
    with pytest.raises(AssertionError):
        assert_matches_expected(other, "2021-pingtan")
