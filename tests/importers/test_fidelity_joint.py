"""Whole-table readings of a dump that drops blank cells (:mod:`benchmarks.fidelity_harness.joint`):
the search that says which cells the table's arithmetic settles (``benchmarks/joint_oracle.py``)
and the alternatives it gives the proof of blanks, checked on small tables and on harness cases."""

from __future__ import annotations

import itertools

from benchmarks.fidelity_harness import Case, build_case
from benchmarks.fidelity_harness.cases import blank_proof
from benchmarks.fidelity_harness.compare import imported_cells
from benchmarks.fidelity_harness.joint import (
    FAILED,
    OPEN,
    Chain,
    Joint,
    Lister,
    Rel,
    Run,
    judge,
    oracle,
    printed_runs,
    relations,
    status,
    table_truth,
    witnesses,
)
from benchmarks.fidelity_harness.unsettled import (
    UNSETTLEABLE,
    _prove_jointly,
    as_consistent,
    blanks_of,
    prove,
    relation_findings,
    stated,
    with_changes,
)
from gi_report import read_document

ROW = (("r", "a"), ("r", "b"), ("r", "t"))
TOTAL = Rel(left=(("r", "t"),), right=(("r", "a"), ("r", "b")), broken=False)
SPREAD = Case(1327139357, ("narrative_between",), "one_line_blanks")
"""A dump dropping blank cells whose section 三 prints 23 runs of 3 to 12 digits."""
ZEROS = Case(2253366259, ("cell_missing",), "one_line_blanks")
"""A dump whose section 三 prints 25 runs, three of them ``0000000``."""


def test_status_is_the_validators_finding_with_blanks() -> None:
    assert status([3], [1, 2]) != FAILED
    assert status([3], [1, 12]) == FAILED
    assert status([None], [1, 12]) == OPEN  # a blank total: some count, not evaluable
    assert status([3], [None, 12]) == FAILED  # the stated part alone exceeds the total


def test_a_blank_anywhere_leaves_cells_open_that_no_relation_can_fail() -> None:
    run = Run(ROW, "123")
    alone = judge([run], [TOTAL])
    assert ("r", "a") in alone.open  # 1, blank, 23: the total 23 with a part blank holds
    other = Run((("s", "t"),), "3")
    same = Rel(left=(("r", "t"),), right=(("s", "t"),), broken=False)
    both = judge([run, other], [TOTAL, same])
    assert both.settled == {("s", "t"): 3}  # a digit per cell: 3 is read whatever else
    assert ("r", "a") in both.open  # blank, 123, blank: no relation can be evaluated
    joint = Joint([run, other], [TOTAL, same])
    joint.list_readings()
    joint.filtered()
    stated_total = [r for r in joint.domains[0] if r[2] is not None]
    assert stated_total == [(1, 2, 3)]  # a stated total is 3, and then the row is 1, 2, 3
    assert joint.search([[r for r in joint.domains[0] if r[2] not in (3, None)],
                         joint.domains[1]]) is None


def test_a_relation_the_truth_breaks_must_stay_broken() -> None:
    broken = Rel(TOTAL.left, TOTAL.right, broken=True)
    readings = Lister(Run(ROW, "124"), [broken]).listed()
    assert (1, 2, 4) in readings and (12, None, 4) in readings
    assert all(status([r[2]], [r[0], r[1]]) == FAILED for r in readings)


def _brute(run: Run, rels: list[Rel]) -> dict[tuple[str, str], set[int | None]]:
    """Every reading of ``run`` listed whole, each cell's values over those that hold."""
    seen: dict[tuple[str, str], set[int | None]] = {c: set() for c in run.cells}
    for reading in Lister(run, []).listed():
        where = dict(zip(run.cells, reading, strict=True))
        if all((status([where[c] for c in r.left], [where[c] for c in r.right]) == FAILED)
               == r.broken for r in rels):
            for c, v in where.items():
                seen[c].add(v)
    return seen


def test_section_four_as_one_run_is_joined_row_by_row_exactly() -> None:
    cells = tuple((row, col) for row in ("x", "y") for col in ("p", "q", "t"))
    rels = [Rel(left=((row, "t"),), right=((row, "p"), (row, "q")), broken=False)
            for row in ("x", "y")]
    for digits in ("112000", "1120", "2135", "303", "10111"):
        run = Run(cells, digits)
        verdict = Chain(run, rels).verdict()
        seen = _brute(run, rels)
        assert verdict.settled == {c: next(iter(v)) for c, v in seen.items() if len(v) == 1}
        for c, values in seen.items():
            if len(values) > 1:
                other = next(v for v in values if v != min(values, key=str))
                found = Chain(run, rels).witness(cells.index(c), other)
                assert found is not None and found[cells.index(c)] != other
                where = dict(zip(cells, found, strict=True))
                assert all(status([where[x] for x in r.left], [where[x] for x in r.right])
                           != FAILED for r in rels)


def test_the_joint_search_finds_what_listing_every_product_finds() -> None:
    runs = [Run((("x", "a"), ("x", "t")), "11"), Run((("y", "a"), ("y", "t")), "22"),
            Run((("z", "a"), ("z", "t")), "33")]
    rels = [Rel(left=((r, "t"),), right=((r, "a"),), broken=False) for r in "xyz"]
    rels.append(Rel(left=(("z", "a"),), right=(("x", "a"), ("y", "a")), broken=False))
    verdict = judge(runs, rels)
    listed = [Lister(run, []).listed() for run in runs]
    cells = [c for run in runs for c in run.cells]
    seen: dict[tuple[str, str], set[int | None]] = {c: set() for c in cells}
    for combo in itertools.product(*listed):
        where = dict(zip(cells, (v for r in combo for v in r), strict=True))
        if all(status([where[c] for c in r.left], [where[c] for c in r.right]) != FAILED
               for r in rels):
            for c, v in where.items():
                seen[c].add(v)
    assert verdict.settled == {c: next(iter(v)) for c, v in seen.items() if len(v) == 1}
    assert verdict.open == {c for c, v in seen.items() if len(v) > 1}


def test_a_harness_table_settles_only_truth_values() -> None:
    doc, _, _ = build_case(ZEROS)
    found = printed_runs(doc, "applications")
    assert found is not None and len(found[1]) == 25
    truth = table_truth(doc, "applications")
    verdict = oracle(doc, "applications")
    assert verdict is not None and not verdict.inconsistent
    assert len(verdict.settled) == 21  # the three rows printed 0000000: zeros, one a cell
    assert all(truth[c] == v == 0 for c, v in verdict.settled.items())
    joint = Joint(found[1], relations(found[0], truth))
    assert set(joint.where) == {c for run in found[1] for c in run.cells}


def test_labels_printed_apart_are_not_modelled() -> None:
    doc, _, _ = build_case(Case(3458192345, ("detached_labels",), "one_line_blanks"))
    assert printed_runs(doc, "applications") is None or all(
        len({r for r, _ in run.cells}) == 1 for run in printed_runs(doc, "applications")[1])


def test_a_witness_is_as_consistent_as_the_truth_and_moves_a_blank() -> None:
    doc, text, kind = build_case(SPREAD)
    result = read_document(text.encode() if isinstance(text, str) else text, kind=kind,
                           warn=False)
    targets = frozenset(p for p, w in blanks_of(doc.truth, imported_cells(result.report)).items()
                        if p.startswith("/applications/"))
    assert targets
    proof = blank_proof(SPREAD, doc, text)
    reading = next(witnesses(doc, targets))
    changes = dict(reading)
    moved = {p for (t, r, c), v in changes.items()
             if (p := f"/{t}/{r}/{c}") in targets and v != doc.truth[p]}
    assert moved
    alternative = with_changes(stated(proof.base, doc.truth), changes)
    assert as_consistent(relation_findings(alternative), proof.shown, proof.drops)


def test_whole_table_readings_prove_blanks_one_row_at_a_time_could_not() -> None:
    """Reproducer: one render of a whole-table reading proves most of section 三's blanks
    (before, with the same one render, the proof tried one batch of row cuts, which the other
    rows as the truth states them break)."""
    doc, text, kind = build_case(SPREAD)
    result = read_document(text.encode() if isinstance(text, str) else text, kind=kind,
                           warn=False)
    why = blanks_of(doc.truth, imported_cells(result.report))
    proof = blank_proof(SPREAD, doc, text)
    prove(proof, why, result.notices, tries=1)
    proven = [p for p, w in why.items() if w == UNSETTLEABLE]
    assert len(proven) >= 90 and all(p.startswith("/applications/") for p in proven)
    again = blanks_of(doc.truth, imported_cells(result.report))
    assert _prove_jointly(proof, again, 1) == 1  # one render
    assert {p for p, w in again.items() if w == UNSETTLEABLE} == set(proven)
