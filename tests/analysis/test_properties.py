"""Properties over arbitrary valid reports (both templates, mixed layouts, blanks, big numbers)."""

from __future__ import annotations

import decimal
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gi_report import Report
from gi_report.analysis import (
    compare_reports,
    compute_metrics,
    harmonise,
    sum_reports,
    to_frame,
)
from gi_report.analysis.mapping import MappingKind, cell_mappings
from gi_report.form import TABLE_IDS, get_template
from gi_report.form.spec import CellKind
from tests.strategies import reports

pytest.importorskip("pandas")


def _single_layout(report: Report) -> bool:
    return not report.table_templates


@settings(max_examples=40, deadline=None)
@given(reports(mixed=False))
def test_sum_of_one_report_is_the_report(report: Report) -> None:
    """Summing one report gives back its tables and fee figures; coverage lists its blanks."""
    result = sum_reports([report])
    for table_id in TABLE_IDS:
        assert result.report.table(table_id).values == report.table(table_id).values
    fees = ("processing_fee_notices_count", "processing_fee_notices_amount_yuan",
            "processing_fee_collected_amount_yuan")
    for field in fees:
        assert getattr(result.report.other_matters, field) == getattr(report.other_matters, field)
    blanks = {f"/{t}/{r}/{c}" for t in TABLE_IDS for r, c in report.table(t).blank_cells()}
    blanks |= {f"/other_matters/{f}" for f in fees if getattr(report.other_matters, f) is None}
    assert set(result.coverage.blank) == blanks
    assert result.coverage.complete == (not blanks)


@settings(max_examples=30, deadline=None)
@given(reports(mixed=False))
def test_sum_of_a_report_twice_doubles_every_number(report: Report) -> None:
    """r + r = 2r cell by cell (counts, signed counts and exact decimals); text is kept."""
    doubled = sum_reports([report, report]).report
    for table_id in TABLE_IDS:
        table = report.table(table_id)
        for row, column, value in table.cells():
            got = doubled.table(table_id)[row, column]
            if value is None or isinstance(value, str):
                assert got == value
            else:
                with decimal.localcontext() as exact:
                    exact.prec = decimal.MAX_PREC  # 2 × a 28-digit decimal needs 29 digits
                    assert got == value + value
                assert type(got) is type(value)


@settings(max_examples=40, deadline=None)
@given(reports(), st.sampled_from(["2019", "2021"]))
def test_harmonise_follows_the_mapping_table(report: Report, to: str) -> None:
    """Every target cell is filled as its rule says, or blank and listed as unfilled."""
    result = harmonise(report, to=to)
    target = get_template(to)
    unfilled = {u.pointer for u in result.unfilled}
    for table_id in TABLE_IDS:
        out = result.report.table(table_id)
        assert out.spec is target.table(table_id)
        source = report.table(table_id)
        if source.spec is out.spec:
            assert out == source
            continue
        version = result.source_layouts[table_id]
        for rule in cell_mappings(version, to):
            if rule.table != table_id:
                continue
            value = out[rule.row, rule.column]
            pointer = f"/{table_id}/{rule.row}/{rule.column}"
            if rule.kind in (MappingKind.NOT_MAPPABLE, MappingKind.APPROXIMATE):
                assert value is None and pointer in unfilled
            else:
                parts = [source[r, c] for r, c in rule.sources]
                expected = None if None in parts else sum(parts)  # type: ignore[arg-type]
                assert value == expected


@settings(max_examples=25, deadline=None)
@given(st.lists(reports(), max_size=4))
def test_frame_rows_and_values(items: list[Report]) -> None:
    """One row per cell; exactly one of value/amount/text is filled for a stated cell."""
    frame = to_frame(items)
    assert len(frame) == sum(r.table(t).spec.cell_count for r in items for t in TABLE_IDS)
    if items:
        stated = (~frame["blank"]).sum()
        filled = (frame["value"].notna().astype(int)
                  + frame["amount"].notna().astype(int)
                  + frame["text"].notna().astype(int))
        assert (filled[~frame["blank"]] == 1).all()
        assert (filled[frame["blank"]] == 0).all()
        assert stated == sum(
            1 for r in items for t in TABLE_IDS for _, _, v in r.table(t).cells() if v is not None
        )
        amounts = frame[frame["kind"] == CellKind.AMOUNT.value]["amount"].dropna()
        assert all(isinstance(v, Decimal) for v in amounts)


@settings(max_examples=25, deadline=None)
@given(reports())
def test_a_report_compared_with_itself(report: Report) -> None:
    """No cell changes; every non-empty narrative scores 1.0."""
    comparison = compare_reports(report, report)
    assert comparison.changed == ()
    assert all(t.score in (None, 1.0) for t in comparison.text)


@settings(max_examples=40, deadline=None)
@given(reports())
def test_metrics_are_values_or_na_with_a_reason(report: Report) -> None:
    """A metric has a value exactly when it has no NA reason, and it is numerator/denominator."""
    for metric in compute_metrics(report).values():
        assert (metric.value is None) == (metric.reason is not None)
        if metric.value is not None:
            assert metric.numerator is not None and metric.denominator
            assert metric.value == metric.numerator / metric.denominator
