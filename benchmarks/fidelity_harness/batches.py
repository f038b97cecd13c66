"""Alternatives of many rows proven together, and halved where one of them spoils the render.

The proof of blanks (:mod:`.unsettled`) renders each alternative report it checks, and a case
may render only ``--tries`` of them; a crawl dump with blank cells has a dozen rows of blanks,
each with dozens of alternatives, so the budget ran out long before most rows were tried. The
alternatives that keep the relations alone are therefore merged, one per row, into one
alternative (:func:`prove_batched`): one render proves every row of it. Where that alternative
breaks a relation (the rows' changes together unbalance a column) or prints other bytes (one
row's cut prints otherwise), it is halved and each half tried in turn, so that one bad row costs
a few renders, not the whole batch; a row whose alternative fails alone has its next one tried
in the next round. Each render is still one alternative report T' as the proof defines it: the
cells it changes are proven only when T' as a whole passes.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

import attrs

from benchmarks.fidelity_harness.unsettled import (
    BREAKS_RELATION,
    MAX_CHECKS,
    UNSETTLEABLE,
    Alternative,
    Changes,
    Proof,
    note,
    open_blanks,
)


@attrs.frozen
class Part:
    """An alternative of one or more rows that keeps the relations alone (the removed cells
    adjusted in ``changes``), with the target blanks it gives another value."""

    changes: Changes
    moved: frozenset[str]

    @property
    def rows(self) -> frozenset[tuple[str, str]]:
        return frozenset(cell[:2] for cell in self.changes)


@attrs.define
class Budget:
    """Renders left for the case."""

    tries: int


def parts(proof: Proof, alternatives: Iterator[Alternative], targets: frozenset[str],
          why: dict[str, str]) -> list[Part]:
    """The alternatives among the first :data:`~.unsettled.MAX_CHECKS` that keep the relations
    alone, printed in the drawn column order; those that break one are noted so in ``why``."""
    out: list[Part] = []
    for changes, moved, order in itertools.islice(alternatives, MAX_CHECKS):
        if order is not None or not moved & targets:
            continue
        trial = dict(changes)  # consistent() adjusts the removed cells in it
        if proof.consistent(trial) is None:
            note(why, dict.fromkeys(moved & targets, BREAKS_RELATION))
            continue
        out.append(Part(trial, moved))
    return out


def _one_per_row(pending: Sequence[Part]) -> tuple[list[Part], list[Part]]:
    """The first part of each row, on rows no earlier pick touches; and the others."""
    taken: list[Part] = []
    rest: list[Part] = []
    rows: set[tuple[str, str]] = set()
    for part in pending:
        if part.rows & rows:
            rest.append(part)
        else:
            taken.append(part)
            rows |= part.rows
    return taken, rest


def _attempt(proof: Proof, batch: Sequence[Part], why: dict[str, str], budget: Budget) -> None:
    """Render the parts of ``batch`` merged as one alternative; where it is not proven whole,
    halve it and try each half (a part alone: its result is noted as the proof found it)."""
    if budget.tries <= 0:
        return
    changes: Changes = {}
    for part in batch:
        changes.update(part.changes)
    moved = frozenset().union(*(p.moved for p in batch)) & open_blanks(why)
    if not moved:
        return
    alternative = proof.consistent(dict(changes))
    results = dict.fromkeys(moved, BREAKS_RELATION)
    if alternative is not None:
        budget.tries -= 1
        results = proof.prints_same(alternative, changes, moved)
    if len(batch) == 1 or set(results.values()) == {UNSETTLEABLE}:
        note(why, results)
        return
    note(why, {p: r for p, r in results.items() if r == UNSETTLEABLE})
    half = len(batch) // 2
    _attempt(proof, batch[:half], why, budget)
    _attempt(proof, batch[half:], why, budget)


def prove_batched(proof: Proof, pending: list[Part], why: dict[str, str], budget: Budget) -> None:
    """Round after round, the first part of each row whose blanks are still open merged and
    tried (:func:`_attempt`), until no part is left or the renders run out."""
    while pending and budget.tries > 0:
        still = open_blanks(why)
        pending = [p for p in pending if p.moved & still]
        batch, pending = _one_per_row(pending)
        if not batch:
            return
        _attempt(proof, batch, why, budget)


__all__ = ["Budget", "Part", "parts", "prove_batched"]
