"""Where a digit run spanning several rows must be cut between them, by each row's own total.

A crawl dump that prints a whole table's numbers apart from its labels gives one run of a
hundred digits and more for 175 cells (section 三): searched as one piece it is over the
solver's bound. But each row's cells take part in a relation of their own (its row total), so
the positions where one row may end and the next begin are few. :func:`precut` finds, row
boundary by row boundary, every position a split of the whole run can pass through while every
row's own relations hold; where exactly one is possible, the run is cut there. The pieces cover
the same cells and are solved together by :mod:`gi_report.importers.digits` with every relation
of the table, so the set of consistent splits is unchanged: the cut only makes the search
small. Nothing is decided here. Rows are cut from the right (a total printed last bounds its
parts at once), or from the left where every row prints its total first (a reordered header):
cut from the right, such a row's total bounds nothing until its last cut.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

import attrs

from gi_report.form.spec import CellKind

if TYPE_CHECKING:  # digits.py uses this module: the types only, no import cycle at run time
    from gi_report.importers.digits import Run

Cell = tuple[str, str]
"""A cell of one table: (row id, column id), as in :mod:`gi_report.importers.digits`."""
Relation = tuple[tuple[Cell, ...], tuple[Cell, ...]]
"""A relation as the cells of its two sides (left = right)."""

MAX_STEPS = 1_000_000
"""Search steps allowed for finding one run's row boundaries; over it the run is left whole."""
MAX_POSITIONS = 64
"""Most positions a row boundary may have; more and the run is left whole."""
LONGEST = 6
"""Longest number (digits) the boundary search cuts: a count of a million or more in a table
printed as one run is beyond what the form's tables hold (see :func:`precut`)."""

_PIECE = re.compile(r"0|[1-9][0-9]*")


class _Bound(Exception):
    """The search went over :data:`MAX_STEPS` or :data:`MAX_POSITIONS`."""


@attrs.frozen
class _Part:
    """Consecutive cells of the run that belong to one row (``start``…``stop`` in the run)."""

    start: int
    stop: int
    relations: tuple[Relation, ...]  #: the relations whose every cell is among these


def _parts(run: Run, relations: Sequence[Relation]) -> list[_Part] | None:
    """The run's cells grouped by row, each group with its own relations; ``None`` when a group
    has none (its boundaries would not be bounded)."""
    bounds = [0, *(i for i in range(1, len(run.cells))
                   if run.cells[i][0] != run.cells[i - 1][0]), len(run.cells)]
    parts: list[_Part] = []
    for start, stop in pairwise(bounds):
        cells = set(run.cells[start:stop])
        own = tuple(r for r in relations if set(r[0]) | set(r[1]) <= cells)
        if not own:
            return None
        parts.append(_Part(start, stop, own))
    return parts


def _holds(rel: Relation, known: dict[Cell, int]) -> bool:
    """False when the counts known already break the relation (counts are never negative).

    Each side is summed in one plain loop (no lists or generators): this runs for every piece
    the boundary search tries."""
    left = right = 0
    left_open = right_open = False
    for cell in rel[0]:
        value = known.get(cell)
        if value is None:
            left_open = True
        else:
            left += value
    for cell in rel[1]:
        value = known.get(cell)
        if value is None:
            right_open = True
        else:
            right += value
    if not left_open and not right_open:
        return left == right
    if not left_open:
        return right <= left
    if not right_open:
        return left <= right
    return True


_Check = tuple[tuple[int, ...], bool, tuple[int, ...], bool]
"""A relation as the boundary search checks it when a cell is placed: the positions (in the
row) of the known cells of its left side, whether a cell of that side is still open, the same
for its right side."""


def _fits(check: _Check, values: list[int]) -> bool:
    """:func:`_holds` for a relation as a :data:`_Check` (the known values by position)."""
    left_cells, left_open, right_cells, right_open = check
    left = 0
    for n in left_cells:
        left += values[n]
    right = 0
    for n in right_cells:
        right += values[n]
    if left_open:
        return left <= right
    if right_open:
        return right <= left
    return left == right


class _Starts:
    """Every position where a row's cells may start so that they end at ``end`` (cut from the
    right, the row's relations checked as cells become known)."""

    def __init__(self, digits: str, hard: frozenset[int], cells: Sequence[Cell],
                 relations: Sequence[Relation], steps: list[int],
                 pieces: dict[int, tuple[tuple[int, int | None], ...]]) -> None:
        self.digits = digits
        self.hard = hard
        self.pieces = pieces  #: :meth:`pieces_ending` by end, shared by the run's rows
        self.cells = cells
        self.touching = [[r for r in relations if c in r[0] or c in r[1]] for c in cells]
        self.steps = steps
        self.known: dict[Cell, int] = {}
        self.found: set[int] = set()
        self.values = [0] * len(cells)  #: cell ``i``'s value while it is placed
        at = {cell: n for n, cell in enumerate(cells)}  # each cell's position in the row
        self.checks = ([self.checks_of(i, at) for i in range(len(cells))]
                       if len(at) == len(cells) else None)

    def starts(self, end: int) -> set[int]:
        self.found = set()
        self.cut(len(self.cells) - 1, end)
        return self.found

    def cut(self, i: int, end: int) -> None:
        """Cell ``i`` ends at ``end``; try each piece it may be."""
        if i < 0:
            self.found.add(end)
            return
        pieces = self.pieces.get(end)
        if pieces is None:
            pieces = self.pieces[end] = self.pieces_ending(end)
        steps = self.steps
        for start, value in pieces:
            steps[0] -= 1  # each piece tried is a step
            if steps[0] < 0:
                raise _Bound
            if value is None:
                continue
            if value < 0:
                break  # a piece never spans a cut the document prints
            self.place(i, value, start)

    def pieces_ending(self, end: int) -> tuple[tuple[int, int | None], ...]:
        """Each piece :meth:`cut` tries for a cell ending at ``end``, one step each, shortest
        first: ``(start, count)``, the count ``None`` for a piece that is none (a leading zero),
        ``-1`` for the step that meets a cut the document prints (it ends the pieces). The
        same for every cell and every row ending there: worked out once."""
        out: list[tuple[int, int | None]] = []
        for start in range(end - 1, max(-1, end - LONGEST - 1), -1):
            if start + 1 < end and start + 1 in self.hard:
                out.append((start, -1))
                break
            piece = self.digits[start:end]
            out.append((start, int(piece) if _PIECE.fullmatch(piece) else None))
        return tuple(out)

    def checks_of(self, i: int, at: dict[Cell, int]) -> tuple[_Check, ...]:
        """The relations touching cell ``i`` as :data:`_Check` s: cells ``i`` … last are the
        known ones when cell ``i`` is placed (cut from the right), the others open. A relation
        open on both sides holds whatever the values: left out. ``at``: each cell's position."""
        checks: list[_Check] = []
        for rel in self.touching[i]:
            left = tuple(n for c in rel[0] if (n := at.get(c)) is not None and n >= i)
            right = tuple(n for c in rel[1] if (n := at.get(c)) is not None and n >= i)
            left_open, right_open = len(left) < len(rel[0]), len(right) < len(rel[1])
            if not (left_open and right_open):
                checks.append((left, left_open, right, right_open))
        return tuple(checks)

    def place(self, i: int, value: int, start: int) -> None:
        if self.checks is None:  # a cell twice in the row (none is built): as first written
            self.place_known(i, value, start)
            return
        values = self.values
        values[i] = value
        for check in self.checks[i]:  # all(...) without a generator: run for every piece
            if not _fits(check, values):
                break
        else:
            self.cut(i - 1, start)

    def place_known(self, i: int, value: int, start: int) -> None:
        cell = self.cells[i]
        known = self.known
        known[cell] = value
        for rel in self.touching[i]:  # all(...) without a generator: run for every piece
            if not _holds(rel, known):
                break
        else:
            self.cut(i - 1, start)
        del known[cell]


class _Ends:
    """Every position where a row's cells may end when they start at ``start``, cut from the
    left with the row's relations checked as cells become known: for a row printing its total
    first, which the cutter from the right (:class:`_Starts`) bounds only at its last cut."""

    def __init__(self, digits: str, hard: frozenset[int], cells: Sequence[Cell],
                 relations: Sequence[Relation], steps: list[int],
                 pieces: dict[int, tuple[tuple[int, int | None], ...]]) -> None:
        self.digits = digits
        self.hard = hard
        self.pieces = pieces  #: :meth:`pieces_starting` by start, shared by the run's rows
        self.steps = steps
        self.found: set[int] = set()
        self.values = [0] * len(cells)  #: cell ``i``'s value while it is placed
        at = {cell: n for n, cell in enumerate(cells)}  # unique: see :func:`_leads_with_total`
        self.checks = [_checks_before(i, at, relations) for i in range(len(cells))]

    def ends(self, start: int) -> set[int]:
        self.found = set()
        self.cut(0, start)
        return self.found

    def cut(self, i: int, start: int) -> None:
        """Cell ``i`` starts at ``start``; try each piece it may be."""
        if i == len(self.values):
            self.found.add(start)
            return
        pieces = self.pieces.get(start)
        if pieces is None:
            pieces = self.pieces[start] = self.pieces_starting(start)
        steps = self.steps
        values = self.values
        for stop, value in pieces:
            steps[0] -= 1  # each piece tried is a step
            if steps[0] < 0:
                raise _Bound
            if value is None:
                break  # a number never starts with 0 unless it is 0
            if value < 0:
                break  # a piece never spans a cut the document prints
            values[i] = value
            for check in self.checks[i]:  # all(...) without a generator: run for every piece
                if not _fits(check, values):
                    break
            else:
                self.cut(i + 1, stop)

    def pieces_starting(self, start: int) -> tuple[tuple[int, int | None], ...]:
        """Each piece :meth:`cut` tries for a cell starting at ``start``, shortest first:
        ``(stop, count)`` as in :meth:`_Starts.pieces_ending` (``None``: a leading 0 goes on,
        ``-1``: a printed cut is met; either ends the pieces)."""
        out: list[tuple[int, int | None]] = []
        for stop in range(start + 1, min(len(self.digits), start + LONGEST) + 1):
            if stop - 1 > start and stop - 1 in self.hard:
                out.append((stop, -1))
                break
            piece = self.digits[start:stop]
            out.append((stop, int(piece) if _PIECE.fullmatch(piece) else None))
        return tuple(out)


def _checks_before(i: int, at: dict[Cell, int], relations: Sequence[Relation]
                   ) -> tuple[_Check, ...]:
    """The relations touching cell ``i`` as :data:`_Check` s when cells 0 … ``i`` are known
    (cut from the left); a relation open on both sides holds whatever the values: left out."""
    checks: list[_Check] = []
    for rel in relations:
        if not any(at.get(c) == i for c in (*rel[0], *rel[1])):
            continue
        left = tuple(n for c in rel[0] if (n := at.get(c)) is not None and n <= i)
        right = tuple(n for c in rel[1] if (n := at.get(c)) is not None and n <= i)
        left_open, right_open = len(left) < len(rel[0]), len(right) < len(rel[1])
        if not (left_open and right_open):
            checks.append((left, left_open, right, right_open))
    return tuple(checks)


def _leads_with_total(run: Run, part: _Part) -> bool:
    """Whether a row's first cell is alone on one side of one of its relations whose other
    side is the row's other cells, each once (a header printing the total column first)."""
    cells = run.cells[part.start:part.stop]
    if len(set(cells)) != len(cells):
        return False
    first, rest = cells[0], set(cells[1:])
    return any(one == (first,) and other and rest.issuperset(other)
               for rel in part.relations for one, other in ((rel[0], rel[1]), (rel[1], rel[0])))


def _boundaries_from_left(digits: str, hard: frozenset[int], run: Run,
                          parts: Sequence[_Part]) -> list[set[int]]:
    """:func:`_boundaries` for rows that print their total first: the rows cut from the run's
    start, each from every position the rows before it may end at; the same positions."""
    steps = [MAX_STEPS]
    pieces: dict[int, tuple[tuple[int, int | None], ...]] = {}
    edges: list[dict[int, set[int]]] = []  # per part: start -> its ends
    reach = {0}
    for part in parts:
        ender = _Ends(digits, hard, run.cells[part.start:part.stop], part.relations, steps,
                      pieces)
        edges.append({start: ender.ends(start) for start in reach})
        reach = set().union(*edges[-1].values())
        if len(reach) > MAX_POSITIONS:
            raise _Bound
    on_path = [{len(digits)} if len(digits) in reach else set()]
    for part_edges in reversed(edges):
        on_path.append({start for start, ends in part_edges.items() if ends & on_path[-1]})
    return on_path[::-1]


def _boundaries(digits: str, hard: frozenset[int], run: Run, parts: Sequence[_Part]
                ) -> list[set[int]]:
    """Per boundary between parts (and the run's two ends), the positions on a full split."""
    steps = [MAX_STEPS]
    pieces: dict[int, tuple[tuple[int, int | None], ...]] = {}
    edges: list[dict[int, set[int]]] = [{} for _ in parts]  # per part: end -> its starts
    reach = {len(digits)}
    for k in range(len(parts) - 1, -1, -1):
        part = parts[k]
        starter = _Starts(digits, hard, run.cells[part.start:part.stop], part.relations, steps,
                          pieces)
        edges[k] = {end: starter.starts(end) for end in reach}
        reach = set().union(*edges[k].values())
        if len(reach) > MAX_POSITIONS:
            raise _Bound
    on_path = [{0} if 0 in reach else set()]
    for k in range(len(parts)):
        on_path.append({end for end, starts in edges[k].items() if starts & on_path[-1]})
    return on_path


def _on_path(digits: str, hard: frozenset[int], run: Run, parts: Sequence[_Part]
             ) -> list[set[int]]:
    """The boundaries' positions, cut from the left where every row prints its total first."""
    if all(_leads_with_total(run, part) for part in parts):
        return _boundaries_from_left(digits, hard, run, parts)
    return _boundaries(digits, hard, run, parts)


def _flat(run: Run) -> tuple[str, frozenset[int]]:
    """The run's digits as one string, and the positions where its segments meet."""
    hard: set[int] = set()
    at = 0
    for segment in run.segments[:-1]:
        at += len(segment)
        hard.add(at)
    return "".join(run.segments), frozenset(hard)


def _piece(run: Run, digits: str, hard: frozenset[int], cells: tuple[int, int],
           span: tuple[int, int]) -> Run:
    """The part of ``run`` holding cells ``cells`` and digits ``span``."""
    a, b = span
    cuts = [a, *sorted(h for h in hard if a < h < b), b]
    segments = tuple(digits[x:y] for x, y in pairwise(cuts))
    location = run.location
    if len(run.segments) == 1 and location.offset is not None:
        location = attrs.evolve(location, offset=location.offset + a)
    return attrs.evolve(run, cells=run.cells[cells[0]:cells[1]],
                        kinds=run.kinds[cells[0]:cells[1]], segments=segments,
                        text=" ".join(segments), location=location, soft=())


def precut(run: Run, relations: Sequence[Relation]) -> list[Run]:
    """``run`` cut at each row boundary every split satisfying the rows' own relations passes
    through at one position only; ``[run]`` unchanged when no such boundary is found (a run of
    one row, a row with no relation of its own, amounts, whitespace a cell may straddle, no
    split at all, or a search over its bound)."""
    if (any(run.soft) or any(k is not CellKind.COUNT for k in run.kinds)
            or len({row for row, _ in run.cells}) < 2):
        return [run]
    parts = _parts(run, relations)
    if parts is None or len(parts) < 2:
        return [run]
    digits, hard = _flat(run)
    try:
        on_path = _on_path(digits, hard, run, parts)
    except _Bound:
        return [run]
    if any(not positions for positions in on_path):
        return [run]
    cuts = [k for k in range(1, len(parts)) if len(on_path[k]) == 1]
    if not cuts:
        return [run]
    pieces: list[Run] = []
    for k0, k1 in zip([0, *cuts], [*cuts, len(parts)], strict=True):
        span = (min(on_path[k0]), min(on_path[k1]))
        pieces.append(_piece(run, digits, hard, (parts[k0].start, parts[k1 - 1].stop), span))
    return pieces


__all__ = ["MAX_POSITIONS", "MAX_STEPS", "Relation", "precut"]
