"""Digits under a header allowing several column orders (``importers/standin.py``): split with
one order standing in when the table's relations cannot tell the orders apart; only the columns
every order agrees on are read."""

from __future__ import annotations

from benchmarks.fidelity_harness import Case, build_case, compare
from gi_report import read_document
from gi_report.form import TEMPLATES
from gi_report.importers.blanks import blank_cells
from gi_report.importers.standin import stand_in, symmetric

SPEC = TEMPLATES["2021"].table("applications")
ROW = "granted"
FORM = tuple((ROW, c.id) for c in SPEC.columns)


def _order(*columns: str) -> tuple[tuple[str, str], ...]:
    return tuple((ROW, c) for c in columns)


def test_applicant_columns_exchanged_keep_every_relation() -> None:
    natural, commercial, research, welfare, legal, other, total = (c for _, c in FORM)
    orders = [
        _order(welfare, natural, commercial, research, legal, other, total),
        _order(welfare, commercial, natural, research, legal, other, total),
        _order(welfare, commercial, research, natural, legal, other, total),
    ]
    assert symmetric(SPEC, orders)
    found = stand_in(SPEC, orders)
    assert found is not None
    split_by, hidden = found
    assert split_by == list(orders[0])
    # the columns every order puts at the same position are read; the others are not
    assert hidden == [(ROW, natural), (ROW, commercial), (ROW, research)]


def test_the_total_column_moved_is_not_interchangeable() -> None:
    natural, *middle, total = (c for _, c in FORM)
    orders = [_order(natural, *middle, total), _order(total, *middle, natural)]
    assert not symmetric(SPEC, orders)
    assert stand_in(SPEC, orders) is None
    assert stand_in(SPEC, [FORM]) is None  # one order: nothing to stand in for


def test_a_one_line_dump_with_applicant_columns_exchanged_reads_the_settled_columns() -> None:
    # the organisations' group printed twice, its five columns shared between the two in a way
    # the labels do not say: before, every cell of section 三 was blank (header.unordered)
    doc, text, kind = build_case(Case(1483781023, ("column_order",), "one_line"))
    assert isinstance(text, str)
    result = read_document(text.encode("utf-8"), kind=kind, warn=False)
    tally = compare(doc.truth, result.report)
    assert tally.wrong == ()
    section = result.report.applications
    assert section is not None
    read = {f"/applications/{r}/{c}" for r, c, v in section.cells() if v is not None}
    settled_columns = {f"/applications/{r.id}/{c}" for r in SPEC.rows
                       for c in ("social_welfare_org", "other_org", "total")}
    assert settled_columns <= read  # three columns settled in every row
    # the others only where every order the labels allow splits them to one value
    same = {p for n in result.with_code("header.same_value") for p in n.cells}
    assert read - settled_columns == same
    assert same and same.isdisjoint(settled_columns)
    reasons = {b.pointer: b.code for b in blank_cells(result)}
    assert {reasons[f"/applications/{r.id}/natural_person"] for r in SPEC.rows
            if f"/applications/{r.id}/natural_person" not in same} == {"header.unordered"}
