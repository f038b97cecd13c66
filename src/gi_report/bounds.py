"""Values the rules compare: a cell, or a sum of cells, known exactly or bounded from below.

A blank total is replaced by the sum of its parts as the form declares it; a blank that is not a
total is unknown. Counts are never negative, so the stated cells give a lower bound: a rule can
still fail on a lower bound ("at least 275") while a blank keeps it from passing.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from gi_report.exact import plain
from gi_report.form.spec import ColumnTotal, RowTotal
from gi_report.table import Number, Table


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


def _parts(table: Table, row_id: str, column_id: str) -> list[tuple[str, str]] | None:
    for decl in table.spec.declarations:
        if isinstance(decl, ColumnTotal) and decl.total == column_id and (
            decl.rows is None or row_id in decl.rows
        ):
            return [(row_id, c) for c in decl.parts]
        if isinstance(decl, RowTotal) and decl.total == row_id:
            return [(r, column_id) for r in decl.parts if table.spec.has_cell(r, column_id)]
    return None


def cell_bound(
    table: Table, row_id: str, column_id: str, *, blank_as_zero: bool = False,
    _seen: frozenset[tuple[str, str]] = frozenset(),
) -> Bound:
    """The value of a cell; a blank total is its parts' sum (or bounded by it), another blank
    is unknown (0 with ``blank_as_zero``)."""
    value = table[row_id, column_id]
    if isinstance(value, str):  # a text cell: not a number
        return Bound(0, False)
    if value is not None:
        return Bound(value, True)
    pointer = f"/{table.spec.id}/{row_id}/{column_id}"
    parts = _parts(table, row_id, column_id)
    if parts is None or (row_id, column_id) in _seen:
        return ZERO if blank_as_zero else Bound(0, False, (pointer,))
    seen = _seen | {(row_id, column_id)}
    total = sum_bound(table, parts, blank_as_zero=blank_as_zero, _seen=seen)
    return Bound(total.low, total.exact, () if total.exact else (pointer, *total.missing))


def sum_bound(
    table: Table, cells: Iterable[tuple[str, str]], *, blank_as_zero: bool = False,
    _seen: frozenset[tuple[str, str]] = frozenset(),
) -> Bound:
    """The sum of several cells, each as :func:`cell_bound` gives it."""
    total = ZERO
    for row_id, column_id in cells:
        total = total + cell_bound(table, row_id, column_id, blank_as_zero=blank_as_zero,
                                   _seen=_seen)
    return total


def value_bound(value: Number | None, pointer: str, *, blank_as_zero: bool = False) -> Bound:
    """A stated field (not a table cell) as a bound: blank is unknown unless ``blank_as_zero``."""
    if value is not None:
        return Bound(value, True)
    return ZERO if blank_as_zero else Bound(0, False, (pointer,))
