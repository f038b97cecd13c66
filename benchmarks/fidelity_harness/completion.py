"""Whether an alternative report of the proof of blanks is a report the truth could be: its blank
cells can take values that make its relations hold together, as the generated truth's do.

The proof compares relation findings one by one (holds, broken, not evaluable). A relation with a
blank cell is not evaluable alone, yet one blank cell is in several relations (its row total and
its column sum), and one value must satisfy them all: an alternative whose blanks would need two
values at once is no report the document could print instead of the truth. The generated truth
is made whole and consistent before cells are blanked, so its blanks have such values.

:func:`completion` *shows* such values: the bounds of :func:`~gi_report.importers.gapbounds.
narrowed` fix one blank cell at a time (a forced one first, else its least value), and the
values found are checked against every relation exactly. A search that finds none (the bounds
crossed, the greedy choice led nowhere) proves nothing either way: the alternative is then not
accepted as a witness, so a blank proven unsettleable always has a whole, consistent report
giving it another value.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping, Sequence
from decimal import Decimal

from gi_report.form.spec import Relation, TableSpec
from gi_report.importers.gapbounds import Bound, narrowed
from gi_report.model import Report
from gi_report.table import CellValue
from gi_report.validation.arithmetic import flat_values, plan_for

Cell = tuple[str, str]
Values = dict[Cell, CellValue]


def _number(value: CellValue) -> bool:
    return not isinstance(value, bool) and isinstance(value, int | Decimal)


def _next_values(bounds: Mapping[Cell, tuple[Bound, Bound]]) -> dict[Cell, Decimal]:
    """The blank cells to fix next and their values: every cell whose bounds meet, else the
    first cell at its least value (its greatest for a signed count without a least; 0 without
    either)."""
    forced = {cell: low for cell, (low, high) in bounds.items()
              if low is not None and low == high}
    if forced:
        return forced
    cell, (low, high) = next(iter(bounds.items()))
    return {cell: low if low is not None else high if high is not None else Decimal(0)}


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
    making each of ``relations`` hold, checked exactly; None if none was found (see the
    module: not a proof that there is none)."""
    known: Values = {c: v for c, v in values.items() if _number(v)}
    cells = {(ref.row, ref.column) for rel in relations for ref in rel.cells}
    for _ in range(len(cells) + 1):
        bounds = narrowed(spec, known, relations)
        if bounds is None:
            return None
        if not bounds:
            break
        for cell, value in _next_values(bounds).items():
            known[cell] = int(value) if value == value.to_integral_value() else value
    return known if all(_holds(rel, known) for rel in relations) else None


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


__all__ = ["completable", "completion"]
