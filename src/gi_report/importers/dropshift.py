"""Whether a run read as printing every cell could instead lack one, in a dump that drops cells.

A crawl dump with blank cells prints nothing for them, so ``320…`` under seven cells may be
3, 2, 0, … or a dropped first cell, then 32, 0, …: when a row total and another column's sum
hold for the first reading, they may hold for the second as well, the other sum never seeing
the cells the two readings differ in. A run whose digits, cut into one number fewer than its
cells and laid over them with any one cell blank (some count ≥ 0), still meet every relation
through it (the table's other cells as read) is not proven by those relations
(:func:`~gi_report.importers.dropped.checked`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from gi_report.form.spec import Relation, TableSpec
from gi_report.importers import gaps, shortrow
from gi_report.importers.cellnames import Cell
from gi_report.importers.digits import Run
from gi_report.table import CellValue

MAX_STEPS = 20_000
"""Steps of the search for cuts; a run needing more is taken as possibly lacking a cell."""


class _OutOfSteps(Exception):
    """The search for cuts ran past :data:`MAX_STEPS`."""


def may_lack_one(spec: TableSpec, run: Run, values: Mapping[Cell, CellValue]) -> bool:
    """Whether ``run``'s digits read with one cell not printed meet every relation of ``spec``
    through its cells, the other cells as in ``values``; ``True`` also when the search is too
    long or the run prints more than digits (nothing is shown either way)."""
    if not all(s.isascii() and s.isdigit() for s in run.segments):
        return True
    cells = set(run.cells)
    touching = [rel for rel in spec.relations if any((c.row, c.column) in cells
                                                     for c in rel.cells)]
    try:
        return any(_holds(spec, touching, values, run.cells, reading)
                   for reading in _lacking_one(run))
    except _OutOfSteps:
        return True


def _lacking_one(run: Run) -> Iterator[tuple[int | None, ...]]:
    """Every reading of the run's digits over its cells with exactly one of them blank."""
    steps = [0]

    def spend() -> None:
        steps[0] += 1
        if steps[0] > MAX_STEPS:
            raise _OutOfSteps

    n = len(run.cells)
    for cut in shortrow.cuts(run.segments, n - 1, spend):
        values = [int(piece) for piece in cut]
        for k in range(n):
            spend()
            yield (*values[:k], None, *values[k:])


def _holds(spec: TableSpec, touching: Sequence[Relation], values: Mapping[Cell, CellValue],
           cells: Sequence[Cell], reading: tuple[int | None, ...]) -> bool:
    """Whether every relation of ``touching`` can hold with the run's cells read so."""
    read = {**values, **dict(zip(cells, reading, strict=True))}
    return all(gaps.possible(spec, rel, read) for rel in touching)
