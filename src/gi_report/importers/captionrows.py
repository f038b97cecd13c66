"""Number-only runs under a caption of several form rows (a crawl dump whose labels are printed
apart from their numbers).

A one-line crawl of a table whose row labels are printed apart (as a list before the table)
prints each caption's header, then the digits of all its rows run together: under item 1's
caption, ``010010`` is the three cells of its first row and the three of its second. Such a run
is read as the caption's rows in the form's order, their value cells one run for the digit
solver, only when it is the one number-only row under that caption, no label claims any of the
caption's rows, the rows hold counts only (signed or not: no amount, no unit column), and the
header right above it names exactly their value columns (:func:`caption_rows`). The solver
keeps a split only where it is the one the digits allow (the table has no arithmetic), and a
document that drops blank cells keeps none a dropped cell could change
(:mod:`~gi_report.importers.dropped`).

A crawl prints nothing for a wholly blank row, and with the labels printed apart nothing shows
that a row is missing: ``48`` under item 6's two rows is 4 and 8, or a blank row and 48. Such
a run is read only when its digits cannot be the caption's rows with one or more of them left
out (:func:`unsettled`); otherwise its cells are blank (``split.dropped``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations

from gi_report.form.spec import CellKind, ColumnSpec, RowSpec, TableSpec
from gi_report.importers import shortrow
from gi_report.importers.cellnames import Cell
from gi_report.importers.rows import DataRow

HOW = "caption_rows"
"""How a data row read as several form rows is marked (:attr:`DataRow.how`)."""
ORDER_HOW = "caption_order"
"""How a number-only row read as one of its caption's rows by their order is marked
(:func:`gi_report.importers.align.by_caption`)."""

_COUNTS = frozenset({CellKind.COUNT, CellKind.SIGNED_COUNT})
_DIGIT = re.compile(r"[0-9]")
_SIGN = re.compile(r"[+-](?=[0-9])")


def caption_rows(spec: TableSpec, dr: DataRow, claimed: set[str], under: int
                 ) -> list[RowSpec] | None:
    """The form rows of the one caption ``dr`` stands under (``under``: how many number-only
    rows do), if they are two or more, none ``claimed``, all of counts with the same value
    columns, and the header right above ``dr`` names exactly those columns; else ``None``."""
    if len(dr.groups) != 1 or under != 1:
        return None
    members = [r for r in spec.rows if r.group in dr.groups]
    if len(members) < 2 or any(r.id in claimed for r in members):
        return None
    return members if _same_counts(spec, members) and _named(dr) == set(
        members[0].columns) else None


def _same_counts(spec: TableSpec, rows: Sequence[RowSpec]) -> bool:
    """Whether ``rows`` have the same columns, every one a count."""
    return len({r.columns for r in rows}) == 1 and all(
        spec.column(c).kind in _COUNTS for c in rows[0].columns)


def _named(dr: DataRow) -> set[str]:
    """The form columns the header right above ``dr`` names."""
    named = {t.id for _, t in dr.header.tokens if isinstance(t, ColumnSpec)}
    return named | {c.id for c in dr.header.columns.values()}


def cells(spec: TableSpec, dr: DataRow) -> list[Cell]:
    """The value cells of the caption's rows ``dr`` was read as, in the form's order."""
    return [(r.id, c) for r in spec.rows if r.group in dr.groups for c in r.columns]


def unsettled(spec: TableSpec, dr: DataRow, printed: int | None = None) -> bool:
    """Whether the digits ``dr`` prints also cut into the value cells of its caption's rows with
    one or more of those rows left out (wholly blank rows a crawl printed as nothing): then
    which rows the digits belong to is not known. Counted on the digits run together (spaces
    would only add cuts): a count of cells between the fewest and the most counts they cut
    into is taken as a cut that exists, unless the rows kept have fewer signed cells than the
    run prints signs (a sign starts a number of a signed column). ``printed``: the cells the
    run prints where each number carries its unit word (each one cell, never cut: the only
    count, :mod:`~gi_report.importers.unitnumbers`)."""
    rows = [(len(r.columns), _signed(spec, r)) for r in spec.rows if r.group in dr.groups]
    texts = [slot.text for slot in dr.values]
    digits = "".join(d for text in texts for d in _DIGIT.findall(text))
    signs = sum(len(_SIGN.findall(text)) for text in texts)
    fewest, most = (printed, printed) if printed is not None else shortrow.count_bounds(
        (digits,))
    return any(fewest <= sum(n for n, _ in kept) <= most and signs <= sum(s for _, s in kept)
               for size in range(1, len(rows)) for kept in combinations(rows, size))


def _signed(spec: TableSpec, row: RowSpec) -> int:
    """How many of ``row``'s value cells hold signed counts."""
    return sum(spec.column(c).kind is CellKind.SIGNED_COUNT for c in row.columns)


__all__ = ["HOW", "caption_rows", "cells", "unsettled"]
