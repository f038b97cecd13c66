"""Splits kept in a document that drops blank cells where the form's arithmetic checks them twice
over (issue 10: ``cell_missing`` in one-line crawl dumps)."""

from __future__ import annotations

from benchmarks.fidelity_harness import Case, build_case, compare
from gi_report import read_document
from gi_report.form import TEMPLATES
from gi_report.importers import dropshift
from gi_report.importers.digits import Location, Run
from gi_report.importers.dropped import checked, distrust


def test_rows_checked_by_their_total_and_a_column_sum_are_kept() -> None:
    # before: every split of the document blank (split.dropped) once two rows of section 三
    # were printed short; 一, 二 and 四 meet their row totals and 一+二 = （七）+四 in full
    case = Case(2, ("cell_missing",), "one_line")
    doc, text, kind = build_case(case)
    assert isinstance(text, str)
    result = read_document(text.encode(), kind=kind, warn=False)
    assert compare(doc.truth, result.report).wrong == ()
    applications = result.report.table("applications")
    assert applications.cell("new_this_year", "total") == 31
    assert applications.cell("carried_to_next_year", "natural_person") == 3
    dropped = [n for n in result.notices if n.code == "split.dropped"]
    assert dropped  # the outcome rows' column sums take in a short row: still blank
    assert all("/applications/new_this_year/total" not in n.cells for n in dropped)


def _run(cells: tuple[tuple[str, str], ...], digits: str) -> Run:
    spec = TEMPLATES["2021"].table("applications")
    return Run(cells=cells, kinds=tuple(spec.column(c).kind for _, c in cells),
               segments=(digits,), text=digits, location=Location())


def test_a_split_checked_once_or_by_a_relation_not_stated_in_full_is_not_checked() -> None:
    spec = TEMPLATES["2021"].table("applications")
    columns = [c.id for c in spec.columns]
    rows = {r.id: r for r in spec.rows}
    assert "new_this_year" in rows
    values = {(r.id, c): 0 for r in spec.rows for c in columns}
    run = _run(tuple(("new_this_year", c) for c in columns), "0000000")
    assert checked(spec, run, values)
    # a relation not stated in full checks nothing, and one cell in no full relation is enough
    # to refuse: without 四's total, the total column's 一+二 = （七）+四 is not stated (the total
    # cell is still checked by its row total); without the run's first cell as well, the row
    # total is not stated either and the total cell is in no full relation
    partial = {k: v for k, v in values.items() if k != ("carried_to_next_year", "total")}
    assert checked(spec, run, partial)  # the total still in its row's full relation
    unchecked = {k: v for k, v in partial.items() if k != ("new_this_year", "natural_person")}
    assert not checked(spec, run, unchecked)
    broken = {**values, ("carried_to_next_year", "total"): 1}
    assert not checked(spec, run, broken)
    assert not checked(spec, run, values, frozenset({("new_this_year", "total")}))


def test_a_split_no_relation_checks_stays_blank_in_such_a_document() -> None:
    spec = TEMPLATES["2021"].table("proactive")
    row = spec.rows[0]
    cells = tuple((row.id, c) for c in row.columns)
    run = Run(cells=cells, kinds=tuple(spec.column(c).kind for _, c in cells),
              segments=("123",), text="123", location=Location())
    kept, _ = distrust(spec, [run], dict(zip(cells, (1, 2, 3), strict=True)), [], "x")
    assert kept == {}  # section 二 has no arithmetic: nothing checks the split


def test_a_run_over_several_rows_is_checked_row_by_row() -> None:
    """Section 四 as one run: three row totals hold, but each row is in one of them only; a
    dropped cell shifts digits from row to row, so no row is checked twice (one wrong case of
    the harness read ``00033`` ``00033`` for ``?0?00`` ``3300033``)."""
    spec = TEMPLATES["2021"].table("review_litigation")
    cells = tuple((r.id, c) for r in spec.rows for c in r.columns)
    digits = "000330003301001"
    run = Run(cells=cells, kinds=tuple(spec.column(c).kind for _, c in cells),
              segments=(digits,), text=digits, location=Location())
    values = dict(zip(cells, (int(d) for d in digits), strict=True))
    assert len(spec.relations) >= 3  # each row total stated in full and holding
    assert not checked(spec, run, values)
    # one row of section 三 in its row total and a column relation: still checked
    applications = TEMPLATES["2021"].table("applications")
    columns = [c.id for c in applications.columns]
    zeros = {(r.id, c): 0 for r in applications.rows for c in columns}
    row = _run(tuple(("new_this_year", c) for c in columns), "0000000")
    assert checked(applications, row, zeros)


def test_zeros_with_whitespace_between_are_not_checked() -> None:
    """``000 0000`` under seven cells holds every sum, but so does a cell of two numbers
    (``0 0``) beside a dropped blank: where the document drops blank cells, no relation can
    check it (the harness read the seven zeros one to a cell where two cells are blank)."""
    spec = TEMPLATES["2021"].table("applications")
    columns = [c.id for c in spec.columns]
    values = {(r.id, c): 0 for r in spec.rows for c in columns}
    cells = tuple(("new_this_year", c) for c in columns)
    apart = Run(cells=cells, kinds=tuple(spec.column(c).kind for _, c in cells),
                segments=("000", "0000"), text="000 0000", location=Location(),
                soft=(True,))
    assert not checked(spec, apart, values)
    assert checked(spec, _run(cells, "0000000"), values)  # printed together: still checked
    case = Case(237524356, ("header_broken", "heading_variant", "heading_typo", "two_numbers"),
                "one_line_blanks")
    doc, text, kind = build_case(case)
    assert isinstance(text, str) and "000 0000" in text
    result = read_document(text.encode(), kind=kind, warn=False)
    assert compare(doc.truth, result.report).wrong == ()
    table = result.report.table("applications")
    assert table.cell("other_fee_unpaid", "research_institution") is None


def _total_first(row: str, digits: tuple[str, ...]) -> Run:
    spec = TEMPLATES["2021"].table("applications")
    columns = [c.id for c in spec.columns]
    cells = tuple((row, c) for c in [columns[-1], *columns[:-1]])  # the total printed first
    return Run(cells=cells, kinds=tuple(spec.column(c).kind for _, c in cells),
               segments=digits, text="".join(digits), location=Location())


def test_a_second_relation_through_cells_a_dropped_cell_leaves_alone_checks_nothing() -> None:
    """The total printed first: ``320`` ``0100`` read 3, 2, 0, 0, 1, 0, 0 meets its row total,
    and the last column's sum is stated in full; the total dropped, 32, 0, 0, 1, 0, 0 meets
    them as well (the column sum never sees the cells the two readings differ in)."""
    spec = TEMPLATES["2021"].table("applications")
    columns = [c.id for c in spec.columns]
    row = "not_processed_publication"
    run = _total_first(row, ("320", "0100"))
    values: dict[tuple[str, str], int | None] = {
        (r.id, c): None for r in spec.rows for c in columns}
    values |= {(r.id, columns[-2]): 0 for r in spec.rows}  # the last column before the total
    values |= dict(zip(run.cells, (3, 2, 0, 0, 1, 0, 0), strict=True))
    assert dropshift.may_lack_one(spec, run, values)
    assert not checked(spec, run, values)
    # every cell in two relations stated in full: a misread changes two cells of the row, one
    # of which its column's sum would have to meet by chance; checked without a search
    zeros = {(r.id, c): 0 for r in spec.rows for c in columns}
    assert checked(spec, _total_first(row, ("0000000",)), zeros)


def test_a_run_no_reading_with_a_cell_dropped_meets_is_checked() -> None:
    """Every other cell of the table stated: a dropped cell would change a column's sum."""
    spec = TEMPLATES["2021"].table("applications")
    columns = [c.id for c in spec.columns]
    row = "not_processed_publication"
    values: dict[tuple[str, str], int | None] = {
        (r.id, c): 0 for r in spec.rows for c in columns}
    run = _total_first(row, ("320", "0100"))
    read = dict(zip(run.cells, (3, 2, 0, 0, 1, 0, 0), strict=True))
    for column, value in ((columns[0], 2), (columns[3], 1), (columns[-1], 3)):
        for total_row in ("results_total", "new_this_year"):
            values[(total_row, column)] = value
    values |= read
    assert not dropshift.may_lack_one(spec, run, values)
    assert not dropshift.may_lack_one(spec, _total_first(row, ("3", "2", "00100")), values)
    assert dropshift.may_lack_one(spec, _total_first(row, ("32件",)), values)  # not digits
