"""One-line crawl dumps: the total row printed without its numbering right after a row read
under a group label (the other template's single other-handling row, printed with its value) is
that total row, not a column word: it was taken for a header word, its digits left unlabelled,
the total row missing, and the whole document distrusted as one that drops cells."""

from __future__ import annotations

import pytest

from benchmarks.fidelity_harness import Case, run_case
from gi_report.importers.blocks import Location
from gi_report.importers.text import _crawl_table

OTHER_THEN_TOTAL = "（六）其他处理0110103 总计104945840四、结转下年度继续办理2011116"
"""The 2019 other-handling row (a group label of 2021) with its value, then the total row with
its numbering dropped (harness seed 5151, ``Case(400708041, ("label_variant",), "one_line")``)."""


def _rows(text: str) -> list[list[str]]:
    table = _crawl_table(text, "applications", 0, Location(), 0, [])
    return [[cell.text for cell in row] for row in table.rows]


def test_a_total_word_after_a_group_labels_numbers_is_the_total_row() -> None:
    assert _rows(OTHER_THEN_TOTAL) == [["（六）其他处理", "0110103"], ["总计", "104945840"],
                                       ["四、结转下年度继续办理", "2011116"]]


@pytest.mark.parametrize("text", [
    "（六）其他处理 总计104945840",  # the group label printed no numbers
    "0110103 总计104945840",  # numbers under no group label (labels printed apart)
])
def test_a_total_word_elsewhere_stays_a_column_word(text: str) -> None:
    assert ["总计"] in _rows(text)


@pytest.mark.parametrize("case", [
    pytest.param(Case(400708041, ("label_variant",), "one_line"), id="5151-311"),
    pytest.param(Case(2542447610, ("label_variant",), "one_line"), id="5151-391"),
])
def test_harness_dumps_with_the_total_row_unnumbered_read_whole(case: Case) -> None:
    outcome = run_case(case, tries=0)
    assert outcome.tally is not None
    assert outcome.tally.wrong == ()
    assert outcome.tally.blank == 0  # 151 and 165 cells blank before (split.dropped)
