"""Columns a dump's header leaves open, read where every allowed order gives them one value
(``importers/samevalue.py``)."""

from __future__ import annotations

import pytest

from benchmarks.fidelity_harness import Case, build_case, compare
from gi_report import read_document
from gi_report.form import TEMPLATES
from gi_report.importers.blanks import blank_cells
from gi_report.importers.blocks import Location
from gi_report.importers.result import ImportResult, notice
from gi_report.importers.samevalue import (
    after_split,
    agreed_texts,
    agreed_values,
    by_grid,
    grid_order,
    positions,
    stand_ins,
)

SPEC = TEMPLATES["2021"].table("applications")
ROW = "granted"


def _order(*columns: str) -> tuple[tuple[str, str], ...]:
    return tuple((ROW, c) for c in columns)


# commercial and natural persons swapped in a dump: the organisations' group printed twice,
# its five columns split between the two in one of four ways the labels do not say
ORDERS = [
    _order("commercial_enterprise", "natural_person", "research_institution",
           "social_welfare_org", "legal_service_org", "other_org", "total"),
    _order("commercial_enterprise", "research_institution", "natural_person",
           "social_welfare_org", "legal_service_org", "other_org", "total"),
    _order("commercial_enterprise", "research_institution", "social_welfare_org",
           "natural_person", "legal_service_org", "other_org", "total"),
    _order("commercial_enterprise", "research_institution", "social_welfare_org",
           "legal_service_org", "natural_person", "other_org", "total"),
]
OPEN = [(ROW, c) for c in ("natural_person", "research_institution", "social_welfare_org",
                           "legal_service_org")]


def test_positions_are_those_the_orders_put_a_cell_at() -> None:
    assert positions(ORDERS, (ROW, "natural_person")) == (1, 2, 3, 4)
    assert positions(ORDERS, (ROW, "research_institution")) == (2, 1)
    assert positions(ORDERS, (ROW, "social_welfare_org")) == (3, 2)
    assert positions(ORDERS, (ROW, "total")) == (6,)


def test_a_column_printed_with_one_value_at_each_candidate_position_is_read() -> None:
    #         commercial natural? research?  …         other total
    texts = ["1", "30", "0", "0", "2", "0", "33"]
    found = agreed_texts(ORDERS, OPEN, texts)
    # research at 2 or 1 (0, 30): open; welfare at 3 or 2 (0, 0): read; legal at 4 or 3 (2, 0)
    assert found == {(ROW, "social_welfare_org"): 3}


def test_equal_numbers_everywhere_settle_every_column() -> None:
    texts = ["0", "0", "0", "0", "0", "0", "0"]
    assert set(agreed_texts(ORDERS, OPEN, texts)) == set(OPEN)
    # a blank at one candidate position and a 0 at another are not the same
    texts[3] = " "
    assert (ROW, "social_welfare_org") not in agreed_texts(ORDERS, OPEN, texts)


def test_after_a_stand_in_split_the_split_values_must_agree() -> None:
    candidates = stand_ins(ORDERS, OPEN)
    first = ORDERS[0]
    assert candidates[(ROW, "research_institution")] == (first[2], first[1])
    split = dict(zip(first, [1, 30, 0, 0, 2, 0, 33], strict=True))
    assert agreed_values(split, candidates) == {(ROW, "social_welfare_org"): 0}
    split[first[3]] = None  # a stand-in cell the split left open settles nothing
    assert agreed_values(split, candidates) == {}


def test_after_split_moves_the_read_cells_out_of_the_blank_notice() -> None:
    cells = ["/applications/granted/natural_person", "/applications/granted/social_welfare_org"]
    before = [notice("header.unordered", "…", cells=cells, location=Location(table=3))]
    after = after_split(SPEC, before, {(ROW, "social_welfare_org"): 0})
    assert [n.code for n in after] == ["header.unordered", "header.same_value"]
    assert after[0].cells == (cells[0],)
    assert after[1].cells == (cells[1],)
    assert after[1].location == before[0].location


def _import(case: Case) -> tuple[dict[str, object], ImportResult]:
    doc, text, kind = build_case(case)
    data = text.encode("utf-8") if isinstance(text, str) else text
    return doc.truth, read_document(data, kind=kind, warn=False)


@pytest.mark.parametrize("case", [
    # harness seed 2026: 商业企业 and 自然人 swapped in a pipe dump (cells read per column)
    Case(2217020808, ("column_order",), "pipe_rows"),
    # and in a one-line dump (digit runs split under a stand-in order)
    Case(1483781023, ("column_order",), "one_line"),
])
def test_a_dump_with_an_open_column_order_reads_the_columns_of_one_value(case: Case) -> None:
    truth, result = _import(case)
    assert compare(truth, result.report).wrong == ()  # type: ignore[arg-type]
    same = [p for n in result.with_code("header.same_value") for p in n.cells]
    assert same and len(same) == len(set(same))
    for p in same:  # each read as printed (blank where every candidate position is empty)
        _, table, row, column = p.split("/")
        assert result.report.tables[table][row, column] == truth[p]
    assert any(truth[p] is not None for p in same)
    # a cell is either read by its value or blank for its open column, never both
    unordered = {p for n in result.with_code("header.unordered") for p in n.cells}
    assert unordered.isdisjoint(same)
    reasons = {b.pointer: b.code for b in blank_cells(result)}
    assert all(reasons[p] == "header.unordered" for p in unordered)
    assert set(same) <= set(result.inferred_cells)


def test_a_grid_naming_each_column_once_settles_the_order() -> None:
    columns = {2 + i: SPEC.column(c) for i, (_, c) in enumerate(ORDERS[2])}
    assert grid_order(columns, [c for _, c in ORDERS[0]]) == tuple(c for _, c in ORDERS[2])
    orders = [tuple(c for _, c in o) for o in ORDERS]
    assert by_grid(columns, orders) == [orders[2]]
    # a dump's header (spans lost): the deeper row's labels over the upper row's columns
    lost = dict(columns)
    lost[5] = SPEC.column("research_institution")  # over natural persons
    assert grid_order(lost, orders[0]) is None
    assert by_grid(lost, orders) == orders
    # a grid order the printed labels do not allow settles nothing
    flat = {i: SPEC.column(c) for i, c in enumerate(sorted(orders[0]))}
    assert by_grid(flat, orders) == orders


def test_a_table_broken_over_pages_keeps_the_order_its_first_header_grid_names() -> None:
    """Harness seed 2026: section 三 in HTML, 商业企业 and 自然人 swapped, broken over a page; the
    continuation (no header of its own) was read only where every order the labels allow
    agreed."""
    truth, result = _import(Case(2000764076, ("column_order", "narrative_between", "two_numbers",
                                              "page_break_row_lost"), "html"))
    assert compare(truth, result.report).wrong == ()  # type: ignore[arg-type]
    assert not result.with_code("header.unordered")
    section = result.report.applications
    assert section is not None
    for row_id, column_id, value in section.cells():
        pointer = f"/applications/{row_id}/{column_id}"
        if truth[pointer] is not None and pointer != "/applications/denied_prohibited_by_law/total":
            assert value == truth[pointer], pointer  # (that total prints two numbers: blank)
