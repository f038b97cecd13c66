"""What every document reader produces: text blocks and cell grids in reading order.

Each document kind (HTML, text dump, Markdown, DOCX, PDF) only turns its document into a
:class:`ParsedDocument`; one shared module maps the grids onto the form. Every block and cell
keeps its :class:`Location` in the source so that notices and findings can point back to it.
"""

from __future__ import annotations

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
