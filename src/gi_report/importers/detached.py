"""Rows printed without their labels, aligned to the form's rows by order and checked by arithmetic.

A PDF's text layer often detaches a table's labels from its numbers: the labels come out wrapped
over several lines elsewhere, the numbers as rows of their own (``6 0 0 0 0 0 6``) in the form's
row order. Such rows are taken as the form rows that no label claimed, in order, only when

* there are exactly as many of them as unclaimed form rows, each with exactly as many numbers as
  its form row has value columns (in a table with arithmetic, two rows may each print one or
  two cells fewer: lost cells, perhaps beside a cell of two numbers, their values left to
  :mod:`~gi_report.importers.gaps` or blank), in an
  order that agrees with the labelled rows around them (so the alignment is the only one
  possible), and
* every relation of the table that their values take part in holds (row totals, column sums,
  一+二 = （七）+四), and at least one such relation can be checked — unless the table has no
  arithmetic at all (section 二), where the column counts alone must line up.

Otherwise nothing is aligned and the rows stay unused (``row.unlabelled``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal

from gi_report.form.spec import CellKind, RowSpec, TableSpec
from gi_report.form.units import COUNT_UNITS
from gi_report.importers import lostrow
from gi_report.importers.gaps import MAX_MISSING
from gi_report.importers.values import Status, parse_value, two_numbers
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


def align_lost(spec: TableSpec, order: Sequence[int | None], texts: Sequence[Sequence[str]],
               known: Mapping[Cell, CellValue], spans: Sequence[int] | None = None, *,
               printed: Sequence[Sequence[str] | None] | None = None,
               listed: Sequence[str] | None = None) -> list[RowSpec | None] | None:
    """The form rows of detached rows one fewer than the unclaimed form rows (one row lost), as
    far as the arithmetic (or the labels' own list, ``listed``) settles them
    (:mod:`~gi_report.importers.lostrow`); ``None``: nothing settled. Arguments as
    :func:`align`."""
    claimed = {p for p in order if p is not None}
    free = [r for i, r in enumerate(spec.rows) if i not in claimed]
    if not spec.relations or len(free) != len(texts) + 1 or len(texts) < 2:
        return None
    found = _consistent_holes(spec, free, order, texts, known, spans or [0] * len(texts),
                              printed or [None] * len(texts))
    lost = lostrow.settle(free, found, listed)
    return None if lost is None else list(lost.rows)


def _consistent_holes(spec: TableSpec, free: Sequence[RowSpec], order: Sequence[int | None],
                      texts: Sequence[Sequence[str]], known: Mapping[Cell, CellValue],
                      spans: Sequence[int], printed: Sequence[Sequence[str] | None]
                      ) -> list[int]:
    """The places of the lost row among ``free`` with which the table's arithmetic can hold."""
    found = []
    for hole in lostrow.holes(free, order, spec):
        rows = [r for i, r in enumerate(free) if i != hole]
        values = _read(spec, rows, texts, spans, printed)
        if values is not None and lostrow.consistent(
                spec, {**known, **values}, {r.id for r in free}):
            found.append(hole)
    return found


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
        if spec.relations and stands_short(row_texts, len(columns)):
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


MAX_SHORT_ROWS = 2
"""Detached rows that may each lack cells (a crawl dropped them) in a table with arithmetic: the
alignment is by order and count, checked by the other rows' relations, so such rows still have
their places; their cells are read later by the form's arithmetic
(:mod:`~gi_report.importers.gaps`), or left blank. A table with no arithmetic (section 二) is
aligned by its rows' cell counts alone: no row there may lack one."""


def lacks_cells(texts: Sequence[str], count: int) -> bool:
    """A row of whole numbers and blanks, one or two cells fewer than ``count`` (cells lost, not
    a label), at least one a number: it stands for one form row all the same."""
    return (count > 2 and count - MAX_MISSING <= len(texts) < count
            and all(not t.strip() or _whole_count(t) for t in texts)
            and any(t.strip() for t in texts))


def stands_short(texts: Sequence[str], count: int) -> bool:
    """A row printing one or two cells fewer than ``count`` that is still one form row by order:
    it lacks cells (:func:`lacks_cells`), or its cells are whole numbers and blanks with one or
    more holding two numbers apart (``31 22``: a lost cell beside a lost border, or two cells
    printed as one), none of which is read here."""
    return lacks_cells(texts, count) or (
        count > 2 and count - MAX_MISSING <= len(texts) < count
        and any(two_numbers(t) for t in texts)
        and all(all(_whole_count(p) for p in t.split()) for t in texts))


_COUNT_UNIT = re.compile(rf"\s*(?:{'|'.join(map(re.escape, COUNT_UNITS))})$")


def _whole_count(text: str) -> bool:
    """A whole number, perhaps with a counting word after it (``5件``)."""
    return _COUNT_UNIT.sub("", text.strip()).isdigit()


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
