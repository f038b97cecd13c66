"""The eight wild reports (crawl dumps of small agencies) read cell by cell against wild/expected.

Every cell equals its hand-checked value, except the cells the document alone cannot settle:
those are blank, named by a ``split.ambiguous`` notice whose candidates hold the true value (the
expected values there were read from the published web page, not from this text).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from gi_report import read_document
from gi_report.importers.result import ImportResult, Level
from tests.importers.expected import WILD, assert_matches_expected, load_expected


def _cells(table: str, row: str, *columns: str) -> set[str]:
    return {f"/{table}/{row}/{c}" for c in columns}


UNSETTLED: dict[str, set[str]] = {
    # section 二 of the 2019 template: 本年增/减 has no arithmetic; 8801 is 8|80|1 or 88|0|1 …
    "2019-pingtan-jtj": (
        _cells("proactive", "administrative_licensing", "items_last_year", "change_this_year")
        | _cells("proactive", "administrative_penalty", "items_last_year", "change_this_year")
        | _cells("proactive", "administrative_fees", "items_last_year", "change_this_year")
        | _cells("proactive", "centralized_procurement", "projects", "total_amount")),
    # 5066 is 5|0|66 or 50|6|6; the text states no number for 规范性文件 that decides it
    "2021-pingtan-zrz": _cells("proactive", "normative_documents", "issued_this_year",
                               "repealed_this_year", "currently_valid"),
    # 5125: the text's 制定规范性文件5件 fits two of the three splits (5|1|25, 5|12|5)
    "2022-pingtan-nyn": _cells("proactive", "normative_documents", "issued_this_year",
                               "repealed_this_year", "currently_valid"),
    # 1129: the text's 政策及规范性文件类11条 counts items published under a category (zrz
    # prints …类1条 beside 5 documents issued), not documents: no evidence for 11|2|9
    "2024-pingtan-jjf": _cells("proactive", "normative_documents", "issued_this_year",
                               "repealed_this_year", "currently_valid"),
}
NAMES = ("2019-pingtan-jtj", "2021-pingtan-jinjing", "2021-pingtan-zrz", "2022-pingtan-nyn",
         "2023-pingtan-czj", "2023-pingtan-hzs", "2023-pingtan-suping", "2024-pingtan-jjf")


def _read(name: str) -> ImportResult:
    return read_document(load_expected(name, root=WILD).path, warn=False)


@pytest.mark.parametrize("name", NAMES)
def test_every_cell_equals_expected_or_is_honestly_blank(name: str) -> None:
    result = _read(name)
    unsettled = UNSETTLED.get(name, set())
    assert_matches_expected(result.report, load_expected(name, root=WILD),
                            undetermined=unsettled)
    assert set(result.undetermined_cells) == unsettled
    exp = load_expected(name, root=WILD)
    for n in result.with_code("split.ambiguous"):
        truth = tuple(exp.cells[p] for p in n.cells)
        assert truth in n.candidates, (n.cells, truth, n.candidates)
        assert n.level is Level.ERROR and n.found


def test_a_reworded_section_four_heading_ends_section_three() -> None:
    """四、…复议与行政诉讼情况 (与 for 、) is found: 四's digits never join 三's last row."""
    result = _read("2024-pingtan-jjf")
    [fuzzy] = [n for n in result.with_code("section.fuzzy") if "四" in (n.found or "")]
    assert "与" in (fuzzy.found or "")
    carried = result.report.applications.row("carried_to_next_year")
    assert set(carried.values()) == {0} and len(carried) == 7
    assert result.report.table_sections.review_litigation.text == (
        "2024年，没有政府信息公开行政复议及行政诉讼情况。")


def test_an_extra_section_is_narrative_and_later_sections_renumbered() -> None:
    result = _read("2023-pingtan-suping")
    [extra] = result.with_code("section.extra")
    assert extra.found is not None and extra.found.startswith("五、信息处理费收取情况")
    assert result.report.problems.heading == "六、存在的主要问题和改进情况"
    text = result.report.table_sections.review_litigation.text or ""
    assert text.startswith("五、信息处理费收取情况")


def test_a_value_cell_ends_where_text_begins() -> None:
    """行政事业性收费5949.09(二)主动公开…: the amount, then section 二's own narrative."""
    result = _read("2023-pingtan-czj")
    assert result.report.proactive["administrative_fees", "amount_10k_yuan"] == Decimal("5949.09")
    assert "(二)主动公开政府信息的主要类别" in (result.report.table_sections.proactive.text or "")


def test_the_reports_own_sentence_settles_a_split() -> None:
    result = _read("2023-pingtan-hzs")
    [by_text] = result.with_code("split.by_text")
    assert by_text.found == "5416" and by_text.candidates == ((5, 4, 16),)
    assert "现行有效的规范性文件16件" in by_text.message
    assert set(by_text.cells) <= set(result.inferred_cells)
