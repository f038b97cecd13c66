"""A table's layout decided by its rows when no label of one layout alone decides it.

A section 三 in the layout with the single other-handling row, whose label is printed with a word
added, matches no label of either layout: the rows decide (one layout takes every printed row,
the arithmetic holds; the other leaves three rows missing), never a blank table.
"""

from __future__ import annotations

import pytest

from benchmarks.fidelity_harness import Case, build_case, compare
from gi_report import read_document
from gi_report.form import TEMPLATES
from gi_report.form.spec import RowSpec
from gi_report.importers.blocks import Location
from gi_report.importers.layoutfit import supported
from gi_report.importers.normalize import core, label_key
from gi_report.importers.text import _crawl_table

CASES = [
    pytest.param(Case(2890432976, ("label_variant",), "pipe_rows"), id="word-added-pipe-rows"),
    pytest.param(Case(2148488506, ("label_variant",), "cell_per_line"),
                 id="word-added-cell-per-line"),
]


def _single_other_row() -> tuple[str, RowSpec]:
    """The layout with one other-handling row of section 三, and that row."""
    for version, template in TEMPLATES.items():
        spec = template.table("applications")
        if any(r.id == "other_handling" for r in spec.rows):
            return version, spec.row("other_handling")
    raise AssertionError("no layout has a single other-handling row")


@pytest.mark.parametrize("case", CASES)
def test_a_table_whose_rows_fit_one_layout_only_is_read_in_it(case: Case) -> None:
    doc, text, kind = build_case(case)
    result = read_document(text.encode("utf-8") if isinstance(text, str) else text,
                           kind=kind, warn=False)
    version, _ = _single_other_row()
    assert result.report.tables["applications"].spec is TEMPLATES[version].table("applications")
    assert not result.with_code("table.layout_undecided")
    [decided] = result.with_code("table.layout_by_rows")
    assert version in decided.message
    tally = compare(doc.truth, result.report)
    assert tally.wrong == ()
    applications = [p for p in doc.truth if p.startswith("/applications/")]
    got = {f"/applications/{r}/{c}": v
           for r, c, v in result.report.tables["applications"].cells()}
    assert [p for p in applications if got.get(p) != doc.truth[p]] == []


def test_a_label_with_a_word_added_supports_its_row() -> None:
    _, row = _single_other_row()
    assert supported(row.label + "情况", row)
    assert supported(row.label + "数量", row)
    assert supported(row.label, row)


def test_a_label_numbered_otherwise_or_of_another_row_does_not() -> None:
    version, row = _single_other_row()
    assert not supported("（九）" + core(row.label), row)
    spec = TEMPLATES[version].table("applications")
    others = [r for r in spec.rows if r.id != row.id and core(r.label)
              and core(row.label) not in core(r.label) and core(r.label) not in core(row.label)]
    assert others
    assert not any(supported(r.label, row) for r in others)


ONE_LINE = [
    # a section 三 whose labels are listed apart, one of them with a typo: the typo'd label is a
    # label of its own, not the start of the numbered label after it
    pytest.param(Case(3121353797, ("label_typo", "detached_labels"), "one_line"),
                 id="typo-in-listed-label"),
    pytest.param(Case(2512198556, ("label_typo", "detached_labels", "title_broken"), "one_line"),
                 id="typo-in-listed-label-title-broken"),
    # the single other-handling row printed with a word added after its label (a group label
    # of the other layout): the word is the label's, the digits the row's
    pytest.param(Case(3077821429, ("label_variant",), "one_line"), id="word-after-group-label"),
]


@pytest.mark.parametrize("case", ONE_LINE)
def test_a_one_line_section_3_is_read_whole(case: Case) -> None:
    doc, text, kind = build_case(case)
    result = read_document(text.encode("utf-8") if isinstance(text, str) else text,
                           kind=kind, warn=False)
    assert compare(doc.truth, result.report).wrong == ()
    got = {f"/applications/{r}/{c}": v
           for r, c, v in result.report.tables["applications"].cells()}
    assert not result.with_code("row.missing") or all(
        not p.startswith("/applications/") for n in result.with_code("row.missing")
        for p in n.cells)
    wrong_or_blank = [p for p in doc.truth if p.startswith("/applications/")
                      and got.get(p) != doc.truth[p]]
    split = {p for n in result.notices if n.code.startswith("split.") and n.code != "split.unique"
             for p in n.cells}
    assert [p for p in wrong_or_blank if p not in split] == []


def test_a_typo_in_a_label_before_a_numbered_label_keeps_both_rows() -> None:
    """A crawl cut at the form's labels: a label with a typo (not a token) followed right away
    by a numbered label is a row of its own, never glued onto the next label."""
    spec = next(iter(TEMPLATES.values())).table("applications")
    numbered = [r for r in spec.rows if label_key(r.label).marker is not None
                and label_key(r.label).marker[0] == "num"]
    first, second, third = numbered[1:4]
    typo = second.label[:-1] + ("甲" if second.label[-1] != "甲" else "乙")
    table = _crawl_table(first.label + typo + third.label + " 123", "applications", 0,
                         Location(), 0, [])
    labels = [row[0].text for row in table.rows if row and row[0] is not None]
    assert labels == [first.label, typo, third.label]
