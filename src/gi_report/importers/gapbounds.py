"""Whether a table's relations can all hold at once, the cells not stated each some count.

:func:`~gi_report.importers.gaps.possible` checks one relation at a time, so a relation with
cells not stated on both sides checks nothing. But a cell not stated takes part in several
relations (its row total and its column sum), and one value must satisfy them all: here each
such cell gets bounds (a count: at least 0; a signed count: none), narrowed relation by
relation from the stated cells and the other cells' bounds until nothing changes. Bounds that
cross (a lower bound above the upper one) mean that no values of the cells not stated satisfy
every relation: the values stated cannot all be the document's. Narrowing never excludes values
that satisfy every relation, so a placement found impossible is impossible; one not found so may
still be (the narrowing stops after :data:`MAX_ROUNDS`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from gi_report.form.spec import CellKind, Relation, TableSpec
from gi_report.importers.cellnames import Cell
from gi_report.table import CellValue

MAX_ROUNDS = 12
"""Passes over the relations, at most (each narrows bounds; most tables settle in two or three)."""

Bound = Decimal | None
"""A lower or upper bound; ``None``: none (minus or plus infinity)."""
Terms = tuple[tuple[Cell, int], ...]
"""A relation as cells with a sign each: ``sum(sign * cell) == 0``."""


def _number(value: CellValue) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return None
    return Decimal(value)


def _terms(relation: Relation) -> Terms:
    return (*(((c.row, c.column), 1) for c in relation.left),
            *(((c.row, c.column), -1) for c in relation.right))


class _Bounds:
    """The bounds of the cells not stated, narrowed relation by relation."""

    def __init__(self, spec: TableSpec, values: Mapping[Cell, CellValue],
                 relations: Sequence[Relation]) -> None:
        self.values = {cell: _number(v) for cell, v in values.items()}
        self.relations = [_terms(rel) for rel in relations]
        self.low: dict[Cell, Bound] = {}
        self.high: dict[Cell, Bound] = {}
        for terms in self.relations:
            for cell, _ in terms:
                if self.values.get(cell) is None and cell not in self.low:
                    signed = spec.column(cell[1]).kind is CellKind.SIGNED_COUNT
                    self.low[cell] = None if signed else Decimal(0)
                    self.high[cell] = None

    def feasible(self) -> bool:
        """Whether no bounds cross after narrowing (see the module)."""
        for _ in range(MAX_ROUNDS):
            changed = False
            for terms in self.relations:
                outcome = self.narrow(terms)
                if outcome is None:
                    return False
                changed = changed or outcome
            if not changed:
                break
        return True

    def narrow(self, terms: Terms) -> bool | None:
        """One relation's bounds on its cells not stated; ``None``: it cannot hold."""
        stated = Decimal(0)
        unknown: list[tuple[Cell, Bound, Bound]] = []  #: each term's least and greatest
        for cell, sign in terms:
            value = self.values.get(cell)
            if value is not None:
                stated += sign * value
            elif sign > 0:
                unknown.append((cell, self.low[cell], self.high[cell]))
            else:
                unknown.append((cell, _neg(self.high[cell]), _neg(self.low[cell])))
        if not unknown:
            return None if stated != 0 else False
        low, high = _Sum([t[1] for t in unknown]), _Sum([t[2] for t in unknown])
        changed = False
        for (cell, sign), (_, lo_term, hi_term) in zip(
                ((c, s) for c, s in terms if self.values.get(c) is None), unknown, strict=True):
            # sign * cell = -stated - (the other terms), each between its least and greatest
            lo = _neg(_add(high.without(hi_term), stated))
            hi = _neg(_add(low.without(lo_term), stated))
            if sign < 0:
                lo, hi = _neg(hi), _neg(lo)
            changed = self._tighten(cell, lo, hi) or changed
            if _crossed(self.low[cell], self.high[cell]):
                return None
        return changed

    def _tighten(self, cell: Cell, lo: Bound, hi: Bound) -> bool:
        """The cell's bounds narrowed to ``lo`` and ``hi`` where those are narrower."""
        changed = False
        low, high = self.low[cell], self.high[cell]
        if lo is not None and (low is None or lo > low):
            self.low[cell] = lo
            changed = True
        if hi is not None and (high is None or hi < high):
            self.high[cell] = hi
            changed = True
        return changed


class _Sum:
    """A sum of bounds, some of them none (infinite): the sum of all but one in one step."""

    def __init__(self, bounds: Sequence[Bound]) -> None:
        self.finite = sum((b for b in bounds if b is not None), Decimal(0))
        self.infinite = sum(b is None for b in bounds)

    def without(self, bound: Bound) -> Bound:
        """The sum of the other bounds than ``bound`` (one of them); ``None``: infinite."""
        if bound is None:
            return self.finite if self.infinite == 1 else None
        return self.finite - bound if self.infinite == 0 else None


def _add(a: Bound, b: Bound) -> Bound:
    return None if a is None or b is None else a + b


def _neg(a: Bound) -> Bound:
    return None if a is None else -a


def _crossed(low: Bound, high: Bound) -> bool:
    return low is not None and high is not None and low > high


def feasible(spec: TableSpec, values: Mapping[Cell, CellValue],
             relations: Sequence[Relation] | None = None) -> bool:
    """Whether ``relations`` (the table's by default) can all hold at once with the cells of
    ``values`` that hold a number as stated, every other cell some count ≥ 0 (a signed count:
    any number). ``False`` only when no such values exist."""
    found = spec.relations if relations is None else relations
    return _Bounds(spec, values, found).feasible()


def narrowed(spec: TableSpec, values: Mapping[Cell, CellValue],
             relations: Sequence[Relation] | None = None) -> dict[Cell, tuple[Bound, Bound]] | None:
    """The least and greatest value of each cell of ``relations`` not stated in ``values``, as
    :func:`feasible` narrows them; None when they cross (no such values exist)."""
    bounds = _Bounds(spec, values, spec.relations if relations is None else relations)
    if not bounds.feasible():
        return None
    return {cell: (bounds.low[cell], bounds.high[cell]) for cell in bounds.low}


__all__ = ["MAX_ROUNDS", "Bound", "feasible", "narrowed"]
