"""Cells the document settles that the importers left blank, read now (issue 10): each harness
case below came back with blank cells although its document settles them; it must now read every
stated cell right (and never a wrong one). Plus a unit test of each rule."""

from __future__ import annotations

import pytest

from benchmarks.fidelity_harness import Case, run_case
from gi_report.importers.blocks import TableBlock, TextBlock
from gi_report.importers.tabrows import blank_row, lone_cell, tab_row
from gi_report.importers.text import parse_text

SETTLED = [
    # a TAB table's one-cell rows (a caption, a value printed alone) ended the table: the rows
    # after it were read as paragraphs, their values lost
    pytest.param(Case(53147762, ("detached_labels",), "tab_rows"), id="tab-lone-values"),
    pytest.param(Case(599072194, ("page_break_row_lost",), "tab_rows"), id="tab-lone-caption"),
    pytest.param(Case(377310342, ("two_numbers", "detached_labels"), "tab_rows"),
                 id="tab-lone-values-two-numbers"),
    # labels printed apart, a number-only row lacking two cells (one a blank printed beside a
    # lost one), two rows lacking a cell, a counting word: the whole of section 三 was unused
    pytest.param(Case(3841833235, ("heading_typo", "cell_missing", "narrative_between",
                                   "detached_labels"), "html"), id="detached-two-lost"),
    pytest.param(Case(1325406410, ("two_numbers", "cell_missing", "extra_section",
                                   "detached_labels"), "html"), id="detached-two-short-rows"),
    pytest.param(Case(361424771, ("narrative_between", "detached_labels", "two_numbers",
                                  "cell_missing"), "pdf"), id="detached-short-with-blank"),
    # labels printed apart, a row lost at a page break: the row's place settled by the
    # arithmetic, or by the labels printed apart lacking exactly it
    pytest.param(Case(3028066885, ("title_broken", "page_break_row_lost", "detached_labels"),
                      "tab_rows"), id="detached-row-lost-listed"),
    pytest.param(Case(1226534073, ("detached_labels", "page_break_row_lost", "cell_missing",
                                   "extra_table"), "pdf"), id="detached-row-lost-arithmetic"),
    pytest.param(Case(4070716180, ("page_break_row_lost", "detached_labels"), "cell_per_line"),
                 id="detached-row-lost-cell-per-line"),
]

PARTLY = [
    # the row lost is one of the outcome rows (their sum is the same whichever is lost): the rows
    # before and after every place it may have are read, the others stay blank (never shifted)
    pytest.param(Case(2471799959, ("two_numbers", "detached_labels", "unit_words",
                                   "page_break_row_lost"), "tab_rows"), 97, id="lost-outcome-row"),
    # a row lacking a cell beside a printed blank: aligned by order, its own cells blank
    pytest.param(Case(2486545257, ("narrative_between", "cell_missing", "detached_labels"),
                      "pipe_rows"), 194, id="short-row-with-blank-blank"),
]


@pytest.mark.parametrize("case", SETTLED)
def test_a_case_whose_document_settles_its_cells_reads_every_one(case: Case) -> None:
    outcome = run_case(case)
    assert outcome.tally is not None
    assert outcome.tally.wrong == ()
    assert outcome.tally.blank == 0


@pytest.mark.parametrize(("case", "right"), PARTLY)
def test_a_case_whose_document_settles_some_cells_reads_those(case: Case, right: int) -> None:
    outcome = run_case(case)
    assert outcome.tally is not None
    assert outcome.tally.wrong == ()
    assert outcome.tally.right >= right


def test_a_line_without_a_tab_inside_a_tab_table_is_a_one_cell_row() -> None:
    lines = ["信息内容\t数量", "7", "第二十条第（五）项", "信息内容\t数量", "-", "",
             "本年度共收到申请7件。", "5 6"]
    assert tab_row(lines[0]) and not tab_row("\t7") and not tab_row("7")
    assert lone_cell(lines, 1)  # a value printed alone
    assert lone_cell(lines, 2)  # a caption a TAB row follows
    assert lone_cell(lines, 4)  # a dash
    assert not lone_cell(lines, 5)  # a blank line ends the table
    assert not lone_cell(lines, 6)  # a sentence is never a row
    assert not lone_cell(lines, 7)  # two numbers are no one cell
    assert not lone_cell(["三、收到和处理政府信息公开申请情况", "a\tb"], 0)  # a heading


def test_a_tab_table_keeps_its_one_cell_rows_as_rows_of_the_table() -> None:
    text = ("二、主动公开政府信息情况\n\n第二十条第（一）项\n信息内容\t本年制发件数\n规章\t1\n"
            "第二十条第（五）项\n信息内容\t本年处理决定数量\n3\n0\n\n本年度共收到申请7件。\n")
    blocks = parse_text(text).blocks
    tables = [b for b in blocks if isinstance(b, TableBlock)]
    assert len(tables) == 1
    rows = [[c.text for c in row if c is not None] for row in tables[0].rows]
    assert rows == [["信息内容", "本年制发件数"], ["规章", "1"], ["第二十条第（五）项"],
                    ["信息内容", "本年处理决定数量"], ["3"], ["0"]]
    assert [b.text for b in blocks if isinstance(b, TextBlock)] == [
        "二、主动公开政府信息情况", "第二十条第（一）项", "本年度共收到申请7件。"]


def test_a_line_of_tabs_only_inside_a_tab_table_is_a_row_of_blank_cells() -> None:
    lines = ["信息内容\t数量\t数量", " \t \t ", "1\t2\t3", " \t \t ", "", "\t"]
    assert blank_row(lines, 1)  # a TAB row after it
    assert not blank_row(lines, 3)  # the table's last line: a separator, not a row
    assert not blank_row(lines, 4) and not blank_row(lines, 5)
    text = "二、主动公开政府信息情况\n\n" + "\n".join(lines[:4]) + "\n\n"
    tables = [b for b in parse_text(text).blocks if isinstance(b, TableBlock)]
    assert len(tables) == 1 and len(tables[0].rows) == 3
