"""Whether an alternative report of the proof of blanks is a report the truth could be: its blank
cells can take values that make its relations hold together, as the generated truth's do.

The proof compares relation findings one by one (holds, broken, not evaluable). A relation with a
blank cell is not evaluable alone, yet one blank cell is in several relations (its row total and
its column sum), and one value must satisfy them all: an alternative whose blanks would need two
values at once is no report the document could print instead of the truth. The generated truth
is made whole and consistent before cells are blanked, so its blanks have such values.

:func:`completion` *shows* such values: the bounds of :func:`~gi_report.importers.gapbounds.
narrowed` fix the forced blank cells, then a few values of another are tried (its least, its
greatest, their middle), depth first, and the values found are checked against every relation
exactly. A search that finds none within :data:`MAX_NODES` narrowings proves nothing either
way (narrowing is not complete): the alternative is then not
accepted as a witness, so a blank proven unsettleable always has a whole, consistent report
giving it another value.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping, Sequence
from decimal import Decimal

from gi_report.form.spec import Relation, TableSpec
from gi_report.importers.gapbounds import Bound, feasible, narrowed
from gi_report.model import Report
from gi_report.table import CellValue
from gi_report.validation.arithmetic import flat_values, plan_for

Cell = tuple[str, str]
Values = dict[Cell, CellValue]
MAX_NODES = 200
"""Narrowings one completion tries, at most (a greedy pass takes one per blank not forced)."""


def _number(value: CellValue) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | Decimal)


def _forced(bounds: Mapping[Cell, tuple[Bound, Bound]]) -> dict[Cell, CellValue]:
    """The blank cells whose bounds meet, each at that value (every solution has it)."""
    return {cell: _value(low) for cell, (low, high) in bounds.items()
            if low is not None and low == high}


def _choice(bounds: Mapping[Cell, tuple[Bound, Bound]]) -> tuple[Cell, list[CellValue]]:
    """The blank cell to try values for (the narrowest range first) and the values to try: its
    least, its greatest and their middle (one more than the least without a greatest; 0 for a
    signed count without either)."""
    def width(item: tuple[Cell, tuple[Bound, Bound]]) -> Decimal:
        low, high = item[1]
        return high - low if low is not None and high is not None else Decimal("Infinity")

    cell, (low, high) = min(bounds.items(), key=width)
    if low is None:
        options = [Decimal(0) if high is None else high]
    elif high is None:
        options = [low, low + 1]
    else:
        options = [low, high, (low + high) // 2]
    return cell, [_value(v) for v in dict.fromkeys(options)]


def _value(bound: Decimal) -> CellValue:
    return int(bound) if bound == bound.to_integral_value() else bound


def _holds(relation: Relation, values: Mapping[Cell, CellValue]) -> bool:
    """Whether every cell of ``relation`` holds a number and its two sides are equal."""
    got = [values.get((ref.row, ref.column)) for ref in relation.cells]
    if not all(_number(v) for v in got):
        return False
    numbers: list[int | Decimal] = [v for v in got if isinstance(v, int | Decimal)]
    n = len(relation.left)
    return sum(numbers[:n], Decimal(0)) == sum(numbers[n:], Decimal(0))


def completion(spec: TableSpec, values: Mapping[Cell, CellValue],
               relations: Sequence[Relation]) -> Values | None:
    """``values`` with every blank cell of ``relations`` given a value (a count: at least 0)
    making each of ``relations`` hold, checked exactly; None if none was found within
    :data:`MAX_NODES` narrowings (see the module: not a proof that there is none)."""
    search = _Search(spec, relations)
    return search.run({c: v for c, v in values.items() if _number(v)})


class _Search:
    """A depth-first search for values of the blank cells: narrow the bounds, fix the forced
    cells, try a few values of the narrowest other cell, within a budget of narrowings."""

    def __init__(self, spec: TableSpec, relations: Sequence[Relation]) -> None:
        self.spec = spec
        self.relations = relations
        self.budget = MAX_NODES

    def run(self, known: Values) -> Values | None:
        """``known`` completed, None if no completion was found below it."""
        self.budget -= 1
        if self.budget < 0:
            return None
        bounds = narrowed(self.spec, known, self.relations)
        if bounds is None:
            return None
        if not bounds:
            return known if all(_holds(rel, known) for rel in self.relations) else None
        forced = _forced(bounds)
        if forced:
            return self.run({**known, **forced})
        cell, options = _choice(bounds)
        for value in options:
            found = self.run({**known, cell: value})
            if found is not None or self.budget < 0:
                return found
        return None


def completable(report: Report, broken: Collection[tuple[str, int]]) -> bool:
    """Whether every table of ``report`` has values of its blank cells that make each relation
    not in ``broken`` (table id, relation index: those its findings break, broken whatever its
    blank cells hold, as the truth's are) hold together (:func:`completion` found them); an
    entirely blank table is not checked, as the validators do not check it."""
    for table_id, table in report.tables.items():
        flat = flat_values(table)
        if all(v is None for v in flat):
            continue
        plan = plan_for(table.spec)
        apart = frozenset(i for i in range(len(plan.relations)) if (table_id, i) in broken)
        if not _table_completable(table.spec, flat, apart):
            return False
    return True


@functools.lru_cache(maxsize=4096)
def _table_completable(spec: TableSpec, flat: tuple[CellValue, ...], apart: frozenset[int]
                       ) -> bool:
    """:func:`completable` for one table's values (cached: the proof's alternatives mostly
    change one table, the others are the truth's, checked once)."""
    plan = plan_for(spec)
    kept = [c.relation for i, c in enumerate(plan.relations) if i not in apart]
    return completion(spec, dict(zip(plan.cells, flat, strict=True)), kept) is not None


def holds_together(report: Report, table_id: str) -> bool:
    """Whether the bounds narrowing leaves ``table_id``'s blank cells values that hold every
    relation of the table; False proves that none do (:func:`gapbounds.feasible`)."""
    table = report.tables[table_id]
    plan = plan_for(table.spec)
    return feasible(table.spec, dict(zip(plan.cells, flat_values(table), strict=True)))


__all__ = ["MAX_NODES", "completable", "completion", "holds_together"]
