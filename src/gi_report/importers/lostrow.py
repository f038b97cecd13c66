"""Number-only rows one fewer than the form rows no label claimed: one row was not printed.

A PDF's page break can lose the last row of a page; with the table's labels printed apart, the
number-only rows left are then one fewer than the form rows they stand for, and which row is lost
is not said. Every place of the lost row is tried (the printed rows keep the form's order around
it); a place is **consistent** when every relation of the table can hold with the rows read so —
equal where every cell is stated, the lost row's cells (and any other blank) standing for some
count ≥ 0 (:func:`~gi_report.importers.gaps.possible`), one value each in all the relations at
once (:mod:`~gi_report.importers.gapbounds`) — and at least one relation through the printed
rows is checked in full. A printed row is taken as the form row that every consistent
place gives it (the rows before the first consistent place and after the last); the others stay
unaligned (their values unused, never guessed). Where the labels printed apart name exactly the
printed rows (the lost row's label lost with it), in the form's order, and that place is
consistent, every printed row is taken: the document's own list of its rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from gi_report.form.spec import RowSpec, TableSpec
from gi_report.importers import gapbounds
from gi_report.importers.cellnames import Cell
from gi_report.importers.gaps import possible
from gi_report.table import CellValue


@attrs.frozen
class Lost:
    """What the arithmetic (or the labels' own list) settled: per printed row, its form row or
    ``None`` (left unaligned)."""

    rows: tuple[RowSpec | None, ...]


def holes(free: Sequence[RowSpec], order: Sequence[int | None], spec: TableSpec) -> list[int]:
    """The places of the lost row among ``free`` that keep the form's order with the labelled
    rows around the printed ones."""
    out = []
    for hole in range(len(free)):
        positions = iter(spec.row_position(r.id) for i, r in enumerate(free) if i != hole)
        sequence = [p if p is not None else next(positions) for p in order]
        if sequence == sorted(sequence):
            out.append(hole)
    return out


def consistent(spec: TableSpec, values: Mapping[Cell, CellValue], rows: set[str]) -> bool:
    """Every relation touching ``rows`` can hold (a blank: some count ≥ 0), all the table's
    relations can hold at once (the lost row's cells each one value in its row total and its
    column sums: :mod:`~gi_report.importers.gapbounds`), and one touching them is checked in
    full."""
    touching = [rel for rel in spec.relations if any(c.row in rows for c in rel.cells)]
    if not all(possible(spec, rel, values) for rel in touching):
        return False
    checked = any(all(values.get((c.row, c.column)) is not None for c in rel.cells)
                  for rel in touching)
    return checked and gapbounds.feasible(spec, values)


def settle(free: Sequence[RowSpec], found: Sequence[int], listed: Sequence[str] | None
           ) -> Lost | None:
    """The printed rows' form rows given the consistent places ``found`` of the lost row."""
    if not found:
        return None
    printed = len(free) - 1
    if listed is not None:
        for hole in found:
            if list(listed) == [r.id for i, r in enumerate(free) if i != hole]:
                return Lost(tuple(r for i, r in enumerate(free) if i != hole))
    first, last = min(found), max(found)
    # printed row i is free[i] before the lost row, free[i + 1] after it
    rows = tuple(free[i] if i < first else free[i + 1] if i >= last else None
                 for i in range(printed))
    return Lost(rows) if any(r is not None for r in rows) else None
