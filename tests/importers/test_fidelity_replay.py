"""The proofs' rebuild of an alternative report replays what the damages chose on the case.

The harness proves a cell indistinguishable or unsettleable only with an alternative report T'
whose rebuilt document is byte for byte the damaged one (docs/fidelity.md). A damage drawing
among the cells holding a number draws among other cells once T' fills a blank; the rebuild
therefore takes the damages' recorded choices (:mod:`benchmarks.fidelity_harness.replay`): the
same cells, else the same places among as many candidates, else it fails; where the same cells
print otherwise, the same places first.
"""

from __future__ import annotations

from collections import Counter

import pytest

from benchmarks.fidelity_harness import DAMAGES, Case, build_case, run_case
from benchmarks.fidelity_harness.cases import _generated, _rebuilt, _render, proven
from benchmarks.fidelity_harness.compare import Wrong
from benchmarks.fidelity_harness.damage import ONLY_FORMS, applies
from benchmarks.fidelity_harness.replay import Unreplayable
from benchmarks.fidelity_harness.unsettled import (
    PRINTS_OTHERWISE,
    UNSETTLEABLE,
    relation_findings,
    stated,
    with_changes,
)

DROPPED_13 = Case(2370898345, ("two_numbers",), "one_line_blanks")
"""Section 二's administrative_fees row of a crawl that drops blank cells prints ``13`` for a
blank and 13; two_numbers chose two cells of section 三 (the open reproducer until the replay)."""
FEES = ("proactive", "administrative_fees")
READ = {(*FEES, "items_last_year"): 1, (*FEES, "change_this_year"): 3}
"""What the importer reads there: a report stating 1 and 3."""


@pytest.mark.parametrize("kind", sorted(DAMAGES))
@pytest.mark.parametrize("form", ["tab_rows", "one_line_blanks", "docx"])
def test_replaying_the_recorded_choices_on_the_same_report_prints_the_case_again(
        kind: str, form: str) -> None:
    if not applies(kind, form):
        form = min(ONLY_FORMS[kind])
    for seed in range(3):
        case = Case(seed, (kind,), form)
        doc, text, _ = build_case(case)
        again, replayed, _ = _render(case, {}, replay=doc.choices.replayed())
        assert replayed == text, seed
        assert again.truth == doc.truth, seed


def test_a_report_stating_1_and_3_prints_the_dump_of_the_blank_and_13() -> None:
    doc, text, _ = build_case(DROPPED_13)
    assert [doc.truth["/" + "/".join(cell)] for cell in READ] == [None, 13]
    alternative, replayed, _ = _render(DROPPED_13, READ, replay=doc.choices.replayed())
    assert replayed == text  # byte for byte
    # drawing again, two_numbers draws among one more cell holding a number: other cells
    assert _render(DROPPED_13, READ)[1] != text
    # and the report stating 1 and 3 is as consistent with the form's arithmetic
    base = _generated(DROPPED_13)
    read = with_changes(base, READ)
    assert relation_findings(read) == relation_findings(base)
    assert relation_findings(stated(read, alternative.truth)) == relation_findings(
        stated(base, doc.truth))


def test_the_two_cells_read_1_and_3_are_indistinguishable_and_no_other_is_wrong() -> None:
    tally = run_case(DROPPED_13).tally
    assert tally is not None
    assert tally.wrong == ()
    assert sorted((w.pointer, w.got, w.truth) for w in tally.indistinguishable) == [
        ("/proactive/administrative_fees/change_this_year", "3", "13"),
        ("/proactive/administrative_fees/items_last_year", "1", None)]


def test_a_choice_the_alternative_cannot_take_fails_the_rebuild() -> None:
    # two_numbers chose this cell for its number; blank in T' (and no other cell filled: fewer
    # candidates), the choice has nowhere to go, and nothing is drawn anew
    doc, text, _ = build_case(DROPPED_13)
    chosen = ("applications", "granted", "social_welfare_org")
    assert ("/" + "/".join(chosen),) in [k for c in doc.choices.made for k, _, _ in c.chosen]
    with pytest.raises(Unreplayable):
        _render(DROPPED_13, {chosen: None}, replay=doc.choices.replayed())
    imported = with_changes(_generated(DROPPED_13), {chosen: None})
    wrong = [Wrong("/" + "/".join(chosen), "", "x")]
    assert not proven(DROPPED_13, text, imported, wrong, doc.choices)


def test_a_choice_of_every_candidate_does_not_replay_where_there_are_more() -> None:
    # unit_words at the rate 1.0: every number prints a unit word; a report filling a blank
    # would print one there too, so the recorded choice does not stand for it
    case = Case(6, ("unit_words",), "tab_rows")
    doc, _, _ = build_case(case)
    [choice] = doc.choices.made
    assert choice.every
    assert doc.truth["/applications/new_this_year/natural_person"] is None
    with pytest.raises(Unreplayable):
        _render(case, {("applications", "new_this_year", "natural_person"): 5},
                replay=doc.choices.replayed())


def test_a_blank_moved_along_a_glued_row_keeps_the_unit_words_on_the_same_numbers() -> None:
    # a crawl with blank cells and a unit word after each number: a cut of a row with its
    # blank elsewhere leaves a cell that printed a unit word blank, as many numbers printed;
    # the choice is taken at the same places among as many candidates (the rebuild before the
    # replay drew the same, and proved these blanks); since the covering readings over worded
    # rows (branch w-unit) move the blanks of many rows at once, 34 (14 before); 31 since the
    # importer places these rows' gaps in the order the header's words allow (branch w-rows):
    # it reads two of the 34 (3.危及“三安全一稳定” 自然人 4, （六） 科研机构 0), whose joint
    # witnesses hold no report: each needs a blank to take two values at once (（七）'s blank
    # 商业企业 3 by 一+二 = （七）+四 and at least 7 by its column sum; （六）'s blank 科研机构 1
    # by its row total and 0 by its column), which the proof, each relation's finding apart,
    # does not see (gapbounds.feasible finds both infeasible); a third, （六） 总计, is now
    # "breaks a relation"; 24 since the proof accepts a witness only when its blanks are shown
    # to take values holding its relations together (branch w-joint): the covering readings
    # that proved the other seven each need a blank to take two values at once
    case = Case(324904974, ("column_order", "unit_words", "narrative_states"), "one_line_blanks")
    tally = run_case(case).tally
    assert tally is not None and tally.wrong == ()
    assert Counter(b.why for b in tally.blanks)[UNSETTLEABLE] == 24


def test_where_the_same_cells_print_otherwise_the_same_places_are_replayed_too() -> None:
    # a crawl with blank cells, unit words on a fifth of the numbers: a row 1, -, 0, 0, 0, 0, 1
    # read as 1, 0, 0, 0, 0, 1, - prints the same numbers; the unit words on the same cells
    # print them elsewhere, at the same places among as many candidates they print the same
    case = Case(1003355161, ("unit_words",), "one_line_blanks")
    doc, text, _ = build_case(case)
    row = ("applications", "denied_third_party_rights")
    columns = ("natural_person", "commercial_enterprise", "research_institution",
               "social_welfare_org", "legal_service_org", "other_org", "total")
    assert [doc.truth[f"/{row[0]}/{row[1]}/{c}"] for c in columns] == [1, None, 0, 0, 0, 0, 1]
    moved = {(*row, c): v for c, v in zip(columns, (1, 0, 0, 0, 0, 1, None), strict=True)}
    assert _render(case, moved, replay=doc.choices.replayed())[1] != text
    assert _render(case, moved, replay=doc.choices.replayed(places_first=True))[1] == text
    assert _rebuilt(case, moved, text, doc.choices)[1] == text
    # a replay taking every choice where the first took it is not rendered again
    with pytest.raises(Unreplayable):
        _render(case, {}, replay=doc.choices.replayed(places_first=True))


def test_section_three_in_another_order_keeps_the_unit_words_at_their_printed_places() -> None:
    # unit_words chose cells before column_order printed them: rebuilt in another order with
    # the values moved with their columns, each unit word is on the cell printed at its place
    case = Case(3588245935, ("unit_words", "column_order"), "cell_per_line")
    tally = run_case(case).tally
    assert tally is not None and tally.wrong == ()
    found = Counter((b.code, b.why) for b in tally.blanks)
    assert found[("header.unordered", UNSETTLEABLE)] == 47
    assert found[("header.unordered", PRINTS_OTHERWISE)] == 0
