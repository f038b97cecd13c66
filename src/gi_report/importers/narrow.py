"""Narrowing the splits of linked digit runs before they are searched together.

The splitter (:mod:`~gi_report.importers.digits`) searches one split per run of a group such
that no relation breaks. A group whose runs have many splits each (a row read as lacking cells
has thousands of readings) can spend the whole step budget before the relations prune anything
(``split.too_complex``). Here a split of a run is dropped when some relation it takes part in
cannot hold whatever the other runs' splits are: each other cell is bounded by the least and
greatest value its run's splits give it (a stated cell by its value; a cell not known, by
``0`` and no bound: a count), and the relation's two sides must be able to meet. Whatever the
search would accept keeps every relation within those bounds, so no split of a consistent
solution is ever dropped; the search then finds the same solutions, in the same order, in
fewer steps. A relation holding one cell of the run only (a column sum through one of its
cells, 一+二 = （七）+四 for the total row) bounds that cell alone: it is worked out once, as a
test of the cell's values, not again for every split (a row read as lacking cells has tens of
thousands of readings).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Protocol

from gi_report.table import CellValue

Split = tuple[CellValue, ...]
Number = int | Decimal
Bound = tuple[Number, Number | None]
"""The least and greatest value of a cell (``None``: no upper bound)."""

MAX_PASSES = 4
"""Most rounds of narrowing (each run's splits against the others' bounds)."""


class Sided(Protocol):
    """A relation as the splitter holds it: its cells' positions, on each side."""

    @property
    def left_at(self) -> tuple[int, ...]: ...

    @property
    def right_at(self) -> tuple[int, ...]: ...

    @property
    def at(self) -> tuple[int, ...]: ...


def _bound(domain: Sequence[Split], j: int) -> Bound:
    """The least and greatest value cell ``j`` takes in ``domain`` (a blank: any count)."""
    values = [s[j] for s in domain]
    known = [v for v in values if isinstance(v, int | Decimal)]
    if not known:
        return 0, None
    low = min(known)
    return (min(low, 0), None) if len(known) < len(values) else (low, max(known))


class _Narrower:
    def __init__(self, domains: list[list[Split]], positions: Sequence[tuple[int, ...]],
                 relations: Sequence[Sided], base: Sequence[Number | None]) -> None:
        self.domains = domains
        self.base = base
        self.owner = {at: (r, j) for r, ats in enumerate(positions) for j, at in enumerate(ats)}
        self.touching = [[rel for rel in relations if any(at in set(ats) for at in rel.at)]
                         for ats in positions]
        self.bounds = {at: _bound(domains[r], j) for at, (r, j) in self.owner.items()}

    def cell(self, at: int, run: int, split: Split) -> Bound:
        """Cell ``at``'s bound with run ``run`` split as ``split``."""
        owned = self.owner.get(at)
        if owned is not None and owned[0] == run:
            value = split[owned[1]]
            return (value, value) if isinstance(value, int | Decimal) else (0, None)
        if owned is not None:
            return self.bounds[at]
        value = self.base[at]
        return (value, value) if value is not None else (0, None)

    def side(self, ats: tuple[int, ...], run: int, split: Split) -> Bound:
        low: Number = 0
        high: Number | None = 0
        for at in ats:
            lo, hi = self.cell(at, run, split)
            low += lo
            high = None if high is None or hi is None else high + hi
        return low, high

    def holds(self, rel: Sided, run: int, split: Split) -> bool:
        left_low, left_high = self.side(rel.left_at, run, split)
        right_low, right_high = self.side(rel.right_at, run, split)
        return ((right_high is None or left_low <= right_high)
                and (left_high is None or right_low <= left_high))

    def one_cell(self, rel: Sided, run: int) -> tuple[int, Callable[[CellValue], bool]] | None:
        """For a relation holding one cell of run ``run`` (its place ``j`` in the run), that
        place and a test of the values it may take, the other cells' bounds added up once
        (:meth:`holds` for every split, in a step a split); ``None`` for any other relation."""
        mine = [at for at in rel.at if self.owner.get(at, (-1, 0))[0] == run]
        if len(mine) != 1:
            return None
        (at,) = mine
        own, other = (rel.left_at, rel.right_at) if at in rel.left_at else (
            rel.right_at, rel.left_at)
        rest_low, rest_high = self.side(tuple(a for a in own if a != at), -1, ())
        other_low, other_high = self.side(other, -1, ())

        @functools.cache
        def admits(value: CellValue) -> bool:
            low, high = (value, value) if isinstance(value, int | Decimal) else (0, None)
            own_high = None if rest_high is None or high is None else rest_high + high
            return ((other_high is None or rest_low + low <= other_high)
                    and (own_high is None or other_low <= own_high))

        return self.owner[at][1], admits

    def kept(self, r: int, domain: list[Split], spend: Callable[[int], None]) -> list[Split]:
        """Run ``r``'s splits that every relation touching it can hold with: those holding one
        of its cells tested value by value, then the others split by split."""
        tests = []
        several = []
        for rel in self.touching[r]:
            test = self.one_cell(rel, r)
            if test is None:
                several.append(rel)
            else:
                tests.append(test)
        spend(len(domain) if tests else 0)
        kept = [s for s in domain if all(admits(s[j]) for j, admits in tests)]
        spend(len(kept) * len(several))
        return [s for s in kept if all(self.holds(rel, r, s) for rel in several)]

    def round(self, spend: Callable[[int], None]) -> bool:
        """One pass over the runs; whether any split was dropped."""
        changed = False
        for r, domain in enumerate(self.domains):
            rels = self.touching[r]
            if not rels or len(domain) < 2:
                continue
            kept = self.kept(r, domain, spend)
            if len(kept) < len(domain):
                self.domains[r] = kept
                changed = True
                for at, (run, j) in self.owner.items():
                    if run == r:
                        self.bounds[at] = _bound(kept, j)
        return changed


def narrow(domains: Sequence[Sequence[Split]], positions: Sequence[tuple[int, ...]],
           relations: Sequence[Sided], base: Sequence[Number | None],
           spend: Callable[[int], None]) -> list[list[Split]]:
    """Each run's splits (``domains``, its cells at ``positions``) less those that break a
    relation under every choice of the others' (see the module's docstring), in their order;
    ``spend`` is charged with the checks made. Runs must share no cell."""
    narrower = _Narrower([list(d) for d in domains], positions, relations, base)
    for _ in range(MAX_PASSES):
        if not narrower.round(spend):
            break
    return narrower.domains
