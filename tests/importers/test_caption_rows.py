"""Section 二 of a one-line crawl whose row labels are printed apart (issue 10:
``detached_labels``): each caption's header is followed by the digits of all its rows run
together, with no label. A caption of several rows is read as those rows in the form's order,
one run for the solver (:mod:`~gi_report.importers.captionrows`); a run with signs between its
numbers (a signed change column) is a row of numbers like digits alone."""

from __future__ import annotations

import pytest

from benchmarks.fidelity_harness import Case, build_case, compare
from gi_report import read_document
from gi_report.form import get_template
from gi_report.form.spec import RowSpec
from gi_report.importers.text import _signed_row
from tests.importers.test_blank_crawl_rows import _rows

SPEC = get_template("2019").table("proactive")


def test_numbers_with_signs_after_a_header_are_a_row_of_their_own() -> None:
    headers = [("header", c.label) for c in SPEC.columns if c.id in SPEC.rows[2].columns]
    rows = _rows([*headers, ("text", "0-701-21 ")])
    assert rows == [[label for _, label in headers], ["0-701-21"]]


@pytest.mark.parametrize(("text", "row"), [
    ("0-701-21", True), ("12+3", True), ("-5", True), ("0 -7 01", True),
    ("0701", False), ("-", False), ("1-", False), ("2023年-5", False), ("—", False),
    ("0件-7件0件1条-6项0条", True),  # each number with its unit word (seed 2027's crawl)
    ("0件0件1项", False), ("处理决定数量0件-2项", False), ("0件-2", False),
])
def test_signed_row(text: str, row: bool) -> None:
    assert _signed_row(text) is row


CASES = [
    # seed 2026 harness cases: section 二's captions of two rows were row.missing; item 1's
    # 010010 is blank since (also a wholly blank row and 0, 1001, 0: test below), the others
    # print two signs, which one row of one signed column cannot hold
    pytest.param(Case(1080517428, ("detached_labels",), "one_line"), SPEC.rows[2:],
                 id="every-row-of-two-signs"),
    # item 5 and 6's runs split several ways (1619601, 48-7420): blank, item 1's read
    pytest.param(Case(2301962666, ("detached_labels",), "one_line"), SPEC.rows[:2],
                 id="item-one-read"),
]


@pytest.mark.parametrize(("case", "read"), CASES)
def test_the_rows_of_a_caption_printed_as_one_run_are_read(case: Case, read: list[RowSpec]
                                                           ) -> None:
    doc, text, kind = build_case(case)
    data = text.encode("utf-8") if isinstance(text, str) else text
    result = read_document(data, kind=kind, warn=False)
    assert not compare(doc.truth, result.report).wrong
    for row in read:
        for column in row.columns:
            truth = doc.truth[f"/proactive/{row.id}/{column}"]
            assert result.report.proactive[row.id, column] == truth
    assert any(n.code == "row.detached" and len({c.split("/")[2] for c in n.cells}) == 2
               for n in result.notices)



UNIT_CASE = Case(2407072369, ("extra_section", "heading_variant", "detached_labels", "unit_words"),
                 "one_line")
"""Harness seed 2027: item 1's two rows printed as ``0项1项0条1个0项1项`` under their header."""


def _item_one(run: str | None = None) -> tuple[dict[str, object], dict[str, object], list[str]]:
    doc, text, _ = build_case(UNIT_CASE)
    assert isinstance(text, str) and "0项1项0条1个0项1项" in text
    if run is not None:
        text = text.replace("0项1项0条1个0项1项", run)
    result = read_document(text.encode("utf-8"), kind="text", warn=False)
    assert not compare(doc.truth, result.report).wrong
    rows = ("regulations", "normative_documents")
    read = {f"{r}/{c}": result.report.proactive[r, c] for r in rows
            for c in result.report.proactive.spec.row(r).columns}
    truth = {key: doc.truth[f"/proactive/{key}"] for key in read}
    codes = [n.code for n in result.notices
             if any(c.split("/")[2] in rows for c in n.cells if c.startswith("/proactive/"))]
    return read, truth, codes


def test_a_caption_run_whose_every_number_carries_its_unit_is_read() -> None:
    """Six numbers, each with its unit word, for two rows of three cells: each number is one
    cell, so no row can have been left out (before: its digits were also cut as one row of
    three, the rows blank)."""
    read, truth, codes = _item_one()
    assert read == truth
    assert "row.detached" in codes and "split.dropped" not in codes


def test_a_caption_run_of_one_row_of_unit_numbers_stays_blank() -> None:
    """Three numbers for two rows of three: one row was left out, which one is not printed."""
    read, _, codes = _item_one("0项1项0条")
    assert set(read.values()) == {None}
    assert "split.dropped" in codes
