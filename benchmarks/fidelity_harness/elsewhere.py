"""Alternatives whose damage removed another cell of the removed cell's printed row.

A document printing cells apart that lost one (``cell_missing``) prints its row's other values
in order, and nothing shows which cell is missing: a report T' whose values are those printed,
placed over the row's cells with another cell ``j`` left out (its value whatever keeps the
relations, as any removed cell's), its crawl dropping ``j``, prints the same row. Where it also
prints the whole document byte for byte and keeps the truth's relation findings, as every
alternative of :mod:`.unsettled` must, the row's blanks it gives another value are unsettleable:
the importer's ``row.cell_count`` blanks of a gap the arithmetic does not place. Replaying the
damages' choices, the removed cell's choice is renamed ``j`` (:class:`~.replay.Choices`).

Two rows that each lost a cell may print the same values (``0 | 0 | 1 | 0 | 0 | 1``): shifting
one row's lost cell alone breaks a column sum that shifting the other's mends, so pairs of such
shifts in two rows are tried too (:func:`pair_shifts`), checked and rendered the same way.

A one-line dump glues a row's digits together but prints them in the same order: there the
shifts of the cells the damage removed are tried (:func:`prove_glued`), ``000000`` for seven
cells being any six of them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence

from benchmarks.fidelity_harness.document import Document, Row, TableBlock
from benchmarks.fidelity_harness.unsettled import (
    BREAKS_RELATION,
    NOT_EVALUABLE,
    Cell,
    Changes,
    Findings,
    Proof,
    as_consistent,
    note,
    open_blanks,
    printed_cells,
    relation_findings,
    repaired,
    stated,
    with_changes,
)
from gi_report.errors import GIReportError
from gi_report.form.spec import CellKind
from gi_report.validation.arithmetic import plan_for

ELSEWHERE_TRIES = 8
"""Renders of alternatives removing another cell per case, at most (the farthest first)."""
PAIR_TRIES = 4
"""Renders of alternatives removing another cell in each of two rows per case, at most."""
PAIR_CHECKS = 400
"""Pairs of shifts checked by the form's arithmetic per case, at most (no render needed)."""

Shift = tuple[Changes, Cell, Cell]
"""An alternative's changes, the cell the damage removed and the one T' removes instead."""
Pair = tuple[Changes, tuple[tuple[Cell, Cell], ...]]
"""An alternative's changes and, for each row it shifts (one or two), the cell the damage
removed and the one T' removes instead."""


def _printed_row(doc: Document, cell: Cell) -> tuple[TableBlock, Row] | None:
    """The table and printed row that held the removed ``cell`` (a row printing some other
    value cell of its form row)."""
    for block in doc.blocks:
        if isinstance(block, TableBlock) and block.spec is not None and (
                block.spec.id == cell[0]):
            for row in block.rows:
                if any(c.ref is not None and c.ref[0] == cell[1] for c in row.cells):
                    return block, row
    return None


def _farthest_first(cells: list[Cell], removed: Cell) -> list[Cell]:
    """The row's other cells, those farthest from ``removed`` first (one such alternative gives
    every cell between them another value), either side in turn."""
    at = cells.index(removed)
    return sorted((c for c in cells if c != removed),
                  key=lambda c: (-abs(cells.index(c) - at), cells.index(c) < at))


def lost_cells(proof: Proof) -> list[Cell]:
    """The number cells of the generated report that the damaged document does not print,
    stating a value or blank (a crawl drops either)."""
    printed = printed_cells(proof.doc)
    return [(t, r, c) for t, table in proof.base.tables.items() for r, c, _ in table.cells()
            if f"/{t}/{r}/{c}" not in printed and table.spec.column(c).kind is not CellKind.TEXT]


def shifts(proof: Proof) -> Iterator[Shift]:
    """For each cell the damage removed, in a row printed in the form's cell order: the row's
    printed values placed over its cells with another cell left out (its value, at first, the
    removed one's), the farthest such cells first."""
    for removed in lost_cells(proof):
        found = _printed_row(proof.doc, removed)
        if found is None:
            continue
        block, row = found
        assert block.spec is not None
        place = {cell: k for k, cell in enumerate(plan_for(block.spec).cells)}
        printed = [(removed[0], *c.ref) for c in row.cells if c.ref is not None
                   and block.spec.column(c.ref[1]).kind is not CellKind.TEXT]
        cells = sorted([*printed, removed], key=lambda c: place[c[1:]])
        if [c for c in cells if c != removed] != printed:
            continue  # printed in another order than the form's
        table = proof.base.tables[removed[0]]
        values = [table[c[1], c[2]] for c in printed]
        for other in _farthest_first(cells, removed):
            changes: Changes = dict(zip([c for c in cells if c != other], values, strict=True))
            changes[other] = table[removed[1], removed[2]]
            yield changes, removed, other


def _pointer(cell: Cell) -> str:
    return "/" + "/".join(cell)


def _consistent(proof: Proof, changes: Changes, other: Cell,
                removed: Cell | None = None) -> bool:
    """Whether T' (``changes`` made, ``other``'s value adjusted to keep the relations, as the
    cells a damage removes are) has the truth's relation findings, and so has T' as its
    document would state it (``other`` blank: checked again once rendered), but for the
    relations through ``removed`` and ``other`` (:func:`lost_here`); ``changes`` then holds
    the adjusted value."""
    return _consistent_all(proof, changes, [(removed, other)])


def _consistent_all(proof: Proof, changes: Changes,
                    moves: Sequence[tuple[Cell | None, Cell]]) -> bool:
    """:func:`_consistent` with one cell left out instead of another in each of several rows
    (``moves``: the removed cell, None if not named, and the one T' leaves out), their values
    adjusted together."""
    others = [other for _, other in moves]
    try:
        alternative = with_changes(proof.base, changes)
        if not as_consistent(relation_findings(alternative), proof.full, proof.drops):
            alternative = repaired(alternative, others, changes)
    except (KeyError, ValueError, TypeError, GIReportError):
        return False
    truth = {**proof.doc.truth, **{_pointer(c): v for c, v in changes.items()},
             **{_pointer(o): None for o in others}}
    lost = lost_here(proof, [c for move in moves for c in move if c is not None])
    return as_consistent(relation_findings(alternative), proof.full, proof.drops) and (
        as_lost_elsewhere(relation_findings(stated(alternative, truth)), proof.shown, lost))


def lost_here(proof: Proof, cells: Sequence[Cell]) -> frozenset[tuple[str, int]]:
    """The form's relations (table id, index) through any of ``cells``."""
    out: set[tuple[str, int]] = set()
    for table_id in {c[0] for c in cells}:
        compiled = plan_for(proof.base.tables[table_id].spec).relations
        out.update((table_id, i) for i, c in enumerate(compiled)
                   if any((table_id, r.row, r.column) in cells for r in c.relation.cells))
    return frozenset(out)


def as_lost_elsewhere(found: Findings, truth: Findings, lost: frozenset[tuple[str, int]]
                      ) -> bool:
    """Whether the findings of T' as its document states it (``found``) are the truth's but
    for relations through a lost cell (``lost``: the truth's and T''s) that one side leaves
    not evaluable: a lost cell fails no relation, and which cell the crawl lost the document
    does not show, so a sum not evaluable in one column or row of the truth is another's in
    T'. Any other difference, or a relation failed, is not accepted."""
    return all(status == NOT_EVALUABLE and (table_id, index) in lost
               for table_id, index, status in found ^ truth)


def _moved(proof: Proof, changes: Changes, other: Cell, targets: frozenset[str]
           ) -> frozenset[str]:
    """The ``targets`` T' states otherwise than the truth: a value changed, or ``other``, which
    T' does not print (its truth blank there)."""
    return _moved_all(proof, changes, (other,), targets)


def _moved_all(proof: Proof, changes: Changes, others: Sequence[Cell], targets: frozenset[str]
               ) -> frozenset[str]:
    """:func:`_moved` with several cells ``others`` that T' does not print."""
    return frozenset(p for c, v in changes.items() if (p := _pointer(c)) in targets
                     and (c in others or v != proof.doc.truth.get(p)))


def prove_elsewhere(proof: Proof, why: dict[str, str], tries: int) -> int:
    """Try :func:`shifts` giving an open blank another value, at most ``tries`` rendered
    (:func:`_render_best`), recording in ``why`` what each proves; the renders used."""
    return _prove_shifts(proof, why, tries, shifts(proof))


def prove_glued(proof: Proof, why: dict[str, str], tries: int) -> int:
    """:func:`prove_elsewhere` for a dump printing a row's digits glued together: only the
    shifts of a cell the damage removed that stated a value (``000000`` for seven cells: any
    zero may be the lost one); a blank cell such a dump prints as nothing is moved along its
    row by the whole readings of :mod:`.joint` and :mod:`.cover` already."""
    removed = set(proof.removed)
    return _prove_shifts(proof, why, tries, (s for s in shifts(proof) if s[1] in removed))


def _prove_shifts(proof: Proof, why: dict[str, str], tries: int, found_shifts: Iterable[Shift]
                  ) -> int:
    """Check each of ``found_shifts`` giving an open blank another value, render the consistent
    ones (:func:`_render_best`); the renders used."""
    found: list[Pair] = []
    for changes, removed, other in found_shifts:
        moved = _moved(proof, changes, other, open_blanks(why))
        if not moved:
            continue
        if not _consistent(proof, changes, other, removed):
            note(why, dict.fromkeys(moved, BREAKS_RELATION))
            continue
        found.append((changes, ((removed, other),)))
    return _render_best(proof, why, tries, found)


def _render_best(proof: Proof, why: dict[str, str], tries: int, found: list[Pair]) -> int:
    """Render the consistent alternatives ``found`` in turn (the farthest shifts first), at most
    ``tries``, each that still gives an open blank another value; the renders used."""
    used = 0
    for changes, moves in found:
        if used >= tries:
            break
        others = [other for _, other in moves]
        moved = _moved_all(proof, changes, others, open_blanks(why))
        if not moved:
            continue  # proven by an earlier render
        used += 1
        note(why, proof.prints_same(
            with_changes(proof.base, changes), changes, moved,
            dropped={_pointer(removed): _pointer(other) for removed, other in moves},
            lost=lost_here(proof, [c for move in moves for c in move])))
    return used


def pair_shifts(proof: Proof) -> Iterator[Pair]:
    """Two :func:`shifts` of cells removed from two different rows, made together: a shift
    alone may break a column sum (a 1 moved into it) that the other's shift mends (a 1 moved
    out of it), where the two rows print the same values."""
    for (one, removed, other), (two, removed_2, other_2) in itertools.combinations(
            list(shifts(proof)), 2):
        if removed[:2] == removed_2[:2]:
            continue  # one row: its printed values are placed once
        yield {**one, **two}, ((removed, other), (removed_2, other_2))


def prove_pairs(proof: Proof, why: dict[str, str], tries: int) -> int:
    """Try :func:`pair_shifts` giving an open blank another value (at most
    :data:`PAIR_CHECKS` checked, ``tries`` rendered, :func:`_render_best`), recording in ``why``
    what each proves; the renders used. A pair that breaks a relation proves nothing and records
    nothing: each of its shifts alone has been tried (:func:`prove_elsewhere`)."""
    found: list[Pair] = []
    checks = 0
    for changes, moves in pair_shifts(proof):
        if checks >= PAIR_CHECKS:
            break
        if not _moved_all(proof, changes, [o for _, o in moves], open_blanks(why)):
            continue
        checks += 1
        if _consistent_all(proof, changes, moves):
            found.append((changes, moves))
    return _render_best(proof, why, tries, found)


__all__ = ["ELSEWHERE_TRIES", "PAIR_TRIES", "as_lost_elsewhere", "lost_here", "pair_shifts",
           "prove_elsewhere", "prove_glued", "prove_pairs", "shifts"]
