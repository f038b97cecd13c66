"""Printed rows that went missing and short rows left blank (issue 10): harness cases
(:mod:`benchmarks.fidelity_harness`) whose cells the document prints, now read, never wrong."""

from __future__ import annotations

import pytest

from benchmarks.fidelity_harness import Case, build_case, run_case
from gi_report import read_document
from gi_report.form import TEMPLATES
from gi_report.importers import gapbounds, gaps
from gi_report.importers._pdf_tables import Piece, PieceCell, stitch, to_block
from gi_report.importers.blocks import Block, GridCell, Location, TableBlock, TextBlock
from gi_report.importers.rows import read_rows
from gi_report.table import CellValue

# --- a PDF table going on after a page break, narrower than its header ----------------------


def _piece(page: int, cells: list[PieceCell], borders: list[float], rows: int) -> Piece:
    return Piece(page=page, last_page=page, top=80.0, left=borders[0], right=borders[-1],
                 boundaries=borders, row_pages=[page] * rows, cells=cells)


def _row(r: int, texts: list[str], borders: list[float]) -> list[PieceCell]:
    return [PieceCell(r0=r, r1=r + 1, x0=borders[c], x1=borders[c + 1], text=t)
            for c, t in enumerate(texts)]


WIDE = [50.0, 100.0, 150.0, 200.0, 250.0, 300.0]
"""A header over two label columns and three value columns."""
NARROW = WIDE[:4]
"""The value rows of a table whose labels are printed apart: three cells from the left."""


def _first() -> Piece:
    header = [PieceCell(r0=0, r1=1, x0=50.0, x1=150.0, text="注"),
              *_row(0, ["甲", "乙", "丙"], WIDE[2:])]
    return _piece(4, [*header, *_row(1, ["1", "2", "3"], NARROW)], WIDE, 2)


def test_a_part_as_wide_as_the_rows_it_goes_on_with_is_stitched() -> None:
    second = _piece(5, _row(0, ["4", "5", "9"], NARROW), NARROW, 1)
    joined = stitch(_first(), second)
    assert joined is not None
    block = to_block(joined, 0, None)
    assert [[c.text for c in row if c] for row in block.rows[1:]] == [["1", "2", "3"],
                                                                      ["4", "5", "9"]]
    assert [row[0].location.page for row in block.rows[1:] if row[0]] == [4, 5]


def test_a_narrower_table_is_not_stitched_to_full_width_rows() -> None:
    # the rows ending page 4 span the whole width: a narrower table on page 5 is another table
    first = _piece(4, [*_row(0, ["甲", "乙", "丙", "丁", "戊"], WIDE),
                       *_row(1, ["x", "y", "1", "2", "3"], WIDE)], WIDE, 2)
    second = _piece(5, _row(0, ["4", "5", "9"], NARROW), NARROW, 1)
    assert stitch(first, second) is None


def test_a_narrower_part_with_other_borders_is_not_stitched() -> None:
    other = [50.0, 120.0, 150.0, 200.0]
    second = _piece(5, _row(0, ["4", "5", "9"], other), other, 1)
    assert stitch(_first(), second) is None


READ_WHOLE = [
    # section 三's labels printed apart, its table broken over two pages: the part on the next
    # page (value rows only, as wide as the rows) was not stitched to the part whose header
    # spans the label columns too, so it stayed where it stood and its rows were missing
    pytest.param(Case(383906684, ("table_numbering", "detached_labels", "part_numbering",
                                  "column_order"), "pdf"), id="pdf-narrow-part-total-first"),
    pytest.param(Case(3033283807, ("narrative_states", "narrative_between", "detached_labels",
                                   "table_numbering"), "pdf"), id="pdf-narrow-part"),
]


@pytest.mark.parametrize("case", READ_WHOLE)
def test_rows_once_missing_are_read_right(case: Case) -> None:
    tally = run_case(case, tries=0).tally
    assert tally is not None
    assert tally.wrong == ()
    assert tally.blank == 0


# --- a row lacking a cell, placed by every relation at once ----------------------------------

SPEC = TEMPLATES["2021"].table("applications")
COLUMNS = [c.id for c in SPEC.columns]


def _zeros(**rows: dict[str, CellValue]) -> dict[tuple[str, str], CellValue]:
    values: dict[tuple[str, str], CellValue] = {(r.id, c): 0 for r in SPEC.rows for c in COLUMNS}
    for row, cells in rows.items():
        values.update({(row, c): v for c, v in cells.items()})
    return values


def test_one_unknown_cell_must_meet_its_row_total_and_its_column_sum_at_once() -> None:
    # granted's natural_person is unknown: its row total says 3, its column sum says 5 (the
    # results total row's total unknown too); each relation alone can hold (the unknowns on
    # one side), all at once cannot
    values = _zeros(new_this_year={"natural_person": 5, "total": 5},
                    results_total={"natural_person": 5, "total": None},
                    granted={"natural_person": None, "total": 3})
    assert all(gaps.possible(SPEC, rel, values) for rel in SPEC.relations)
    assert not gapbounds.feasible(SPEC, values)
    values[("granted", "total")] = 5
    assert gapbounds.feasible(SPEC, values)


def test_unknown_cells_on_both_sides_are_bounded_through_other_relations() -> None:
    # the total row and granted's cell both unknown: a column sum with an unknown on each side
    # checks nothing alone, but the total row is 一+二 less 四 (known), and granted its only part
    values = _zeros(new_this_year={"natural_person": 5, "total": 5},
                    results_total={"natural_person": None, "total": None},
                    granted={"natural_person": None, "total": 4})
    assert all(gaps.possible(SPEC, rel, values) for rel in SPEC.relations)
    assert not gapbounds.feasible(SPEC, values)
    values[("granted", "total")] = 5
    assert gapbounds.feasible(SPEC, values)


def test_a_signed_count_is_not_bounded_below() -> None:
    spec = TEMPLATES["2021"].table("proactive")
    assert gapbounds.feasible(spec, {})  # no relation: nothing to break


def test_a_gap_settled_only_by_the_relations_together() -> None:
    # granted printed 25, 3, 1, 0, 5, 34 under seven cells (research_institution's 0 lost);
    # the results total row printed with a blank cell in the same column: each relation alone
    # lets the gap stand at any of the zeros' places or at research_institution, only all of
    # them together settle it
    truth = {"natural_person": 25, "commercial_enterprise": 3, "research_institution": 0,
             "social_welfare_org": 1, "legal_service_org": 0, "other_org": 5, "total": 34}
    known = _zeros(new_this_year=truth, results_total={**truth, "research_institution": None})
    del_granted = {("granted", c) for c in COLUMNS}
    known = {c: v for c, v in known.items() if c not in del_granted}
    gap = gaps.Gap(tuple(("granted", c) for c in COLUMNS), ("25", "3", "1", "0", "5", "34"))
    settled = gaps.settle(SPEC, known, gap)
    assert settled.missing == (("granted", "research_institution"),)
    assert settled.read == {("granted", c): str(v) for c, v in truth.items()
                            if c != "research_institution"}


READ_GAPS = [
    # a row lacking a cell whose placement each relation alone leaves open (a blank cell on
    # the other side of its column sum) and all of them together settle
    pytest.param(Case(3378442704, ("cell_missing",), "html"), id="gap-html"),
    pytest.param(Case(1103474345, ("cell_missing",), "tab_rows"), id="gap-tab-rows"),
    pytest.param(Case(1140222333, ("narrative_states", "header_broken", "extra_table",
                                   "cell_missing"), "docx"), id="gap-docx-combined"),
]


@pytest.mark.parametrize("case", READ_GAPS)
def test_gapped_rows_once_left_blank_are_read_right(case: Case) -> None:
    tally = run_case(case, tries=0).tally
    assert tally is not None
    assert tally.wrong == ()
    assert tally.blank == 0


READ_CAPTIONS = [
    # section 二's labels printed apart and a row lost at a page break: the number-only rows
    # are one fewer than the form's rows, and the table has no arithmetic to place the lost
    # one; under each caption but the one that lost its row, the rows are exactly the caption's
    pytest.param(Case(3151095766, ("page_break_row_lost", "detached_labels"), "docx"),
                 id="caption-rows-docx"),
    pytest.param(Case(3771247564, ("detached_labels", "page_break_row_lost", "narrative_states",
                                   "unit_words"), "cell_per_line"), id="caption-rows-lines"),
    pytest.param(Case(3726713832, ("extra_table", "detached_labels", "page_break_row_lost",
                                   "part_numbering"), "tab_rows"), id="caption-rows-tabs"),
]


@pytest.mark.parametrize("case", READ_CAPTIONS)
def test_number_only_rows_under_a_caption_of_as_many_rows_are_read(case: Case) -> None:
    doc, text, kind = build_case(case)
    result = read_document(text.encode() if isinstance(text, str) else text, kind=kind,
                           warn=False)
    # the first caption's two rows, read by their order under it, each saying so
    regulations = result.report.proactive.row("regulations")
    assert regulations == {c: doc.truth[f"/proactive/regulations/{c}"] for c in regulations}
    assert any(n.code == "row.detached" and "/proactive/regulations/" in " ".join(n.cells)
               for n in result.notices)
    tally = run_case(case, tries=0).tally
    assert tally is not None
    assert tally.wrong == ()
    # what stays blank is the caption that lost a row: its one printed row may be either
    assert tally.blank <= 3


READ_BY_POSITION = [
    # a label with words added, alone between two recognised rows, under a Markdown header
    # that writes a merged cell once: the row was padded with empty cells to the table's
    # width (or holds an empty position between the columns its header names), so it did not
    # "fill" its form row and was not placed by position
    pytest.param(Case(2070400934, ("label_variant",), "markdown"), id="padded-row"),
    pytest.param(Case(825068941, ("label_variant",), "markdown"), id="padded-row-2"),
    pytest.param(Case(3677516666, ("column_order", "heading_typo", "cell_missing",
                                   "label_variant"), "markdown"), id="merged-position"),
    # the last row of section 二 with words added, an extra table of the report's own after
    # it: its rows made the run of unknown labels longer than the one row free at the end
    pytest.param(Case(1571573397, ("title_broken", "extra_table", "label_typo",
                                   "label_variant"), "docx"), id="extra-table-after"),
]


@pytest.mark.parametrize("case", READ_BY_POSITION)
def test_a_row_with_an_unknown_label_is_placed_by_position(case: Case) -> None:
    _doc, text, kind = build_case(case)
    result = read_document(text.encode() if isinstance(text, str) else text, kind=kind,
                           warn=False)
    assert any(n.code == "label.by_position" for n in result.notices)
    assert not any(n.code == "row.missing" for n in result.notices)
    tally = run_case(case, tries=0).tally
    assert tally is not None
    assert tally.wrong == ()
    assert tally.blank == 0


# --- a label printed otherwise among labels printed apart -----------------------------------

APPLICATIONS = TEMPLATES["2019"].table("applications")


def _texts(*texts: str) -> list[Block]:
    return [TextBlock(text=t, location=Location(line=i)) for i, t in enumerate(texts)]


def test_a_paragraph_between_two_labels_apart_names_the_one_row_between_them() -> None:
    first, second, third = APPLICATIONS.rows[:3]
    stream = read_rows(APPLICATIONS, _texts(first.label, second.label + "数量", third.label))
    assert stream.apart == [first.id, second.id, third.id]
    assert len(set(stream.apart_at)) == 1  # one list, nothing among its labels
    assert stream.narrative == []


def test_a_paragraph_where_no_row_or_two_rows_stand_between_is_text() -> None:
    rows = APPLICATIONS.rows
    for labels in ((rows[0], rows[1]), (rows[0], rows[3])):
        stream = read_rows(APPLICATIONS, _texts(labels[0].label, "另行说明", labels[1].label))
        assert stream.apart == [labels[0].id, labels[1].id]
        assert [b.text for b in stream.narrative] == ["另行说明"]
        assert len(set(stream.apart_at)) == 2


def test_two_paragraphs_after_a_label_apart_are_text_in_their_order() -> None:
    rows = APPLICATIONS.rows
    stream = read_rows(APPLICATIONS, _texts(rows[0].label, "甲", "乙", rows[2].label))
    assert [b.text for b in stream.narrative] == ["甲", "乙"]
    assert stream.apart == [rows[0].id, rows[2].id]
    held = read_rows(APPLICATIONS, _texts(rows[0].label, "甲"))
    assert [b.text for b in held.narrative] == ["甲"]  # held to the end: text after all


def test_a_paragraph_after_a_table_is_text_even_between_two_labels() -> None:
    rows = APPLICATIONS.rows
    table = TableBlock(rows=((GridCell(text="x", origin=(0, 0), location=Location()),),),
                       location=Location(table=0))
    blocks = [*_texts(rows[0].label, rows[1].label), table, *_texts("另行说明", rows[3].label)]
    stream = read_rows(APPLICATIONS, blocks)
    assert [b.text for b in stream.narrative] == ["另行说明"]
    assert stream.apart == [rows[0].id, rows[1].id, rows[3].id]


READ_LISTED = [
    # section 三's labels printed apart, one of them with a word added, and a row lost at a
    # page break: the list of labels, cut in two by the label it did not know, could not say
    # which row was lost (the outcome rows all sum into the total: no arithmetic can)
    pytest.param(Case(1904984915, ("page_break_row_lost", "label_variant", "detached_labels",
                                   "two_numbers"), "pipe_rows"), id="listed-variant"),
]


@pytest.mark.parametrize("case", READ_LISTED)
def test_a_list_of_labels_with_one_printed_otherwise_places_the_lost_row(case: Case) -> None:
    tally = run_case(case, tries=0).tally
    assert tally is not None
    assert tally.wrong == ()
    assert tally.blank == 0


def test_a_lost_row_is_placed_by_every_relation_at_once() -> None:
    # section 三's labels printed apart, the row under the first lost at a page break: with
    # the total row lost instead, each relation alone can hold (its cells on one side of 一+二 =
    # （七）+四, on the other of （七） = the outcome rows), but not with one value for each
    # cell; only the first printed row stays open (一 or 二: the other lost, every sum holds)
    case = Case(1017506927, ("two_numbers", "detached_labels", "page_break_row_lost"),
                "pipe_rows")
    doc, text, kind = build_case(case)
    result = read_document(text.encode() if isinstance(text, str) else text, kind=kind,
                           warn=False)
    blank = {p for p, v in doc.truth.items() if p.startswith("/applications/")
             and v is not None and result.report.applications[p.split("/")[2],
                                                              p.split("/")[3]] is None}
    assert {p.split("/")[2] for p in blank} == {"new_this_year"}
    tally = run_case(case, tries=0).tally
    assert tally is not None
    assert tally.wrong == ()
    assert tally.blank == 7
