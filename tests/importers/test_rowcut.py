"""A digit run spanning several rows is cut where every row's own total allows one boundary
only (``importers/rowcut.py``): the same splits, a search small enough to finish."""

from __future__ import annotations

from gi_report.findings import Location
from gi_report.form import TEMPLATES
from gi_report.form.spec import CellKind, TableSpec
from gi_report.importers.digits import Run, solve
from gi_report.importers.rowcut import precut

SPEC: TableSpec = TEMPLATES["2021"].table("applications")
REVIEW: TableSpec = TEMPLATES["2021"].table("review_litigation")


def _relations(spec: TableSpec) -> list[tuple[tuple[tuple[str, str], ...],
                                              tuple[tuple[str, str], ...]]]:
    return [(tuple((c.row, c.column) for c in r.left), tuple((c.row, c.column) for c in r.right))
            for r in spec.relations]


def _run(spec: TableSpec, rows: list[str], text: str, soft: tuple[bool, ...] = ()) -> Run:
    cells = tuple((r, c) for r in rows for c in spec.row(r).columns)
    return Run(cells=cells, kinds=tuple(CellKind.COUNT for _ in cells),
               segments=tuple(text.split(" ")), text=text, location=Location(offset=10),
               soft=soft)


def _table_values(spec: TableSpec, rows: list[list[int]]) -> str:
    return "".join(str(v) for row in rows for v in row)


def test_a_run_of_review_rows_is_cut_at_each_row_boundary() -> None:
    # 5 0 0 0 5 | 3 1 0 0 4 | 2 1 0 1 4: each row's total settles where the next row starts
    run = _run(REVIEW, ["administrative_review", "litigation_direct", "litigation_after_review"],
               "500053100421014")
    pieces = precut(run, _relations(REVIEW))
    assert [p.segments for p in pieces] == [("50005",), ("31004",), ("21014",)]
    assert [len(p.cells) for p in pieces] == [5, 5, 5]
    assert [p.location.offset for p in pieces] == [10, 15, 20]  # where each piece is printed


def test_a_boundary_with_two_positions_is_not_cut() -> None:
    # the first row may end after 5 digits or after 7, each leaving a second row whose own
    # total holds: where the rows meet is not known, so the run is left whole
    run = _run(REVIEW, ["administrative_review", "litigation_direct"], "010011111020132")
    assert precut(run, _relations(REVIEW)) == [run]


def test_no_row_relation_or_whitespace_leaves_the_run_whole() -> None:
    proactive = TEMPLATES["2021"].table("proactive")
    run = _run(proactive, ["regulations", "normative_documents"], "101110")
    assert precut(run, _relations(proactive)) == [run]  # section 二: no relation of its own
    spaced = _run(REVIEW, ["administrative_review", "litigation_direct"], "50005 31004",
                  soft=(True,))
    assert precut(spaced, _relations(REVIEW)) == [spaced]  # a cell may straddle whitespace


def test_a_run_no_split_fits_is_left_whole() -> None:
    run = _run(REVIEW, ["administrative_review", "litigation_direct"], "5000531005")
    assert precut(run, _relations(REVIEW)) == [run]


def _section_three(rows: list[list[int]]) -> tuple[list[str], str]:
    return [r.id for r in SPEC.rows], _table_values(SPEC, rows)


def _consistent_table() -> list[list[int]]:
    """A 2021 section 三 whose every relation holds, with numbers of several digits."""
    outcomes = {r.id: [0] * 6 for r in SPEC.rows}
    outcomes["granted"] = [12, 3, 0, 1, 0, 2]
    outcomes["partially_granted"] = [4, 0, 0, 0, 1, 0]
    outcomes["unable_not_held"] = [7, 1, 0, 0, 0, 0]
    outcomes["other_misc"] = [2, 0, 0, 0, 0, 0]
    total = [sum(outcomes[r][i] for r in outcomes) for i in range(6)]
    outcomes["results_total"] = total
    outcomes["carried_to_next_year"] = [3, 0, 1, 0, 0, 0]
    outcomes["carried_from_last_year"] = [5, 0, 0, 0, 0, 1]
    outcomes["new_this_year"] = [total[i] + outcomes["carried_to_next_year"][i]
                                 - outcomes["carried_from_last_year"][i] for i in range(6)]
    return [[*outcomes[r.id], sum(outcomes[r.id])] for r in SPEC.rows]


def test_a_whole_section_three_in_one_run_is_solved_as_one_split() -> None:
    table = _consistent_table()
    rows, digits = _section_three(table)
    run = _run(SPEC, rows, digits)
    pieces = precut(run, _relations(SPEC))
    assert len(pieces) > 1 and sum(len(p.cells) for p in pieces) == len(run.cells)
    solution = solve(SPEC, {}, [run])
    codes = {n.code for n in solution.notices}
    assert "split.too_complex" not in codes
    expected = {(r.id, c): v for r, values in zip(SPEC.rows, table, strict=True)
                for c, v in zip(r.columns, values, strict=True)}
    # every value the solver gives is the table's own; a cell it cannot settle stays unset
    assert all(expected[c] == v for c, v in solution.values.items() if v is not None)
    assert len(solution.values) >= len(expected) // 2


def test_pieces_of_an_inconsistent_whole_are_not_split_by_their_own_rows() -> None:
    # every row's own total holds but a column sum does not: the rows a piece holds are known
    # only if the whole is consistent, so nothing is read (never a row split alone)
    table = _consistent_table()
    table[0] = [table[0][0] + 1, *table[0][1:6], table[0][6] + 1]
    rows, digits = _section_three(table)
    solution = solve(SPEC, {}, [_run(SPEC, rows, digits)])
    assert all(v is None for v in solution.values.values())
    assert {n.code for n in solution.notices} <= {"split.inconsistent", "split.too_complex"}
