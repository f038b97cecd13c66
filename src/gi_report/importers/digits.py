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
backtracking search (pruned with partial sums, since counts are never negative); runs sharing
no cell whose search runs out of steps, or finds more than :data:`MAX_SOLUTIONS`, are searched
again run by run over the relations' partial sums (:mod:`~gi_report.importers.partialsums`: the
same consistent readings, each run's splits exactly those some consistent reading uses), with
the steps of the searches that judge runs apart from their group:

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
share :data:`MAX_TABLE_NODES` steps in all, the searches that judge a run apart from its group
:data:`MAX_APART_NODES` (0.7 µs a step: about 1 s for a table); a run read as lacking cells is
charged each step of the search for its cuts (:func:`~gi_report.importers.shortrow.readings`);
the partial-sums walk a step per split tried from each state (about 5 µs for section 三's
rows, each in eight relations).
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from decimal import Decimal

import attrs

from gi_report.form.spec import CellKind, TableSpec
from gi_report.importers import leftcut, narrow, partialsums, shortrow
from gi_report.importers.blocks import Location
from gi_report.importers.result import Notice, notice
from gi_report.importers.rowcut import precut
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
MAX_APART_NODES = 1_000_000
"""Search steps allowed for all the searches of one table that judge a run apart from its
group (whether its row holds with a cell not printed, whether its own row breaks, the probes
of cells many solutions agree on, the partial-sums walk of a group whose search ran out), each
within :data:`MAX_NODES` too."""
MAX_INSIDE = 2
"""Most whitespace boundaries of a group of runs read all inside cells of two numbers as the
alternative to reading them all as cuts (see ``_Solver.alternatives``)."""
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
PROBE_NODES = 20_000
"""Search steps allowed for showing that a cell the first :data:`MAX_SOLUTIONS` agree on can
hold another value; a longer search leaves the cell undecided."""
LISTED_CANDIDATES = 30
"""Most candidates a notice lists."""

_PIECE = {
    CellKind.COUNT: re.compile(r"0|[1-9][0-9]*"),
    CellKind.SIGNED_COUNT: re.compile(r"0|[+-]?[1-9][0-9]*"),
    CellKind.AMOUNT: re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?"),
}


NARROW_FROM = 10_000
"""Combinations of splits (the product of the runs' counts) from which a group's splits are
narrowed before the search (:mod:`~gi_report.importers.narrow`)."""

MAX_RELAXED = 2
"""Most runs of one group searched as lacking a cell or not (:meth:`_Solver.relax`)."""

_STRADDLE_SHORT = ("一个单元格跨过空白、印有两个数，其值未知，行内勾稽关系定不出它止于何处；"
                   "若有一个单元格未印出，另有读法同样成立")
"""Why the neighbours of a cell holding two numbers are blank where a dropped cell beside it
reads the row as well (:meth:`_Solver.straddle_short`)."""
_LACKS_A_CELL = "没有一种拆分能同时满足表内全部勾稽关系，而若其中一个单元格未印出，全部关系即可成立"
"""Why a run is blank whose row, inconsistent as printed, holds with a cell not printed."""

_LOST_A_COUNT = ("没有一种拆分能同时满足表内全部勾稽关系，仅按本行合计拆分；"
                 "而若其中一个单元格整个遗漏（其值未知），其余数字同样满足本行合计，"
                 "且与表内其余关系的矛盾更少")
"""Why a run is blank that its own row alone splits one way, where its digits also read as
the row with one cell lost whole, its value unknown (:meth:`_Solver.lost_readings`)."""

_LOST_BLANK = "（“空”：该单元格遗漏，其值未知，可为本行合计所需的任何非负数）"
"""What “空” means in the readings of :data:`_LOST_A_COUNT`."""

_UNSURE = "没有一种拆分能同时满足表内全部勾稽关系，而判断是否有单元格未印出的搜索超出上限"
"""Why a run is blank whose row, inconsistent as printed, was not shown to hold or not with a
cell not printed: the search ran out of the table's steps."""


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
    lacking: bool = False
    """Fewer digits than cells: the run lacks one or two cells (a crawl dropped them), read
    by :func:`~gi_report.importers.shortrow.readings`, a lacking cell blank."""


@attrs.frozen
class _Rel:
    left: tuple[Cell, ...]
    right: tuple[Cell, ...]
    rule: str
    left_at: tuple[int, ...] = ()  #: the left cells' positions in the table's plan
    right_at: tuple[int, ...] = ()
    at: tuple[int, ...] = ()  #: every cell's position, left then right
    get: Callable[[Sequence[int]], tuple[int, ...]] = attrs.field(default=tuple, eq=False)
    """Every cell's entry (left then right) of a list by position, as a tuple."""

    @property
    def cells(self) -> tuple[Cell, ...]:
        return self.left + self.right


@attrs.frozen
class _Plan:
    """A table's relations compiled once per layout: every cell they name gets a position, so a
    search keeps known values in a list instead of a dict keyed by cell tuples."""

    position: dict[Cell, int]
    relations: tuple[_Rel, ...]


def _getter(positions: tuple[int, ...]) -> Callable[[Sequence[int]], tuple[int, ...]]:
    """The entries at ``positions`` of a list, always as a tuple."""
    if len(positions) == 1:
        (only,) = positions
        return lambda entries: (entries[only],)
    return operator.itemgetter(*positions)


@functools.lru_cache(maxsize=64)
def _plan(spec: TableSpec) -> _Plan:
    position: dict[Cell, int] = {}
    for rel in spec.relations:
        for c in rel.cells:
            position.setdefault((c.row, c.column), len(position))
    relations = []
    for rel in spec.relations:
        left = tuple((c.row, c.column) for c in rel.left)
        right = tuple((c.row, c.column) for c in rel.right)
        left_at = tuple(position[c] for c in left)
        right_at = tuple(position[c] for c in right)
        relations.append(_Rel(left, right, rel.rule, left_at, right_at, left_at + right_at,
                              _getter(left_at + right_at)))
    return _Plan(position, tuple(relations))


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

    def room(self) -> int:
        """Steps that can be spent before this budget or one it is part of runs out: the
        search counts its steps locally and fails on step ``room() + 1``, as :meth:`spend`
        would."""
        budget: _Budget | None = self
        room = self.left
        while budget is not None:
            room = min(room, budget.left)
            budget = budget.shared
        return room

    def charge(self, steps: int) -> None:
        """Spend ``steps`` at once (the steps a search counted locally), as many :meth:`spend`."""
        budget: _Budget | None = self
        while budget is not None:
            budget.left -= steps
            budget = budget.shared


class _TooComplex(Exception):
    pass


@attrs.frozen
class _KindPlan:
    """What one cell of a kind may be cut as: the pieces it matches, the longest, its value."""

    kind: CellKind
    matches: Callable[[str], re.Match[str] | None]
    longest: int
    value: Callable[[str], int | Decimal]


_KIND_PLANS = tuple(
    _KindPlan(kind, pattern.fullmatch, MAX_PIECE[kind],
              Decimal if kind is CellKind.AMOUNT else int)
    for kind, pattern in _PIECE.items())


_NEVER = 1 << 62
"""The search depth of a cell no run of the group gives: never known."""
_SHORTEST_PIECE = min(plan.longest for plan in _KIND_PLANS)


def _kind_plan(kind: CellKind) -> _KindPlan:
    """The plan of ``kind``, found by identity (hashing an enum member runs Python code)."""
    for plan in _KIND_PLANS:
        if plan.kind is kind:
            return plan
    raise KeyError(kind)


Known = list["int | Decimal | None"]
"""Known values by cell position (:class:`_Plan`); ``None``: not known."""


def _holds(rel: _Rel, known: Known, nonnegative: bool) -> bool:
    """False if the relation is certainly violated by the known values (True if undecided)."""
    left: int | Decimal = 0
    left_unknown = 0
    for at in rel.left_at:
        value = known[at]
        if value is None:
            left_unknown += 1
        else:
            left += value
    right: int | Decimal = 0
    right_unknown = 0
    for at in rel.right_at:
        value = known[at]
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


_SUMMED_FROM = 4
"""Runs of more than this many digits over one a cell are searched with sums kept up to date
(:class:`_Sums`): a longer search, worth its set-up (a plain check is cheaper for short runs)."""
_ABOVE = 2
"""A piece refused with every larger one (:meth:`_Sums.refuse`)."""


def _over(on_larger: int, on_other: int) -> int:
    """How a relation whose one side is too large refuses: for larger values too if the cell is
    on that side only."""
    return _ABOVE if on_larger and not on_other else 1


class _Sums:
    """Each relation's known sum and count of unknown cells per side, kept up to date as cells
    are placed, so that a relation is checked in constant time (what :func:`_holds` decides).
    Used for integer values only (counts: sums exact in any order)."""

    def __init__(self, relations: Sequence[_Rel], known: Known) -> None:
        rels = list({id(rel): rel for rel in relations}.values())
        self.pairs = {id(rel): (2 * k, 2 * k + 1) for k, rel in enumerate(rels)}
        """Each relation's two sides, as indexes of :attr:`total` and :attr:`unknown`."""
        self.total: list[int | Decimal] = [0] * (2 * len(rels))
        self.unknown = [0] * (2 * len(rels))
        self.sides: dict[int, list[int]] = {}  #: the sides each position is on (repeated)
        for rel in rels:
            left, right = self.pairs[id(rel)]
            for side, positions in ((left, rel.left_at), (right, rel.right_at)):
                for at in positions:
                    self.sides.setdefault(at, []).append(side)
                    value = known[at]
                    if value is None:
                        self.unknown[side] += 1
                    else:
                        self.total[side] += value

    def move(self, sides: Sequence[int], old: int | Decimal | None,
             new: int | Decimal | None) -> None:
        """A cell on ``sides`` changes from ``old`` to ``new`` (``None``: not known)."""
        total, unknown = self.total, self.unknown
        for side in sides:
            if old is None:
                unknown[side] -= 1
            else:
                total[side] -= old
            if new is None:
                unknown[side] += 1
            else:
                total[side] += new

    def refuse(self, terms: Sequence[tuple[int, int, int, int]], value: int | Decimal,
               nonnegative: bool) -> int:
        """Whether an unknown cell becoming ``value`` certainly violates a relation (as
        :meth:`hold` would find; ``terms``: its relations' sides and how often the cell is on
        each; nothing is changed): 0 no; 1 yes; :data:`_ABOVE` yes, and any larger value would
        too (a side too large that only the cell's value grows)."""
        total, unknown = self.total, self.unknown
        for left, right, on_left, on_right in terms:
            left_sum = total[left] + on_left * value
            right_sum = total[right] + on_right * value
            left_open = unknown[left] - on_left
            right_open = unknown[right] - on_right
            if left_open and right_open:
                continue
            if left_open or right_open:
                if not nonnegative:
                    continue
                if left_open and left_sum > right_sum:  # the known part exceeds the total
                    return _over(on_left, on_right)
                if right_open and right_sum > left_sum:
                    return _over(on_right, on_left)
            elif left_sum != right_sum:
                return (_over(on_left, on_right) if left_sum > right_sum
                        else _over(on_right, on_left))
        return 0

    def hold(self, pairs: Sequence[tuple[int, int]], nonnegative: bool) -> bool:
        """Whether no relation of ``pairs`` is certainly violated (as :func:`_holds`)."""
        total, unknown = self.total, self.unknown
        for left, right in pairs:
            if unknown[left]:
                if not unknown[right] and nonnegative and total[left] > total[right]:
                    return False
            elif unknown[right]:
                if nonnegative and total[right] > total[left]:
                    return False
            elif total[left] != total[right]:
                return False
        return True


def _each_cells_relations(relations: Sequence[_Rel], positions: Sequence[int]
                          ) -> list[list[_Rel]]:
    """For the cell at each of ``positions``, the relations of ``relations`` that name it."""
    by_cell: dict[int, list[_Rel]] = {}
    for rel in relations:
        for at in rel.at:
            by_cell.setdefault(at, []).append(rel)
    return [by_cell.get(at, []) for at in positions]


class _Cutter:
    """Every split of one run valid for its cells' kinds and the relations (given constants).

    Cells are cut from the right: the last cell first (a total is usually printed last, so the
    partial sums of its parts are bounded as soon as possible). Where whitespace parts two
    segments (``run.soft``), a cell may also straddle it: a cell holding two numbers
    (``12 3``), whose value is not known (``None``, constraining only as an unknown count).
    Steps are counted locally and charged to the budget when the search ends (or fails).
    """

    def __init__(self, run: Run, relations: Sequence[_Rel], constants: Known,
                 positions: Sequence[int], budget: _Budget, *, straddle: bool = True,
                 inside: bool = False) -> None:
        self.run = run
        self.segments = run.segments
        self.soft = (run.soft if straddle and run.soft
                     else (False,) * (len(run.segments) - 1))
        self.inside = inside and straddle
        """Every whitespace inside a cell (straddled), none a cut: the dump's other habit."""
        self.budget = budget
        self.used = 0  #: steps spent so far
        self.room = budget.room()  #: steps allowed
        self.nonneg = all(kind is not CellKind.SIGNED_COUNT for kind in run.kinds)
        self.relations = relations
        self.rels = _each_cells_relations(relations, positions)  #: each cell's relations
        self.positions = positions
        plans = [_kind_plan(kind) for kind in run.kinds]
        self.patterns = [plan.matches for plan in plans]
        self.longest = [plan.longest for plan in plans]
        self.convert = [plan.value for plan in plans]
        self.known = list(constants)
        self.put = self.place
        """How a piece is placed: :meth:`place`, or :meth:`place_summed` for counts."""
        if sum(map(len, self.segments)) > len(run.cells) + _SUMMED_FROM and any(
                self.rels) and _whole(run, relations, self.known):
            self.summed(relations)  # a long search that relations check: worth the set-up
        self.values: list[CellValue] = [None] * len(run.cells)
        self.digital = [s.isascii() and s.isdigit() for s in self.segments]
        """Segments of ASCII digits only (:meth:`digit_pieces`)."""
        self.before, self.ends, self.fewest = self.layout()
        self.out: list[tuple[CellValue, ...]] = []

    def layout(self) -> tuple[list[int], list[int], list[int]]:
        """Per segment: the digits before it; where cutting goes on once it is used up (the end
        of the one before it); the fewest cells it and those before can fill (one each, less
        one per soft boundary)."""
        before = [0]
        for segment in self.segments:
            before.append(before[-1] + len(segment))
        ends = [0, *(len(segment) for segment in self.segments[:-1])]
        fewest = [seg + 1 - sum(self.soft[:seg]) for seg in range(len(self.segments))]
        return before, ends, fewest

    def summed(self, relations: Sequence[_Rel]) -> None:
        """Check the relations on sums kept up to date (:meth:`place_summed`)."""
        self.sums = _Sums(relations, self.known)
        self.sides = [self.sums.sides.get(at, []) for at in self.positions]
        self.pairs = [[self.sums.pairs[id(rel)] for rel in rels] for rels in self.rels]
        self.terms = [
            [(*self.sums.pairs[id(rel)], rel.left_at.count(at), rel.right_at.count(at))
             for rel in rels] for at, rels in zip(self.positions, self.rels, strict=True)]
        self.put = self.place_summed

    def splits(self) -> list[tuple[CellValue, ...]]:
        if self.leads_with_total():
            return self.total_first()
        last = len(self.segments) - 1
        try:
            self.step(len(self.run.cells) - 1, last, len(self.segments[last]))
        finally:
            self.budget.charge(self.used)
        return self.out

    def leads_with_total(self) -> bool:
        """Whether the run is best cut from its first cell (:mod:`~gi_report.importers.leftcut`):
        counts in digit segments with a cut between each two, the first cell its row's total,
        more digits over one a cell than :data:`_SUMMED_FROM` (a long search from the right)."""
        long = self.before[-1] > len(self.run.cells) + _SUMMED_FROM
        return (long and not any(self.soft) and not self.inside and all(self.digital)
                and all(kind is CellKind.COUNT for kind in self.run.kinds)
                and leftcut.leads_with_total(self.positions, self.rels[0], self.rels[-1]))

    def total_first(self) -> list[tuple[CellValue, ...]]:
        """The splits cut from the first cell (:func:`~gi_report.importers.leftcut.total_first`):
        each of its values checked by its relations, the rest cut from the right with it
        known. Steps are charged as they are spent."""
        run, at = self.run, self.positions[0]

        def cut_rest(value: int, segments: tuple[str, ...]) -> list[tuple[CellValue, ...]]:
            self.known[at] = value
            try:
                if not all(_holds(rel, self.known, self.nonneg) for rel in self.rels[0]):
                    return []
                rest = attrs.evolve(run, cells=run.cells[1:], kinds=run.kinds[1:],
                                    segments=segments, soft=())
                cutter = _Cutter(rest, self.relations, self.known, self.positions[1:],
                                 self.budget, straddle=False)
                try:
                    return cutter.splits()
                finally:
                    self.used += cutter.used
            finally:
                self.known[at] = None

        def spend() -> None:
            self.used += 1
            self.budget.charge(1)
            if self.budget.room() < 0:
                raise _TooComplex

        self.out = leftcut.total_first(self.segments, self.longest[0], cut_rest, spend)
        if len(self.out) > MAX_CANDIDATES:
            raise _TooComplex
        return self.out

    def spend(self) -> None:
        self.used += 1
        if self.used > self.room:
            raise _TooComplex

    def step(self, i: int, seg: int, end: int) -> None:
        """Cut cell ``i`` (and those before it) from segment ``seg`` up to ``end``."""
        self.used += 1  # every call is a step (:meth:`spend`, inline: the hottest path)
        if self.used > self.room:
            raise _TooComplex
        if i < 0:
            self.leaf(seg)
            return
        if seg < 0:
            return
        before = self.before[seg]
        if i + 1 < self.fewest[seg] or before + end < i + 1:
            return  # fewer cells left than the segments need, or fewer digits than cells
        # the cells still to cut (i of them) need one digit each before this piece; a piece is
        # never longer than the form's numbers (no int() of a long run, bounded work per step)
        lowest = max(0, i - before, end - self.longest[i])
        if not self.digital[seg]:
            self.pieces(i, seg, end, lowest)
        elif i:
            self.digit_pieces(i, seg, end, lowest)
        else:
            self.first_cell(seg, end, lowest)

    def pieces(self, i: int, seg: int, end: int, lowest: int) -> None:
        """Cell ``i`` cut as each piece of segment ``seg`` ending at ``end``, the longest last
        (starting no earlier than ``lowest``) that its kind's pattern matches."""
        convert = self.convert[i]
        matches = self.patterns[i]
        text = self.segments[seg]
        place = self.put
        for start in range(end - 1, lowest - 1, -1):
            self.used += 1  # every piece tried is a step: time is bounded by steps
            if self.used > self.room:
                raise _TooComplex
            piece = text[start:end]
            if not matches(piece):
                continue
            if start == 0:
                self.first_piece(i, seg, piece)
            elif i > 0:  # else digits would be left over
                place(i, convert(piece), seg, start)

    def digit_pieces(self, i: int, seg: int, end: int, lowest: int) -> None:
        """:meth:`pieces` of a segment of digits only: a piece is a number of every kind unless
        it has a leading 0 (no pattern to match)."""
        convert = self.convert[i]
        text = self.segments[seg]
        place = self.put
        last = end - 1
        for start in range(last, lowest - 1, -1):
            self.used += 1  # every piece tried is a step: time is bounded by steps
            if self.used > self.room:
                raise _TooComplex
            if start < last and text[start] == "0":
                continue  # a leading 0
            if start == 0:
                self.first_piece(i, seg, text[:end])
            elif i > 0 and place(i, convert(text[start:end]), seg, start):
                self.refused_above(i, seg, end, start, lowest)  # else digits would be left over
                return

    def first_cell(self, seg: int, end: int, lowest: int) -> None:
        """:meth:`digit_pieces` of the first cell: only the piece from the segment's start can
        be it (any other leaves digits before it), so the others' steps are spent at once, as
        trying each would (the first cell ends each split: most pieces a search tries)."""
        if end <= lowest:
            return
        self.used += end - lowest
        if self.used > self.room:
            self.used = self.room + 1  # the step trying them one by one fails on
            raise _TooComplex
        if lowest == 0 and (end == 1 or self.segments[seg][0] != "0"):  # no leading 0
            self.first_piece(0, seg, self.segments[seg][:end])

    def refused_above(self, i: int, seg: int, end: int, start: int, lowest: int) -> None:
        """The piece from ``start`` was refused with every larger value: the longer pieces
        that leave digits before them are refused too, and spend their steps all at once (as
        trying each would); the piece that is the whole segment is tried (its cell may also
        straddle whitespace)."""
        self.used += start - max(lowest, 1)
        if self.used > self.room:
            self.used = self.room + 1  # the step trying them one by one fails on
            raise _TooComplex
        if lowest == 0:
            self.used += 1
            if self.used > self.room:
                raise _TooComplex
            if end == 1 or self.segments[seg][0] != "0":
                self.first_piece(i, seg, self.segments[seg][:end])

    def first_piece(self, i: int, seg: int, piece: str) -> None:
        """Cell ``i`` holding the start of segment ``seg`` (``piece``): cutting goes on at the
        end of the segment before; where whitespace parts them, the cell may straddle it."""
        if not self.soft_before(seg):
            self.put(i, self.convert[i](piece), seg - 1, self.ends[seg])
        if seg > 0 and self.soft[seg - 1]:
            self.straddle(i, seg - 1)

    def soft_before(self, seg: int) -> bool:
        """Whether whitespace before segment ``seg`` may not be a cut (:attr:`inside`)."""
        return self.inside and seg > 0 and self.soft[seg - 1]

    def leaf(self, seg: int) -> None:
        """Every cell cut: a split if every segment is used up too."""
        if seg < 0:
            self.out.append(tuple(self.values))
            if len(self.out) > MAX_CANDIDATES:
                raise _TooComplex

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
                if not self.soft_before(seg):
                    self.put(i, None, seg - 1, self.ends[seg])
            elif i > 0:
                self.put(i, None, seg, start)

    def place(self, i: int, value: int | Decimal | None, seg: int, end: int) -> bool:
        """Cell ``i`` holds ``value`` (``None``: not known); go on if no relation breaks.
        (``False``: nothing is known of larger values.)"""
        at = self.positions[i]
        known = self.known
        self.values[i] = value
        if value is not None:
            known[at] = value
        nonneg = self.nonneg
        for rel in self.rels[i]:
            if not _holds(rel, known, nonneg):
                break
        else:
            self.step(i - 1, seg, end)
        known[at] = None
        self.values[i] = None
        return False

    def place_summed(self, i: int, value: int | Decimal | None, seg: int, end: int) -> bool:
        """:meth:`place`, the relations checked on sums kept up to date (:class:`_Sums`); an
        unknown cell's value is checked before anything is changed (most are refused), and the
        sums are moved in place (:meth:`_Sums.move` inline: this runs for every piece placed).
        ``True``: refused, and every larger value would be."""
        at = self.positions[i]
        known = self.known
        if value is None or known[at] is not None:
            return self.place_over(i, value, seg, end)
        refused = self.sums.refuse(self.terms[i], value, self.nonneg)
        if refused:
            return refused == _ABOVE
        sides = self.sides[i]
        total, unknown = self.sums.total, self.sums.unknown
        for side in sides:
            unknown[side] -= 1
            total[side] += value
        self.values[i] = value
        known[at] = value
        self.step(i - 1, seg, end)
        for side in sides:
            total[side] -= value
            unknown[side] += 1
        known[at] = None
        self.values[i] = None
        return False

    def place_over(self, i: int, value: int | Decimal | None, seg: int, end: int) -> bool:
        """:meth:`place_summed` of a cell holding two numbers (``None``) or a cell already
        known (stated): the relations checked after the sums are moved."""
        at = self.positions[i]
        known = self.known
        sums = self.sums
        if value is not None:
            sums.move(self.sides[i], known[at], value)
        self.values[i] = value
        if value is not None:
            known[at] = value
        if sums.hold(self.pairs[i], self.nonneg):
            self.step(i - 1, seg, end)
        if known[at] is not None:
            sums.move(self.sides[i], known[at], None)
        known[at] = None
        self.values[i] = None
        return False


def _whole(run: Run, relations: Sequence[_Rel], known: Known) -> bool:
    """Whether the run's cells and every stated cell of ``relations`` hold whole numbers (sums
    kept up to date are then exact)."""
    return all(kind is not CellKind.AMOUNT for kind in run.kinds) and all(
        known[at] is None or type(known[at]) is int for rel in relations for at in rel.at)


def _mode(run: Run, straddle: bool, inside: bool) -> tuple[bool, bool]:
    """How whitespace is read (straddled, only inside cells), as far as it can change the
    splits of ``run`` or the steps they take: a run printing no whitespace is cut alike either
    way, except that a long one (:meth:`_Cutter.leads_with_total`) may be cut from its first
    cell only when whitespace is not read inside cells. Runs memoised under one mode share it."""
    if straddle and any(run.soft):
        return True, inside
    long = sum(map(len, run.segments)) > len(run.cells) + _SUMMED_FROM
    return False, inside and straddle and long


def _splits(run: Run, relations: Sequence[_Rel], constants: Known, positions: Sequence[int],
            budget: _Budget, *, straddle: bool = True) -> list[tuple[CellValue, ...]]:
    """Every split of ``run`` valid for its cells' kinds and ``relations`` (given constants by
    position, the run's cells at ``positions``); without ``straddle``, every whitespace is a
    cut. A run lacking cells: every reading with one or two cells blank
    (:mod:`~gi_report.importers.shortrow`) that no relation breaks."""
    if run.lacking:
        return _lacking_splits(run, relations, constants, positions, budget)
    return _Cutter(run, relations, constants, positions, budget, straddle=straddle).splits()


def _lacking_splits(run: Run, relations: Sequence[_Rel], constants: Known,
                    positions: Sequence[int], budget: _Budget
                    ) -> list[tuple[CellValue, ...]]:
    """The readings of a run lacking cells that break no relation (a lacking cell: some
    count ≥ 0); ``constants`` by position, the run's cells at ``positions``."""
    room = budget.room()
    if shortrow.fewest_readings(run.segments, len(run.cells)) > room:
        budget.charge(max(room, 0) + 1)  # each reading costs a step: the search would fail
        raise _TooComplex
    out: list[tuple[CellValue, ...]] = []

    def spend() -> None:  # a step of the search for cuts, charged where it is taken
        if not budget.spend():
            raise _TooComplex

    for reading in shortrow.readings(run.segments, len(run.cells), spend):
        spend()
        known = list(constants)
        for at, value in zip(positions, reading, strict=True):
            if value is not None:
                known[at] = value
        if all(_holds(rel, known, True) for rel in relations):
            out.append(reading)
            if len(out) > MAX_CANDIDATES:
                raise _TooComplex
    return out


def _each_placed(at: Sequence[int], solutions: Sequence[tuple[tuple[CellValue, ...], ...]]
                 ) -> bool:
    """Whether the ``solutions`` read each run at ``at`` (of the group's runs) one way, or ways
    that differ only in which of its cells printing one same value is the lacking one (``000000``
    under seven cells): every value the run prints is then known, and the relations through it
    can check the other runs (:func:`~gi_report.importers.dropped.lacking_once`)."""
    for r in at:
        options = list(dict.fromkeys(s[r] for s in solutions))
        if len(options) > 1 and not _lacking_once(options):
            return False
    return True


def _lacking_once(options: Sequence[tuple[CellValue, ...]]) -> bool:
    """Whether every reading leaves exactly one cell out and gives each cell it reads the value
    every other reading that reads it gives."""
    if any(sum(v is None for v in o) != 1 for o in options):
        return False
    return all(len({o[k] for o in options if o[k] is not None}) == 1
               for k in range(len(options[0])))


@attrs.frozen(kw_only=True)
class Solution:
    """What the solver decided: values for cells, and the notices saying how."""

    values: dict[Cell, CellValue]
    notices: tuple[Notice, ...]
    relaxed: tuple[Run, ...] = ()
    """Runs with as many digits as cells or more, read as lacking a cell (:meth:`_Solver.relax`):
    as :attr:`Run.lacking` runs, for :func:`~gi_report.importers.dropped.distrust`."""
    unprinted: tuple[Run, ...] = ()
    """Runs left blank because no split holds while one with a cell unprinted does
    (``split.inconsistent``, :meth:`_Solver.may_lack_a_cell`), or no split of their own rows
    holds at all (no whitespace): the document may drop cells."""


def _beside_blanks(options: Sequence[tuple[CellValue, ...]]) -> list[int]:
    """The cells beside a blank cell (one holding two numbers) of any of ``options``."""
    near = {k for option in options for j, value in enumerate(option) if value is None
            for k in (j - 1, j + 1) if 0 <= k < len(option)}
    return sorted(near)


def _blanked(reading: tuple[CellValue, ...], option: tuple[CellValue, ...]) -> bool:
    """Whether ``reading`` is ``option`` with some of its cells blank."""
    return all(a is None or a == b for a, b in zip(reading, option, strict=True))


def _pointer(table: str, cell: Cell) -> str:
    return f"/{table}/{cell[0]}/{cell[1]}"


@functools.lru_cache(maxsize=4096)
def _pointers(table: str, cells: tuple[Cell, ...]) -> tuple[str, ...]:
    """The JSON Pointers of a run's cells (each run's notice names them; cached per layout)."""
    return tuple(_pointer(table, cell) for cell in cells)


def _show(values: Iterable[CellValue]) -> str:
    return ", ".join("空" if v is None else str(v) for v in values)


def _two_numbers_note(values: Iterable[CellValue]) -> str:
    """What a blank (空) in a split means: the cell straddles whitespace, holding two numbers."""
    if any(v is None for v in values):
        return "（“空”：该单元格跨过空白、印有两个数，不合并其数字，留空）"
    return ""


def _blank_note(run: Run, values: Iterable[CellValue]) -> str:
    """What a blank (空) in a split means: a lacking cell, or a cell holding two numbers."""
    if run.lacking:
        return "（“空”：该单元格未印出）" if any(v is None for v in values) else ""
    return _two_numbers_note(values)


def _positions(plan: dict[Cell, int], runs: Sequence[Run]
               ) -> tuple[dict[Cell, int], list[tuple[int, ...]]]:
    """The plan's cell positions, with a position for any run cell no relation names; and the
    positions of each run's cells."""
    found = [tuple(map(plan.get, run.cells)) for run in runs]
    if not any(None in at for at in found):
        return plan, found  # type: ignore[return-value]  # no None in them
    position = dict(plan)
    for run in runs:
        for cell in run.cells:
            position.setdefault(cell, len(position))
    return position, [tuple(map(position.__getitem__, run.cells)) for run in runs]


def _members(rel: _Rel, member: list[int]) -> set[int]:
    """The runs (``member`` of each position, -1 for none) that hold a cell of ``rel``."""
    members = set(rel.get(member))
    members.discard(-1)
    return members


def _ready(rel: _Rel, depth: list[int]) -> int:
    """The search depth from which one side of ``rel`` may be wholly known."""
    return min(max(map(depth.__getitem__, rel.left_at), default=-1),
               max(map(depth.__getitem__, rel.right_at), default=-1))


def _one_sided(rel: _Rel, flags: Sequence[int]) -> bool:
    """Whether the cells printed nowhere (flag 0) of ``rel`` all stand on one side of it."""
    left = any(flags[at] == 0 for at in rel.left_at)
    right = any(flags[at] == 0 for at in rel.right_at)
    return not (left and right)


class _Solver:
    def __init__(self, spec: TableSpec, constants: dict[Cell, CellValue], runs: Sequence[Run],
                 describe: Callable[[Sequence[Cell]], str], unprinted_counts: bool = False
                 ) -> None:
        self.spec = spec
        self.unprinted_counts = unprinted_counts
        self.constants: dict[Cell, int | Decimal] = {
            c: v for c, v in constants.items() if isinstance(v, (int, Decimal))}
        self.blank = {c for c, v in constants.items() if v is None}
        self.describe = describe
        self.values: dict[Cell, CellValue] = {}
        self.notices: list[Notice] = []
        self.budget = _Budget(MAX_TABLE_NODES)
        self.aside = _Budget(MAX_APART_NODES)  #: for the searches of a run apart from its group
        self.runs: list[Run] = []
        unsearched: list[Run] = []
        self.pieces: set[int] = set()  #: ids of runs cut out of a longer one (rowcut.py)
        for run in runs:  # a run too long to search is left blank and constrains nothing
            if self.fits(run):
                self.add(run)
            else:
                self.too_long(run)
                unsearched.append(run)
        self.position, self.at = _positions(_plan(spec).position, self.runs)
        self.base: Known = [None] * len(self.position)  #: the stated values by position
        for cell, value in self.constants.items():
            if (at := self.position.get(cell)) is not None:
                self.base[at] = value
        self.owner = [-1] * len(self.position)  #: the run (index) that holds each cell
        for i, positions in enumerate(self.at):
            for at in positions:
                self.owner[at] = i
        self.relations = self.constraining(unsearched)
        self.with_constants, self.within = self.local_relations()
        self.shapes: dict[tuple[int, int], tuple[list[_Rel], Hashable | None]] = {}
        """:meth:`relation_shape` by run and list of relations (kept with it)."""
        self.checked: dict[Hashable, list[list[_Rel]]] = {}
        """:meth:`checks` by group and order."""
        self.memo: dict[int, tuple[list[tuple[CellValue, ...]], int]] = {}
        """Splits already found, and the steps they took, by :meth:`shape` (its number)."""
        self.shape_ids: dict[Hashable, int] = {}  #: each :meth:`shape` met, numbered
        self.keys: dict[tuple[int, int, bool, bool], tuple[Run, list[_Rel], int | None]] = {}
        """:meth:`memo_key` by run, list of relations and whitespace reading (kept with them)."""
        self.relaxed: dict[int, Run] = {}
        """Runs searched as lacking a cell or not (:meth:`relax`), as printed, by index."""
        self.unprinted: list[Run] = []  #: runs saying cells may be unprinted (above)
        self.unsure: set[int] = set()
        """Runs whose check for a cell not printed ran out of steps (:meth:`may_lack_a_cell`)."""
        self.owns: dict[int, list[tuple[CellValue, ...]] | None] = {}
        """:meth:`own_splits` by run (``None``: the search ran out of steps)."""

    def mark(self, flags: list[int], cells: Iterable[Cell], flag: int) -> None:
        """Set ``flag`` at the positions of ``cells`` (cells no relation names have none)."""
        get = self.position.get
        for cell in cells:
            if (at := get(cell)) is not None:
                flags[at] |= flag

    def constraining(self, unsearched: Sequence[Run]) -> list[_Rel]:
        """The relations that constrain the runs (even those too long to search, given apart):
        every cell a stated number or a run's cell, none printed blank, at least one a run's;
        with :attr:`unprinted_counts`, also those whose other cells, printed nowhere, all stand
        on one side (each a count ≥ 0: that side's known cells sum to no more than the other)."""
        flags = [0] * len(self.position)  # 1: stated, 2: a run's, 8: printed blank
        self.mark(flags, self.constants, 1)
        for positions in self.at:
            for at in positions:
                flags[at] |= 2
        for run in unsearched:
            self.mark(flags, run.cells, 2)
        self.mark(flags, self.blank, 8)
        out = []
        for rel in _plan(self.spec).relations:
            found = rel.get(flags)
            # each stated or a run's (1-3, never blank), one at least a run's (2 or 3); printed
            # nowhere (0) only where unprinted cells are counts, and on one side only
            if 2 <= max(found) <= 3 and (min(found) >= 1 or (
                    self.unprinted_counts and _one_sided(rel, flags))):
                out.append(rel)
        return out

    def add(self, run: Run) -> None:
        """A run to split; one spanning several rows cut first where the rows' own totals
        allow one boundary only (the same splits, a smaller search)."""
        if len({row for row, _ in run.cells}) < 2:  # one row: nothing to cut
            self.runs.append(run)
            return
        pieces = precut(run, [(r.left, r.right) for r in _plan(self.spec).relations])
        if len(pieces) > 1:
            self.pieces.update(id(p) for p in pieces)
        self.runs.extend(pieces)

    def local_relations(self) -> tuple[list[list[_Rel]], list[list[_Rel]]]:
        """The relations each run meets alone: with stated cells, and within the run only."""
        owner = self.owner
        with_constants: list[list[_Rel]] = [[] for _ in self.runs]
        within: list[list[_Rel]] = [[] for _ in self.runs]
        for rel in self.relations:
            owners = rel.get(owner)
            runs_of = set(owners)
            runs_of.discard(-1)
            if len(runs_of) != 1:
                continue
            (i,) = runs_of
            with_constants[i].append(rel)
            if -1 not in owners:
                within[i].append(rel)
        return with_constants, within

    def name(self, cells: Sequence[Cell]) -> str:
        return self.describe(cells)

    def solve(self) -> Solution:
        for group in self.groups():
            self.solve_group(group)
        return Solution(values=self.values, notices=tuple(self.notices),
                        relaxed=tuple(self.runs[i] for i in self.relaxed),
                        unprinted=tuple(self.unprinted))

    @staticmethod
    def fits(run: Run) -> bool:
        """Whether a run is short enough to search: within :data:`MAX_RUN_DIGITS` and within
        what its cells can hold together."""
        length = sum(map(len, run.segments))
        if length <= min(MAX_RUN_DIGITS, _SHORTEST_PIECE * len(run.kinds)):
            return True  # within what any cells can hold
        room = sum(_kind_plan(kind).longest for kind in run.kinds)
        return length <= min(MAX_RUN_DIGITS, room)

    def groups(self) -> list[list[int]]:
        """Indexes of runs linked (directly or not) by a relation, in document order."""
        owner = self.owner
        label = list(range(len(self.runs)))  #: each run's group, named by one of its runs
        members = [[i] for i in range(len(self.runs))]
        for rel in self.relations:
            linked = {label[i] for i in rel.get(owner) if i >= 0}
            if len(linked) < 2:
                continue
            into = max(linked, key=lambda g: len(members[g]))
            for group in linked - {into}:  # relabel the smaller groups
                for i in members[group]:
                    label[i] = into
                members[into].extend(members[group])
                members[group] = []
        groups: dict[int, list[int]] = {}
        for i in range(len(self.runs)):
            groups.setdefault(label[i], []).append(i)
        return list(groups.values())

    def local(self, index: int, *, constants: bool) -> list[_Rel]:
        """The relations run ``index`` meets alone (with stated cells, or within itself)."""
        return self.with_constants[index] if constants else self.within[index]

    def solve_group(self, group: list[int]) -> None:
        """Split a group of linked runs together (see the module's docstring).

        Whitespace is a cut where the table's arithmetic confirms it: a cell holding two
        numbers (straddling the whitespace) is considered at once for runs no relation checks,
        and for checked runs when no reading with every whitespace a cut is consistent; when
        one is, the readings with every whitespace inside a cell are its alternatives (a dump
        whose whitespace is never a cut: :meth:`alternatives`).
        """
        runs = [self.runs[i] for i in group]
        checked = len(group) > 1 or bool(self.with_constants[group[0]])
        try:
            solutions = self.consistent(group, straddle=not checked)
            if checked and any(any(run.soft) for run in runs):
                solutions = self.alternatives(group, solutions)
        except _TooComplex:
            for run in runs:
                self.too_complex(run)
            return
        if solutions:
            self.outcome(runs, solutions)
        else:
            self.inconsistent(group)

    def outcome(self, runs: Sequence[Run], solutions: list[tuple[tuple[CellValue, ...], ...]]
                ) -> None:
        """The group's runs read from its consistent solutions (one, or the cells they agree
        on)."""
        for r, run in enumerate(runs):
            options = list(dict.fromkeys(s[r] for s in solutions))
            try:
                others = self.straddle_short(run, options)
            except _TooComplex:
                self.too_complex(run)
                continue
            if others:
                self.ambiguous(run, [*options, *others], why=_STRADDLE_SHORT)
            elif len(options) == 1:
                self.unique(run, options[0], note="")
            else:
                self.ambiguous(run, options, why="有多种拆分都满足表内全部勾稽关系")

    def straddle_short(self, run: Run, options: Sequence[tuple[CellValue, ...]]
                       ) -> list[tuple[CellValue, ...]]:
        """The readings of a run printing every cell with a cell of two numbers (blank in
        ``options``) that took the digits of a neighbour the dump did not print: an option
        with that neighbour blank too, where the run read without it still meets its own
        rows' relations. The cell of two numbers is unknown, so the row's sum does not fix
        where it ends; only the count of cells put the neighbour's digits apart."""
        near = _beside_blanks(options)
        if run.lacking or not any(run.soft) or not near:
            return []
        index = next(i for i, r in enumerate(self.runs) if r is run)
        rels = self.local(index, constants=False)
        budget = _Budget(MAX_NODES, self.aside)
        out: list[tuple[CellValue, ...]] = []
        for k in near:
            for full in self.dropped_at(run, k, rels, budget):
                if full not in options and full not in out and any(
                        _blanked(full, option) for option in options):
                    out.append(full)
        return out

    def dropped_at(self, run: Run, k: int, rels: Sequence[_Rel], budget: _Budget
                   ) -> list[tuple[CellValue, ...]]:
        """The splits of ``run`` read without its cell ``k`` (blank) that meet ``rels``, cells
        of two numbers allowed."""
        short = attrs.evolve(run, cells=run.cells[:k] + run.cells[k + 1:],
                             kinds=run.kinds[:k] + run.kinds[k + 1:])
        at = [self.position[c] for c in short.cells]
        unknown: Known = [None] * len(self.position)
        return [(*values[:k], None, *values[k:])
                for values in _splits(short, rels, unknown, at, budget, straddle=True)]

    def inconsistent(self, group: list[int]) -> None:
        """No consistent whole: each run split by its own row, except a run whose row could
        also have lost a cell (a dump that drops a cell prints the rest run together): blank."""
        lacking = [i for i in group  # each run's check its own, within the table's
                   if self.may_lack_a_cell(i, _Budget(MAX_NODES, self.aside))]
        printed = [i for i in group if not self.runs[i].lacking]
        suspects = [i for i in printed if i in lacking or self.broken_row(i)]
        if self.relax(group, suspects):
            return
        if len(suspects) > MAX_RELAXED and self.relax(group, self.broken(printed), placed=True):
            return
        weighed = self.own_reading([i for i in group if i not in lacking])
        for i in group:
            if i in lacking:
                self.lacks_a_cell(i)
            else:
                self.by_own_row(i, self.runs[i], weighed)

    def own_reading(self, indexes: Sequence[int]) -> Known:
        """The table's values with each cell of the runs ``indexes`` that their own rows' splits
        all give one number (else unknown): what a run's readings are weighed against
        (:meth:`own_or_lost`), the stated cells as stated."""
        known = list(self.base)
        for i in indexes:
            if id(self.runs[i]) in self.pieces:
                continue
            try:
                own = self.own_splits_once(i)
            except _TooComplex:
                continue
            for at, values in zip(self.at[i], zip(*own, strict=True), strict=False):
                agreed = set(values)
                value = agreed.pop() if len(agreed) == 1 else None
                known[at] = value if isinstance(value, int | Decimal) else None
        return known

    def broken_with(self, index: int, reading: tuple[CellValue, ...], known: Known) -> int:
        """How many relations through run ``index``'s cells ``reading`` breaks, the table's
        other cells as in ``known`` (an unknown cell some count ≥ 0)."""
        values = list(known)
        for at, value in zip(self.at[index], reading, strict=True):
            values[at] = value if isinstance(value, int | Decimal) else None
        return sum(1 for rel in self.touching([index])[0] if not _holds(rel, values, True))

    def broken(self, indexes: Sequence[int]) -> list[int]:
        """The runs of ``indexes`` no split of which meets its own row's relations: each lost a
        cell (or the document breaks its arithmetic), whatever the other rows did."""
        return [i for i in indexes if self.broken_row(i)]

    def broken_row(self, index: int) -> bool:
        """Whether no split of run ``index`` meets its own row's relations (so the row, if it
        keeps to its arithmetic, lost a cell); ``False`` when that search is too long."""
        unknown: Known = [None] * len(self.position)
        try:
            return not _splits(self.runs[index], self.local(index, constants=False), unknown,
                               self.at[index], _Budget(MAX_NODES, self.aside),
                               straddle=False)
        except _TooComplex:
            return False

    def relax(self, group: list[int], indexes: Sequence[int], *, placed: bool = False) -> bool:
        """The group searched again with the runs ``indexes`` (those whose row may have lost a
        cell) each read as printed or lacking cells (:func:`~gi_report.importers.shortrow.
        readings`), the other runs as before; its consistent solutions read as usual.
        ``False`` (nothing changed) when none is consistent or the search is too long, or, with
        ``placed``, when the solutions leave a value those runs print unknown
        (:func:`_each_placed`)."""
        if not 0 < len(indexes) <= MAX_RELAXED or any(any(self.runs[i].soft) for i in group):
            return False  # whitespace a cell holding two numbers could straddle: not searched
        if not all(kind is CellKind.COUNT for i in indexes for kind in self.runs[i].kinds):
            return False
        for i in indexes:
            self.relaxed[i] = self.runs[i]
            self.runs[i] = attrs.evolve(self.runs[i], lacking=True)
        try:
            solutions = self.consistent(group, straddle=False)
        except _TooComplex:
            solutions = []
        if not solutions or (placed and not _each_placed(
                [group.index(i) for i in indexes], solutions)):
            for i in indexes:
                self.runs[i] = self.relaxed.pop(i)
            return False
        self.outcome([self.runs[i] for i in group], solutions)
        return True

    def may_lack_a_cell(self, index: int, budget: _Budget, *, totals: bool = False) -> bool:
        """Whether run ``index``'s row relations also hold with one of the cells they sum not
        printed (a blank a dump dropped): a split by its own row alone cannot tell them apart;
        a search over its bound counts as such. With ``totals``, a total not printed too (its
        row's sum then checks nothing, so any split of the rest holds)."""
        run = self.runs[index]
        rels = self.local(index, constants=False)
        summed = {c for rel in rels for c in (rel.left if len(rel.left) > 1 else rel.right)}
        dropped = {c for rel in rels for c in rel.cells} if totals else summed
        try:
            return any(self.holds_without(run, k, rels, budget, 0 if cell in summed else None)
                       for k, cell in enumerate(run.cells) if cell in dropped)
        except _TooComplex:
            self.unsure.add(index)  # counted as lacking one: blank, saying the search ran out
            return True

    def holds_without(self, run: Run, k: int, rels: Sequence[_Rel], budget: _Budget,
                      blank: int | None = 0) -> bool:
        """Whether ``run`` read without its cell ``k`` (a blank a dump dropped: ``blank``, 0 in
        the sums, unknown for a total) has a split meeting ``rels``. The blank is known to the
        search, so that its sums prune as they will be checked (the same splits, fewer steps)."""
        short = attrs.evolve(run, cells=run.cells[:k] + run.cells[k + 1:],
                             kinds=run.kinds[:k] + run.kinds[k + 1:])
        at = [self.position[c] for c in short.cells]
        unknown: Known = [None] * len(self.position)
        unknown[self.position[run.cells[k]]] = blank
        for split in _splits(short, rels, unknown, at, budget, straddle=False):
            values = list(unknown)
            values[self.position[run.cells[k]]] = blank
            for position, value in zip(at, split, strict=True):
                if isinstance(value, int | Decimal):
                    values[position] = value
            if all(_holds(rel, values, True) for rel in rels):
                return True
        return False

    def lacks_a_cell(self, index: int) -> None:
        run = self.runs[index]
        self.unprinted.append(run)
        self.undecided(run, list(range(len(run.cells))), [], code=self.lacking_code(index),
                       why=self.lacking_why(index))

    def lacking_code(self, index: int) -> str:
        """The code of a run left blank as possibly lacking a cell: ``split.too_complex`` when
        the check ran out of steps (nothing was shown)."""
        return "split.too_complex" if index in self.unsure else "split.inconsistent"

    def lacking_why(self, index: int) -> str:
        """Why a run is blank that may lack a cell: shown, or the check ran out of steps."""
        return _UNSURE if index in self.unsure else _LACKS_A_CELL

    def alternatives(self, group: list[int], cut: list[tuple[tuple[CellValue, ...], ...]]
                     ) -> list[tuple[tuple[CellValue, ...], ...]]:
        """The consistent splits of a checked group whose runs print whitespace, given those
        with every whitespace a cut (``cut``).

        None of those: any cell may straddle whitespace. Some: whitespace may still be only
        inside cells (a dump that runs cells together with none between them, ``0 11`` one
        cell): those readings are added, so that the cells the two habits read differently
        are blank, never read by the one that happened to hold. Readings mixing the two
        habits (some whitespace a cut, some inside a cell) are not, nor, where whitespace
        parts more than :data:`MAX_INSIDE` boundaries, the readings with all of it inside
        cells (so many cells of two numbers: the dump prints spaces between its cells).
        """
        if not cut:
            return self.consistent(group, straddle=True)
        if sum(sum(self.runs[i].soft) for i in group) > MAX_INSIDE:
            return cut
        inside = self.consistent(group, straddle=True, inside=True)
        return list(dict.fromkeys([*cut, *inside]))

    def consistent(self, group: list[int], *, straddle: bool, inside: bool = False
                   ) -> list[tuple[tuple[CellValue, ...], ...]]:
        """Every consistent split of the group's runs together (with ``straddle``: cells
        holding two numbers across whitespace too; with ``inside``: only such cells)."""
        budget = _Budget(MAX_NODES, self.budget)
        domains = [self.splits(i, self.local(i, constants=True), self.base, budget,
                               straddle=straddle, inside=inside) for i in group]
        try:
            solutions = self.search(group, domains, budget)
        except _TooComplex:
            if not self.joinable(group):
                raise
            return self.joined(group, domains, _Budget(MAX_NODES, self.aside))
        if len(solutions) >= MAX_SOLUTIONS:
            return self.all_supported(group, domains, solutions)
        return solutions

    def all_supported(self, group: list[int], domains: list[list[tuple[CellValue, ...]]],
                      found: list[tuple[tuple[CellValue, ...], ...]]
                      ) -> list[tuple[tuple[CellValue, ...], ...]]:
        """A group with more consistent solutions than the search collects: every run's
        supported splits by partial sums where that walk finishes (exact), else the probes of
        :meth:`supporting` (a cell they cannot show to vary is left undecided)."""
        if self.joinable(group):
            try:
                return self.joined(group, domains, _Budget(MAX_NODES, self.aside))
            except _TooComplex:
                pass
        return found + self.supporting(group, domains, found)

    def joinable(self, group: list[int]) -> bool:
        """Whether a group whose search ran out of steps is searched again by its relations'
        partial sums (:mod:`~gi_report.importers.partialsums`): several runs that share no
        cell and hold no stated cell."""
        return len(group) > 1 and self.apart([self.at[i] for i in group])

    def joined(self, group: list[int], domains: list[list[tuple[CellValue, ...]]],
               budget: _Budget) -> list[tuple[tuple[CellValue, ...], ...]]:
        """A consistent solution through each split some consistent solution uses
        (:func:`~gi_report.importers.partialsums.supported`): the cells all of them agree on
        and each run's candidates are those of every consistent solution."""
        domains = self.narrowed(group, domains, budget)
        try:
            return partialsums.supported(domains, [self.at[i] for i in group], self.relations,
                                         self.base, budget.room(), budget.charge)
        except partialsums.OutOfSteps:
            raise _TooComplex from None

    def supporting(self, group: list[int], domains: list[list[tuple[CellValue, ...]]],
                   found: list[tuple[tuple[CellValue, ...], ...]]
                   ) -> list[tuple[tuple[CellValue, ...], ...]]:
        """When the search stopped at :data:`MAX_SOLUTIONS` (the solutions found first are no
        sample of the rest): for each cell they agree on, a consistent solution giving it
        another value, if one exists; if that search is too long, a solution with a split of
        that run's own giving another value (the cell left undecided). The cells all the
        solutions then agree on are those every consistent reading agrees on."""
        out: list[tuple[tuple[CellValue, ...], ...]] = []
        probes = _Budget(MAX_NODES, self.aside)  # the group's, within the table's
        for r, domain in enumerate(domains):
            for i in range(len(domain[0]) if domain else 0):
                values = {s[r][i] for s in found} | {s[r][i] for s in out}
                other = [split for split in domain if split[i] not in values]
                if len(values) == 1 and other:
                    out += self.probe(group, domains, r, other, found[0], probes)
        return out

    def probe(self, group: list[int], domains: list[list[tuple[CellValue, ...]]], r: int,
              other: list[tuple[CellValue, ...]], like: tuple[tuple[CellValue, ...], ...],
              probes: _Budget) -> list[tuple[tuple[CellValue, ...], ...]]:
        """A consistent solution with run ``r`` split by one of ``other`` (none if there is
        none); when the search is too long, ``like`` with run ``r`` split by ``other[0]``."""
        one = [*domains[:r], other, *domains[r + 1:]]
        try:
            return self.search(group, one, _Budget(PROBE_NODES, probes), limit=1)
        except _TooComplex:
            return [(*like[:r], other[0], *like[r + 1:])]

    def splits(self, index: int, relations: list[_Rel], constants: Known, budget: _Budget, *,
               straddle: bool, inside: bool = False) -> list[tuple[CellValue, ...]]:
        """:func:`_splits` of run ``index`` (with ``inside``: every whitespace inside a cell),
        searched once per :meth:`shape`: a run of the same shape has the same splits, found in
        the same number of steps, which are charged to ``budget`` again (failing on the same
        step as a search would)."""
        run = self.runs[index]
        if run.lacking:
            lacking = _lacking_splits(run, relations, constants, self.at[index], budget)
            if index not in self.relaxed:
                return lacking
            printed = _Cutter(self.relaxed[index], relations, constants, self.at[index], budget,
                              straddle=straddle, inside=inside).splits()
            return [*printed, *lacking]
        key = self.memo_key(index, relations, constants, straddle, inside)
        found = self.memo.get(key) if key is not None else None
        if found is None:
            cutter = _Cutter(self.runs[index], relations, constants, self.at[index], budget,
                             straddle=straddle, inside=inside)
            out = cutter.splits()
            if key is not None:
                self.memo[key] = (out, cutter.used)
            return out
        out, steps = found
        room = budget.room()
        if steps > room:
            budget.charge(max(room, 0) + 1)
            raise _TooComplex
        budget.charge(steps)
        return list(out)

    def memo_key(self, index: int, relations: list[_Rel], constants: Known, straddle: bool,
                 inside: bool) -> int | None:
        """:meth:`shape` of run ``index`` as a number (one per shape: the memo is not hashed
        again per search), worked out once per run, list of relations and :func:`_mode` when
        ``constants`` are the stated values (:attr:`base`), which every group search passes: a
        group's second search (whitespace inside cells) finds its runs printing none here."""
        run = self.runs[index]
        stated = constants is self.base
        mode = _mode(run, straddle, inside)
        where = (index, id(relations), *mode)
        cached = self.keys.get(where) if stated else None
        if cached is not None and cached[0] is run and cached[1] is relations:
            return cached[2]
        shape = self.shape(index, relations, constants, mode)
        key = None if shape is None else self.shape_ids.setdefault(shape, len(self.shape_ids))
        if stated:
            self.keys[where] = (run, relations, key)
        return key

    def shape(self, index: int, relations: list[_Rel], constants: Known,
              mode: tuple[bool, bool]) -> Hashable | None:
        """What the splits of run ``index`` depend on: its digits, whitespace and kinds, how
        whitespace is read (``mode``: straddled, only inside cells), the stated values of its
        cells, and the relations (its cells by place in the run, other cells by value);
        ``None`` if the run names a cell twice (not memoised)."""
        run = self.runs[index]
        positions = self.at[index]
        rels = self.relation_shape(index, relations, constants)
        if rels is None:
            return None
        return (run.segments, run.soft, mode, tuple(map(id, run.kinds)),
                tuple(map(constants.__getitem__, positions)), rels)

    def relation_shape(self, index: int, relations: list[_Rel], constants: Known
                       ) -> Hashable | None:
        """The relations of :meth:`shape` (run ``index``'s cells by place, other cells by
        value); worked out once per run and list of relations with the stated values
        (:attr:`base`, never changed), which every search of the group passes."""
        stated = constants is self.base
        cached = self.shapes.get((index, id(relations))) if stated else None
        if cached is not None and cached[0] is relations:
            return cached[1]
        positions = self.at[index]
        place = {at: j for j, at in enumerate(positions)}
        rels = None if len(place) != len(positions) else tuple(
            (tuple(place[at] if at in place else (constants[at],) for at in rel.left_at),
             tuple(place[at] if at in place else (constants[at],) for at in rel.right_at))
            for rel in relations)
        if stated:
            self.shapes[(index, id(relations))] = (relations, rels)
        return rels

    def by_own_row(self, index: int, run: Run, weighed: Known) -> None:
        """No consistent whole (the document is inconsistent): a run split by its own row
        alone, whitespace a cut (a cell of two numbers would explain nothing), if that split
        is unique. Several: the run is blank, the cells they agree on too: each of them assumes
        every cell printed, which the inconsistency puts in doubt (a row lacking a cell shifts
        the agreed part as well: ``272145241`` read 4, 5, 2, 41 for 2, 14, 5, 241; where its
        digits also read as its row without a total printed, the notice says so). A piece of
        a longer run is not split: its rows are known only if the whole is consistent."""
        if id(run) in self.pieces:
            self.ambiguous(run, [], why="没有一种拆分能同时满足表内全部勾稽关系",
                           code="split.inconsistent")
            return
        try:
            own = self.own_splits_once(index)
        except _TooComplex:
            self.too_complex(run)
            return
        if len(own) == 1:
            self.own_or_lost(index, run, own[0], weighed)
        else:  # no cell read from what several splits agree on (see the docstring)
            unprinted = self.may_lack_a_cell(index, _Budget(MAX_NODES, self.aside),
                                             totals=True)
            if unprinted or (not own and not any(run.soft)):  # no split of its own rows
                # holds: cells it dropped may explain it as well as a report breaking its sums
                self.unprinted.append(run)
            why = self.lacking_why(index) if unprinted else "没有一种拆分能同时满足表内全部勾稽关系"
            self.undecided(run, list(range(len(run.cells))), own, code="split.inconsistent",
                           why=why)

    def own_or_lost(self, index: int, run: Run, own: tuple[CellValue, ...], weighed: Known
                    ) -> None:
        """Run ``index`` split by its own row alone as ``own``, unless its digits also read as
        the row with one summed cell lost (:meth:`lost_readings`) breaking fewer of the table's
        relations, the other runs as their own rows read them (``weighed``): such a reading
        explains (part of) the inconsistency the split leaves, so the run is blank, listing
        both. A split breaking nothing is kept: no reading breaks fewer."""
        broken = self.broken_with(index, own, weighed)
        if not broken:
            self.unique(run, own, note="（表内其余关系无法同时满足，仅按本行合计拆分）")
            return
        try:
            found = self.lost_readings(index, _Budget(MAX_NODES, self.aside))
        except _TooComplex:
            self.unsure.add(index)
            self.undecided(run, list(range(len(run.cells))), [own], code="split.too_complex",
                           why=_UNSURE)
            return
        lost = [r for r in found if self.broken_with(index, r, weighed) < broken]
        if not lost:
            self.unique(run, own, note="（表内其余关系无法同时满足，仅按本行合计拆分）")
            return
        self.undecided(run, list(range(len(run.cells))), [own, *lost],
                       code="split.inconsistent", why=_LOST_A_COUNT, blanks=_LOST_BLANK)

    def lost_readings(self, index: int, budget: _Budget) -> list[tuple[CellValue, ...]]:
        """The readings of run ``index`` with one cell its row's total sums lost whole, a number
        in it (``None`` in the reading: unknown, some count ≥ 0, whatever the total needs),
        the rest of its digits cut into one number fewer and meeting its own rows' relations.

        A table no reading holds as a whole checks a row by its own relations first, and a
        lost cell meets any relation through it; where the digits also read so, the split
        with every cell printed is one of several readings, not the document's."""
        run = self.runs[index]
        rels = self.local(index, constants=False)
        summed = {c for rel in rels for c in (rel.left if len(rel.left) > 1 else rel.right)}
        out: list[tuple[CellValue, ...]] = []
        for k, cell in enumerate(run.cells):
            if cell in summed and len(out) < LISTED_CANDIDATES:
                out.extend(self.readings_without(run, k, rels, budget))
        return out

    def readings_without(self, run: Run, k: int, rels: Sequence[_Rel], budget: _Budget
                         ) -> list[tuple[CellValue, ...]]:
        """The splits of ``run`` read without its cell ``k`` (lost, its value unknown and
        ≥ 0) that meet ``rels``: :meth:`holds_without` with the cell unknown, every one."""
        short = attrs.evolve(run, cells=run.cells[:k] + run.cells[k + 1:],
                             kinds=run.kinds[:k] + run.kinds[k + 1:])
        at = [self.position[c] for c in short.cells]
        out: list[tuple[CellValue, ...]] = []
        for split in _splits(short, rels, [None] * len(self.position), at, budget,
                             straddle=False):
            values: Known = [None] * len(self.position)
            for position, value in zip(at, split, strict=True):
                if isinstance(value, int | Decimal):
                    values[position] = value
            if all(_holds(rel, values, True) for rel in rels):
                out.append((*split[:k], None, *split[k:]))
        return out

    def own_splits_once(self, index: int) -> list[tuple[CellValue, ...]]:
        """:meth:`own_splits`, searched once per run (:meth:`own_reading` and
        :meth:`by_own_row` both ask; the table's steps are charged once)."""
        if index not in self.owns:
            try:
                self.owns[index] = self.own_splits(index)
            except _TooComplex:
                self.owns[index] = None
        found = self.owns[index]
        if found is None:
            raise _TooComplex
        return found

    def own_splits(self, index: int) -> list[tuple[CellValue, ...]]:
        """The splits of run ``index`` by its own rows alone, whitespace a cut; where it prints
        whitespace (at :data:`MAX_INSIDE` places at most: more, and the dump prints spaces
        between its cells) and one is found, those with a cell holding two numbers across it
        too: the table's inconsistency may as well be such a cell's (its value unknown), so a
        split with every whitespace a cut is no more certain than those."""
        rels = self.local(index, constants=False)
        unknown: Known = [None] * len(self.base)
        own = self.splits(index, rels, unknown, _Budget(MAX_NODES, self.budget), straddle=False)
        if own and 0 < sum(self.runs[index].soft) <= MAX_INSIDE:
            more = self.splits(index, rels, unknown, _Budget(MAX_NODES, self.budget),
                               straddle=True)
            own = list(dict.fromkeys([*own, *more]))
        return own

    def touching(self, group: list[int]) -> list[list[_Rel]]:
        """For each run of ``group``, the constraining relations that name one of its cells."""
        by_cell: dict[int, list[_Rel]] = {}
        for rel in self.relations:
            for at in rel.at:
                by_cell.setdefault(at, []).append(rel)
        return [
            list({id(rel): rel for at in self.at[i] for rel in by_cell.get(at, ())}.values())
            for i in group
        ]

    def apart(self, positions: list[tuple[int, ...]]) -> bool:
        """Whether the runs (at ``positions``) share no cell and hold no stated cell."""
        cells = [at for run in positions for at in run]
        base = self.base
        return len(set(cells)) == len(cells) and all(base[at] is None for at in cells)

    def checks(self, group: list[int], order: list[int]) -> list[list[_Rel]]:
        """For each run of ``group``, the relations to check when its split is chosen (runs
        chosen in ``order``): those naming one of its cells, less those with a cell on each
        side that only a later run gives (such a relation holds whatever the values). When
        runs share a cell or a run's cell is stated, every relation naming one of its cells.
        """
        key = (tuple(group), tuple(order))
        found = self.checked.get(key)
        if found is None:
            found = self.checked[key] = self.check_lists(group, order)
        return found

    def check_lists(self, group: list[int], order: list[int]) -> list[list[_Rel]]:
        """:meth:`checks`, worked out (the group's searches ask again: one with whitespace cut,
        one with it inside cells, probes)."""
        positions = [self.at[i] for i in group]
        if not self.apart(positions):
            return self.touching(group)
        depth = [-1 if value is not None else _NEVER for value in self.base]
        member = [-1] * len(self.base)  #: the run of the group holding each position
        for d, r in enumerate(order):
            for at in positions[r]:
                depth[at] = d
                member[at] = r
        chosen_at = {r: d for d, r in enumerate(order)}
        out: list[list[_Rel]] = [[] for _ in group]
        for rel in self.relations:
            members = _members(rel, member)
            ready = _ready(rel, depth) if members else 0
            for r in members:
                if ready <= chosen_at[r]:
                    out[r].append(rel)
        return out

    def search(self, group: list[int], domains: list[list[tuple[CellValue, ...]]],
               budget: _Budget, limit: int = MAX_SOLUTIONS
               ) -> list[tuple[tuple[CellValue, ...], ...]]:
        """One split per run of ``group`` (from its ``domains``) such that no relation breaks:
        every such choice, up to ``limit``. Steps are counted locally and charged to
        ``budget`` at the end."""
        order = sorted(range(len(group)), key=lambda i: len(domains[i]))
        domains = self.narrowed(group, domains, budget)
        known = list(self.base)
        chosen: list[tuple[CellValue, ...] | None] = [None] * len(group)
        positions = [self.at[i] for i in group]
        touching = self.checks(group, order)
        out: list[tuple[tuple[CellValue, ...], ...]] = []
        room = budget.room()
        used = 0

        def step(depth: int) -> None:
            nonlocal used
            if len(out) >= limit:
                return
            if depth == len(order):
                out.append(tuple(c for c in chosen if c is not None))
                return
            r = order[depth]
            cells = positions[r]
            rels = touching[r]
            for split in domains[r]:
                used += 1
                if used > room:
                    raise _TooComplex
                for at, value in zip(cells, split, strict=True):
                    if value is not None:  # None: a cell holding two numbers, not known
                        known[at] = value  # type: ignore[assignment]  # splits hold no text
                for rel in rels:  # all(...) without a generator: run for every split tried
                    if not _holds(rel, known, True):
                        break
                else:
                    chosen[r] = split
                    step(depth + 1)
                    chosen[r] = None
                for at in cells:
                    known[at] = None

        try:
            step(0)
        finally:
            budget.charge(used)
        return out

    def narrowed(self, group: list[int], domains: list[list[tuple[CellValue, ...]]],
                 budget: _Budget) -> list[list[tuple[CellValue, ...]]]:
        """The domains less the splits no choice of the other runs' can keep within the
        relations (:func:`~gi_report.importers.narrow.narrow`), for a search of more than
        :data:`NARROW_FROM` combinations of runs that share no cell; the checks are charged
        to ``budget``. The search keeps its order: the same solutions, found first alike."""
        combinations = 1
        for domain in domains:
            combinations *= len(domain)
        positions = [self.at[i] for i in group]
        if combinations <= NARROW_FROM or not self.apart(positions):
            return domains

        def spend(steps: int) -> None:
            budget.charge(steps)
            if budget.room() < 0:
                raise _TooComplex

        return narrow.narrow(domains, positions, self.relations, self.base, spend)

    # --- outcomes -------------------------------------------------------------------------------

    def unique(self, run: Run, split: tuple[CellValue, ...], *, note: str) -> None:
        for cell, value in zip(run.cells, split, strict=True):
            self.values[cell] = value
        if run.lacking:
            self.placed(run, split, note=note)
            return
        self.notices.append(notice(
            "split.unique",
            f"连写的数字“{run.text.strip()}”只有一种拆分符合表格要求与勾稽关系："
            f"{self.name(run.cells)} = {_show(split)}{note}{_two_numbers_note(split)}",
            location=run.location,
            cells=_pointers(self.spec.id, run.cells),
            candidates=[split],
            found=run.text,
        ))

    def placed(self, run: Run, split: tuple[CellValue, ...], *, note: str) -> None:
        """A run lacking cells read by its one consistent reading: the cells read, and the
        lacking ones blank."""
        read = [(c, v) for c, v in zip(run.cells, split, strict=True) if v is not None]
        text = run.text.strip()
        self.notices.append(notice(
            "row.gap",
            f"连写的数字“{text}”少于 {len(run.cells)} 个单元格（空白单元格未印出），按表内勾稽"
            f"关系只有一种拆分与缺位符合：{self.name(run.cells)} = {_show(split)}{note}",
            location=run.location, cells=[_pointer(self.spec.id, c) for c, _ in read],
            candidates=[tuple(v for _, v in read)], found=run.text))
        self.lacking([c for c, v in zip(run.cells, split, strict=True) if v is None], run)

    def lacking(self, cells: Sequence[Cell], run: Run) -> None:
        """The cells every consistent reading of a run lacking cells leaves out: blank."""
        if not cells:
            return
        self.notices.append(notice(
            "column.missing",
            f"连写的数字“{run.text.strip()}”少印的单元格是 {self.name(cells)}"
            "（按表内勾稽关系确定），该单元格留空", location=run.location,
            cells=[_pointer(self.spec.id, c) for c in cells], found=run.text))

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
        if run.lacking:  # a cell every reading leaves out is lacking, not read
            self.lacking([run.cells[i] for i in fixed if split[i] is None], run)
            fixed = [i for i in fixed if split[i] is not None]
            if not fixed:
                return
        cells = [run.cells[i] for i in fixed]
        values = [split[i] for i in fixed]
        for cell, value in zip(cells, values, strict=True):
            self.values[cell] = value
        self.notices.append(notice(
            "split.unique",
            f"“{run.text.strip()}” 有多种拆分，但 {self.name(cells)} 在各种拆分中都相同："
            f"{_show(values)}{_blank_note(run, values)}",
            location=run.location, cells=[_pointer(self.spec.id, c) for c in cells],
            candidates=[tuple(values)], found=run.text,
        ))

    def undecided(self, run: Run, open_: list[int], options: list[tuple[CellValue, ...]], *,
                  why: str, code: str, blanks: str | None = None) -> None:
        """Run ``run``'s cells ``open_`` left blank with the ``options`` listed (``blanks``:
        what “空” in them means, if not what :func:`_blank_note` says)."""
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
            f"{_blank_note(run, (v for c in listed for v in c)) if blanks is None else blanks}",
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
          describe: Callable[[Sequence[Cell]], str] | None = None, *,
          unprinted_counts: bool = False) -> Solution:
    """Split ``runs`` into values for their cells, using ``spec``'s relations.

    ``constants`` are the cells the document states plainly (``None`` for a blank cell: the
    relations it takes part in constrain nothing); ``describe`` names cells in the notices.
    ``unprinted_counts``: the cells the document prints nowhere (a row lost at a page break) are
    counts ≥ 0 of a report that keeps its arithmetic, so a relation through them on one side
    still bounds the other (its stated and split cells there sum to no more); only for a
    document not known to drop cells, where a cell printed nowhere is a lost one, not a blank.
    """
    if not runs:
        return Solution(values={}, notices=())
    return _Solver(spec, constants, runs, describe or _plain, unprinted_counts).solve()
