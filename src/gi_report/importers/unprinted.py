"""Cells a document that drops blank cells still settles, whatever it dropped.

A crawl that prints nothing for a blank cell turns a row into digits that may lack any of its
cells: ``31`` under three cells is 3, 1 and a blank anywhere, or 31 and two blanks. Each run of
counts is read every way (:func:`readings`): each number of printed cells, each cut of its
digits into that many numbers (no number starts with 0 unless it is 0), laid over the cells in
order, the others blank. A reading survives while every relation it takes part in can hold, the
other cells within the bounds of their own runs' surviving readings (a blank: some count ≥ 0),
and the runs are filtered against each other until nothing changes (:func:`settle`). The true
reading is never filtered out, so a cell to which every surviving reading of its run gives one
printed value is settled. A run with more than :data:`MAX_STEPS` steps of readings is read
again after each round with every cell capped by the relations through it (the bounds known
then: a part over its cap is not tried); still over, it settles nothing and bounds nothing (its
cells: some count ≥ 0); a run some relation leaves with no reading means the document breaks
its arithmetic: nothing is settled then.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import attrs

from gi_report.form.spec import CellKind, CellRef, Relation, TableSpec
from gi_report.importers.cellnames import describe, pointer
from gi_report.importers.digits import Run
from gi_report.importers.result import UNDETERMINED_CODES, Notice, notice
from gi_report.numbers import MAX_COUNT_DIGITS
from gi_report.table import CellValue

Cell = tuple[str, str]
Reading = tuple["int | None", ...]
Bounds = tuple[int, float]
"""The least and the largest value a cell may hold (``math.inf``: no bound)."""

MAX_STEPS = 600
"""Most steps (readings tried) for one run's readings; more: the run settles nothing."""
MAX_ROUNDS = 12
"""Most rounds of filtering the runs against each other (each round only removes readings)."""

_FREE: Bounds = (0, math.inf)


def _pieces(digits: str, start: int) -> list[str]:
    """The numbers a cell may take starting at ``start`` (0 alone, or no leading 0)."""
    if digits[start] == "0":
        return ["0"]
    end = min(len(digits), start + MAX_COUNT_DIGITS)
    return [digits[start:stop] for stop in range(start + 1, end + 1)]


class _Reader:
    """Every reading of one run over its cells, within a step budget."""

    def __init__(self, run: Run, caps: Sequence[float] = ()) -> None:
        self.ends = _segment_ends(run.segments)
        self.caps = list(caps) or [math.inf] * len(run.cells)
        self.digits = "".join(run.segments)
        self.cells = len(run.cells)
        self.steps = 0
        self.out: list[Reading] = []
        self.values: list[int | None] = []
        self.fewest = fewest_numbers(self.digits, self.ends)

    def read(self) -> list[Reading] | None:
        """The readings, or ``None`` over :data:`MAX_STEPS`."""
        try:
            self.step(0)
        except _OverBudget:
            return None
        return self.out

    def step(self, at: int) -> None:
        """Cell ``len(values)`` onward, the digits from ``at`` on; a branch whose cells left
        cannot hold the digits left (fewer than :func:`fewest_numbers` they cut into) yields no
        reading and is not entered (it costs no step)."""
        left = self.cells - len(self.values)
        if left < self.fewest[at]:
            return
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise _OverBudget
        if left == 0:
            self.out.append(tuple(self.values))
            return
        self.values.append(None)  # the cell printed blank (nothing)
        self.step(at)
        self.values.pop()
        if at < len(self.digits):
            self.take(at)

    def take(self, at: int) -> None:
        """The cell holding a number that starts at ``at`` (within its segment)."""
        end = next(e for e in self.ends if e > at)
        cap = self.caps[len(self.values)]
        for piece in _pieces(self.digits[:end], at):
            if int(piece) > cap:
                break  # longer pieces are larger still
            self.values.append(int(piece))
            self.step(at + len(piece))
            self.values.pop()


class _OverBudget(Exception):
    pass


def fewest_numbers(digits: str, ends: Sequence[int]) -> list[int]:
    """For each position of ``digits`` (and its end), the fewest numbers the digits from there
    on cut into: a 0 is a number alone, no number has more than a count's digits or spans two
    segments (``ends``: where each segment ends). Why: a branch with fewer cells left yields no
    reading."""
    fewest = [0] * (len(digits) + 1)
    for at in range(len(digits) - 1, -1, -1):
        if digits[at] == "0":
            fewest[at] = 1 + fewest[at + 1]
            continue
        end = min(next(e for e in ends if e > at), at + MAX_COUNT_DIGITS)
        fewest[at] = 1 + min(fewest[at + 1:end + 1])
    return fewest


def _segment_ends(segments: Sequence[str]) -> list[int]:
    """Where each segment ends in the digits run together (a number never spans two)."""
    ends: list[int] = []
    for segment in segments:
        ends.append((ends[-1] if ends else 0) + len(segment))
    return ends


def eligible(run: Run) -> bool:
    """Whether a run is read here: counts only, digits only, no whitespace a cell holding two
    numbers could straddle."""
    return (all(kind is CellKind.COUNT for kind in run.kinds) and not any(run.soft)
            and all(s.isascii() and s.isdigit() for s in run.segments))


def readings(run: Run, caps: Sequence[float] = ()) -> list[Reading] | None:
    """Every reading of ``run`` with any of its cells unprinted (``None``), or ``None`` when
    there are too many to try (:data:`MAX_STEPS`) or the run is not :func:`eligible`.
    ``caps``: the largest value each cell may hold (the relations' bound on it), if known."""
    if not eligible(run):
        return None
    return _Reader(run, caps).read()


def _bounds(options: Sequence[Reading], k: int) -> Bounds:
    """The least and largest value readings give their ``k``-th cell (a blank: unbounded)."""
    values = [v for o in options if (v := o[k]) is not None]
    if len(values) < len(options):
        return _FREE
    return (min(values), max(values))


class _Table:
    """The runs of one table, their readings filtered against each other by the relations."""

    def __init__(self, spec: TableSpec, stated: Mapping[Cell, CellValue],
                 runs: Sequence[Run]) -> None:
        self.runs = list(runs)
        self.options: list[list[Reading]] = []
        self.fixed: dict[Cell, Bounds] = {
            cell: (v, v) for cell, v in stated.items()
            if isinstance(v, int) and not isinstance(v, bool)}
        for run in runs:
            self.options.append(readings(run) or [])
        self.read = [bool(o) for o in self.options]
        self.tried: dict[int, list[float]] = {}
        """The caps each run over the budget was last read with (:meth:`reread`)."""
        self.where: dict[Cell, tuple[int, int]] = {
            cell: (i, k) for i, run in enumerate(runs) if self.read[i]
            for k, cell in enumerate(run.cells)}
        self.touching = [_touching(spec.relations, run) for run in runs]
        self.known: dict[Cell, Bounds] = {}
        """Each run cell's bounds at the start of a round (looser than later: still sound)."""

    def bounds(self, cell: Cell) -> Bounds:
        """What ``cell`` may hold: stated, within its run's readings, or any count."""
        return self.fixed.get(cell) or self.known.get(cell) or _FREE

    def measure(self) -> None:
        """Each read run cell's bounds over its run's surviving readings."""
        self.known = {cell: _bounds(self.options[i], k) for cell, (i, k) in self.where.items()}

    def filter_run(self, i: int) -> bool:
        """Readings of run ``i`` some relation cannot hold with removed; whether any were."""
        cells = self.runs[i].cells
        before = len(self.options[i])
        for rel in self.touching[i]:
            rest = self.rest(rel, set(cells))
            places = [(side, cells.index((c.row, c.column))) for side, c in _sides(rel)
                      if (c.row, c.column) in cells]
            self.options[i] = [o for o in self.options[i] if _possible(rest, places, o)]
        return len(self.options[i]) < before

    def rest(self, rel: Relation, own: set[Cell]) -> tuple[int, float, int, float]:
        """The bounds of each side's sum over the cells not in ``own``."""
        lo = [0, 0]
        hi: list[float] = [0, 0]
        for side, c in _sides(rel):
            if (c.row, c.column) in own:
                continue
            low, high = self.bounds((c.row, c.column))
            lo[side] += low
            hi[side] += high
        return lo[0], hi[0], lo[1], hi[1]

    def cap(self, i: int, k: int) -> float:
        """The largest value cell ``k`` of run ``i`` may hold: in each relation through it, the
        other side's largest sum less the least of the other cells on its side (this run's
        other cells: some count ≥ 0, not read yet)."""
        cells = self.runs[i].cells
        out = math.inf
        for rel in self.touching[i]:
            sides = [side for side, c in _sides(rel) if (c.row, c.column) == cells[k]]
            if len(sides) != 1:
                continue  # not in it, or on both sides
            own_lo, other_hi = 0, 0.0
            for side, c in _sides(rel):
                cell = (c.row, c.column)
                if cell in cells:
                    low, high = (0, math.inf) if cell != cells[k] else (0, 0)
                else:
                    low, high = self.bounds(cell)
                if side == sides[0]:
                    own_lo += low
                else:
                    other_hi += high
            out = min(out, other_hi - own_lo)
        return out

    def reread(self) -> bool:
        """The runs over :data:`MAX_STEPS` read again, each cell no larger than the relations
        allow it (:meth:`cap`) with the bounds known now; whether any run is read now."""
        new = False
        for i, run in enumerate(self.runs):
            if self.read[i] or not eligible(run):
                continue
            caps = [self.cap(i, k) for k in range(len(run.cells))]
            if self.tried.get(i) == caps:
                continue  # over the budget with these caps already
            self.tried[i] = caps
            options = readings(run, caps)
            if options is None:
                continue
            self.options[i] = options
            self.read[i] = new = True
            self.where.update({cell: (i, k) for k, cell in enumerate(run.cells)})
        return new

    def settle(self) -> dict[Cell, int]:
        """The cells every surviving reading of their run gives one printed value."""
        for _ in range(MAX_ROUNDS):
            self.measure()
            changed = [self.filter_run(i) for i in range(len(self.runs)) if self.read[i]]
            changed.append(self.reread())
            if any(not self.options[i] for i in range(len(self.runs)) if self.read[i]):
                return {}  # the document breaks its arithmetic: nothing is settled
            if not any(changed):
                break
        else:
            return {}  # not settled within the rounds: nothing is taken
        return {cell: value for i, run in enumerate(self.runs) if self.read[i]
                for cell, value in _agreed(run.cells, self.options[i]).items()}


def _sides(rel: Relation) -> list[tuple[int, CellRef]]:
    return [*((0, c) for c in rel.left), *((1, c) for c in rel.right)]


def _touching(relations: Sequence[Relation], run: Run) -> list[Relation]:
    cells = set(run.cells)
    return [rel for rel in relations if any((c.row, c.column) in cells for c in rel.cells)]


def _possible(rest: tuple[int, float, int, float], places: Sequence[tuple[int, int]],
              option: Reading) -> bool:
    """Whether a relation can hold with the reading's own cells (``places``: side and index)
    and the other cells' sums within ``rest``."""
    left_lo, left_hi, right_lo, right_hi = rest
    for side, k in places:
        value = option[k]
        low, high = (0, math.inf) if value is None else (value, value)
        if side == 0:
            left_lo, left_hi = left_lo + low, left_hi + high
        else:
            right_lo, right_hi = right_lo + low, right_hi + high
    return left_lo <= right_hi and right_lo <= left_hi


def _agreed(cells: Sequence[Cell], options: Sequence[Reading]) -> dict[Cell, int]:
    out: dict[Cell, int] = {}
    for k, cell in enumerate(cells):
        values = {o[k] for o in options}
        if len(values) == 1 and (value := values.pop()) is not None:
            out[cell] = value
    return out


def settle(spec: TableSpec, stated: Mapping[Cell, CellValue], runs: Sequence[Run]
           ) -> dict[Cell, int]:
    """The cells of ``runs`` that every reading with any cells unprinted settles, given the
    cells the document ``stated`` plainly and ``spec``'s relations (see the module)."""
    return _Table(spec, stated, runs).settle()


def fill(spec: TableSpec, stated: Mapping[Cell, CellValue], runs: Sequence[Run],
         found: Mapping[Cell, CellValue], notices: Sequence[Notice]
         ) -> tuple[dict[Cell, CellValue], list[Notice]]:
    """``found`` (the split values kept) with the cells :func:`settle` settles that it left
    blank, and ``notices`` with those cells taken out of the notices leaving them blank and a
    ``split.unique`` notice per run saying how they were read."""
    settled = {cell: value for cell, value in settle(spec, {**stated, **found}, runs).items()
               if found.get(cell) is None and stated.get(cell) is None}
    return merge_settled(spec, runs, found, settled, notices, "的每种读法与表内勾稽关系")


def merge_settled(spec: TableSpec, runs: Sequence[Run], found: Mapping[Cell, CellValue],
                  settled: Mapping[Cell, CellValue], notices: Sequence[Notice], readings: str
                  ) -> tuple[dict[Cell, CellValue], list[Notice]]:
    """``found`` with the cells ``settled`` (each read by every reading of its run), those cells
    taken out of the notices leaving them blank, and a ``split.unique`` notice per run saying
    which readings (``readings``, the words after "any cell may be unprinted") agreed."""
    if not settled:
        return dict(found), list(notices)
    names = {pointer(spec, cell) for cell in settled}
    out = [n for n in (_without(n, names) for n in notices) if n is not None]
    out += [_settled_notice(spec, run, settled, readings) for run in runs
            if any(cell in settled for cell in run.cells)]
    return {**found, **settled}, out


def _without(n: Notice, names: set[str]) -> Notice | None:
    """A notice leaving cells blank, without the cells ``names`` (now read); ``None`` if it
    named no other cell."""
    if n.code not in UNDETERMINED_CODES or names.isdisjoint(n.cells):
        return n
    keep = [k for k, cell in enumerate(n.cells) if cell not in names]
    if not keep:
        return None
    candidates = tuple(dict.fromkeys(
        tuple(c[k] for k in keep) for c in n.candidates if len(c) == len(n.cells)))
    return attrs.evolve(n, cells=tuple(n.cells[k] for k in keep), candidates=candidates)


def _settled_notice(spec: TableSpec, run: Run, settled: Mapping[Cell, CellValue], readings: str
                    ) -> Notice:
    cells = [cell for cell in run.cells if cell in settled]
    shown = ", ".join(str(settled[cell]) for cell in cells)
    return notice(
        "split.unique",
        f"文档未印出空白单元格，连写的数字“{run.text.strip()}”按任一单元格可能未印出{readings}，"
        f"{describe(spec, cells)} 在所有读法中都相同：{shown}",
        location=run.location, cells=[pointer(spec, cell) for cell in cells],
        candidates=[tuple(settled[cell] for cell in cells)], found=run.text)


__all__ = ["MAX_ROUNDS", "MAX_STEPS", "eligible", "fewest_numbers", "fill", "merge_settled",
           "readings", "settle"]
