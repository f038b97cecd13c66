"""Number-only rows (labels printed apart) when one of them lost a cell
(``importers/detached.py``: ``lacks_cells``)."""

from __future__ import annotations

from benchmarks.fidelity_harness import Case, build_case, compare
from gi_report import read_document
from gi_report.form import TEMPLATES
from gi_report.importers.detached import align, in_printed_order, lacks_cells, stands_short

SPEC = TEMPLATES["2021"].table("applications")


def _rows(lost: int | None = None) -> list[list[str]]:
    """Section 三 as number-only rows that keep every relation: one application from a natural
    person granted, carried over to nothing; row ``lost`` printed without its last cell."""
    ones = {"new_this_year", "granted", "results_total"}
    rows = []
    for i, row in enumerate(SPEC.rows):
        texts = ["1", "0", "0", "0", "0", "0", "1"] if row.id in ones else ["0"] * 7
        rows.append(texts[:-1] if i == lost else texts)
    return rows


def test_a_row_lacking_one_or_two_whole_numbers_is_a_lost_cell() -> None:
    assert lacks_cells(["1", "0", "0", "0", "0", "1"], 7)
    # two lost, a blank printed beside a lost cell, a counting word: still one form row by order
    # (their cells are left to the arithmetic of gaps.py, or blank)
    assert lacks_cells(["1", "0", "0", "0", "0"], 7)
    assert lacks_cells(["1", "0", "", "0", "0", "1"], 7)
    assert lacks_cells(["1件", "0", "0", "0", "0", "1"], 7)
    assert not lacks_cells(["1", "0", "0", "0"], 7)  # three lost: too many to stand for it
    assert not lacks_cells(["", "", "", "", "", ""], 7)  # no number at all
    assert not lacks_cells(["1", "0", "0 3", "0", "0", "1"], 7)  # two numbers: not a count
    assert not lacks_cells(["1", "0", "合计", "0", "0", "1"], 7)  # a word
    assert not lacks_cells(["10"], 2)  # a narrow row: too little to stand for it


def test_number_only_rows_with_one_lacking_a_cell_line_up_by_order() -> None:
    positions = [None] * len(SPEC.rows)
    assert align(SPEC, positions, _rows(), {}) == list(SPEC.rows)
    assert align(SPEC, positions, _rows(lost=4), {}) == list(SPEC.rows)
    # two rows lacking a cell: still aligned by order (detached.MAX_SHORT_ROWS), three not;
    # one row too few: not aligned (that is lostrow.py's)
    two = _rows(lost=4)
    two[6] = two[6][:-1]
    assert align(SPEC, positions, two, {}) == list(SPEC.rows)
    three = [*two]
    three[8] = three[8][:-1]
    assert align(SPEC, positions, three, {}) is None
    assert align(SPEC, positions, _rows(lost=4)[1:], {}) is None
    # the other rows must still keep the table's relations
    broken = _rows(lost=4)
    broken[0] = ["2", "0", "0", "0", "0", "0", "2"]
    assert align(SPEC, positions, broken, {}) is None


def test_a_table_with_no_arithmetic_needs_every_count() -> None:
    spec = TEMPLATES["2021"].table("proactive")
    texts = [["1", "2"], ["4", "5", "6"], ["7", "", ""], ["8", "", ""], ["9"], ["0.5"]]
    assert align(spec, [None] * 6, texts, {}, [0] * 6) is None


def test_the_harness_case_reads_section_three() -> None:
    """Harness seed 2026: section 三 in a tab dump, labels printed apart, one number-only row
    lacking a cell: the whole section was blank (row.unlabelled)."""
    doc, text, kind = build_case(Case(185763466, ("detached_labels", "cell_missing",
                                                  "narrative_between"), "tab_rows"))
    assert isinstance(text, str)
    result = read_document(text.encode("utf-8"), kind=kind, warn=False)
    tally = compare(doc.truth, result.report)
    assert tally.wrong == ()
    assert not result.with_code("row.unlabelled")
    assert len(result.with_code("row.detached")) == len(SPEC.rows)
    # every cell of section 三 right: the row that lost a cell placed by the arithmetic (its
    # lost cell was blank); section 四 lost a cell too, not by order: blank there
    section = result.report.applications
    assert section is not None
    assert all(value == doc.truth[f"/applications/{r}/{c}"] for r, c, value in section.cells())
    assert result.with_code("row.gap")


def test_number_only_rows_are_checked_in_the_order_their_header_prints() -> None:
    columns = [c.id for c in SPEC.columns]
    total_first = (columns[-1], *columns[:-1])
    assert in_printed_order(columns, total_first) == list(total_first)
    assert in_printed_order(columns, None) == columns
    assert in_printed_order(columns, columns[:3]) == columns  # names too little: the form's
    rows = [[t[-1], *t[:-1]] for t in _rows()]
    positions = [None] * len(SPEC.rows)
    assert align(SPEC, positions, rows, {}) is None  # read in the form's order: sums break
    assert align(SPEC, positions, rows, {}, printed=[total_first] * len(rows)) == list(SPEC.rows)


def test_the_harness_case_with_total_first_reads_section_three() -> None:
    """Harness seed 2026: section 三 in HTML with 总计 first and its labels printed apart: the
    rows' arithmetic was checked in the form's column order, failed, and the section was
    unused (row.unlabelled)."""
    doc, text, kind = build_case(Case(314095629, ("column_order", "heading_typo",
                                                  "detached_labels"), "html"))
    assert isinstance(text, str)
    result = read_document(text.encode("utf-8"), kind=kind, warn=False)
    assert compare(doc.truth, result.report).wrong == ()
    assert not result.with_code("row.unlabelled")
    section = result.report.applications
    assert section is not None
    assert all(value == doc.truth[f"/applications/{r}/{c}"] for r, c, value in section.cells())


def test_a_short_row_holding_two_numbers_stands_for_its_form_row() -> None:
    # a cell lost and another holding two numbers (``31 22``), or two cells printed as one: the
    # row is still one form row by order, none of its cells read here
    assert stands_short(["1", "0", "0 3", "0", "0", "1"], 7)
    assert stands_short(["1", "0", "0\n3", "0", "1"], 7)
    assert stands_short(["1", "0", "0 3", "", "0", "1"], 7)
    assert stands_short(["1", "0", "0", "0", "0", "1"], 7)  # a lost cell alone, as before
    assert not stands_short(["1", "0", "0 3", "0"], 7)  # three fewer: too many
    assert not stands_short(["1", "0", "0 3", "0", "0", "1", "2"], 7)  # not short
    assert not stands_short(["1", "0", "0 合计", "0", "0", "1"], 7)  # a word
    assert not stands_short(["1 2"], 2)  # a narrow row: too little to stand for it


def test_number_only_rows_with_a_short_two_number_row_line_up_by_order() -> None:
    positions = [None] * len(SPEC.rows)
    rows = _rows(lost=4)
    rows[4] = [*rows[4][:2], f"{rows[4][2]} 5", *rows[4][3:]]
    assert align(SPEC, positions, rows, {}) == list(SPEC.rows)
    # the other rows must still keep the table's relations
    broken = [*rows]
    broken[0] = ["2", "0", "0", "0", "0", "0", "2"]
    assert align(SPEC, positions, broken, {}) is None


def test_the_harness_case_with_a_short_two_number_row_reads_section_three() -> None:
    """Harness seed 2026: section 三 in a PDF, labels printed apart, one number-only row lacking
    a cell with another cell holding two numbers (``26 1 3 1 0 31 22``): the whole section was
    blank (row.unlabelled)."""
    doc, text, kind = build_case(Case(3478541167, ("detached_labels", "cell_missing",
                                                   "two_numbers"), "pdf"))
    result = read_document(text if isinstance(text, bytes) else text.encode("utf-8"),
                           kind=kind, warn=False)
    tally = compare(doc.truth, result.report)
    assert tally.wrong == ()
    assert not result.with_code("row.unlabelled")
    section = result.report.applications
    assert section is not None
    assert len(result.with_code("row.detached")) == len(section.spec.rows)
    # every cell of section 三 but the short row's (blank, row.cell_count) right
    wrong_or_blank = [f"/applications/{r}/{c}" for r, c, value in section.cells()
                      if value != doc.truth[f"/applications/{r}/{c}"]]
    assert len({p.rsplit("/", 1)[0] for p in wrong_or_blank}) == 1
