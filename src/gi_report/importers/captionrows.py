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
"""

from __future__ import annotations

from collections.abc import Sequence

from gi_report.form.spec import CellKind, ColumnSpec, RowSpec, TableSpec
from gi_report.importers.cellnames import Cell
from gi_report.importers.rows import DataRow

HOW = "caption_rows"
"""How a data row read as several form rows is marked (:attr:`DataRow.how`)."""

_COUNTS = frozenset({CellKind.COUNT, CellKind.SIGNED_COUNT})


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


__all__ = ["HOW", "caption_rows", "cells"]
