"""The real text dumps of the corpus: the Xicheng page text and the two Pingtan crawls."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from gi_report import to_dict
from gi_report.importers.result import ImportResult, Level
from tests.importers.expected import (
    CORPUS,
    assert_matches_expected,
    assert_sections_present,
    load_expected,
)
from tests.importers.warned import read_warned

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _pointers(table: str, rows: dict[str, tuple[str, ...]]) -> set[str]:
    return {f"/{table}/{r}/{c}" for r, cols in rows.items() for c in cols}


def _candidate_checks(result: ImportResult, name: str) -> None:
    """Every undetermined cell is in an ambiguity notice whose candidates hold the true value."""
    exp = load_expected(name)
    for n in result.with_code("split.ambiguous"):
        truth = tuple(exp.cells[p] for p in n.cells)
        assert truth in n.candidates, (n.cells, truth, n.candidates)
        assert n.level is Level.ERROR and n.found


def test_xicheng_every_cell_and_the_lead_example() -> None:
    result = read_warned(CORPUS / "2022-beijing-xicheng-cgzx.txt")
    assert result.kind == "text"
    assert_matches_expected(result.report, "2022-beijing-xicheng-cgzx")
    assert_sections_present(result.report)
    assert result.undetermined_cells == () and not result.at_least(Level.ERROR)
    # the hand-made JSON transcription in examples/: identical except what the page never states
    example = json.loads((EXAMPLES / "2022-beijing-xicheng-cgzx.json").read_text("utf-8"))
    got = to_dict(result.report)
    for key in ("division_code", "agency_level"):
        assert got["metadata"].pop(key) is None
        example["metadata"].pop(key)
    assert got == example
    other = result.report.other_matters
    assert (other.processing_fee_notices_count, other.processing_fee_notices_amount_yuan,
            other.processing_fee_collected_amount_yuan) == (0, Decimal(0), Decimal(0))
    [fee] = result.with_code("fee.extracted")
    assert len(fee.cells) == 3 and fee.level is Level.WARNING
    assert result.with_code("label.alias")[0].found == "（二）部分公开"


def test_pingtan_2021_splits_run_together_digits_with_the_forms_arithmetic() -> None:
    result = read_warned(CORPUS / "2021-pingtan.txt")
    undetermined = _pointers("proactive", {
        "normative_documents": ("issued_this_year", "repealed_this_year", "currently_valid")})
    assert set(result.undetermined_cells) == undetermined
    assert_matches_expected(result.report, "2021-pingtan", undetermined=undetermined)
    assert_sections_present(result.report)
    _candidate_checks(result, "2021-pingtan")
    [ambiguous] = result.with_code("split.ambiguous")
    assert ambiguous.found == "693665" and len(ambiguous.candidates) == 10
    # every cell of sections 三 and 四 was split from a run, and says so
    inferred = set(result.inferred_cells)
    spec = result.report.applications.spec
    assert {f"/applications/{r.id}/{c}" for r in spec.rows for c in r.columns} <= inferred
    assert {p for p in inferred if p.startswith("/review_litigation/")} == {
        f"/review_litigation/{r}/{c}" for r, c, _ in result.report.review_litigation.cells()}
    (run,) = [n for n in result.with_code("split.unique") if n.found == "220000325"]
    assert run.candidates == ((22, 0, 0, 0, 0, 3, 25),)  # not 2, 20, …: the column sums decide
    meta = result.report.metadata
    assert meta.source == "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202202/t20220208_80613.htm"
    assert str(meta.publication_date) == "2022-02-08"
    assert result.report.preamble is not None and result.report.preamble.startswith("根据《")
    assert len(result.report.overview.subsections) == 5
    [removed] = result.with_code("furniture.removed")
    assert "当前位置" in (removed.found or "") and "附件下载" in (removed.found or "")
    assert result.report.other_matters.text == "2021年，无收取信息处理费情况。"


PINGTAN_2019_UNDETERMINED = _pointers("proactive", {
    "normative_documents": ("made_this_year", "published_this_year", "total_published"),
    "administrative_licensing": ("items_last_year", "change_this_year", "decisions"),
    "other_external_services": ("items_last_year", "change_this_year", "decisions"),
    "administrative_penalty": ("items_last_year", "change_this_year", "decisions"),
    "administrative_coercion": ("items_last_year", "change_this_year", "decisions"),
    "administrative_fees": ("items_last_year", "change_this_year"),
    "centralized_procurement": ("projects", "total_amount"),
})


def test_pingtan_2019_section_two_is_honestly_undetermined() -> None:
    """Section 二 has no arithmetic to split ``898989`` by: its runs stay blank, with candidates
    that include the values the expected file took from the page's HTML."""
    result = read_warned(CORPUS / "2019-pingtan.txt")
    assert set(result.undetermined_cells) == PINGTAN_2019_UNDETERMINED
    assert_matches_expected(result.report, "2019-pingtan", undetermined=PINGTAN_2019_UNDETERMINED)
    assert_sections_present(result.report)
    _candidate_checks(result, "2019-pingtan")
    assert result.report.proactive["centralized_procurement", "unit"] == "元"
    assert result.report.template == "2019"
    # the spaces in “23 0 00 0 023” are cuts; the split is the only one with 23 = 23 + 0…
    (total,) = [n for n in result.with_code("split.unique") if n.found == "23 0 00 0 023"]
    assert total.candidates == ((23, 0, 0, 0, 0, 0, 23),)


@pytest.mark.parametrize("name", ["2019-pingtan", "2021-pingtan"])
def test_pingtan_notices_name_the_cells_and_their_place(name: str) -> None:
    result = read_warned(CORPUS / f"{name}.txt")
    for n in result.with_code("split.unique") + result.with_code("split.ambiguous"):
        assert n.location.line == 10 and n.location.offset is not None
        assert n.cells and all(c.startswith("/") for c in n.cells)
        assert n.found and n.found.replace(" ", "").replace("元", "").replace(".", "").isdigit()
