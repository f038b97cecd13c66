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
from gi_report.importers.layoutfit import supported
from gi_report.importers.normalize import core

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
