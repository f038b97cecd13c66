"""The column order a text dump's header prints (importers/colorder.py) and its use.

Labels come from the form: a header is written here as the form's columns and header words, in
the order a dump prints them row by row (its merged cells' spans lost).
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from benchmarks.fidelity_harness import Case, build_case, compare
from gi_report import read_document
from gi_report.form import TEMPLATES
from gi_report.form.spec import ColumnSpec, TableSpec
from gi_report.importers.colorder import Token, leaf_orders, settled
from gi_report.importers.result import ImportResult

SPEC: TableSpec = TEMPLATES["2021"].table("applications")
COLUMNS = [c.id for c in SPEC.columns]
TEXT_FORMS = ["cell_per_line", "tab_rows", "pipe_rows", "one_line"]


def _printed(order: list[str]) -> list[Token]:
    """The header of ``order`` printed row by row without spans, as a text dump prints it: a
    header word once per run of the columns under it, a column in the row of its own depth."""
    out: list[Token] = []
    for depth in range(3):
        def key(column_id: str, depth: int = depth) -> tuple[bool, tuple[str, ...]]:
            path = SPEC.column(column_id).header_path
            return (True, path[: depth + 1]) if len(path) > depth else (False, (column_id,))

        for (word, k), _ in itertools.groupby(order, key=key):
            if word:
                out.append((depth, k[-1]))
            elif len(SPEC.column(k[0]).header_path) == depth:
                out.append((depth, SPEC.column(k[0])))
    return out


def test_the_form_order_printed_row_by_row_is_read_as_the_form_order() -> None:
    assert leaf_orders(SPEC, _printed(COLUMNS), COLUMNS) == [tuple(COLUMNS)]


def test_total_first_is_one_order() -> None:
    order = [COLUMNS[-1], *COLUMNS[:-1]]
    assert leaf_orders(SPEC, _printed(order), COLUMNS) == [tuple(order)]


@pytest.mark.parametrize("i,j", list(itertools.combinations(range(6), 2)))
def test_two_applicant_columns_swapped_give_the_true_order_among_the_candidates(
        i: int, j: int) -> None:
    order = list(COLUMNS)
    order[i], order[j] = order[j], order[i]
    orders = leaf_orders(SPEC, _printed(order), COLUMNS)
    assert orders is not None and tuple(order) in orders
    # a position every candidate agrees on is the true one
    assert all(order[p] == c for p, c in settled(orders).items())


def test_a_group_cell_printed_twice_leaves_the_split_of_its_columns_open() -> None:
    # 商业企业 and 自然人 swapped: 法人或其他组织 printed before and after 自然人
    order = [COLUMNS[1], COLUMNS[0], *COLUMNS[2:]]
    orders = leaf_orders(SPEC, _printed(order), COLUMNS)
    assert orders is not None and len(orders) == 4
    assert settled(orders) == {0: COLUMNS[1], 5: COLUMNS[5], 6: COLUMNS[6]}


def test_a_flat_header_in_one_row_is_its_printed_order() -> None:
    order = [COLUMNS[-1], *COLUMNS[:-1]]
    tokens: list[Token] = [(0, SPEC.column(c)) for c in order]
    assert leaf_orders(SPEC, tokens, COLUMNS) == [tuple(order)]


def test_columns_of_unprinted_groups_over_several_rows_settle_nothing() -> None:
    tokens = [t for t in _printed(COLUMNS) if isinstance(t[1], ColumnSpec)]
    assert leaf_orders(SPEC, tokens, COLUMNS) == []


def test_a_header_naming_some_columns_in_the_form_order_says_nothing() -> None:
    tokens = [t for t in _printed(COLUMNS) if t[1] != SPEC.column(COLUMNS[3])]
    assert leaf_orders(SPEC, tokens, COLUMNS) is None


def test_a_header_naming_some_columns_in_another_order_settles_nothing() -> None:
    order = [COLUMNS[-1], *COLUMNS[:-1]]
    tokens = [t for t in _printed(order) if t[1] != SPEC.column(COLUMNS[3])]
    assert leaf_orders(SPEC, tokens, COLUMNS) == []


def _import(case: Case) -> tuple[dict[str, Any], ImportResult]:
    doc, text, kind = build_case(case)
    data = text.encode("utf-8") if isinstance(text, str) else text
    return doc.truth, read_document(data, kind=kind, warn=False)


@pytest.mark.parametrize("form", TEXT_FORMS)
def test_a_text_dump_with_its_columns_in_another_order_imports_no_wrong_number(
        form: str) -> None:
    """Section 三 printed with 总计 first or two columns swapped, in a text dump: each cell is
    read by the order of the labels, or blank with ``header.unordered``; never another value."""
    reordered = 0
    for seed in range(8):
        truth, result = _import(Case(seed, ("column_order",), form))
        assert compare(truth, result.report).wrong == (), seed
        reordered += bool(result.with_code("header.reordered"))
        for n in result.with_code("header.unordered"):
            assert n.cells and all(_cell(result, p) is None for p in n.cells), seed
    assert reordered >= 2


def _cell(result: ImportResult, pointer: str) -> object:
    _, table, row, column = pointer.split("/")
    return result.report.tables[table][row, column]


def test_the_reproducer_reads_every_applicant_cell_by_its_label() -> None:
    """Case(0, column_order, tab_rows): 总计 printed first; every cell of section 三 right."""
    truth, result = _import(Case(0, ("column_order",), "tab_rows"))
    table = result.report.applications
    assert table.values == tuple(
        tuple(truth[f"/applications/{r.id}/{c}"] for c in r.columns) for r in table.spec.rows)
    assert result.with_code("header.reordered")


def test_an_order_the_labels_cannot_settle_leaves_those_cells_blank_with_a_notice() -> None:
    """商业企业 and 自然人 swapped in a dump: 法人或其他组织 is printed twice and the split of
    its five columns between the two is not printed; the columns it moves are blank."""
    truth, result = _import(Case(2217020808, ("column_order",), "pipe_rows"))
    assert compare(truth, result.report).wrong == ()
    notices = result.with_code("header.unordered")
    blank = {p for n in notices for p in n.cells}
    assert "/applications/new_this_year/natural_person" in blank
    assert "/applications/new_this_year/total" not in blank
    assert result.report.applications["new_this_year", "total"] == truth[
        "/applications/new_this_year/total"]
    assert all(n.level.value == "error" for n in notices)
