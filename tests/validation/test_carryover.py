"""Carry-over (R8) is evaluated once: ``validate_series`` and ``compare_reports`` agree.

Each case states last year's 结转下年度 row and this year's 上年结转 row (the six applicant
columns, then 总计) and the outcome of every column, worked out by hand: a blank 总计 counts as
the sum of its stated parts; a blank that could hide either outcome is not evaluable.
"""

from __future__ import annotations

import attrs
import pytest

from gi_report import Report, compare_reports, validate_series
from gi_report.carryover import CarryStatus, carry_over
from gi_report.table import CellValue
from tests.corpus import corpus_report

COLUMNS = ("natural_person", "commercial_enterprise", "research_institution",
           "social_welfare_org", "legal_service_org", "other_org", "total")

OK, MISMATCH, NA = "ok", "mismatch", "not_evaluable"

Row = tuple[CellValue, ...]

CASES: list[tuple[str, Row, Row, tuple[str, ...]]] = [
    ("blank total this year, its parts equal last year's total",
     (5, 2, 0, 0, 0, 1, 8), (5, 2, 0, 0, 0, 1, None),
     (OK, OK, OK, OK, OK, OK, OK)),
    ("blank total last year, its parts sum to 8, this year states 9",
     (5, 2, 0, 0, 0, 1, None), (5, 2, 0, 0, 0, 1, 9),
     (OK, OK, OK, OK, OK, OK, MISMATCH)),
    ("a blank part and a blank total this year: at least 3 against 8",
     (5, 2, 0, 0, 0, 1, 8), (None, 2, 0, 0, 0, 1, None),
     (NA, OK, OK, OK, OK, OK, NA)),
    ("a blank part and a blank total this year: at least 10 against 8",
     (5, 2, 0, 0, 0, 1, 8), (9, None, 0, 0, 0, 1, None),
     (MISMATCH, NA, OK, OK, OK, OK, MISMATCH)),
    ("a blank part and a blank total last year: at least 6 against 7",
     (5, None, 0, 0, 0, 1, None), (5, 2, 0, 0, 0, 1, 7),
     (OK, NA, OK, OK, OK, OK, NA)),
    ("blank against blank, and 0 against blank",
     (None, 0, 0, 0, 0, 0, 0), (None, None, 0, 0, 0, 0, 0),
     (NA, NA, OK, OK, OK, OK, OK)),
]


def _pair(previous_row: Row, current_row: Row) -> tuple[Report, Report]:
    """A real report (淮安市 2024) and the same agency a year later with the given rows."""
    base = corpus_report("2024-huaian-city")
    previous = base.with_table(base.applications.with_row("carried_to_next_year", previous_row))
    later = attrs.evolve(base, metadata=attrs.evolve(base.metadata, year=2025))
    current = later.with_table(later.applications.with_row("carried_from_last_year",
                                                           current_row))
    return previous, current


def _series_outcomes(previous: Report, current: Report) -> dict[str, str]:
    """The R8 outcome per column as validate_series reports it (no finding: ok)."""
    outcomes = dict.fromkeys(COLUMNS, OK)
    for finding in validate_series([previous, current]).by_code("gi.series.R8"):
        assert finding.column is not None
        outcomes[finding.column] = MISMATCH if finding.status == "failed" else NA
    return outcomes


@pytest.mark.parametrize(("previous_row", "current_row", "expected"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_series_and_comparison_agree_on_blanks(
    previous_row: Row, current_row: Row, expected: tuple[str, ...]
) -> None:
    previous, current = _pair(previous_row, current_row)
    want = dict(zip(COLUMNS, expected, strict=True))
    compared = {c.column: c.status for c in compare_reports(previous, current).carry_over}
    assert compared == want
    assert _series_outcomes(previous, current) == want


def test_not_evaluable_names_the_blank_cells() -> None:
    previous, current = _pair((5, 2, 0, 0, 0, 1, 8), (None, 2, 0, 0, 0, 1, None))
    checks = {c.column: c for c in carry_over(previous.applications, current.applications)}
    total = checks["total"]
    assert total.status is CarryStatus.NOT_EVALUABLE
    assert total.missing_current == ("/applications/carried_from_last_year/total",
                                     "/applications/carried_from_last_year/natural_person")
    assert total.carried_from_last_year.low == 3 and total.carried_to_next_year.low == 8
    compared = {c.column: c for c in compare_reports(previous, current).carry_over}
    assert compared["total"].missing == (
        "2025 /applications/carried_from_last_year/total",
        "2025 /applications/carried_from_last_year/natural_person",
    )
    finding = next(f for f in validate_series([previous, current]).by_code("gi.series.R8")
                   if f.column == "total")
    assert set(finding.missing) == {"/applications/carried_from_last_year/total",
                                    "/applications/carried_from_last_year/natural_person"}


def test_mismatch_on_a_lower_bound_is_reported_with_the_bound() -> None:
    previous, current = _pair((5, 2, 0, 0, 0, 1, 8), (9, None, 0, 0, 0, 1, None))
    compared = {c.column: c for c in compare_reports(previous, current).carry_over}
    reason = compared["total"].reason
    assert reason is not None and " 8 ≠ " in reason and reason.endswith(" 至少 10")
    finding = next(f for f in validate_series([previous, current]).by_code("gi.series.R8")
                   if f.column == "total")
    assert finding.status == "failed" and (finding.stated, finding.computed) == (10, 8)
