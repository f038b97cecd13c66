"""Covering readings of a table whose counts print a unit word (:mod:`benchmarks.fidelity_harness.
worded`): each number stays where its word ends it, the blanks of a dump that drops them move
along the row; every rendered reading prints the damaged document byte for byte and is as
consistent as the truth, and a cell the arithmetic settles over these readings is never proven."""

from __future__ import annotations

from itertools import combinations

from benchmarks.fidelity_harness import Case, build_case
from benchmarks.fidelity_harness.cases import blank_proof
from benchmarks.fidelity_harness.compare import imported_cells
from benchmarks.fidelity_harness.completion import holds_together
from benchmarks.fidelity_harness.document import Document
from benchmarks.fidelity_harness.joint import (
    Cell,
    Joint,
    Rel,
    Run,
    relations,
    status,
    table_truth,
)
from benchmarks.fidelity_harness.unsettled import (
    BREAKS_RELATION,
    UNSETTLEABLE,
    _base_cells,
    _prove_covered,
    as_consistent,
    blanks_of,
    relation_findings,
    stated,
    with_changes,
)
from benchmarks.fidelity_harness.worded import (
    WordedLister,
    WordedRun,
    worded_cover,
    worded_runs,
)
from gi_report import read_document

EVERY_WORDED = Case(1062703593, ("unit_words",), "one_line_blanks")
"""Every count printed with a unit word (``2050项1个6件4件2239个`` over seven cells), a third of
the cells blank and printed as nothing: each row's numbers are plain, which cells are blank is
not. Before, the cover kept each number in its worded cell and proved 32 of 139 blanks."""
SETTLED = Case(3840161558, ("unit_words", "cell_missing", "table_numbering", "title_broken"),
               "one_line_blanks")
"""A dump with unit words on some counts whose section 三 leaves cells that every worded reading
as consistent as the truth gives one value."""

CELLS = (("r", "a"), ("r", "b"), ("r", "c"), ("r", "d"))


def _why(case: Case, *, gapped: bool = False) -> tuple[Document, str | bytes, dict[str, str]]:
    """The case's blanks; ``gapped``: with the cells the arithmetic placed in rows lacking a
    cell (``row.gap``) taken as blank too, as the importer left them before it placed unit-word
    rows under a two-level header (branch w-rows): more cells for the proof to be tested on."""
    doc, text, kind = build_case(case)
    result = read_document(text.encode() if isinstance(text, str) else text, kind=kind,
                           warn=False)
    got = imported_cells(result.report)
    if gapped:
        got.update(dict.fromkeys(
            (c for n in result.notices if n.code == "row.gap" for c in n.cells), None))
    return doc, text, blanks_of(doc.truth, got)


def test_a_number_stays_where_its_word_ends_it() -> None:
    """``12个5`` over four cells: 12 and 5 in order, two blanks anywhere; never 1 and 25 (a
    number across the word) nor 1, 2 and 5 (three numbers where two are printed)."""
    run = WordedRun(CELLS, "125", cuts=(2,), counts=(1, 1))
    readings = WordedLister(run, [], 1000).listed()
    expected = set()
    for places in combinations(range(4), 2):
        values: list[int | None] = [None] * 4
        values[places[0]], values[places[1]] = 12, 5
        expected.add(tuple(values))
    assert set(readings) == expected and len(readings) == 6


def test_a_stretch_holds_as_many_numbers_as_printed() -> None:
    """``125个`` over four cells where two numbers print before the word: 1 and 25, or 12 and
    5, never 125 alone nor three numbers."""
    run = WordedRun(CELLS, "125", cuts=(3,), counts=(2, 0))
    readings = set(WordedLister(run, [], 1000).listed())
    numbers = {tuple(v for v in r if v is not None) for r in readings}
    assert numbers == {(1, 25), (12, 5)}
    assert len(readings) == 2 * 6


def test_the_relations_inside_a_run_prune_its_readings() -> None:
    run = WordedRun(CELLS, "325", cuts=(1, 2, 3), counts=(1, 1, 1, 0))
    total = Rel(left=(("r", "d"),), right=(("r", "a"), ("r", "b"), ("r", "c")), broken=False)
    readings = WordedLister(run, [total], 1000).listed()
    assert (3, 2, None, 5) in readings and (None, 3, 2, 5) in readings
    assert (3, 2, 5, None) in readings  # the total blank: not evaluable
    assert all(status([r[3]], list(r[:3])) != "failed" for r in readings)
    assert len(readings) == 4


def test_a_row_printing_every_count_with_a_word_is_one_run() -> None:
    doc, _, _ = build_case(EVERY_WORDED)
    found = worded_runs(doc, "applications")
    assert found is not None
    _, runs, held = found
    assert not held
    assert all(len({r for r, _ in run.cells}) == 1 and len(run.cells) == 7 for run in runs)
    first = runs[0]
    assert first.digits == "2050164" + "2239" and first.counts == (1, 1, 1, 1, 1, 0)
    assert first.cuts == (4, 5, 6, 7, 11)


def test_a_table_printing_no_word_has_no_worded_runs() -> None:
    doc, _, _ = build_case(Case(2253366259, ("cell_missing",), "one_line_blanks"))
    assert worded_runs(doc, "applications") is None


def test_a_worded_covering_reading_prints_the_same_bytes_but_holds_no_report() -> None:
    """The reading moves blanks along many rows at once; rendered, it prints the damaged document
    byte for byte (the words replayed on the numbers at the same places) and is as consistent
    as the truth one relation at a time, both as generated and as the document states it; but
    its blanks cannot take values holding its relations together, so the proof refuses it
    (branch ``w-joint``; before, a T')."""
    doc, text, why = _why(EVERY_WORDED)
    proof = blank_proof(EVERY_WORDED, doc, text)
    targets = {(r, c) for p in why if p.startswith("/applications/")
               for _, _, r, c in [p.split("/")]}
    cover = worded_cover(doc, "applications", _base_cells(proof, "applications"))
    assert cover is not None
    reading = cover.reading(targets)
    assert reading is not None
    moved = {p for (t, r, c), v in reading.items()
             if (p := f"/{t}/{r}/{c}") in why and v != doc.truth[p]}
    assert len(moved) >= 50
    again, text_again, _ = proof.render(dict(reading))
    assert text_again == text  # (a)
    alternative = with_changes(proof.base, reading)
    assert as_consistent(relation_findings(alternative), proof.full, proof.drops)  # (b)
    assert as_consistent(relation_findings(stated(alternative, again.truth)), proof.shown,
                         proof.drops)
    assert not holds_together(alternative, "applications")  # (c) proven to fail
    assert proof.attempt(dict(reading), frozenset(moved)) == dict.fromkeys(moved, BREAKS_RELATION)


def test_the_worded_cover_proves_what_the_printed_runs_could_not() -> None:
    """Reproducer: before, the whole proof (16 renders) proved 32 of this dump's 139 blanks (the
    numbers held in their worded cells left the cover no other reading); now the covering
    readings alone proved 100 and more, until branch ``w-joint`` found they hold no report: 12
    now."""
    doc, text, why = _why(EVERY_WORDED)
    assert len(why) == 139
    _prove_covered(blank_proof(EVERY_WORDED, doc, text), why, 16)
    assert sum(w == UNSETTLEABLE for w in why.values()) == 12


def _settled(doc: Document, table: str, targets: set[Cell]) -> set[Cell]:
    """The ``targets`` every worded reading of ``table`` as consistent as the truth gives the
    truth's value (every reading of every run listed; a search over its bound: not settled)."""
    found = worded_runs(doc, table)
    assert found is not None
    spec, runs, held = found
    truth = table_truth(doc, table)
    joint = Joint([*runs, *(Run((c,), "") for c in held)], relations(spec, truth))
    for i, run in enumerate(runs):
        inner = [joint.rels[n] for n in joint.touching[i]
                 if set(joint.rels[n].cells) <= set(run.cells)]
        joint.domains.append(WordedLister(run, inner, 200_000).listed())
    joint.domains += [[(v,)] for v in held.values()]
    joint.filtered()
    out = set()
    for cell in targets & set(joint.where):
        i, k = joint.where[cell]
        domains = list(joint.domains)
        domains[i] = [r for r in domains[i] if r[k] != truth.get(cell)]
        if not domains[i] or joint.search(domains) is None:
            out.add(cell)
    return out


def test_a_cell_every_worded_reading_settles_is_never_proven() -> None:
    """Soundness: the cells of section 三 that every worded reading as consistent as the truth
    gives one value are not proven by the covering readings (the other blanks of the table are
    proven or not, never these)."""
    doc, text, why = _why(SETTLED, gapped=True)
    targets = {(r, c) for p in why if p.startswith("/applications/")
               for _, _, r, c in [p.split("/")]}
    settled = _settled(doc, "applications", targets)
    assert len(settled) >= 10
    _prove_covered(blank_proof(SETTLED, doc, text), why, 16)
    assert all(why[f"/applications/{r}/{c}"] != UNSETTLEABLE for r, c in settled)
