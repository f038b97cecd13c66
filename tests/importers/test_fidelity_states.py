"""The harness's ``narrative_states`` damage: the text states section 二 numbers (issue 10, item 4).

What the damage writes (agreeing, contradicting, subset and other statements), that its draws do
not depend on the values (the proof of indistinguishable cells rebuilds the case), and the
cases where the text evidence read a subset or another number as a statement of the row.
"""

from __future__ import annotations

import random

import pytest

from benchmarks.fidelity_harness import Case, build_case, run_case
from benchmarks.fidelity_harness.cases import _generated, _render
from benchmarks.fidelity_harness.document import build
from benchmarks.fidelity_harness.stated import (
    AGREE,
    CONTRADICT,
    OTHER,
    SUBSET,
    Said,
    Stated,
    narrative_states,
)
from gi_report import read_document

KIND = ("narrative_states",)


def _said(case: Case) -> list[Said]:
    doc, _, _ = build_case(case)
    return [s for b in doc.blocks if isinstance(b, Stated) for s in b.said]


@pytest.mark.parametrize("form", ["one_line", "html"])
def test_each_statement_is_printed_and_agrees_or_contradicts_as_recorded(form: str) -> None:
    kinds: set[str] = set()
    for seed in range(40):
        doc, text, _ = build_case(Case(seed, KIND, form))
        said = [s for b in doc.blocks if isinstance(b, Stated) for s in b.said]
        assert said, seed
        for s in said:
            assert isinstance(text, str) and s.sentence in text
            kinds.add(s.kind)
            if s.kind in (AGREE, CONTRADICT):
                assert s.pointer is not None
                assert (doc.truth[s.pointer] == s.value) is (s.kind == AGREE)
    assert kinds == {AGREE, CONTRADICT, SUBSET, OTHER}


def test_the_damage_draws_the_same_whatever_the_values() -> None:
    """The damages and the form after it draw the same on a report with other values (the
    proof of indistinguishable cells rebuilds the case with the values read)."""
    report = _generated(Case(3, KIND, "one_line"))
    spec = report.proactive.spec
    other = report.with_table(report.proactive.with_cell(
        "normative_documents", spec.row("normative_documents").columns[0], 987))
    after = []
    for r in (report, other):
        rng = random.Random(11)
        narrative_states(build(r), rng)
        after.append(rng.random())
    assert after[0] == after[1]


def test_a_contradicting_statement_the_import_follows_is_indistinguishable() -> None:
    """行政强制 printed ``0-110`` (0, -11, 0) and the text states 10 decisions, a number cut
    from the same digits: a report of 0, -1, 10 prints these bytes too. The import follows the
    text (the documented risk of item 4) and the proof finds the cells indistinguishable."""
    case = Case(1332049995, KIND, "one_line")
    [said] = _said(case)
    assert said.kind == CONTRADICT
    outcome = run_case(case, tries=0)
    assert outcome.tally is not None and outcome.tally.wrong == ()
    assert {w.pointer for w in outcome.tally.indistinguishable} == {
        "/proactive/administrative_coercion/change_this_year",
        "/proactive/administrative_coercion/decisions"}


def test_a_distractor_read_as_evidence_prints_other_bytes_on_the_rebuild() -> None:
    """A number beside a label that is none of the row's values: a reading that follows it
    makes it one, the rebuild cuts another number, and such a reading stays wrong."""
    case = Case(693551541, KIND, "one_line")
    assert OTHER in {s.kind for s in _said(case)}
    _, text, _ = build_case(case)
    row = ("proactive", "normative_documents")
    changes = {(*row, "published_this_year"): 63, (*row, "total_published"): 1}
    pointers = frozenset(f"/{'/'.join(cell)}" for cell in changes)
    assert _render(case, changes, pointers)[1] != text


@pytest.mark.parametrize("case", [
    pytest.param(Case(693551541, KIND, "one_line"), id="other-thing-beside-the-label"),
    pytest.param(Case(693551541, KIND, "one_line_blanks"), id="other-thing-blanks"),
    pytest.param(Case(2114288475, KIND, "one_line"), id="subset-of-the-row"),
    pytest.param(Case(3060597977, KIND, "one_line"), id="subset-signed-run"),
    # wrong in benchmarks/fidelity.py --seed 2027 --cases 1500 (清理<row>6941件, <row>备案审查43件)
    pytest.param(Case(1663529085, KIND, "one_line_blanks"), id="seed-2027-other-thing"),
    pytest.param(Case(2743576510, ("column_order", "narrative_between", "narrative_states"),
                      "one_line_blanks"), id="seed-2027-other-thing-combined"),
])
def test_reproducers_a_subset_or_another_number_settles_no_run(case: Case) -> None:
    """Before, ``split.by_text`` took these numbers as statements of the row: wrong cells."""
    outcome = run_case(case, tries=0)
    assert outcome.tally is not None
    assert outcome.tally.wrong == () and outcome.tally.indistinguishable == ()
    _, text, kind = build_case(case)
    data = text.encode("utf-8") if isinstance(text, str) else text
    result = read_document(data, kind=kind, warn=False)
    quoted = " ".join(n.message for n in result.with_code("split.by_text"))
    assert not any(s.sentence in quoted for s in _said(case) if s.kind in (SUBSET, OTHER))


def test_a_contradicting_statement_of_another_column_settles_nothing() -> None:
    """``011110`` under 行政许可 (0, 1111, 0) and the text states 111 as last year's items, a
    number no split gives that cell: before, the number was looked for in any cell and the
    split 0, 111, 10 taken (proven indistinguishable, seed 2071); the statement now names its
    column, fits no candidate, and the text is not used."""
    case = Case(1389261254, ("narrative_states", "page_break_row_lost", "label_typo"), "one_line")
    assert CONTRADICT in {s.kind for s in _said(case)}
    outcome = run_case(case, tries=0)
    assert outcome.tally is not None
    assert outcome.tally.wrong == () and outcome.tally.indistinguishable == ()


@pytest.mark.parametrize("case", [
    pytest.param(Case(3705217991, KIND, "one_line"), id="penalty-subset-as-row"),
    pytest.param(Case(3724978309, KIND, "one_line"), id="penalty-subset-as-row-2019"),
    pytest.param(Case(1122584885, KIND, "one_line_blanks"), id="documents-subset-as-row"),
    pytest.param(Case(3892727255, KIND, "one_line_blanks"), id="coercion-as-row-blanks"),
])
def test_reproducers_a_sentence_before_the_table_is_not_a_row(case: Case) -> None:
    """Section 二's text ``<row><column label>0件。<row>中11件为…。`` right before the table of a
    one-line dump: the column label in the first sentence was taken for the table's header, so
    the sentences were read as rows (``<row>中`` a fuzzy label, 11 its value): wrong cells in
    ``fidelity.py --seed 2070 --kinds narrative_states --forms one_line,one_line_blanks``. The
    section's lead prose now ends before the first header that is not inside a sentence."""
    outcome = run_case(case, tries=0)
    assert outcome.tally is not None
    assert outcome.tally.wrong == () and outcome.tally.indistinguishable == ()
