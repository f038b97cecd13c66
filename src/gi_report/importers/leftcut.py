"""Cutting a run whose first cell is its row's total (a header printing the total column first).

The digit cutter of :mod:`~gi_report.importers.digits` cuts a run from the right, so that a
total printed last bounds the partial sums of its parts at once. A row printed with its total
first gets no such bound until the very last cut: every cut of the parts is tried, and a long
run (23 digits over seven cells: some 75,000 cuts) spends the table's whole step budget
(``split.too_complex``). Here the first cell's piece is chosen first, each start of the run in
turn, and the rest is cut from the right as before with that total known: the same splits, in
the same order, in a fraction of the steps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from gi_report.table import CellValue

Split = tuple[CellValue, ...]


class Sided(Protocol):
    """A relation as the cutter holds it: its two sides, as cell positions."""

    @property
    def left_at(self) -> tuple[int, ...]: ...

    @property
    def right_at(self) -> tuple[int, ...]: ...


def _total_of(position: int, within: set[int], relations: Iterable[Sided]) -> bool:
    """Whether the cell at ``position`` is alone on one side of a relation whose other side
    holds only cells of ``within``."""
    for rel in relations:
        for one, other in ((rel.left_at, rel.right_at), (rel.right_at, rel.left_at)):
            if one == (position,) and other and within.issuperset(other):
                return True
    return False


def leads_with_total(positions: Sequence[int], first: Iterable[Sided],
                     last: Iterable[Sided]) -> bool:
    """Whether a run's first cell is the total of cells of the run after it (``first``, ``last``:
    the relations naming its first and last cell) and its last cell is no such total."""
    if len(positions) < 3:
        return False
    return (_total_of(positions[0], set(positions[1:]), first)
            and not _total_of(positions[-1], set(positions[:-1]), last))


def total_first(segments: Sequence[str], longest: int,
                cut_rest: Callable[[int, tuple[str, ...]], list[Split]],
                spend: Callable[[], None]) -> list[Split]:
    """Every split of a run of digit ``segments`` (counts; a cut between each two): the first
    cell each number that starts the run (no leading 0, at most ``longest`` digits; ``spend``
    is called for each), and ``cut_rest(value, digits left)`` the splits of the other cells
    with that value known. In the order the cutter from the right finds them."""
    first, rest = segments[0], tuple(segments[1:])
    out: list[Split] = []
    for length in range(1, min(longest, len(first)) + 1):
        spend()
        if length > 1 and first[0] == "0":
            break  # a number never starts with 0 unless it is 0
        left = ((first[length:],) if length < len(first) else ()) + rest
        if not left:
            continue
        value = int(first[:length])
        out.extend((value, *split) for split in cut_rest(value, left))
    return in_cut_order(out)


def in_cut_order(splits: list[Split]) -> list[Split]:
    """Splits of counts in the order a cutter from the right finds them: by the length of the
    last cell's number, then of the one before it, and so on (the shortest first)."""
    return sorted(splits, key=lambda s: tuple(len(str(v)) for v in reversed(s[1:])))
