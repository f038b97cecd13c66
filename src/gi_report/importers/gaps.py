"""Rows printed with a cell missing, the missing cell placed by the form's arithmetic.

A crawl or a converter can drop a value cell (an empty ``<td>`` lost, a Markdown row that ends
early): the row then prints fewer cells than the form row has, each a whole number of its own.
Which cell is missing is not said, so every placement of the gap (one or two cells) is tried:
the printed values fill the other cells in order. A placement is **consistent** when every
relation of the table (row totals, column sums, 一+二 = （七）+四) can hold with the values read
elsewhere in the table: equal where every cell is stated; where blank cells (each some count
≥ 0) stand on one side only, that side's stated cells must not already exceed the other side.
A cell is read when every consistent placement gives it the same printed value (a gap among
equal values, ``46 0 0 0 0 46`` for seven cells: the two 46 are read, the zeros stay blank with
the candidates, since one of their cells is the missing one). Nothing is read

* when no placement is consistent, or every one is (no arithmetic to choose: section 二);
* when a relation checkable without the gapped rows fails (the document does not hold to its
  own arithmetic, so it cannot settle anything).

The missing cell itself is always blank: its value is never computed from a total.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from itertools import combinations

import attrs

from gi_report.form.spec import CellKind, Relation, TableSpec
from gi_report.importers import gapbounds
from gi_report.importers.cellnames import Cell
from gi_report.importers.values import Status, parse_value
from gi_report.table import CellValue

MAX_MISSING = 2
"""Most cells a row may lack for its gap to be placed (C(15, 2) = 105 placements at most)."""


@attrs.frozen
class Gap:
    """A row printing fewer cells than its form row: its cells and the texts it prints."""

    cells: tuple[Cell, ...]
    texts: tuple[str, ...]


@attrs.frozen
class Settled:
    """What the arithmetic settled for one gap: the text read for each settled cell, the cells
    left open and, for those, one tuple of candidates per consistent placement."""

    read: dict[Cell, str]
    open: tuple[Cell, ...]
    candidates: tuple[tuple[CellValue, ...], ...]
    missing: tuple[Cell, ...] = ()  #: the cells every consistent placement leaves out


Placement = dict[Cell, tuple[str | None, CellValue]]
"""Each cell's printed text (``None``: the missing cell) and its value."""


def placements(spec: TableSpec, gap: Gap) -> list[Placement]:
    """Every way to lay the printed texts over the cells, leaving the missing ones out."""
    missing = len(gap.cells) - len(gap.texts)
    out: list[Placement] = []
    for holes in combinations(range(len(gap.cells)), missing):
        texts = iter(gap.texts)
        placement: Placement = {}
        for i, cell in enumerate(gap.cells):
            if i in holes:
                placement[cell] = (None, None)
                continue
            text = next(texts)
            parsed = parse_value(text, spec.column(cell[1]).kind)
            if parsed.status not in (Status.NUMBER, Status.BLANK, Status.DASH):
                break  # e.g. a negative number in a column of counts
            placement[cell] = (text, parsed.value)
        else:
            out.append(placement)
    return out


def _number(value: CellValue) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return None
    return Decimal(value)


def _holds(rel: Relation, values: Mapping[Cell, CellValue]) -> bool | None:
    """Whether the relation holds; ``None`` when a cell of it is blank."""
    left = [_number(values.get((c.row, c.column))) for c in rel.left]
    right = [_number(values.get((c.row, c.column))) for c in rel.right]
    if any(v is None for v in (*left, *right)):
        return None
    return sum(v for v in left if v is not None) == sum(v for v in right if v is not None)


def _possible(spec: TableSpec, rel: Relation, values: Mapping[Cell, CellValue]) -> bool:
    """Whether the relation can hold: equal when every cell is stated; with blank cells only
    on one side, all of them non-negative (counts, amounts), that side's stated cells must not
    already exceed the other side (a blank stands for some number ≥ 0)."""
    sides = []
    for refs in (rel.left, rel.right):
        stated = [_number(values.get((c.row, c.column))) for c in refs]
        blank = [c for c, v in zip(refs, stated, strict=True) if v is None]
        sides.append((sum(v for v in stated if v is not None), blank))
    (left, left_blank), (right, right_blank) = sides
    if left_blank and right_blank:
        return True
    if any(spec.column(c.column).kind is CellKind.SIGNED_COUNT
           for c in (*left_blank, *right_blank)):
        return True
    if left_blank:
        return left <= right
    if right_blank:
        return right <= left
    return left == right


def trusted(spec: TableSpec, known: Mapping[Cell, CellValue], gapped: set[str]) -> bool:
    """Whether every relation checkable without the gapped rows holds, and the relations can
    all hold together with the gapped rows' cells unknown (:mod:`~gi_report.importers.
    gapbounds`)."""
    if not all(_holds(rel, known) is not False for rel in spec.relations
               if not any(c.row in gapped for c in rel.cells)):
        return False
    return gapbounds.feasible(spec, {c: v for c, v in known.items() if c[0] not in gapped})


def consistent(spec: TableSpec, known: Mapping[Cell, CellValue], gap: Gap
               ) -> tuple[list[Placement], int]:
    """The placements of ``gap`` that break no relation, alone or with the others at once
    (:mod:`~gi_report.importers.gapbounds`), and how many there are in all."""
    rows = {r for r, _ in gap.cells}
    touching = [rel for rel in spec.relations if any(c.row in rows for c in rel.cells)]
    every = placements(spec, gap)
    found = []
    for p in every:
        values = {**known, **{c: v for c, (_, v) in p.items()}}
        if all(_possible(spec, rel, values) for rel in touching) and gapbounds.feasible(
                spec, values):
            found.append(p)
    return found, len(every)


def _agreed(cells: Sequence[Cell], found: Sequence[Placement]) -> dict[Cell, str | None]:
    """The cells every placement gives the same text (``None``: every one leaves it out)."""
    out: dict[Cell, str | None] = {}
    for cell in cells:
        texts = {p[cell][0] for p in found}
        if len(texts) == 1:
            out[cell] = texts.pop()
    return out


def settle(spec: TableSpec, known: Mapping[Cell, CellValue], gap: Gap) -> Settled:
    """The cells of ``gap`` every consistent placement gives the same printed value (see the
    module)."""
    found, every = consistent(spec, known, gap)
    return agreed_settled(gap, found, every)


def agreed_settled(gap: Gap, found: Sequence[Placement], every: int) -> Settled:
    """What ``found`` (the consistent placements of ``gap``, out of ``every``) settle: nothing
    when none or all of them are consistent, else the cells they agree on."""
    if not found or every == 1 or len(found) == every:
        return Settled({}, gap.cells, tuple(tuple(p[c][1] for c in gap.cells) for p in found))
    agreed = _agreed(gap.cells, found)
    read = {cell: text for cell, text in agreed.items() if text is not None}
    missing = tuple(cell for cell, text in agreed.items() if text is None)
    open_cells = tuple(c for c in gap.cells if c not in agreed)
    return Settled(read, open_cells, tuple(tuple(p[c][1] for c in open_cells) for p in found),
                   missing)


def fits(texts: Sequence[str], cells: int) -> bool:
    """Whether a row of ``texts`` (whole cells, fewer than ``cells``) can be a gapped row."""
    return 2 <= len(texts) < cells <= len(texts) + MAX_MISSING


possible = _possible
"""Whether a relation can hold with the values given (blank cells: some count ≥ 0)."""
