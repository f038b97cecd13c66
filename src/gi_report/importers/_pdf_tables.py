"""PDF tables: ruling lines into cell grids, pieces stitched across page breaks, grids expanded.

A table is found from the lines actually drawn (invisible white boxes that some converters put
behind paragraphs are ignored). Each cell's bounding box says which grid rows and columns it
covers, so a merged cell is known from the geometry (pdfplumber's ``None`` for covered positions
is never guessed at). A table that ends a page and one that starts the next page, with nothing
but page furniture between them and compatible columns, are stitched into one grid.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs
from pdfplumber.table import (
    cells_to_tables,
    edges_to_intersections,
    intersections_to_cells,
    merge_edges,
)

from gi_report.importers._pdf_text import Char, cell_text
from gi_report.importers.blocks import GridCell, Location, TableBlock
from gi_report.importers.values import looks_like_value

SNAP = 1.0
"""Parallel ruling lines closer than this (points) are one line (kept small: snapping averages
positions, and a wide tolerance would pull the borders of neighbouring tables together)."""

TOLERANCE = 3.0
"""Collinear segments with gaps shorter than this (points) are joined; lines that miss each
other by less than this still cross."""

MIN_EDGE = 3.0
"""Shortest ruling line segment (points) that counts as a cell border."""

THIN = 2.0
"""A filled rectangle thinner than this (points) is a ruling line drawn as a rectangle."""

ALIGN = 2.0
"""Column borders of two table pieces within this many points are the same border."""

EDGE_FIT = 4.0
"""Two pieces of one table have widths within this many points of each other."""

MAX_INTERSECTIONS = 4_000
"""Most ruling-line crossings on one page (the form's largest table has about 330)."""

_MARKER = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、.．]|\d+[.、．])"
)


class TooManyRulingsError(Exception):
    """A page's ruling lines cross more often than :data:`MAX_INTERSECTIONS`."""

    def __init__(self, count: int) -> None:
        self.count = count
        super().__init__(count)


@attrs.define(kw_only=True)
class PieceCell:
    """One cell of a table piece: the grid rows it covers and its horizontal extent."""

    r0: int  #: first grid row covered
    r1: int  #: one past the last grid row covered
    x0: float
    x1: float
    text: str


@attrs.define(kw_only=True)
class Piece:
    """A table found on one page, or several such tables stitched across page breaks."""

    page: int  #: 1-based page of the first row
    last_page: int  #: 1-based page of the last row
    top: float  #: top of the first row on ``page``
    left: float
    right: float
    boundaries: list[float]  #: column borders, left to right
    row_pages: list[int]  #: the page of each grid row
    cells: list[PieceCell]

    @property
    def rows(self) -> int:
        """Number of grid rows."""
        return len(self.row_pages)


def _visible(color: Any) -> bool:
    """Whether a stroke or fill colour shows on white paper (white and no-colour do not)."""
    if color is None:
        return True
    if isinstance(color, (int, float)):
        color = (color,)
    if not isinstance(color, (tuple, list)) or not color:
        return True
    try:
        values = [float(v) for v in color]
    except (TypeError, ValueError):
        return True  # a pattern or a named colour space: assume it shows
    if len(values) == 1:
        return values[0] < 0.95
    if len(values) == 3:
        return min(values) < 0.95
    if len(values) == 4:
        return max(values) > 0.05
    return True


def _edge(orientation: str, x0: float, x1: float, top: float, bottom: float) -> dict[str, Any]:
    return {
        "object_type": "line",
        "orientation": orientation,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
    }


def ruling_edges(
    lines: Iterable[Mapping[str, Any]],
    rects: Iterable[Mapping[str, Any]],
    curves: Iterable[Mapping[str, Any]] = (),
) -> list[dict[str, Any]]:
    """Horizontal and vertical border segments of the lines and rectangles actually drawn.

    Kept: straight axis-parallel lines in a visible colour; the four sides of rectangles stroked
    in a visible colour; filled rectangles thinner than :data:`THIN` (rules drawn as boxes); the
    axis-parallel segments of stroked polylines (borders drawn as one path). Ignored: white or
    unfilled boxes (invisible frames), wide filled boxes (shading), slanted segments.
    """
    edges: list[dict[str, Any]] = []
    for line in lines:
        edges += _line_edges(line)
    for rect in rects:
        edges += _rect_edges(rect)
    for curve in curves:
        edges += _curve_edges(curve)
    return edges


def _segment(ax: float, ay: float, bx: float, by: float) -> list[dict[str, Any]]:
    """The segment from (ax, ay) to (bx, by) as a border, if it is (nearly) horizontal or
    vertical and not a point; ``[]`` otherwise."""
    if abs(ay - by) <= 1.0 and ax != bx:
        middle = (ay + by) / 2
        return [_edge("h", min(ax, bx), max(ax, bx), middle, middle)]
    if abs(ax - bx) <= 1.0 and ay != by:
        middle = (ax + bx) / 2
        return [_edge("v", middle, middle, min(ay, by), max(ay, by))]
    return []


def _line_edges(line: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A straight line in a visible colour, if axis-parallel (within a point)."""
    if not _visible(line.get("stroking_color")):
        return []
    x0, x1, top, bottom = line["x0"], line["x1"], line["top"], line["bottom"]
    if bottom - top <= 1.0 and x1 - x0 > 0:
        middle = (top + bottom) / 2
        return [_edge("h", x0, x1, middle, middle)]
    if x1 - x0 <= 1.0 and bottom - top > 0:
        middle = (x0 + x1) / 2
        return [_edge("v", middle, middle, top, bottom)]
    return []


def _rect_edges(rect: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The four sides of a visibly stroked rectangle, or the rule a thin filled one draws."""
    x0, x1, top, bottom = rect["x0"], rect["x1"], rect["top"], rect["bottom"]
    width, height = x1 - x0, bottom - top
    if rect.get("stroke") and _visible(rect.get("stroking_color")):
        return [
            _edge("h", x0, x1, top, top),
            _edge("h", x0, x1, bottom, bottom),
            _edge("v", x0, x0, top, bottom),
            _edge("v", x1, x1, top, bottom),
        ]
    if not (rect.get("fill") and _visible(rect.get("non_stroking_color"))):
        return []
    if height <= THIN and width > height:
        middle = (top + bottom) / 2
        return [_edge("h", x0, x1, middle, middle)]
    if width <= THIN and height > width:
        middle = (x0 + x1) / 2
        return [_edge("v", middle, middle, top, bottom)]
    return []


def _curve_edges(curve: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The axis-parallel segments of a visibly stroked path (a closed path's closing one too)."""
    if not curve.get("stroke") or not _visible(curve.get("stroking_color")):
        return []
    points = list(curve.get("pts") or [])
    path = curve.get("path") or []
    if points and path and path[-1][0] == "h":
        points.append(points[0])  # the closing segment of a closed path
    edges: list[dict[str, Any]] = []
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        edges += _segment(ax, ay, bx, by)
    return edges


def _cluster(values: Iterable[float], tolerance: float) -> list[float]:
    """Sorted values with runs closer than ``tolerance`` replaced by their mean."""
    out: list[list[float]] = []
    for value in sorted(values):
        if out and value - out[-1][-1] <= tolerance:
            out[-1].append(value)
        else:
            out.append([value])
    return [sum(group) / len(group) for group in out]


def _nearest(borders: Sequence[float], value: float) -> int:
    """Index of the border nearest to ``value``."""
    i = bisect.bisect_left(borders, value)
    if i == 0:
        return 0
    if i == len(borders):
        return len(borders) - 1
    return i if borders[i] - value < value - borders[i - 1] else i - 1


def find_pieces(
    edges: list[dict[str, Any]], chars: Sequence[Char], page: int
) -> tuple[list[Piece], set[int]]:
    """The ruled tables of one page and the indices of ``chars`` that fall inside their cells.

    A table has two grid cells or more (a single row of cells, the last row of a table carried
    over to a new page, counts); a single box drawn around a paragraph is not a table.
    Raises :class:`TooManyRulingsError` past :data:`MAX_INTERSECTIONS` crossings.
    """
    if sum(e["orientation"] == "v" for e in edges) < 2:
        return [], set()
    if sum(e["orientation"] == "h" for e in edges) < 2:
        return [], set()
    merged = merge_edges(edges, SNAP, SNAP, TOLERANCE, TOLERANCE)
    merged = [
        e for e in merged
        if (e["x1"] - e["x0"] if e["orientation"] == "h" else e["bottom"] - e["top"]) >= MIN_EDGE
    ]
    crossings = edges_to_intersections(merged, TOLERANCE, TOLERANCE)
    if len(crossings) > MAX_INTERSECTIONS:
        raise TooManyRulingsError(len(crossings))
    tables = cells_to_tables(intersections_to_cells(crossings))
    pieces: list[Piece] = []
    used: set[int] = set()
    for boxes in tables:
        piece = _piece(boxes, chars, page, used)
        if piece is not None:
            pieces.append(piece)
    return pieces, used


def _piece(
    boxes: Sequence[tuple[float, float, float, float]],
    chars: Sequence[Char],
    page: int,
    used: set[int],
) -> Piece | None:
    """One table's cell boxes as a :class:`Piece`, taking the characters inside its cells."""
    xs = _cluster((v for b in boxes for v in (b[0], b[2])), 1.0)
    ys = _cluster((v for b in boxes for v in (b[1], b[3])), 1.0)
    if len(xs) < 2 or len(ys) < 2 or len(xs) + len(ys) < 5:
        return None  # a single box around a paragraph is not a table
    spans, owner = _spans(boxes, xs, ys)
    texts = _cell_chars(chars, used, xs, ys, owner, len(spans))
    left, right, top = xs[0], xs[-1], ys[0]
    cells = [
        PieceCell(r0=r0, r1=r1, x0=xs[c0], x1=xs[c1], text=cell_text(texts[i]))
        for i, (r0, r1, c0, c1) in enumerate(spans)
    ]
    return Piece(
        page=page,
        last_page=page,
        top=top,
        left=left,
        right=right,
        boundaries=list(xs),
        row_pages=[page] * (len(ys) - 1),
        cells=cells,
    )


def _spans(
    boxes: Sequence[tuple[float, float, float, float]], xs: Sequence[float], ys: Sequence[float]
) -> tuple[list[tuple[int, int, int, int]], dict[tuple[int, int], int]]:
    """Each box's grid rows and columns ``(r0, r1, c0, c1)`` (boxes that cover no grid cell
    left out), and the span owning each grid position (the first box covering it)."""
    spans: list[tuple[int, int, int, int]] = []
    owner: dict[tuple[int, int], int] = {}
    for box in boxes:
        c0, c1 = _nearest(xs, box[0]), _nearest(xs, box[2])
        r0, r1 = _nearest(ys, box[1]), _nearest(ys, box[3])
        if c1 <= c0 or r1 <= r0:
            continue
        index = len(spans)
        spans.append((r0, r1, c0, c1))
        for r in range(r0, r1):
            for c in range(c0, c1):
                owner.setdefault((r, c), index)
    return spans, owner


def _cell_chars(
    chars: Sequence[Char],
    used: set[int],
    xs: Sequence[float],
    ys: Sequence[float],
    owner: Mapping[tuple[int, int], int],
    count: int,
) -> list[list[Char]]:
    """The characters (not yet ``used``) whose centre falls in each of the ``count`` spans;
    their indices are added to ``used``."""
    texts: list[list[Char]] = [[] for _ in range(count)]
    left, right, top, bottom = xs[0], xs[-1], ys[0], ys[-1]
    for i, char in enumerate(chars):
        if i in used:
            continue
        x = (char["x0"] + char["x1"]) / 2
        y = (char["top"] + char["bottom"]) / 2
        if not (left < x < right and top < y < bottom):
            continue
        c = bisect.bisect_right(xs, x) - 1
        r = bisect.bisect_right(ys, y) - 1
        index_of = owner.get((r, c))
        if index_of is not None:
            texts[index_of].append(char)
            used.add(i)
    return texts


def _matches(smaller: Sequence[float], larger: Sequence[float]) -> bool:
    return all(any(abs(x - y) <= ALIGN for y in larger) for x in smaller)


def _key(piece: Piece, borders: Sequence[float], rows: int) -> list[tuple[int, int, int, int, str]]:
    """The cells of the first ``rows`` rows in comparable form, or ``[]`` if a cell crosses."""
    out = []
    for cell in piece.cells:
        if cell.r0 < rows:
            if cell.r1 > rows:
                return []
            out.append(
                (cell.r0, cell.r1, _nearest(borders, cell.x0), _nearest(borders, cell.x1),
                 re.sub(r"\s+", "", cell.text))
            )
    return sorted(out)


def _repeated_header(first: Piece, second: Piece, borders: Sequence[float]) -> int:
    """How many of ``second``'s top rows repeat ``first``'s header rows exactly (0 if none)."""
    for rows in range(min(first.rows, second.rows - 1, 6), 0, -1):
        mine = _key(first, borders, rows)
        if mine and any(text for *_, text in mine) and mine == _key(second, borders, rows):
            return rows
    return 0


def stitch(first: Piece, second: Piece) -> Piece | None:
    """``second`` (starting a page) appended to ``first`` (ending the page before), or ``None``.

    The pieces must have the same width and the column borders of one must all be borders of
    the other (after aligning their left edges, as margins may differ between pages). Header
    rows that ``second`` repeats are dropped. A cell of ``second``'s first row continues the
    cell above it (one merged span, texts joined by a line break) when both have the same
    column extent, at least one of them spans several rows on its page, and the lower one does
    not start with a new item's number (``（五）``, ``2.``…); otherwise the cells stay apart.
    """
    shift = first.left - second.left
    if not _compatible(first, second, shift):
        return None
    shifted = [x + shift for x in second.boundaries]
    borders = _cluster([*first.boundaries, *shifted], ALIGN)
    moved = Piece(
        page=second.page,
        last_page=second.last_page,
        top=second.top,
        left=second.left + shift,
        right=second.right + shift,
        boundaries=shifted,
        row_pages=list(second.row_pages),
        cells=[attrs.evolve(c, x0=c.x0 + shift, x1=c.x1 + shift) for c in second.cells],
    )
    skip = _repeated_header(first, moved, borders)
    return Piece(
        page=first.page,
        last_page=second.last_page,
        top=first.top,
        left=first.left,
        right=first.right,
        boundaries=borders,
        row_pages=[*first.row_pages, *moved.row_pages[skip:]],
        cells=_joined_cells(first, moved, skip, borders),
    )


def _compatible(first: Piece, second: Piece, shift: float) -> bool:
    """Whether ``second`` moved by ``shift`` has ``first``'s width and all the inner column
    borders of one of them are borders of the other; or is as wide as ``first``'s last row
    (:func:`_narrower_rows`)."""
    if abs((second.right + shift) - first.right) > EDGE_FIT:
        return _narrower_rows(first, second, shift)
    inner_a = first.boundaries[1:-1]
    inner_b = [x + shift for x in second.boundaries[1:-1]]
    small, large = sorted((inner_a, inner_b), key=len)
    return _matches(small, large)


def _narrower_rows(first: Piece, second: Piece, shift: float) -> bool:
    """Whether ``second`` (moved by ``shift``) goes on with ``first``'s last rows, which are
    narrower than its header: a table whose labels are printed apart draws its header over
    the label columns and its rows without them, so the part after a page break is only as
    wide as those rows. Every border of ``second`` is a border of ``first``, and its right
    edge is where the cells of ``first``'s last row end."""
    last = [c for c in first.cells if c.r1 == first.rows]
    right = second.right + shift
    if not last or right >= first.right - EDGE_FIT:
        return False
    return (abs(max(c.x1 for c in last) - right) <= ALIGN
            and _matches([x + shift for x in second.boundaries], first.boundaries))


def _joined_cells(
    first: Piece, moved: Piece, skip: int, borders: Sequence[float]
) -> list[PieceCell]:
    """The cells of ``first`` then those of ``moved`` below them (its ``skip`` repeated header
    rows left out), a cell of its first row continuing the cell above it where
    :func:`_continues` says so."""
    count = first.rows
    cells = [attrs.evolve(c) for c in first.cells]
    bottom_cells = {
        (_nearest(borders, c.x0), _nearest(borders, c.x1)): c for c in cells if c.r1 == count
    }
    def above_of(cell: PieceCell) -> PieceCell | None:
        return bottom_cells.get((_nearest(borders, cell.x0), _nearest(borders, cell.x1)))

    header_rows = _header_rows_ended(moved, skip, above_of)
    for cell in moved.cells:
        if cell.r0 < skip:
            continue
        r0, r1 = cell.r0 - skip, cell.r1 - skip
        above = above_of(cell)
        if r0 == 0 and above is not None and _continues(above, cell, r1 - r0) and not (
                _blank_under_header(above, cell, r1 - r0, header_rows)):
            above.r1 = count + r1
            above.text = "\n".join(t for t in (above.text, cell.text) if t)
            continue
        cells.append(attrs.evolve(cell, r0=count + r0, r1=count + r1))
    return cells


def _header_rows_ended(moved: Piece, skip: int,
                       above_of: Callable[[PieceCell], PieceCell | None]) -> set[int]:
    """The first rows of the header cells that ended the page before right above a value of
    ``moved``'s first row (after its ``skip`` repeated header rows): a value under a label
    (:func:`_value_under_label`) starts the body there."""
    found: set[int] = set()
    for cell in moved.cells:
        above = above_of(cell) if cell.r0 == skip else None
        if above is not None and _value_under_label(above, cell):
            found.add(above.r0)
    return found


def _blank_under_header(above: PieceCell, cell: PieceCell, rows: int,
                        header_rows: set[int]) -> bool:
    """Whether ``cell`` (``rows`` high, empty, first on its page) is a blank value under a
    header cell, not that cell's rest: a label starting in the same row as a header cell
    above a value of the same row (:func:`_header_rows_ended`), ``cell`` one row high. A
    label running over the break from an earlier row (a row label beside values) still joins."""
    return (rows == 1 and not cell.text.strip() and bool(above.text.strip())
            and not looks_like_value(above.text) and above.r0 in header_rows)


def _continues(above: PieceCell, cell: PieceCell, rows: int) -> bool:
    """Whether ``cell`` (``rows`` high, first on its page) continues ``above`` (last on the
    page before, same columns): one of them spans several rows, ``cell`` does not start with
    a new item's number, and it is not a number under a label (a header cell spanning rows
    that ends its page, the data row under it starting the next one)."""
    return ((above.r1 - above.r0 > 1 or rows > 1) and not _MARKER.match(cell.text)
            and not _value_under_label(above, cell))


def _value_under_label(above: PieceCell, cell: PieceCell) -> bool:
    """Whether ``cell`` holds a number or a dash and ``above`` a label: a value cell of its
    own, never the rest of a label broken across the page."""
    return bool(cell.text.strip()) and looks_like_value(cell.text) \
        and not looks_like_value(above.text)


def to_block(piece: Piece, index: int, source: str | None) -> TableBlock:
    """The piece as a :class:`TableBlock`: every covered position repeats its cell's text."""
    borders = piece.boundaries
    width = len(borders) - 1
    grid: list[list[GridCell | None]] = [[None] * width for _ in range(piece.rows)]
    for cell in sorted(piece.cells, key=lambda c: (c.r0, c.x0)):
        c0, c1 = _nearest(borders, cell.x0), _nearest(borders, cell.x1)
        for r in range(cell.r0, min(cell.r1, piece.rows)):
            for c in range(c0, min(c1, width)):
                if grid[r][c] is None:
                    grid[r][c] = GridCell(
                        text=cell.text,
                        origin=(cell.r0, c0),
                        location=Location(
                            file=source, page=piece.row_pages[r], table=index, row=r, column=c
                        ),
                    )
    return TableBlock(
        rows=tuple(tuple(row) for row in grid),
        location=Location(file=source, page=piece.page, table=index),
    )
