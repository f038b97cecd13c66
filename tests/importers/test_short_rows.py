"""Run-together digits of a row that lost a cell (fewer digits than cells), read by the form's
arithmetic where exactly one reading holds (issue 10: ``cell_missing`` in one-line dumps)."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.fidelity_harness import Case, build_case, compare
from gi_report import read_document
from gi_report.form import TEMPLATES
from gi_report.importers import gaps, shortrow
from gi_report.importers.digits import Location, Run, solve
from gi_report.importers.dropped import lacking_once
from gi_report.importers.result import notice
from gi_report.importers.shortrow import eligible, readings
from gi_report.table import CellValue

SPEC = TEMPLATES["2021"].table("applications")
COLUMNS = [c.id for c in SPEC.columns]


def _table(rows: dict[str, tuple[int, ...]]) -> dict[tuple[str, str], CellValue]:
    """Every cell of section 三 0, except the rows given."""
    values: dict[tuple[str, str], CellValue] = {
        (r.id, c): 0 for r in SPEC.rows for c in COLUMNS}
    for row, row_values in rows.items():
        values.update({(row, c): v for c, v in zip(COLUMNS, row_values, strict=True)})
    return values


def _lacking(row: str, digits: str) -> Run:
    return Run(cells=tuple((row, c) for c in COLUMNS), kinds=tuple(
        SPEC.column(c).kind for c in COLUMNS), segments=(digits,), text=digits,
        location=Location(), lacking=True)


def test_readings_leave_one_or_two_cells_out_and_cut_no_number_with_a_leading_zero() -> None:
    assert eligible(("010003",), 7) and eligible(("10003",), 7)
    assert not eligible(("1000",), 7)  # three cells lacking: not searched
    assert not eligible(("0100031",), 7)  # as many digits as cells: a plain run
    one = [r for r in readings(("010003",), 7) if r.count(None) == 1]
    assert len(one) == 7  # six one-digit numbers, the gap at any of the seven cells
    assert (0, 1, 0, None, 0, 0, 3) in one
    two = [r for r in readings(("010003",), 7) if r.count(None) == 2]
    assert two and all("".join(str(v) for v in r if v is not None) == "010003" for r in two)
    assert all(10 in r for r in two)  # five numbers: 10 is one, 01 and 03 are not
    assert len(two) == 21  # 0, 10, 0, 0, 3 with the two gaps anywhere: C(7, 2)


def test_the_one_reading_the_column_sums_allow_is_read_and_the_lacking_cell_left_blank() -> None:
    # granted is 1, 2, 0, 0, 0, 0, 3; printed without its second cell: 100003
    truth = (1, 2, 0, 0, 0, 0, 3)
    values = _table({"new_this_year": truth, "granted": truth, "results_total": truth})
    constants = {k: v for k, v in values.items() if k[0] != "granted"}
    solution = solve(SPEC, constants, [_lacking("granted", "100003")])
    got = tuple(solution.values.get(("granted", c)) for c in COLUMNS)
    assert got == (1, None, 0, 0, 0, 0, 3)
    codes = {n.code: n for n in solution.notices}
    assert codes["row.gap"].level.value == "warning"
    assert "/applications/granted/commercial_enterprise" in codes["column.missing"].cells
    assert "/applications/granted/commercial_enterprise" not in codes["row.gap"].cells


def test_two_readings_leave_the_cells_they_disagree_on_blank_with_the_candidates() -> None:
    # granted is 1, 0, 0, 0, 1, 1, 3; printed without its last applicant cell: 100013. The
    # lacking cell held 1 too, so reading the last 1 as the legal-service cell fits as well
    truth = (1, 0, 0, 0, 1, 1, 3)
    values = _table({"new_this_year": truth, "granted": truth, "results_total": truth})
    constants = {k: v for k, v in values.items() if k[0] != "granted"}
    solution = solve(SPEC, constants, [_lacking("granted", "100013")])
    got = tuple(solution.values.get(("granted", c)) for c in COLUMNS)
    assert got == (1, 0, 0, 0, None, None, 3)
    open_ = next(n for n in solution.notices if n.code == "split.ambiguous")
    assert set(open_.candidates) == {(None, 1), (1, None)}
    assert "未印出" in open_.message


def test_no_reading_when_the_arithmetic_does_not_hold() -> None:
    truth = (1, 2, 0, 0, 0, 0, 3)
    values = _table({"new_this_year": truth, "granted": truth, "results_total": (1, 2, 0, 0, 0,
                                                                                  0, 4)})
    constants = {k: v for k, v in values.items() if k[0] != "granted"}
    solution = solve(SPEC, constants, [_lacking("granted", "100003")])
    assert all(solution.values.get(("granted", c)) is None for c in COLUMNS)


def test_a_crawl_with_a_row_printed_short_reads_section_three_in_full() -> None:
    # before: every split of sections 三 and 四 blank (split.dropped) since one row printed six
    # digits for seven cells; now the short row is placed by the column sums and the other
    # rows, each checked by its row total and its column sums, are kept
    case = Case(579225719, ("cell_missing",), "one_line")
    doc, text, kind = build_case(case)
    assert isinstance(text, str)
    result = read_document(text.encode(), kind=kind, warn=False)
    assert compare(doc.truth, result.report).wrong == ()
    for row, column, value in result.report.table("applications").cells():
        assert value == doc.truth[f"/applications/{row}/{column}"]
    gap = next(n for n in result.notices if n.code == "row.gap")
    assert gap.found == "010003"


def test_a_row_printed_apart_lacking_a_cell_reads_the_cells_every_placement_agrees_on() -> None:
    # granted is 46, 0, 0, 0, 0, 0, 46; printed apart without one of its zeros: the two
    # 46 stand where every consistent placement puts them, the zeros' cells stay blank
    truth = (46, 0, 0, 0, 0, 0, 46)
    values = _table({"new_this_year": truth, "granted": truth, "results_total": truth})
    known = {k: v for k, v in values.items() if k[0] != "granted"}
    cells = tuple(("granted", c) for c in COLUMNS)
    settled = gaps.settle(SPEC, known, gaps.Gap(cells, ("46", "0", "0", "0", "0", "46")))
    assert settled.read == {cells[0]: "46", cells[6]: "46"}
    assert settled.open == cells[1:6]
    assert len(settled.candidates) == 5  # the missing zero at any of five cells
    assert all(c.count(None) == 1 for c in settled.candidates)


def test_a_row_lacking_a_cell_no_arithmetic_checks_is_not_read() -> None:
    spec = TEMPLATES["2021"].table("proactive")
    row = spec.rows[0]
    cells = tuple((row.id, c) for c in row.columns)
    settled = gaps.settle(spec, {}, gaps.Gap(cells, ("5", "5")))
    assert settled.read == {} and settled.open == cells  # every placement holds: none chosen


def test_section_four_as_one_row_lacking_a_cell_is_settled_by_its_own_row_totals() -> None:
    # section 四 printed as one row of fourteen cells (one lost, some printed empty), the only
    # values of its table: before, nothing settled it (no other values to check against);
    # the review row's five cells stand where every consistent placement puts them
    case = Case(2618202240, ("cell_missing",), "html")
    doc, text, kind = build_case(case)
    result = read_document(text if isinstance(text, bytes) else text.encode(), kind=kind,
                           warn=False)
    assert compare(doc.truth, result.report).wrong == ()
    table = result.report.table("review_litigation")
    assert [table.cell("administrative_review", c) for c in
            ("upheld", "corrected", "other", "pending", "total")] == [237, 0, 0, 0, 237]
    gap = next(n for n in result.notices if n.code == "row.gap")
    assert "/review_litigation/administrative_review/total" in gap.cells
    assert table.cell("litigation_direct", "total") is None  # where the lost cell is: not known


def test_an_all_zero_row_lacking_one_cell_checks_the_others_with_its_zeros() -> None:
    run = _lacking("granted", "000000")
    candidates = [tuple(None if i == j else 0 for i in range(7)) for j in range(7)]
    ambiguous = notice("split.ambiguous", "…", cells=[f"/applications/granted/{c}"
                                                     for c in COLUMNS],
                       candidates=candidates, found="000000")
    assert lacking_once([run], [ambiguous]) == {("granted", c): 0 for c in COLUMNS}
    # a cell of two numbers (not a lacking one) is no printed value to check with
    plain = attrs.evolve(run, lacking=False)
    assert lacking_once([plain], [ambiguous]) == {}
    # readings that differ in more than where the lacking cell is: nothing
    other = notice("split.ambiguous", "…", cells=ambiguous.cells,
                   candidates=[*candidates, (1, None, 0, 0, 0, 0, 0)], found="000000")
    assert lacking_once([run], [other]) == {}


def test_the_other_rows_of_a_crawl_with_an_all_zero_row_printed_short_are_kept() -> None:
    # before: the short row 000000 (a zero dropped) left every column with an unknown cell,
    # and every outcome row of section 三 blank (split.dropped)
    case = Case(1958577400, ("cell_missing",), "one_line")
    doc, text, kind = build_case(case)
    assert isinstance(text, str)
    result = read_document(text.encode(), kind=kind, warn=False)
    assert compare(doc.truth, result.report).wrong == ()
    dropped = {p for n in result.notices if n.code == "split.dropped" for p in n.cells}
    assert not any(p.startswith("/applications/") for p in dropped)


def _naive_cuts(segments: tuple[str, ...], pieces: int) -> list[tuple[str, ...]]:
    """Every cut of ``segments`` into ``pieces`` counts, by trying every cut of each segment."""
    if not segments:
        return [()] if pieces == 0 else []
    return [head + tail for head in shortrow._cut_one(segments[0], pieces)
            for tail in _naive_cuts(segments[1:], pieces - len(head))]


@given(st.lists(st.text("0012345", max_size=6), max_size=4), st.integers(0, 12))
def test_the_cuts_are_every_cut_in_the_same_order(segments: list[str], pieces: int) -> None:
    assert list(shortrow.cuts(segments, pieces)) == _naive_cuts(tuple(segments), pieces)


def test_a_run_of_many_segments_too_short_for_its_pieces_is_refused_without_a_search() -> None:
    # forty one-digit segments cannot make thirty counts: before, every cut of the first
    # segments was tried against the rest (2^n branches, minutes, no budget step spent)
    assert list(shortrow.cuts(["1", "0"] * 20, 30)) == []
    assert len(list(shortrow.cuts(["1", "0"] * 20, 40))) == 1
