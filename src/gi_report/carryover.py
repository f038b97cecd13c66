"""Carry-over (rule R8), evaluated once for the validators and the analysis.

What an agency carries over at the end of a year (section 三, row ``carried_to_next_year``) is
what it takes over at the start of the next (row ``carried_from_last_year``), column by column.
:func:`carry_over` compares the two; ``validate_series`` (R8 findings) and ``compare_reports``
(:class:`~gi_report.analysis.CarryOver`) both report its outcome, so they cannot disagree.

A blank cell is read as :mod:`gi_report.bounds` reads it: a blank total is the sum of its parts
(exact when every part is stated, else a lower bound), any other blank is unknown (0 with
``blank_as_zero``). The check fails only when the stated values prove a difference (an exact
value against another exact one, or against a lower bound already above it); when a blank could
hide either outcome it is not evaluable, and names the blank cells in the way.
"""

from __future__ import annotations

import enum

import attrs

from gi_report.bounds import Bound, cell_bound
from gi_report.table import Table

CARRIED_TO = "carried_to_next_year"
"""Row of section 三 with what a year hands over to the next."""

CARRIED_FROM = "carried_from_last_year"
"""Row of section 三 with what a year takes over from the previous one."""


class CarryStatus(enum.StrEnum):
    """The outcome for one column; a ``str``, so ``status == "ok"`` holds."""

    OK = "ok"  #: both values known and equal
    MISMATCH = "mismatch"  #: the stated values prove the two differ
    NOT_EVALUABLE = "not_evaluable"  #: a blank cell could hide either outcome


@attrs.frozen(kw_only=True)
class CarryCheck:
    """Carry-over for one column: both sides as bounds, the outcome, and the blanks in the way."""

    column: str  #: column id of section 三 (``natural_person`` … ``total``)
    carried_from_last_year: Bound  #: this year's value (pointer in the current report)
    carried_to_next_year: Bound  #: last year's value (pointer in the previous report)
    status: CarryStatus

    @property
    def missing_current(self) -> tuple[str, ...]:
        """Pointers of the current report's blank cells that keep the check from passing."""
        return self.carried_from_last_year.missing

    @property
    def missing_previous(self) -> tuple[str, ...]:
        """Pointers of the previous report's blank cells that keep the check from passing."""
        return self.carried_to_next_year.missing


def _status(now: Bound, before: Bound) -> CarryStatus:
    if now.exact and before.exact:
        return CarryStatus.OK if now.low == before.low else CarryStatus.MISMATCH
    if now.exact and before.low > now.low:
        return CarryStatus.MISMATCH
    if before.exact and now.low > before.low:
        return CarryStatus.MISMATCH
    return CarryStatus.NOT_EVALUABLE


def carry_over(previous: Table, current: Table, *,
               blank_as_zero: bool = False) -> tuple[CarryCheck, ...]:
    """R8 for every column of ``current``'s carried-over row that ``previous`` also has.

    ``previous`` and ``current`` are the section 三 tables of consecutive years of one agency
    (either template: the column ids are the same); whether the years are consecutive is the
    caller's question.
    """
    out: list[CarryCheck] = []
    for column in current.spec.row(CARRIED_FROM).columns:
        if not previous.spec.has_cell(CARRIED_TO, column):
            continue
        now = cell_bound(current, CARRIED_FROM, column, blank_as_zero=blank_as_zero)
        before = cell_bound(previous, CARRIED_TO, column, blank_as_zero=blank_as_zero)
        out.append(CarryCheck(column=column, carried_from_last_year=now,
                              carried_to_next_year=before, status=_status(now, before)))
    return tuple(out)
