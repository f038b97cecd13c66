"""The PDF reader on generated PDFs with known content: official tables split across pages."""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gi_report.form import get_template
from gi_report.importers.blocks import ParsedDocument, TableBlock, TextBlock
from gi_report.importers.pdf import parse_pdf
from gi_report.model import Report
from gi_report.synthetic import random_report
from tests.importers.test_docx_layout import (
    Layout,
    LayoutCell,
    assert_grid_matches,
    assert_same_tables,
    official_layout,
)
from tests.importers.test_pdf_writer import HEIGHT, PageSpec, pdf_bytes
from tests.importers.warned import read_warned

SIZE = 7.0  #: font size in tables
LEFT = 40.0
TOP = 60.0



def _wrap(text: str, width: float, size: float) -> list[str]:
    per_line = max(1, int((width - 4) // size))
    out: list[str] = []
    for paragraph in text.split("\n"):
        out.extend(paragraph[i: i + per_line] for i in range(0, max(len(paragraph), 1), per_line))
    return [line for line in out if line] or [""]


def _widths(layout: Layout, total: float = 515.0) -> list[float]:
    if layout.columns == 10:  # section 三: three label columns, seven values
        return [26.0, 64.0, 145.0] + [40.0] * 7
    if layout.columns == 4:
        return [150.0, 120.0, 120.0, 125.0]
    return [total / layout.columns] * layout.columns


def _row_heights(layout: Layout, widths: Sequence[float]) -> list[float]:
    heights = [SIZE * 1.4 + 6] * layout.rows
    for cell in layout.cells:
        if cell.r1 - cell.r0 == 1:
            lines = len(_wrap(cell.text, sum(widths[cell.c0:cell.c1]), SIZE))
            heights[cell.r0] = max(heights[cell.r0], lines * SIZE * 1.3 + 6)
    return heights


def draw_rows(
    page: PageSpec,
    layout: Layout,
    start: int,
    stop: int,
    top: float,
    *,
    split_text: bool = False,
) -> float:
    """Draw rows ``start <= r < stop`` of ``layout`` from ``top``; return the bottom.

    A cell crossing ``start`` or ``stop`` is drawn clipped, as a page break cuts it; its text
    goes on the part holding the cell's first row, or (``split_text``) is shared between the
    parts line by line, as Word does with text that overflows.
    """
    widths = _widths(layout)
    heights = _row_heights(layout, widths)
    xs = [LEFT]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = {start: top}
    for r in range(start, stop):
        ys[r + 1] = ys[r] + heights[r]
    for cell in layout.cells:
        r0, r1 = max(cell.r0, start), min(cell.r1, stop)
        if r0 >= r1:
            continue
        x0, x1, y0, y1 = xs[cell.c0], xs[cell.c1], ys[r0], ys[r1]
        page.rule(x0, y0, x1, y0)
        page.rule(x0, y1, x1, y1)
        page.rule(x0, y0, x0, y1)
        page.rule(x1, y0, x1, y1)
        lines = _wrap(cell.text, x1 - x0, SIZE) if cell.text else []
        if split_text and cell.r0 < start:
            lines = lines[(len(lines) + 1) // 2:]
        elif split_text and cell.r1 > stop:
            lines = lines[: (len(lines) + 1) // 2]
        elif cell.r0 < start:
            lines = []
        room = int((y1 - y0 - 4) // (SIZE * 1.3))
        if len(lines) > room:  # a narrow span: write the rest side by side
            lines = ["".join(lines[i::room]) for i in range(room)] if room else []
        for i, line in enumerate(lines):
            page.text(x0 + 2, y0 + 2 + i * SIZE * 1.3, line, SIZE)
    return ys[stop]


def report_pdf(report: Report, *, break_at: int = 16, split_text: bool = True) -> bytes:
    """A PDF of ``report`` laid out like the template; section 三 breaks before row ``break_at``."""
    return pdf_bytes(report_pages(report, break_at=break_at, split_text=split_text))


def report_pages(report: Report, *, break_at: int = 16, split_text: bool = True
                 ) -> list[PageSpec]:
    """The pages of :func:`report_pdf`, to be changed before they are written."""
    spec = report.template_spec
    layouts = {t.id: official_layout(t, report.table(t.id)) for t in spec.tables}
    pages = [PageSpec(), PageSpec(), PageSpec()]
    first, second, third = pages
    first.text(100, 60, f"{report.metadata.agency}{report.metadata.year}年政府信息公开工作年度报告",
               16)
    first.text(LEFT, 100, report.preamble or "", 10)
    first.text(LEFT + 20, 130, spec.section("overview").heading, 12)
    first.text(LEFT, 150, "本机关认真贯彻落实条例。", 10)
    first.text(LEFT + 20, 180, spec.section("proactive").heading, 12)
    draw_rows(first, layouts["proactive"], 0, layouts["proactive"].rows, 200)
    second.text(LEFT + 20, TOP, spec.section("applications").heading, 12)
    applications = layouts["applications"]
    draw_rows(second, applications, 0, break_at, TOP + 20, split_text=split_text)
    bottom = draw_rows(third, applications, break_at, applications.rows, TOP,
                       split_text=split_text)
    third.text(LEFT + 20, bottom + 20, spec.section("review_litigation").heading, 12)
    bottom = draw_rows(third, layouts["review_litigation"], 0, 4, bottom + 40)
    third.text(LEFT + 20, bottom + 20, spec.section("problems").heading, 12)
    third.text(LEFT, bottom + 40, report.problems.text or "", 10)
    third.text(LEFT + 20, bottom + 60, spec.section("other_matters").heading, 12)
    third.text(LEFT, bottom + 80, report.other_matters.text or "", 10)
    for number, page in enumerate(pages, start=1):
        page.text(280, HEIGHT - 40, f"- {number} -", 10)
    return pages


def tables(parsed: ParsedDocument) -> list[TableBlock]:
    return [b for b in parsed.blocks if isinstance(b, TableBlock)]


@pytest.mark.parametrize(
    ("seed", "break_at", "split_text"),
    [(1, 16, True), (2, 16, False), (3, 10, True), (4, 24, False), (5, 4, True)],
)
def test_generated_report_pdf_grids_match_the_layout(
    seed: int, break_at: int, split_text: bool
) -> None:
    report = random_report(random.Random(seed), template="2021", blank_rate=0.1)
    parsed = parse_pdf(report_pdf(report, break_at=break_at, split_text=split_text))
    blocks = tables(parsed)
    assert len(blocks) == 3, "section 三 is stitched into one table"
    for block, spec in zip(blocks, report.template_spec.tables, strict=True):
        assert_grid_matches(block, official_layout(spec, report.table(spec.id)))
    applications = blocks[1]
    pages = [row[5].location.page for row in applications.rows if row[5] is not None]
    assert pages == [2] * break_at + [3] * (28 - break_at)
    texts = [b.text for b in parsed.blocks if isinstance(b, TextBlock)]
    assert not any(t.startswith("- ") for t in texts), "page numbers are left out"
    for section in report.template_spec.sections:
        assert section.heading in texts


@pytest.mark.parametrize("seed", [21, 22])
def test_read_document_on_generated_pdf_gives_every_value(seed: int, tmp_path: Path) -> None:
    report = random_report(random.Random(seed), template="2021", blank_rate=0.1)
    path = tmp_path / "generated.pdf"
    path.write_bytes(report_pdf(report))
    imported = read_warned(path).report
    assert imported.template == "2021"
    assert imported.metadata.agency == report.metadata.agency
    assert imported.metadata.year == report.metadata.year
    assert_same_tables(imported, report)


def test_repeated_header_rows_on_the_next_page_are_dropped() -> None:
    spec = get_template("2021").table("applications")
    report = random_report(random.Random(9), template="2021")
    layout = official_layout(spec, report.table("applications"))
    first, second = PageSpec(), PageSpec()
    draw_rows(first, layout, 0, 12, TOP)
    header = Layout(rows=3, columns=10, cells=tuple(c for c in layout.cells if c.r1 <= 3))
    bottom = draw_rows(second, header, 0, 3, TOP)
    rest = Layout(
        rows=layout.rows,
        columns=10,
        cells=tuple(c for c in layout.cells if c.r1 > 12),
    )
    draw_rows(second, rest, 12, layout.rows, bottom)
    (block,) = tables(parse_pdf(pdf_bytes([first, second])))
    assert_grid_matches(block, layout)


def test_white_boxes_behind_text_are_not_a_table() -> None:
    page = PageSpec()
    for i in range(5):
        page.boxes.append((50, 100 + 20 * i, 500, 120 + 20 * i, 1.0))
        page.text(52, 102 + 20 * i, f"第{i + 1}行说明文字")
    parsed = parse_pdf(pdf_bytes([page]))
    assert tables(parsed) == []
    assert [b.text for b in parsed.blocks] == ["第1行说明文字第2行说明文字第3行说明文字"
                                               "第4行说明文字第5行说明文字"]


def test_rules_drawn_as_thin_filled_boxes_still_make_a_table() -> None:
    page = PageSpec()
    for y in (100, 120, 140):
        page.boxes.append((50, y - 0.4, 250, y + 0.4, 0.0))
    for x in (50, 150, 250):
        page.boxes.append((x - 0.4, 100, x + 0.4, 140, 0.0))
    for r, y in enumerate((102, 122)):
        for c, x in enumerate((52, 152)):
            page.text(x, y, f"格{r}{c}")
    (block,) = tables(parse_pdf(pdf_bytes([page])))
    assert [[c.text for c in row if c is not None] for row in block.rows] == [
        ["格00", "格01"], ["格10", "格11"]
    ]


def test_borders_drawn_as_polylines_make_a_table() -> None:
    page = PageSpec()
    for y in (100, 120, 140):
        page.polylines.append([(50, y), (150, y), (250, y)])
    for x in (50, 150, 250):
        page.polylines.append([(x, 100), (x, 120), (x, 140)])
    page.polylines.append([(60, 300), (200, 380)])  # a slanted stroke is no border
    for r, y in enumerate((102, 122)):
        for c, x in enumerate((52, 152)):
            page.text(x, y, f"格{r}{c}")
    (block,) = tables(parse_pdf(pdf_bytes([page])))
    assert [[c.text for c in row if c is not None] for row in block.rows] == [
        ["格00", "格01"], ["格10", "格11"]
    ]


def test_a_new_numbered_item_at_the_top_of_the_page_is_not_merged_upwards() -> None:
    # A two-row group cell ends page 1; the next page starts a new group "（五）…" in the same
    # column: the two must stay separate cells.
    cells = (
        LayoutCell(0, 2, 0, 1, "（四）无法提供"), LayoutCell(0, 1, 1, 2, "a"),
        LayoutCell(1, 2, 1, 2, "b"),
        LayoutCell(2, 4, 0, 1, "（五）不予处理"), LayoutCell(2, 3, 1, 2, "c"),
        LayoutCell(3, 4, 1, 2, "d"),
    )
    layout = Layout(rows=4, columns=2, cells=cells)
    first, second = PageSpec(), PageSpec()
    draw_rows(first, layout, 0, 2, TOP)
    draw_rows(second, layout, 2, 4, TOP)
    (block,) = tables(parse_pdf(pdf_bytes([first, second])))
    assert_grid_matches(block, layout)


def test_tables_separated_by_text_are_not_stitched() -> None:
    cells = tuple(LayoutCell(r, r + 1, c, c + 1, f"{r}{c}") for r in range(2) for c in range(3))
    layout = Layout(rows=2, columns=3, cells=cells)
    first, second = PageSpec(), PageSpec()
    draw_rows(first, layout, 0, 2, TOP)
    second.text(LEFT, TOP, "四、政府信息公开行政复议、行政诉讼情况", 12)
    draw_rows(second, layout, 0, 2, TOP + 30)
    assert len(tables(parse_pdf(pdf_bytes([first, second])))) == 2


def test_tables_with_different_columns_are_not_stitched() -> None:
    three = Layout(rows=2, columns=3, cells=tuple(
        LayoutCell(r, r + 1, c, c + 1, f"{r}{c}") for r in range(2) for c in range(3)))
    five = Layout(rows=2, columns=5, cells=tuple(
        LayoutCell(r, r + 1, c, c + 1, f"{r}{c}") for r in range(2) for c in range(5)))
    first, second = PageSpec(), PageSpec()
    draw_rows(first, three, 0, 2, TOP)
    draw_rows(second, five, 0, 2, TOP)
    assert [len(b.rows[0]) for b in tables(parse_pdf(pdf_bytes([first, second])))] == [3, 5]


# --- property: any merge pattern, broken across a page anywhere, comes back whole ---------------


@st.composite
def broken_partitions(draw: st.DrawFn) -> tuple[Layout, int]:
    """A table shaped like the form's, and a page break that no ambiguous cell straddles.

    Label columns on the left hold cells spanning rows; value columns hold one-row cells that
    may span columns, and the first row of each page part has one cell per column (so every
    grid line is drawn on each page, as in any real table). A label cell crossing the break
    spans two rows or more on at least one side: a one-row piece above a one-row piece reads
    the same as two separate cells. A label cell starting right after the break under one of
    the same width, one of them spanning rows, starts with an item number, as the form's group
    labels do (see docs/import-pdf.md).
    """
    rows = draw(st.integers(2, 8))
    labels = draw(st.integers(0, 2))
    values = draw(st.integers(2, 5))
    cut = draw(st.integers(1, rows - 1))
    cells: list[LayoutCell] = []
    for c in range(labels):
        r = 0
        previous: LayoutCell | None = None
        while r < rows:
            height = draw(st.integers(1, rows - r))
            if r < cut < r + height and cut - r == 1 and r + height - cut == 1:
                height = 1
            text = draw(st.sampled_from(["", f"R{r}C{c}", f"R{r}C{c}"]))
            if (
                r == cut
                and previous is not None
                and previous.r1 == cut
                and (previous.r1 - previous.r0 > 1 or height > 1)
            ):
                # Only an item number tells a new cell from the continuation of the one above.
                text = f"（{r}）项"
            previous = LayoutCell(r, r + height, c, c + 1, text)
            cells.append(previous)
            r += height
    for r in range(rows):
        c = labels
        while c < labels + values:
            width = 1 if r in (0, cut) else draw(st.integers(1, labels + values - c))
            text = draw(st.sampled_from(["", str(r * 10 + c), f"V{r}{c}"]))
            cells.append(LayoutCell(r, r + 1, c, c + width, text))
            c += width
    return Layout(rows=rows, columns=labels + values, cells=tuple(cells)), cut


@given(broken_partitions(), st.booleans())
def test_any_merge_pattern_broken_across_pages_is_stitched_whole(
    case: tuple[Layout, int], split_text: bool
) -> None:
    layout, cut = case
    first, second = PageSpec(), PageSpec()
    first.text(LEFT, TOP - 30, "三、收到和处理政府信息公开申请情况", 12)
    draw_rows(first, layout, 0, cut, TOP)
    draw_rows(second, layout, cut, layout.rows, TOP)
    (block,) = tables(parse_pdf(pdf_bytes([first, second])))
    assert_grid_matches(block, layout)
