"""Rows printed without their labels, aligned to the form's rows by order and checked by arithmetic.

A PDF's text layer often detaches a table's labels from its numbers: the labels come out wrapped
over several lines elsewhere, the numbers as rows of their own (``6 0 0 0 0 0 6``) in the form's
row order. Such rows are taken as the form rows that no label claimed, in order, only when

* there are exactly as many of them as unclaimed form rows, each with exactly as many numbers as
  its form row has value columns (in a table with arithmetic, one row may print one whole number
  fewer: a lost cell, its values left to :mod:`~gi_report.importers.gaps`), in an order that
  agrees with the labelled rows around them (so the alignment is the only one possible), and
* every relation of the table that their values take part in holds (row totals, column sums,
  一+二 = （七）+四), and at least one such relation can be checked — unless the table has no
  arithmetic at all (section 二), where the column counts alone must line up.

Otherwise nothing is aligned and the rows stay unused (``row.unlabelled``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from gi_report.form.spec import CellKind, RowSpec, TableSpec
from gi_report.importers.values import Status, parse_value
from gi_report.table import CellValue

Cell = tuple[str, str]


def value_columns(spec: TableSpec, row: RowSpec) -> list[str]:
    """The columns of ``row`` that hold numbers (not a unit column)."""
    return [c for c in row.columns if spec.column(c).kind is not CellKind.TEXT]


def align(spec: TableSpec, order: Sequence[int | None], texts: Sequence[Sequence[str]],
          known: Mapping[Cell, CellValue], spans: Sequence[int] | None = None, *,
          listed: Sequence[str] | None = None,
          printed: Sequence[Sequence[str] | None] | None = None) -> list[RowSpec] | None:
    """The form rows of the detached rows, or ``None`` if the alignment is not certain.

    ``order`` lists the document's data rows: the form position of a labelled row, ``None`` for
    a detached one; ``texts`` holds each detached row's value texts, in document order;
    ``known`` the cells read from labelled rows; ``spans`` how many empty cells start each
    detached row outside every named column (left out where the row has too many cells).

    With ``listed`` (the row ids the labels printed apart name, in order), the alignment is
    accepted instead when no relation can be checked (every one touches a blank cell) and the
    labels name exactly the unclaimed rows, in order: the document's own list of the rows.
    ``printed``: per detached row, the order its header settles its columns in (another than
    the form's: the total column first), or ``None`` for the form's order.
    """
    claimed = {p for p in order if p is not None}
    free = [r for i, r in enumerate(spec.rows) if i not in claimed]
    if len(free) != len(texts) or len(texts) < 2:
        return None
    positions = iter(spec.row_position(r.id) for r in free)
    sequence = [p if p is not None else next(positions) for p in order]
    if sequence != sorted(sequence):
        return None  # the labelled rows around them say another order
    values = _read(spec, free, texts, spans or [0] * len(texts), printed or [None] * len(texts))
    if values is None:
        return None
    return free if _settled(spec, free, {**known, **values}, listed) else None


def _settled(spec: TableSpec, free: Sequence[RowSpec], values: Mapping[Cell, CellValue],
             listed: Sequence[str] | None) -> bool:
    """Whether the rows read as ``free`` are confirmed: by the arithmetic, or (``listed``) by
    the labels printed apart naming exactly them where no relation can be checked."""
    if listed is not None:
        return list(listed) == [r.id for r in free] and not _checkable(spec, values)
    return arithmetic_holds(spec, values, {r.id for r in free})


def _checkable(spec: TableSpec, values: Mapping[Cell, CellValue]) -> bool:
    """Whether some relation of the table has every cell stated."""
    return any(all(_number(values.get((c.row, c.column))) is not None for c in rel.cells)
               for rel in spec.relations)


def _read(spec: TableSpec, rows: Sequence[RowSpec], texts: Sequence[Sequence[str]],
          spans: Sequence[int], printed: Sequence[Sequence[str] | None]
          ) -> dict[Cell, CellValue] | None:
    """The detached rows' values as the form rows they would be (``None``: a count differs);
    a row's first ``spans`` texts (empty label columns) are left out where it has more texts
    than its form row has cells."""
    values: dict[Cell, CellValue] = {}
    short = 0
    for row, row_printed, span, in_order in zip(rows, texts, spans, printed, strict=True):
        columns = in_printed_order(value_columns(spec, row), in_order)
        row_texts = trimmed(row_printed, span, len(columns))
        if spec.relations and lacks_cells(row_texts, len(columns)):
            short += 1  # a cell lost: its row is known by order, its values are not read here
            continue
        if len(columns) != len(row_texts):
            return None
        for column, text in zip(columns, row_texts, strict=True):
            parsed = parse_value(text, spec.column(column).kind)
            values[(row.id, column)] = parsed.value if parsed.status is Status.NUMBER else None
    return values if short <= MAX_SHORT_ROWS else None


def in_printed_order(columns: list[str], printed: Sequence[str] | None) -> list[str]:
    """A row's value columns in the order its header prints them, when that names each."""
    if printed is None or not set(columns) <= set(printed):
        return columns
    return sorted(columns, key=list(printed).index)


MAX_SHORT_ROWS = 1
"""Detached rows that may each lack a cell (a crawl dropped it) in a table with arithmetic: the
alignment is by order and count, checked by the other rows' relations, so one such row still
has its place; its cells are read later by the form's arithmetic
(:mod:`~gi_report.importers.gaps`), or left blank. A table with no arithmetic (section 二) is
aligned by its rows' cell counts alone: no row there may lack one."""


def lacks_cells(texts: Sequence[str], count: int) -> bool:
    """A row of only whole numbers, one fewer than ``count`` (a cell lost, not a label): it
    stands for one form row all the same."""
    return (len(texts) == count - 1 and count > 2
            and all(t.strip() and t.strip().isdigit() for t in texts))


def trimmed(texts: Sequence[str], span: int, count: int) -> Sequence[str]:
    """A row's texts without the empty ones it has beyond ``count`` cells: first its leading
    empty label columns (at most ``span``), then trailing empty cells (a row printed narrower
    than its header, or a Markdown row padded to the table's width). No number is left out."""
    out = list(texts[min(span, max(0, len(texts) - count)):])
    while len(out) > count and not out[-1].strip():
        out.pop()
    return out


def arithmetic_holds(spec: TableSpec, values: Mapping[Cell, CellValue], rows: set[str]) -> bool:
    """Every relation touching ``rows`` that can be checked holds, and one can be checked
    (a table with no relations passes)."""
    touching = [rel for rel in spec.relations if any(c.row in rows for c in rel.cells)]
    if not spec.relations:
        return True
    checked = 0
    for rel in touching:
        left = [_number(values.get((c.row, c.column))) for c in rel.left]
        right = [_number(values.get((c.row, c.column))) for c in rel.right]
        if any(v is None for v in (*left, *right)):
            continue
        if sum(v for v in left if v is not None) != sum(v for v in right if v is not None):
            return False
        checked += 1
    return checked > 0


def _number(value: CellValue) -> Decimal | None:
    return Decimal(value) if isinstance(value, int | Decimal) and not isinstance(
        value, bool) else None
