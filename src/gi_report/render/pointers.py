"""Where the printed cells of a layout sit: grid origins, and the JSON Pointer of each value.

:func:`gi_report.render.layout.table_layout` lists printed cells row by row as HTML does; the
Word writer needs their grid positions, and the check page needs to know which cell of the report
each value cell prints. Both are derived here from the table's spec, in the layout's order.
"""

from __future__ import annotations

import attrs

from gi_report.form.spec import CellKind
from gi_report.render.layout import Layout, LayoutCell
from gi_report.table import Table


@attrs.frozen
class PlacedCell:
    """A printed cell at its grid origin (row, column), with its spans."""

    row: int
    column: int
    cell: LayoutCell


def place(layout: Layout) -> list[PlacedCell]:
    """Grid origins of a layout's cells, as an HTML table places ``rowspan``/``colspan``."""
    taken: set[tuple[int, int]] = set()
    placed: list[PlacedCell] = []
    for r, row in enumerate(layout):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            placed.append(PlacedCell(r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    return placed


def grid_width(layout: Layout) -> int:
    """How many grid columns the layout spans."""
    return max((p.column + p.cell.colspan for p in place(layout)), default=0)


def value_pointers(table: Table) -> list[str]:
    """The JSON Pointer of each value cell of ``table_layout(table)``, in layout order.

    A text column (an older template's unit beside its amount) has no cell of its own.
    """
    spec = table.spec
    if spec.id == "proactive":
        rows = [r for g in spec.groups for r in spec.rows_in_group(g.id)]
    else:
        rows = list(spec.rows)
    return [f"/{spec.id}/{row.id}/{column}" for row in rows for column in row.columns
            if spec.column(column).kind is not CellKind.TEXT]


def printed_pointer(table: Table, pointer: str) -> str:
    """The pointer of the value cell that prints ``pointer`` (a unit prints with its amount)."""
    spec = table.spec
    parts = pointer.split("/")
    if len(parts) != 4 or parts[1] != spec.id:
        return pointer
    row_id, column_id = parts[2], parts[3]
    if not any(r.id == row_id for r in spec.rows):
        return pointer
    row = spec.row(row_id)
    if column_id in row.columns and spec.column(column_id).kind is CellKind.TEXT:
        amounts = [c for c in row.columns if spec.column(c).kind is CellKind.AMOUNT]
        if amounts:
            return f"/{spec.id}/{row_id}/{amounts[0]}"
    return pointer
