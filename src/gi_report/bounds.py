"""Values the rules compare: a cell, or a sum of cells, known exactly or bounded from below.

A blank total is replaced by the sum of its parts as the form declares it; a blank that is not a
total is unknown. Counts are never negative, so the stated cells give a lower bound: a rule can
still fail on a lower bound ("at least 275") while a blank keeps it from passing.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import attrs

from gi_report.exact import plain
from gi_report.form.spec import ColumnTotal, RowTotal, TableSpec
from gi_report.table import CellValue, Number, Table


@attrs.frozen
class Bound:
    """A value known exactly (``exact``) or only from below (``low``), and the blanks in the way."""

    low: Number
    exact: bool
    missing: tuple[str, ...] = ()  #: pointers of the blank cells that keep it from being exact

    def __add__(self, other: Bound) -> Bound:
        return Bound(self.low + other.low, self.exact and other.exact,
                     self.missing + other.missing)

    def could_be(self, value: Number) -> bool:
        """Whether the true value may equal ``value``."""
        return value == self.low if self.exact else value >= self.low

    def text(self) -> tuple[str, str]:
        """The value in Chinese and English, e.g. ``至少 275`` / ``at least 275``."""
        value = plain(self.low)  # an amount exactly as stated, never 1E+2
        if self.exact:
            return value, value
        return f"至少 {value}", f"at least {value}"


ZERO = Bound(0, True)


class _Plan:
    """Where each cell of a layout is in a table's values, and the parts of each total, worked
    out once per layout (a blank total's parts were looked for in the declarations per cell)."""

    __slots__ = ("_parts", "positions", "spec")

    def __init__(self, spec: TableSpec) -> None:
        self.spec = spec
        self.positions = {(row.id, column): (i, j) for i, row in enumerate(spec.rows)
                          for j, column in enumerate(row.columns)}
        self._parts: dict[tuple[str, str], tuple[tuple[str, str], ...] | None] = {}

    def parts(self, row_id: str, column_id: str) -> tuple[tuple[str, str], ...] | None:
        """The cells a total is the sum of, as the form declares it (``None``: not a total)."""
        key = (row_id, column_id)
        try:
            return self._parts[key]
        except KeyError:
            found = self._parts[key] = _declared_parts(self.spec, row_id, column_id)
            return found


def _declared_parts(spec: TableSpec, row_id: str,
                    column_id: str) -> tuple[tuple[str, str], ...] | None:
    for decl in spec.declarations:
        if isinstance(decl, ColumnTotal) and decl.total == column_id and (
            decl.rows is None or row_id in decl.rows
        ):
            return tuple((row_id, c) for c in decl.parts)
        if isinstance(decl, RowTotal) and decl.total == row_id:
            return tuple((r, column_id) for r in decl.parts if spec.has_cell(r, column_id))
    return None


@functools.cache
def _plan(spec: TableSpec) -> _Plan:
    return _Plan(spec)


_Sum = tuple[Number, bool, tuple[str, ...]]
"""A bound as plain values while it is summed: (low, exact, missing)."""


def _cell(table: Table, values: tuple[tuple[CellValue, ...], ...], plan: _Plan, row_id: str,
          column_id: str, blank_as_zero: bool, seen: frozenset[tuple[str, str]]) -> _Sum:
    """:func:`cell_bound` as plain values (no :class:`Bound` per part of a blank total)."""
    at = plan.positions.get((row_id, column_id))
    value = table[row_id, column_id] if at is None else values[at[0]][at[1]]  # KeyError: none
    if isinstance(value, str):  # a text cell: not a number
        return 0, False, ()
    if value is not None:
        return value, True, ()
    pointer = f"/{plan.spec.id}/{row_id}/{column_id}"
    parts = plan.parts(row_id, column_id)
    if parts is None or (row_id, column_id) in seen:
        return (0, True, ()) if blank_as_zero else (0, False, (pointer,))
    low, exact, missing = _sum(table, values, plan, parts, blank_as_zero,
                               seen | {(row_id, column_id)})
    return low, exact, () if exact else (pointer, *missing)


def _sum(table: Table, values: tuple[tuple[CellValue, ...], ...], plan: _Plan,
         cells: Iterable[tuple[str, str]], blank_as_zero: bool,
         seen: frozenset[tuple[str, str]]) -> _Sum:
    """:func:`sum_bound` as plain values, added in the same order as :meth:`Bound.__add__`."""
    low: Number = 0
    exact = True
    missing: tuple[str, ...] = ()
    for row_id, column_id in cells:
        part_low, part_exact, part_missing = _cell(table, values, plan, row_id, column_id,
                                                   blank_as_zero, seen)
        low = low + part_low
        exact = exact and part_exact
        missing = missing + part_missing
    return low, exact, missing


def cell_bound(
    table: Table, row_id: str, column_id: str, *, blank_as_zero: bool = False,
    _seen: frozenset[tuple[str, str]] = frozenset(),
) -> Bound:
    """The value of a cell; a blank total is its parts' sum (or bounded by it), another blank
    is unknown (0 with ``blank_as_zero``)."""
    return Bound(*_cell(table, table.values, _plan(table.spec), row_id, column_id,
                        blank_as_zero, _seen))


def sum_bound(
    table: Table, cells: Iterable[tuple[str, str]], *, blank_as_zero: bool = False,
    _seen: frozenset[tuple[str, str]] = frozenset(),
) -> Bound:
    """The sum of several cells, each as :func:`cell_bound` gives it."""
    return Bound(*_sum(table, table.values, _plan(table.spec), cells, blank_as_zero, _seen))


def value_bound(value: Number | None, pointer: str, *, blank_as_zero: bool = False) -> Bound:
    """A stated field (not a table cell) as a bound: blank is unknown unless ``blank_as_zero``."""
    if value is not None:
        return Bound(value, True)
    return ZERO if blank_as_zero else Bound(0, False, (pointer,))
