"""Whole-table readings that give many open blanks another value at once: the proof of blanks'
alternatives for a dump that drops blank cells.

Section 三 of such a dump is often a whole table left blank by the importers (150–180 cells),
and every one of its cells reads otherwise in some reading of the table's digit runs as
consistent as the truth (``benchmarks/joint_oracle.py``). The per-cell witnesses of :mod:`.joint`
list every reading of every run first, which a run of 15 digits over 7 cells, a blank anywhere,
puts over any bound a case can afford, and each is found for one cell, so a case's few renders
proved a few cells each. Here the runs are those the damaged document prints (:func:`proof_runs`:
known to the harness even where the labels are printed apart or the columns in another order,
each cut where a printed row ends; a cell printing more than digits is held as stated); each
run's readings are *sampled* (the first :data:`SAMPLE` the listing finds, the truth's own
added), ordered so that the readings giving the most open blanks another value come first, and
the backtracking search of :class:`~.joint.Joint` returns the first whole reading as consistent
as the truth: one reading, one render, proving every cell it changes. Sampling and cutting runs
only leave readings out; the proof still renders each reading and checks (a) and (b) whole
before counting a cell.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

import attrs

from benchmarks.fidelity_harness.document import Document, TableBlock
from benchmarks.fidelity_harness.joint import (
    Cell,
    Joint,
    Lister,
    OverBound,
    Reading,
    Rel,
    Run,
    relations,
    table_truth,
)
from gi_report.form.spec import CellKind, TableSpec

SAMPLE = 2_000
"""Readings of one run listed for the cover, at most (the first the listing finds)."""
COVER_NODES = 20_000
"""Nodes of one search for a covering reading (more: the table gives no more readings)."""
CLIMBS = 3
"""Passes over the runs of a reading grown from the truth's (:meth:`Cover._climbed`)."""

_UNIT_CELL = re.compile(r"([0-9]+)[^0-9\s]+")
"""A cell printing a number and a word after it (``5个``): the number's digits."""

TableCell = tuple[str, str, str]
"""A cell of a report: (table id, row id, column id)."""


def sampled(run: Run, inner: Sequence[Rel], most: int = SAMPLE,
            listing: type[Lister] = Lister) -> list[Reading]:
    """The first ``most`` readings of ``run`` the listing finds (each holds the relations inside
    the run as :class:`~.joint.Lister` checks them); a listing over its bound stops there.
    ``listing``: the lister class (:class:`~.worded.WordedLister` for rows cut by unit words)."""
    lister = listing(run, inner, most)
    with contextlib.suppress(OverBound):  # the readings listed so far are readings all the same
        lister.listed()
    return lister.out[:most]


@attrs.define
class Cover:
    """One table of a damaged document, its runs' sampled readings ready for the search."""

    table: str
    joint: Joint
    truth: Mapping[Cell, int | None]
    held: frozenset[Cell] = frozenset()  #: cells printed with more than digits, left as stated

    def reading(self, targets: Collection[Cell]) -> dict[TableCell, int | None] | None:
        """A whole reading as consistent as the truth, each run's readings giving the most
        ``targets`` another value than the truth tried first; None if none is found within
        :data:`COVER_NODES` nodes."""
        found = self._search(targets) or self._climbed(targets)
        if found is None:
            return None
        return {(self.table, *cell): found[i][k] for cell, (i, k) in self.joint.where.items()
                if cell not in self.held}

    def _search(self, targets: Collection[Cell]) -> dict[int, Reading] | None:
        """The first whole reading found with each run's readings in :meth:`_order`, None if
        none is found within the search's bound."""
        domains = [sorted(domain, key=lambda r, run=run: self._order(run, r, targets))
                   for run, domain in zip(self.joint.runs, self.joint.domains, strict=True)]
        try:
            return self.joint.search(domains)
        except OverBound:
            return None

    def _climbed(self, targets: Collection[Cell]) -> dict[int, Reading] | None:
        """A whole reading grown from the truth's, run by run (those holding the most
        ``targets`` first, :data:`CLIMBS` passes): a run still as the truth reads it takes its
        first reading in :meth:`_order` that keeps every relation through it as consistent as
        the truth, the others as read so far; None if no run takes another. Where the search
        runs out of steps among the readings it tries first, this still finds one."""
        joint = self.joint
        fixed = {i: domain[-1] for i, domain in enumerate(joint.domains)}  # the truth's last
        stats = joint.stats(joint.domains)
        runs = sorted(range(len(joint.runs)), key=lambda i: -len(
            set(joint.runs[i].cells).intersection(targets)))
        moved: set[int] = set()
        for _ in range(CLIMBS):
            before = len(moved)
            for i in (i for i in runs if i not in moved):
                if self._step(i, fixed, stats, targets):
                    moved.add(i)
            if len(moved) == before:
                break
        return fixed if moved else None

    def _step(self, i: int, fixed: dict[int, Reading],
              stats: Sequence[Sequence[tuple[float, float, bool]]],
              targets: Collection[Cell]) -> bool:
        """Run ``i`` read otherwise in ``fixed`` if some reading giving targets another value
        keeps its relations as consistent as the truth (the first in :meth:`_order`)."""
        run, own = self.joint.runs[i], fixed[i]
        for reading in sorted(self.joint.domains[i], key=lambda r: self._order(run, r, targets)):
            if self._gain(run, reading, targets) == 0:
                break
            fixed[i] = reading
            if all(self.joint.possible(n, fixed, stats) for n in self.joint.touching[i]):
                return True
        fixed[i] = own
        return False

    def _order(self, run: Run, reading: Reading, targets: Collection[Cell]) -> tuple[int, bool]:
        """Where a reading of ``run`` is tried: the most ``targets`` given another value first;
        among as many, the truth's own reading (a run with no target left as stated binds the
        search no more than the document does)."""
        own = tuple(self.truth.get(cell) for cell in run.cells)
        return -self._gain(run, reading, targets), reading != own

    def _gain(self, run: Run, reading: Reading, targets: Collection[Cell]) -> int:
        """How many ``targets`` of ``run`` the reading gives another value than the truth."""
        return sum(1 for cell, value in zip(run.cells, reading, strict=True)
                   if value != self.truth.get(cell) and cell in targets)


def proof_runs(doc: Document, table: str, units: bool = False
               ) -> tuple[TableSpec, list[Run], dict[Cell, int | None]]:
    """The table's digit runs as the dump prints them, each cut where a printed row ends
    (digits kept in their printed row even where no label follows it: a restriction of the
    readings, never a reading more), its cells in the order printed; and the cells whose text
    is not digits alone (a unit word, two numbers), held at the value the damaged document
    states. A label, a header or such a cell ends a run; a cell the damage removed is in none.
    With ``units``, a count printing a number and a word after it (``5个``) is not held but
    the run's last cell: the word follows the number, where the number starts is the run's."""
    blocks = [b for b in doc.blocks if isinstance(b, TableBlock) and b.spec is not None
              and b.spec.id == table]
    assert blocks and blocks[0].spec is not None
    spec = blocks[0].spec
    truth = table_truth(doc, table)
    runs: list[Run] = []
    held: dict[Cell, int | None] = {}
    cells: list[Cell] = []
    digits = ""
    for cell, first in ((c, n == 0) for b in blocks for row in b.rows
                        for n, c in enumerate(row.cells)):
        ref = cell.ref
        count = ref is not None and not cell.header and (
            spec.column(ref[1]).kind is CellKind.COUNT)
        plain = count and _digits(cell.text)
        number = _unit_number(cell.text) if units and count else None
        if cells and (first or not (plain or number)):
            runs.append(Run(tuple(cells), digits))
            cells, digits = [], ""
        if ref is not None and number:  # its number ends the run: the unit word follows it
            runs.append(Run((*cells, (ref[0], ref[1])), digits + number))
            cells, digits = [], ""
        elif ref is not None and not cell.header and not plain:
            held[(ref[0], ref[1])] = truth.get((ref[0], ref[1]))
        elif plain and ref is not None:
            cells.append((ref[0], ref[1]))
            digits += cell.text
    if cells:
        runs.append(Run(tuple(cells), digits))
    return spec, runs, held


def _digits(text: str) -> bool:
    return text == "" or (text.isascii() and text.isdigit())


def _worded(doc: Document, table: str) -> frozenset[Cell]:
    """The count cells of ``table`` printing a number and a word after it: in a reading they
    hold a number (blank, the damage would print no word there)."""
    return frozenset((c.ref[0], c.ref[1]) for b in doc.blocks
                     if isinstance(b, TableBlock) and b.spec is not None and b.spec.id == table
                     for row in b.rows for c in row.cells
                     if c.ref is not None and not c.header and _unit_number(c.text)
                     and b.spec.column(c.ref[1]).kind is CellKind.COUNT)


def _unit_number(text: str) -> str | None:
    """The digits of a cell printing a number followed by a word (``5个``), else None."""
    found = _UNIT_CELL.fullmatch(text)
    return found.group(1) if found else None


def cover_of(doc: Document, table: str, kept: Mapping[Cell, int | None] | None = None
             ) -> Cover | None:
    """The cover search of one table of ``doc`` (:func:`proof_runs`), None if the document
    prints no such table. A cell the damage removed prints nowhere and is in no run: it is
    blank in every reading, as the damaged document states it. ``kept``: the value each held
    cell keeps in the alternative report (a cell holding two numbers states none, but the
    covering reading leaves it out of its changes: the alternative keeps the report's number)."""
    if not any(isinstance(b, TableBlock) and b.spec is not None and b.spec.id == table
               for b in doc.blocks):
        return None
    spec, runs, held = proof_runs(doc, table, units=True)
    worded = _worded(doc, table)
    return cover_over(doc, table, spec, runs, held, kept, lambda run, inner: (
        r for r in sampled(run, inner) if r[-1] is not None or run.cells[-1] not in worded))


def cover_over(doc: Document, table: str, spec: TableSpec, runs: Sequence[Run],
               held: dict[Cell, int | None], kept: Mapping[Cell, int | None] | None,
               readings: Callable[[Run, list[Rel]], Iterable[Reading]]) -> Cover:
    """The cover search of ``table`` over ``runs``: each run's ``readings`` (given the
    relations inside it) other than the truth's, the truth's own last; the ``held`` cells at
    the value the damaged document states, or the one ``kept`` gives them in T'."""
    held.update((cell, kept[cell]) for cell in held if kept and cell in kept)
    truth = {**table_truth(doc, table), **held}
    every = [*runs, *(Run((cell,), "") for cell in held)]
    joint = Joint(every, relations(spec, truth), COVER_NODES)
    for i, run in enumerate(runs):
        inner = [joint.rels[n] for n in joint.touching[i]
                 if set(joint.rels[n].cells) <= set(run.cells)]
        own = tuple(truth.get(c) for c in run.cells)
        joint.domains.append([*(r for r in readings(run, inner) if r != own), own])
    joint.domains += [[(value,)] for value in held.values()]
    joint.filtered()
    return Cover(table, joint, truth, frozenset(held))


__all__ = ["COVER_NODES", "SAMPLE", "Cover", "cover_of", "cover_over", "proof_runs", "sampled"]
