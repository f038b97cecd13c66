"""Runs of mixed kinds in a document that drops blank cells: the cells every reading agrees on.

A crawl that prints nothing for a blank cell may have dropped any cell of a row printed as one
run, so the split the digits alone allow is distrusted (:func:`~gi_report.importers.dropped.
distrust`). Yet every reading may be tried: each cell printed or not, each cut of the printed
text into one number per printed cell, of that cell's kind (no number starts with 0 unless it is
0 or an amount below 1; a sign only at the start of a signed count; a decimal point only in an
amount), a number never spanning a cut the document prints (a sign, a unit word). A cell of a
run no relation checks (section 二's rows) to which every reading gives one printed value is
read: ``03.147`` is the count 0 and the amount 3.147 (neither ``03.147`` nor ``3.147`` alone is a
number of the other cell's kind, and no count starts with 0); in ``0-11950`` under a count, a
signed count and a count, the first count is 0 (the signed count cannot come first, and
``-11950`` is no count). The true reading is among those tried, so what they all agree on is
what the document states. Runs of counts only are :mod:`~gi_report.importers.unprinted`'s.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal

from gi_report.form.spec import CellKind, TableSpec
from gi_report.importers import unprinted
from gi_report.importers.digits import Run
from gi_report.importers.result import Notice
from gi_report.numbers import amount_digits_fit, count_digits_fit
from gi_report.table import CellValue

Cell = tuple[str, str]
Value = int | Decimal | None
"""A cell's value in a reading: ``None`` for a cell printed as nothing."""

MAX_CELLS = 4
"""Most cells of a run read here (section 二's rows have two or three)."""
MAX_TEXT = 64
"""Longest run read here (characters): the readings are at most one per cut of it."""

_NUMBER = {
    CellKind.COUNT: re.compile(r"0|[1-9][0-9]*"),
    CellKind.SIGNED_COUNT: re.compile(r"0|[+-]?[1-9][0-9]*"),
    CellKind.AMOUNT: re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?"),
}


def _value(kind: CellKind, piece: str) -> Value | bool:
    """``piece`` as a number of ``kind``, or ``False`` when it is none (a leading 0, a point in a
    count, a sign out of place, more digits than the form holds)."""
    if not _NUMBER[kind].fullmatch(piece):
        return False
    if kind is CellKind.AMOUNT:
        return Decimal(piece) if amount_digits_fit(piece) else False
    return int(piece) if count_digits_fit(piece.lstrip("+-")) else False


def readings(kinds: Sequence[CellKind], segments: Sequence[str]) -> list[tuple[Value, ...]]:
    """Every reading of ``segments`` over cells of ``kinds``: each cell printed (a number of its
    kind, within one segment) or not (``None``), the printed ones taking the text in order, all
    of it."""
    text = "".join(segments)
    cuts: set[int] = set()
    for segment in segments[:-1]:
        cuts.add((max(cuts) if cuts else 0) + len(segment))
    return _from(tuple(kinds), text, 0, frozenset(cuts))


def _from(kinds: tuple[CellKind, ...], text: str, at: int, cuts: frozenset[int]
          ) -> list[tuple[Value, ...]]:
    """The readings of ``text[at:]`` over ``kinds`` (see :func:`readings`)."""
    if not kinds:
        return [()] if at == len(text) else []
    out = [(None, *rest) for rest in _from(kinds[1:], text, at, cuts)]
    for stop in range(at + 1, len(text) + 1):
        value = _value(kinds[0], text[at:stop])
        if value is not False:
            out.extend((value, *rest) for rest in _from(kinds[1:], text, stop, cuts))
        if stop in cuts:
            break  # a number never spans a cut the document prints
    return out


def eligible(spec: TableSpec, run: Run) -> bool:
    """Whether ``run`` is read here: a few cells of counts, signed counts and amounts, not all
    counts, no whitespace a cell holding two numbers could straddle, none of its cells in a
    relation."""
    if (len(run.cells) > MAX_CELLS or any(run.soft) or sum(map(len, run.segments)) > MAX_TEXT
            or any(kind not in _NUMBER for kind in run.kinds)
            or all(kind is CellKind.COUNT for kind in run.kinds)):
        return False
    cells = set(run.cells)
    return not any((c.row, c.column) in cells for rel in spec.relations for c in rel.cells)


def settle(spec: TableSpec, runs: Sequence[Run]) -> dict[Cell, Value]:
    """The cells of each :func:`eligible` run that every reading gives one printed value."""
    out: dict[Cell, Value] = {}
    for run in runs:
        if not eligible(spec, run):
            continue
        found = readings(run.kinds, run.segments)
        for k, cell in enumerate(run.cells):
            values = {reading[k] for reading in found}
            if len(values) == 1 and (value := values.pop()) is not None:
                out[cell] = value
    return out


def fill(spec: TableSpec, stated: Mapping[Cell, CellValue], runs: Sequence[Run],
         found: Mapping[Cell, CellValue], notices: Sequence[Notice]
         ) -> tuple[dict[Cell, CellValue], list[Notice]]:
    """``found`` with the cells :func:`settle` reads that it and ``stated`` left blank, those
    cells taken out of the notices leaving them blank, and a ``split.unique`` notice per run."""
    settled = {cell: v for cell, v in settle(spec, runs).items()
               if found.get(cell) is None and stated.get(cell) is None}
    return unprinted.merge_settled(spec, runs, found, settled, notices,
                                   "、每个数合乎其单元格数值格式的每种读法")


__all__ = ["MAX_CELLS", "MAX_TEXT", "eligible", "fill", "readings", "settle"]
