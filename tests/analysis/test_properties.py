"""Properties over arbitrary valid reports (both templates, mixed layouts, blanks, big numbers)."""

from __future__ import annotations

import decimal
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from gi_report import Report, Table
from gi_report.analysis import (
    compare_reports,
    compute_metrics,
    harmonise,
    sum_reports,
    to_frame,
)
from gi_report.form import TABLE_IDS, get_template
from gi_report.form.spec import CellKind
from gi_report.table import CellValue
from tests.strategies import reports


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


_SPLIT_OTHER = ("other_overdue_correction", "other_fee_unpaid", "other_misc")


def _expected_harmonised(source: Table, row: str, column: str) -> tuple[CellValue, bool]:
    """The value of a target cell and whether the source has anything for it, written by hand
    from format-spec.md §5.4 (not from the mapping table the code applies): the 2021 rows
    其他处理 1-3 sum to the 2019 其他处理; 处理决定数量 is 本年处理决定数量; every other cell
    maps only to the cell with the same row and column ids (renamed labels, same quantity);
    anything else (new, dropped or redefined columns and rows, and the ≈ pairs, which are carried
    only on request) is blank."""
    table = source.spec.id
    if table == "applications" and row == "other_handling" and source.spec.has_cell(
            _SPLIT_OTHER[0], column):
        parts = [source[r, column] for r in _SPLIT_OTHER]
        return (None if None in parts else sum(parts)), True  # type: ignore[arg-type]
    renamed = {"decisions_this_year": "decisions", "decisions": "decisions_this_year"}
    if table == "proactive" and column in renamed and source.spec.has_cell(row, renamed[column]):
        return source[row, renamed[column]], True
    if source.spec.has_cell(row, column):
        return source[row, column], True
    return None, False


@given(reports(), st.sampled_from(["2019", "2021"]))
def test_harmonise_follows_the_mapping_table(report: Report, to: str) -> None:
    """Every target cell is filled as format-spec.md §5.4 says, or blank and listed as
    unfilled when the source has nothing for it."""
    result = harmonise(report, to=to)
    target = get_template(to)
    unfilled = {u.pointer for u in result.unfilled}
    expected_unfilled = set()
    for table_id in TABLE_IDS:
        out = result.report.table(table_id)
        assert out.spec is target.table(table_id)
        source = report.table(table_id)
        if source.spec is out.spec:
            assert out == source
            continue
        for row, column, value in out.cells():
            expected, mapped = _expected_harmonised(source, row, column)
            assert value == expected, (table_id, row, column)
            if not mapped:
                expected_unfilled.add(f"/{table_id}/{row}/{column}")
    assert unfilled == expected_unfilled


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


@given(reports())
def test_a_report_compared_with_itself(report: Report) -> None:
    """No cell changes; every non-empty narrative scores 1.0."""
    comparison = compare_reports(report, report)
    assert comparison.changed == ()
    assert all(t.score in (None, 1.0) for t in comparison.text)


@given(reports())
def test_metrics_are_values_or_na_with_a_reason(report: Report) -> None:
    """A metric has a value exactly when it has no NA reason, and it is numerator/denominator."""
    for metric in compute_metrics(report).values():
        assert (metric.value is None) == (metric.reason is not None)
        if metric.value is not None:
            assert metric.numerator is not None and metric.denominator
            assert metric.value == metric.numerator / metric.denominator
