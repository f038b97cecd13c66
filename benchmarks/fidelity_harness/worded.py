"""Covering readings of a table whose counts print a unit word after the number (``5个``):
the numbers stay as printed, the blank cells of a dump that drops them move along the row.

In a dump printing blank cells as nothing, ``12个0件5项`` over seven cells is three numbers
and four blanks anywhere in the row: the words mark where each number ends, nothing marks
which cells are blank. :func:`~.cover.proof_runs` ends a run at each worded cell and keeps
the number there, so such a row has no other reading a rebuild can print (another cut prints a
number more, with no word) and the cover search finds none.
Here a run is a whole printed row (cut where a label, a header or a cell held as stated
prints), its digits cut where a word follows a number (:attr:`WordedRun.cuts`), and each
stretch between two cuts holds as many numbers as the truth's (:attr:`WordedRun.counts`): the
damages' replayed choices (:mod:`.replay`) then put each word on the number at the same place
among as many candidates, so a reading can print the same bytes. The proof renders each
reading and checks (a) and (b) whole before counting a cell; these runs only add readings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from benchmarks.fidelity_harness.cover import (
    Cover,
    _digits,
    _unit_number,
    cover_over,
    sampled,
)
from benchmarks.fidelity_harness.document import Document, TableBlock
from benchmarks.fidelity_harness.joint import (
    Cell,
    Lister,
    OverBound,
    Reading,
    Rel,
    Run,
    _pieces,
    table_truth,
)
from gi_report.form.spec import CellKind, TableSpec


@attrs.frozen
class WordedRun(Run):
    """A printed row's run whose digits a unit word cuts: a number ends at each of ``cuts``,
    and the stretches before, between and after them hold ``counts`` numbers each."""

    cuts: tuple[int, ...] = ()
    counts: tuple[int, ...] = (0,)


class WordedLister(Lister):
    """Every reading of a :class:`WordedRun`: no number crosses a cut, each stretch holds its
    count of numbers, the relations inside the run checked as their last cell is read."""

    def __init__(self, run: WordedRun, inner: Sequence[Rel], most: int) -> None:
        super().__init__(run, inner, most)
        self.cuts = run.cuts
        self.counts = run.counts

    def listed(self) -> list[Reading]:
        self._walk(0, 0, 0)
        return self.out

    def _walk(self, at: int, seg: int, n: int) -> None:
        """Cell ``len(values)`` read from digit ``at``, ``n`` numbers read in stretch ``seg``."""
        self.steps += 1
        if self.steps > self.most * 5 or len(self.out) > self.most:
            raise OverBound
        k = len(self.values)
        left = self.counts[seg] - n + sum(self.counts[seg + 1:])
        if k == len(self.run.cells):
            if left == 0 and at == len(self.run.digits):
                self.out.append(tuple(self.values))
            return
        if len(self.run.cells) - k < left:
            return
        self._try(None, at, seg, n)
        if n < self.counts[seg]:
            for piece in self._fitting(at, seg, n):
                self._try(int(piece), at, seg, n)

    def _fitting(self, at: int, seg: int, n: int) -> list[str]:
        """The numbers starting at ``at`` that stay inside stretch ``seg`` and leave room for
        its other numbers (the last one ends where the stretch does)."""
        stop = self.cuts[seg] if seg < len(self.cuts) else len(self.run.digits)
        if at >= stop:
            return []
        last = n + 1 == self.counts[seg]
        return [p for p in _pieces(self.run.digits, at)
                if (at + len(p) == stop if last else at + len(p) < stop)]

    def _try(self, value: int | None, at: int, seg: int, n: int) -> None:
        """Cell ``len(values)`` read as ``value``, the rest walked on if the relations hold."""
        k = len(self.values)
        self.values.append(value)
        if self._holds(k):
            if value is None:
                self._walk(at, seg, n)
            elif n + 1 == self.counts[seg] and seg < len(self.cuts):
                self._walk(at + len(str(value)), seg + 1, 0)
            else:
                self._walk(at + len(str(value)), seg, n + 1)
        self.values.pop()


@attrs.define
class _Row:
    """A worded run being collected: its cells, digits, cuts and numbers per stretch."""

    cells: list[Cell] = attrs.field(factory=list)
    digits: str = ""
    cuts: list[int] = attrs.field(factory=list)
    counts: list[int] = attrs.field(factory=lambda: [0])

    def add(self, cell: Cell, digits: str, worded: bool) -> None:
        self.cells.append(cell)
        self.digits += digits
        self.counts[-1] += digits != ""
        if worded:
            self.cuts.append(len(self.digits))
            self.counts.append(0)

    def run(self) -> WordedRun:
        return WordedRun(tuple(self.cells), self.digits, tuple(self.cuts), tuple(self.counts))


def worded_runs(doc: Document, table: str
                ) -> tuple[TableSpec, list[WordedRun], dict[Cell, int | None]] | None:
    """The table's runs as whole printed rows cut by unit words (see the module), and the
    cells held at the value the damaged document states (text other than digits alone or a
    number and a word: two numbers); None if no count of the table prints a word."""
    blocks = [b for b in doc.blocks if isinstance(b, TableBlock) and b.spec is not None
              and b.spec.id == table]
    if not blocks or blocks[0].spec is None:
        return None
    spec = blocks[0].spec
    truth = table_truth(doc, table)
    runs: list[WordedRun] = []
    held: dict[Cell, int | None] = {}
    row = _Row()
    for cell, first in ((c, n == 0) for b in blocks for r in b.rows
                        for n, c in enumerate(r.cells)):
        ref = cell.ref
        count = ref is not None and not cell.header and (
            spec.column(ref[1]).kind is CellKind.COUNT)
        number = _unit_number(cell.text) if count else None
        plain = count and _digits(cell.text)
        if row.cells and (first or not (plain or number)):
            runs.append(row.run())
            row = _Row()
        if ref is not None and (plain or number):
            row.add((ref[0], ref[1]), number or cell.text, number is not None)
        elif ref is not None and not cell.header:
            held[(ref[0], ref[1])] = truth.get((ref[0], ref[1]))
    if row.cells:
        runs.append(row.run())
    if not any(run.cuts for run in runs):
        return None
    return spec, runs, held


def worded_cover(doc: Document, table: str, kept: Mapping[Cell, int | None] | None = None
                 ) -> Cover | None:
    """The cover search of one table over :func:`worded_runs` (as
    :func:`~.cover.cover_of`: ``kept`` the value each held cell keeps), None if the table
    prints no unit word."""
    found = worded_runs(doc, table)
    if found is None:
        return None
    spec, runs, held = found
    return cover_over(doc, table, spec, runs, held, kept,
                      lambda run, inner: sampled(run, inner, listing=WordedLister))


__all__ = ["WordedLister", "WordedRun", "worded_cover", "worded_runs"]
