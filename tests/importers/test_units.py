"""Unit words inside value cells (``5个``, ``12.5万元``, issue 10 item 3): a unit ends the number
before it, so a crawl that runs a row's cells together with their units is read cell by cell;
an amount printed in another unit than its column's is not read."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.fidelity_harness import Case, build_case, compare
from gi_report import read_document
from gi_report.form.units import AMOUNT_UNITS, COUNT_UNITS
from gi_report.importers import values
from gi_report.importers.rows import value_text
from gi_report.importers.text import _VALUE_PREFIX
from gi_report.importers.values import run_segments

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def _tally(case: Case) -> tuple[int, int, int]:
    doc, text, kind = build_case(case)
    data = text.encode("utf-8") if isinstance(text, str) else text
    tally = compare(doc.truth, read_document(data, kind=kind, warn=False).report)
    return tally.right, tally.blank, len(tally.wrong)


def test_units_are_form_data_and_keep_their_old_import_path() -> None:
    assert values.AMOUNT_UNITS is AMOUNT_UNITS and values.COUNT_UNITS is COUNT_UNITS


@pytest.mark.parametrize(("text", "pieces"), [
    ("230 000023", ["230", "000023"]),
    ("15条2个70", ["15", "2", "70"]),
    ("5个12.5万元", ["5", "12.5万元"]),
    ("13575394432.52元", ["13575394432.52元"]),
    ("12万元3", None),  # an amount unit inside a run: not one row's digits
    ("3件x", None),
    ("约5件", None),
])
def test_a_unit_word_ends_the_number_before_it(text: str, pieces: list[str] | None) -> None:
    assert run_segments(text) == pieces


@pytest.mark.parametrize(("text", "is_value"), [
    ("0个0条0项", True), ("0项-4条0个", True), ("1件5438.2元", True), ("5件", True),
    ("规章", False), ("第三条", False), ("1.属于国家秘密", False), ("3件x", False),
])
def test_numbers_run_together_with_units_are_a_value_cell(text: str, is_value: bool) -> None:
    assert value_text(text) is is_value


def test_a_crawl_value_cell_goes_on_across_units_but_not_into_text() -> None:
    def prefix(text: str) -> str | None:
        m = _VALUE_PREFIX.match(text)
        return None if m is None else m.group(0)

    assert prefix("15条2个7个1项3项3项31条") == "15条2个7个1项3项3项31条"
    assert prefix("15条2个7") == "15条2个7"
    assert prefix("31条2023年本机关") == "31条"  # a year of the narrative is not a cell


def test_one_line_dump_with_units_on_every_cell_is_read_whole() -> None:
    # before: every row after its first unit read as a label (199 cells blank, row.cell_count)
    right, blank, wrong = _tally(Case(5, ("unit_words",), "one_line"))
    assert (blank, wrong) == (0, 0) and right > 150


def test_one_line_dump_with_units_on_some_cells_splits_the_rest() -> None:
    right, blank, wrong = _tally(Case(0, ("unit_words",), "one_line"))
    assert (blank, wrong) == (0, 0) and right > 150


def test_an_amount_in_another_unit_than_its_column_is_blank() -> None:
    html = (CORPUS / "2023-shuyang-drc.html").read_text(encoding="utf-8")
    html = html.replace('<td>行政事业性收费</td><td colspan="3">0</td>',
                        '<td>行政事业性收费</td><td colspan="3">3元</td>')
    result = read_document(html.encode("utf-8"), kind="html", warn=False)
    assert result.report.proactive.cell("administrative_fees", "amount_10k_yuan") is None
    pointer = "/proactive/administrative_fees/amount_10k_yuan"
    assert any(n.code == "cell.unreadable" and pointer in n.cells for n in result.notices)
    html = html.replace('<td colspan="3">3元</td>', '<td colspan="3">3万元</td>')
    result = read_document(html.encode("utf-8"), kind="html", warn=False)
    assert str(result.report.proactive.cell("administrative_fees", "amount_10k_yuan")) == "3"
