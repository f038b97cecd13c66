"""A digit run with as many digits as cells whose row lost a cell that was not blank (issue 10:
``cell_missing`` in one-line dumps): no split of it holds, so it is searched again as printed
or lacking cells, and read where exactly one reading holds with the rest of the table."""

from __future__ import annotations

from benchmarks.fidelity_harness import Case, build_case, compare
from gi_report import read_document
from gi_report.form import TEMPLATES
from gi_report.importers.digits import Location, Run, solve
from gi_report.importers.dropped import checked
from gi_report.table import CellValue

SPEC = TEMPLATES["2021"].table("applications")
COLUMNS = [c.id for c in SPEC.columns]
ROW = "unable_unclear_after_correction"
TOTALS = ("new_this_year", "results_total", ROW)


def _stated() -> dict[tuple[str, str], CellValue]:
    """Section 三 stated in full, every cell 0 but natural persons' 24 in the rows TOTALS;
    ROW left out (its digits are the run)."""
    values: dict[tuple[str, str], CellValue] = {
        (r.id, c): 0 for r in SPEC.rows for c in COLUMNS if r.id != ROW}
    for row in TOTALS[:2]:
        values[(row, "natural_person")] = values[(row, "total")] = 24
    return values


def _run(digits: str) -> Run:
    return Run(cells=tuple((ROW, c) for c in COLUMNS), kinds=tuple(
        SPEC.column(c).kind for c in COLUMNS), segments=(digits,), text=digits,
        location=Location())


def test_a_run_no_split_of_which_holds_is_read_as_lacking_the_cell_the_sums_point_to() -> None:
    # 24, 0, 0, 0, 0, 0, 24 printed without its first cell: 0000024, seven digits for seven
    # cells, but 0, 0, 0, 0, 0, 2, 4 breaks the row total: only a lost natural-person cell holds
    solution = solve(SPEC, _stated(), [_run("0000024")])
    assert {c: solution.values.get((ROW, c)) for c in COLUMNS} == {
        "natural_person": None, "commercial_enterprise": 0, "research_institution": 0,
        "social_welfare_org": 0, "legal_service_org": 0, "other_org": 0, "total": 24}
    assert [run.lacking for run in solution.relaxed] == [True]
    codes = {n.code for n in solution.notices}
    assert {"row.gap", "column.missing"} <= codes


def test_a_run_that_holds_as_printed_is_not_searched_as_lacking() -> None:
    # the same row printed whole (24 and six more numbers run together): read as printed
    solution = solve(SPEC, _stated(), [_run("240000024")])
    assert solution.relaxed == ()
    assert solution.values[(ROW, "natural_person")] == 24


def test_a_run_whose_readings_all_break_the_table_stays_blank() -> None:
    # 9 digits that no reading, lacking or not, fits with the column sums: nothing read
    solution = solve(SPEC, _stated(), [_run("999999999")])
    assert all(solution.values.get((ROW, c)) is None for c in COLUMNS)
    assert solution.relaxed == ()


def test_one_relation_broken_through_a_cell_that_may_be_the_lacking_one_is_left_out() -> None:
    # granted checked by its row total and the total column; its natural-person column sum is
    # broken by a row whose one lacking cell may be there (unsure): not a broken run
    values = _stated()
    values.update({("granted", c): 0 for c in COLUMNS})
    values[(ROW, "natural_person")] = 0  # as lacking_once gives it: printed 0 or the lost cell
    values.update({(ROW, c): 0 for c in COLUMNS[1:6]})
    values[(ROW, "total")] = 24
    run = Run(cells=tuple(("granted", c) for c in COLUMNS), kinds=tuple(
        SPEC.column(c).kind for c in COLUMNS), segments=("0000000",), text="0000000",
        location=Location())
    unsure = frozenset((ROW, c) for c in COLUMNS[:6])
    assert not checked(SPEC, run, values)
    assert checked(SPEC, run, values, unsure=unsure)
    values[("granted", "commercial_enterprise")] = 1  # a second relation broken: a misread
    values[("granted", "total")] = 1
    assert not checked(SPEC, run, values, unsure=unsure)


def test_a_one_line_dump_that_lost_a_non_blank_cell_reads_the_rest_of_its_table() -> None:
    # seed 817226837: a row lost its 24 (0000024) and another a 0 (000000); before, no split of
    # section 三 held and 138 of its cells were blank; now only the two rows' zeros are
    case = Case(817226837, ("cell_missing",), "one_line")
    doc, text, kind = build_case(case)
    data = text if isinstance(text, bytes) else text.encode()
    result = read_document(data, kind=kind, warn=False)
    tally = compare(doc.truth, result.report)
    assert tally.wrong == ()
    blank = [p for p, v in doc.truth.items() if v is not None and p.startswith("/applications")
             and result.report.tables["applications"][p.split("/")[2], p.split("/")[3]] is None]
    # the row that lost its 24 keeps its total: its readings with cells unprinted, capped by
    # the column totals (unprinted.py), all give the total 24; which zero was lost is not told
    assert len(blank) == 11
    assert {p.split("/")[2] for p in blank} == {ROW, "denied_third_party_rights"}
    assert result.report.tables["applications"][ROW, "total"] == 24
