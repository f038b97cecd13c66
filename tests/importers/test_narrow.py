"""Narrowing linked runs' splits before the search (``importers/narrow.py``): a split is dropped
only where a relation cannot hold under any choice of the other runs' splits, so the search
finds the same solutions; a one-line dump with a row lacking a cell was ``split.too_complex``."""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence

import attrs

from benchmarks.fidelity_harness import Case, build_case, compare
from gi_report import read_document
from gi_report.importers.narrow import Split, narrow


@attrs.frozen
class Rel:
    left_at: tuple[int, ...]
    right_at: tuple[int, ...]

    @property
    def at(self) -> tuple[int, ...]:
        return self.left_at + self.right_at


# three runs of two cells each: positions 0-1, 2-3, 4-5; run 3's cells are the column sums of
# runs 1 and 2 (0 + 2 = 4, 1 + 3 = 5)
POSITIONS = [(0, 1), (2, 3), (4, 5)]
RELATIONS = [Rel((4,), (0, 2)), Rel((5,), (1, 3))]


def _holds(rel: Rel, values: dict[int, int | None]) -> bool:
    left = [values[at] for at in rel.left_at]
    right = [values[at] for at in rel.right_at]
    if None in left or None in right:  # an unknown count: the known part must not exceed
        if None not in left:
            return sum(v for v in right if v is not None) <= sum(left)  # type: ignore[misc]
        if None not in right:
            return sum(v for v in left if v is not None) <= sum(right)  # type: ignore[misc]
        return True
    return sum(left) == sum(right)  # type: ignore[arg-type]


def _solutions(domains: Sequence[Sequence[Split]]) -> list[tuple[Split, ...]]:
    out = []
    for choice in itertools.product(*domains):
        values = {at: v for ats, s in zip(POSITIONS, choice, strict=True)
                  for at, v in zip(ats, s, strict=True)}
        if all(_holds(rel, values) for rel in RELATIONS):  # type: ignore[arg-type]
            out.append(choice)
    return out


def _domain(rng: random.Random) -> list[Split]:
    return [tuple(rng.choice((None, rng.randint(0, 6))) if rng.random() < 0.1
                  else rng.randint(0, 6) for _ in range(2)) for _ in range(rng.randint(1, 6))]


def test_narrowing_keeps_every_split_of_every_solution() -> None:
    rng = random.Random(11)
    dropped = 0
    for _ in range(300):
        domains = [_domain(rng) for _ in POSITIONS]
        narrowed = narrow(domains, POSITIONS, RELATIONS, [None] * 6, lambda steps: None)
        assert _solutions(narrowed) == _solutions(domains)  # the same, in the same order
        for before, after in zip(domains, narrowed, strict=True):
            assert after == [s for s in before if s in after]  # a subsequence: order kept
        dropped += sum(len(b) - len(a) for b, a in zip(domains, narrowed, strict=True))
    assert dropped > 0  # it does narrow


def test_a_split_no_choice_of_the_others_can_meet_is_dropped() -> None:
    domains: list[list[Split]] = [[(1, 1), (5, 5)], [(1, 1)], [(2, 2), (9, 9)]]
    narrowed = narrow(domains, POSITIONS, RELATIONS, [None] * 6, lambda steps: None)
    assert narrowed == [[(1, 1)], [(1, 1)], [(2, 2)]]


def test_a_stated_cell_bounds_the_relation() -> None:
    # run 3 is not searched here: its cells are stated (4 and 4)
    domains: list[list[Split]] = [[(1, 1), (3, 3)], [(1, 1), (3, 3)]]
    narrowed = narrow(domains, POSITIONS[:2], RELATIONS, [None] * 4 + [4, 4],
                      lambda steps: None)
    assert narrowed == [[(1, 1), (3, 3)], [(1, 1), (3, 3)]]
    narrowed = narrow([[(3, 3), (5, 5)], [(1, 1)]], POSITIONS[:2], RELATIONS,
                      [None] * 4 + [4, 4], lambda steps: None)
    assert narrowed == [[(3, 3)], [(1, 1)]]  # 5 + 1 exceeds the stated 4


def test_a_one_line_dump_lacking_a_cell_is_searched_within_the_budget() -> None:
    # before: section 三 split.too_complex (a row read as lacking a cell: 2,727 readings)
    blank = _blank_cells_without_too_complex(Case(2484590434, ("cell_missing",), "one_line"))
    assert blank < 60  # 194 before


def test_a_total_row_read_as_lacking_cells_is_narrowed_cell_by_cell() -> None:
    # before: section 三 split.too_complex, 179 of 202 cells blank: its total row read as
    # lacking cells has 17,652 readings, and narrowing them against every relation split by
    # split ran out of steps, though 一+二 = （七）+四 fixes each of its cells alone
    assert _blank_cells_without_too_complex(Case(521292408, ("cell_missing",), "one_line")) < 40


def _blank_cells_without_too_complex(case: Case) -> int:
    """The case imported: no wrong cell and no split.too_complex asserted, its blank cells
    counted."""
    doc, text, kind = build_case(case)
    data = text.encode() if isinstance(text, str) else text
    result = read_document(data, kind=kind, warn=False)
    tally = compare(doc.truth, result.report)
    assert tally.wrong == ()
    assert "split.too_complex" not in {n.code for n in result.notices}
    return tally.blank


def test_a_run_holding_several_cells_of_a_relation_is_still_checked_split_by_split() -> None:
    # run 1 holds both summed cells of 4 = 0 + 2 (positions 0 and 2 in one run): no one-cell
    # test applies, and a split summing past the stated 4 is dropped
    positions = [(0, 2), (4,)]
    relations = [Rel((4,), (0, 2))]
    domains: list[list[Split]] = [[(1, 3), (3, 3), (2, None)], [(4,), (9,)]]
    narrowed = narrow(domains, positions, relations, [None] * 5, lambda steps: None)
    assert narrowed == [[(1, 3), (3, 3), (2, None)], [(4,), (9,)]]
    narrowed = narrow(domains[:1], positions[:1], relations, [None] * 4 + [4], lambda steps: None)
    assert narrowed == [[(1, 3), (2, None)]]
