"""Unit tests of the PDF reader's geometry: spacing, paragraphs, furniture, rulings, stitching."""

from __future__ import annotations

from typing import Any

import pytest

from gi_report.importers._pdf_tables import Piece, PieceCell, ruling_edges, stitch, to_block
from gi_report.importers._pdf_text import (
    Line,
    furniture,
    is_page_number,
    join_wrapped,
    line_text,
    make_lines,
    starts_paragraph,
)
from gi_report.importers.blocks import TableBlock


def char(text: str, x0: float, top: float = 100.0, size: float = 10.0,
         width: float | None = None) -> dict[str, Any]:
    w = size if width is None else width
    return {"text": text, "x0": x0, "x1": x0 + w, "top": top, "bottom": top + size, "size": size}


def run(text: str, x0: float, top: float = 100.0, size: float = 10.0,
        width: float | None = None) -> list[dict[str, Any]]:
    w = size if width is None else width
    return [char(t, x0 + i * w, top, size, w) for i, t in enumerate(text)]


# --- spacing ------------------------------------------------------------------------------------


def test_typesetting_gap_between_digits_and_chinese_is_not_a_space() -> None:
    chars = run("2024", 0, width=5) + run("年", 24)  # 4 pt gap: WPS "autospace"
    assert line_text(chars) == "2024年"


def test_gap_between_latin_words_is_a_space() -> None:
    chars = run("Page", 0, width=5) + run("3", 24, width=5)
    assert line_text(chars) == "Page 3"


def test_wide_gap_is_a_space_in_any_script() -> None:
    chars = run("淮安市人民政府", 0) + run("2025年2月25日", 300)
    assert line_text(chars) == "淮安市人民政府 2025年2月25日"


def test_justified_chinese_letter_spacing_is_not_a_space() -> None:
    chars = [char("结", 0), char("果", 14)]  # 4 pt gap inside a cell
    assert line_text(chars) == "结果"


def test_real_space_characters_are_kept_once() -> None:
    chars = [*run("a", 0, width=5), char(" ", 5, width=3), *run("b", 20, width=5)]
    assert line_text(chars) == "a b"


def test_characters_group_into_lines_top_to_bottom_then_left_to_right() -> None:
    chars = run("第二行", 0, top=130) + run("第一行", 0, top=100) + [char("尾", 40, top=101)]
    lines = make_lines(chars, page=3)
    assert [(line.text, line.number, line.page) for line in lines] == [
        ("第一行尾", 1, 3), ("第二行", 2, 3)
    ]


def test_soft_wrapped_lines_join_without_spaces_next_to_chinese() -> None:
    assert join_wrapped(["信息公开条例》（国令第", "711号）"]) == "信息公开条例》（国令第711号）"
    assert join_wrapped(["hazwgkc@163.com", "and more"]) == "hazwgkc@163.com and more"


# --- paragraphs and furniture -----------------------------------------------------------------


def line(text: str, x0: float, x1: float, top: float, page: int = 1, number: int = 1,
         size: float = 16.0) -> Line:
    return Line(page=page, number=number, x0=x0, x1=x1, top=top, bottom=top + size, size=size,
                text=text)


def test_paragraph_breaks() -> None:
    full = line("正文", 74, 518, 100)
    assert not starts_paragraph(full, line("续行", 74, 518, 128), 74, 518)
    assert starts_paragraph(full, line("缩进", 106, 518, 128), 74, 518), "first-line indent"
    assert starts_paragraph(line("短行。", 74, 200, 100), line("下段", 74, 518, 128), 74, 518)
    assert starts_paragraph(full, line("标题", 74, 518, 128, size=22), 74, 518), "size change"
    assert starts_paragraph(full, line("远处", 74, 518, 180), 74, 518), "a blank line between"
    assert not starts_paragraph(full, line("次页续", 74, 518, 80, page=2), 74, 518)


@pytest.mark.parametrize("text", ["- 3 -", "— 12 —", "3", "第3页", "第 3 页 共 6 页", "3/6",
                                  "Page 2 of 9"])
def test_page_numbers(text: str) -> None:
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["一、总体情况", "2024年", "3119件", "第三条"])
def test_not_page_numbers(text: str) -> None:
    assert not is_page_number(text)


def test_furniture_is_page_numbers_and_running_headers_in_the_margins() -> None:
    heights = {1: 842.0, 2: 842.0, 3: 842.0}
    lines = [
        line("淮安市人民政府2024年报告", 100, 400, 30, page=p, number=1) for p in (1, 2, 3)
    ] + [
        line(f"- {p} -", 280, 300, 800, page=p, number=9) for p in (1, 2, 3)
    ] + [
        line("正文第一行", 74, 518, 100, page=1, number=2),
        line("只在第一页页眉的标题", 100, 400, 40, page=1, number=3),
        line("2024年", 74, 300, 810, page=3, number=10),  # a footer-zone line, not repeated
    ]
    marked = furniture(lines, heights)
    assert marked == {(p, 1) for p in (1, 2, 3)} | {(p, 9) for p in (1, 2, 3)}


# --- rulings -------------------------------------------------------------------------------------


def rect(x0: float, top: float, x1: float, bottom: float, **extra: Any) -> dict[str, Any]:
    return {"x0": x0, "top": top, "x1": x1, "bottom": bottom, **extra}


def test_ruling_edges_keep_what_is_drawn_and_ignore_invisible_boxes() -> None:
    lines = [
        rect(0, 10, 100, 10, stroking_color=(0, 0, 0)),
        rect(0, 10, 0, 90, stroking_color=None),
        rect(0, 0, 50, 50, stroking_color=(0, 0, 0)),  # diagonal
        rect(0, 20, 100, 20, stroking_color=(1, 1, 1)),  # white
    ]
    rects = [
        rect(0, 0, 200, 30, fill=True, stroke=False, non_stroking_color=(1.0,)),  # white box
        rect(0, 0, 200, 30, fill=True, stroke=False,
             non_stroking_color=(0.776, 0.851, 0.945)),  # shading
        rect(0, 40, 200, 40.5, fill=True, stroke=False, non_stroking_color=(0,)),  # a rule
        rect(10, 50, 60, 90, fill=False, stroke=True, stroking_color=(0, 0, 0, 1)),  # a frame
        rect(10, 50, 60, 90, fill=False, stroke=True, stroking_color=(0, 0, 0, 0)),  # CMYK white
    ]
    edges = ruling_edges(lines, rects)
    summary = sorted((e["orientation"], round(e["x0"], 1), round(e["top"], 2)) for e in edges)
    assert summary == [
        ("h", 0.0, 10.0), ("h", 0.0, 40.25), ("h", 10.0, 50.0), ("h", 10.0, 90.0),
        ("v", 0.0, 10.0), ("v", 10.0, 50.0), ("v", 60.0, 50.0),
    ]


# --- stitching ------------------------------------------------------------------------------------


def piece(page: int, left: float, borders: list[float], cells: list[PieceCell],
          rows: int) -> Piece:
    shift = left - borders[0]
    return Piece(page=page, last_page=page, top=80.0, left=left, right=borders[-1] + shift,
                 boundaries=[b + shift for b in borders], row_pages=[page] * rows,
                 cells=[PieceCell(r0=c.r0, r1=c.r1, x0=c.x0 + shift, x1=c.x1 + shift,
                                  text=c.text) for c in cells])


def cells_of(rows: list[list[str]], borders: list[float]) -> list[PieceCell]:
    return [PieceCell(r0=r, r1=r + 1, x0=borders[c], x1=borders[c + 1], text=text)
            for r, row in enumerate(rows) for c, text in enumerate(row)]


def test_stitching_aligns_pages_with_different_margins() -> None:
    borders = [0.0, 100.0, 150.0, 200.0]
    first = piece(4, 72, borders, cells_of([["甲", "1", "2"]], borders), 1)
    second = piece(5, 90, borders, cells_of([["乙", "3", "4"]], borders), 1)  # mirrored margins
    joined = stitch(first, second)
    assert joined is not None
    block = to_block(joined, 0, "x.pdf")
    assert [[c.text for c in row if c] for row in block.rows] == [["甲", "1", "2"],
                                                                   ["乙", "3", "4"]]
    assert [row[0].location.page for row in block.rows if row[0]] == [4, 5]


def test_stitching_refuses_a_table_of_another_width() -> None:
    borders = [0.0, 100.0, 150.0, 200.0]
    wide = [0.0, 100.0, 150.0, 300.0]
    first = piece(4, 72, borders, cells_of([["甲", "1", "2"]], borders), 1)
    second = piece(5, 72, wide, cells_of([["乙", "3", "4"]], wide), 1)
    assert stitch(first, second) is None


def test_stitching_merges_a_group_cell_running_over_the_break() -> None:
    borders = [0.0, 50.0, 150.0, 200.0]
    first_cells = [PieceCell(r0=0, r1=2, x0=0, x1=50, text="（四）无"),
                   *cells_of([["x", "1", "1"], ["x", "2", "2"]], borders)[1:3],
                   *cells_of([["x", "1", "1"], ["x", "2", "2"]], borders)[4:6]]
    second_cells = [PieceCell(r0=0, r1=1, x0=0, x1=50, text="法提供"),
                    *cells_of([["x", "3", "3"]], borders)[1:]]
    joined = stitch(piece(4, 72, borders, first_cells, 2), piece(5, 72, borders, second_cells, 1))
    assert joined is not None
    block = to_block(joined, 0, None)
    assert {row[0].origin for row in block.rows if row[0]} == {(0, 0)}
    assert block.rows[2][0] is not None and block.rows[2][0].text == "（四）无\n法提供"


def _header_ending_page(values: list[str]) -> TableBlock:
    """Header cells two rows high (under a group label) ending page 4; a data row printing
    ``values`` starting page 5; stitched and read as one block."""
    borders = [0.0, 50.0, 100.0, 150.0]
    top = [PieceCell(r0=0, r1=1, x0=0, x1=150, text="甲组")]
    heads = [PieceCell(r0=1, r1=3, x0=borders[c], x1=borders[c + 1], text=t)
             for c, t in enumerate(("甲", "乙", "丙"))]
    first = piece(4, 72, borders, [*top, *heads], 3)
    second = piece(5, 72, borders, cells_of([values], borders), 1)
    joined = stitch(first, second)
    assert joined is not None
    return to_block(joined, 0, None)


def test_stitching_keeps_a_value_row_apart_from_header_cells_ending_the_page() -> None:
    # header cells two rows high end page 4; the data row under them starts page 5: its
    # numbers are values of their own, not the rest of the header's labels
    block = _header_ending_page(["2", "—", "4"])
    assert [c.text for c in block.rows[3] if c] == ["2", "—", "4"]
    assert [c.text for c in block.rows[2] if c] == ["甲", "乙", "丙"]


def test_stitching_still_joins_a_label_running_over_the_break_into_text() -> None:
    borders = [0.0, 50.0, 100.0]
    first = piece(4, 72, borders, [PieceCell(r0=0, r1=2, x0=0, x1=50, text="一二"),
                                   PieceCell(r0=0, r1=2, x0=50, x1=100, text="5")], 2)
    second = piece(5, 72, borders, cells_of([["三四", "6"]], borders), 1)
    joined = stitch(first, second)
    assert joined is not None
    block = to_block(joined, 0, None)
    cell = block.rows[2][0]
    assert cell is not None and cell.text == "一二\n三四"


def test_stitching_keeps_a_blank_value_apart_from_header_cells_ending_the_page() -> None:
    # as above, one value blank: the data row's other cells are values under the header's
    # labels, so its empty cell is a blank value, not the rest of 乙 (a section 四 split from
    # its header read 乙 as that row's value, the row unplaced)
    block = _header_ending_page(["2", "", "4"])
    assert [c.text if c else None for c in block.rows[3]] == ["2", "", "4"]
    assert [c.origin for c in block.rows[3] if c] == [(3, 0), (3, 1), (3, 2)]


def test_stitching_still_merges_an_empty_label_piece_beside_values() -> None:
    # a label two rows high ends page 4 beside values; page 5's first row has an empty cell
    # under it and values under values: no value stands under a label, so the empty cell is
    # still the label's rest (its text fitted on page 4)
    borders = [0.0, 50.0, 150.0, 200.0]
    first_cells = [PieceCell(r0=0, r1=2, x0=0, x1=50, text="（四）无法提供"),
                   *cells_of([["x", "1", "1"], ["x", "2", "2"]], borders)[1:3],
                   *cells_of([["x", "1", "1"], ["x", "2", "2"]], borders)[4:6]]
    second = piece(5, 72, borders, cells_of([["", "3", "3"]], borders), 1)
    joined = stitch(piece(4, 72, borders, first_cells, 2), second)
    assert joined is not None
    block = to_block(joined, 0, None)
    assert block.rows[2][0] is not None and block.rows[2][0].origin == (0, 0)
