"""A run whose total is printed first (a header with the total column first) is cut from its
first cell (``importers/leftcut.py``): the same splits in the same order as the cutter from the
right, in a fraction of the steps, so section 三 printed total first is no longer
``split.too_complex`` in a one-line dump."""

from __future__ import annotations

import random

import pytest

from benchmarks.fidelity_harness import Case, build_case, compare
from gi_report import read_document
from gi_report.form.spec import CellKind
from gi_report.importers import digits, leftcut
from gi_report.importers.blocks import Location
from tests.conftest import needs_source

CELLS = tuple(("row", f"c{i}") for i in range(7))
TOTAL_FIRST = digits._Rel(left=CELLS[:1], right=CELLS[1:], rule="total", left_at=(0,),
                          right_at=(1, 2, 3, 4, 5, 6), at=(0, 1, 2, 3, 4, 5, 6))
TOTAL_LAST = digits._Rel(left=CELLS[6:], right=CELLS[:6], rule="total", left_at=(6,),
                         right_at=(0, 1, 2, 3, 4, 5), at=(6, 0, 1, 2, 3, 4, 5))


def _run(text: str) -> digits.Run:
    return digits.Run(cells=CELLS, kinds=(CellKind.COUNT,) * 7, segments=tuple(text.split()),
                      text=text, location=Location())


def _cut(text: str, relations: list[digits._Rel], *, left: bool,
         monkeypatch: pytest.MonkeyPatch) -> tuple[list[tuple[object, ...]], int]:
    """The splits of ``text`` and the steps they took, cut from the first cell or not."""
    needs_source(digits)
    with monkeypatch.context() as m:
        if not left:
            m.setattr(digits._Cutter, "leads_with_total", lambda self: False)
        budget = digits._Budget(10**9)
        out = digits._splits(_run(text), relations, [None] * 7, tuple(range(7)), budget,
                             straddle=False)
        return out, 10**9 - budget.left


def _row(rng: random.Random) -> str:
    parts = [rng.choice((0, rng.randint(1, 9), rng.randint(10, 99), rng.randint(100, 999)))
             for _ in range(6)]
    return "".join(map(str, [sum(parts), *parts]))


def test_a_total_first_run_splits_the_same_as_from_the_right(
        monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(7)
    rows = [_row(rng) for _ in range(60)] + ["0000000", "1000001", "121102"]
    assert sum(len(r) > 7 + digits._SUMMED_FROM for r in rows) > 40  # cut from the left
    for text in rows:
        left, _ = _cut(text, [TOTAL_FIRST], left=True, monkeypatch=monkeypatch)
        right, _ = _cut(text, [TOTAL_FIRST], left=False, monkeypatch=monkeypatch)
        assert left == right, text  # the same splits, in the same order


def test_a_long_total_first_run_takes_far_fewer_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "31621753317243302204343"  # 3162 = 1753 + 317 + 243 + 302 + 204 + 343
    left, left_steps = _cut(text, [TOTAL_FIRST], left=True, monkeypatch=monkeypatch)
    right, right_steps = _cut(text, [TOTAL_FIRST], left=False, monkeypatch=monkeypatch)
    assert left == right == [(3162, 1753, 317, 243, 302, 204, 343)]
    assert left_steps * 2 < right_steps


def test_only_a_run_whose_first_cell_alone_is_a_total_is_cut_from_the_left() -> None:
    positions = tuple(range(7))
    assert leftcut.leads_with_total(positions, [TOTAL_FIRST], [TOTAL_FIRST])
    assert not leftcut.leads_with_total(positions, [TOTAL_LAST], [TOTAL_LAST])
    assert not leftcut.leads_with_total(positions[:2], [TOTAL_FIRST], [TOTAL_FIRST])


def test_in_cut_order_sorts_by_the_last_cells_lengths_first() -> None:
    splits: list[tuple[object, ...]] = [(9, 1, 22), (9, 12, 2), (9, 1, 2)]
    assert leftcut.in_cut_order(splits) == [(9, 1, 2), (9, 12, 2), (9, 1, 22)]  # type: ignore[arg-type]


def test_section_three_total_first_in_a_one_line_dump_is_read() -> None:
    # before: every cell of section 三 blank (split.too_complex: the total-first rows spent the
    # table's step budget); after: read, none wrong
    case = Case(2516128638, ("column_order",), "one_line")
    doc, text, kind = build_case(case)
    data = text.encode() if isinstance(text, str) else text
    result = read_document(data, kind=kind, warn=False)
    assert compare(doc.truth, result.report).wrong == ()
    assert "split.too_complex" not in {n.code for n in result.notices}
    applications = result.report.table("applications")
    assert all(v is not None for row in applications.values for v in row)
