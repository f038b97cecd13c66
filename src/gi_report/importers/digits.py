"""Splitting run-together numbers with the form's own arithmetic.

Crawler dumps print a row's cells with no separator: ``640020470`` is 64, 0, 0, 2, 0, 4, 70. A
:class:`Run` is such a text together with the cells it must fill. Every way to cut it into one
number per cell is a candidate (a number never starts with 0 unless it is 0; whitespace in the
text is always a cut). The table's relations — :attr:`TableSpec.relations`: row total = sum of
the applicant columns, 一+二 = （七）+四 per column, （七） = sum of the outcome rows, the
review and litigation totals — are the constraints; the cells the document states plainly are
constants.

The runs linked by relations are solved together, as one constraint problem, by a bounded
backtracking search (pruned with partial sums, since counts are never negative):

* exactly one consistent split: it is used, and each run is noted (``split.unique``);
* several: a cell on which every consistent split agrees is used; the others are left blank and
  the candidates listed (``split.ambiguous``) — never presented as certain;
* none (the document itself is inconsistent): each run is split by its own row alone where that
  is unique, else left blank with its candidates (``split.inconsistent``);
* a search over its bound leaves the cells blank (``split.too_complex``);
* a run longer than :data:`MAX_RUN_DIGITS` digits, or than its cells can hold (15 digits a count),
  is not searched at all: its cells are left blank (``split.too_long``).

The work is bounded by the input: a piece is at most :data:`MAX_PIECE` characters long (longer
numbers are more than the form holds), every piece tried counts as a step, and one table's runs
share :data:`MAX_TABLE_NODES` steps in all (about 1.5 s).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import cast

import attrs

from gi_report.form.spec import CellKind, TableSpec
from gi_report.importers.blocks import Location
from gi_report.importers.result import Notice, notice
from gi_report.numbers import MAX_AMOUNT_DECIMALS, MAX_AMOUNT_DIGITS, MAX_COUNT_DIGITS
from gi_report.table import CellValue

Cell = tuple[str, str]
"""A cell of one table: (row id, column id)."""

MAX_CANDIDATES = 20_000
"""Most splits of one run that are kept; more makes the run ``split.too_complex``."""
MAX_NODES = 300_000
"""Search steps allowed for one run's splits or one group of linked runs."""
MAX_TABLE_NODES = 300_000
"""Search steps allowed for all the runs of one table together."""
MAX_RUN_DIGITS = 120
"""Longest run searched (characters, digits and amount points); a longer one is left blank."""
MAX_PIECE = {
    CellKind.COUNT: MAX_COUNT_DIGITS,
    CellKind.SIGNED_COUNT: MAX_COUNT_DIGITS,
    CellKind.AMOUNT: MAX_AMOUNT_DIGITS + 1 + MAX_AMOUNT_DECIMALS,
}
"""Longest piece one cell of each kind is cut from (the form holds no longer number)."""
MAX_SOLUTIONS = 512
"""Most consistent solutions collected for one group of linked runs."""
LISTED_CANDIDATES = 30
"""Most candidates a notice lists."""

_PIECE = {
    CellKind.COUNT: re.compile(r"0|[1-9][0-9]*"),
    CellKind.SIGNED_COUNT: re.compile(r"0|[+-]?[1-9][0-9]*"),
    CellKind.AMOUNT: re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?"),
}


@attrs.frozen(kw_only=True)
class Run:
    """Numbers printed run together, and the cells (in order) they must fill."""

    cells: tuple[Cell, ...]
    kinds: tuple[CellKind, ...]
    segments: tuple[str, ...]  #: the digit runs; a cut always falls between two segments
    text: str  #: as printed
    location: Location


@attrs.frozen
class _Rel:
    left: tuple[Cell, ...]
    right: tuple[Cell, ...]
    rule: str

    @property
    def cells(self) -> tuple[Cell, ...]:
        return self.left + self.right


class _Budget:
    """Steps left for one search, and for the whole table (``shared``) it is part of."""

    def __init__(self, nodes: int, shared: _Budget | None = None) -> None:
        self.left = nodes
        self.shared = shared

    def spend(self) -> bool:
        self.left -= 1
        if self.shared is not None and not self.shared.spend():
            return False
        return self.left >= 0


class _TooComplex(Exception):
    pass


def _value(piece: str, kind: CellKind) -> int | Decimal:
    return Decimal(piece) if kind is CellKind.AMOUNT else int(piece)


def _holds(rel: _Rel, known: dict[Cell, int | Decimal], nonnegative: bool) -> bool:
    """False if the relation is certainly violated by the known values (True if undecided)."""
    get = known.get
    left: int | Decimal = 0
    left_unknown = 0
    for cell in rel.left:
        value = get(cell)
        if value is None:
            left_unknown += 1
        else:
            left += value
    right: int | Decimal = 0
    right_unknown = 0
    for cell in rel.right:
        value = get(cell)
        if value is None:
            right_unknown += 1
        else:
            right += value
    if not left_unknown and not right_unknown:
        return left == right
    if not nonnegative:
        return True
    if not left_unknown:
        return right <= left
    if not right_unknown:
        return left <= right
    return True


def _splits(run: Run, relations: Sequence[_Rel], constants: Mapping[Cell, int | Decimal],
            budget: _Budget) -> list[tuple[CellValue, ...]]:
    """Every split of ``run`` valid for its cells' kinds and ``relations`` (given constants)."""
    k = len(run.cells)
    segments = run.segments
    nonneg = all(kind is not CellKind.SIGNED_COUNT for kind in run.kinds)
    by_cell: dict[Cell, list[_Rel]] = {}
    for rel in relations:
        for cell in rel.cells:
            by_cell.setdefault(cell, []).append(rel)
    known: dict[Cell, int | Decimal] = dict(constants)
    values: list[CellValue] = [None] * k
    before = [0]  # digits in the segments before each segment
    for segment in segments:
        before.append(before[-1] + len(segment))
    out: list[tuple[CellValue, ...]] = []

    # Cells are cut from the right: the last cell first (a total is usually printed last, so
    # the partial sums of its parts are bounded as soon as possible).
    def step(i: int, seg: int, end: int) -> None:
        if not budget.spend():
            raise _TooComplex
        if i < 0:
            if seg < 0:
                out.append(tuple(values))
                if len(out) > MAX_CANDIDATES:
                    raise _TooComplex
            return
        if seg < 0 or i + 1 < seg + 1:  # fewer cells left than segments left
            return
        text = segments[seg]
        if before[seg] + end < i + 1:
            return
        kind = run.kinds[i]
        cell = run.cells[i]
        pattern = _PIECE[kind]
        # the cells still to cut (i of them) need one digit each before this piece; a piece is
        # never longer than the form's numbers (no int() of a long run, bounded work per step)
        lowest = max(0, i - before[seg], end - MAX_PIECE[kind])
        for start in range(end - 1, lowest - 1, -1):
            if not budget.spend():  # every piece tried is a step: time is bounded by steps
                raise _TooComplex
            piece = text[start:end]
            if not pattern.fullmatch(piece):
                continue
            if start == 0:
                next_seg, next_end = seg - 1, (len(segments[seg - 1]) if seg > 0 else 0)
            else:
                next_seg, next_end = seg, start
                if i == 0:
                    continue  # digits would be left over
            value = _value(piece, kind)
            values[i] = value
            known[cell] = value
            if all(_holds(rel, known, nonneg) for rel in by_cell.get(cell, ())):
                step(i - 1, next_seg, next_end)
            del known[cell]
        values[i] = None

    last = len(segments) - 1
    step(k - 1, last, len(segments[last]))
    return out


@attrs.frozen(kw_only=True)
class Solution:
    """What the solver decided: values for cells, and the notices saying how."""

    values: dict[Cell, CellValue]
    notices: tuple[Notice, ...]


def _relations(spec: TableSpec) -> list[_Rel]:
    return [
        _Rel(tuple((c.row, c.column) for c in rel.left),
             tuple((c.row, c.column) for c in rel.right), rel.rule)
        for rel in spec.relations
    ]


def _pointer(table: str, cell: Cell) -> str:
    return f"/{table}/{cell[0]}/{cell[1]}"


def _show(values: Iterable[CellValue]) -> str:
    return ", ".join("空" if v is None else str(v) for v in values)


class _Solver:
    def __init__(self, spec: TableSpec, constants: dict[Cell, CellValue], runs: Sequence[Run],
                 describe: Callable[[Sequence[Cell]], str]) -> None:
        self.spec = spec
        self.constants: dict[Cell, int | Decimal] = {
            c: v for c, v in constants.items() if isinstance(v, int | Decimal)}
        self.blank = {c for c, v in constants.items() if v is None}
        self.describe = describe
        self.values: dict[Cell, CellValue] = {}
        self.notices: list[Notice] = []
        self.budget = _Budget(MAX_TABLE_NODES)
        self.runs = []
        for run in runs:  # a run too long to search is left blank and constrains nothing
            if self.fits(run):
                self.runs.append(run)
            else:
                self.too_long(run)
        run_cells = {cell for run in runs for cell in run.cells}
        # A relation constrains the runs only if every cell is a stated number or a run's cell.
        self.relations = [
            rel for rel in _relations(spec)
            if not any(c in self.blank for c in rel.cells)
            and all(c in self.constants or c in run_cells for c in rel.cells)
            and any(c in run_cells for c in rel.cells)
        ]
        # the relations each run meets alone: with stated cells, and within the run only
        owner = {cell: i for i, run in enumerate(self.runs) for cell in run.cells}
        self.with_constants: list[list[_Rel]] = [[] for _ in self.runs]
        self.within: list[list[_Rel]] = [[] for _ in self.runs]
        for rel in self.relations:
            runs_of = {owner[c] for c in rel.cells if c in owner}
            if len(runs_of) == 1:
                (i,) = runs_of
                self.with_constants[i].append(rel)
                if all(c in owner for c in rel.cells):
                    self.within[i].append(rel)

    def name(self, cells: Sequence[Cell]) -> str:
        return self.describe(cells)

    def solve(self) -> Solution:
        for group in self.groups():
            self.solve_group(group)
        return Solution(values=self.values, notices=tuple(self.notices))

    @staticmethod
    def fits(run: Run) -> bool:
        """Whether a run is short enough to search: within :data:`MAX_RUN_DIGITS` and within
        what its cells can hold together."""
        length = sum(len(segment) for segment in run.segments)
        room = sum(MAX_PIECE[kind] for kind in run.kinds)
        return length <= min(MAX_RUN_DIGITS, room)

    def groups(self) -> list[list[int]]:
        """Indexes of runs linked (directly or not) by a relation, in document order."""
        owner = {cell: i for i, run in enumerate(self.runs) for cell in run.cells}
        parent = list(range(len(self.runs)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for rel in self.relations:
            linked = sorted({owner[c] for c in rel.cells if c in owner})
            for other in linked[1:]:
                parent[find(other)] = find(linked[0])
        groups: dict[int, list[int]] = {}
        for i in range(len(self.runs)):
            groups.setdefault(find(i), []).append(i)
        return list(groups.values())

    def local(self, index: int, *, constants: bool) -> list[_Rel]:
        """The relations run ``index`` meets alone (with stated cells, or within itself)."""
        return self.with_constants[index] if constants else self.within[index]

    def solve_group(self, group: list[int]) -> None:
        runs = [self.runs[i] for i in group]
        budget = _Budget(MAX_NODES, self.budget)
        try:
            domains = [_splits(self.runs[i], self.local(i, constants=True), self.constants,
                               budget) for i in group]
            solutions = self.search(runs, domains, budget)
        except _TooComplex:
            for run in runs:
                self.too_complex(run)
            return
        if len(solutions) == 1:
            for run, split in zip(runs, solutions[0], strict=True):
                self.unique(run, split, note="")
            return
        if solutions:
            for r, run in enumerate(runs):
                options = list(dict.fromkeys(s[r] for s in solutions))
                self.ambiguous(run, options, why="有多种拆分都满足表内全部勾稽关系")
            return
        for i, run in zip(group, runs, strict=True):  # no consistent whole: inconsistent
            try:
                own = _splits(run, self.local(i, constants=False), {},
                              _Budget(MAX_NODES, self.budget))
            except _TooComplex:
                self.too_complex(run)
                continue
            if len(own) == 1:
                self.unique(run, own[0], note="（表内其余关系无法同时满足，仅按本行合计拆分）")
            else:
                self.ambiguous(run, own, why="没有一种拆分能同时满足表内全部勾稽关系",
                               code="split.inconsistent")

    def search(self, runs: list[Run], domains: list[list[tuple[CellValue, ...]]],
               budget: _Budget) -> list[tuple[tuple[CellValue, ...], ...]]:
        order = sorted(range(len(runs)), key=lambda i: len(domains[i]))
        known: dict[Cell, int | Decimal] = dict(self.constants)
        chosen: list[tuple[CellValue, ...] | None] = [None] * len(runs)
        by_cell: dict[Cell, list[_Rel]] = {}
        for rel in self.relations:
            for cell in rel.cells:
                by_cell.setdefault(cell, []).append(rel)
        touching = [
            list({id(rel): rel for cell in run.cells for rel in by_cell.get(cell, ())}.values())
            for run in runs
        ]
        out: list[tuple[tuple[CellValue, ...], ...]] = []

        def step(depth: int) -> None:
            if len(out) >= MAX_SOLUTIONS:
                return
            if depth == len(order):
                out.append(tuple(c for c in chosen if c is not None))
                return
            r = order[depth]
            run = runs[r]
            rels = touching[r]
            for split in domains[r]:
                if not budget.spend():
                    raise _TooComplex
                for cell, value in zip(run.cells, split, strict=True):
                    known[cell] = cast("int | Decimal", value)  # a split holds numbers only
                if all(_holds(rel, known, True) for rel in rels):
                    chosen[r] = split
                    step(depth + 1)
                    chosen[r] = None
                for cell in run.cells:
                    del known[cell]

        step(0)
        return out

    # --- outcomes -------------------------------------------------------------------------------

    def unique(self, run: Run, split: tuple[CellValue, ...], *, note: str) -> None:
        for cell, value in zip(run.cells, split, strict=True):
            self.values[cell] = value
        self.notices.append(notice(
            "split.unique",
            f"连写的数字“{run.text.strip()}”只有一种拆分符合表格要求与勾稽关系："
            f"{self.name(run.cells)} = {_show(split)}{note}",
            location=run.location,
            cells=[_pointer(self.spec.id, c) for c in run.cells],
            candidates=[split],
            found=run.text,
        ))

    def ambiguous(self, run: Run, options: list[tuple[CellValue, ...]], *, why: str,
                  code: str = "split.ambiguous") -> None:
        fixed: list[int] = []
        open_: list[int] = []
        for i in range(len(run.cells)):
            (fixed if options and len({o[i] for o in options}) == 1 else open_).append(i)
        if fixed and options:
            cells = [run.cells[i] for i in fixed]
            for i in fixed:
                self.values[run.cells[i]] = options[0][i]
            self.notices.append(notice(
                "split.unique",
                f"“{run.text.strip()}” 有多种拆分，但 {self.name(cells)} 在各种拆分中都相同："
                f"{_show(options[0][i] for i in fixed)}",
                location=run.location, cells=[_pointer(self.spec.id, c) for c in cells],
                candidates=[tuple(options[0][i] for i in fixed)], found=run.text,
            ))
        if not open_:
            return
        cells = [run.cells[i] for i in open_]
        listed = sorted(dict.fromkeys(tuple(o[i] for i in open_) for o in options),
                        key=lambda c: tuple(-1 if v is None else v for v in c))
        more = len(listed) - LISTED_CANDIDATES
        shown = "；".join(_show(c) for c in listed[:LISTED_CANDIDATES])
        tail = f"；另有 {more} 种" if more > 0 else ""
        self.notices.append(notice(
            code,
            f"“{run.text.strip()}” 无法确定如何拆分（{why}）：{self.name(cells)} 留空。"
            f"可能的拆分：{shown or '无'}{tail}",
            location=run.location,
            cells=[_pointer(self.spec.id, c) for c in cells],
            candidates=listed,
            found=run.text,
        ))

    def too_complex(self, run: Run) -> None:
        self.notices.append(notice(
            "split.too_complex",
            f"“{run.text.strip()}” 的拆分方式过多，超出搜索上限：{self.name(run.cells)} 留空",
            location=run.location,
            cells=[_pointer(self.spec.id, c) for c in run.cells],
            found=run.text,
        ))


    def too_long(self, run: Run) -> None:
        length = sum(len(segment) for segment in run.segments)
        self.notices.append(notice(
            "split.too_long",
            f"“{run.text.strip()[:60]}”共 {length} 位，超过 {len(run.cells)} 个单元格所能容纳的"
            f"位数（上限 {MAX_RUN_DIGITS} 位）：{self.name(run.cells)} 留空",
            location=run.location,
            cells=[_pointer(self.spec.id, c) for c in run.cells],
            found=run.text,
        ))


def _plain(cells: Sequence[Cell]) -> str:
    return "、".join(f"{row}.{column}" for row, column in cells)


def solve(spec: TableSpec, constants: dict[Cell, CellValue], runs: Sequence[Run],
          describe: Callable[[Sequence[Cell]], str] | None = None) -> Solution:
    """Split ``runs`` into values for their cells, using ``spec``'s relations.

    ``constants`` are the cells the document states plainly (``None`` for a blank cell: the
    relations it takes part in constrain nothing); ``describe`` names cells in the notices.
    """
    if not runs:
        return Solution(values={}, notices=())
    return _Solver(spec, constants, runs, describe or _plain).solve()
