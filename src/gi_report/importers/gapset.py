"""Several rows of one table printed with a cell missing, their placements settled together.

Each gapped row alone is settled against the table's other values with the other gapped rows
blank (:func:`~gi_report.importers.gaps.settle`), so two gapped rows linked by a relation (a
row and the total row it is summed into) each see the other as unknown and may settle nothing.
Here the placements of all gapped rows are tried together: a combination is consistent when
every relation touching a gapped row can hold with the values of all of them at once, and
all the table's relations can hold together (:mod:`~gi_report.importers.gapbounds`; checked
for at most :data:`MAX_JOINT` combinations). A row's
cells are read where every consistent combination gives them the same printed value, with the
rules of :mod:`~gi_report.importers.gaps` (nothing is read when no placement of the row takes
part in a consistent combination, or every one does). The search stops at
:data:`MAX_COMBINATIONS`; beyond it each row is settled alone, as before.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import product
from math import prod

from gi_report.form.spec import TableSpec
from gi_report.importers import gapbounds, gaps
from gi_report.importers.cellnames import Cell
from gi_report.importers.gaps import Gap, Placement, Settled
from gi_report.table import CellValue

MAX_COMBINATIONS = 20_000
"""Most combinations of the rows' consistent placements searched together."""
MAX_JOINT = 2_000
"""Most combinations, each relation holding alone, checked with every relation at once
(:mod:`~gi_report.importers.gapbounds`); beyond it they are kept as they are."""


def settle_all(spec: TableSpec, known: Mapping[Cell, CellValue], found: Sequence[Gap]
               ) -> list[Settled]:
    """What the arithmetic settles for each of ``found``, their placements tried together."""
    alone = [gaps.consistent(spec, known, gap) for gap in found]
    if len(found) < 2 or prod(len(c) for c, _ in alone) > MAX_COMBINATIONS:
        return [gaps.settle(spec, known, gap) for gap in found]
    kept = _combinations(spec, known, found, [c for c, _ in alone])
    return [_settled(gap, [combo[i] for combo in kept], every)
            for i, (gap, (_, every)) in enumerate(zip(found, alone, strict=True))]


def _combinations(spec: TableSpec, known: Mapping[Cell, CellValue], found: Sequence[Gap],
                  options: Sequence[Sequence[Placement]]) -> list[tuple[Placement, ...]]:
    """The combinations of one placement per row under which every relation touching the
    gapped rows can hold."""
    rows = {r for gap in found for r, _ in gap.cells}
    touching = [rel for rel in spec.relations if any(c.row in rows for c in rel.cells)]
    out: list[tuple[tuple[Placement, ...], dict[Cell, CellValue]]] = []
    for combo in product(*options):
        values: dict[Cell, CellValue] = dict(known)
        for placement in combo:
            values.update({c: v for c, (_, v) in placement.items()})
        if all(gaps.possible(spec, rel, values) for rel in touching):
            out.append((combo, values))
    if len(out) > MAX_JOINT:
        return [combo for combo, _ in out]
    return [combo for combo, values in out if gapbounds.feasible(spec, values)]


def _settled(gap: Gap, kept: Sequence[Placement], every: int) -> Settled:
    """One row's cells read from the placements of it the consistent combinations use."""
    distinct: list[Placement] = []
    for placement in kept:
        if placement not in distinct:
            distinct.append(placement)
    return gaps.agreed_settled(gap, distinct, every)


__all__ = ["MAX_COMBINATIONS", "MAX_JOINT", "settle_all"]
