"""The consistent splits of linked digit runs, found run by run over the relations' partial sums.

The splitter's backtracking search (:mod:`~gi_report.importers.digits`) tries every combination
of the runs' splits its partial checks cannot refuse. Where several runs have many splits each
(rows read as lacking cells, section 三's outcome rows), a column's sum is checked only once its
last run is chosen, and the combinations outgrow any budget although few are consistent.

Here the runs are taken in order and a partial choice is kept only as what the rest can see of
it: for each relation still open, the difference of its two sides' known sums and whether each
side holds a cell not known (a lacking cell, a cell holding two numbers). Choices with the same
state have the same completions, so they are merged; a state whose relations the remaining runs'
splits cannot bring back within bounds (their least and greatest share) is dropped. A backward
pass keeps the states some completion reaches, and a split is *supported* when a consistent
whole uses it. One whole per supported split is returned: the cells every consistent solution
agrees on, and each run's candidates, are exactly those of all the consistent solutions.
A relation is checked as :func:`~gi_report.importers.digits._holds` does at the end of a search
(a side holding a cell not known is a count ≥ 0 more); every transition tried is a step.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

import attrs

from gi_report.importers.narrow import Sided
from gi_report.table import CellValue

Split = tuple[CellValue, ...]
Number = int | Decimal
Share = tuple[Number, bool, bool]
"""A relation's part in a choice: left sum less right sum, and whether the left and the right
side hold a cell not known."""
State = tuple["Share | None", ...]
"""Each relation's share so far (``None``: closed, its last run chosen and it held)."""
Solution = tuple[Split, ...]


class OutOfSteps(Exception):
    """The walk needs more steps than it was given."""


@attrs.frozen
class _Bounds:
    """What the runs after a point can still add to a relation: the least and greatest
    difference, and whether they can make each side hold a cell not known."""

    low: Number = 0
    high: Number = 0
    left: bool = False
    right: bool = False


def _share(split: Split, terms: Sequence[tuple[int, int]]) -> Share:
    """One split's part in a relation (``terms``: its cells' places in the run and their
    sides, +1 left, -1 right)."""
    total: Number = 0
    left = right = False
    for j, sign in terms:
        value = split[j]
        if isinstance(value, int | Decimal):
            total += sign * value
        elif sign > 0:
            left = True
        else:
            right = True
    return total, left, right


def _meets(low: Number, high: Number, left: bool, right: bool) -> bool:
    """Whether some completion can make a relation hold, its difference (left sum less right
    sum) ending between ``low`` and ``high``, with a cell not known on the ``left``, on the
    ``right`` side or neither (not both: it then always holds). The remaining runs' widest
    flags are the most lenient: a side holding an unknown cell (a count ≥ 0) is only bounded,
    as :func:`~gi_report.importers.digits._holds` checks it."""
    if left:
        return low <= 0
    if right:
        return high >= 0
    return low <= 0 <= high


class _Walk:
    """The relations of a group, its runs' shares in them, and the layers of states."""

    def __init__(self, domains: Sequence[Sequence[Split]], positions: Sequence[tuple[int, ...]],
                 relations: Sequence[Sided], base: Sequence[Number | None]) -> None:
        self.domains = domains
        owner = {at: (r, j) for r, ats in enumerate(positions) for j, at in enumerate(ats)}
        self.start: list[Share] = []
        terms: list[dict[int, list[tuple[int, int]]]] = []
        for rel in relations:
            if not any(at in owner for at in rel.at):
                continue
            start, by_run = _start(rel, owner, base)
            if not (start[1] and start[2]):  # both sides open from the start: always holds
                self.start.append(start)
                terms.append(by_run)
        self.effects = [
            [(q, [_share(split, by_run[r]) for split in domain])
             for q, by_run in enumerate(terms) if r in by_run]
            for r, domain in enumerate(domains)]
        """Per run: the relations it takes part in, with each of its splits' share."""
        self.last = [max((r for r in by_run), default=-1) for by_run in terms]
        self.bounds = self.remaining()

    def remaining(self) -> list[list[_Bounds]]:
        """Per point (before each run, and at the end): each relation's bounds from the runs
        after it."""
        out = [[_Bounds() for _ in self.start]]
        for effects in reversed(self.effects):
            now = list(out[0])
            for q, shares in effects:
                b = now[q]
                now[q] = _Bounds(b.low + min(s[0] for s in shares),
                                 b.high + max(s[0] for s in shares),
                                 b.left or any(s[1] for s in shares),
                                 b.right or any(s[2] for s in shares))
            out.insert(0, now)
        return out

    def moves(self, r: int) -> list[tuple[Move, ...]]:
        """Per split of run ``r``, its :data:`Move` in each relation it takes part in (worked
        out once per run, not per state)."""
        bounds = self.bounds[r + 1]
        return [tuple((q, shares[k][0], shares[k][1], shares[k][2], self.last[q] == r,
                       bounds[q].low, bounds[q].high, bounds[q].left, bounds[q].right)
                      for q, shares in self.effects[r])
                for k in range(len(self.domains[r]))]


Move = tuple[int, Number, bool, bool, bool, Number, Number, bool, bool]
"""A split's part in one relation: the relation's place in the state, the split's share
(difference, a cell not known on the left, on the right), whether the run is the relation's
last, and the bounds of the runs after it (:class:`_Bounds`, flattened: the hot path)."""


def _advance(state: State, moves: tuple[Move, ...]) -> State | None:
    """The state after a split (its ``moves``); ``None`` if no completion can hold."""
    after = list(state)
    for q, add, left, right, last, low, high, may_left, may_right in moves:
        before = after[q]
        assert before is not None  # a relation closes at its last run only
        difference = before[0] + add
        left = before[1] or left
        right = before[2] or right
        open_left, open_right = left or may_left, right or may_right
        if not (open_left and open_right) and not _meets(  # both open: it always holds
                difference + low, difference + high, open_left, open_right):
            return None
        after[q] = None if last else (difference, left, right)
    return tuple(after)


def _start(rel: Sided, owner: dict[int, tuple[int, int]], base: Sequence[Number | None]
           ) -> tuple[Share, dict[int, list[tuple[int, int]]]]:
    """A relation's share before any run is split (its stated cells; a cell no run gives and
    no value states is not known), and its cells in each run."""
    total: Number = 0
    flags = [False, False]
    by_run: dict[int, list[tuple[int, int]]] = {}
    for sign, ats in ((1, rel.left_at), (-1, rel.right_at)):
        for at in ats:
            if at in owner:
                r, j = owner[at]
                by_run.setdefault(r, []).append((j, sign))
            elif (value := base[at]) is not None:
                total += sign * value
            else:
                flags[sign < 0] = True
    return (total, flags[0], flags[1]), by_run


Layer = dict[State, tuple[State, int]]
"""The states after a run, each with the first state before it and split that led to it."""
Step = tuple[State, int, State]


def supported(domains: Sequence[Sequence[Split]], positions: Sequence[tuple[int, ...]],
              relations: Sequence[Sided], base: Sequence[Number | None], room: int,
              spend: Callable[[int], None]) -> list[Solution]:
    """One consistent whole (a split per run) for each split some consistent whole uses, each
    once; none if no whole is consistent. The runs share no cell and hold no stated cell
    (``base`` by position; the runs' cells at ``positions``). Raises :class:`OutOfSteps` after
    ``room`` steps; the steps taken are passed to ``spend`` in every case."""
    if not all(domains):  # a run with no split: nothing is consistent
        return []
    walk = _Walk(domains, positions, relations, base)
    layers, steps = _forward(walk, room, spend)
    alive = _backward(layers, steps)
    return _wholes(walk.domains, layers, steps, alive)


def _forward(walk: _Walk, room: int, spend: Callable[[int], None]
             ) -> tuple[list[Layer], list[list[Step]]]:
    """Every state reachable run by run, and every transition kept."""
    layers: list[Layer] = [{tuple(walk.start): ((), -1)}]
    steps: list[list[Step]] = []
    used = 0
    try:
        for r, domain in enumerate(walk.domains):
            layer: Layer = {}
            kept: list[Step] = []
            moves = walk.moves(r)
            for state in layers[-1]:
                used += len(domain)
                if used > room:
                    raise OutOfSteps
                for k, move in enumerate(moves):
                    after = _advance(state, move)
                    if after is not None:
                        layer.setdefault(after, (state, k))
                        kept.append((state, k, after))
            layers.append(layer)
            steps.append(kept)
    finally:
        spend(used)
    return layers, steps


def _backward(layers: list[Layer], steps: list[list[Step]]) -> list[dict[State, tuple[int, State]]]:
    """Per point, the states some consistent completion leaves, each with a first step of one."""
    alive: list[dict[State, tuple[int, State]]] = [{state: (-1, state) for state in layers[-1]}]
    for kept in reversed(steps):
        ahead = alive[0]
        here: dict[State, tuple[int, State]] = {}
        for state, k, after in kept:
            if after in ahead:
                here.setdefault(state, (k, after))
        alive.insert(0, here)
    return alive


def _wholes(domains: Sequence[Sequence[Split]], layers: list[Layer], steps: list[list[Step]],
            alive: list[dict[State, tuple[int, State]]]) -> list[Solution]:
    """A consistent whole through each supported split (the first transition found using it),
    each whole once."""
    out: dict[tuple[int, ...], None] = {}
    for r, kept in enumerate(steps):
        seen: set[int] = set()
        for state, k, after in kept:
            if k in seen or after not in alive[r + 1]:
                continue
            seen.add(k)
            out[(*_back(layers, r, state), k, *_ahead(alive, r + 1, after))] = None
    return [tuple(domain[k] for domain, k in zip(domains, ks, strict=True)) for ks in out]


def _back(layers: list[Layer], r: int, state: State) -> list[int]:
    """The splits of the runs before ``r`` on the first path that reached ``state``."""
    out: list[int] = []
    for layer in reversed(layers[1:r + 1]):
        state, k = layer[state]
        out.append(k)
    return out[::-1]


def _ahead(alive: list[dict[State, tuple[int, State]]], r: int, state: State) -> list[int]:
    """The splits of the runs from ``r`` on one consistent completion of ``state``."""
    out: list[int] = []
    for here in alive[r:-1]:
        k, state = here[state]
        out.append(k)
    return out
