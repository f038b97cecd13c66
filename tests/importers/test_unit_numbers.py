"""Numbers that each carry a unit word: a unit ends a number, and no digit it leaves is a cell.

A crawl dropping blank cells printed section 四 as ``…0件0件0个11项``, its last row four numbers
for five cells, and ``11项`` was cut into 1 and 1, a reading that holds the row total. Where
every number of a table carries its unit, such a row lacks a cell; where the table prints some
numbers without one, unitless cells glue onto the unit groups and are split as before.
"""

from __future__ import annotations

import re

import pytest

from benchmarks.fidelity_harness import Case, build_case
from gi_report import read_document
from gi_report.form import TEMPLATES
from gi_report.importers.unitnumbers import every_number_has_unit, unit_cells

BUG_RUN = "11个0项2个0项13项32项0个6件0项38件0件0件0个11项"
"""Section 四 as the crawl of issue 10's case printed it: fourteen numbers, a blank dropped."""


@pytest.mark.parametrize(("text", "numbers"), [
    ("0件0件0个11项", ["0", "0", "0", "11"]),
    ("15条2个7个", ["15", "2", "7"]),
    ("0件-16条", ["0", "-16"]),
    ("12.5万元", ["12.5"]),
    ("5个 7件", ["5", "7"]),
    ("０件１２个", ["0", "12"]),
    ("0012个", None),  # 0, 0 and 12个: unitless cells glued onto a unit group
    ("02个", None),
    ("11个0", None),  # the last number has no unit
    ("1 2个", ["1 2"]),  # a number with no unit before the space: two numbers in one cell
    ("约5件", None),
    ("", None),
])
def test_unit_cells_are_whole_numbers_each_ended_by_its_unit(
        text: str, numbers: list[str] | None) -> None:
    assert unit_cells(text) == numbers


@pytest.mark.parametrize(("text", "cells"), [
    ("0件0条0 1个0个", ["0", "0", "0 1", "0"]),  # 0 1个: one cell holding two numbers
    ("0件0条", ["0", "0"]),
    ("0 1 2个", None),
    ("5个 0", None),  # the last number has no unit
    ("5个0 1个", ["5", "0 1"]),  # a unit word ends 5, then 0 1: one cell
])
def test_unit_cells_join_a_number_without_unit_to_the_next(
        text: str, cells: list[str] | None) -> None:
    assert unit_cells(text) == cells


def test_a_table_prints_a_unit_after_every_number_only_if_none_lacks_one() -> None:
    assert every_number_has_unit(["0件0件", "—", "", "3个"])
    assert not every_number_has_unit(["5个"])  # one number says nothing of the others
    assert not every_number_has_unit(["1个2个", "12"])
    assert not every_number_has_unit(["1个02个"])  # 0 glued onto 2个
    assert not every_number_has_unit(["—", "无"])
    assert every_number_has_unit(["0件0条0 1个0个", "3个"])  # the first of two in a cell


def _with_section_four(run: str) -> str:
    """A one-line crawl of a generated report (seed 2: every number carries its unit, every
    cell printed) with section 四's numbers replaced by ``run``."""
    _, text, _ = build_case(Case(2, ("unit_words",), "one_line"))
    assert isinstance(text, str)
    found = re.search(r"(总计)((?:[0-9]+[件个项条])+)(五、)", text)
    assert found is not None and len(re.findall("[0-9]+", found.group(2))) == 15
    return text[:found.start(2)] + run + text[found.end(2):]


def _section_four(text: str) -> tuple[list[object], list[str]]:
    result = read_document(text.encode("utf-8"), kind="text", warn=False)
    cells = [v for row in result.report.review_litigation.values for v in row]
    codes = [n.code for n in result.notices
             if any(c.startswith("/review_litigation/") for c in n.cells)]
    return cells, codes


def test_a_unit_word_run_lacking_a_cell_is_never_cut_inside_a_number() -> None:
    """``11项`` is one number: the last row lacks a cell, blank; the two rows before it are
    placed by the row totals (before: 0, 0, 0, 1, 1, three cells wrong)."""
    cells, codes = _section_four(_with_section_four(BUG_RUN))
    assert cells == [11, 0, 2, 0, 13, 32, 0, 6, 0, 38, None, None, None, None, None]
    assert "row.gap" in codes and "row.cell_count" in codes
    assert "split.unique" not in codes


def test_a_unit_word_run_of_fewer_digits_than_cells_is_placed_as_the_whole_table() -> None:
    """Fourteen one-digit numbers, each with its unit: too few digits to fill fifteen cells as
    a run, yet the whole of section 四 lacking a cell; the two rows before the last are placed by
    the row totals (seed 1647689608's crawl; before: no row of section 四 read)."""
    cells, codes = _section_four(_with_section_four("3项0个0条0条3项0件0件0个0条0项0个0个0条2项"))
    assert cells == [3, 0, 0, 0, 3, 0, 0, 0, 0, 0, None, None, None, None, None]
    assert "row.gap" in codes and "row.cell_count" in codes


def test_a_unit_word_run_lacking_more_than_two_cells_is_not_the_whole_table() -> None:
    """Twelve numbers for fifteen cells: which three are lost is beyond the arithmetic's
    placing, nothing of section 四 is read."""
    cells, _ = _section_four(_with_section_four("3项0个0条0条3项0件0件0个0条0项0个2项"))
    assert cells == [None] * 15


def test_unitless_cells_glued_onto_a_unit_group_are_still_split() -> None:
    """``02个``: a 0 printed with no unit glued onto 2个, so the table prints unitless cells and
    its digits are split by the arithmetic as before."""
    run = "11个02个0项13项32项0个6件0项38件0件0件0个11项11项"
    cells, codes = _section_four(_with_section_four(run))
    assert cells == [11, 0, 2, 0, 13, 32, 0, 6, 0, 38, 0, 0, 0, 11, 11]
    assert "split.unique" in codes


STATE_SECRET = "0件1条1个0件0件1件3条"
"""The numbers of section 三's row ``denied_state_secret`` as seed 2's crawl prints them (0, 1,
1, 0, 0, 1, 3), after the row's label."""


def _state_secret(run: str) -> tuple[list[object], list[str]]:
    _, text, _ = build_case(Case(2, ("unit_words",), "one_line"))
    label = TEMPLATES["2021"].table("applications").row("denied_state_secret").label
    assert isinstance(text, str) and label + STATE_SECRET in text
    text = text.replace(label + STATE_SECRET, label + run)
    result = read_document(text.encode("utf-8"), kind="text", warn=False)
    row = "/applications/denied_state_secret/"
    cells = [result.report.applications["denied_state_secret", c] for c in (
        "natural_person", "commercial_enterprise", "research_institution", "social_welfare_org",
        "legal_service_org", "other_org", "total")]
    return cells, [n.code for n in result.notices if any(c.startswith(row) for c in n.cells)]


def test_a_number_without_unit_before_whitespace_is_one_cell_with_the_next() -> None:
    """``0 2件`` in a table printing a unit after every number: a cell holding two numbers
    (unreadable), the row's other cells read."""
    cells, codes = _state_secret("0件1条1个0件0 2件1件3条")
    assert cells == [0, 1, 1, 0, None, 1, 3]
    assert codes == ["cell.two_numbers"]


def test_a_row_short_of_cells_with_a_number_without_unit_is_blank() -> None:
    """Seed 7301 hunt (``0件0条0 1个0个0件0条`` under seven cells, a blank dropped): read as
    seven numbers, 0 and 1 went to two cells that are one cell holding two numbers and a
    dropped blank. ``0 2`` may be one cell or two: the row is blank."""
    cells, codes = _state_secret("0件1条1个0 2件1件3条")
    assert cells == [None] * 7
    assert codes == ["row.cell_count"]


@pytest.mark.parametrize(("run", "cells"), [
    ("0件1条1个0件0件3条", [0, 1, 1, 0, 0, None, 3]),  # 其他 dropped
    ("1条1个0件0件1件3条", [None, 1, 1, 0, 0, 1, 3]),  # 自然人 dropped
    ("0件1条1个0件0件1件", [0, 1, 1, 0, 0, 1, None]),  # 总计 dropped
])
def test_a_row_lacking_a_cell_under_a_two_level_header_is_placed_by_the_arithmetic(
        run: str, cells: list[object]) -> None:
    """The dump prints the header's words ``自然人 法人或其他组织 总计 商业企业 …`` (总计 among
    the top row's words, its span lost), which allow one order, the form's: the row's numbers,
    one text under no grid column, are placed in it by the column sums (before: the words'
    places taken for a grid naming 总计 second, the row blank)."""
    found, codes = _state_secret(run)
    assert found == cells
    assert codes == ["row.gap", "column.missing"]
