"""A row split by its own total alone when the table is inconsistent: kept only when no cell of
its sums could be missing from the dump (issue 10, ``cell_missing`` in one-line dumps)."""

from __future__ import annotations

from benchmarks.fidelity_harness import Case, build_case, compare
from gi_report import read_document
from gi_report.form import TEMPLATES
from gi_report.importers.digits import Location, Run, solve

SPEC = TEMPLATES["2021"].table("applications")
COLUMNS = tuple(c.id for c in SPEC.columns)


def _run(row: str, digits: str) -> Run:
    cells = tuple((row, c) for c in COLUMNS)
    return Run(cells=cells, kinds=tuple(SPEC.column(c).kind for c in COLUMNS),
               segments=(digits,), text=digits, location=Location())


def _inconsistent_table() -> dict[tuple[str, str], int]:
    """Every cell of the table stated as 0 except the run's row, and one outcome cell that
    breaks its column sum: no split of the run can make the table consistent."""
    values = {(r.id, c): 0 for r in SPEC.rows for c in COLUMNS
              if r.id != "not_processed_duplicate"}
    values[("granted", "natural_person")] = 5  # (七) states 0: the column cannot sum
    return values


def test_a_row_whose_total_also_holds_with_a_cell_not_printed_is_blank() -> None:
    # 301 1 24 18 [0 dropped] 28 372 prints as 3011241828372, which also splits as seven
    # numbers meeting the row total (301 12 41 8 2 8 372): the row alone cannot tell
    run = _run("not_processed_duplicate", "3011241828372")
    solution = solve(SPEC, dict(_inconsistent_table()), [run])
    assert all(solution.values.get(cell) is None for cell in run.cells)
    codes = [n.code for n in solution.notices]
    assert codes == ["split.inconsistent"]
    assert "未印出" in solution.notices[0].message


def test_a_row_no_missing_cell_explains_is_still_split_by_its_own_total() -> None:
    # 1 0 0 0 0 0 1: no six numbers of these digits meet the total, so its own row settles it
    run = _run("not_processed_duplicate", "1000001")
    solution = solve(SPEC, dict(_inconsistent_table()), [run])
    assert [solution.values[cell] for cell in run.cells] == [1, 0, 0, 0, 0, 0, 1]
    assert [n.code for n in solution.notices] == ["split.unique"]


def test_the_harness_case_reads_no_wrong_number_and_keeps_the_other_rows() -> None:
    doc, text, kind = build_case(Case(1970965493, ("cell_missing",), "one_line"))
    assert isinstance(text, str)
    result = read_document(text.encode(), kind=kind, warn=False)
    tally = compare(doc.truth, result.report)
    assert tally.wrong == ()
    applications = result.report.table("applications")
    assert applications.cell("not_processed_duplicate", "natural_person") is None
    assert applications.cell("not_processed_excessive", "total") == 425  # its own row settles it


def test_a_row_its_own_total_splits_several_ways_is_blank_whole() -> None:
    # 272145241 meets its row total as 2 7 21 4 5 2 41 and 27 2 1 4 5 2 41: they agree on the
    # last four cells, but both assume every cell printed, which the inconsistent table puts
    # in doubt (the harness case: 2 7 2 14 5 241, the first cell lost): no cell read
    run = _run("not_processed_duplicate", "272145241")
    solution = solve(SPEC, dict(_inconsistent_table()), [run])
    assert all(solution.values.get(cell) is None for cell in run.cells)
    assert [n.code for n in solution.notices] == ["split.inconsistent"]
    assert len(solution.notices[0].candidates) == 2
def test_a_row_its_total_splits_several_ways_is_blank_when_its_total_may_be_unprinted() -> None:
    # 2836 6 1 311 8 5 [total blank, dropped] prints as 28366131185, which also splits as
    # seven numbers meeting the row total in two ways agreeing on 28 36 6 … 85: the row alone
    # cannot tell a printed total from digits of the cells before it
    run = _run("not_processed_duplicate", "28366131185")
    solution = solve(SPEC, dict(_inconsistent_table()), [run])
    assert all(solution.values.get(cell) is None for cell in run.cells)
    assert [n.code for n in solution.notices] == ["split.inconsistent"]
    assert "未印出" in solution.notices[0].message



def _stating_totals(totals: tuple[int, ...]) -> dict[tuple[str, str], int]:
    """:func:`_inconsistent_table` with (七) stating ``totals``: its column sums then check the
    run's row in each column but the one the stated 5 of （一） breaks."""
    values = dict(_inconsistent_table())
    values.update({("results_total", c): v for c, v in zip(COLUMNS, totals, strict=True)})
    return values


def test_a_row_its_own_total_splits_one_way_is_blank_where_a_lost_count_reads_it_too() -> None:
    # the harness reproducer own-row-split-lost-nonblank-cell, its digits alone: 3 0 1 0 0 2 6
    # meets the row total, and so does a lost first cell (22 in the report) before 3 0 1 0 0 26,
    # which (七) stating the report's values bears out where 3 0 1 0 0 2 6 breaks every column:
    # a cell lost whole, its value whatever the total needs, is no 0 of the sums
    run = _run("not_processed_duplicate", "3010026")
    solution = solve(SPEC, _stating_totals((22, 3, 0, 1, 0, 0, 26)), [run])
    assert all(solution.values.get(cell) is None for cell in run.cells)
    assert [n.code for n in solution.notices] == ["split.inconsistent"]
    candidates = solution.notices[0].candidates
    assert (3, 0, 1, 0, 0, 2, 6) in candidates and (None, 3, 0, 1, 0, 0, 26) in candidates
    assert "遗漏" in solution.notices[0].message


def test_a_lost_count_breaking_as_many_column_sums_leaves_the_own_split() -> None:
    # the same run, (七) stating its values: the column sums check 3 0 1 0 0 2 6 in every column
    # but the one the stated 5 breaks, and every reading with a cell lost breaks as many or more
    run = _run("not_processed_duplicate", "3010026")
    solution = solve(SPEC, _stating_totals((3, 0, 1, 0, 0, 2, 6)), [run])
    assert [solution.values[cell] for cell in run.cells] == [3, 0, 1, 0, 0, 2, 6]
    assert [n.code for n in solution.notices] == ["split.unique"]
