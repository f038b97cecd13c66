"""Roll-ups: sums equal sums computed independently; blanks and coverage; mixed templates."""

from __future__ import annotations

import decimal
import random
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gi_report import to_dict
from gi_report.analysis import sum_reports
from gi_report.errors import IncompatibleReportsError, TemplateMismatchError
from gi_report.form import TABLE_IDS, get_template
from gi_report.form.spec import CellKind
from gi_report.synthetic import random_report
from tests.corpus import corpus_report


def _independent_sum(documents: list[dict[str, Any]], blank_as_zero: bool) -> dict[str, Any]:
    """Cell-by-cell sums from the JSON form alone (no gi_report arithmetic)."""
    out: dict[str, Any] = {}
    for table in TABLE_IDS:
        out[table] = {}
        for row, cells in documents[0][table].items():
            out[table][row] = {}
            for column in cells:
                values = [d[table][row][column] for d in documents]
                units = {d[table][row].get("unit") for d in documents}
                if column == "unit":
                    # a unit is kept when every report states the same one
                    same = len(units) == 1 and None not in units
                    out[table][row][column] = values[0] if same else None
                    if blank_as_zero and len(units - {None}) == 1:
                        out[table][row][column] = next(iter(units - {None}))
                    continue
                kind = get_template(documents[0]["template"]).table(table).column(column).kind
                is_amount = kind is CellKind.AMOUNT  # by the form, even when every value is blank
                if is_amount and "unit" in cells and len(units - {None}) > 1:
                    out[table][row][column] = None  # amounts in different units: not added
                    continue
                if any(v is None for v in values) and not blank_as_zero:
                    out[table][row][column] = None
                    continue
                present = [v for v in values if v is not None]
                if any(isinstance(v, str) for v in present):  # amounts are decimal strings
                    with decimal.localcontext() as exact:
                        exact.prec = decimal.MAX_PREC
                        total = sum((Decimal(v) for v in present), Decimal(0))
                    out[table][row][column] = total
                else:
                    out[table][row][column] = sum(present)
    return out


@given(
    seed=st.integers(0, 2**32),
    count=st.integers(1, 6),
    template=st.sampled_from(["2019", "2021"]),
    blank_rate=st.sampled_from([0.0, 0.05, 0.3]),
    blank_as_zero=st.booleans(),
)
def test_sums_equal_independent_sums(
    seed: int, count: int, template: str, blank_rate: float, blank_as_zero: bool
) -> None:
    """Every summed cell equals the sum computed from the JSON documents by plain Python."""
    rng = random.Random(seed)
    reports = [
        random_report(rng, template=template, year=2020 if template == "2019" else 2023,
                      blank_rate=blank_rate)
        for _ in range(count)
    ]
    result = sum_reports(reports, blank_as_zero=blank_as_zero)
    expected = _independent_sum([to_dict(r) for r in reports], blank_as_zero)
    for table in TABLE_IDS:
        got = result.report.table(table)
        for row, cells in expected[table].items():
            for column, value in cells.items():
                assert got[row, column] == value, (table, row, column)
    # coverage lists exactly the cells some report left blank, with the reports
    for table in TABLE_IDS:
        for row, column, _ in reports[0].table(table).cells():
            pointer = f"/{table}/{row}/{column}"
            blank_in = tuple(
                i for i, r in enumerate(reports) if r.table(table)[row, column] is None
            )
            assert result.coverage.blank.get(pointer, ()) == blank_in
            assert result.coverage.contributors(pointer) == tuple(
                i for i in range(count) if i not in blank_in
            ) or pointer in result.coverage.conflicts


def test_real_reports_blank_columns_propagate_and_are_covered() -> None:
    """沭阳县发改局 2023 leaves every 法人或其他组织 column blank: those sums stay blank."""
    names = ["2021-pingtan", "2023-shuyang-drc", "2024-huaian-city", "2025-shuyang-county"]
    reports = [corpus_report(n) for n in names]
    result = sum_reports(reports, year=2025, agency="四单位合计")
    apps = result.report.applications
    # 总计 and 自然人 were stated by all four: 69 + 26 + 3050 + 718 (（七）总计)
    assert apps["results_total", "total"] == 69 + 26 + 3050 + 718
    assert apps["results_total", "natural_person"] == 63 + 26 + 2932 + 710
    assert apps["new_this_year", "total"] == 70 + 26 + 3119 + 713
    # 商业企业 is blank in the DRC report (index 1): the sum is blank, never a partial 56
    assert apps["results_total", "commercial_enterprise"] is None
    assert result.coverage.blank["/applications/results_total/commercial_enterprise"] == (1,)
    table_gaps = {
        i for p, who in result.coverage.blank.items() if not p.startswith("/other_matters")
        for i in who
    }
    assert table_gaps == {1}
    # the corpus values carry no 信息处理费 figures: coverage says so for every report
    assert result.coverage.blank["/other_matters/processing_fee_notices_count"] == (0, 1, 2, 3)
    assert not result.coverage.complete
    assert result.report.metadata.agency == "四单位合计"
    # review: 3 + 1 + 351 + 61
    assert result.report.review_litigation["administrative_review", "total"] == 416
    # amounts stay exact decimals: 24252.311082 + 96171.6 + 4068.208 (DRC stated its own)
    fees = result.report.proactive["administrative_fees", "amount_10k_yuan"]
    drc = reports[1].proactive["administrative_fees", "amount_10k_yuan"]
    assert isinstance(fees, Decimal)
    assert drc is not None
    assert fees == Decimal("24252.311082") + drc + Decimal("96171.6") + Decimal("4068.208")


def test_blank_as_zero_sums_what_is_stated_and_still_reports_coverage() -> None:
    """With blank_as_zero the blank DRC columns count as 0 — and coverage still names them."""
    reports = [corpus_report(n) for n in ("2023-shuyang-drc", "2024-huaian-city")]
    result = sum_reports(reports, year=2024, blank_as_zero=True)
    assert result.report.applications["results_total", "commercial_enterprise"] == 53
    assert result.coverage.blank["/applications/results_total/commercial_enterprise"] == (0,)
    assert "counted as 0" in result.coverage.summary()


def test_different_years_need_an_explicit_year() -> None:
    """Summing reports of different years without year= is refused with both years named."""
    reports = [corpus_report("2024-huaian-city"), corpus_report("2025-shuyang-county")]
    with pytest.raises(IncompatibleReportsError) as info:
        sum_reports(reports)
    assert info.value.field == "year"
    assert set(info.value.values.values()) == {"2024", "2025"}


def test_mixed_templates_refused_then_harmonised() -> None:
    """2019 + 2021 reports: refused with the layouts named, or harmonised on request."""
    reports = [corpus_report("2019-pingtan"), corpus_report("2021-pingtan")]
    with pytest.raises(TemplateMismatchError) as info:
        sum_reports(reports, year=2021)
    assert list(info.value.values.values()) == ["2019", "2021"]
    result = sum_reports(reports, year=2021, harmonise=True)
    apps = result.report.applications
    assert result.report.template == "2021"
    assert apps["results_total", "total"] == 23 + 69
    # the 2019 report has no 其他处理 split: those cells are missing for it, so blank
    assert apps["other_misc", "total"] is None
    assert result.coverage.unmapped["/applications/other_misc/total"] == (0,)
    assert result.coverage.missing("/applications/other_misc/total") == (0,)
    assert [c.harmonised for c in result.coverage.children] == [True, False]
    # to the 2019 layout instead, 其他处理 is the sum: 0 (2019) + 0 + 0 + 1 (2021)
    to_2019 = sum_reports(reports, year=2021, harmonise=True, template="2019")
    assert to_2019.report.applications["other_handling", "total"] == 1
    assert to_2019.coverage.unmapped.get("/applications/other_handling/total") is None


def test_procurement_units_must_agree() -> None:
    """2019 采购总金额 in 元 and in 万元 are not added: the amount is blank with the reason."""
    a = corpus_report("2019-pingtan")
    b = corpus_report("2019-shanghai-gov-office")
    same = sum_reports([a, b])
    assert same.report.proactive["centralized_procurement", "total_amount"] == (
        Decimal("75394432.52") + Decimal("251000")
    )
    assert same.report.proactive["centralized_procurement", "unit"] == "元"
    b = b.with_table(b.proactive.with_cell("centralized_procurement", "unit", "万元"))
    mixed = sum_reports([a, b])
    assert mixed.report.proactive["centralized_procurement", "total_amount"] is None
    assert "/proactive/centralized_procurement/total_amount" in mixed.coverage.conflicts
    assert mixed.coverage.contributors("/proactive/centralized_procurement/total_amount") == ()


def test_fee_figures_are_summed_with_the_tables() -> None:
    """Section 六's 信息处理费 figures are rolled up too, blanks making the sum blank."""
    rng = random.Random(3)
    reports = [random_report(rng, year=2023) for _ in range(3)]
    result = sum_reports(reports)
    expected = sum(r.other_matters.processing_fee_notices_count or 0 for r in reports)
    assert result.report.other_matters.processing_fee_notices_count == expected
    assert result.coverage.cell_count == sum(
        t.spec.cell_count for t in reports[0].tables.values()) + 3


def test_nothing_to_sum() -> None:
    """An empty input is refused, not turned into a report of zeros."""
    with pytest.raises(IncompatibleReportsError):
        sum_reports([])
