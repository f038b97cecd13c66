"""The harness's proof that a blank cell is unsettleable (:mod:`benchmarks.fidelity_harness.
unsettled`), checked on both sides with real harness cases: a blank proven (another report, as
consistent with the form's relations, prints the damaged document byte for byte) and blanks not
proven (the alternative prints otherwise, or breaks a relation the truth keeps)."""

from __future__ import annotations

import random

import attrs

from benchmarks.fidelity_harness import Case, build_case, run_case
from benchmarks.fidelity_harness.batches import Budget, Part, _one_per_row, parts, prove_batched
from benchmarks.fidelity_harness.cases import blank_proof
from benchmarks.fidelity_harness.compare import imported_cells
from benchmarks.fidelity_harness.unsettled import (
    BREAKS_RELATION,
    MAX_TRIES,
    PRINTS_OTHERWISE,
    UNSETTLEABLE,
    Proof,
    _interleaved,
    _merged,
    _number,
    _printed_runs,
    _row_cuts,
    _splits,
    as_consistent,
    blanks_of,
    moved_findings,
    printed_order,
    relation_findings,
    reorderings,
    same_header_orders,
    with_changes,
)
from gi_report import read_document, validate
from gi_report.form import TEMPLATES
from gi_report.synthetic import random_report
from gi_report.validation.arithmetic import plan_for

CRAWL = Case(2675342405, (), "one_line")
"""A crawl dump whose section 二 row prints ``1060`` for three cells stated 10, 6 and 0."""
REGULATIONS = ("proactive", "regulations")


def _why(case: Case, pointer: str) -> str:
    outcome = run_case(case)
    assert outcome.tally is not None
    return next(b.why for b in outcome.tally.blanks if b.pointer == pointer)


def test_a_blank_proven_unsettleable_has_an_alternative_printing_the_same_bytes() -> None:
    doc, text, _ = build_case(CRAWL)
    cells = [(*REGULATIONS, c) for c in ("made_this_year", "published_this_year",
                                          "total_published")]
    assert [doc.truth["/" + "/".join(c)] for c in cells] == [10, 6, 0]
    assert "1060" in str(text)
    proof = blank_proof(CRAWL, doc, text)
    alternative = dict(zip(cells, (1, 0, 60), strict=True))  # T': 1, 0 and 60 print 1060 too
    again, text_again, _ = proof.render(alternative)
    assert text_again == text  # (a) byte for byte, the same draws
    assert again.truth["/proactive/regulations/made_this_year"] == 1  # ≠ 10: another value
    report = with_changes(proof.base, alternative)
    assert relation_findings(report) == proof.full  # (b) section 二 has no relation to break
    assert proof.attempt(dict(alternative), frozenset({"/proactive/regulations/made_this_year"})
                         ) == {"/proactive/regulations/made_this_year": UNSETTLEABLE}
    assert _why(CRAWL, "/proactive/regulations/made_this_year") == UNSETTLEABLE


def test_a_blank_whose_alternative_prints_otherwise_is_not_proven() -> None:
    # HTML lacking a cell of a row of three zeros: which zero is lacking is not printed, but the
    # reading "the first is lacking" rebuilt with the same draws prints an empty first cell.
    case = Case(2787324501, ("cell_missing",), "html")
    pointer = "/proactive/administrative_coercion/items_last_year"
    doc, text, _ = build_case(case)
    proof = blank_proof(case, doc, text)
    row = ("proactive", "administrative_coercion")
    alternative = {(*row, "items_last_year"): None, (*row, "change_this_year"): 0,
                   (*row, "decisions"): 0}
    assert proof.consistent(dict(alternative)) is not None
    assert proof.render(alternative)[1] != text
    assert proof.attempt(dict(alternative), frozenset({pointer})) == {pointer: PRINTS_OTHERWISE}
    # proven all the same by the alternative whose crawl lost the first zero instead
    # (:mod:`benchmarks.fidelity_harness.elsewhere`): that one prints the same bytes
    assert _why(case, pointer) == UNSETTLEABLE


def test_a_blank_whose_alternative_breaks_a_relation_is_not_proven() -> None:
    # HTML lacking a cell of section 三: the other placement blanks a cell the truth states,
    # and the row total and column sum through it are no longer evaluable.
    case = Case(4051686260, ("cell_missing",), "html")
    pointer = "/applications/new_this_year/research_institution"
    doc, text, _ = build_case(case)
    proof = blank_proof(case, doc, text)
    alternative = {("applications", "new_this_year", "research_institution"): None}
    report = with_changes(proof.base, alternative)
    assert relation_findings(report) != proof.full
    assert proof.consistent(dict(alternative)) is None
    assert proof.attempt(dict(alternative), frozenset({pointer})) == {pointer: BREAKS_RELATION}
    # proven all the same by the alternative whose crawl lost this cell instead of 商业企业
    # (:mod:`benchmarks.fidelity_harness.elsewhere`): it prints the same bytes, and only the
    # sums through the two lost cells differ, each not evaluable in one of the two reports
    assert _why(case, pointer) == UNSETTLEABLE


def test_condition_b_rejects_an_alternative_that_breaks_a_relation() -> None:
    doc, text, _ = build_case(CRAWL)
    proof = blank_proof(CRAWL, doc, text)
    cell = ("applications", "new_this_year", "total")
    value = proof.base.applications["new_this_year", "total"]
    assert isinstance(value, int)
    changes = {cell: value + 1}  # the row total and the column sums through it break
    broken = relation_findings(with_changes(proof.base, changes))
    assert broken - proof.full  # the alternative has a failed relation the truth has not
    pointer = "/applications/new_this_year/total"
    assert proof.attempt(dict(changes), frozenset({pointer})) == {pointer: BREAKS_RELATION}


def _validated(report: object) -> set[tuple[str, tuple[str, ...], str]]:
    found = validate(report, select=("gi.sum",)).findings  # type: ignore[arg-type]
    return {(f.table or "", tuple(sorted(f.pointers)), f.status.value) for f in found}


def _ours(report: object) -> set[tuple[str, tuple[str, ...], str]]:
    out = set()
    for table_id, index, status in relation_findings(report):  # type: ignore[arg-type]
        spec = report.tables[table_id].spec  # type: ignore[attr-defined]
        out.add((table_id, tuple(sorted(plan_for(spec).relations[index].pointers)), status))
    return out


def test_relation_findings_are_what_validate_finds() -> None:
    rng = random.Random(11)
    for i in range(12):
        report = random_report(rng, template=sorted(TEMPLATES)[i % len(TEMPLATES)],
                               blank_rate=(0, 0.1, 0.4)[i % 3])
        table = report.applications
        row_id, column_id, value = next(c for c in table.cells() if c[2] is not None)
        if i % 4 == 0 and isinstance(value, int):
            report = report.with_table(table.with_cell(row_id, column_id, value + 3))
        assert _ours(report) == _validated(report)


DROPPING = Case(2253366259, ("cell_missing",), "one_line")
"""A crawl dump lacking a cell of section 三 (it drops cells), whose section 四 prints
``120030012300022``: the review row 1, 2, 0, 0, 3 prints as 12, 0, 0, 3 and a blank total too."""
REVIEW = ("review_litigation", "administrative_review")


def test_a_dump_that_drops_cells_admits_an_alternative_leaving_a_relation_unevaluable() -> None:
    doc, text, _ = build_case(DROPPING)
    proof = blank_proof(DROPPING, doc, text)
    assert proof.drops
    cells = [(*REVIEW, c) for c in ("upheld", "corrected", "other", "pending", "total")]
    assert [doc.truth["/" + "/".join(c)] for c in cells] == [1, 2, 0, 0, 3]
    alternative = dict(zip(cells, (12, 0, 0, 3, None), strict=True))
    found = relation_findings(with_changes(proof.base, alternative))
    assert found != proof.full  # the review total is not evaluable in T'
    assert {status for _, _, status in found ^ proof.full} == {"not_evaluable"}
    assert proof.render(alternative)[1] == text  # the blank total prints as nothing
    pointer = "/review_litigation/administrative_review/upheld"
    assert proof.attempt(dict(alternative), frozenset({pointer})) == {pointer: UNSETTLEABLE}
    assert _why(DROPPING, pointer) == UNSETTLEABLE
    # the same alternative is not accepted where nothing is printed as nothing
    strict = attrs.evolve(proof, drops=False)
    assert strict.attempt(dict(alternative), frozenset({pointer})) == {pointer: BREAKS_RELATION}


def test_as_consistent_admits_only_unevaluable_differences_and_only_where_cells_drop() -> None:
    truth = frozenset({("applications", 3, "failed")})
    unevaluable = truth | {("review_litigation", 0, "not_evaluable")}
    assert as_consistent(truth, truth, drops=False)
    assert as_consistent(unevaluable, truth, drops=True)
    assert as_consistent(truth, unevaluable, drops=True)
    assert not as_consistent(unevaluable, truth, drops=False)
    assert not as_consistent(truth | {("review_litigation", 0, "failed")}, truth, drops=True)
    assert not as_consistent(frozenset({("applications", 3, "not_evaluable")}), truth,
                             drops=True)  # a failed relation is never traded away


def test_row_cuts_come_with_the_fewest_blank_cells_first() -> None:
    cuts = list(_splits("12003", 5))
    assert cuts[0] == (1, 2, 0, 0, 3)  # nothing dropped
    blanks = [sum(v is None for v in cut) for cut in cuts]
    assert blanks == sorted(blanks)
    assert (12, 0, 0, 3, None) in cuts[:12]
    assert len(set(cuts)) == len(cuts)
    assert all("".join("" if v is None else str(v) for v in cut) == "12003" for cut in cuts)


def test_among_cuts_with_as_many_blanks_the_one_moving_the_most_blanks_comes_first() -> None:
    # section 四 printed as one run in a dump lacking cells of section 三: among the cuts with
    # one blank cell, those giving the most of the blank cells another value come first, so
    # the case's tries prove the whole row after review (the arithmetic cannot prefer its
    # printed split: a cell the dump dropped may sit anywhere in the run)
    case = Case(172971221, ("extra_section", "cell_missing", "label_typo"), "one_line")
    row = {f"/review_litigation/litigation_after_review/{c}"
           for c in ("upheld", "corrected", "other", "pending", "total")}
    doc, _, _ = build_case(case)
    (printed,) = _printed_runs(doc, frozenset(row))
    cuts = list(_row_cuts(doc, printed, frozenset(row)))
    blanks = [sum(v is None for v in changes.values()) for changes, _ in cuts]
    assert blanks == sorted(blanks)
    for n in set(blanks):
        moved = [len(m) for (_, m), k in zip(cuts, blanks, strict=True) if k == n]
        assert moved == sorted(moved, reverse=True)
    proven = {b.pointer for b in run_case(case).tally.blanks if b.why == UNSETTLEABLE}
    assert proven >= row


UNORDERED = Case(1894488586, ("title_broken", "header_broken", "column_order", "unit_words"),
                 "one_line")
"""Section 三 printed with a commercial-enterprise column before the natural-person one: the
dump's header prints the group label twice and its five leaves after them, which another share
of the leaves between the group's two parts prints alike (``header.unordered``)."""


def test_a_column_order_whose_header_prints_alike_proves_header_unordered_blanks() -> None:
    doc, text, _ = build_case(UNORDERED)
    proof = blank_proof(UNORDERED, doc, text)
    printed = printed_order(doc)
    assert printed is not None and printed[:2] == ("commercial_enterprise", "natural_person")
    orders = list(same_header_orders(proof.base.applications.spec, printed))
    assert orders and all(sorted(o) == sorted(printed) for o in orders)
    targets = frozenset(p for p in doc.truth if p.startswith("/applications/"))
    changes, moved, order = next(reorderings(proof, targets))
    assert order in orders and moved
    assert proof.render(dict(changes), order)[1] == text  # (a) byte for byte
    assert proof.render(dict(changes))[1] != text  # not with the drawn order
    assert set(proof.attempt(dict(changes), moved, order).values()) == {UNSETTLEABLE}
    assert _why(UNORDERED, "/applications/new_this_year/natural_person") == UNSETTLEABLE


STARVED = Case(1958577400, ("column_order",), "one_line_blanks")
"""A crawl with blank cells whose header prints the group label twice (four column orders): the
alternatives of single rows, tried first, used up the case's renders before any other column
order was rendered, and the blanks of whole columns stayed ``breaks a relation``."""


def test_other_column_orders_are_rendered_before_the_rows_alternatives() -> None:
    outcome = run_case(STARVED)
    assert outcome.tally is not None
    why = {b.pointer: b.why for b in outcome.tally.blanks if b.code == "header.unordered"}
    row = [f"/applications/new_this_year/{c}" for c in (
        "natural_person", "research_institution", "social_welfare_org", "legal_service_org")]
    assert all(why[p] == UNSETTLEABLE for p in row)
    assert sum(w == UNSETTLEABLE for w in why.values()) >= 60


RELABELLED = Case(127995594, ("column_order",), "pipe_rows")
"""Section 三 in a dump printing cells apart, its header allowing four column orders, the report
holding blank cells: another order prints the same bytes, but puts a blank in another column,
so a column sum the truth leaves not evaluable is another relation there."""


def test_another_column_order_moving_a_blank_is_accepted_with_its_findings_moved() -> None:
    """No relation of the form tells the applicant columns apart: a report whose values moved
    with the columns finds what the truth finds, moved with them (the same relations broken or
    not evaluable, renamed), and the arithmetic cannot prefer either. Compared by relation
    index alone (before) it was rejected; compared moved by any other order, it still is."""
    doc, text, _ = build_case(RELABELLED)
    proof = blank_proof(RELABELLED, doc, text)
    targets = frozenset(p for p in doc.truth if p.startswith("/applications/"))
    changes, moved, order = next(reorderings(proof, targets))
    assert order is not None
    assert moved and proof.render(dict(changes), order)[1] == text  # (a) holds
    found = relation_findings(with_changes(proof.base, changes))
    assert found != proof.full and len(found) == len(proof.full)  # the same count, renamed
    assert {status for _, _, status in found ^ proof.full} == {"not_evaluable"}
    assert proof.consistent(dict(changes), moved_columns=True) is None  # by index: not (b)
    assert proof.consistent(dict(changes), moved_columns=True, order=order) is not None
    printed = printed_order(doc)
    assert printed is not None and printed != order
    assert proof.consistent(dict(changes), moved_columns=True, order=printed) is None
    outcome = proof.attempt(dict(changes), moved, order)
    assert outcome and set(outcome.values()) == {UNSETTLEABLE}


def test_findings_move_with_the_applicant_columns_never_with_the_total() -> None:
    spec = TEMPLATES["2021"].table("applications")
    relations = [c.relation for c in plan_for(spec).relations]
    applicants = [c.id for c in spec.columns if c.id != "total"][:2]
    swap = {applicants[0]: applicants[1], applicants[1]: applicants[0]}
    sums = [i for i, r in enumerate(relations)
            if {c.column for c in (*r.left, *r.right)} == {applicants[0]}]
    assert sums
    found = frozenset(("applications", i, "not_evaluable") for i in sums)
    moved = moved_findings(found, spec, swap)
    assert moved is not None and moved != found and len(moved) == len(found)
    assert all({c.column for c in (*relations[i].left, *relations[i].right)} == {applicants[1]}
               for _, i, _ in moved)
    assert moved_findings(moved, spec, swap) == found  # the swap undone
    row_total = next(i for i, r in enumerate(relations)  # a row's total = its applicants' sum
                     if "total" in (columns := {c.column for c in (*r.left, *r.right)})
                     and len(columns) > 2)
    total_moved = {"total": applicants[0], applicants[0]: "total"}
    assert moved_findings(frozenset({("applications", row_total, "failed")}), spec,
                          total_moved) is None


def test_row_cuts_keep_a_sign_at_the_start_of_a_number() -> None:
    cuts = set(_splits("0-70", 3))
    assert (0, -7, 0) in cuts and (0, -70, None) in cuts
    assert all(v is None or v >= 0 or str(v).startswith("-") for cut in cuts for v in cut)
    assert not any(cut == (0, 7, 0) for cut in cuts)  # the sign is printed: never dropped
    assert _number("7-") is False and _number("-0") is False and _number("-") is False


SIGNED = Case(1735985196, ("cell_missing",), "one_line")
"""A crawl dump lacking a cell: section 二's licensing row prints ``0-70`` (0, -7, 0), and its
section 四 prints the review row's zeros glued to the litigation rows."""


def test_a_signed_row_and_section_four_as_one_printed_run_are_cut_too() -> None:
    doc, _, _ = build_case(SIGNED)
    targets = frozenset(p for p in doc.truth if p.startswith("/review_litigation/"))
    runs = _printed_runs(doc, targets)
    assert [len(run) for run in runs] == [15]  # the three form rows printed as one row
    outcome = run_case(SIGNED)
    assert outcome.tally is not None
    why = {b.pointer: b.why for b in outcome.tally.blanks}
    assert why["/proactive/administrative_licensing/change_this_year"] == UNSETTLEABLE


def test_alternatives_of_distinct_rows_are_proven_together_in_one_render() -> None:
    doc, text, kind = build_case(SIGNED)
    result = read_document(text.encode("utf-8") if isinstance(text, str) else text, kind=kind,
                           warn=False)
    proof = blank_proof(SIGNED, doc, text)
    targets = frozenset(p for p, v in doc.truth.items()
                        if v is not None and imported_cells(result.report).get(p) is None)
    batch = _merged(proof, _interleaved(proof, result.notices, targets), targets)
    assert batch is not None
    changes, moved = batch
    assert len({cell[:2] for cell in changes}) >= 5  # rows of sections 二 and 四 at once
    assert set(proof.attempt(dict(changes), moved).values()) == {UNSETTLEABLE}


def test_a_column_order_alternative_keeps_its_values_for_the_removed_cells() -> None:
    doc, text, _ = build_case(DROPPING)
    proof = blank_proof(DROPPING, doc, text)
    removed = next(c for c in proof.removed if c[0] == "applications")
    value = proof.base.tables[removed[0]][removed[1], removed[2]]
    assert isinstance(value, int)
    # the whole table's columns moved: a removed cell's value is printed elsewhere then
    changes = {removed: value + 1}
    kept = proof.consistent(dict(changes), moved_columns=True)
    dropped = proof.consistent(dict(changes))
    assert dropped is not None  # the value of a cell printing nowhere is ignored
    assert dropped.tables[removed[0]][removed[1], removed[2]] == value
    assert kept is None  # kept whole, not adjusted: the row total breaks
    moved = proof.consistent({removed: value}, moved_columns=True)
    assert moved is not None and moved.tables[removed[0]][removed[1], removed[2]] == value


def test_a_unit_word_merged_into_its_amount_is_not_a_cell_printed_as_nothing() -> None:
    case = Case(2599155392, ("narrative_between", "unit_words", "part_numbering",
                             "column_order"), "one_line")
    doc, text, _ = build_case(case)
    proof = blank_proof(case, doc, text)
    assert proof.removed == (("proactive", "centralized_procurement", "unit"),)
    assert not proof.drops


HALVED = Case(346705521, (), "one_line_blanks")
"""A crawl with blank cells whose first batch of alternatives (one per row) is not proven
whole: some row's alternative spoils the render."""


def _batch_case(case: Case) -> tuple[Proof, dict[str, str], list[Part]]:
    doc, text, kind = build_case(case)
    result = read_document(text.encode("utf-8") if isinstance(text, str) else text, kind=kind,
                           warn=False)
    proof = blank_proof(case, doc, text)
    why = blanks_of(doc.truth, imported_cells(result.report))
    targets = frozenset(why)
    return proof, why, parts(proof, _interleaved(proof, result.notices, targets), targets, why)


def test_a_batch_one_row_spoils_is_halved_and_its_other_rows_proven() -> None:
    proof, why, found = _batch_case(HALVED)
    batch, _ = _one_per_row(found)
    assert len({row for part in batch for row in part.rows}) >= 4
    changes: dict[tuple[str, str, str], object] = {}
    for part in batch:
        changes.update(part.changes)
    moved = frozenset().union(*(part.moved for part in batch))
    whole = proof.consistent(dict(changes))  # type: ignore[arg-type]
    assert whole is None or set(proof.prints_same(
        whole, changes, moved).values()) != {UNSETTLEABLE}  # type: ignore[arg-type]
    budget = Budget(MAX_TRIES)
    prove_batched(proof, list(batch), why, budget)
    proven = {p for p, w in why.items() if w == UNSETTLEABLE}
    assert len(proven & moved) >= 10  # the halves without the spoiling row, one render each
    assert budget.tries >= 0



LOST_TOTAL = Case(2917996797, ("page_break_row_lost",), "one_line_blanks")
"""A crawl with blank cells whose page break lost section 三's total row (（七）总计): the
granted row prints ``1000001`` for 1, 0, 0, 0, 0, 0 and 1."""
_COLUMNS = ("natural_person", "commercial_enterprise", "research_institution",
            "social_welfare_org", "legal_service_org", "other_org", "total")


def test_a_row_the_damage_removed_may_be_blank_in_an_alternative_of_a_dump_that_drops_cells(
) -> None:
    doc, text, _ = build_case(LOST_TOTAL)
    proof = blank_proof(LOST_TOTAL, doc, text)
    assert proof.drops
    lost = [("applications", "results_total", c) for c in _COLUMNS]
    assert set(lost) <= set(proof.removed)
    cells = [("applications", "granted", c) for c in _COLUMNS]
    assert [doc.truth["/" + "/".join(c)] for c in cells] == [1, 0, 0, 0, 0, 0, 1]
    # 10, 0, 0, 0, 0, 1 and a blank total print 1000001 too; the lost total row cannot be
    # given values that keep both its column sums and 一+二 = 七+四; blank, it breaks neither
    # relation by itself (branch w-dropped), but its blanks must still take values holding the
    # relations together (branch w-joint, "Unsettleable, defined" (c)), which is the same
    # impossible completion: the alternative is tried with the row blank, and refused
    alternative = dict(zip(cells, (10, 0, 0, 0, 0, 1, None), strict=True))
    blanked = proof._removed_blank(dict(alternative))
    assert all(blanked.tables["applications"][r, c] is None for _, r, c in lost)
    assert proof.consistent(dict(alternative)) is None
    pointer = "/applications/granted/natural_person"
    assert proof.attempt(dict(alternative), frozenset({pointer})) == {pointer: BREAKS_RELATION}
    strict = attrs.evolve(proof, drops=False)  # where no cell prints as nothing: not tried
    assert strict.attempt(dict(alternative), frozenset({pointer})) == {pointer: BREAKS_RELATION}


def test_blanking_the_removed_cells_never_excuses_a_relation_they_are_not_in() -> None:
    doc, text, _ = build_case(LOST_TOTAL)
    proof = blank_proof(LOST_TOTAL, doc, text)
    cells = [("applications", "granted", c) for c in _COLUMNS]
    # 10, 0, 0, 0, 0, a blank and 1 print 1000001 too, but the row's stated total 1 is below
    # its stated part 10: the row total fails whatever the lost total row holds
    alternative = dict(zip(cells, (10, 0, 0, 0, 0, None, 1), strict=True))
    assert proof.consistent(dict(alternative)) is None
    pointer = "/applications/granted/natural_person"
    assert proof.attempt(dict(alternative), frozenset({pointer})) == {pointer: BREAKS_RELATION}


def test_a_removed_unit_word_is_never_blanked_in_an_alternative() -> None:
    doc, text, _ = build_case(LOST_TOTAL)
    proof = blank_proof(LOST_TOTAL, doc, text)
    unit = ("proactive", "centralized_procurement", "unit")
    assert unit in proof.removed  # printed glued to its amount (元), not as a cell of its own
    cells = [("applications", "granted", c) for c in _COLUMNS]
    changes: dict[tuple[str, str, str], object] = dict(
        zip(cells, (10, 0, 0, 0, 0, 1, None), strict=True))
    found = proof._removed_blank(changes)  # type: ignore[arg-type]
    assert unit not in changes and found.tables[unit[0]][unit[1], unit[2]] is not None
    # blanked, the unit would print otherwise: the amount would lose its 元
    assert proof.render({unit: None})[1] != text
