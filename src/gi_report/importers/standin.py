"""Splitting run-together digits under a header whose column order is not fully known.

A text dump that loses a header's merged-cell spans may allow several column orders
(:mod:`~gi_report.importers.colorder`): two applicant columns swapped so that the organisations'
group is printed twice, its five columns shared between the two in a way the labels do not say.
Which column is which is then unknown at the positions the orders disagree on, and arithmetic
cannot tell (swapping applicant columns keeps every sum). But the *split* of a digit run does not
depend on it when the table's relations are the same under every allowed order: the run is split
with the first order standing in for the true one, the cells at the positions every order agrees
on are read, and the others stay blank (``header.unordered``). Nothing is read from the stand-in
columns themselves.
"""

from __future__ import annotations

from collections.abc import Sequence

from gi_report.form.spec import TableSpec
from gi_report.importers.colorder import settled

Cell = tuple[str, str]
"""A cell of one table: (row id, column id)."""

_Relation = tuple[frozenset[Cell], frozenset[Cell]]


def _relations(spec: TableSpec, rename: dict[str, str]) -> set[_Relation]:
    """The table's relations with columns renamed (left and right as sets of cells)."""
    return {
        (frozenset((c.row, rename.get(c.column, c.column)) for c in rel.left),
         frozenset((c.row, rename.get(c.column, c.column)) for c in rel.right))
        for rel in spec.relations
    }


def symmetric(spec: TableSpec, orders: Sequence[tuple[Cell, ...]]) -> bool:
    """Whether renaming the columns of the first order into any other order leaves the table's
    relations as they are (so a split under one order is a split under every other)."""
    if not orders:
        return False
    same = _relations(spec, {})
    for order in orders[1:]:
        rename = {a[1]: b[1] for a, b in zip(orders[0], order, strict=True)}
        if _relations(spec, rename) != same:
            return False
    return True


def stand_in(spec: TableSpec, orders: Sequence[tuple[Cell, ...]]
             ) -> tuple[list[Cell], list[Cell]] | None:
    """The order to split a row's digits with, and the cells to leave blank afterwards (those
    whose position the orders disagree on); ``None`` when the orders are not interchangeable."""
    if len(orders) < 2 or not symmetric(spec, orders):
        return None
    known: dict[int, Cell] = settled(orders)
    first = list(orders[0])
    return first, [c for i, c in enumerate(first) if i not in known]


__all__ = ["stand_in", "symmetric"]
