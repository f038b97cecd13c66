"""The proof's alternatives whose damage removed another cell of the removed cell's printed row
(:mod:`benchmarks.fidelity_harness.elsewhere`): proven only where the document prints the same
bytes and states the truth's relation findings (but for the sums through the cells lost, not
evaluable in one or the other); never for a cell the arithmetic settles."""

from __future__ import annotations

from benchmarks.fidelity_harness import Case, build_case, run_case
from benchmarks.fidelity_harness.cases import blank_proof
from benchmarks.fidelity_harness.compare import imported_cells
from benchmarks.fidelity_harness.elsewhere import (
    _consistent,
    _consistent_all,
    _pointer,
    as_lost_elsewhere,
    lost_cells,
    lost_here,
    pair_shifts,
    prove_elsewhere,
    prove_pairs,
    shifts,
)
from benchmarks.fidelity_harness.unsettled import (
    BREAKS_RELATION,
    NOT_EVALUABLE,
    UNSETTLEABLE,
    blanks_of,
    relation_findings,
    stated,
    with_changes,
)
from gi_report import read_document

LINES = Case(3281519965, ("cell_missing",), "cell_per_line")
"""Section 三's 行政查询事项 row printed one cell per line, its 法律服务机构 cell lost: six
numbers for seven cells, which the arithmetic does not place (``row.cell_count``)."""
GAP = Case(1041662553, ("cell_missing",), "tab_rows")
"""A tab dump whose 危及“三安全一稳定” row lost its 其他 cell: the arithmetic places the row's
自然人 and 总计 cells (``row.gap``), the others are blank."""
COLUMNS = Case(821748667, ("cell_missing",), "markdown")
"""A Markdown row of section 三 that lost a blank-valued cell's neighbour: another cell lost in
its place prints the same bytes, and leaves another column's sum not evaluable instead of the
lost cell's."""

ALIKE = Case(325598707, ("cell_missing",), "pipe_rows")
"""Two rows of section 三 printing ``0 | 0 | 1 | 0 | 0 | 1`` for seven cells, one lost its
法律服务机构 cell, the other its 科研机构 cell: moving one row's lost cell alone breaks the
社会公益组织 column's sum, which moving the other's mends."""
BLANK_LOST = Case(522249312, ("cell_missing",), "pipe_rows")
"""A pipe dump whose two rows each lost a cell that was blank: nothing the damage removed
states a value, yet the rows print six cells for seven."""

ZEROS = Case(1379866459, ("cell_missing",), "one_line")
"""A one-line dump whose 本机关不掌握相关政府信息 row lost its 社会公益组织 cell, all seven
zeros: ``000000`` for seven cells, any of them the lost one."""
SETTLED = Case(195616887, ("cell_missing",), "one_line")
"""A one-line dump whose 属于行政查询事项 row lost its 其他 cell (``000102``): the arithmetic
reads five of the row's cells, and any other cell lost instead breaks a relation."""


def _blanks(case: Case) -> tuple[dict[str, str], dict[str, object]]:
    doc, text, kind = build_case(case)
    data = text.encode("utf-8") if isinstance(text, str) else text
    got = imported_cells(read_document(data, kind=kind, warn=False).report)
    return blanks_of(doc.truth, got), got


def test_another_cell_lost_in_the_row_prints_the_same_bytes_and_proves_its_blanks() -> None:
    doc, text, _ = build_case(LINES)
    proof = blank_proof(LINES, doc, text)
    changes, removed, other = next(s for s in shifts(proof) if _consistent(proof, s[0], s[2]))
    again, text_again, _ = proof.render(changes, None, {_pointer(removed): _pointer(other)})
    assert text_again == text  # (a) byte for byte, the other cell not printed
    assert again.truth[_pointer(other)] is None and doc.truth[_pointer(removed)] is None
    why, _ = _blanks(LINES)
    assert prove_elsewhere(proof, why, 4) >= 1
    row = "/applications/denied_administrative_inquiry/"
    proven = {p for p, w in why.items() if w == UNSETTLEABLE}
    assert len([p for p in proven if p.startswith(row)]) >= 4
    # section 四 printed as one row lost a blank cell: its other cells may be the lost one
    assert all(p.startswith((row, "/review_litigation/")) for p in proven)


def test_a_cell_the_arithmetic_places_is_never_proven_by_another_lost_cell() -> None:
    doc, text, _ = build_case(GAP)
    proof = blank_proof(GAP, doc, text)
    why, got = _blanks(GAP)
    row = "/applications/denied_security_stability/"
    read = [row + c for c in ("natural_person", "total")]
    assert all(got[p] == doc.truth[p] is not None for p in read)  # placed by row.gap
    for changes, _, other in shifts(proof):
        if _consistent(proof, changes, other):
            # every T' the proof accepts keeps what the arithmetic settled
            assert all(changes.get(("applications", "denied_security_stability", p[len(row):]),
                                   doc.truth[p]) == doc.truth[p] for p in read)
    prove_elsewhere(proof, why, 16)
    assert not any(p in why for p in read)  # read, so no blank
    assert sum(why[p] == UNSETTLEABLE for p in why if p.startswith(row)) >= 2


def test_a_lost_cell_moved_to_another_column_leaves_only_its_own_sums_unevaluable() -> None:
    doc, text, _ = build_case(COLUMNS)
    proof = blank_proof(COLUMNS, doc, text)
    row = ("applications", "denied_internal_affairs")
    changes, removed, other = next(s for s in shifts(proof) if s[1][:2] == row
                                   and s[2][2] == "other_org")
    # named without the removed cell, the truth's sum through it is one T' does not excuse
    assert not _consistent(proof, dict(changes), other)
    assert _consistent(proof, changes, other, removed)
    _, text_again, _ = proof.render(changes, None, {_pointer(removed): _pointer(other)})
    assert text_again == text  # the same bytes, a column sum unevaluable in another column
    alternative = with_changes(proof.base, changes)
    stated_findings = relation_findings(stated(alternative, {
        **doc.truth, **{_pointer(c): v for c, v in changes.items()}, _pointer(other): None}))
    moved = stated_findings ^ proof.shown
    assert moved and moved <= {(t, i, NOT_EVALUABLE) for t, i in lost_here(proof, [removed, other])}
    result = proof.prints_same(alternative, changes, frozenset({_pointer(other)}),
                               dropped={_pointer(removed): _pointer(other)})
    assert result == {_pointer(other): BREAKS_RELATION}  # compared strictly without ``lost``
    outcome = run_case(COLUMNS)
    assert outcome.tally is not None
    why = {b.pointer: b.why for b in outcome.tally.blanks}
    assert why[_pointer(other)] == UNSETTLEABLE


def test_two_rows_printing_alike_prove_together_what_neither_proves_alone() -> None:
    doc, text, _ = build_case(ALIKE)
    proof = blank_proof(ALIKE, doc, text)
    social = [("applications", row, "social_welfare_org")
              for row in ("denied_prohibited_by_law", "unable_unclear_after_correction")]
    for changes, removed, other in shifts(proof):
        if any(changes.get(c, doc.truth[_pointer(c)]) != doc.truth[_pointer(c)]
               for c in social):
            assert not _consistent(proof, changes, other, removed)  # a 1 moved in alone
    pair = next(p for p in pair_shifts(proof) if all(
        p[0].get(c, doc.truth[_pointer(c)]) != doc.truth[_pointer(c)] for c in social)
        and _consistent_all(proof, p[0], p[1]))
    changes, moves = pair
    _, again, _ = proof.render(changes, None, {_pointer(r): _pointer(o) for r, o in moves})
    assert again == text  # both rows print the same bytes with the other cells lost
    why, _ = _blanks(ALIKE)
    used = prove_elsewhere(proof, why, 4)
    prove_pairs(proof, why, 4)
    assert used >= 1 and all(why[_pointer(c)] == UNSETTLEABLE for c in social)


def test_only_unevaluable_sums_through_the_lost_cells_may_differ() -> None:
    truth = frozenset({("applications", 35, NOT_EVALUABLE), ("review_litigation", 0,
                                                              NOT_EVALUABLE)})
    lost = frozenset({("applications", 35), ("applications", 37)})
    moved = frozenset({("applications", 37, NOT_EVALUABLE), ("review_litigation", 0,
                                                              NOT_EVALUABLE)})
    assert as_lost_elsewhere(moved, truth, lost)  # 35's sum holds in T', 37's is not evaluable
    assert as_lost_elsewhere(truth, truth, lost)
    failed = moved | {("applications", 37, "failed")}
    assert not as_lost_elsewhere(failed, truth, lost)  # a sum broken is never excused
    elsewhere = moved | {("applications", 36, NOT_EVALUABLE)}
    assert not as_lost_elsewhere(elsewhere, truth, lost)  # a sum through no lost cell
    assert not as_lost_elsewhere(moved - {("review_litigation", 0, NOT_EVALUABLE)}, truth, lost)


def test_a_lost_cell_blank_in_the_truth_is_moved_elsewhere_too() -> None:
    doc, text, _ = build_case(BLANK_LOST)
    proof = blank_proof(BLANK_LOST, doc, text)
    assert proof.removed == () and len(lost_cells(proof)) == 2
    outcome = run_case(BLANK_LOST)
    assert outcome.tally is not None and outcome.tally.blanks
    assert all(b.why == UNSETTLEABLE for b in outcome.tally.blanks)


def test_a_glued_row_lacking_a_cell_is_proven_by_another_cell_lost() -> None:
    doc, text, _ = build_case(ZEROS)
    proof = blank_proof(ZEROS, doc, text)
    assert proof.glued and proof.removed  # a one-line dump whose crawl lost a cell
    row = "/applications/unable_not_held/"
    changes, removed, other = next(s for s in shifts(proof)
                                   if _consistent(proof, s[0], s[2], s[1]))
    again, text_again, _ = proof.render(changes, None, {_pointer(removed): _pointer(other)})
    assert text_again == text  # (a) the same digits, another of the seven zeros lost
    assert again.truth[_pointer(other)] is None and doc.truth[_pointer(other)] == 0
    outcome = run_case(ZEROS)
    assert outcome.tally is not None
    mine = [b for b in outcome.tally.blanks if b.pointer.startswith(row)]
    assert len(mine) == 6 and all(b.why == UNSETTLEABLE for b in mine)


def test_a_glued_cell_the_arithmetic_reads_is_never_proven_by_another_lost_cell() -> None:
    doc, text, _ = build_case(SETTLED)
    proof = blank_proof(SETTLED, doc, text)
    why, got = _blanks(SETTLED)
    row = "/applications/denied_administrative_inquiry/"
    read = [row + c for c in ("natural_person", "commercial_enterprise",
                              "research_institution", "social_welfare_org", "total")]
    assert all(got[p] == doc.truth[p] is not None for p in read)  # split.unique
    here = [s for s in shifts(proof) if s[1][1] == "denied_administrative_inquiry"]
    assert len(here) == 6 and not any(_consistent(proof, c, o, r) for c, r, o in here)
    outcome = run_case(SETTLED)
    assert outcome.tally is not None
    why = {b.pointer: b.why for b in outcome.tally.blanks}
    # no shift of the lost cell proves 法律服务机构 (asserted above), nor the alternative with
    # the removed count blank (unsettled.Proof._removed_blank, branch w-dropped): its blanks
    # cannot take values holding the row's total and the column's sum together (branch w-joint)
    assert why.get(row + "legal_service_org") != UNSETTLEABLE  # its column's sum settles it
    assert all(p not in why for p in read)
