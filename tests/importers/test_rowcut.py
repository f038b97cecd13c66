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


def _total_first(spec: TableSpec, rows: list[str], text: str) -> Run:
    """A run of ``rows`` printed with each row's total first (a header so reordered)."""
    cells = tuple((r, c) for r in rows
                  for c in ("total", *(c for c in spec.row(r).columns if c != "total")))
    return Run(cells=cells, kinds=tuple(CellKind.COUNT for _ in cells), segments=(text,),
               text=text, location=Location(offset=0))


def test_rows_printing_their_total_first_are_cut_from_the_left() -> None:
    # 2019 section 三 printed total first, 23 rows in one run of 239 digits (harness seed 2026,
    # Case(2591619719, ...)): cut from the right, a row's total bounds its parts only at the
    # last cut and the boundary search runs over its bound; from the left every row is found
    spec = TEMPLATES["2019"].table("applications")
    rows = [r.id for r in spec.rows]
    table = {  # total, natural person, the five kinds of organisation
        "new_this_year": [787, 638, 5, 136, 1, 2, 5],
        "carried_from_last_year": [2855, 2813, 0, 37, 2, 3, 0],
        "granted": [26, 0, 0, 26, 0, 0, 0], "partially_granted": [0] * 7,
        "denied_state_secret": [4, 0, 1, 2, 0, 0, 1],
        "denied_prohibited_by_law": [3, 0, 1, 0, 0, 1, 1],
        "denied_security_stability": [220, 195, 0, 24, 1, 0, 0],
        "denied_third_party_rights": [424, 424, 0, 0, 0, 0, 0],
        "denied_internal_affairs": [111, 99, 1, 10, 0, 1, 0],
        "denied_process_information": [353, 317, 0, 36, 0, 0, 0],
        "denied_enforcement_case_file": [324, 322, 1, 0, 0, 0, 1],
        "denied_administrative_inquiry": [13, 4, 0, 9, 0, 0, 0],
        "unable_not_held": [220, 219, 0, 0, 0, 1, 0],
        "unable_needs_creation": [191, 141, 0, 47, 1, 1, 1],
        "unable_unclear_after_correction": [1, 0, 0, 0, 1, 0, 0],
        "not_processed_petition_complaint": [9, 0, 0, 9, 0, 0, 0],
        "not_processed_duplicate": [140, 140, 0, 0, 0, 0, 0],
        "not_processed_publication": [319, 318, 0, 0, 0, 1, 0],
        "not_processed_excessive": [379, 379, 0, 0, 0, 0, 0],
        "not_processed_confirm_reissue": [451, 451, 0, 0, 0, 0, 0],
        "other_handling": [99, 87, 1, 10, 0, 0, 1],
        "results_total": [3287, 3096, 5, 173, 3, 5, 5],
        "carried_to_next_year": [355, 355, 0, 0, 0, 0, 0],
    }
    run = _total_first(spec, rows, "".join(str(v) for r in rows for v in table[r]))
    pieces = precut(run, _relations(spec))
    assert [len(p.cells) for p in pieces] == [7] * len(rows)  # every row boundary settled
    assert "".join(p.text for p in pieces) == run.text
    solution = solve(spec, {}, [run])
    assert "split.too_complex" not in {n.code for n in solution.notices}
    columns = run.cells[:7]
    assert solution.values == {(r, c[1]): v for r in rows
                               for c, v in zip(columns, table[r], strict=True)}


def test_rows_cut_from_the_left_keep_a_boundary_of_two_positions_whole() -> None:
    # total first: 11 0 0 0 11 | 1 1 0 0 0, or 1 1 0 0 0 | 11 1 1 0 0 0 … — both first rows
    # hold their own total, so where the second row starts is not known: the run stays whole
    cells = tuple((r, c) for r in ("administrative_review", "litigation_direct")
                  for c in ("total", "upheld", "corrected", "other", "pending"))
    run = Run(cells=cells, kinds=(CellKind.COUNT,) * 10, segments=("110001111000",),
              text="110001111000", location=Location(offset=0))
    assert precut(run, _relations(REVIEW)) == [run]
    cut = Run(cells=cells, kinds=(CellKind.COUNT,) * 10, segments=("3120021010",),
              text="3120021010", location=Location(offset=0))
    assert [p.text for p in precut(cut, _relations(REVIEW))] == ["31200", "21010"]


def test_a_run_no_full_split_fits_is_not_cut_as_lacking_few_cells() -> None:
    # section 四 of a dump dropping blank cells (harness seed 2026, Case(3657978947, …,
    # one_line_blanks)): 346 0 1 _ 347 | _ _ _ 1 473 | 262 _ 0 _ _, printed 3460134714732620.
    # No full split fits; read as lacking at most two cells it cuts 3 4 6 0 13 | … and every
    # piece holds: that cut assumes how many cells the dump dropped (here seven), so nothing
    # may be read from it
    truth: dict[tuple[str, str], int | None] = {
        ("administrative_review", "upheld"): 346, ("administrative_review", "corrected"): 0,
        ("administrative_review", "other"): 1, ("administrative_review", "pending"): None,
        ("administrative_review", "total"): 347,
        ("litigation_direct", "upheld"): None, ("litigation_direct", "corrected"): None,
        ("litigation_direct", "other"): None, ("litigation_direct", "pending"): 1,
        ("litigation_direct", "total"): 473,
        ("litigation_after_review", "upheld"): 262,
        ("litigation_after_review", "corrected"): None,
        ("litigation_after_review", "other"): 0, ("litigation_after_review", "pending"): None,
        ("litigation_after_review", "total"): None,
    }
    run = _run(REVIEW, ["administrative_review", "litigation_direct", "litigation_after_review"],
               "3460134714732620")
    assert precut(run, _relations(REVIEW)) == [run]
    solution = solve(REVIEW, {}, [run])
    assert all(v is None or v == truth[c] for c, v in solution.values.items())
