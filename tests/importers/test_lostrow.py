"""Number-only rows one fewer than the form rows they stand for: one row lost
(``importers/lostrow.py``, ``detached.align_lost``)."""

from __future__ import annotations

from gi_report.form import TEMPLATES
from gi_report.importers.detached import align_lost
from gi_report.importers.lostrow import holes, settle

SPEC = TEMPLATES["2021"].table("applications")
IDS = [r.id for r in SPEC.rows]
VALUES = {"new_this_year": 5, "carried_from_last_year": 2, "granted": 3, "partially_granted": 1,
          "results_total": 4, "carried_to_next_year": 3}
"""Section 三 keeping every relation: natural persons only, the total column the same."""


def _printed(lost: str) -> list[list[str]]:
    """The table's number-only rows, row ``lost`` not printed."""
    rows = [[str(VALUES.get(i, 0)), "0", "0", "0", "0", "0", str(VALUES.get(i, 0))] for i in IDS]
    del rows[IDS.index(lost)]
    return rows


def _read(lost: str) -> list[str | None] | None:
    found = align_lost(SPEC, [None] * (len(IDS) - 1), _printed(lost), {})
    return None if found is None else [None if r is None else r.id for r in found]


def test_a_lost_row_the_arithmetic_places_settles_every_row() -> None:
    # the total row lost: only its place keeps the sums of the rows below and above it
    assert _read("results_total") == [i for i in IDS if i != "results_total"]


def test_rows_whose_place_every_consistent_reading_agrees_on_are_read_the_others_not() -> None:
    # an outcome row lost: any outcome row may be the lost one (their sum is the same), so only
    # the rows before every such place and after it are taken
    found = _read("granted")
    assert found is not None
    # (not the total row: were it the lost one, each relation alone would still hold, but its
    # cells would be 5 by the outcome rows above it and 4 by 一+二 = （七）+四 at once)
    assert found[:2] == IDS[:2] and found[-2:] == IDS[-2:]
    assert all(f is None for f in found[2:-2])
    # every row taken is its own: never a row shifted onto another's place
    for lost in ("new_this_year", "carried_to_next_year", "partially_granted"):
        got = _read(lost)
        assert got is not None
        at = IDS.index(lost)
        assert all(g is None or g == IDS[j if j < at else j + 1] for j, g in enumerate(got))


def test_nothing_is_taken_when_the_rows_are_not_one_fewer_or_break_the_arithmetic() -> None:
    assert align_lost(SPEC, [None] * len(IDS), [*_printed("granted"), ["0"] * 7], {}) is None
    broken = _printed("results_total")
    broken[0] = ["5", "0", "0", "0", "0", "0", "6"]  # a row total broken wherever it stands
    assert _read_rows(broken) is None


def _read_rows(rows: list[list[str]]) -> list[str | None] | None:
    found = align_lost(SPEC, [None] * len(rows), rows, {})
    return None if found is None else [None if r is None else r.id for r in found]


def test_the_labels_printed_apart_naming_exactly_the_printed_rows_settle_the_lost_one() -> None:
    free = list(SPEC.rows)
    listed = [i for i in IDS if i != "granted"]
    lost = settle(free, [2, 3, 4], listed)
    assert lost is not None and [r.id for r in lost.rows if r is not None] == listed
    # a place the arithmetic rules out is never taken from the labels
    assert settle(free, [3, 4], listed) is not None
    assert None in settle(free, [3, 4], listed).rows  # type: ignore[union-attr]


def test_the_lost_row_keeps_the_order_of_the_labelled_rows_around() -> None:
    free = list(SPEC.rows[:3])
    assert holes(free, [None, None, 3], SPEC) == [0, 1, 2]
    # the form's third row labelled between two number-only rows standing for the first, second
    # and fourth rows: the second number-only row must stand after it, so the fourth row is not
    # the lost one
    free = [SPEC.rows[0], SPEC.rows[1], SPEC.rows[3]]
    assert holes(free, [None, 2, None], SPEC) == [0, 1]
