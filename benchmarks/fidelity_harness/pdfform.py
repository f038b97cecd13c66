"""The ``pdf`` form: a damaged document printed as a born-digital PDF, the way agencies publish.

Text flows over A4 pages (headings in a larger size, paragraphs with a first-line indent); tables
are ruled, each printed cell a rectangle of its own, so merged cells are drawn merged. A table that
does not fit breaks across the page, sometimes at a row chosen at random, with its header rows
repeated on the next page or not; a merged cell crossing the break is drawn in two pieces, its text
on the first piece or shared between them. Every page carries a page number at its foot, and some
documents a running header (the agency). A paragraph that a damage made page furniture (a table
going on after ``— 3 —``) is printed as a page break. Written with :mod:`.pdfwriter`.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

import attrs

from benchmarks.fidelity_harness.damage import PAGE_FURNITURE
from benchmarks.fidelity_harness.document import Cell, Document, Heading, Paragraph, TableBlock
from benchmarks.fidelity_harness.forms import _placed
from benchmarks.fidelity_harness.pdfwriter import HEIGHT, PageSpec, pdf_bytes

LEFT, RIGHT = 50.0, 545.0  #: the text block's margins
TOP, BOTTOM = 80.0, 740.0  #: below the running header, above the page number
TEXT_SIZE, HEADING_SIZE, TITLE_SIZE = 10.0, 12.0, 16.0
TABLE_SIZES = (7.5, 7.0, 6.0, 5.0, 4.5, 4.0, 3.5)  #: a table's font, the largest that fits
FURNITURE = re.compile("|".join(re.escape(f).replace(re.escape("{}"), r"\d+")
                                for f in PAGE_FURNITURE))


@attrs.define
class _Style:
    """What varies between documents: where tables break and how the pages are decorated."""

    repeat_header: bool
    split_text: bool
    forced_break: float  #: chance that a form table breaks at a random body row
    page_number: str
    running_header: str | None


class _Pages:
    """The pages written so far and where the next line goes."""

    def __init__(self) -> None:
        self.pages: list[PageSpec] = [PageSpec()]
        self.y = TOP

    @property
    def page(self) -> PageSpec:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append(PageSpec())
        self.y = TOP

    def room(self, height: float) -> None:
        """Go to the next page unless ``height`` fits below the current line."""
        if self.y + height > BOTTOM and self.y > TOP:
            self.new_page()


def _chunks(text: str, per_line: int) -> list[str]:
    out: list[str] = []
    for part in text.split("\n"):
        out += [part[i:i + per_line] for i in range(0, max(len(part), 1), per_line)]
    return out


def _text(pages: _Pages, text: str, size: float, *, indent: float = 2.0,
          centred: bool = False) -> None:
    """One paragraph, wrapped at the right margin (every glyph of the font is one em wide)."""
    width = RIGHT - LEFT
    first = max(1, int((width - indent * size) // size))
    rest = _chunks(text[first:], int(width // size)) if text[first:] else []
    lines = [text[:first], *rest]
    for i, line in enumerate(lines):
        pages.room(size * 1.6)
        if centred:
            x = LEFT + (width - len(line) * size) / 2
        else:
            x = LEFT + (indent * size if i == 0 else 0.0)
        if line:
            pages.page.text(x, pages.y, line, size)
        pages.y += size * 1.6
    pages.y += size * 0.4


# --- tables --------------------------------------------------------------------------------------


@attrs.define
class _Grid:
    """A table's printed cells placed on the grid, with column widths and row heights."""

    placed: list[tuple[int, int, Cell]]
    rows: int
    widths: list[float]
    heights: list[float]
    size: float
    header_rows: int  #: leading rows of header cells only (repeated after a page break)


def _lines(cell: Cell, width: float, size: float) -> list[str]:
    return _chunks(cell.text, max(1, int((width - 4) // size))) if cell.text else []


def _widths(placed: Sequence[tuple[int, int, Cell]], columns: int,
            size: float) -> list[float] | None:
    """Column widths filling the text block: a value never wraps; labels share what is left,
    in proportion to their length. None when the values do not fit at this size."""
    least = [2 * size + 6] * columns
    want = [1.0] * columns
    for _, c, cell in placed:
        if cell.colspan != 1:
            continue
        longest = max((len(part) for part in cell.text.split("\n")), default=0)
        if not cell.header:
            least[c] = max(least[c], longest * size + 6)
        want[c] = max(want[c], float(len(cell.text)))
    spare = (RIGHT - LEFT) - sum(least)
    if spare < 0:
        return None
    total = sum(want)
    return [w + spare * x / total for w, x in zip(least, want, strict=True)]


def _heights(placed: Sequence[tuple[int, int, Cell]], rows: int, widths: Sequence[float],
             size: float) -> list[float]:
    """Each row tall enough for its cells' lines; a merged cell's lines stretch its last row."""
    heights = [size * 1.4 + 6] * rows
    for r, c, cell in sorted(placed, key=lambda p: p[2].rowspan):
        lines = len(_lines(cell, sum(widths[c:c + cell.colspan]), size))
        need = lines * size * 1.3 + 6
        have = sum(heights[r:r + cell.rowspan])
        if need > have:
            heights[r + cell.rowspan - 1] += need - have
    return heights


def _grid(table: TableBlock, widths: list[float] | None) -> _Grid:
    placed, columns = _placed(table)
    size = TABLE_SIZES[-1]
    for size in TABLE_SIZES:
        fitted = _widths(placed, columns, size)
        if fitted is not None:
            widths = widths if widths is not None and len(widths) == columns else fitted
            break
    else:
        widths = widths or [(RIGHT - LEFT) / columns] * columns
    rows = len(table.rows)
    return _Grid(placed, rows, widths, _heights(placed, rows, widths, size), size,
                 _header_rows(table))


def _header_rows(table: TableBlock) -> int:
    """How many leading rows hold header cells only."""
    count = 0
    while count < len(table.rows) and all(c.header for c in table.rows[count].cells):
        count += 1
    return count


def _draw_part(page: PageSpec, grid: _Grid, tops: dict[int, float], split_text: bool) -> None:
    """Draw the cells of the rows in ``tops`` (row → top on this page), clipped to them."""
    xs = [LEFT]
    for w in grid.widths:
        xs.append(xs[-1] + w)
    for r0, c0, cell in grid.placed:
        shown = [r for r in range(r0, r0 + cell.rowspan) if r in tops]
        if not shown:
            continue
        first, last = shown[0], shown[-1]
        x0, x1 = xs[c0], xs[min(c0 + cell.colspan, len(xs) - 1)]
        y0, y1 = tops[first], tops[last] + grid.heights[last]
        for a, b, c, d in ((x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1),
                           (x1, y0, x1, y1)):
            page.rule(a, b, c, d)
        lines = _lines(cell, x1 - x0, grid.size)
        if first > r0:  # the piece after a page break
            lines = lines[(len(lines) + 1) // 2:] if split_text else []
        elif last < r0 + cell.rowspan - 1 and split_text:
            lines = lines[:(len(lines) + 1) // 2]
        for i, line in enumerate(lines):
            page.text(x0 + 2, y0 + 2 + i * grid.size * 1.3, line, grid.size)


def _table(pages: _Pages, table: TableBlock, style: _Style, rng: random.Random,
           widths: list[float] | None, header: TableBlock | None) -> list[float]:
    """Print a ruled table, breaking it across pages; return its column widths (a part after
    page furniture is printed with the widths of the part before it)."""
    if header is not None and style.repeat_header:
        table = TableBlock(header.rows[:_header_rows(header)] + table.rows, table.spec)
    grid = _grid(table, widths)
    forced = None
    if table.spec is not None and grid.rows - grid.header_rows > 2 \
            and rng.random() < style.forced_break:
        forced = rng.randrange(grid.header_rows + 1, grid.rows)
    pages.y += 4
    tops: dict[int, float] = {}
    for r in range(grid.rows):
        if (r == forced or pages.y + grid.heights[r] > BOTTOM) and tops:
            _draw_part(pages.page, grid, tops, style.split_text)
            pages.new_page()
            tops = {}
            if style.repeat_header and r >= grid.header_rows > 0:
                for h in range(grid.header_rows):
                    tops[h] = pages.y
                    pages.y += grid.heights[h]
        tops[r] = pages.y
        pages.y += grid.heights[r]
    _draw_part(pages.page, grid, tops, style.split_text)
    pages.y += TEXT_SIZE
    return grid.widths


def _furniture(pages: list[PageSpec], style: _Style) -> None:
    for number, page in enumerate(pages, start=1):
        text = style.page_number.format(number)
        page.text((LEFT + RIGHT - len(text) * TEXT_SIZE) / 2, HEIGHT - 50, text, TEXT_SIZE)
        if style.running_header:
            page.text(LEFT, 40, style.running_header, 9)


def pdf(doc: Document, rng: random.Random) -> tuple[bytes, str]:
    """The document as a PDF with ruled tables broken across pages, and page furniture."""
    style = _Style(repeat_header=rng.random() < 0.5, split_text=rng.random() < 0.5,
                   forced_break=rng.choice((0.0, 0.3, 0.7)),
                   page_number=rng.choice(PAGE_FURNITURE),
                   running_header=str(doc.truth["/metadata/agency"])
                   if rng.random() < 0.3 else None)
    pages = _Pages()
    widths: list[float] | None = None
    previous: TableBlock | None = None
    after_break = False
    for block in doc.blocks:
        if isinstance(block, TableBlock):
            same = previous is not None and after_break and previous.spec is block.spec
            widths = _table(pages, block, style, rng, widths if same else None,
                            previous if same else None)
            previous, after_break = block, False
        elif isinstance(block, Paragraph) and FURNITURE.fullmatch(block.text):
            pages.new_page()  # the damage's page furniture: the page number says it
            after_break = True
        elif isinstance(block, Heading):
            size = TITLE_SIZE if block.level == 1 else HEADING_SIZE if block.level == 2 else \
                TEXT_SIZE
            pages.y += size * 0.5
            _text(pages, block.text, size, centred=block.level == 1)
            previous = None
        else:
            for line in block.text.split("\n"):
                _text(pages, line, TEXT_SIZE)
            previous = None
    _furniture(pages.pages, style)
    return pdf_bytes(pages.pages), "pdf"
