"""Blank cells of the forms that print cells apart, read since by a sound rule: harness cases
(:mod:`benchmarks.fidelity_harness`) that left cells blank, now read whole and never wrong."""

from __future__ import annotations

import pytest

from benchmarks.fidelity_harness import Case, run_case
from gi_report.form import TEMPLATES
from gi_report.importers.align import loose_rows
from gi_report.importers.blocks import Block, GridCell, Location, TableBlock, TextBlock
from gi_report.importers.labellist import _cuts, label_list
from gi_report.importers.rows import read_rows
from gi_report.importers.tabrows import after_page_break
from gi_report.importers.vocabulary import vocabulary

READ_WHOLE = [
    # a PDF whose section 四 header cells end a page, the value row under them starting the
    # next: the row's numbers were joined onto the header cells and the row was missing
    pytest.param(Case(2053498084, ("two_numbers",), "pdf"), id="pdf-section-4-after-break"),
    pytest.param(Case(2032989336, ("narrative_between",), "pdf"), id="pdf-section-4-narrative"),
    pytest.param(Case(1411368076, ("header_broken",), "pdf"), id="pdf-section-4-header-broken"),
]


@pytest.mark.parametrize("case", READ_WHOLE)
def test_cells_once_left_blank_are_read_right(case: Case) -> None:
    tally = run_case(case).tally
    assert tally is not None
    assert tally.wrong == ()
    assert tally.blank == 0


READ_WHOLE_BLANK_ROW = [
    # section 二's labels printed apart, a form row whose cells are all blank printed as a
    # row of blank cells: it was taken for a header row, the number-only rows one short
    pytest.param(Case(3676081512, ("detached_labels",), "tab_rows"), id="blank-row-tab-rows"),
    pytest.param(Case(3064854325, ("detached_labels",), "pipe_rows"), id="blank-row-pipe-rows"),
    pytest.param(Case(1541870557, ("detached_labels",), "cell_per_line"),
                 id="blank-row-cell-per-line"),
    pytest.param(Case(3554874337, ("detached_labels",), "pdf"), id="blank-row-pdf"),
    # the row of one blank cell under a caption of one-column rows
    pytest.param(Case(3048202695, ("detached_labels",), "pipe_rows"), id="blank-cell-row-pipe"),
]


@pytest.mark.parametrize("case", READ_WHOLE_BLANK_ROW)
def test_a_blank_number_only_row_keeps_its_place(case: Case) -> None:
    tally = run_case(case).tally
    assert tally is not None
    assert tally.wrong == ()
    assert tally.blank == 0


def _cell(text: str, r: int, c: int) -> GridCell:
    return GridCell(text=text, origin=(r, c), location=Location(row=r, column=c))


def _table(rows: list[list[str]]) -> TableBlock:
    return TableBlock(rows=tuple(tuple(_cell(t, r, c) for c, t in enumerate(row))
                                 for r, row in enumerate(rows)), location=Location(table=0))


def _blocks(apart: bool) -> list[Block]:
    spec = TEMPLATES["2021"].table("proactive")
    first = spec.rows[0]
    labels: list[Block] = [TextBlock(text=r.label, location=Location()) for r in spec.rows[:2]]
    header = [spec.column(c).label for c in first.columns]
    table = _table([header, ["1", "2", "3"], ["", "", ""]])
    return [*labels, table] if apart else [table]


def test_a_row_of_blank_cells_is_a_number_only_row_where_labels_are_printed_apart() -> None:
    spec = TEMPLATES["2021"].table("proactive")
    stream = read_rows(spec, _blocks(apart=True))
    assert [[s.text for s in dr.values] for dr in stream.rows] == [["1", "2", "3"],
                                                                   ["", "", ""]]
    assert len(loose_rows(stream.rows)) == 2


def test_a_row_of_blank_cells_stays_out_where_labels_stand_beside_numbers() -> None:
    spec = TEMPLATES["2021"].table("proactive")
    stream = read_rows(spec, _blocks(apart=False))
    assert [[s.text for s in dr.values] for dr in stream.rows] == [["1", "2", "3"]]


READ_WHOLE_LONE_ROW = [
    # the table's last row printed alone after a page break and its page number: it was
    # taken for a paragraph, the row missing
    pytest.param(Case(502446447, ("page_break_row_lost",), "pipe_rows"), id="lone-row-pipe"),
]


@pytest.mark.parametrize("case", READ_WHOLE_LONE_ROW)
def test_a_lone_row_after_a_page_break_goes_on_with_the_table(case: Case) -> None:
    tally = run_case(case).tally
    assert tally is not None
    assert tally.wrong == ()
    assert tally.blank == 0


def test_only_page_numbers_between_a_table_and_a_row_line_make_a_page_break() -> None:
    table = _table([["1", "2"]])
    page = TextBlock(text="— 3 —", location=Location())
    prose = TextBlock(text="text of a paragraph", location=Location())
    assert after_page_break([table, page])
    assert not after_page_break([table])
    assert not after_page_break([table, prose, page])
    assert not after_page_break([page])


READ_WHOLE_JOINED_LABELS = [
    # a PDF's text layer joined section 三's labels printed apart into one paragraph: the
    # number-only rows had no list of labels to line up with and were left blank
    pytest.param(Case(945045411, ("detached_labels",), "pdf"), id="joined-labels-pdf"),
    pytest.param(Case(2606706227, ("detached_labels", "cell_missing", "extra_section"), "pdf"),
                 id="joined-labels-layout"),
]


@pytest.mark.parametrize("case", READ_WHOLE_JOINED_LABELS)
def test_labels_run_together_are_read_as_their_list(case: Case) -> None:
    tally = run_case(case).tally
    assert tally is not None
    assert tally.wrong == ()
    assert tally.blank <= 1  # a row lacking a cell (cell_missing) may stay blank


def test_a_paragraph_of_labels_is_cut_into_them_only_one_way() -> None:
    spec = TEMPLATES["2021"].table("applications")
    vocab = vocabulary(spec)
    labels = [r.label for r in spec.rows[:4]]
    assert label_list("".join(labels), vocab) == labels
    assert label_list(" ".join(labels[:3]), vocab) == labels[:3]
    assert label_list("".join(labels[:2]), vocab) is None  # too few to be a list
    assert label_list("".join(labels) + "x", vocab) is None  # other text in it
    assert label_list(labels[0][:-1] + "".join(labels[1:]), vocab) is None  # a label cut


def test_the_cut_is_refused_when_two_cuts_are_possible() -> None:
    assert _cuts("abc", ["a", "b", "c"]) == ["a", "b", "c"]
    assert _cuts("abc", ["a", "b", "c", "ab"]) is None
    assert _cuts("abcd", ["a", "b", "c"]) is None
