"""Every reading of a table printed as digit runs by a dump that drops blank cells, searched
jointly: which cells the table's arithmetic settles, and whole readings that read a cell
otherwise (alternatives for the proof of blanks).

Section 三 or 四 of a glued dump is printed as digit runs: the value cells of a printed row run
together, a label or header cell ends a run, a blank cell prints nothing. A *reading* of the
table is, for every run, a cut of its digits into numbers (0 alone, no number starting with 0, at
most a count's digits) laid over the run's cells in order, the cells that take no number blank.
A reading is *as consistent as the truth* when every relation of the table (the ``gi.sum``
family: row totals, column sums, balances) that the truth (as the damaged document states it)
breaks is broken by the reading too, and every other relation holds or is not evaluable (a blank
cell in it): the proof of blanks' rule for a dump that drops blank cells
(:func:`benchmarks.fidelity_harness.unsettled.as_consistent`). A cell is *settled* when every
such reading gives it one value; the truth is one of them, so that value is the truth's.

:class:`Joint` lists each run's readings (pruned by the relations inside the run), filters them
by the bounds the other runs allow, and finds whole readings by backtracking (each relation
checked as soon as its cells are read, and bounded by the other runs' least and largest values
before); :class:`Chain` does the same for one run over several rows whose relations each lie in
one row (section 四 printed as one row), joining each row's readings by where they end. Every
search is within a step bound (over it: the cell is *over the bound*, never settled). Only tables
printed as labelled runs of digits are modelled: labels printed apart (a run's rows unknown), a
cell holding a space or a unit word, section 三 printed in another column order are not.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence

import attrs

from benchmarks.fidelity_harness.document import Document, TableBlock
from gi_report.form.spec import CellKind, TableSpec
from gi_report.importers.unprinted import fewest_numbers
from gi_report.numbers import MAX_COUNT_DIGITS

Cell = tuple[str, str]
Reading = tuple["int | None", ...]
TABLES = ("applications", "review_litigation")
MAX_READINGS = 200_000
"""Readings of one run listed at most (more: the table is over the bound)."""
MAX_NODES = 100_000
"""Nodes of one search for a whole reading (more: the search is over the bound)."""
MAX_TABLE_NODES = 2_000_000
"""Nodes of all the searches of one table (more: the cells left are over the bound)."""
FAILED = "failed"
HOLDS = "holds"
OPEN = "not evaluable"


class OverBound(Exception):
    """A listing or a search went over its step bound."""


@attrs.frozen
class Run:
    """One printed digit run: its cells (in the order printed) and its digits."""

    cells: tuple[Cell, ...]
    digits: str


@attrs.frozen
class Rel:
    """One relation of the table: its two sides and whether the truth breaks it."""

    left: tuple[Cell, ...]
    right: tuple[Cell, ...]
    broken: bool

    @property
    def cells(self) -> tuple[Cell, ...]:
        return self.left + self.right


def status(left: Sequence[int | None], right: Sequence[int | None]) -> str:
    """A relation's finding on complete values (counts), as the validators judge it."""
    lk = sum(v for v in left if v is not None)
    rk = sum(v for v in right if v is not None)
    if None not in left and None not in right:
        return HOLDS if lk == rk else FAILED
    if (None not in left and rk > lk) or (None not in right and lk > rk):
        return FAILED
    return OPEN


def _finding(known: Sequence[float], full: Sequence[bool]) -> str:
    """:func:`status` from each side's known sum and whether it has no blank."""
    if full[0] and full[1]:
        return HOLDS if known[0] == known[1] else FAILED
    if (full[0] and known[1] > known[0]) or (full[1] and known[0] > known[1]):
        return FAILED
    return OPEN


def allowed(rel: Rel, found: str) -> bool:
    """Whether a reading's finding is as consistent as the truth's (see the module)."""
    return (found == FAILED) == rel.broken


# --- the printed runs of a table -------------------------------------------------------------

def _blocks(doc: Document, table: str) -> list[TableBlock]:
    return [b for b in doc.blocks if isinstance(b, TableBlock) and b.spec is not None
            and b.spec.id == table]


def printed_runs(doc: Document, table: str, reordered: bool = False
                 ) -> tuple[TableSpec, list[Run]] | None:
    """The table's digit runs as the dump prints them, each with the cells of the form rows it
    prints values of (every value column of each, removed cells too, in the form's order); None
    if the table is not modelled (see the module)."""
    blocks = _blocks(doc, table)
    if not blocks or (table == "applications" and reordered):
        return None
    spec = blocks[0].spec
    assert spec is not None
    raw: list[tuple[list[str], str]] = []
    rows: list[str] = []
    digits = ""
    for block in blocks:
        for row in block.rows:
            for cell in row.cells:
                if cell.header or cell.ref is None:
                    if rows:
                        raw.append((rows, digits))
                    rows, digits = [], ""
                    continue
                if not (cell.text == "" or (cell.text.isascii() and cell.text.isdigit())):
                    return None
                if cell.ref[0] not in rows:
                    rows.append(cell.ref[0])
                digits += cell.text
    if rows:
        raw.append((rows, digits))
    return _modelled(spec, raw)


def _modelled(spec: TableSpec, raw: list[tuple[list[str], str]]
              ) -> tuple[TableSpec, list[Run]] | None:
    """The runs of ``raw`` (form rows, digits), None if a form row is in two runs or a run of
    several rows is not section 四's one printed row (labels printed apart)."""
    seen: set[str] = set()
    runs: list[Run] = []
    for rows, digits in raw:
        if seen.intersection(rows) or (len(rows) > 1 and spec.id != "review_litigation"):
            return None
        seen.update(rows)
        cells = tuple((r, c) for r in rows for c in spec.row(r).columns)
        if any(spec.column(c).kind is not CellKind.COUNT for _, c in cells):
            return None
        runs.append(Run(cells, digits))
    return spec, runs


def relations(spec: TableSpec, truth: Mapping[Cell, int | None]) -> list[Rel]:
    """The table's relations, each marked broken where the truth breaks it."""
    out: list[Rel] = []
    for rel in spec.relations:
        left = tuple((c.row, c.column) for c in rel.left)
        right = tuple((c.row, c.column) for c in rel.right)
        found = status([truth.get(c) for c in left], [truth.get(c) for c in right])
        out.append(Rel(left, right, found == FAILED))
    return out


# --- one run's readings ----------------------------------------------------------------------

def _pieces(digits: str, at: int) -> Iterator[str]:
    if digits[at] == "0":
        yield "0"
        return
    for stop in range(at + 1, min(len(digits), at + MAX_COUNT_DIGITS) + 1):
        yield digits[at:stop]


class Lister:
    """Every reading of one run, the relations inside it checked as their last cell is read."""

    def __init__(self, run: Run, inner: Sequence[Rel], most: int = MAX_READINGS) -> None:
        self.run = run
        self.most = most
        self.due: dict[int, list[Rel]] = {}
        for rel in inner:
            last = max(run.cells.index(c) for c in rel.cells)
            self.due.setdefault(last, []).append(rel)
        self.values: list[int | None] = []
        self.out: list[Reading] = []
        self.steps = 0
        self.fewest = fewest_numbers(run.digits, [len(run.digits)])

    def listed(self) -> list[Reading]:
        self.step(0)
        return self.out

    def _holds(self, k: int) -> bool:
        where = {c: self.values[i] for i, c in enumerate(self.run.cells[:k + 1])}
        return all(allowed(rel, status([where[c] for c in rel.left], [where[c] for c in rel.right]))
                   for rel in self.due.get(k, ()))

    def step(self, at: int) -> None:
        self.steps += 1
        if self.steps > self.most * 5 or len(self.out) > self.most:
            raise OverBound
        k = len(self.values)
        if k == len(self.run.cells):
            if at == len(self.run.digits):
                self.out.append(tuple(self.values))
            return
        if len(self.run.cells) - k < self.fewest[at]:
            return
        options: list[int | None] = [None]
        if at < len(self.run.digits):
            options += [int(p) for p in _pieces(self.run.digits, at)]
        for value in options:
            self.values.append(value)
            if self._holds(k):
                self.step(at + (0 if value is None else len(str(value))))
            self.values.pop()


# --- the joint search ------------------------------------------------------------------------

class Joint:
    """Every reading of a table's runs as consistent as the truth, searched within bounds."""

    def __init__(self, runs: Sequence[Run], rels: Sequence[Rel],
                 max_nodes: int = MAX_NODES, most: int = MAX_READINGS) -> None:
        self.runs = list(runs)
        self.rels = list(rels)
        self.max_nodes = max_nodes
        self.most = most
        self.where: dict[Cell, tuple[int, int]] = {
            c: (i, k) for i, run in enumerate(runs) for k, c in enumerate(run.cells)}
        self.touching: list[list[int]] = [
            [n for n, r in enumerate(rels) if any(self.where.get(c, (-1,))[0] == i
                                                  for c in r.cells)]
            for i in range(len(runs))]
        self.compiled = [self._compile(r) for r in rels]
        self.domains: list[list[Reading]] = []
        self.nodes = 0

    def _compile(self, rel: Rel) -> tuple[list[tuple[int, int, int]], tuple[bool, bool], bool]:
        """A relation as (run, cell, side) triples, whether each side has a cell printed
        nowhere (blank), and whether the truth breaks it."""
        parts = [(*self.where[c], side) for side, cells in enumerate((rel.left, rel.right))
                 for c in cells if c in self.where]
        outside = (any(c not in self.where for c in rel.left),
                   any(c not in self.where for c in rel.right))
        return parts, outside, rel.broken

    def list_readings(self) -> None:
        """Each run's readings, pruned by the relations whose cells are all in it (or blank)."""
        for i, run in enumerate(self.runs):
            inner = [self.rels[n] for n in self.touching[i]
                     if all(self.where.get(c, (i,))[0] == i for c in self.rels[n].cells)]
            self.domains.append(Lister(run, inner, self.most).listed())

    # bounds of a cell over the readings left ----------------------------------------------
    def stats(self, domains: Sequence[Sequence[Reading]]) -> list[list[tuple[float, float, bool]]]:
        """For each run and cell: least and largest number, and whether blank is possible."""
        out: list[list[tuple[float, float, bool]]] = []
        for i, run in enumerate(self.runs):
            per: list[tuple[float, float, bool]] = []
            for k in range(len(run.cells)):
                values = [r[k] for r in domains[i]]
                numbers = [v for v in values if v is not None]
                per.append((min(numbers, default=0), max(numbers, default=0),
                            len(numbers) < len(values)))
            out.append(per)
        return out

    def possible(self, rel: int, fixed: Mapping[int, Reading],
                 stats: Sequence[Sequence[tuple[float, float, bool]]]) -> bool:
        """Whether relation ``rel`` may still come out as the truth's finding, the runs in
        ``fixed`` read so, the others within ``stats`` (least, largest, blank possible)."""
        parts, outside, broken = self.compiled[rel]
        lo = [0.0, 0.0]
        hi = [0.0, 0.0]
        full = [not outside[0], not outside[1]]
        complete = True
        for i, k, side in parts:
            reading = fixed.get(i)
            if reading is not None:
                v = reading[k]
                if v is None:
                    full[side] = False
                else:
                    lo[side] += v
                    hi[side] += v
                continue
            complete = False
            low, high, blank = stats[i][k]
            if blank:
                full[side] = False
                hi[side] = math.inf
            else:
                lo[side] += low
                hi[side] += high
        if complete:
            return (_finding(lo, full) == FAILED) == broken
        if broken:
            return True
        return not ((full[0] and hi[0] < lo[1]) or (full[1] and hi[1] < lo[0]))

    def filtered(self, rounds: int = 20) -> None:
        """Readings no bound of the other runs allows removed, until nothing changes (at most
        ``rounds`` passes: each only removes readings no whole reading holds)."""
        for _ in range(rounds):
            stats = self.stats(self.domains)
            before = sum(map(len, self.domains))
            for i in range(len(self.runs)):
                self.domains[i] = [r for r in self.domains[i]
                                   if all(self.possible(rel, {i: r}, stats)
                                          for rel in self.touching[i])]
            if sum(map(len, self.domains)) == before:
                return

    def search(self, domains: Sequence[Sequence[Reading]]) -> dict[int, Reading] | None:
        """One whole reading with each run's reading from ``domains``, None if there is none."""
        order = sorted(range(len(self.runs)), key=lambda i: len(domains[i]))
        stats = self.stats(domains)
        budget = [self.max_nodes]
        return self._dfs(order, 0, {}, domains, stats, budget)

    def _dfs(self, order: Sequence[int], depth: int, fixed: dict[int, Reading],
             domains: Sequence[Sequence[Reading]],
             stats: Sequence[Sequence[tuple[float, float, bool]]], budget: list[int]
             ) -> dict[int, Reading] | None:
        if depth == len(order):
            return dict(fixed)
        i = order[depth]
        for reading in domains[i]:
            budget[0] -= 1
            self.nodes += 1
            if budget[0] < 0:
                raise OverBound
            fixed[i] = reading
            if all(self.possible(rel, fixed, stats) for rel in self.touching[i]):
                found = self._dfs(order, depth + 1, fixed, domains, stats, budget)
                if found is not None:
                    return found
            del fixed[i]
        return None


@attrs.frozen
class Verdict:
    """What the oracle says of a table's cells: settled (one value in every reading), open
    (two readings differ), over the bound; ``inconsistent`` when no reading holds at all."""

    settled: dict[Cell, int | None]
    open: frozenset[Cell]
    over: frozenset[Cell]
    inconsistent: bool = False


class Chain:
    """One run over several form rows whose relations each lie inside one row (section 四
    printed as one row): each row's readings from each start, joined by where they end, so that
    every whole reading is counted without listing the product."""

    def __init__(self, run: Run, rels: Sequence[Rel], most: int = MAX_READINGS) -> None:
        self.run = run
        self.most = most
        rows = list(dict.fromkeys(r for r, _ in run.cells))
        self.groups = [[k for k, c in enumerate(run.cells) if c[0] == r] for r in rows]
        self.inner = [[rel for rel in rels if all(c[0] == r for c in rel.cells)] for r in rows]
        self.fewest = fewest_numbers(run.digits, [len(run.digits)])
        self.memo: dict[tuple[int, int], list[tuple[Reading, int]]] = {}
        self.count = 0

    def readings(self, g: int, at: int) -> list[tuple[Reading, int]]:
        """Row ``g``'s readings starting at digit ``at``, each with where it ends."""
        if (g, at) not in self.memo:
            out: list[tuple[Reading, int]] = []
            self._walk(g, at, [], out)
            self.memo[(g, at)] = out
            self.count += len(out)
            if self.count > self.most:
                raise OverBound
        return self.memo[(g, at)]

    def _walk(self, g: int, at: int, values: list[int | None],
              out: list[tuple[Reading, int]]) -> None:
        cells = self.groups[g]
        left = len(self.run.cells) - cells[0] - len(values)
        if left < self.fewest[at]:
            return
        if len(values) == len(cells):
            where = {self.run.cells[k]: v for k, v in zip(cells, values, strict=True)}
            if all(allowed(rel, status([where[c] for c in rel.left],
                                       [where[c] for c in rel.right])) for rel in self.inner[g]):
                out.append((tuple(values), at))
            return
        options: list[int | None] = [None]
        if at < len(self.run.digits):
            options += [int(p) for p in _pieces(self.run.digits, at)]
        for value in options:
            values.append(value)
            self._walk(g, at + (0 if value is None else len(str(value))), values, out)
            values.pop()

    def verdict(self) -> Verdict:
        """Each cell settled or open over every whole reading."""
        starts = [{0}]
        for g in range(len(self.groups)):
            starts.append({end for at in starts[g] for _, end in self.readings(g, at)})
        ends = {len(self.run.digits)}
        seen: dict[int, set[int | None]] = {}
        for g in range(len(self.groups) - 1, -1, -1):
            good = set()
            for at in starts[g]:
                for reading, end in self.readings(g, at):
                    if end in ends:
                        good.add(at)
                        for k, v in zip(self.groups[g], reading, strict=True):
                            seen.setdefault(k, set()).add(v)
            ends = good
        if 0 not in ends:
            return Verdict({}, frozenset(), frozenset(), inconsistent=True)
        settled = {self.run.cells[k]: next(iter(v)) for k, v in seen.items() if len(v) == 1}
        return Verdict(settled, frozenset(self.run.cells) - set(settled), frozenset())


    def witness(self, k: int, avoid: int | None) -> Reading | None:
        """One whole reading giving cell ``k`` another value than ``avoid``, None if none."""
        back: list[dict[int, tuple[int, Reading]]] = [{0: (0, ())}]
        for g in range(len(self.groups)):
            back.append({})
            for at in back[g]:
                for reading, end in self.readings(g, at):
                    back[g + 1].setdefault(end, (at, reading))
        finish: list[dict[int, tuple[Reading, int]]] = [{} for _ in self.groups]
        ends = {len(self.run.digits)}
        for g in range(len(self.groups) - 1, -1, -1):
            for at in back[g]:
                for reading, end in self.readings(g, at):
                    if end in ends:
                        finish[g].setdefault(at, (reading, end))
            ends = set(finish[g])
        g = next(n for n, cells in enumerate(self.groups) if k in cells)
        for at in (a for a in back[g] if a in finish[g]):
            for reading, end in self.readings(g, at):
                if reading[self.groups[g].index(k)] != avoid and (
                        (g + 1 == len(self.groups) and end == len(self.run.digits))
                        or (g + 1 < len(self.groups) and end in finish[g + 1])):
                    return self._joined(back, finish, g, at, reading, end)
        return None

    def _joined(self, back: Sequence[Mapping[int, tuple[int, Reading]]],
                finish: Sequence[Mapping[int, tuple[Reading, int]]], g: int, at: int,
                reading: Reading, end: int) -> Reading:
        """The whole reading through row ``g`` read as ``reading`` from ``at`` to ``end``."""
        before: list[Reading] = []
        where = at
        for h in range(g, 0, -1):
            where, part = back[h][where]
            before.insert(0, part)
        after: list[Reading] = []
        for h in range(g + 1, len(self.groups)):
            part, end = finish[h][end]
            after.append(part)
        return tuple(v for part in (*before, reading, *after) for v in part)


def _is_chain(runs: Sequence[Run], rels: Sequence[Rel]) -> bool:
    """One run over several rows, every relation inside one row."""
    return len(runs) == 1 and len({r for r, _ in runs[0].cells}) > 1 and all(
        len({c[0] for c in rel.cells}) == 1 for rel in rels)


def judge(runs: Sequence[Run], rels: Sequence[Rel]) -> Verdict:
    """Every cell of ``runs``: settled, open or over the bound (see :class:`Verdict`)."""
    if _is_chain(runs, rels):
        try:
            return Chain(runs[0], rels).verdict()
        except OverBound:
            return Verdict({}, frozenset(), frozenset(runs[0].cells))
    joint = Joint(runs, rels)
    every = frozenset(joint.where)
    try:
        joint.list_readings()
        joint.filtered()
        first = joint.search(joint.domains)
    except OverBound:
        return Verdict({}, frozenset(), every)
    if first is None:
        return Verdict({}, frozenset(), every, inconsistent=True)
    value = {c: first[i][k] for c, (i, k) in joint.where.items()}
    open_: set[Cell] = set()
    over: set[Cell] = set()
    for c, (i, k) in joint.where.items():
        if c in open_:
            continue
        if joint.nodes > MAX_TABLE_NODES:
            over.add(c)
            continue
        domains = list(joint.domains)
        domains[i] = [r for r in domains[i] if r[k] != value[c]]
        try:
            other = joint.search(domains) if domains[i] else None
        except OverBound:
            over.add(c)
            continue
        if other is not None:
            open_ |= {d for d, (j, m) in joint.where.items() if other[j][m] != value[d]}
    settled = {c: v for c, v in value.items() if c not in open_ and c not in over}
    return Verdict(settled, frozenset(open_), frozenset(over))


# --- measuring -------------------------------------------------------------------------------

def table_truth(doc: Document, table: str) -> dict[Cell, int | None]:
    out: dict[Cell, int | None] = {}
    for pointer, value in doc.truth.items():
        parts = pointer.split("/")
        if len(parts) == 4 and parts[1] == table:
            out[(parts[2], parts[3])] = value if isinstance(value, int) else None
    return out


def oracle(doc: Document, table: str, reordered: bool = False) -> Verdict | None:
    """The oracle's verdict on one table of a damaged document, None if not modelled
    (``reordered``: section 三 printed in another column order)."""
    found = printed_runs(doc, table, reordered)
    if found is None:
        return None
    spec, runs = found
    truth = table_truth(doc, table)
    return judge(runs, relations(spec, truth))


MAX_WITNESSES = 4
"""Whole readings one table gives the proof of blanks, at most (each costs one render)."""
PROOF_NODES = 20_000
"""Nodes of one search for the proof (smaller than the oracle's: it runs on every case)."""
PROOF_READINGS = 20_000
"""Readings of one run (of one row of section 四 printed as one run) listed for the proof."""


def witnesses(doc: Document, targets: frozenset[str], reordered: bool = False
              ) -> Iterator[dict[tuple[str, str, str], int | None]]:
    """Whole readings of sections 三 and 四 as consistent as the truth that give some of the
    ``targets`` (JSON Pointers of blank cells) another value than the truth: the first found,
    then one for each target the earlier ones left as the truth states it (at most
    :data:`MAX_WITNESSES` per table; none for a table not modelled or over the bound)."""
    for table in TABLES:
        found = printed_runs(doc, table, reordered)
        if found is None:
            continue
        truth = table_truth(doc, table)
        mine = {cell: p for cell in truth if (p := f"/{table}/{cell[0]}/{cell[1]}") in targets}
        if not mine:
            continue
        rels = relations(found[0], truth)
        for reading in _table_witnesses(found[1], rels, truth, list(mine)):
            yield {(table, *cell): v for cell, v in reading.items()}


def _table_witnesses(runs: Sequence[Run], rels: Sequence[Rel], truth: Mapping[Cell, int | None],
                     targets: Sequence[Cell]) -> Iterator[dict[Cell, int | None]]:
    """See :func:`witnesses`: one table's whole readings, as cell values."""
    cells = [c for run in runs for c in run.cells]
    try:
        search = _searcher(runs, rels)
    except OverBound:
        return
    left = [c for c in targets if c in cells]
    for _ in range(MAX_WITNESSES):
        if not left:
            return
        try:
            reading = search(left[0], truth.get(left[0]))
        except OverBound:
            return
        if reading is None:
            left.pop(0)
            continue
        found = dict(zip(cells, reading, strict=True))
        left = [c for c in left if found[c] == truth.get(c)]
        yield found


def _searcher(runs: Sequence[Run], rels: Sequence[Rel]
              ) -> Callable[[Cell, int | None], Reading | None]:
    """A search for a whole reading giving a cell another value (the runs' cells in order)."""
    if _is_chain(runs, rels):
        chain = Chain(runs[0], rels, PROOF_READINGS)
        return lambda cell, avoid: chain.witness(runs[0].cells.index(cell), avoid)
    joint = Joint(runs, rels, PROOF_NODES, PROOF_READINGS)
    joint.list_readings()
    joint.filtered(1)

    def search(cell: Cell, avoid: int | None) -> Reading | None:
        i, k = joint.where[cell]
        domains = list(joint.domains)
        domains[i] = [r for r in domains[i] if r[k] != avoid]
        found = joint.search(domains)
        return None if found is None else tuple(v for j in range(len(runs)) for v in found[j])
    return search
