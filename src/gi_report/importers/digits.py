"""Splitting run-together numbers with the form's own arithmetic.

Crawler dumps print a row's cells with no separator: ``640020470`` is 64, 0, 0, 2, 0, 4, 70. A
:class:`Run` is such a text together with the cells it must fill. Every way to cut it into one
number per cell is a candidate (a number never starts with 0 unless it is 0; a sign or a
cell border in the text is always a cut, and so is whitespace, except that a cell may hold two
numbers apart, ``0 8``: such a cell straddles the whitespace and its value is not known, so a
candidate where it does is blank there). The table's relations — :attr:`TableSpec.relations`:
row total = sum of the applicant columns, 一+二 = （七）+四 per column, （七） = sum of the
outcome rows, the review and litigation totals — are the constraints; the cells the document
states plainly are constants.

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
MAX_RUN_DIGITS = 1_000
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
    soft: tuple[bool, ...] = ()
    """Per boundary between two segments: whitespace, which a cell holding two numbers may
    straddle (empty: no boundary is)."""


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
        budget: _Budget | None = self
        ok = True
        while budget is not None:  # this search's steps, then the table's it is part of
            budget.left -= 1
            ok = ok and budget.left >= 0
            budget = budget.shared
        return ok


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


class _Cutter:
    """Every split of one run valid for its cells' kinds and the relations (given constants).

    Cells are cut from the right: the last cell first (a total is usually printed last, so the
    partial sums of its parts are bounded as soon as possible). Where whitespace parts two
    segments (``run.soft``), a cell may also straddle it: a cell holding two numbers
    (``12 3``), whose value is not known (``None``, constraining only as an unknown count).
    """

    def __init__(self, run: Run, relations: Sequence[_Rel],
                 constants: Mapping[Cell, int | Decimal], budget: _Budget, *,
                 straddle: bool = True) -> None:
        self.run = run
        self.segments = run.segments
        self.soft = (run.soft if straddle and run.soft
                     else (False,) * (len(run.segments) - 1))
        self.budget = budget
        self.nonneg = all(kind is not CellKind.SIGNED_COUNT for kind in run.kinds)
        by_cell: dict[Cell, list[_Rel]] = {}
        for rel in relations:
            for cell in rel.cells:
                by_cell.setdefault(cell, []).append(rel)
        self.rels = [by_cell.get(cell, []) for cell in run.cells]  #: each cell's relations
        self.patterns = [_PIECE[kind].fullmatch for kind in run.kinds]
        self.longest = [MAX_PIECE[kind] for kind in run.kinds]
        self.known: dict[Cell, int | Decimal] = dict(constants)
        self.values: list[CellValue] = [None] * len(run.cells)
        self.before = [0]  # digits in the segments before each segment
        for segment in self.segments:
            self.before.append(self.before[-1] + len(segment))
        # the fewest cells segments 0..seg can fill: one each, less one per soft boundary
        self.fewest = [seg + 1 - sum(self.soft[:seg]) for seg in range(len(self.segments))]
        self.out: list[tuple[CellValue, ...]] = []

    def splits(self) -> list[tuple[CellValue, ...]]:
        last = len(self.segments) - 1
        self.step(len(self.run.cells) - 1, last, len(self.segments[last]))
        return self.out

    def spend(self) -> None:
        if not self.budget.spend():
            raise _TooComplex

    def step(self, i: int, seg: int, end: int) -> None:
        """Cut cell ``i`` (and those before it) from segment ``seg`` up to ``end``."""
        self.spend()
        if i < 0:
            if seg < 0:
                self.out.append(tuple(self.values))
                if len(self.out) > MAX_CANDIDATES:
                    raise _TooComplex
            return
        if seg < 0 or i + 1 < self.fewest[seg] or self.before[seg] + end < i + 1:
            return  # fewer cells left than the segments need, or fewer digits than cells
        kind = self.run.kinds[i]
        matches = self.patterns[i]
        text = self.segments[seg]
        # the cells still to cut (i of them) need one digit each before this piece; a piece is
        # never longer than the form's numbers (no int() of a long run, bounded work per step)
        lowest = max(0, i - self.before[seg], end - self.longest[i])
        for start in range(end - 1, lowest - 1, -1):
            self.spend()  # every piece tried is a step: time is bounded by steps
            piece = text[start:end]
            if not matches(piece):
                continue
            if start == 0:
                self.place(i, _value(piece, kind), *self.before_segment(seg))
                if seg > 0 and self.soft[seg - 1]:
                    self.straddle(i, seg - 1)
            elif i > 0:  # else digits would be left over
                self.place(i, _value(piece, kind), seg, start)

    def before_segment(self, seg: int) -> tuple[int, int]:
        """Where cutting goes on once segment ``seg`` is used up: the end of the one before."""
        return seg - 1, (len(self.segments[seg - 1]) if seg > 0 else 0)

    def straddle(self, i: int, seg: int) -> None:
        """Cell ``i`` also holding the end of segment ``seg`` (two numbers in one cell)."""
        matches = self.patterns[i]
        text = self.segments[seg]
        lowest = max(0, i - self.before[seg], len(text) - self.longest[i])
        for start in range(len(text) - 1, lowest - 1, -1):
            self.spend()
            if not matches(text[start:]):
                continue
            if start == 0:
                self.place(i, None, *self.before_segment(seg))
            elif i > 0:
                self.place(i, None, seg, start)

    def place(self, i: int, value: int | Decimal | None, seg: int, end: int) -> None:
        """Cell ``i`` holds ``value`` (``None``: not known); go on if no relation breaks."""
        cell = self.run.cells[i]
        self.values[i] = value
        if value is not None:
            self.known[cell] = value
        known, nonneg = self.known, self.nonneg
        if all(_holds(rel, known, nonneg) for rel in self.rels[i]):
            self.step(i - 1, seg, end)
        self.known.pop(cell, None)
        self.values[i] = None


def _splits(run: Run, relations: Sequence[_Rel], constants: Mapping[Cell, int | Decimal],
            budget: _Budget, *, straddle: bool = True) -> list[tuple[CellValue, ...]]:
    """Every split of ``run`` valid for its cells' kinds and ``relations`` (given constants);
    without ``straddle``, every whitespace is a cut."""
    return _Cutter(run, relations, constants, budget, straddle=straddle).splits()


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


def _two_numbers_note(values: Iterable[CellValue]) -> str:
    """What a blank (空) in a split means: the cell straddles whitespace, holding two numbers."""
    if any(v is None for v in values):
        return "（“空”：该单元格跨过空白、印有两个数，不合并其数字，留空）"
    return ""


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
        self.runs: list[Run] = []
        for run in runs:  # a run too long to search is left blank and constrains nothing
            if self.fits(run):
                self.runs.append(run)
            else:
                self.too_long(run)
        self.relations = self.constraining({cell for run in runs for cell in run.cells})
        self.with_constants, self.within = self.local_relations()

    def constraining(self, run_cells: set[Cell]) -> list[_Rel]:
        """The relations that constrain the runs: every cell a stated number or a run's cell,
        none printed blank, at least one a run's."""
        return [
            rel for rel in _relations(self.spec)
            if not any(c in self.blank for c in rel.cells)
            and all(c in self.constants or c in run_cells for c in rel.cells)
            and any(c in run_cells for c in rel.cells)
        ]

    def local_relations(self) -> tuple[list[list[_Rel]], list[list[_Rel]]]:
        """The relations each run meets alone: with stated cells, and within the run only."""
        owner = {cell: i for i, run in enumerate(self.runs) for cell in run.cells}
        with_constants: list[list[_Rel]] = [[] for _ in self.runs]
        within: list[list[_Rel]] = [[] for _ in self.runs]
        for rel in self.relations:
            runs_of = {owner[c] for c in rel.cells if c in owner}
            if len(runs_of) != 1:
                continue
            (i,) = runs_of
            with_constants[i].append(rel)
            if all(c in owner for c in rel.cells):
                within[i].append(rel)
        return with_constants, within

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
        """Split a group of linked runs together (see the module's docstring).

        Whitespace is a cut where the table's arithmetic confirms it: a cell holding two
        numbers (straddling the whitespace) is considered at once for runs no relation checks,
        and for checked runs only when no reading with every whitespace a cut is consistent.
        """
        runs = [self.runs[i] for i in group]
        checked = len(group) > 1 or bool(self.with_constants[group[0]])
        try:
            solutions = self.consistent(group, straddle=not checked)
            if not solutions and checked and any(any(run.soft) for run in runs):
                solutions = self.consistent(group, straddle=True)
        except _TooComplex:
            for run in runs:
                self.too_complex(run)
            return
        if len(solutions) == 1:
            for run, split in zip(runs, solutions[0], strict=True):
                self.unique(run, split, note="")
        elif solutions:
            for r, run in enumerate(runs):
                options = list(dict.fromkeys(s[r] for s in solutions))
                self.ambiguous(run, options, why="有多种拆分都满足表内全部勾稽关系")
        else:
            self.inconsistent(group)

    def inconsistent(self, group: list[int]) -> None:
        """No consistent whole: each run split by its own row, except a run whose row could
        also have lost a cell (a dump that drops a cell prints the rest run together): blank."""
        budget = _Budget(MAX_NODES)  # the group's: as many steps as one search of it
        for i in group:
            if self.may_lack_a_cell(i, budget):
                self.lacks_a_cell(i)
            else:
                self.by_own_row(i, self.runs[i])

    def may_lack_a_cell(self, index: int, budget: _Budget) -> bool:
        """Whether run ``index``'s row relations also hold with one of the cells they sum not
        printed (a blank a dump dropped): a split by its own row alone cannot tell them apart;
        a search over its bound counts as such."""
        run = self.runs[index]
        rels = self.local(index, constants=False)
        summed = {c for rel in rels for c in (rel.left if len(rel.left) > 1 else rel.right)}
        try:
            return any(self.holds_without(run, k, rels, budget)
                       for k, cell in enumerate(run.cells) if cell in summed)
        except _TooComplex:
            return True

    @staticmethod
    def holds_without(run: Run, k: int, rels: Sequence[_Rel], budget: _Budget) -> bool:
        """Whether ``run`` read without its cell ``k`` (a blank a dump dropped, so 0 in the
        sums) has a split meeting ``rels``."""
        short = attrs.evolve(run, cells=run.cells[:k] + run.cells[k + 1:],
                             kinds=run.kinds[:k] + run.kinds[k + 1:])
        for split in _splits(short, rels, {}, budget, straddle=False):
            values: dict[Cell, int | Decimal] = {run.cells[k]: 0}
            values.update((c, v) for c, v in zip(short.cells, split, strict=True)
                          if isinstance(v, int | Decimal))
            if all(_holds(rel, values, True) for rel in rels):
                return True
        return False

    def lacks_a_cell(self, index: int) -> None:
        run = self.runs[index]
        self.undecided(run, list(range(len(run.cells))), [], code="split.inconsistent", why=(
            "没有一种拆分能同时满足表内全部勾稽关系，而若其中一个单元格未印出，全部关系即可成立"))

    def consistent(self, group: list[int], *, straddle: bool
                   ) -> list[tuple[tuple[CellValue, ...], ...]]:
        """Every consistent split of the group's runs together (with ``straddle``: cells
        holding two numbers across whitespace too)."""
        budget = _Budget(MAX_NODES, self.budget)
        domains = [_splits(self.runs[i], self.local(i, constants=True), self.constants,
                           budget, straddle=straddle) for i in group]
        return self.search([self.runs[i] for i in group], domains, budget)

    def by_own_row(self, index: int, run: Run) -> None:
        """No consistent whole (the document is inconsistent): a run split by its own row
        alone, whitespace a cut (a cell of two numbers would explain nothing)."""
        try:
            own = _splits(run, self.local(index, constants=False), {},
                          _Budget(MAX_NODES, self.budget), straddle=False)
        except _TooComplex:
            self.too_complex(run)
            return
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
                    if value is not None:  # None: a cell holding two numbers, not known
                        known[cell] = cast("int | Decimal", value)
                if all(_holds(rel, known, True) for rel in rels):
                    chosen[r] = split
                    step(depth + 1)
                    chosen[r] = None
                for cell in run.cells:
                    known.pop(cell, None)

        step(0)
        return out

    # --- outcomes -------------------------------------------------------------------------------

    def unique(self, run: Run, split: tuple[CellValue, ...], *, note: str) -> None:
        for cell, value in zip(run.cells, split, strict=True):
            self.values[cell] = value
        self.notices.append(notice(
            "split.unique",
            f"连写的数字“{run.text.strip()}”只有一种拆分符合表格要求与勾稽关系："
            f"{self.name(run.cells)} = {_show(split)}{note}{_two_numbers_note(split)}",
            location=run.location,
            cells=[_pointer(self.spec.id, c) for c in run.cells],
            candidates=[split],
            found=run.text,
        ))

    def ambiguous(self, run: Run, options: list[tuple[CellValue, ...]], *, why: str,
                  code: str = "split.ambiguous") -> None:
        """Several splits (or none): the cells they agree on are used, the others blank with
        the candidates listed."""
        fixed = [i for i in range(len(run.cells))
                 if options and len({o[i] for o in options}) == 1]
        if fixed:
            self.agreed(run, fixed, options[0])
        open_ = [i for i in range(len(run.cells)) if i not in fixed]
        if open_:
            self.undecided(run, open_, options, why=why, code=code)

    def agreed(self, run: Run, fixed: list[int], split: tuple[CellValue, ...]) -> None:
        cells = [run.cells[i] for i in fixed]
        values = [split[i] for i in fixed]
        for cell, value in zip(cells, values, strict=True):
            self.values[cell] = value
        self.notices.append(notice(
            "split.unique",
            f"“{run.text.strip()}” 有多种拆分，但 {self.name(cells)} 在各种拆分中都相同："
            f"{_show(values)}{_two_numbers_note(values)}",
            location=run.location, cells=[_pointer(self.spec.id, c) for c in cells],
            candidates=[tuple(values)], found=run.text,
        ))

    def undecided(self, run: Run, open_: list[int], options: list[tuple[CellValue, ...]], *,
                  why: str, code: str) -> None:
        cells = [run.cells[i] for i in open_]
        listed = sorted(dict.fromkeys(tuple(o[i] for i in open_) for o in options),
                        key=lambda c: tuple(-1 if v is None else v for v in c))
        more = len(listed) - LISTED_CANDIDATES
        shown = "；".join(_show(c) for c in listed[:LISTED_CANDIDATES])
        tail = f"；另有 {more} 种" if more > 0 else ""
        self.notices.append(notice(
            code,
            f"“{run.text.strip()}” 无法确定如何拆分（{why}）：{self.name(cells)} 留空。"
            f"可能的拆分：{shown or '无'}{tail}"
            f"{_two_numbers_note(v for c in listed for v in c)}",
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
