"""A caption of several section 二 rows printed as one run, its labels apart (issue 10:
``detached_labels`` in a crawl that drops blank cells): a wholly blank row prints nothing and
nothing shows it missing, so the run is read as the caption's rows only when its digits cannot
be the other rows alone (:func:`~gi_report.importers.captionrows.unsettled`); else blank."""

from __future__ import annotations

import pytest

from benchmarks.fidelity_harness import Case, build_case, compare
from benchmarks.fidelity_harness.cases import _render
from gi_report import read_document
from gi_report.form import get_template
from gi_report.importers.blocks import Location
from gi_report.importers.captionrows import unsettled
from gi_report.importers.rows import DataRow, Header, Slot

SPEC = get_template("2019").table("proactive")
NEW = get_template("2021").table("proactive")


def test_a_caption_run_that_may_lack_a_wholly_blank_row_is_blank() -> None:
    # item 1's 010010 under its two rows of three counts is 0, 1, 0, 0, 1, 0, or a wholly blank
    # row (a crawl prints nothing for it, and the labels printed apart show no row missing)
    # and 0, 1001, 0: which rows the digits belong to is not known, so both rows are blank
    case = Case(1080517428, ("detached_labels",), "one_line")
    doc, text, kind = build_case(case)
    assert isinstance(text, str)
    result = read_document(text.encode(), kind=kind, warn=False)
    assert not compare(doc.truth, result.report).wrong
    cells = {f"/proactive/{r.id}/{c}" for r in SPEC.rows[:2] for c in r.columns}
    assert all(result.report.proactive[r.id, c] is None for r in SPEC.rows[:2] for c in r.columns)
    dropped = [n for n in result.notices if n.code == "split.dropped" and n.found == "010010"]
    assert len(dropped) == 1 and set(dropped[0].cells) == cells



def _row(spec_rows: tuple[str, ...], text: str) -> DataRow:
    """A number-only row printing ``text`` under the caption of ``spec_rows``."""
    groups = {r.group for r in SPEC.rows if r.id in spec_rows}
    return DataRow(labels=[], values=[Slot(text, 0, 0, Location(), False)],
                   location=Location(), header=Header(), groups=groups, match=None, found=None)


@pytest.mark.parametrize(("rows", "text", "unsure"), [
    # item 1 (two rows of three counts): 0, 1001, 0 for one row as well
    (("regulations", "normative_documents"), "010010", True),
    # six zeros cannot be three counts (no number starts with 0): both rows printed
    (("regulations", "normative_documents"), "000000", False),
    (("regulations", "normative_documents"), "000050", False),
    # two signs, one signed column a row: both rows printed
    (("administrative_penalty", "administrative_coercion"), "0-800-80", False),
    # one sign: one row of three cells (count, signed, count) holds it too: 161196048, -742, 0
    (("administrative_penalty", "administrative_coercion"), "161196048-7420", True),
])
def test_unsettled(rows: tuple[str, ...], text: str, unsure: bool) -> None:
    assert unsettled(SPEC, _row(rows, text)) is unsure


def test_a_wholly_blank_first_row_is_not_read_from_the_second_rows_digits() -> None:
    # item 6 of the 2021 layout: penalty blank, coercion 48; the crawl prints 48 under the
    # caption's two rows of one count: before, read as penalty 4 and coercion 8 (wrong)
    case = Case(104, ("detached_labels",), "one_line_blanks")
    doc, text, kind = _render(case, {("proactive", "administrative_penalty",
                                      "decisions_this_year"): None,
                                     ("proactive", "administrative_coercion",
                                      "decisions_this_year"): 48})
    assert doc.truth["/proactive/administrative_coercion/decisions_this_year"] == 48
    assert isinstance(text, str)
    result = read_document(text.encode(), kind=kind, warn=False)
    assert not compare(doc.truth, result.report).wrong
    for row in ("administrative_penalty", "administrative_coercion"):
        assert result.report.proactive[row, "decisions_this_year"] is None
    assert any(n.code == "split.dropped" and n.found == "48" for n in result.notices)
