"""Blank cells proven unsettleable: the damaged document is byte for byte what another report,
as consistent with the form's arithmetic as the truth, prints.

The mirror of :func:`~benchmarks.fidelity_harness.cases.proven` for blanks. A blank cell (the
truth states a value, the import left it blank) is *unsettleable* when an alternative report
T' — the generated report with some cells changed, this one to another value — rebuilt with the
same random draws (the damages sparing nothing) prints the damaged document byte for byte, and
T' has the same findings of the form's relations (``gi.sum``) as the truth, both as generated
and as the damaged document states it. No importer can then tell the two apart. Alternatives
come from the candidate readings the import's notices list, other cuts of glued digits, other
column orders and, in a glued dump that prints a cell as nothing, whole readings of sections 三
and 四 (:mod:`.joint`), each with the cells the damage removed adjusted so that the relations
through them hold as in the truth, or, where that fails in a dump that prints a blank cell as
nothing, those counts blank (a cell printed nowhere may be a blank one; the relations through it
are then not evaluable, as :func:`as_consistent` allows there).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Protocol, TypeVar

import attrs

from benchmarks.fidelity_harness.completion import completable
from benchmarks.fidelity_harness.cover import Cover, cover_of
from benchmarks.fidelity_harness.document import Document, TableBlock, Truth
from benchmarks.fidelity_harness.joint import TABLES
from benchmarks.fidelity_harness.replay import Unreplayable
from benchmarks.fidelity_harness.worded import worded_cover
from gi_report.errors import GIReportError
from gi_report.form import TABLE_IDS
from gi_report.form.spec import CellKind, CellRef, Relation, TableSpec
from gi_report.importers.result import Notice
from gi_report.model import Report
from gi_report.render.layout import _header_levels
from gi_report.table import CellValue
from gi_report.validation.arithmetic import flat_values, plan_for

Cell = tuple[str, str, str]
"""A table cell of a report: (table id, row id, column id)."""
Changes = dict[Cell, CellValue]
Render = tuple[Document, str | bytes, str]
Order = tuple[str, ...]
"""A column order of section 三 (column ids), as the ``column_order`` damage prints it."""
Findings = frozenset[tuple[str, int, str]]
"""Relation findings of a report: (table id, relation index, status), :func:`relation_findings`."""
Alternative = tuple[Changes, frozenset[str], Order | None]
"""An alternative report's changes, the target blanks it gives another value, and the column
order its document prints section 三 in (None: the one the case draws)."""


class Renderer(Protocol):
    """The case rebuilt with ``changes`` and the same draws (``order``: section 三's columns
    printed in that order instead of the drawn one; ``dropped``: a removed cell's pointer → the
    cell of its printed row the damage removes instead, :mod:`.elsewhere`)."""

    def __call__(self, changes: Changes, order: Order | None = None,
                 dropped: Mapping[str, str] | None = None) -> Render: ...


MAX_TRIES = 16
"""Alternative reports rendered per case, at most (each costs one render and a validation, no
import); only alternatives whose relation findings are the truth's are rendered."""
MAX_CHECKS = 200
"""Alternative reports checked by the form's arithmetic per case, at most."""
COUNTS = (CellKind.COUNT, CellKind.SIGNED_COUNT)
ROW_SPLITS = 64
"""Cuts of one row's digits tried as alternatives, at most (a row of section 三 has millions)."""
ROW_CELLS = 16
"""Rows of more printed cells are not cut otherwise (section 四 printed as one row has 15)."""
JOINT_TRIES = 6
"""Renders of whole-table readings (:func:`_prove_jointly`) per case, at most."""
REPAIR_ROUNDS = 3
"""Passes over the broken relations when adjusting the cells the damage removed."""

NOT_EVALUABLE = "not_evaluable"
_COUNT = re.compile(r"0|-?[1-9][0-9]*")
ROW_BLANKS = 512
"""Choices of the blank cells tried per row cut, at most (a run of zeros has few cuts but many
choices that yield none)."""

UNSETTLEABLE = "unsettleable"
NO_CANDIDATES = "no candidates"  #: no notice lists an aligned reading, no generator applies
PRINTS_OTHERWISE = "prints otherwise"  #: every alternative tried prints other bytes
BREAKS_RELATION = "breaks a relation"  #: same bytes, but other findings of the form's relations
NOT_TRIED = "not tried"  #: the case's tries ran out before an alternative for it came
NOT_A_TABLE_CELL = "not a table cell"  #: the year or the agency


@attrs.frozen
class Blank:
    """One blank cell of a case and what the proof found (``why`` is :data:`UNSETTLEABLE` or the
    reason it is not proven)."""

    pointer: str
    truth: str
    code: str  #: the code of the first notice naming the cell, ``-`` if none
    why: str


def pointer_cell(pointer: str) -> Cell | None:
    """The table cell a JSON Pointer names, None for the year, the agency or anything else."""
    parts = tuple(pointer.split("/")[1:])
    if len(parts) != 3 or parts[0] not in TABLE_IDS:
        return None
    return parts[0], parts[1], parts[2]


def with_changes(report: Report, changes: Mapping[Cell, CellValue]) -> Report:
    """``report`` with each changed cell set (cells of a layout the report lacks: KeyError)."""
    for (table_id, row_id, column_id), value in changes.items():
        report = report.with_table(report.tables[table_id].with_cell(row_id, column_id, value))
    return report


def stated(report: Report, truth: Truth) -> Report:
    """The report as the damaged document states it: each table cell whose truth the damage
    changed (a removed cell blank, a unit word) set to that truth."""
    changes: Changes = {}
    for pointer, value in truth.items():
        cell = pointer_cell(pointer)
        if cell is not None and report.tables[cell[0]][cell[1], cell[2]] != value:
            changes[cell] = value  # type: ignore[assignment]  # a table cell's truth
    return with_changes(report, changes)


def relation_findings(report: Report) -> frozenset[tuple[str, int, str]]:
    """The findings of the form's arithmetic relations (``gi.sum``: row totals, column sums,
    balances), each as (table id, relation index, status): failed or not evaluable.

    What ``validate(report, select=("gi.sum",))`` finds, computed on the library's compiled
    relations (:func:`gi_report.validation.arithmetic.plan_for`) without writing the messages
    (the proof checks hundreds of alternatives per case); a test checks that the two agree."""
    out: set[tuple[str, int, str]] = set()
    for table_id, table in report.tables.items():
        values = flat_values(table)
        if all(v is None for v in values):
            continue  # an entirely blank table is not checked
        for index, compiled in enumerate(plan_for(table.spec).relations):
            status = _status(compiled.fetch(values), compiled.n_left, compiled.bounded)
            if status is not None:
                out.add((table_id, index, status))
    return frozenset(out)


def _status(got: Sequence[CellValue], n_left: int, bounded: bool) -> str | None:
    """None if ``sum(left) == sum(right)`` holds; ``failed`` if it is broken (with blanks: when
    the stated cells of a side without blanks are already below the other's, counts never being
    negative); otherwise ``not_evaluable``."""
    left, right = got[:n_left], got[n_left:]
    if None not in got:
        return None if sum(left) == sum(right) else "failed"  # type: ignore[arg-type]
    left_known = sum(v for v in left if v is not None)  # type: ignore[misc]
    right_known = sum(v for v in right if v is not None)  # type: ignore[misc]
    if bounded and ((None not in left and right_known > left_known) or (
            None not in right and left_known > right_known)):
        return "failed"
    return NOT_EVALUABLE


def as_consistent(found: frozenset[tuple[str, int, str]], truth: frozenset[tuple[str, int, str]],
                  drops: bool) -> bool:
    """Whether relation findings ``found`` are as consistent as the truth's: the same; or, in a
    document that prints a blank cell as nothing (``drops``), different only in relations one
    side leaves not evaluable (a blank cell in them) where the other's hold — a blank cell fails
    no relation, and a crawl prints it as nothing, so the arithmetic cannot prefer either."""
    if found == truth:
        return True
    return drops and all(status == NOT_EVALUABLE for _, _, status in found ^ truth)


def _relation_key(relation: Relation, columns: Mapping[str, str]
                  ) -> tuple[frozenset[tuple[str, str]], frozenset[tuple[str, str]]]:
    """A relation's two sides as sets of cells, each column renamed by ``columns``."""
    def side(refs: Sequence[CellRef]) -> frozenset[tuple[str, str]]:
        return frozenset((r.row, columns.get(r.column, r.column)) for r in refs)
    return side(relation.left), side(relation.right)


def moved_findings(found: frozenset[tuple[str, int, str]], spec: TableSpec,
                   columns: Mapping[str, str]) -> frozenset[tuple[str, int, str]] | None:
    """``found`` with each finding of ``spec``'s table moved to the relation its cells make once
    each column is printed as ``columns`` names it (old → new): what a report whose values moved
    so finds. None if a relation moves onto none of the form's (the total column moved)."""
    relations = [c.relation for c in plan_for(spec).relations]
    index = {_relation_key(r, {}): i for i, r in enumerate(relations)}
    out: set[tuple[str, int, str]] = set()
    for table_id, i, status in found:
        if table_id != spec.id:
            out.add((table_id, i, status))
            continue
        moved = index.get(_relation_key(relations[i], columns))
        if moved is None:
            return None
        out.add((table_id, moved, status))
    return frozenset(out)


def prints_nothing(doc: Document, removed: Sequence[Cell]) -> bool:
    """Whether the damaged document prints some number cell of the form as nothing: a cell the
    damage removed, or a blank cell printed empty (a unit word is no such cell)."""
    specs = {b.spec.id: b.spec for b in doc.blocks if isinstance(b, TableBlock) and b.spec}
    return any(specs[t].column(c).kind is not CellKind.TEXT for t, _, c in removed
               if t in specs) or any(
        c.ref is not None and not c.text.strip() and spec.column(c.ref[1]).kind
        is not CellKind.TEXT
        for block in doc.blocks if isinstance(block, TableBlock) and (spec := block.spec)
        for row in block.rows for c in row.cells)


def printed_order(doc: Document) -> Order | None:
    """The column order section 三's rows print their values in (the row printing the most of
    them), None if the document prints no such table."""
    rows = [tuple(c.ref[1] for c in row.cells if c.ref is not None)
            for block in doc.blocks if isinstance(block, TableBlock) and block.spec is not None
            and block.spec.id == "applications" for row in block.rows]
    return max(rows, key=len, default=None) or None


def _labels(spec: TableSpec, order: Order) -> tuple[tuple[str, ...], ...]:
    """The header's labels over ``order``, level by level, without their spans: what a dump
    that loses the spans prints of it."""
    paths = [(*spec.column(c).header_path, spec.column(c).label) for c in order]
    return tuple(tuple(cell.text for cell in row) for row in _header_levels(paths))


def same_header_orders(spec: TableSpec, printed: Order) -> Iterator[Order]:
    """Every other order of ``printed``'s columns whose header prints the same labels level by
    level (a group's leaves shared otherwise between the group's two parts)."""
    labels = _labels(spec, printed)
    for order in itertools.permutations(printed):
        if order != printed and _labels(spec, order) == labels:
            yield order


def reorderings(proof: Proof, targets: frozenset[str]) -> Iterator[Alternative]:
    """Section 三 printed in each other column order whose header prints the same labels, its
    values moved with their columns so that every row prints the same numbers at the same
    positions: a dump losing the header's spans prints both alike (``header.unordered``)."""
    printed = printed_order(proof.doc)
    if printed is None or "applications" not in proof.base.tables:
        return
    table = proof.base.tables["applications"]
    if len(printed) != len(table.spec.columns):
        return
    for order in same_header_orders(table.spec, printed):
        changes: Changes = {("applications", row.id, new): table[row.id, old]
                            for row in table.spec.rows if row.columns
                            for old, new in zip(printed, order, strict=True)}
        moved = frozenset(p for (t, r, c), v in changes.items()
                          if (p := f"/{t}/{r}/{c}") in targets and v != proof.doc.truth.get(p))
        if moved:
            yield changes, moved, order


def printed_cells(doc: Document) -> frozenset[str]:
    """The pointers of the value cells the document prints (a removed cell is not among them)."""
    out: set[str] = set()
    for block in doc.blocks:
        if isinstance(block, TableBlock) and block.spec is not None:
            out |= {f"/{block.spec.id}/{c.ref[0]}/{c.ref[1]}" for r in block.rows for c in r.cells
                    if c.ref is not None}
    return frozenset(out)


def removed_cells(report: Report, doc: Document) -> list[Cell]:
    """Cells of ``report`` stating a value that the damaged document does not print."""
    printed = printed_cells(doc)
    out: list[Cell] = []
    for table_id, table in report.tables.items():
        for row_id, column_id, value in table.cells():
            if value is not None and f"/{table_id}/{row_id}/{column_id}" not in printed:
                out.append((table_id, row_id, column_id))
    return out


def _balance(report: Report, table_id: str, relation_index: int) -> tuple[int, list[Cell],
                                                                            list[int]] | None:
    """Left minus right of one relation, its cells and their weights; None if a cell is blank
    or not a whole count."""
    table = report.tables[table_id]
    compiled = plan_for(table.spec).relations[relation_index]
    cells: list[Cell] = []
    total = 0
    for ref, weight in zip(compiled.relation.cells, compiled.weights, strict=True):
        value = table[ref.row, ref.column]
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        total += weight * value
        cells.append((table_id, ref.row, ref.column))
    return total, cells, list(compiled.weights)


def _repair_one(report: Report, table_id: str, index: int, free: set[Cell],
                changes: Changes) -> Report:
    """Make one broken relation hold by changing its one free cell (a cell the damage removed,
    in no other broken relation's way), when the new value is a count ≥ 0."""
    found = _balance(report, table_id, index)
    if found is None or found[0] == 0:
        return report
    total, cells, weights = found
    movable = [(c, w) for c, w in zip(cells, weights, strict=True) if c in free]
    if len(movable) != 1:
        return report
    cell, weight = movable[0]
    value = report.tables[table_id][cell[1], cell[2]]
    assert isinstance(value, int)
    new = value - total * weight
    if new < 0 or report.tables[table_id].spec.column(cell[2]).kind is not CellKind.COUNT:
        return report
    changes[cell] = new
    return with_changes(report, {cell: new})


def repaired(report: Report, free: Sequence[Cell], changes: Changes) -> Report:
    """``report`` with the removed cells ``free`` adjusted, relation by relation, so that the
    relations through them hold again (their values print nowhere); ``changes`` records each."""
    for _ in range(REPAIR_ROUNDS):
        before = report
        for table_id in {c[0] for c in free}:
            for index in range(len(plan_for(report.tables[table_id].spec).relations)):
                report = _repair_one(report, table_id, index, set(free), changes)
        if report is before:
            break
    return report


def candidate_changes(notices: Sequence[Notice], targets: frozenset[str],
                      truth: Truth) -> Iterator[tuple[Changes, frozenset[str]]]:
    """Each aligned candidate reading of a notice naming a target blank, as cell changes, with
    the target blanks it gives another value than the truth."""
    for notice in notices:
        if targets.intersection(notice.cells):
            yield from _notice_changes(notice, targets, truth)


def _notice_changes(notice: Notice, targets: frozenset[str], truth: Truth
                    ) -> Iterator[tuple[Changes, frozenset[str]]]:
    """The aligned candidate readings of one notice (see :func:`candidate_changes`)."""
    for reading in notice.candidates:
        if len(reading) != len(notice.cells):
            continue
        changes = _reading_changes(notice.cells, reading)
        moved = frozenset(p for p, v in zip(notice.cells, reading, strict=True)
                          if p in targets and v != truth.get(p))
        if changes is not None and moved:
            yield changes, moved


def _printed_row(doc: Document, cell: Cell, printed: frozenset[str]
                 ) -> list[tuple[Cell, str]]:
    """The count cells (signed too) of ``cell``'s row that the document prints, in the form's
    column order, each with its digits as printed (a blank: nothing)."""
    table_id, row_id, _ = cell
    spec = next(b.spec for b in doc.blocks if isinstance(b, TableBlock) and b.spec is not None
                and b.spec.id == table_id)
    out: list[tuple[Cell, str]] = []
    for column_id in spec.row(row_id).columns:
        pointer = f"/{table_id}/{row_id}/{column_id}"
        value = doc.truth.get(pointer)
        if pointer in printed and spec.column(column_id).kind in COUNTS and (
                value is None or isinstance(value, int)):
            out.append(((table_id, row_id, column_id), "" if value is None else str(value)))
    return out


def _printed_runs(doc: Document, targets: frozenset[str]) -> list[list[tuple[Cell, str]]]:
    """The printed rows holding a target blank whose values belong to several form rows (section
    四 printed as one row of 15 cells), each as :func:`_printed_row` gives a form row: a dump that
    drops a cell there moves digits from one form row into the next."""
    out: list[list[tuple[Cell, str]]] = []
    for block in doc.blocks:
        if not isinstance(block, TableBlock) or block.spec is None:
            continue
        for row in block.rows:
            refs = [(block.spec.id, *c.ref) for c in row.cells if c.ref is not None]
            if len({r[1] for r in refs}) < 2 or not targets.intersection(
                    "/" + "/".join(r) for r in refs):
                continue
            cells = [(r, "" if (v := doc.truth.get("/" + "/".join(r))) is None else str(v))
                     for r in refs if block.spec.column(r[2]).kind in COUNTS]
            if all(isinstance(doc.truth.get("/" + "/".join(c)), int | None) for c, _ in cells):
                out.append(cells)
    return out


def _number(digits: str) -> int | bool | None:
    """The count ``digits`` print (None for nothing; a sign first: a signed count), False if no
    count prints so."""
    if not digits:
        return None
    return int(digits) if _COUNT.fullmatch(digits) else False


def _splits(digits: str, cells: int) -> Iterator[tuple[int | None, ...]]:
    """Every cut of ``digits`` into ``cells`` counts in order, a cell printing nothing blank:
    the cuts with the fewest blank cells first (a dump dropping one blank before two)."""
    choices = itertools.islice((where for blanks in range(cells + 1)
                                for where in itertools.combinations(range(cells), blanks)),
                               ROW_BLANKS)
    for _, group in itertools.groupby(choices, key=len):
        yield from _taken_in_turn([_placed(digits, cells, where) for where in group])


def _placed(digits: str, cells: int, where: tuple[int, ...]) -> Iterator[tuple[int | None, ...]]:
    """The cuts of ``digits`` with the cells ``where`` blank, the others filled."""
    for values in _filled(digits, cells - len(where)):
        it = iter(values)
        yield tuple(None if i in where else next(it) for i in range(cells))


_Item = TypeVar("_Item")


def _taken_in_turn(sources: list[Iterator[_Item]]) -> Iterator[_Item]:
    """One item of each source at a time (the blank cell at each place in turn; the groups
    of blanks sharing a budget), until every source is used up."""
    while sources:
        for source in list(sources):
            item = next(source, None)
            if item is None:
                sources.remove(source)
            else:
                yield item


def _filled(digits: str, cells: int) -> Iterator[tuple[int, ...]]:
    """Every cut of ``digits`` into ``cells`` counts in order, none of them blank."""
    if cells == 0:
        if not digits:
            yield ()
        return
    for k in range(1, len(digits) - cells + 2):
        value = _number(digits[:k])
        if value is False or value is None:
            continue
        for rest in _filled(digits[k:], cells - 1):
            yield (value, *rest)  # type: ignore[misc]  # False excluded


def digit_moves(doc: Document, targets: frozenset[str]) -> Iterator[tuple[Changes, frozenset[str]]]:
    """For documents that print a row's numbers glued together: other cuts of a target blank's
    row (its printed count cells' digits, the same digits into other numbers, at most
    :data:`ROW_SPLITS` per row), each with the target blanks it gives another value."""
    printed = printed_cells(doc)
    rows = {cell[:2]: cell for p in sorted(targets) if (cell := pointer_cell(p)) is not None}
    for cell in rows.values():
        yield from _row_cuts(doc, _printed_row(doc, cell, printed), targets)


def _row_cuts(doc: Document, row: list[tuple[Cell, str]], targets: frozenset[str]
              ) -> Iterator[tuple[Changes, frozenset[str]]]:
    """Other cuts of one row's digits (see :func:`digit_moves`)."""
    digits = "".join(d for _, d in row)
    if not 2 <= len(row) <= ROW_CELLS:
        return  # nothing to cut, or too many ways to cut
    signed = [_signed(doc, c) for c, _ in row]
    cuts = (v for v in _splits(digits, len(row))
            if all(x is None or x >= 0 or s for x, s in zip(v, signed, strict=True)))
    found: list[tuple[int, Changes, frozenset[str]]] = []
    for values in itertools.islice(cuts, ROW_SPLITS):
        changes: Changes = {c: v for (c, _), v in zip(row, values, strict=True)}
        moved = frozenset(p for c, v in changes.items() if (p := "/" + "/".join(c)) in targets
                          and v != doc.truth.get(p))
        if moved:
            found.append((values.count(None), changes, moved))
    # the fewest blank cells first; among as many, the cut giving the most target blanks
    # another value first (one render proves them all: 60107 as 60, 1, 0, 7 and a blank total)
    found.sort(key=lambda item: (item[0], -len(item[2])))
    for _, changes, moved in found:
        yield changes, moved


def _signed(doc: Document, cell: Cell) -> bool:
    """Whether ``cell`` is a signed count (a change over the year)."""
    spec = next(b.spec for b in doc.blocks if isinstance(b, TableBlock) and b.spec is not None
                and b.spec.id == cell[0])
    return spec.column(cell[2]).kind is CellKind.SIGNED_COUNT


def _reading_changes(pointers: Sequence[str], reading: Sequence[CellValue]) -> Changes | None:
    changes: Changes = {}
    for pointer, value in zip(pointers, reading, strict=True):
        cell = pointer_cell(pointer)
        if cell is None:
            return None
        changes[cell] = value
    return changes


RANK = {UNSETTLEABLE: 5, BREAKS_RELATION: 4, PRINTS_OTHERWISE: 3, NOT_TRIED: 2, NO_CANDIDATES: 1,
        NOT_A_TABLE_CELL: 0}
"""Which reason a blank keeps when several alternatives were tried for it: the closest call."""


@attrs.frozen
class Proof:
    """What one case's proof works from: how to render an alternative, and the truth's side."""

    render: Renderer  #: the case rebuilt with changes, the same draws
    base: Report  #: the generated report (before any damage)
    doc: Document  #: the damaged document of the case
    text: str | bytes  #: what it prints
    removed: tuple[Cell, ...]  #: cells stating a value that the damage removed
    full: frozenset[tuple[str, int, str]]  #: relation findings of ``base``
    shown: frozenset[tuple[str, int, str]]  #: … of the damaged truth
    glued: bool = False  #: the form prints a row's numbers glued together (a one-line dump)
    drops: bool = False  #: … and prints a value cell as nothing (:func:`prints_nothing`)
    reorders: bool = False  #: section 三's columns printed in a drawn order (``column_order``)

    @classmethod
    def of(cls, render: Renderer, base: Report, doc: Document, text: str | bytes, *,
           glued: bool = False, reorders: bool = False) -> Proof:
        """The proof's reference side for one case."""
        removed = tuple(removed_cells(base, doc))
        return cls(render, base, doc, text, removed, relation_findings(base),
                   relation_findings(stated(base, doc.truth)), glued,
                   glued and prints_nothing(doc, removed), reorders)

    def attempt(self, changes: Changes, moved: frozenset[str], order: Order | None = None
                ) -> dict[str, str]:
        """For each blank of ``moved``: :data:`UNSETTLEABLE` if the alternative with ``changes``
        (cells the damage removed left out of them, then adjusted to keep the relations) has
        the truth's findings, prints ``text`` byte for byte and states another value there;
        otherwise why not (the first condition that fails)."""
        alternative = self.consistent(changes, moved_columns=order is not None, order=order)
        if alternative is None:
            return dict.fromkeys(moved, BREAKS_RELATION)
        return self.prints_same(alternative, changes, moved, order)

    def consistent(self, changes: Changes, *, moved_columns: bool = False,
                   order: Order | None = None) -> Report | None:
        """The alternative report, if its relation findings are the generated truth's
        (``changes`` then holds the adjusted removed cells too); no render needed. With
        ``moved_columns`` (section 三 printed in another order) the changes stand whole, none
        adjusted: the cells the damage removes are then others, at the same printed places;
        with that ``order`` too, the truth's findings are compared moved with the columns; one
        whose blank cells cannot be shown to hold its relations together (:func:`whole`) is
        none, so that it costs no render."""
        for cell in () if moved_columns else self.removed:
            changes.pop(cell, None)
        try:
            alternative = with_changes(self.base, changes)
            if not moved_columns and not self._as_full(alternative):
                alternative = repaired(alternative, self.removed, changes)
            if not moved_columns and not self._as_full(alternative) and self.drops:
                alternative = self._removed_blank(changes)
        except (KeyError, ValueError, TypeError, GIReportError):
            return None  # a cell the layout lacks, a value the report cannot hold
        if not self._as_full(alternative, order) or not whole(alternative):
            return None
        return alternative

    def _removed_blank(self, changes: Changes) -> Report:
        """The alternative with every count the damage removed blank (``changes`` records
        each): in a dump that prints a blank cell as nothing, a cell printed nowhere may be
        blank as well as hold a value, and the relations through it are then not evaluable."""
        for cell in self.removed:
            if self.base.tables[cell[0]].spec.column(cell[2]).kind in COUNTS:
                changes[cell] = None
        return with_changes(self.base, changes)

    def _as_stated(self, found: Findings, order: Order | None,
                   lost: frozenset[tuple[str, int]] | None) -> bool:
        """:meth:`_as` against the truth as its document states it; with ``lost`` (a cell lost
        elsewhere), the differences :func:`~benchmarks.fidelity_harness.elsewhere.
        as_lost_elsewhere` allows are accepted too."""
        if self._as(found, self.shown, order):
            return True
        from benchmarks.fidelity_harness.elsewhere import as_lost_elsewhere

        return lost is not None and as_lost_elsewhere(found, self.shown, lost)

    def _as_full(self, alternative: Report, order: Order | None = None) -> bool:
        return self._as(relation_findings(alternative), self.full, order)

    def _as(self, found: frozenset[tuple[str, int, str]],
            truth: frozenset[tuple[str, int, str]], order: Order | None) -> bool:
        """:func:`as_consistent`; with section 三 printed in ``order``, also where ``found`` is
        the truth's findings moved with its columns (:func:`moved_findings`): a blank cell moved
        with its column leaves the moved column's relation unevaluable, as the truth's."""
        if as_consistent(found, truth, self.drops):
            return True
        printed = printed_order(self.doc) if order is not None else None
        if order is None or printed is None or "applications" not in self.base.tables:
            return False
        columns = dict(zip(printed, order, strict=True))
        moved = moved_findings(truth, self.base.tables["applications"].spec, columns)
        return moved is not None and as_consistent(found, moved, self.drops)

    def prints_same(self, alternative: Report, changes: Changes, moved: frozenset[str],
                    order: Order | None = None, dropped: Mapping[str, str] | None = None,
                    lost: frozenset[tuple[str, int]] | None = None) -> dict[str, str]:
        """What :meth:`attempt` says once ``alternative`` is :meth:`consistent`: rendered, is
        it byte for byte ``text``, does the document state the truth's relation findings, and
        which blanks of ``moved`` does it state otherwise than the truth (``dropped``: the
        removed cells the alternative's damage removes elsewhere, :class:`Renderer`; ``lost``:
        the relations through those cells, which may differ as
        :func:`~benchmarks.fidelity_harness.elsewhere.as_lost_elsewhere` allows). Every witness
        passes here: one whose blank cells cannot be shown to take values that make its
        relations hold together (:func:`~benchmarks.fidelity_harness.completion.completable`)
        is no report and proves nothing."""
        if not whole(alternative):
            return dict.fromkeys(moved, BREAKS_RELATION)
        try:
            doc, text, _ = self.render(changes, order, dropped)
        except (KeyError, ValueError, TypeError, GIReportError, Unreplayable):
            return dict.fromkeys(moved, PRINTS_OTHERWISE)  # Unreplayable: another choice
        if text != self.text:
            return dict.fromkeys(moved, PRINTS_OTHERWISE)
        if not self._as_stated(relation_findings(stated(alternative, doc.truth)), order, lost):
            return dict.fromkeys(moved, BREAKS_RELATION)
        return {p: UNSETTLEABLE for p in moved if doc.truth.get(p) != self.doc.truth.get(p)}


def whole(alternative: Report) -> bool:
    """Whether ``alternative``'s blank cells can be shown to take values that make every
    relation it does not break hold at once (:mod:`.completion`): the findings one by one
    leave a relation with a blank cell not evaluable, which hides a blank needing two values."""
    broken = {(t, i) for t, i, status in relation_findings(alternative) if status == "failed"}
    return completable(alternative, broken)


def note(why: dict[str, str], results: Mapping[str, str]) -> None:
    """Each blank's reason in ``why`` raised to what ``results`` found, if closer (:data:`RANK`)."""
    for pointer, result in results.items():
        if RANK[result] > RANK[why[pointer]]:
            why[pointer] = result


def _codes(notices: Sequence[Notice]) -> dict[str, str]:
    codes: dict[str, str] = {}
    for notice in notices:
        for pointer in notice.cells:
            codes.setdefault(pointer, notice.code)
    return codes


def blanks_of(truth: Truth, got: Mapping[str, object]) -> dict[str, str]:
    """The blank cells (the truth states a value, the import none), each with its first reason:
    :data:`NO_CANDIDATES`, or :data:`NOT_A_TABLE_CELL` for the year and the agency."""
    return {p: NO_CANDIDATES if pointer_cell(p) else NOT_A_TABLE_CELL
            for p, v in truth.items() if v is not None and got.get(p) is None}


def prove(proof: Proof, why: dict[str, str], notices: Sequence[Notice],
          tries: int = MAX_TRIES) -> None:
    """Try the notices' candidate readings and other cuts of glued digits for the blanks in
    ``why`` (at most :data:`MAX_CHECKS` alternatives checked by the arithmetic, ``tries`` of them
    rendered), recording in ``why`` each blank proven :data:`UNSETTLEABLE` or why not."""
    for pointer in why:
        if why[pointer] == NO_CANDIDATES and (proof.glued or _has_reading(notices, pointer)):
            why[pointer] = NOT_TRIED
    if tries > 0 and proof.reorders:
        tries -= _prove_reordered(proof, why, tries)
    if tries > 0 and proof.glued and proof.drops:
        tries -= _prove_jointly(proof, why, min(tries, JOINT_TRIES))
    if tries > 0 and not proof.glued:  # a lost cell blank in the truth too (elsewhere)
        from benchmarks.fidelity_harness.elsewhere import (
            ELSEWHERE_TRIES,
            PAIR_TRIES,
            prove_elsewhere,
            prove_pairs,
        )

        tries -= prove_elsewhere(proof, why, min(tries, ELSEWHERE_TRIES))
        if tries > 0:
            tries -= prove_pairs(proof, why, min(tries, PAIR_TRIES))
    if tries > 0 and proof.glued and proof.removed:  # a glued dump whose crawl lost a value
        from benchmarks.fidelity_harness.elsewhere import ELSEWHERE_TRIES, prove_glued

        tries -= prove_glued(proof, why, min(tries, ELSEWHERE_TRIES))
    if tries > 0:
        from benchmarks.fidelity_harness.batches import Budget, parts, prove_batched

        budget = Budget(tries)
        found = parts(proof, _interleaved(proof, notices, open_blanks(why)), open_blanks(why), why)
        prove_batched(proof, found, why, budget)
        tries = budget.tries
    alternatives = _interleaved(proof, notices, open_blanks(why))
    checks = MAX_CHECKS
    for changes, moved, order in alternatives:
        if tries <= 0 or checks <= 0:
            return
        if not moved & open_blanks(why):
            continue
        checks -= 1
        alternative = proof.consistent(changes, moved_columns=order is not None, order=order)
        if alternative is None:
            note(why, dict.fromkeys(moved, BREAKS_RELATION))
            continue
        tries -= 1
        note(why, proof.prints_same(alternative, changes, moved, order))


def _prove_reordered(proof: Proof, why: dict[str, str], tries: int) -> int:
    """Section 三 printed in each other column order whose header prints alike
    (:func:`reorderings`: at most three), tried before every other alternative, at most
    ``tries``; the renders used. One such render proves the blanks of whole columns, which the
    alternatives of single rows, taken first, left no budget for in a dump with blank cells."""
    used = 0
    for changes, moved, order in reorderings(proof, open_blanks(why)):
        if used >= tries:
            break
        alternative = proof.consistent(changes, moved_columns=True, order=order)
        if alternative is None:
            note(why, dict.fromkeys(moved, BREAKS_RELATION))
            continue
        used += 1
        note(why, proof.prints_same(alternative, changes, moved, order))
    return used


def _prove_jointly(proof: Proof, why: dict[str, str], tries: int) -> int:
    """Whole readings of sections 三 and 四 as consistent as the truth tried as alternatives, at
    most ``tries``; the renders used: first those giving the most open blanks another value at
    once (:func:`_prove_covered`), then one for a blank each
    (:func:`~benchmarks.fidelity_harness.joint.witnesses`: every run of the table read at once,
    a blank cell anywhere). A dump that drops blank cells reads many ways once every row may
    lack cells, which the cuts of one row at a time (the other rows as the truth states them)
    cannot show."""
    from benchmarks.fidelity_harness.joint import witnesses

    used = _prove_covered(proof, why, tries)
    if used >= tries:
        return used
    for reading in witnesses(proof.doc, open_blanks(why), proof.reorders):
        changes: Changes = dict(reading)
        moved = _moved(proof, changes, open_blanks(why))
        if not moved:
            continue
        used += 1
        note(why, proof.attempt(changes, moved))
        if used >= tries:
            break
    return used


def _moved(proof: Proof, changes: Changes, targets: frozenset[str]) -> frozenset[str]:
    """The ``targets`` that ``changes`` give another value than the damaged truth states."""
    return frozenset(p for (t, r, c), v in changes.items()
                     if (p := f"/{t}/{r}/{c}") in targets and v != proof.doc.truth.get(p))


def _prove_covered(proof: Proof, why: dict[str, str], tries: int) -> int:
    """Whole readings of sections 三 and 四 each giving as many open blanks as it can another
    value (:mod:`.cover`), one per table in turn, rendered while each proves some, at most
    ``tries`` in all; the renders used. One render proves every cell its reading changes."""
    covers = [c for t in TABLES for c in _covers(proof, t) if c is not None]
    used = 0
    while covers and used < tries:
        for cover in list(covers):
            proved = _cover_once(proof, why, cover) if used < tries else None
            used += proved is not None
            if not proved:
                covers.remove(cover)
    return used


def _covers(proof: Proof, table: str) -> tuple[Cover | None, Cover | None]:
    """The cover searches of one table: over the printed runs, then over whole rows whose unit
    words cut the digits (:mod:`.worded`: the blanks move along the row)."""
    kept = _base_cells(proof, table)
    return cover_of(proof.doc, table, kept), worded_cover(proof.doc, table, kept)


def _base_cells(proof: Proof, table: str) -> dict[tuple[str, str], int | None]:
    """The generated report's counts of ``table``, by (row, column): what a cell the covering
    reading leaves out of its changes keeps in the alternative report."""
    if table not in proof.base.tables:
        return {}
    values = proof.base.tables[table]
    return {cell[1:]: v if isinstance(v := values[cell[1], cell[2]], int) else None
            for p in proof.doc.truth if (cell := pointer_cell(p)) and cell[0] == table}


def _cover_once(proof: Proof, why: dict[str, str], cover: Cover) -> bool | None:
    """Render one reading of ``cover``'s table giving its open blanks another value: whether it
    proved some, None if no such reading was found (nothing rendered). A table whose reading
    proves none is done: its next reading would be found the same way."""
    targets = open_blanks(why)
    mine = {cell[1:] for p in targets if (cell := pointer_cell(p)) and cell[0] == cover.table}
    reading = cover.reading(mine) if mine else None
    moved = _moved(proof, dict(reading), targets) if reading else frozenset()
    if reading is None or not moved:
        return None
    results = proof.attempt(dict(reading), moved)
    note(why, results)
    return UNSETTLEABLE in results.values()


def _rows(changes: Changes) -> set[tuple[str, str]]:
    return {cell[:2] for cell in changes}


def _merged(proof: Proof, alternatives: Iterator[Alternative], targets: frozenset[str]
            ) -> tuple[Changes, frozenset[str]] | None:
    """One alternative made of several that change distinct rows and each keep the relations
    (the first such of each row, among :data:`MAX_CHECKS`): one render then proves the blanks of
    many rows (section 二's rows have no relation between them). None if fewer than two."""
    merged: Changes = {}
    moved: set[str] = set()
    parts = 0
    for changes, part, order in itertools.islice(alternatives, MAX_CHECKS):
        if order is not None or not part & targets or _rows(merged) & _rows(changes):
            continue
        trial = dict(changes)  # consistent() adjusts the removed cells in it
        if proof.consistent(trial) is None or _rows(merged) & _rows(trial):
            continue
        merged.update(trial)
        moved |= part & targets
        parts += 1
    return (merged, frozenset(moved)) if parts > 1 else None


def _drawn(alternatives: Iterator[tuple[Changes, frozenset[str]]]) -> Iterator[Alternative]:
    """Alternatives printed with the column order the case draws."""
    for changes, moved in alternatives:
        yield changes, moved, None


def _interleaved(proof: Proof, notices: Sequence[Notice], targets: frozenset[str]
                 ) -> Iterator[Alternative]:
    """The alternatives of every notice and every glued row taken in turn, one of each at a
    time, so that the budget is shared among the groups of blanks (the other column orders are
    tried before them: :func:`_prove_reordered`)."""
    sources: list[Iterator[Alternative]] = [
        _drawn(_notice_changes(n, targets, proof.doc.truth)) for n in notices
        if targets.intersection(n.cells)]
    if proof.glued:
        printed = printed_cells(proof.doc)
        rows = {c[:2]: c for p in sorted(targets) if (c := pointer_cell(p)) is not None}
        sources += [_drawn(_row_cuts(proof.doc, _printed_row(proof.doc, c, printed), targets))
                    for c in rows.values()]
        sources += [_drawn(_row_cuts(proof.doc, run, targets))
                    for run in _printed_runs(proof.doc, targets)]
    yield from _taken_in_turn(sources)


def open_blanks(why: Mapping[str, str]) -> frozenset[str]:
    """The blanks of ``why`` not proven yet (the year and the agency are no table cells)."""
    return frozenset(p for p, w in why.items() if w not in (UNSETTLEABLE, NOT_A_TABLE_CELL))


def _has_reading(notices: Sequence[Notice], pointer: str) -> bool:
    return any(pointer in n.cells and any(len(c) == len(n.cells) for c in n.candidates)
               for n in notices)


def classify(proof: Proof | None, truth: Truth, got: Mapping[str, object],
             notices: Sequence[Notice], tries: int = MAX_TRIES) -> tuple[Blank, ...]:
    """Every blank cell of a case, proven unsettleable or not (``proof`` None: none tried)."""
    why = blanks_of(truth, got)
    if proof is not None and why:
        prove(proof, why, notices, tries)
    codes = _codes(notices)
    return tuple(Blank(p, str(truth[p]), codes.get(p, "-"), w) for p, w in why.items())


__all__ = ["MAX_TRIES", "UNSETTLEABLE", "Alternative", "Blank", "Changes", "Order", "Proof",
           "Render", "Renderer", "as_consistent", "candidate_changes", "classify", "digit_moves",
           "moved_findings", "note", "open_blanks", "printed_cells", "printed_order",
           "prints_nothing", "prove", "relation_findings", "removed_cells", "reorderings",
           "repaired", "same_header_orders", "stated", "with_changes"]
