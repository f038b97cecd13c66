"""A one-line dump that lost a whole form row (a page break, a crawl): it may drop blank cells.

A crawl prints nothing for a blank cell, so section 二's ``940`` under three cells reads 9, 4, 0
only if the dump printed every cell; nothing checks it (section 二 has no arithmetic). A form row
printed nowhere — its label absent, no label or number of its table left unplaced — shows the
dump lost part of a table, so section 二's splits a dropped cell could change are left blank
(``split.dropped``, naming the lost row), as they are when a row is printed short.
"""

from __future__ import annotations

import random

import pytest

from benchmarks.fidelity_harness import Case
from gi_report import read_document
from gi_report.form import get_template
from gi_report.form.spec import CellKind
from gi_report.importers.assemble import _lost_rows
from gi_report.importers.blocks import Location
from gi_report.importers.cellnames import pointer
from gi_report.importers.grid import Reading, row_name
from gi_report.importers.result import ImportResult, notice
from gi_report.model import Report
from gi_report.render.layout import format_cell
from gi_report.synthetic import random_report
from tests.importers.dumps import one_line
from tests.importers.test_blank_crawl_rows import _rows
from tests.importers.test_fidelity import _wrong

TEMPLATE = get_template("2021")
PROACTIVE = TEMPLATE.table("proactive")
APPLICATIONS = TEMPLATE.table("applications")
ROW = "normative_documents"
CELLS = PROACTIVE.row(ROW).columns


def _report(values: tuple[int | None, ...]) -> Report:
    """A generated report with no blank cell but section 二's normative documents row."""
    report = random_report(random.Random(7), template="2021", blank_rate=0.0, scale=8)
    table = report.proactive
    for column, value in zip(CELLS, values, strict=True):
        table = table.with_cell(ROW, column, value)
    return report.with_table(table)


def _without_row(text: str, report: Report, row_id: str) -> str:
    """``text`` (a one-line dump of ``report``) with section 三's row ``row_id`` not printed at
    all: neither its label nor its digits."""
    row = APPLICATIONS.row(row_id)
    digits = "".join(format_cell(report.applications[row_id, c]) for c in row.columns
                     if APPLICATIONS.column(c).kind is not CellKind.TEXT)
    printed = row.label + digits
    assert text.count(printed) == 1
    return text.replace(printed, "")


def _read(text: str) -> ImportResult:
    return read_document(text.encode("utf-8"), kind="text", warn=False)


def _row(result: ImportResult) -> list[object]:
    return [result.report.proactive[ROW, c] for c in CELLS]


def test_a_lost_row_leaves_section_2_splits_a_dropped_cell_could_change_blank() -> None:
    """94, a blank, 0 prints ``940``: with a section 三 row lost, the dump may drop cells, so
    the run is blank with a notice naming the lost row and the split that would hold."""
    report = _report((94, None, 0))
    lost = APPLICATIONS.rows[5]
    result = _read(_without_row(one_line(report), report, lost.id))
    assert _row(result) == [None, None, None]
    dropped = [n for n in result.notices if n.code == "split.dropped"]
    assert len(dropped) == 1
    assert list(dropped[0].cells) == [pointer(PROACTIVE, (ROW, c)) for c in CELLS]
    assert row_name(APPLICATIONS, lost) in dropped[0].message
    assert [list(c) for c in dropped[0].candidates] == [[9, 4, 0]]


def test_a_dump_with_every_form_row_keeps_its_splits() -> None:
    """The same dump with every row printed shows nothing dropped: ``940`` is read 9, 4, 0
    (the report stating 9, 4, 0 prints the same bytes)."""
    report = _report((9, 4, 0))
    result = _read(one_line(report))
    assert _row(result) == [9, 4, 0]
    assert not [n for n in result.notices if n.code == "split.dropped"]


def _reading(*codes: str) -> Reading:
    """A reading of section 三 with one notice of each code, ``row.missing`` naming a row."""
    row = APPLICATIONS.rows[5]
    cells = [pointer(APPLICATIONS, (row.id, c)) for c in row.columns]
    notices = [notice(code, code, cells=cells if code == "row.missing" else ())
               for code in codes]
    return Reading(spec=APPLICATIONS, values={}, runs=[], notices=notices, score=0,
                   narrative=[], location=Location(), found=True)


def test_a_row_missing_is_lost_only_where_nothing_of_its_table_is_left_unplaced() -> None:
    name = row_name(APPLICATIONS, APPLICATIONS.rows[5])
    assert _lost_rows(_reading("row.missing")) == [name]
    assert _lost_rows(_reading("split.unique")) == []
    for unplaced in ("label.unmatched", "label.fuzzy", "label.by_position", "row.unlabelled",
                     "row.detached"):  # the row may be printed under a label not recognised
        assert _lost_rows(_reading("row.missing", unplaced)) == [], unplaced


def test_a_column_title_broken_by_spaces_after_a_blank_row_starts_the_next_header() -> None:
    """A row printing nothing, then the next header whose row labels' column title is broken by
    a space: the title is no value of the blank row (it was, so the header after it lost its
    first column and the procurement row's one number stood under the amount column)."""
    spec = get_template("2019").table("proactive")
    fee, procurement = spec.rows[-2], spec.rows[-1]
    assert spec.row_header is not None
    title = f"{spec.row_header[:3]} {spec.row_header[3:]}"
    columns = [spec.column(c).label for c in procurement.columns[:2]]
    tokens = [("row", fee.label), ("text", f" {title} "), ("header", columns[0]),
              ("header", columns[1]), ("row", procurement.label), ("text", "0")]
    assert _rows(tokens) == [[fee.label], [title, *columns], [procurement.label, "0"]]


REPRODUCERS = [
    # seed 2047, 1,000 one_line_blanks cases: the blank fees row took the next header's broken
    # row labels' column title as its value; the procurement row's 0 (its count) was read as its
    # amount under the header shifted one column left
    pytest.param(Case(1144978721, ("column_order", "header_broken", "label_variant",
                                   "two_numbers"), "one_line_blanks"),
                 id="broken-title-after-blank-row-2047"),
    pytest.param(Case(1144978721, ("header_broken",), "one_line_blanks"),
                 id="broken-title-after-blank-row"),
    # seed 2045, 1,500 one_line_blanks cases: section 二's ``940`` read 9, 4, 0 for 94, a
    # blank, 0; section 三 lost a row (page break) and nothing else shows dropped cells
    pytest.param(Case(3258087827, ("two_numbers", "page_break_row_lost"), "one_line_blanks"),
                 id="lost-row-tells-dropping-2045"),
]


@pytest.mark.parametrize("case", REPRODUCERS)
def test_a_dump_that_lost_a_row_imports_no_wrong_number(case: Case) -> None:
    assert _wrong(case) == []
