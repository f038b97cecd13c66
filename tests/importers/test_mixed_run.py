"""Section 二's runs of mixed kinds in a crawl that drops blank cells (issue 10, ``one_line``):
``03.147`` has one reading whatever was dropped — the count 0 and the amount 3.147 — and in
``0-11950`` every reading starts with the count 0, so those cells are read
(:mod:`gi_report.importers.mixedrun`); a cell the readings disagree on stays blank."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from benchmarks.fidelity_harness import Case, build_case, compare
from gi_report import read_document
from gi_report.form import get_template
from gi_report.form.spec import CellKind
from gi_report.importers import mixedrun
from gi_report.importers.blocks import Location
from gi_report.importers.digits import Run

COUNT, AMOUNT, SIGNED = CellKind.COUNT, CellKind.AMOUNT, CellKind.SIGNED_COUNT
NEW = get_template("2019").table("proactive")
OLD = get_template("2019").table("applications")
PROCUREMENT = NEW.row("centralized_procurement")


@pytest.mark.parametrize(("text", "found"), [
    # no count starts with 0 and 03.147 is no amount: the count is 0, the amount the rest
    ("03.147", [(0, Decimal("3.147"))]),
    ("061028", [(0, Decimal(61028))]),
    ("00.5", [(0, Decimal("0.5"))]),
    # an amount below 1 with nothing before it: the count printed nothing
    ("0.5", [(None, Decimal("0.5"))]),
    # 2 and 54.37, 25 and 4.37, or the count dropped: three readings
    ("254.37", [(None, Decimal("254.37")), (2, Decimal("54.37")), (25, Decimal("4.37"))]),
    # the amount dropped (a count alone) or the count dropped (an amount alone), or 1 and 2
    ("12", [(None, Decimal(12)), (1, Decimal(2)), (12, None)]),
    ("", [(None, None)]),
    ("0123", [(0, Decimal(123))]),
    # 0 and 012 (no amount), or 0012 alone: no reading (the document breaks the form)
    ("0012", []),
])
def test_readings(text: str, found: list[tuple[object, ...]]) -> None:
    assert sorted(mixedrun.readings((COUNT, AMOUNT), (text,)), key=str) == sorted(found, key=str)


def test_readings_with_a_signed_count_keep_the_printed_cuts() -> None:
    # 0-11950 under a count, a signed count and a count (the sign is a cut the document prints):
    # the first cell is 0 in every reading — -11950 is no count, and the signed count cannot
    # take 0 with -11950 left for a count
    found = mixedrun.readings((COUNT, SIGNED, COUNT), ("0", "-11950"))
    assert {r[0] for r in found} == {0}
    assert (0, -1195, 0) in found and (0, -11950, None) in found and (0, -1, 1950) in found
    # a number never spans the cut: 0-1 is not read as one piece
    assert all(r[1] is None or r[1] < 0 for r in found)
    # 013720: the count may be dropped (the signed count then 0), so nothing is agreed
    assert {r[0] for r in mixedrun.readings((COUNT, SIGNED, COUNT), ("013720",))} == {0, None}


def _run(spec_row: str, columns: tuple[str, ...], kinds: tuple[CellKind, ...], text: str) -> Run:
    return Run(cells=tuple((spec_row, c) for c in columns), kinds=kinds, segments=(text,),
               text=text, location=Location())


def test_only_the_cells_every_reading_agrees_on_are_settled() -> None:
    columns = tuple(PROCUREMENT.columns[:2])
    kinds = tuple(NEW.column(c).kind for c in columns)
    assert kinds == (COUNT, AMOUNT)
    settled = mixedrun.settle(NEW, [_run(PROCUREMENT.id, columns, kinds, "03.147"),
                                     _run(PROCUREMENT.id, columns, kinds, "254.37")])
    assert settled == {(PROCUREMENT.id, columns[0]): 0,
                       (PROCUREMENT.id, columns[1]): Decimal("3.147")}


def test_a_run_in_a_relation_of_counts_only_or_with_whitespace_is_not_read_here() -> None:
    row = OLD.rows[0]
    columns = tuple(row.columns[:2])
    assert not mixedrun.eligible(OLD, _run(row.id, columns, (COUNT, COUNT), "03"))
    columns = tuple(PROCUREMENT.columns[:2])
    # whitespace inside (a cell holding two numbers may straddle it): not read here
    spaced = attrs.evolve(_run(PROCUREMENT.id, columns, (COUNT, AMOUNT), "0 3.147"),
                          segments=("0", "3.147"), soft=(True,))
    assert not mixedrun.eligible(NEW, spaced)


@pytest.mark.parametrize("case", [
    # a cell of section 三 dropped: the dump drops cells, so section 二's splits are distrusted;
    # the procurement run 03.147万元 has one reading all the same
    Case(1735985196, ("cell_missing",), "one_line"),
    # a row of section 三 lost at a page break: the same for 0713.51万元
    Case(1933338230, ("page_break_row_lost",), "one_line"),
])
def test_a_procurement_run_with_one_reading_is_read_in_a_dump_that_drops_cells(case: Case
                                                                                ) -> None:
    doc, text, kind = build_case(case)
    assert isinstance(text, str)
    result = read_document(text.encode(), kind=kind, warn=False)
    assert not compare(doc.truth, result.report).wrong
    row = result.report.proactive
    count, amount = PROCUREMENT.columns[:2]
    assert row[PROCUREMENT.id, count] == 0
    assert row[PROCUREMENT.id, amount] == doc.truth[f"/proactive/{PROCUREMENT.id}/{amount}"]
    assert row[PROCUREMENT.id, amount] is not None
    assert any(n.code == "split.unique" and f"/proactive/{PROCUREMENT.id}/{count}" in n.cells
               for n in result.notices)
    assert not any(n.code == "split.dropped" and f"/proactive/{PROCUREMENT.id}/{count}" in n.cells
                   for n in result.notices)


def test_the_first_count_before_a_signed_count_is_read_in_a_dump_that_drops_cells() -> None:
    # a cell of section 三 dropped: section 二's splits are distrusted, yet 0-11950 under a
    # count, a signed count and a count starts with the count 0 in every reading, and 0772
    # under a count and a signed count is 0 and 772 (0772 is neither cell alone)
    case = Case(3191556462, ("cell_missing",), "one_line")
    doc, text, kind = build_case(case)
    assert isinstance(text, str)
    result = read_document(text.encode(), kind=kind, warn=False)
    assert not compare(doc.truth, result.report).wrong
    read = {f"/proactive/{r}/{c}" for r, c in [
        ("other_external_services", "items_last_year"), ("administrative_penalty",
                                                         "items_last_year"),
        ("administrative_coercion", "items_last_year"), ("administrative_fees", "items_last_year"),
        ("administrative_fees", "change_this_year")]}
    for name in read:
        _, table, row, column = name.split("/")
        assert result.report.tables[table][row, column] == doc.truth[name] is not None
    settled = [n for n in result.notices if n.code == "split.unique" and read & set(n.cells)]
    assert {c for n in settled for c in n.cells} >= read
    assert not any(read & set(n.cells) for n in result.notices if n.code == "split.dropped")
