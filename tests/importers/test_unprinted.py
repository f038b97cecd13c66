"""Cells a crawl dump that drops blank cells still settles: every reading of a run with any of
its cells unprinted, filtered by the form's arithmetic (issue 10: ``one_line_blanks``)."""

from __future__ import annotations

import itertools

import pytest

from benchmarks.fidelity_harness import Case, build_case, compare
from gi_report import read_document
from gi_report.form import TEMPLATES
from gi_report.importers import unprinted
from gi_report.importers.digits import Location, Run
from gi_report.importers.result import notice


def _run(table: str, cells: tuple[tuple[str, str], ...], *segments: str, soft: bool = False
         ) -> Run:
    spec = TEMPLATES["2021"].table(table)
    return Run(cells=cells, kinds=tuple(spec.column(c).kind for _, c in cells),
               segments=segments, text="".join(segments), location=Location(),
               soft=(soft,) * (len(segments) - 1))


def _row(table: str, row_id: str) -> tuple[tuple[str, str], ...]:
    spec = TEMPLATES["2021"].table(table)
    return tuple((row_id, c) for c in spec.row(row_id).columns)


def test_every_reading_of_a_run_with_any_cells_unprinted() -> None:
    cells = _row("proactive", "regulations")  # three counts
    found = unprinted.readings(_run("proactive", cells, "31"))
    assert found is not None
    assert set(found) == {(3, 1, None), (3, None, 1), (None, 3, 1),
                          (31, None, None), (None, 31, None), (None, None, 31)}
    # no number starts with 0 unless it is 0; a number never spans two segments
    assert set(unprinted.readings(_run("proactive", cells, "03")) or []) == {
        (0, 3, None), (0, None, 3), (None, 0, 3)}
    assert set(unprinted.readings(_run("proactive", cells, "1", "2")) or []) == {
        (1, 2, None), (1, None, 2), (None, 1, 2)}
    assert unprinted.readings(_run("proactive", cells, "0000")) == []  # more numbers than cells


def test_runs_not_read_every_way() -> None:
    cells = _row("proactive", "regulations")
    assert unprinted.readings(_run("proactive", cells, "1", "2", soft=True)) is None
    amounts = _row("proactive", "administrative_fees")
    assert unprinted.readings(_run("proactive", amounts, "12")) is None
    applications = _row("applications", "granted")
    assert unprinted.readings(_run("applications", applications, "1" * 60)) is None  # budget


def test_a_run_whose_digits_leave_no_cell_unprinted_is_settled() -> None:
    spec = TEMPLATES["2021"].table("proactive")
    cells = _row("proactive", "regulations")
    # three digits, the first two zeros: no cut into fewer numbers, so every cell is printed
    assert unprinted.settle(spec, {}, [_run("proactive", cells, "003")]) == dict(
        zip(cells, (0, 0, 3), strict=True))
    assert unprinted.settle(spec, {}, [_run("proactive", cells, "031")]) == {}


def test_the_arithmetic_filters_the_readings_of_each_run_against_the_others() -> None:
    spec = TEMPLATES["2021"].table("review_litigation")
    review = _row("review_litigation", "administrative_review")
    # ``10001``: the total printed 1 refuses every reading with a part 10 or 100 …; with the
    # total unprinted, 1, 0, 0, 0 and a blank total, or 10, 0, 0, 1: the cells disagree
    assert unprinted.settle(spec, {}, [_run("review_litigation", review, "10001")]) == {}
    # the total stated apart: 1 = 1 + 0 + 0 + 0 is the one reading left
    stated = {("administrative_review", "total"): 1}
    upheld = _run("review_litigation", review[:4], "1000")
    assert unprinted.settle(spec, stated, [upheld]) == dict(
        zip(review[:4], (1, 0, 0, 0), strict=True))


def test_a_document_breaking_its_arithmetic_settles_nothing() -> None:
    spec = TEMPLATES["2021"].table("review_litigation")
    review = _row("review_litigation", "administrative_review")
    # 0, 0, 0, 0, 5 is the only reading, and its row total does not hold
    assert unprinted.settle(spec, {}, [_run("review_litigation", review, "00005")]) == {}


def test_filled_cells_leave_the_notices_that_left_them_blank() -> None:
    spec = TEMPLATES["2021"].table("proactive")
    cells = _row("proactive", "regulations")
    run = _run("proactive", cells, "003")
    pointers = [f"/proactive/{r}/{c}" for r, c in cells]
    blank = notice("split.dropped", "…", cells=pointers, candidates=[(0, 0, 3)], found="003")
    elsewhere = "/proactive/normative_documents/issued_this_year"
    other = notice("split.ambiguous", "…", cells=[elsewhere])
    found, notices = unprinted.fill(spec, {}, [run], {}, [blank, other])
    assert found == dict(zip(cells, (0, 0, 3), strict=True))
    assert [n.code for n in notices] == ["split.ambiguous", "split.unique"]
    assert notices[1].cells == tuple(pointers)
    assert notices[1].candidates == ((0, 0, 3),)


def test_runs_of_zeros_the_solver_reads_stay_read_in_a_crawl_with_blank_cells() -> None:
    """This case's three zero rows were settled by :func:`unprinted.fill` when the solver gave
    up on section 三 (too many splits); the solver now reads them itself (one zero per cell, no
    whitespace: :func:`dropped.safe`), right, and ``fill`` leaves read cells alone."""
    case = Case(2085503560, ("narrative_between",), "one_line_blanks")
    doc, text, kind = build_case(case)
    assert isinstance(text, str)
    result = read_document(text.encode(), kind=kind, warn=False)
    assert compare(doc.truth, result.report).wrong == ()
    for row in ("denied_prohibited_by_law", "denied_third_party_rights",
                "not_processed_confirm_reissue"):
        cells = [p for p in doc.truth if p.startswith(f"/applications/{row}/")]
        assert len(cells) == 7
        assert all(result.report.tables["applications"][row, p.rsplit("/", 1)[1]]
                   == doc.truth[p] == 0 for p in cells)


@pytest.mark.parametrize("case", [
    Case(3548388211, ("label_variant",), "one_line_blanks"),
])
def test_crawls_with_blank_cells_read_the_cells_every_reading_settles(case: Case) -> None:
    doc, text, kind = build_case(case)
    assert isinstance(text, str)
    result = read_document(text.encode(), kind=kind, warn=False)
    tally = compare(doc.truth, result.report)
    assert tally.wrong == ()
    settled = [p for n in result.notices if n.code == "split.unique"
               and "未印出空白单元格" in n.message for p in n.cells]
    assert settled
    assert all(result.report.tables[p.split("/")[1]][p.split("/")[2], p.split("/")[3]]
               == doc.truth[p] for p in settled)
    undetermined = {p for n in result.notices if n.code.startswith("split.")
                    and n.code != "split.unique" for p in n.cells}
    assert undetermined.isdisjoint(settled)


def _results_total(values: tuple[int, ...]) -> dict[tuple[str, str], int]:
    return dict(zip(_row("applications", "results_total"), values, strict=True))


def test_a_run_over_the_reading_budget_is_read_again_within_the_relations_caps() -> None:
    """``120000012`` under seven cells has too many readings with cells unprinted to list
    (:data:`unprinted.MAX_STEPS`); the column totals cap each cell (no outcome row exceeds its
    column's total), and then every reading but 12, 0, 0, 0, 0, 0, 12 needs a part over 12."""
    spec = TEMPLATES["2021"].table("applications")
    cells = _row("applications", "denied_prohibited_by_law")
    run = _run("applications", cells, "120000012")
    assert unprinted.readings(run) is None  # over the budget uncapped
    stated = _results_total((12, 0, 0, 0, 0, 0, 12))
    assert unprinted.settle(spec, stated, [run]) == dict(
        zip(cells, (12, 0, 0, 0, 0, 0, 12), strict=True))
    # nothing caps it: still over the budget, nothing settled
    assert unprinted.settle(spec, {}, [run]) == {}


def test_the_splits_kept_count_as_stated_for_the_readings() -> None:
    """The total row split and kept (checked twice over) caps the outcome rows as a row
    printed plainly would: ``fill`` reads the row above through it."""
    spec = TEMPLATES["2021"].table("applications")
    cells = _row("applications", "denied_prohibited_by_law")
    run = _run("applications", cells, "7000007")
    total = _results_total((7, 0, 0, 0, 0, 0, 7))
    found, _ = unprinted.fill(spec, {}, [run], total, [])
    assert found == {**total, **dict(zip(cells, (7, 0, 0, 0, 0, 0, 7), strict=True))}


def test_a_run_the_caps_leave_no_reading_settles_nothing() -> None:
    """``8000008`` under a column total of 7: no reading fits, the document breaks its
    arithmetic (as this reading sees it), and nothing of the table is settled."""
    spec = TEMPLATES["2021"].table("applications")
    cells = _row("applications", "denied_prohibited_by_law")
    zeros = _run("applications", _row("applications", "granted"), "0000000")
    runs = [zeros, _run("applications", cells, "8000008")]
    assert unprinted.settle(spec, _results_total((7, 0, 0, 0, 0, 0, 7)), runs) == {}


def test_a_crawl_with_blank_cells_reads_the_rows_the_column_totals_cap() -> None:
    """Harness seed 2026: section 三's rows ``7000007``, ``5000005``, ``0110204`` … had too
    many readings with cells unprinted to list, and were left blank (``split.dropped``); the
    total row, split and checked twice over, caps each of their cells, and every reading but
    one per row needs a part larger than its column's total."""
    case = Case(346705521, (), "one_line_blanks")
    doc, text, kind = build_case(case)
    assert isinstance(text, str)
    result = read_document(text.encode(), kind=kind, warn=False)
    assert compare(doc.truth, result.report).wrong == ()
    table = result.report.tables["applications"]
    for row in ("denied_prohibited_by_law", "denied_security_stability",
                "denied_process_information", "unable_needs_creation", "other_handling"):
        cells = [p for p in doc.truth if p.startswith(f"/applications/{row}/")]
        assert len(cells) == 7
        assert all(table[row, p.rsplit("/", 1)[1]] == doc.truth[p] is not None for p in cells)


def _brute_readings(digits: str, cells: int) -> set[tuple[int | None, ...]]:
    """Every reading of ``digits`` over ``cells`` cells, any of them unprinted, by listing every
    placement of every cut (no number starts with 0 unless it is 0)."""
    def cuts(rest: str) -> list[tuple[int, ...]]:
        if not rest:
            return [()]
        ends = [1] if rest[0] == "0" else range(1, len(rest) + 1)
        return [(int(rest[:end]), *tail) for end in ends for tail in cuts(rest[end:])]

    out: set[tuple[int | None, ...]] = set()
    for cut in cuts(digits):
        for where in itertools.combinations(range(cells), len(cut)):
            values = iter(cut)
            out.add(tuple(next(values) if k in where else None for k in range(cells)))
    return out


@pytest.mark.parametrize("digits", ["7000007", "0000000", "31", "003", "70000"])
def test_branches_that_yield_no_reading_cost_no_step(digits: str) -> None:
    """The reader enters no branch whose cells left are fewer than the numbers its digits left
    cut into (each 0 a number alone): ``7000007`` under seven cells, whose walk over every
    branch took more than :data:`unprinted.MAX_STEPS` steps, is now listed within them, and
    every listing is every reading there is."""
    cells = _row("applications", "denied_prohibited_by_law")
    found = unprinted.readings(_run("applications", cells, digits))
    assert found is not None
    assert len(found) == len(set(found))
    assert set(found) == _brute_readings(digits, len(cells))


def test_fewest_numbers_the_digits_cut_into() -> None:
    assert unprinted.fewest_numbers("7000007", [7]) == [1, 6, 5, 4, 3, 2, 1, 0]  # whole: one
    assert unprinted.fewest_numbers("12", [1, 2]) == [2, 1, 0]  # two segments: two numbers
    assert unprinted.fewest_numbers("", [0]) == [0]


def test_a_run_read_within_the_budget_once_dead_branches_cost_nothing() -> None:
    """Harness seed 2027 (``one_line_blanks``, 1,000 cases, case 27): section 三's first row
    ``214972163021`` was over the reading budget, so it bounded nothing and six of its cells
    stayed blank; without the dead branches it is read, and with the relations its cells are
    2149, 72, 163, 0, 2, 1 in every reading."""
    case = Case(1839427435, ("cell_missing",), "one_line_blanks")
    doc, text, kind = build_case(case)
    assert isinstance(text, str)
    result = read_document(text.encode(), kind=kind, warn=False)
    tally = compare(doc.truth, result.report)
    assert tally.wrong == ()
    table = result.report.tables["applications"]
    columns = TEMPLATES["2021"].table("applications").row("new_this_year").columns[:6]
    assert [table["new_this_year", c] for c in columns] == [2149, 72, 163, 0, 2, 1]
    assert tally.right >= 179
