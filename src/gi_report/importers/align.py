"""Stage *align rows to the form*: which form row each data row is, and how that was decided.

1. **By label, in the form's order**: a row whose label matches one or more form rows
   (:mod:`~gi_report.importers.vocabulary`: exact, a listed variant, or a small edit distance) is
   the first of them after the previous row aligned — the form's order settles repeated labels
   such as 1.… under （三） and under （四）.
2. **By position**: a run of rows whose labels match nothing, between two aligned rows, is taken
   as the form rows missing between them, when there are exactly as many, each with as many value
   cells as its form row, no label is a row of the table's other layout, and no row stands under a
   header naming only columns the form does not have (an extra table; ``label.by_position``;
   otherwise ``label.unmatched`` and the values are not used).
3. **Detached rows** (no label at all) are aligned later, once the labelled rows' values are
   known: :mod:`~gi_report.importers.detached`.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

import attrs

from gi_report.form import TEMPLATES
from gi_report.form.spec import CellKind, RowSpec, TableSpec
from gi_report.importers.cellnames import Cell
from gi_report.importers.detached import align
from gi_report.importers.result import Notice, notice
from gi_report.importers.rows import DataRow
from gi_report.importers.values import run_segments
from gi_report.importers.vocabulary import vocabulary
from gi_report.table import CellValue

FOREIGN_ROW_PENALTY = 10
"""Score lost by a layout for each printed row label that only another layout has."""


@attrs.define
class Alignment:
    """What aligning said: the notices, and how well the layout fits (added to its score)."""

    notices: list[Notice] = attrs.field(factory=list)
    score: int = 0


@functools.lru_cache(maxsize=4096)
def foreign_row(spec: TableSpec, label: str) -> bool:
    """Whether a label is a row of another layout of this table (never taken by position)."""
    return any(vocabulary(t.table(spec.id)).row(label) is not None
               for t in TEMPLATES.values() if t.table(spec.id) is not spec)


@functools.lru_cache(maxsize=4096)
def foreign_column(spec: TableSpec, label: str) -> bool:
    """Whether a header label names a column only another layout of this table has."""
    return vocabulary(spec).column(label) is None and any(
        vocabulary(t.table(spec.id)).column(label) is not None
        for t in TEMPLATES.values() if t.table(spec.id) is not spec)


def by_label(spec: TableSpec, rows: Sequence[DataRow]) -> None:
    """Rows with a matching label: the first matching form row after the previous one."""
    last = -1
    for dr in rows:
        if dr.match is None:
            continue
        items = dr.match.items
        after = [r for r in items if spec.row_position(r.id) > last]
        dr.row = after[0] if after else items[0]
        dr.how = dr.match.how
        last = spec.row_position(dr.row.id)


def _value_count(spec: TableSpec, row: RowSpec) -> int:
    return sum(1 for c in row.columns if spec.column(c).kind is not CellKind.TEXT)


def _gap(spec: TableSpec, rows: Sequence[DataRow], i: int, j: int, taken: set[str]
         ) -> tuple[list[RowSpec], bool]:
    """The form rows free between the aligned rows around ``rows[i:j]``; whether any is aligned."""
    before = next((rows[k].row for k in range(i - 1, -1, -1) if rows[k].row is not None), None)
    after = next((rows[k].row for k in range(j, len(rows)) if rows[k].row is not None), None)
    lo = spec.row_position(before.id) if before else -1
    hi = spec.row_position(after.id) if after else len(spec.rows)
    return [r for r in spec.rows[lo + 1:hi] if r.id not in taken], bool(before or after)


def _foreign_header(dr: DataRow) -> bool:
    """Whether the row stands under a header of its own that names none of the form's columns,
    only others (a table the form does not have: never the form's rows by position)."""
    header = dr.header
    return header.lines > 0 and not header.columns and bool(header.unknown)


def _fits(spec: TableSpec, run: Sequence[DataRow], gap: Sequence[RowSpec]) -> bool:
    if len(gap) != len(run) or any(dr.found and foreign_row(spec, dr.found) for dr in run):
        return False
    if any(_foreign_header(dr) for dr in run):
        return False
    return all(_fills(spec, dr, r) for dr, r in zip(run, gap, strict=True))


def _fills(spec: TableSpec, dr: DataRow, row: RowSpec) -> bool:
    """Whether a row's value cells can be the form row's: one per cell, or one digit run with
    a digit for each cell (a crawl that ran them together; the row's arithmetic splits it)."""
    count = _value_count(spec, row)
    if len(dr.values) == count:
        return True
    runs = run_segments(dr.values[0].text) if len(dr.values) == 1 and count > 1 else None
    return runs is not None and len(runs) == 1 and sum(c.isdigit() for c in runs[0]) >= count


def _unmatched(spec: TableSpec, run: Sequence[DataRow], out: Alignment) -> None:
    for dr in run:
        if dr.found and foreign_row(spec, dr.found):
            out.score -= FOREIGN_ROW_PENALTY  # the other layout's row: not this layout
        if any(s.is_value for s in dr.values):
            out.score -= 2
            out.notices.append(notice(
                "label.unmatched",
                f"表格行“{dr.found}”与{spec.title}的任何一行都不对应，其数值未使用",
                location=dr.location, found=dr.found))


def by_position(spec: TableSpec, rows: Sequence[DataRow], out: Alignment) -> None:
    """Runs of rows whose labels match nothing, placed in the gap between aligned rows."""
    taken = {dr.row.id for dr in rows if dr.row is not None}
    i = 0
    while i < len(rows):
        if rows[i].row is not None or not rows[i].labels:
            i += 1
            continue
        j = i
        while j < len(rows) and rows[j].row is None and rows[j].labels:
            j += 1
        run = rows[i:j]
        gap, anchored = _gap(spec, rows, i, j, taken)
        if anchored and _fits(spec, run, gap):
            for dr, row in zip(run, gap, strict=True):
                dr.row, dr.how = row, "position"
                taken.add(row.id)
        else:
            _unmatched(spec, run, out)
        i = j


def align_labelled(spec: TableSpec, rows: Sequence[DataRow]) -> Alignment:
    """Stages 1 and 2: every labelled row aligned to a form row, or reported."""
    out = Alignment()
    by_label(spec, rows)
    by_position(spec, rows, out)
    return out


def loose_rows(rows: Sequence[DataRow]) -> list[DataRow]:
    """Rows with values but no label, no heading naming them and no form row yet.

    A line naming a row above a table (``dr.hint``) is trusted only while no other row of the
    section is loose: beside number-only rows it is one of their labels printed apart (the
    last line of the list), so every unlabelled row is aligned as detached, by the arithmetic.
    """
    unlabelled = [dr for dr in rows if dr.row is None and not dr.labels
                  and any(s.is_value for s in dr.values)]
    if all(dr.hint is not None for dr in unlabelled):
        return []
    for dr in unlabelled:
        dr.hint = None
    return unlabelled


def align_detached(spec: TableSpec, rows: Sequence[DataRow], loose: Sequence[DataRow],
                   known: Mapping[Cell, CellValue]) -> None:
    """Stage 3: number-only rows as the unclaimed form rows, in order, if the arithmetic holds."""
    if len(loose) < 2:
        return
    order = [spec.row_position(dr.row.id) if dr.row is not None else None
             for dr in rows if dr.row is not None or any(dr is d for d in loose)]
    found = align(spec, order, [[s.text for s in dr.values] for dr in loose], known,
                  [_label_span(dr) for dr in loose])
    if found is None:
        return
    for dr, row in zip(loose, found, strict=True):
        _trim(dr, _value_count(spec, row))
        dr.row, dr.how = row, "detached"


def _trim(dr: DataRow, count: int) -> None:
    """The row's cells beyond ``count`` left out: its empty label columns, then trailing empty
    cells (as :func:`~gi_report.importers.detached.trimmed` does for the texts)."""
    span = _label_span(dr)
    while len(dr.values) > count and span:  # the rest of an empty label column
        dr.values, span = dr.values[1:], span - 1
    while len(dr.values) > count and dr.values[-1].empty:
        dr.values = dr.values[:-1]


def _label_span(dr: DataRow) -> int:
    """How many empty cells start the row outside every column its header names: the empty
    label columns of a table whose labels are printed apart (never a cell under a header)."""
    n = 0
    while (n < len(dr.values) and dr.values[n].empty
           and dr.values[n].col0 not in dr.header.columns):
        n += 1
    return n
