"""Every search of the digit solver within its table's step budget (issue 10): a generated
one-line dump whose section 三 is read as one run of 162 digits (its labels detached) did not
finish importing; the cells such a search cannot settle within the budget are blank with a
``split.too_complex`` notice, never guessed."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.fidelity_harness import Case, build_case, compare
from benchmarks.fidelity_harness.compare import imported_cells
from gi_report import read_document
from gi_report.form import TEMPLATES
from gi_report.importers import digits, shortrow
from gi_report.importers.blocks import Location
from gi_report.importers.digits import Run, solve
from gi_report.table import CellValue
from tests.conftest import SEARCH_BUDGET, SearchSteps, needs_source

HUNG = Case(3039776252, ("heading_typo", "detached_labels"), "one_line_blanks")
"""Seed 2048, case 239 of ``fidelity.py --forms one_line_blanks --cases 1000``: section 三 one
run of 162 digits over its 161 cells, searched again as lacking cells (``_Solver.relax``)."""


class _Spent(Exception):
    """The test's budget ran out."""


class _Steps:
    """A budget of ``most`` steps for :func:`shortrow.readings`, counting those spent."""

    def __init__(self, most: int) -> None:
        self.most = most
        self.spent = 0

    def __call__(self) -> None:
        self.spent += 1
        if self.spent > self.most:
            raise _Spent


def test_the_hung_document_imports_with_section_three_blank_as_too_complex() -> None:
    doc, text, kind = build_case(HUNG)
    assert isinstance(text, str)
    result = read_document(text.encode(), kind=kind, warn=False)
    tally = compare(doc.truth, result.report)
    assert tally.wrong == ()  # every cell the import sets is the truth
    applications = result.report.table("applications")
    spec = applications.spec
    assert all(v is None for row in applications.values for v in row)
    too_complex = {p for n in result.notices if n.code == "split.too_complex" for p in n.cells}
    assert too_complex == {f"/applications/{r.id}/{c.id}" for r in spec.rows
                           for c in spec.columns}
    assert all("超出搜索上限" in n.message for n in result.notices
               if n.code == "split.too_complex")
    named = {p for n in result.notices for p in n.cells}
    got = imported_cells(result.report)
    blank = [p for p, v in doc.truth.items() if v is not None and got.get(p) is None]
    assert blank and set(blank) <= named  # every blank cell has a located notice saying why


def test_the_hung_document_spends_at_most_its_tables_budgets(search_steps: SearchSteps) -> None:
    """Every search, those judging a run apart from its group too, draws on the table's
    budget: no fresh budget per call."""
    _, text, kind = build_case(HUNG)
    assert isinstance(text, str)
    read_document(text.encode(), kind=kind, warn=False)
    tables = 3
    assert 0 < search_steps["n"] <= tables * (SEARCH_BUDGET + 1)


def test_a_long_segment_yields_its_cuts_in_steps_near_its_cuts() -> None:
    # forty ones, then thirty zeros, in at most 33 counts: before, the search went down one-digit
    # pieces of the ones until the counts ran out and tried every cut of them (2^39 branches,
    # no cut yielded, no step spent); now a branch is entered only if it can yield.
    text = "1" * 40 + "0" * 30
    steps = _Steps(10**6)
    cuts = list(itertools.islice(shortrow._cut_one(text, 33, steps), 100))
    assert len(cuts) == 100 and all("".join(cut) == text and len(cut) <= 33 for cut in cuts)
    assert steps.spent <= len(cuts) * (len(text) + 1)


@given(st.lists(st.text("00123", min_size=1, max_size=9), min_size=1, max_size=3),
       st.integers(1, 12))
def test_every_step_of_the_cuts_leads_to_a_cut(segments: list[str], pieces: int) -> None:
    """No dead branch: the steps are bounded by the cuts yielded times the digits."""
    steps = _Steps(10**7)
    cuts = list(shortrow.cuts(segments, pieces, steps))
    digits_ = sum(map(len, segments))
    assert steps.spent <= (len(cuts) + 1) * (digits_ + len(segments) + 2)


def test_the_readings_stop_at_the_step_their_budget_runs_out() -> None:
    # nine ones over ten cells: 48,620 readings, far more than a budget of 5,000 steps; each
    # reading costs its caller a step (as the solver's check does), each step of the search
    # for cuts one more: the search stops on step 5,001
    steps = _Steps(5_000)
    read = 0
    with pytest.raises(_Spent):
        for _ in shortrow.readings(("1" * 9,), 10, steps):
            steps()
            read += 1
    assert steps.spent == 5_001
    assert 0 < read < 5_000  # the cut search took steps of its own between the readings
    cut_steps = _Steps(10**6)
    assert len(list(shortrow.readings(("1" * 9,), 10, cut_steps))) == 48_620
    assert 0 < cut_steps.spent < 48_620


def test_a_lacking_run_whose_readings_outnumber_the_budget_fails_at_once() -> None:
    spec = TEMPLATES["2021"].table("applications")
    cells = tuple((r.id, c.id) for r in spec.rows for c in spec.columns)
    run = Run(cells=cells, kinds=tuple(spec.column(c).kind for _, c in cells),
              segments=("1" * len(cells),), text="1" * len(cells), location=Location(),
              lacking=True)
    assert shortrow.fewest_readings(run.segments, len(cells)) > digits.MAX_NODES
    budget = digits._Budget(digits.MAX_NODES)
    with pytest.raises(digits._TooComplex):
        digits._lacking_splits(run, [], [None] * len(cells), range(len(cells)), budget)
    assert budget.left == -1  # what the search would have spent before failing
    solution = solve(spec, {}, [run])
    assert solution.values == {}
    assert [n.code for n in solution.notices] == ["split.too_complex"]


def test_a_lacking_run_stops_on_the_step_after_its_budget() -> None:
    # nine ones over ten cells: few enough readings not to fail at once, too many to finish
    spec = TEMPLATES["2021"].table("applications")
    cells = tuple((r.id, c.id) for r in spec.rows for c in spec.columns)[:10]
    run = Run(cells=cells, kinds=tuple(spec.column(c).kind for _, c in cells),
              segments=("1" * 9,), text="1" * 9, location=Location(), lacking=True)
    assert shortrow.fewest_readings(run.segments, len(cells)) < 2_000
    table = digits._Budget(10**6)
    budget = digits._Budget(2_000, table)
    with pytest.raises(digits._TooComplex):
        digits._lacking_splits(run, [], [None] * len(cells), range(len(cells)), budget)
    assert budget.left == -1 and table.left == 10**6 - 2_001


def test_a_row_whose_check_for_a_cell_not_printed_runs_out_is_blank_saying_so(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # the inconsistent table of test_inconsistent_runs: the check whether the row holds with a
    # cell not printed draws on the table's budget; when it runs out, the row is blank and its
    # notice says the search ran out (nothing was shown of a cell not printed)
    spec = TEMPLATES["2021"].table("applications")
    columns = tuple(c.id for c in spec.columns)
    row = "not_processed_duplicate"
    values: dict[tuple[str, str], CellValue] = {
        (r.id, c): 0 for r in spec.rows for c in columns if r.id != row}
    values[("granted", "natural_person")] = 5  # (七) states 0: the column cannot sum
    cells = tuple((row, c) for c in columns)
    run = Run(cells=cells, kinds=tuple(spec.column(c).kind for c in columns),
              segments=("3011241828372",), text="3011241828372", location=Location())

    def ran_out(*args: object, **kwargs: object) -> bool:
        raise digits._TooComplex

    needs_source(digits)
    monkeypatch.setattr(digits._Solver, "holds_without", ran_out)
    solution = solve(spec, values, [run])
    assert all(solution.values.get(cell) is None for cell in cells)
    assert [n.code for n in solution.notices] == ["split.too_complex"]
    assert "超出上限" in solution.notices[0].message
