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

