"""Number-only rows whose labels are printed apart (issue 10 item 6), and the header rows of a
Markdown section 四: read whole where the form's order and arithmetic settle them, never a
number placed in another cell."""

from __future__ import annotations

import pytest

from benchmarks.fidelity_harness import Case, build_case, compare
from gi_report import read_document
from gi_report.findings import Location
from gi_report.form import TEMPLATES
from gi_report.importers.align import _merged_cells
from gi_report.importers.detached import align, trimmed
from gi_report.importers.rows import DataRow, Header, Slot


def _tally(case: Case) -> tuple[int, int, tuple[object, ...], list[str]]:
    doc, text, kind = build_case(case)
    data = text.encode("utf-8") if isinstance(text, str) else text
    result = read_document(data, kind=kind, warn=False)
    tally = compare(doc.truth, result.report)
    return tally.right, tally.blank, tally.wrong, [n.code for n in result.notices]


@pytest.mark.parametrize("case", [
    # the table's rows start left of its header (the label columns dropped with the labels):
    # their first cell was taken for the rest of a label's span, section 三 left blank
    Case(0, ("detached_labels",), "html"),
    Case(0, ("detached_labels",), "docx"),
    Case(4, ("detached_labels",), "html"),
    # Markdown rows padded with empty cells to the table's width
    Case(2, ("detached_labels",), "markdown"),
])
def test_number_only_rows_are_read_whole(case: Case) -> None:
    _, blank, wrong, codes = _tally(case)
    assert (blank, wrong) == (0, ()) and "row.detached" in codes


def test_several_label_less_runs_are_never_the_whole_table_in_one_run() -> None:
    # before: section 二's first run (25941125300) split over every cell of the section, the
    # fee amount read as 0 (the truth 17454.271 printed in a run of its own)
    _, _, wrong, _ = _tally(Case(8, ("detached_labels",), "one_line"))
    assert wrong == ()


def test_only_empty_texts_are_trimmed_to_the_form_rows_count() -> None:
    assert trimmed(["", "", "1", "2"], 2, 2) == ["1", "2"]
    assert trimmed(["", "1", "", ""], 1, 1) == ["1"]
    assert trimmed(["", "1", "2"], 0, 2) == ["", "1", "2"]  # a blank under a named column
    assert trimmed(["5", "", "7"], 0, 1) == ["5", "", "7"]  # numbers are never left out


def test_detached_rows_of_section_two_line_up_by_their_counts() -> None:
    spec = TEMPLATES["2021"].table("proactive")
    texts = [["1", "2", "3"], ["4", "5", "6"], ["7", "", ""], ["8", "", ""], ["9"], ["0.5"]]
    rows = align(spec, [None] * 6, texts, {}, [0] * 6)
    assert rows is not None and [r.id for r in rows] == [r.id for r in spec.rows]
    assert align(spec, [None] * 6, [["1", "2"], *texts[1:]], {}, [0] * 6) is None


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_markdown_section_four_header_is_not_a_row_of_empty_cells(seed: int) -> None:
    # | 行政复议 | | | | | 行政诉讼 | … |: read as 行政复议 with empty cells, the 15 values of
    # the row below then a duplicate: section 四 blank in every Markdown document
    _, blank, wrong, codes = _tally(Case(seed, (), "markdown"))
    assert (blank, wrong) == (0, ()) and "row.duplicate" not in codes


def test_a_whole_number_in_a_table_printing_cells_apart_is_not_a_digit_run() -> None:
    # | 政府集中采购 | 14.6342万元 | (a cell dropped): read 1 and 4.6342 before
    _, _, wrong, codes = _tally(Case(529295469, ("cell_missing",), "markdown"))
    assert wrong == () and "row.cell_count" in codes


def test_a_column_word_cut_from_a_label_is_not_a_new_header() -> None:
    # （七）总总计 tokenised as （七）总 | 总计 below the data rows: taken for a new header, the
    # order the header above printed its columns in was lost and the last row read in the
    # form's order (商业企业 and 其他 swapped)
    case = Case(328497183, ("extra_table", "column_order", "label_typo", "unit_words"),
                "one_line")
    _, _, wrong, _ = _tally(case)
    assert wrong == ()


def test_a_row_with_empty_cells_at_both_ends_is_not_read_by_position() -> None:
    # |  | （六）其他处理 |  | 0 |  |  | 1 | 0 | 0 |  | after a page break (no header above the
    # continued table): the trailing empty cell was dropped, the label's span read as 自然人 and
    # every value one column off (three wrong cells)
    _, _, wrong, _ = _tally(Case(790345572, ("page_break_row_lost",), "markdown"))
    assert wrong == ()


# --- number-only rows the document settles (branch w-blankb) -----------------------------------

@pytest.mark.parametrize(("case", "blank_before"), [
    # section 三 printed as one run of 175 cells apart from its labels: over the solver's bound
    # as one piece; cut at the row boundaries every row's own total settles, it is solved
    (Case(2185113890, ("detached_labels",), "one_line"), 175),
    # the labels printed apart name the other layout's rows (（六）其他处理's three sub-rows):
    # the report year's layout was kept, its 23 rows over 25 rows of numbers
    (Case(2401488689, ("detached_labels",), "one_line"), 190),
    (Case(535215003, ("detached_labels",), "one_line"), 161),
    # Markdown writes a merged cell once, the positions it covers left empty: a number-only row
    # of section 二 under such a header (0 |  | -173) has its two cells, not three
    (Case(508021414, ("detached_labels",), "markdown"), 23),
])
def test_number_only_rows_the_document_settles_are_read(case: Case, blank_before: int) -> None:
    _, blank, wrong, _ = _tally(case)
    assert wrong == ()
    assert blank < blank_before // 8, blank


def test_labels_naming_the_other_layouts_rows_choose_that_layout() -> None:
    _doc, text, kind = build_case(Case(2401488689, ("detached_labels",), "one_line"))
    data = text.encode("utf-8") if isinstance(text, str) else text
    report = read_document(data, kind=kind, warn=False).report
    assert report.applications is not None
    assert report.applications.spec is TEMPLATES["2021"].table("applications")



def _row(texts: list[str], header: dict[int, str]) -> DataRow:
    spec = TEMPLATES["2019"].table("proactive")
    named = Header(columns={c: spec.column(column) for c, column in header.items()})
    slots = [Slot(t, i, i, Location(), above=False) for i, t in enumerate(texts)]
    return DataRow(labels=[], values=slots, location=Location(), header=named, groups=set(),
                   match=None, found=None)


def test_a_row_under_a_header_with_merged_positions_keeps_only_its_numbers() -> None:
    # the header names two columns with a position between them (a merged cell written once):
    # a number-only row printed the same way has two cells, not three
    merged = _row(["0", "", "-173"], {1: "items_last_year", 3: "change_this_year"})
    assert [s.text for s in _merged_cells(merged) or []] == ["0", "-173"]
    # a blank printed under a header naming its columns side by side is a cell
    assert _merged_cells(_row(["0", "", "5"], {1: "items_last_year", 2: "change_this_year",
                                                3: "decisions"})) is None
    # the empty position must stand where the header's does
    assert _merged_cells(_row(["", "0", "-173"], {1: "items_last_year",
                                                   3: "change_this_year"})) is None


@pytest.mark.parametrize("form", ["one_line", "tab_rows"])
def test_a_number_only_row_under_a_one_row_caption_is_that_row(form: str) -> None:
    # section 二 has no arithmetic: its number-only rows are aligned as a whole only when their
    # counts line up; when they do not (a row printed blank, runs of digits), a row under a
    # caption with one form row and a header naming that row's columns is still that row
    seed = {"one_line": 2942817377, "tab_rows": 1707864895}[form]
    doc, text, kind = build_case(Case(seed, ("detached_labels",), form))
    assert isinstance(text, str)
    result = read_document(text.encode("utf-8"), kind=kind, warn=False)
    assert compare(doc.truth, result.report).wrong == ()
    fees = result.report.proactive
    assert fees is not None
    read = [v for r, _, v in fees.cells() if r == "administrative_fees"]
    assert read and all(v is not None for v in read)
    assert any(n.code == "row.detached" and "/proactive/administrative_fees/items_last_year"
               in n.cells for n in result.notices)


def test_rows_no_relation_checks_are_aligned_only_by_the_labels_printed_apart() -> None:
    spec = TEMPLATES["2021"].table("applications")
    ids = [r.id for r in spec.rows]
    # no row prints its total, the first row and the results' total row print nothing: no
    # relation can be checked
    texts = [[str(i), "0", "", "1", "0", "2", ""] for i in range(len(ids))]
    for row in (0, ids.index("results_total")):
        texts[row] = [""] * 7
    assert align(spec, [None] * len(ids), texts, {}) is None
    found = align(spec, [None] * len(ids), texts, {}, listed=ids)
    assert found is not None and [r.id for r in found] == ids
    # the labels must name exactly these rows, in the form's order
    assert align(spec, [None] * len(ids), texts, {}, listed=ids[1:]) is None
    assert align(spec, [None] * len(ids), texts, {}, listed=[ids[1], ids[0], *ids[2:]]) is None
    # where a relation can be checked, the arithmetic decides, not the list
    checked = [list(t) for t in texts]
    checked[0] = ["1", "0", "0", "0", "0", "0", "5"]  # a row total that does not hold
    assert align(spec, [None] * len(ids), checked, {}, listed=ids) is None


def test_a_table_whose_stated_cells_check_no_relation_is_read_by_its_labels_list() -> None:
    # blank cells everywhere (a third of them): no row total or column sum is stated in full
    _, blank, wrong, codes = _tally(Case(945045411, ("detached_labels",), "html"))
    assert (blank, wrong) == (0, ()) and "row.detached" in codes
