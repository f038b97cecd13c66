"""Naming the form's cells in notices: JSON Pointers and official labels (from the form only)."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from gi_report.form.spec import RowSpec, TableSpec

Cell = tuple[str, str]
"""A cell of one table: (row id, column id)."""


def pointer(spec: TableSpec, cell: Cell) -> str:
    """The JSON Pointer of a cell of ``spec``'s table."""
    return f"/{spec.id}/{cell[0]}/{cell[1]}"


def cell_of(pointer: str) -> Cell:
    """The cell a JSON Pointer of :func:`pointer` names (``/<table>/<row>/<column>``)."""
    _, _, row, column = pointer.split("/", 3)
    return row, column


@functools.lru_cache(maxsize=64)
def related_cells(spec: TableSpec) -> frozenset[Cell]:
    """The cells of ``spec``'s table that take part in one of its relations, made once per
    layout (each table read asks)."""
    return frozenset((c.row, c.column) for rel in spec.relations for c in (*rel.left, *rel.right))


@functools.cache
def pointers(spec: TableSpec) -> dict[Cell, str]:
    """Every cell's JSON Pointer of ``spec``'s table, made once per layout (an import names
    each cell it reads or leaves blank by it)."""
    return {(r.id, c): pointer(spec, (r.id, c)) for r in spec.rows for c in r.columns}


def row_name(spec: TableSpec, row: RowSpec) -> str:
    """A row's official label, with its group for section 四 (litigation · after review)."""
    if spec.id == "review_litigation" and row.group:
        return f"{spec.group(row.group).label}·{row.label}"
    return row.label


def describe(spec: TableSpec, cells: Sequence[Cell]) -> str:
    """Cells named with the official labels, grouped by row, columns in brackets."""
    return _describe(spec, tuple(cells))


@functools.lru_cache(maxsize=4096)
def _describe(spec: TableSpec, cells: tuple[Cell, ...]) -> str:
    """:func:`describe`, once per layout and cells (every digit run's notice names its cells)."""
    by_row: dict[str, list[str]] = {}
    for row_id, column_id in cells:
        by_row.setdefault(row_id, []).append(spec.column(column_id).label)
    return "；".join(
        f"{row_name(spec, spec.row(r))}（{'、'.join(cols)}）" for r, cols in by_row.items()
    )
