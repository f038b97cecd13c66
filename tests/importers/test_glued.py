"""A numbered row label the crawler's exact tokens miss, glued onto the value before it (issue 10).

``…0182.没有公成…``: the ``2`` is the label's number, not a digit of the value. Labels here come
from the form; the typo doubles a character of the official label.
"""

from __future__ import annotations

from benchmarks.fidelity_harness import Case, build_case, compare
from benchmarks.fidelity_harness.compare import imported_cells
from gi_report import read_document
from gi_report.form import TEMPLATES
from gi_report.importers.glued import marker_digits
from gi_report.importers.normalize import split_marker

SPEC = list(TEMPLATES.values())[-1].table("applications")
ROW = next(r for r in SPEC.rows if r.id == "unable_needs_creation")
NUMBER, CORE = split_marker(ROW.label)


def _typo(label: str) -> str:
    """The label with its third character printed twice."""
    return label[:3] + label[2:]


def test_the_glued_number_goes_back_to_a_typo_label() -> None:
    assert NUMBER is not None
    label = "." + _typo(CORE)
    assert marker_digits("001017018" + str(NUMBER[1]), label, "applications") == 1


def test_a_label_without_a_mark_takes_no_digit() -> None:
    assert marker_digits("0010170182", _typo(CORE), "applications") == 0


def test_text_that_names_no_row_leaves_the_value_unread() -> None:
    assert marker_digits("0010170182", ".abcdefghij", "applications") is None


def test_a_number_not_the_rows_own_is_not_taken() -> None:
    assert NUMBER is not None
    wrong = str(NUMBER[1] + 3)
    assert marker_digits("001017018" + wrong, "." + _typo(CORE), "applications") is None


def test_an_unknown_glued_label_leaves_the_row_before_blank_never_wrong() -> None:
    """The label replaced by text of no row: the digits before it cannot lose their last one
    with any certainty, so the previous row's cells stay blank."""
    doc, text, kind = build_case(Case(2830286816, (), "one_line"))
    assert isinstance(text, str) and CORE in text
    text = text.replace(CORE, "abcdefghijkl", 1)
    result = read_document(text.encode("utf-8"), kind=kind, warn=False)
    tally = compare(doc.truth, result.report)
    assert tally.wrong == ()
    previous = SPEC.rows[SPEC.rows.index(ROW) - 1]
    got = imported_cells(result.report)
    assert [got[f"/applications/{previous.id}/{c.id}"] for c in SPEC.columns] == [
        None] * len(SPEC.columns)
