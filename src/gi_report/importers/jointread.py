"""The readings with cells unprinted of linked runs, searched together.

:mod:`~gi_report.importers.unprinted` filters each run's readings against the others' bounds
(the least and largest value each other cell may hold), one relation at a time. That keeps
readings no choice of the other runs' readings can join: a column sum may hold by bounds
while no one choice of the rows meets it and every row total at once. Here the runs linked
by relations are searched together, one reading per run, every relation through them able
to hold (a blank cell, or a cell no run reads: some count ≥ 0 in each relation); a reading
is kept only if some such choice holds it. The true readings are one such choice, so none of
them is dropped, and a cell every kept reading of its run gives one printed value is settled.
The search is bounded (:data:`MAX_STEPS` a group); a group over it, or with no choice holding
(the document breaks its arithmetic), keeps the readings it was given.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from gi_report.form.spec import Relation

Cell = tuple[str, str]
Reading = tuple["int | None", ...]
Bounds = tuple[int, float]

MAX_STEPS = 20_000
"""Most readings tried for one group of linked runs; more: the group's readings are kept."""

_FREE: Bounds = (0, math.inf)


class _OverBudget(Exception):
    pass


class _Group:
    """Linked runs (their cells and readings) searched for the readings some choice holds."""

    def __init__(self, cells: Sequence[Sequence[Cell]], options: Sequence[Sequence[Reading]],
                 relations: Sequence[Relation], fixed: Mapping[Cell, Bounds]) -> None:
        self.order = sorted(range(len(cells)), key=lambda i: len(options[i]))
        self.options = options
        self.where = {cell: (i, k) for i, run in enumerate(cells) for k, cell in enumerate(run)}
        self.fixed = fixed
        self.relations = [[_terms(rel, i, self.where) for rel in relations
                           if any(self.where.get((c.row, c.column), (-1,))[0] == i
                                  for c in rel.cells)]
                          for i in range(len(cells))]
        self.ranges = [[_range(o, k) for k in range(len(run))]
                       for o, run in zip(options, cells, strict=True)]
        self.chosen: list[Reading | None] = [None] * len(cells)
        self.used: list[set[Reading]] = [set() for _ in cells]
        self.steps = 0

    def search(self) -> list[list[Reading]] | None:
        """Each run's readings some consistent choice holds (none: no choice holds); ``None``
        over the budget."""
        try:
            self.step(0)
        except _OverBudget:
            return None
        return [[o for o in self.options[i] if o in self.used[i]]
                for i in range(len(self.options))]

    def step(self, depth: int) -> None:
        """Every reading of the ``depth``-th run in search order, with the runs before it."""
        if depth == len(self.order):
            for i, reading in enumerate(self.chosen):
                self.used[i].add(reading)  # type: ignore[arg-type]
            return
        if self.nothing_new(depth):
            return
        i = self.order[depth]
        for reading in self.options[i]:
            self.steps += 1
            if self.steps > MAX_STEPS:
                raise _OverBudget
            self.chosen[i] = reading
            if all(self.holds(terms) for terms in self.relations[i]):
                self.step(depth + 1)
            self.chosen[i] = None

    def nothing_new(self, depth: int) -> bool:
        """Whether every choice from here on holds only readings some choice already holds."""
        return (all(self.chosen[i] in self.used[i] for i in self.order[:depth])
                and all(len(self.used[i]) == len(self.options[i]) for i in self.order[depth:]))

    def holds(self, terms: Sequence[tuple[int, Cell, int, int]]) -> bool:
        """Whether a relation can hold with the runs chosen so far (the others' cells within
        what their readings allow; a blank or unread cell any count ≥ 0)."""
        lo = [0, 0]
        hi: list[float] = [0, 0]
        for side, cell, i, k in terms:
            low, high = self.bounds(cell, i, k)
            lo[side] += low
            hi[side] += high
        return lo[0] <= hi[1] and lo[1] <= hi[0]

    def bounds(self, cell: Cell, i: int, k: int) -> Bounds:
        """What a cell may hold now: its chosen reading's value, its run's readings' range, a
        stated value, or any count."""
        if i < 0:
            return self.fixed.get(cell, _FREE)
        reading = self.chosen[i]
        if reading is None:
            return self.ranges[i][k]
        value = reading[k]
        return _FREE if value is None else (value, value)


def _range(options: Sequence[Reading], k: int) -> Bounds:
    """The least and largest value readings give their ``k``-th cell (a blank: any count)."""
    known = [v for o in options if (v := o[k]) is not None]
    if len(known) < len(options):
        return _FREE
    return (min(known), max(known))


def _terms(rel: Relation, i: int, where: Mapping[Cell, tuple[int, int]]
           ) -> list[tuple[int, Cell, int, int]]:
    """A relation's cells as (side, cell, run, index in its run; run -1: no run reads it)."""
    out: list[tuple[int, Cell, int, int]] = []
    for side, refs in enumerate((rel.left, rel.right)):
        for c in refs:
            cell = (c.row, c.column)
            run, k = where.get(cell, (-1, -1))
            out.append((side, cell, run, k))
    return out


def _groups(cells: Sequence[Sequence[Cell]], relations: Sequence[Relation]) -> list[list[int]]:
    """The runs linked by relations (through cells of two runs or more), in order."""
    owner = {cell: i for i, run in enumerate(cells) for cell in run}
    parent = list(range(len(cells)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for rel in relations:
        runs = {owner[(c.row, c.column)] for c in rel.cells if (c.row, c.column) in owner}
        first, *rest = sorted(runs) or [0]
        for other in rest:
            parent[find(other)] = find(first)
    out: dict[int, list[int]] = {}
    for i in range(len(cells)):
        out.setdefault(find(i), []).append(i)
    return list(out.values())


def narrow(cells: Sequence[Sequence[Cell]], options: Sequence[list[Reading]],
           relations: Sequence[Relation], fixed: Mapping[Cell, Bounds]
           ) -> list[list[Reading]] | None:
    """Each run's readings (``options``, over ``cells``) that some choice of one reading per
    linked run holds with every relation (``fixed``: the stated cells' values); a group over
    the budget keeps its readings. ``None``: a group no choice holds (the document breaks its
    arithmetic)."""
    out = [list(o) for o in options]
    for group in _groups(cells, relations):
        if len(group) < 2 or any(not options[i] for i in group):
            continue
        kept = _Group([cells[i] for i in group], [options[i] for i in group], relations,
                      fixed).search()
        if kept is not None and not kept[0]:
            return None
        if kept is not None:
            for i, readings in zip(group, kept, strict=True):
                out[i] = readings
    return out


__all__ = ["MAX_STEPS", "narrow"]
