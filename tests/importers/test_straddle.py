"""Whitespace inside a run of digits: a cut between two cells, or a cell holding two numbers.

A crawler dump sometimes parts cells with a space (``230 000023``), and a cell holding two numbers
(``0 8``: a lost border) prints the same. The digit solver reads whitespace as a cut where the
table's arithmetic confirms it, and considers a cell straddling it (its value not known, blank)
for rows no relation checks and where no reading with every whitespace a cut is consistent;
where one is, the readings with every whitespace inside a cell are considered beside it, and the
cells the two disagree on are blank.
"""

from __future__ import annotations

from gi_report.form import get_template
from gi_report.form.spec import TableSpec
from gi_report.importers.blocks import Location
from gi_report.importers.digits import Cell, Run, solve
from tests.importers.test_fidelity import Case, _imported

OLD = get_template("2019")
NEW = get_template("2021")


def _run(spec: TableSpec, row_id: str, segments: tuple[str, ...], soft: tuple[bool, ...]
         ) -> tuple[Run, list[Cell]]:
    row = spec.row(row_id)
    cells = [(row.id, c) for c in row.columns if spec.column(c).kind.name != "TEXT"]
    run = Run(cells=tuple(cells), kinds=tuple(spec.column(c).kind for _, c in cells),
              segments=segments, text=" ".join(segments), location=Location(), soft=soft)
    return run, cells


def test_a_row_no_relation_checks_is_blank_where_a_cell_may_hold_two_numbers() -> None:
    """``0 8-110`` under (last year, change, decisions): 0, 8, -110 breaks the decisions count,
    and ``0 8`` in one cell leaves -1, 10 or -11, 0: nothing is certain but the first cell's
    two numbers."""
    spec = OLD.table("proactive")
    run, cells = _run(spec, "administrative_coercion", ("0", "8", "-110"), (True, False))
    solution = solve(spec, {}, [run])
    assert [solution.values.get(c) for c in cells] == [None, None, None]
    [undecided] = [n for n in solution.notices if n.code == "split.ambiguous"]
    assert set(undecided.candidates) == {(-1, 10), (-11, 0)}


def test_whitespace_no_cell_can_straddle_is_a_cut() -> None:
    """``1 2 3`` under three cells: a cell of two numbers would leave a cell with no digit."""
    spec = OLD.table("proactive")
    run, cells = _run(spec, "regulations", ("1", "2", "3"), (True, True))
    solution = solve(spec, {}, [run])
    assert [solution.values[c] for c in cells] == [1, 2, 3]


def _columns_stated(spec: TableSpec, values: list[int]) -> dict[Cell, int | None]:
    """The other rows of 一+二 = （七）+四 stated: nothing carried over either way, the results
    total equal to ``values`` (each column of the first row is then settled by its sum)."""
    row = spec.row("new_this_year")
    out: dict[Cell, int | None] = {}
    for column, value in zip(row.columns, values, strict=True):
        out[("carried_from_last_year", column)] = 0
        out[("carried_to_next_year", column)] = 0
        out[("results_total", column)] = value
    return out


def test_whitespace_the_arithmetic_confirms_as_a_cut_is_a_cut() -> None:
    """``230 000023`` (a real crawl dump) in a table whose column sums are stated: 23, 0, 0, 0,
    0, 0, 23 is the one reading with every space a cut that they hold; with the space inside a
    cell (``0 0``: 2, 3, 空, …) the first column would be 2, not 23."""
    spec = NEW.table("applications")
    run, cells = _run(spec, "new_this_year", ("230", "000023"), (True,))
    constants = _columns_stated(spec, [23, 0, 0, 0, 0, 0, 23])
    solution = solve(spec, dict(constants), [run])
    assert [solution.values[c] for c in cells] == [23, 0, 0, 0, 0, 0, 23]
    assert [n.code for n in solution.notices] == ["split.unique"]


def test_whitespace_only_a_row_total_checks_may_be_inside_a_cell() -> None:
    """``230 000023`` alone: its row total holds with the space a cut (23, 0, 0, 0, 0, 0, 23)
    and with the space inside a cell (2, 3, then ``0 0`` …, 23): a dump that runs its cells
    together with no space between them prints a cell of two numbers so. The cells the two
    readings disagree on are blank; the total both read is kept."""
    spec = NEW.table("applications")
    run, cells = _run(spec, "new_this_year", ("230", "000023"), (True,))
    solution = solve(spec, {}, [run])
    assert [solution.values.get(c) for c in cells][-1] == 23
    assert solution.values.get(cells[0]) is None
    assert "split.ambiguous" in [n.code for n in solution.notices]


def test_a_section_four_run_with_a_cell_of_two_numbers_is_never_cut_there() -> None:
    """``00000 110011220002`` (``Case(1126621560, …, "one_line")``: the review total printed
    ``0 11``): with the space a cut, 0, 0, 0, 0, 0 | 1, 10, 0, 1, 12 | … holds every row total
    by chance, and was read (12 for the 2 of 未经复议直接起诉's total). With the space inside
    the review total, 0, 0, 1, 1, 2 holds too: the cells the readings disagree on are blank."""
    spec = NEW.table("review_litigation")
    cells = [(r.id, c) for r in spec.rows for c in r.columns]
    run = Run(cells=tuple(cells), kinds=tuple(spec.column(c).kind for _, c in cells),
              segments=("00000", "110011220002"), text="00000 110011220002",
              location=Location(), soft=(True,))
    values = solve(spec, {}, [run]).values
    truth = [0, 0, 0, 0, None, 0, 0, 1, 1, 2, 2, 0, 0, 0, 2]
    assert all(values.get(c) in (None, t) for c, t in zip(cells, truth, strict=True))
    assert [values.get(c) for c in cells[-5:]] == [2, 0, 0, 0, 2]


def test_a_cell_holding_two_numbers_explains_a_total_no_cut_can_meet() -> None:
    """``1002 5003``: no split with the space a cut meets the row total; with the fourth cell
    holding ``2 5`` (value not known) one does: 1, 0, 0, blank, 0, 0, 3. The fifth cell is
    blank too: the fourth may hold ``2 50`` with the fifth not printed, a reading the row's
    total (one cell unknown either way) does not tell apart."""
    spec = NEW.table("applications")
    run, cells = _run(spec, "new_this_year", ("1002", "5003"), (True,))
    solution = solve(spec, {}, [run])
    assert [solution.values.get(c) for c in cells] == [1, 0, 0, None, None, 0, 3]
    unique, beside = solution.notices
    assert unique.code == "split.unique" and "空" in unique.message
    assert beside.code == "split.ambiguous"
    assert beside.cells == ("/applications/new_this_year/legal_service_org",)
    assert beside.candidates == ((None,), (0,))
    strict, _ = _run(spec, "new_this_year", ("1002", "5003"), ())
    assert solve(spec, {}, [strict]).values == {}  # a space always a cut: inconsistent, blank


def test_a_one_line_dump_with_a_cell_of_two_numbers_imports_blank_there() -> None:
    """The crawl dump of ``Case(414929427, ("two_numbers",), "one_line")``: 行政强制 printed
    ``0 8-110`` (its first cell holds 0 and 8) and （二）部分公开 ``0000 11011`` (its fourth
    cell holds 0 and 1): those cells blank, the row total read right."""
    truth, result = _imported(Case(414929427, ("two_numbers",), "one_line"))
    proactive, applications = result.report.proactive, result.report.applications
    assert proactive["administrative_coercion", "items_last_year"] is None
    assert proactive["administrative_coercion", "change_this_year"] is None
    assert truth["/proactive/administrative_coercion/change_this_year"] == -11
    assert applications["partially_granted", "social_welfare_org"] is None
    assert applications["partially_granted", "total"] == 1
    assert truth["/applications/partially_granted/total"] == 1


def test_a_row_split_alone_in_an_inconsistent_table_weighs_a_cell_of_two_numbers() -> None:
    """No split of section 三 of ``Case(1837257773, ("two_numbers",), "one_line_blanks")``
    meets every relation; its last row ``880 1301140`` split by its own total alone, the space
    a cut, gave 8, 8, 0, 13, 0, 11, 40 (the truth: 88, ``0 130`` in one cell, a dropped blank,
    0, a blank, 1, 140). With a cell straddling the space the row total holds other ways: the
    row is blank, those readings listed."""
    truth, result = _imported(Case(1837257773, ("two_numbers",), "one_line_blanks"))
    table = result.report.applications
    row = table.spec.row("carried_to_next_year")
    assert [table[row.id, c] for c in row.columns] == [None] * len(row.columns)
    [note] = [n for n in result.notices
              if "/applications/carried_to_next_year/total" in n.cells]
    assert note.code == "split.inconsistent"
    assert (8, 8, 0, 13, 0, 11, 40) in note.candidates
    assert any(None in c for c in note.candidates)
    assert truth["/applications/carried_to_next_year/total"] == 140
