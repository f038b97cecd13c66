"""Frames: one row per cell, ids and Chinese labels, nullable integers and exact decimals."""

from __future__ import annotations

import random
from decimal import Decimal

import pandas as pd
import pytest

from gi_report.analysis import CATALOGUE, metrics_frame, to_frame
from gi_report.analysis.frames import LONG_COLUMNS
from gi_report.errors import TemplateMismatchError
from gi_report.form import get_template
from gi_report.synthetic import random_report
from tests.corpus import corpus_report, names


def _cells(template: str) -> int:
    spec = get_template(template)
    return sum(spec.table(t).cell_count for t in ("proactive", "applications", "review_litigation"))


def test_cell_counts_of_the_form() -> None:
    """The counts the issue states: 175 (2021) / 161 (2019) in 三, 15 in 四, plus section 二."""
    for template, apps, proactive in (("2021", 175, 10), ("2019", 161, 23)):
        spec = get_template(template)
        assert spec.table("applications").cell_count == apps
        assert spec.table("review_litigation").cell_count == 15
        assert spec.table("proactive").cell_count == proactive


def test_long_frame_has_exactly_one_row_per_cell_of_every_real_report() -> None:
    """All seven corpus reports (both templates): rows = Σ cells, each (report, table, row,
    column) once."""
    reports = [corpus_report(n) for n in names()]
    frame = to_frame(reports)
    assert list(frame.columns) == list(LONG_COLUMNS)
    assert len(frame) == sum(_cells(r.template) for r in reports)
    assert not frame.duplicated(["report", "table", "row", "column"]).any()
    per_report = frame.groupby("report").size().to_dict()
    assert per_report == {i: _cells(r.template) for i, r in enumerate(reports)}


def test_values_blanks_and_labels() -> None:
    """Counts are Int64 with <NA> for a blank (never 0 or NaN-float); labels come from the form."""
    frame = to_frame([corpus_report("2019-shanghai-gov-office")])
    assert str(frame["value"].dtype) == "Int64"
    granted_total = frame[(frame.row == "granted") & (frame.column == "total")].iloc[0]
    assert granted_total["blank"] and granted_total["value"] is pd.NA
    assert granted_total["row_label"] == "（一）予以公开"
    assert granted_total["column_label"] == "总计"
    assert granted_total["group"] == "results"
    natural = frame[(frame.row == "granted") & (frame.column == "natural_person")].iloc[0]
    assert natural["value"] == 258 and not natural["blank"]
    assert natural["section_label"] == "三、收到和处理政府信息公开申请情况"
    assert frame["blank"].sum() == sum(
        len(t.blank_cells()) for t in corpus_report("2019-shanghai-gov-office").tables.values()
    )


def test_amounts_stay_exact_decimals() -> None:
    """The fee amount 4068.208 万元 is a Decimal in the amount column, never a float."""
    frame = to_frame([corpus_report("2025-shuyang-county")])
    fee = frame[frame.column == "amount_10k_yuan"].iloc[0]
    assert fee["amount"] == Decimal("4068.208") and isinstance(fee["amount"], Decimal)
    assert fee["value"] is pd.NA and fee["kind"] == "amount"
    assert frame["amount"].dtype == object


def test_long_sums_match_the_reports() -> None:
    """Grouped sums over the frame equal the sums of the stated cells (generated reports)."""
    rng = random.Random(11)
    reports = [random_report(rng, year=2022) for _ in range(20)]
    frame = to_frame(reports, table="applications")
    got = frame[(frame.row == "results_total") & (frame.column == "total")]["value"].sum()
    assert got == sum(r.applications["results_total", "total"] for r in reports)  # type: ignore[misc]


def test_wide_frame_one_row_per_report() -> None:
    """Wide: one row per report, one column per cell (ids, or Chinese labels on request)."""
    reports = [corpus_report(n) for n in ("2024-huaian-city", "2025-shuyang-county")]
    wide = to_frame(reports, "wide", table="applications")
    assert len(wide) == 2
    assert wide.loc[1, "results_total.total"] == 718
    assert str(wide["granted.total"].dtype) == "Int64"
    labelled = to_frame(reports, "wide", table="applications", labels=True)
    assert labelled.loc[0, "（七）总计｜总计"] == 3050
    assert labelled.shape == wide.shape
    everything = to_frame(reports, "wide")
    assert everything.loc[0, "review_litigation.administrative_review.corrected"] == 64
    assert everything.loc[1, "proactive.administrative_fees.amount_10k_yuan"] == Decimal("4068.208")


def test_wide_refuses_mixed_layouts() -> None:
    """Wide columns need one layout: a 2019 and a 2021 report are refused (harmonise first)."""
    reports = [corpus_report("2019-pingtan"), corpus_report("2021-pingtan")]
    with pytest.raises(TemplateMismatchError):
        to_frame(reports, "wide", table="applications")
    # section 四 is the same in both templates: that works
    assert len(to_frame(reports, "wide", table="review_litigation")) == 2


def test_metrics_frame() -> None:
    """One row per (report, metric); NA metrics are <NA> with their reason."""
    reports = [corpus_report("2025-shuyang-county"), corpus_report("2022-beijing-xicheng-cgzx")]
    frame = metrics_frame(reports)
    assert len(frame) == 2 * len(CATALOGUE)
    row = frame[(frame.report == 0) & (frame.metric == "granted_share")].iloc[0]
    assert row["value"] == pytest.approx(294 / 718)
    na = frame[(frame.report == 1) & (frame.metric == "granted_share")].iloc[0]
    assert na["value"] is pd.NA and na["reason"] == "the denominator is 0"


def test_bad_layout_name() -> None:
    """An unknown layout is a clear ValueError."""
    with pytest.raises(ValueError, match="layout"):
        to_frame([], "tall")


def test_amounts_carry_their_unit_from_the_form_or_as_the_report_states_it() -> None:
    """The fee amount's unit is the one its column prints (10,000 yuan); the procurement
    amount's is the text the real report states beside it (yuan); other cells have none."""
    reports = [corpus_report("2025-shuyang-county"), corpus_report("2019-shanghai-gov-office")]
    frame = to_frame(reports)
    amounts = frame[frame.kind == "amount"]
    assert amounts["unit"].notna().all() and frame[frame.kind != "amount"]["unit"].isna().all()
    fee_column = get_template(reports[0].template).table("proactive").column("amount_10k_yuan")
    fee = amounts[amounts.column == "amount_10k_yuan"].iloc[0]
    assert fee["unit"] == fee_column.unit and fee_column.unit in fee_column.label
    procurement = amounts[amounts.column == "total_amount"].iloc[0]
    stated = reports[1].proactive["centralized_procurement", "unit"]
    assert procurement["amount"] == Decimal("251000") and procurement["unit"] == stated
    assert stated is not None and stated != fee_column.unit  # yuan here, not 10,000 yuan


def test_every_amount_column_says_where_its_unit_is() -> None:
    """Every amount column of every template has a unit printed or a unit column in its rows."""
    from gi_report.form import TEMPLATES

    for template in TEMPLATES.values():
        for table in template.tables:
            for column in table.columns:
                if column.kind.value != "amount":
                    assert column.unit is None and column.unit_column is None
                    continue
                assert (column.unit is None) != (column.unit_column is None), column.id
                if column.unit_column is not None:
                    unit = table.column(column.unit_column)
                    assert unit.kind.value == "text"
                    rows = [r for r in table.rows if column.id in r.columns]
                    assert all(unit.id in r.columns for r in rows)
