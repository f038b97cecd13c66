"""Number-only rows whose labels are printed apart (issue 10 item 6), and the header rows of a
Markdown section 四: read whole where the form's order and arithmetic settle them, never a
number placed in another cell."""

from __future__ import annotations

import pytest

from benchmarks.fidelity_harness import Case, build_case, compare
from gi_report import read_document
from gi_report.form import TEMPLATES
from gi_report.importers.detached import align, trimmed


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
