"""One-line crawl dumps whose row labels carry a typo: the label is found whole, its digits are
its row's (never a cell of text, narrative or another row's digits).

The crawl cutter matches the form's labels exactly; a label with a typo is no token, so its
text must be told from the digits around it: a remark cut short by a column word, a numbered
label right after a group label, a row label numbered like a section heading, and a numbering
digit glued onto the digits before it. Each is read only when the text names exactly one row of
the form, numbered as printed.
"""

from __future__ import annotations

import itertools

import pytest

from benchmarks.fidelity_harness import Case, build_case, compare
from gi_report import read_document
from gi_report.form import TEMPLATES
from gi_report.form.spec import RowSpec, TableSpec
from gi_report.importers.blocks import Location
from gi_report.importers.normalize import core, label_key
from gi_report.importers.text import _crawl_table

CASES = [
    # （二）'s remark with a character doubled, cut by the column word inside it
    pytest.param(Case(48666531, ("label_typo",), "one_line"), "partially_granted", id="remark"),
    # 1.… of （五） with a character dropped, right after the group label
    pytest.param(Case(2531467402, ("label_typo",), "one_line"), "not_processed_petition_complaint",
                 id="after-group"),
    # 四、… (the carried-over row) with a character doubled: a row, not a section heading
    pytest.param(Case(3095070433, ("label_typo",), "one_line"), "carried_to_next_year",
                 id="numbered-like-a-heading"),
    # 3.… with a character doubled, its number glued onto the digits before it
    pytest.param(Case(1515726030, ("label_typo",), "one_line"), "other_misc",
                 id="marker-glued"),
    # 3.… with a character changed, after a row whose last number, printed with no unit word,
    # ends in a space (``2011件004 3.危及…``): the number stays its row's, not lost text
    pytest.param(Case(2673890346, ("label_typo", "unit_words", "extra_section"), "one_line"),
                 "denied_security_stability", id="after-unit-words"),
]


@pytest.mark.parametrize(("case", "row"), CASES)
def test_a_row_label_with_a_typo_keeps_its_digits(case: Case, row: str) -> None:
    doc, text, kind = build_case(case)
    result = read_document(text.encode("utf-8") if isinstance(text, str) else text,
                           kind=kind, warn=False)
    assert compare(doc.truth, result.report).wrong == ()
    table = result.report.tables["applications"]
    truth = {p: v for p, v in doc.truth.items() if p.startswith(f"/applications/{row}/")}
    assert truth
    assert {p: table[row, p.rsplit("/", 1)[1]] for p in truth} == truth
    assert any(n.code == "label.fuzzy" and any(f"/{row}/" in p for p in n.cells)
               for n in result.notices)


def _spec() -> TableSpec:
    return next(iter(TEMPLATES.values())).table("applications")


def _numbered(style: str) -> list[RowSpec]:
    out = []
    for r in _spec().rows:
        marker = label_key(r.label).marker
        if marker is not None and marker[0] == style:
            out.append(r)
    return out


def _typo(label: str) -> str:
    """The label with its last character but one printed twice."""
    return label[:-1] + label[-2] + label[-1]


def _labels(text: str) -> list[str]:
    table = _crawl_table(text, "applications", 0, Location(), 0, [])
    return [c.text for row in table.rows for c in row if c is not None]


def test_a_heading_numbered_row_label_with_a_typo_is_a_row() -> None:
    [carried] = [r for r in _numbered("cn") if r.id == "carried_to_next_year"]
    label = _typo(carried.label)
    assert _labels(_spec().row("results_total").label + "12 " + label + "34") == [
        _spec().row("results_total").label, "12", label, "34"]


def test_a_numbering_digit_glued_to_digits_goes_back_to_its_label() -> None:
    """A numbered label holding a column word (so the cutter finds the word, not the label),
    printed with a typo right after the digits of the row before it."""
    spec = _spec()
    words = [core(c.label) for c in spec.columns]
    rows = _numbered("num")
    pairs = [(a, b) for a, b in itertools.pairwise(rows)
             if label_key(b.label).marker is not None and label_key(b.label).marker != (
                 "num", 1) and any(w and w in core(b.label) for w in words)]
    assert pairs
    first, second = pairs[0]
    label = _typo(second.label)
    assert _labels(first.label + "120" + label + "34") == [first.label, "120", label, "34"]


def test_the_total_row_with_its_numbering_dropped_is_a_row() -> None:
    """The total row printed without its numbering reads like the total column's header word:
    right after a row's value and right before digits it is the row."""
    spec = _spec()
    total = spec.row("results_total")
    word = core(total.label)
    assert any(core(c.label) == word for c in spec.columns)
    before = spec.rows[spec.row_position("results_total") - 1]
    assert _labels(before.label + "0010001" + word + "259356216300") == [
        before.label, "0010001", word, "259356216300"]


def test_a_column_word_before_the_first_row_stays_a_header() -> None:
    spec = _spec()
    word = core(spec.row("results_total").label)
    table = _crawl_table(word + "12", "applications", 0, Location(), 0, [])
    assert [[c.text for c in row if c is not None] for row in table.rows] == [[word], ["12"]]


def test_a_number_after_a_unit_word_before_a_numbered_label_with_a_typo_is_the_rows() -> None:
    """The last number of a row printing unit words after some numbers has none; a numbered
    label after it that the cutter misses (a typo) ends the value there, as a label it finds
    does: the number is the row's last cell, never text of its own or a row without a label."""
    spec = _spec()
    unit = "件"  # a unit word (gi_report.form.units)
    first, second = spec.row("new_this_year"), spec.row("carried_from_last_year")
    label = _typo(second.label)
    assert _labels(first.label + f"454{unit}30319" + label + f"110{unit}2") == [
        first.label, f"454{unit}30319", label, f"110{unit}2"]
    third, fourth = spec.row("denied_prohibited_by_law"), spec.row("denied_security_stability")
    label = _typo(fourth.label)
    assert _labels(third.label + f"2011{unit}004 " + label + f"20100{unit}03") == [
        third.label, f"2011{unit}004", label, f"20100{unit}03"]


def test_the_number_before_a_numbered_label_with_a_typo_is_its_rows_last_cell() -> None:
    # 二、… with a character doubled, right after 一's last number, printed with no unit word
    # (``…303条19二、…``): the 19 is 一's total, not a row without a label
    case = Case(124171521, ("label_typo", "unit_words", "part_numbering", "heading_variant"),
                "one_line")
    doc, text, kind = build_case(case)
    result = read_document(text.encode("utf-8") if isinstance(text, str) else text,
                           kind=kind, warn=False)
    assert compare(doc.truth, result.report).wrong == ()
    table = result.report.tables["applications"]
    truth = {p: v for p, v in doc.truth.items() if p.startswith("/applications/new_this_year/")}
    assert truth["/applications/new_this_year/total"] == 19
    assert {p: table["new_this_year", p.rsplit("/", 1)[1]] for p in truth} == truth
    assert not any(n.code == "row.unlabelled" for n in result.notices)


def test_a_number_after_a_unit_word_before_a_sentence_is_still_cut_off() -> None:
    """Only a numbered label keeps the number: a decimal or words after it do not."""
    spec = _spec()
    unit = "件"  # a unit word (gi_report.form.units)
    first = spec.row("new_this_year")
    found = _labels(first.label + f"45{unit}2024年本机关")
    assert found[:2] == [first.label, f"45{unit}"]
