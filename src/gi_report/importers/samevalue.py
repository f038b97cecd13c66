"""Columns a header leaves open, read where every order it allows gives them the same value.

A text dump's header may allow several column orders (:mod:`~gi_report.importers.colorder`):
a column whose position differs between them is not known. But when the row prints the same
value at every position that column may stand at (two organisations' columns both 0), the
column's value is the same whatever the true order is, so it is read (``header.same_value``);
which position holds it is still not known, and nothing else is read from it. A column
printed with different values at its candidate positions stays blank (``header.unordered``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

import attrs

from gi_report.form.spec import ColumnSpec, TableSpec
from gi_report.importers.blocks import Location
from gi_report.importers.cellnames import describe, pointer, row_name
from gi_report.importers.result import Notice, notice
from gi_report.table import CellValue

T = TypeVar("T")

Cell = tuple[str, str]
"""A cell of one table: (row id, column id)."""


def positions(orders: Sequence[tuple[T, ...]], cell: T) -> tuple[int, ...]:
    """The positions the orders put ``cell`` at (each once, in the orders' order)."""
    return tuple(dict.fromkeys(order.index(cell) for order in orders))


def grid_order(columns: Mapping[int, ColumnSpec], wanted: Sequence[str]) -> tuple[str, ...] | None:
    """The order of ``wanted`` columns a header's grid names them in, when it names each at one
    grid column of its own (its merged cells' spans kept; a text dump's header, its spans lost,
    names some columns over others' grid columns); ``None`` otherwise."""
    at: dict[str, list[int]] = {}
    for g, column in columns.items():
        at.setdefault(column.id, []).append(g)
    if any(len(at.get(c, ())) != 1 for c in wanted):
        return None
    return tuple(sorted(wanted, key=lambda c: at[c][0]))


def by_grid(columns: Mapping[int, ColumnSpec], orders: list[tuple[str, ...]]
            ) -> list[tuple[str, ...]]:
    """The orders the printed labels allow, narrowed to the one the header's grid names (a
    table broken over pages: its continuation, printed in the same order under no header of
    its own, does not stand under the first part's grid) when that is one of them."""
    found = grid_order(columns, orders[0])
    return [found] if found is not None and found in orders else orders


def agreed_texts(orders: Sequence[tuple[T, ...]], open_cells: Sequence[T],
                 texts: Sequence[str]) -> dict[T, int]:
    """Each of ``open_cells`` whose every candidate position prints the same text (``texts``:
    the row's cells by position) → the first of those positions."""
    out: dict[T, int] = {}
    for cell in open_cells:
        at = positions(orders, cell)
        if len({texts[p].strip() for p in at}) == 1:
            out[cell] = at[0]
    return out


def stand_ins(orders: Sequence[tuple[Cell, ...]], open_cells: Sequence[Cell]
              ) -> dict[Cell, tuple[Cell, ...]]:
    """Each of ``open_cells`` → the cells of the first order (the stand-in a row's digits are
    split with, :mod:`~gi_report.importers.standin`) at the positions it may stand at."""
    first = orders[0]
    return {cell: tuple(first[p] for p in positions(orders, cell)) for cell in open_cells}


def _key(value: CellValue) -> tuple[str, str]:
    """A value as compared here: its type and its printed form (``1.0`` is not ``1.00``)."""
    return type(value).__name__, str(value)


def agreed_values(values: Mapping[Cell, CellValue],
                  candidates: Mapping[Cell, tuple[Cell, ...]]) -> dict[Cell, CellValue]:
    """Each open cell whose stand-in cells were all split to one and the same value → that
    value (a stand-in cell left blank by the split settles nothing)."""
    out: dict[Cell, CellValue] = {}
    for cell, at in candidates.items():
        found = [values.get(c) for c in at]
        if all(v is not None for v in found) and len({_key(v) for v in found}) == 1:
            out[cell] = found[0]
    return out


def same_value_notice(spec: TableSpec, row: str, cells: Sequence[Cell],
                      location: Location | None) -> Notice:
    """The ``header.same_value`` notice of one row's cells read this way."""
    return notice(
        "header.same_value",
        f"“{row}”一行的列标题与表格的列顺序不同，无法确定{describe(spec, list(cells))} 的位置，"
        "但按列标题允许的每一种列顺序，这些单元格的数值都相同，按此读取",
        location=location, cells=[pointer(spec, c) for c in cells])


def after_split(spec: TableSpec, notices: Sequence[Notice], read: Mapping[Cell, CellValue]
                ) -> list[Notice]:
    """The notices once ``read`` (cells split under a stand-in order, see
    :func:`agreed_values`) are read: each ``header.unordered`` notice names only the cells
    still blank, and a ``header.same_value`` notice follows it for those read."""
    by_pointer = {pointer(spec, c): c for c in read}
    out: list[Notice] = []
    for n in notices:
        done = [by_pointer[p] for p in n.cells if p in by_pointer]
        if n.code != "header.unordered" or not done:
            out.append(n)
            continue
        rest = tuple(p for p in n.cells if p not in by_pointer)
        if rest:
            out.append(attrs.evolve(n, cells=rest))
        out.append(same_value_notice(spec, row_name(spec, spec.row(done[0][0])), done,
                                     n.location))
    return out


__all__ = ["after_split", "agreed_texts", "agreed_values", "by_grid", "grid_order", "positions",
           "same_value_notice", "stand_ins"]
