"""Whole-table readings that give many open blanks another value at once
(:mod:`benchmarks.fidelity_harness.cover`): each one the proof renders is a T' that prints the
damaged document byte for byte and is as consistent as the truth, and a cell the table's
arithmetic settles is never proven unsettleable."""

from __future__ import annotations

from benchmarks.fidelity_harness import Case, build_case
from benchmarks.fidelity_harness.cases import blank_proof
from benchmarks.fidelity_harness.compare import imported_cells
from benchmarks.fidelity_harness.completion import holds_together
from benchmarks.fidelity_harness.cover import cover_of, proof_runs, sampled
from benchmarks.fidelity_harness.joint import (
    FAILED,
    Lister,
    Rel,
    Run,
    oracle,
    printed_runs,
    status,
    table_truth,
)
from benchmarks.fidelity_harness.unsettled import (
    BREAKS_RELATION,
    UNSETTLEABLE,
    _base_cells,
    _prove_covered,
    _prove_jointly,
    as_consistent,
    blanks_of,
    relation_findings,
    stated,
    with_changes,
)
from gi_report import read_document

WHOLE = Case(1248461747, ("heading_variant",), "one_line_blanks")
"""A dump dropping blank cells whose section 三 is left blank whole (156 cells) and prints runs
of up to 15 digits over 7 cells: too many readings to list, so the per-cell witnesses of
:mod:`~benchmarks.fidelity_harness.joint` give none."""
ZEROS = Case(2253366259, ("cell_missing",), "one_line_blanks")
"""A dump whose section 三 prints 25 runs, three of them ``0000000`` (settled: zeros)."""


def _blanks(case: Case) -> tuple[dict[str, str], object]:
    doc, text, kind = build_case(case)
    result = read_document(text.encode() if isinstance(text, str) else text, kind=kind,
                           warn=False)
    return blanks_of(doc.truth, imported_cells(result.report)), result


def test_a_sample_holds_only_readings_of_the_run() -> None:
    run = Run((("r", "a"), ("r", "b"), ("r", "t")), "1234567")
    total = Rel(left=(("r", "t"),), right=(("r", "a"), ("r", "b")), broken=False)
    every = Lister(run, [total]).listed()
    some = sampled(run, [total], most=5)
    assert 0 < len(some) <= 5 < len(every)  # the listing stops at its bound, keeps what it found
    assert set(some) <= set(every)
    assert sampled(run, [total], most=len(every) * 5) == every
    for reading in some:
        assert "".join(str(v) for v in reading if v is not None) == run.digits
        assert status([reading[2]], [reading[0], reading[1]]) != FAILED


def test_a_covering_reading_prints_the_same_bytes_but_holds_no_report() -> None:
    """One reading of the whole section 三: rendered, it prints the damaged document byte for
    byte, its relation findings one by one are as consistent as the truth's, and it gives most
    of the section's blanks another value; but its blanks cannot take values holding its
    relations together (the bounds cross), so it is no T' and the proof refuses it (branch
    ``w-joint``; before, it proved every one of them)."""
    doc, text, _ = build_case(WHOLE)
    why, _ = _blanks(WHOLE)
    proof = blank_proof(WHOLE, doc, text)
    targets = {tuple(p.split("/")[2:]) for p in why if p.startswith("/applications/")}
    assert len(targets) == 156
    cover = cover_of(doc, "applications")
    assert cover is not None
    reading = cover.reading(targets)  # type: ignore[arg-type]
    assert reading is not None
    moved = {f"/{t}/{r}/{c}" for (t, r, c), v in reading.items()
             if f"/{t}/{r}/{c}" in why and v != doc.truth[f"/{t}/{r}/{c}"]}
    assert len(moved) >= 100
    again, text_again, _ = proof.render(dict(reading))
    assert text_again == text  # (a) byte for byte
    alternative = with_changes(proof.base, reading)
    assert as_consistent(relation_findings(alternative), proof.full, proof.drops)  # (b)
    assert as_consistent(relation_findings(stated(alternative, again.truth)), proof.shown,
                         proof.drops)
    assert all(again.truth[p] != doc.truth[p] for p in moved)
    assert not holds_together(alternative, "applications")  # (c) proven to fail
    assert proof.attempt(dict(reading), frozenset(moved)) == dict.fromkeys(moved, BREAKS_RELATION)


def test_whole_tables_are_proven_where_per_cell_witnesses_found_none() -> None:
    """Reproducer: before, the proof's whole-table readings listed every reading of each run,
    went over the bound on this section 三, and proved 27 of its 178 blanks with the case's 16
    renders; the covering readings proved nearly all of sections 三 and 四 in a few renders.
    Since branch ``w-joint`` those of section 三 hold no report (a blank needing two values at
    once): none of its blanks is proven; section 四's still all are."""
    doc, text, _ = build_case(WHOLE)
    why, _ = _blanks(WHOLE)
    proof = blank_proof(WHOLE, doc, text)
    used = _prove_jointly(proof, why, 4)
    assert used <= 4
    proven = {p for p, w in why.items() if w == UNSETTLEABLE}
    assert len([p for p in proven if p.startswith("/applications/")]) == 0
    assert {p for p in why if p.startswith("/review_litigation/")} <= proven


def test_a_cell_the_arithmetic_settles_is_never_proven() -> None:
    """Soundness: every cell of section 三 taken as blank (as if the import had read none), the
    cells the exhaustive oracle settles (the runs ``0000000``: seven zeros whatever else) are
    never proven unsettleable. (The cells it leaves open were proven too, 100 and more, until
    branch ``w-joint`` found the covering readings of this section hold no report: none now.)"""
    doc, text, _ = build_case(ZEROS)
    verdict = oracle(doc, "applications")
    assert verdict is not None and len(verdict.settled) == 21
    proof = blank_proof(ZEROS, doc, text)
    why = {p: w for p, w in blanks_of(doc.truth, {}).items() if p.startswith("/applications/")}
    _prove_covered(proof, why, 16)
    settled = {f"/applications/{r}/{c}" for r, c in verdict.settled}
    assert settled <= set(why)
    assert all(why[p] != UNSETTLEABLE for p in settled)
    assert sum(w == UNSETTLEABLE for w in why.values()) == 0


def test_a_removed_cell_is_in_no_run_and_blank_in_every_reading() -> None:
    doc, text, _ = build_case(ZEROS)
    proof = blank_proof(ZEROS, doc, text)
    gone = [c[1:] for c in proof.removed if c[0] == "applications"]
    assert gone  # the damage removed a cell of section 三 (it prints nowhere)
    _, runs, held = proof_runs(doc, "applications")
    assert not held and not set(gone) & {c for run in runs for c in run.cells}
    assert all(len({r for r, _ in run.cells}) == 1 for run in runs)  # a printed row a run
    cover = cover_of(doc, "applications")
    assert cover is not None
    truth = table_truth(doc, "applications")
    reading = cover.reading(set(truth))
    assert reading is not None and not {c[1:] for c in reading} & set(gone)
    assert proof.render(dict(reading))[1] == text


def test_cells_printed_with_more_than_digits_are_held_as_stated() -> None:
    """Section 三 printed with unit words after some counts (``5个``): those cells end a run and
    keep their value (in the cover's runs: end it as its last cell, holding a number); the
    labels printed apart (``detached_labels``) leave each form row's digits a run of its own."""
    case = Case(4218789391, ("detached_labels",), "one_line_blanks")
    doc, _, _ = build_case(case)
    assert printed_runs(doc, "applications") is None  # not modelled by the oracle
    _, runs, held = proof_runs(doc, "applications")
    assert len(runs) >= 20 and not held
    units = Case(569590672, ("unit_words",), "one_line_blanks")
    doc, text, _ = build_case(units)
    _, runs, held = proof_runs(doc, "applications")
    assert held and all(doc.truth[f"/applications/{r}/{c}"] == v for (r, c), v in held.items())
    # the cover's runs: a unit word follows its number, so where that number starts is the
    # run's to read; the cell ends the run as its last cell and holds a number in every reading
    _, worded, none_held = proof_runs(doc, "applications", units=True)
    assert not none_held and set(held) <= {run.cells[-1] for run in worded}
    cover = cover_of(doc, "applications")
    assert cover is not None
    reading = cover.reading(set(table_truth(doc, "applications")))
    assert reading is not None
    assert all(reading[("applications", *cell)] is not None for cell in held)
    assert blank_proof(units, doc, text).render(dict(reading))[1] == text  # (a)


TWO = Case(3851452569, ("two_numbers",), "one_line_blanks")
"""A dump dropping blank cells whose section 三 prints a cell holding two numbers (``12 5``)
and is left blank by the import (seed 2026 of the harness)."""


def test_a_cell_holding_two_numbers_is_held_at_the_number_the_alternative_keeps() -> None:
    """Such a cell states no value (its truth is blank), but the covering reading leaves it out
    of its changes: the alternative keeps the generated report's number there. Searched with
    the cell blank, the relations through it are open and the reading found breaks them once
    rendered (the proof rejects it); searched with the kept number, it is a T' (a) and (b)."""
    doc, text, _ = build_case(TWO)
    proof = blank_proof(TWO, doc, text)
    _, _, held = proof_runs(doc, "applications")
    assert held and all(doc.truth[f"/applications/{r}/{c}"] is None for r, c in held)
    kept = _base_cells(proof, "applications")
    assert all(kept[c] is not None for c in held)
    targets = set(table_truth(doc, "applications"))
    blank = cover_of(doc, "applications")
    assert blank is not None
    loose = blank.reading(targets)
    assert loose is not None
    alternative = with_changes(proof.base, loose)
    assert not as_consistent(relation_findings(alternative), proof.full, proof.drops)
    moved = frozenset(f"/applications/{r}/{c}" for _, r, c in loose)
    assert UNSETTLEABLE not in proof.attempt(dict(loose), moved).values()  # never claimed
    cover = cover_of(doc, "applications", kept)
    assert cover is not None
    reading = cover.reading(targets)
    assert reading is not None and not {c[1:] for c in reading} & set(held)
    alternative = with_changes(proof.base, reading)
    assert as_consistent(relation_findings(alternative), proof.full, proof.drops)  # (b)
    assert proof.render(dict(reading))[1] == text  # (a)


def test_a_section_holding_two_numbers_is_proven_whole() -> None:
    """Reproducer: before, the covering reading held the two-number cells blank and proved 40
    of the case's 193 blanks with its 16 renders (every covering reading broke a relation
    through them); held at the kept numbers, four renders proved nearly all of section 三, until
    branch ``w-joint`` found those readings hold no report (a blank needing two values)."""
    doc, text, _ = build_case(TWO)
    why, _ = _blanks(TWO)
    proof = blank_proof(TWO, doc, text)
    _prove_jointly(proof, why, 4)
    proven = {p for p, w in why.items() if w == UNSETTLEABLE}
    section = {p for p in why if p.startswith("/applications/")}
    assert len(section) >= 150
    assert len(section & proven) == 0


UNITS = Case(660988857, ("unit_words",), "one_line_blanks")
"""A dump dropping blank cells whose section 三 prints unit words after some counts and is left
blank by the import (seed 2026 of the harness): the search for a covering reading runs out of
steps among the readings it tries first."""


def test_a_reading_grown_from_the_truths_where_the_search_runs_out() -> None:
    """Each run, in turn, reads otherwise where its relations stay as consistent as the
    truth's, the other runs as read so far: (a) and (b) checked whole; but the reading holds no
    report (its blanks cannot hold its relations together), so the proof refuses it (branch
    ``w-joint``; before, a T')."""
    doc, text, _ = build_case(UNITS)
    why, _ = _blanks(UNITS)
    proof = blank_proof(UNITS, doc, text)
    cover = cover_of(doc, "applications", _base_cells(proof, "applications"))
    assert cover is not None
    targets = {tuple(p.split("/")[2:]) for p in why if p.startswith("/applications/")}
    grown = cover._climbed(targets)  # type: ignore[arg-type]
    assert grown is not None
    reading = {("applications", *cell): grown[i][k] for cell, (i, k) in cover.joint.where.items()
               if cell not in cover.held}
    moved = frozenset(p for (t, r, c), v in reading.items()
                      if (p := f"/{t}/{r}/{c}") in why and v != doc.truth[p])
    assert len(moved) >= 10
    alternative = with_changes(proof.base, reading)
    assert as_consistent(relation_findings(alternative), proof.full, proof.drops)  # (b)
    assert proof.render(dict(reading))[1] == text  # (a)
    assert not holds_together(alternative, "applications")  # (c) proven to fail
    assert proof.attempt(dict(reading), moved) == dict.fromkeys(moved, BREAKS_RELATION)


def test_a_section_with_unit_words_is_proven_further() -> None:
    """Reproducer: before, the search for a covering reading ran out of steps and the case's
    16 renders proved 28 of its 135 blanks; grown from the truth's reading, 80 and more, until
    branch ``w-joint`` found the grown readings hold no report: 11 now."""
    doc, text, _ = build_case(UNITS)
    why, _ = _blanks(UNITS)
    proof = blank_proof(UNITS, doc, text)
    _prove_jointly(proof, why, 16)
    assert sum(w == UNSETTLEABLE for w in why.values()) == 11
