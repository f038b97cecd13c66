"""Printed rows that went missing and short rows left blank (issue 10): harness cases
(:mod:`benchmarks.fidelity_harness`) whose cells the document prints, now read, never wrong."""

from __future__ import annotations

import pytest

from benchmarks.fidelity_harness import Case, run_case
from gi_report.importers._pdf_tables import Piece, PieceCell, stitch, to_block

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
