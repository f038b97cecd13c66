"""What every document reader produces: text blocks and cell grids in reading order.

Each document kind (HTML, text dump, Markdown, DOCX, PDF) only turns its document into a
:class:`ParsedDocument`; one shared module maps the grids onto the form. Every block and cell
keeps its :class:`Location` in the source so that notices and findings can point back to it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from gi_report.findings import Location as Location  # re-exported: the readers build it here


@attrs.frozen(kw_only=True)
class GridCell:
    """One position of an expanded table grid.

    A merged (spanned) cell occupies several positions: each holds the same text, and
    ``origin`` is the grid position of the span's top-left cell, so a reader can tell a
    repeated span from a real cell.
    """

    text: str  #: the cell's text as printed (line breaks inside the cell kept as ``\n``)
    origin: tuple[int, int]  #: (row, column) of the top-left position of the cell's span
    location: Location

    def is_origin(self, row: int, column: int) -> bool:
        """Whether the position (row, column) is where this cell's span starts."""
        return self.origin == (row, column)


@attrs.frozen(kw_only=True)
class TableBlock:
    """A table with its spans expanded into a rectangular grid (``None``: no cell there)."""

    rows: tuple[tuple[GridCell | None, ...], ...]
    location: Location

    def distinct_rows(self) -> list[list[GridCell]]:
        """Each row's cells left to right, a span that covers several columns given once."""
        out: list[list[GridCell]] = []
        for row in self.rows:
            cells: list[GridCell] = []
            last: tuple[int, int] | None = None
            for cell in row:
                if cell is None or cell.origin == last:
                    continue
                last = cell.origin
                cells.append(cell)
            out.append(cells)
        return out


@attrs.frozen(kw_only=True)
class TextBlock:
    """A paragraph or heading of running text, verbatim."""

    text: str
    location: Location


Block = TextBlock | TableBlock


@attrs.frozen(kw_only=True)
class ParsedDocument:
    """A document reduced to blocks in reading order, before anything is matched to the form."""

    kind: str  #: ``html``, ``text``, ``markdown``, ``docx`` or ``pdf``
    blocks: tuple[Block, ...]
    source: str | None = None
    encoding: str | None = None  #: the text encoding detected or declared, if the kind has one


# --- building many cells fast ----------------------------------------------------------------
# A page's reader builds a GridCell and a Location for each of its hundreds of cells; attrs'
# frozen __init__ (keyword arguments, a frozen-checked setattr per field) costs more than the
# rest of reading the cell. The builders below set the slots directly, which builds the same
# object, and are used only while the classes are plain (no validator, converter or hook) and
# have the fields they expect; otherwise they call the class.

_new = object.__new__


def _slot_setters(cls: type, names: tuple[str, ...]) -> tuple[Callable[[Any, Any], None], ...]:
    """The slots' own setters of an attrs class, if its fields are exactly ``names`` and plain;
    ``()`` if not (then the builders call the class)."""
    fields = attrs.fields(cls)
    plain = all(f.validator is None and f.converter is None and f.init for f in fields)
    if (tuple(f.name for f in fields) != names or not plain or "__slots__" not in vars(cls)
            or hasattr(cls, "__attrs_post_init__") or hasattr(cls, "__attrs_pre_init__")):
        return ()
    return tuple(vars(cls)[name].__set__ for name in names)


_CELL = _slot_setters(GridCell, ("text", "origin", "location"))
_TEXT = _slot_setters(TextBlock, ("text", "location"))
LOCATION_SETTERS = (
    _slot_setters(Location, ("file", "page", "line", "table", "row", "column", "offset"))
    if all(f.default is None for f in attrs.fields(Location)) else ())
"""Location's setters, if its fields default to ``None`` (the parts a cell does not give);
shared with the text reader, which builds a row's locations with them."""


def grid_cell(text: str, origin: tuple[int, int], location: Location) -> GridCell:
    """``GridCell(text=text, origin=origin, location=location)``, built faster."""
    if not _CELL:
        return GridCell(text=text, origin=origin, location=location)
    cell = _new(GridCell)
    set_text, set_origin, set_location = _CELL
    set_text(cell, text)
    set_origin(cell, origin)
    set_location(cell, location)
    return cell


def text_block(text: str, location: Location) -> TextBlock:
    """``TextBlock(text=text, location=location)``, built faster."""
    if not _TEXT:
        return TextBlock(text=text, location=location)
    block = _new(TextBlock)
    set_text, set_location = _TEXT
    set_text(block, text)
    set_location(block, location)
    return block


def cell_location(file: str | None, line: int | None, table: int | None = None,
                  row: int | None = None, column: int | None = None) -> Location:
    """``Location(file=file, line=line, table=table, row=row, column=column)``, built faster."""
    if not LOCATION_SETTERS:
        return Location(file=file, line=line, table=table, row=row, column=column)
    where = _new(Location)
    set_file, set_page, set_line, set_table, set_row, set_column, set_offset = LOCATION_SETTERS
    set_file(where, file)
    set_page(where, None)
    set_line(where, line)
    set_table(where, table)
    set_row(where, row)
    set_column(where, column)
    set_offset(where, None)
    return where


def located_cell(text: str, file: str | None, line: int | None, table: int, row: int,
                 column: int) -> GridCell:
    """``grid_cell(text, (row, column), cell_location(file, line, table, row, column))`` in one
    call (a page's reader builds one per cell)."""
    if not _CELL or not LOCATION_SETTERS:
        return grid_cell(text, (row, column), cell_location(file, line, table, row, column))
    where = cell_location(file, line, table, row, column)
    cell = _new(GridCell)
    set_text, set_origin, set_location = _CELL
    set_text(cell, text)
    set_origin(cell, (row, column))
    set_location(cell, where)
    return cell
