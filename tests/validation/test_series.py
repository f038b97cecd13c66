"""R8, R13, R14 across consecutive years of one agency."""

from __future__ import annotations

import attrs
import pytest

from gi_report import Report
from gi_report.validation import Severity, Status, validate_series
from tests.validation.corpus import report_from_expected


def _year_before(report: Report, **proactive_valid: int) -> Report:
    """The same agency a year earlier, carrying forward exactly what ``report`` takes over."""
    carried = report.applications.row("carried_from_last_year")
    applications = report.applications.with_row("carried_to_next_year", carried)
    proactive = report.proactive
    for row, value in proactive_valid.items():
        proactive = proactive.with_cell(row, "currently_valid", value)
    earlier = attrs.evolve(report, metadata=attrs.evolve(report.metadata,
                                                         year=report.metadata.year - 1))
    return earlier.with_table(applications).with_table(proactive)


@pytest.fixture
def shuyang() -> Report:
    """沭阳县 2025: 36 applications carried over; 行政规范性文件 6 issued, 1 repealed, 32 valid."""
    return report_from_expected("2025-shuyang-county")


def test_consecutive_years_that_agree(shuyang: Report) -> None:
    before = _year_before(shuyang, normative_documents=27, regulations=0)  # 27 + 6 − 1 = 32
    report = validate_series([shuyang, before])  # any order
    assert report.findings == ()
    assert report.subject == "沐阳县人民政府 2024–2025"


def test_r8_carried_over_differs_from_last_years_carried_forward(shuyang: Report) -> None:
    before = _year_before(shuyang, normative_documents=27, regulations=0)
    before = before.with_table(before.applications.with_row(
        "carried_to_next_year", {"natural_person": 35, "total": 35}))
    findings = validate_series([before, shuyang]).findings
    assert [(f.code, f.column, f.severity) for f in findings] == [
        ("gi.series.R8", "natural_person", Severity.WARNING),
        ("gi.series.R8", "total", Severity.WARNING),
    ]
    finding = findings[1]
    assert finding.pointers == ("/applications/carried_from_last_year/total",
                                "/applications/carried_to_next_year/total")
    assert [(o.year, o.value) for o in finding.operands] == [(2025, 36), (2024, 35)]
    assert finding.subject == "沐阳县人民政府 2025"
    assert finding.message_zh == (
        "2025 年 二、上年结转政府信息公开申请数量·总计 为 36，但 2024 年 "
        "四、结转下年度继续办理·总计 为 35"
    )


def test_r13_and_r14_documents_in_force(shuyang: Report) -> None:
    findings = validate_series([_year_before(shuyang, normative_documents=30, regulations=0),
                                shuyang]).findings
    assert [(f.code, f.row, f.stated, f.computed) for f in findings] == [
        ("gi.series.R13", "normative_documents", 32, 35)
    ]
    assert "按 2024 年 30 + 本年制发 6 − 本年废止 1 计算为 35" in findings[0].message_zh
    repealed = shuyang.with_table(shuyang.proactive.with_row(
        "normative_documents", {"repealed_this_year": 40, "currently_valid": 0}))
    findings = validate_series([_year_before(shuyang, normative_documents=30, regulations=0),
                                repealed]).findings
    codes = [(f.code, f.stated, f.computed) for f in findings]
    assert ("gi.series.R14", 40, 36) in codes  # 30 in force + 6 issued
    r14 = next(f for f in findings if f.code == "gi.series.R14")
    assert r14.pointer == "/proactive/normative_documents/repealed_this_year"


def test_blank_cells_make_cross_year_rules_not_evaluable(shuyang: Report) -> None:
    before = _year_before(shuyang, normative_documents=27, regulations=0)
    before = before.with_table(before.proactive.with_cell("normative_documents",
                                                          "currently_valid", None))
    findings = validate_series([before, shuyang]).findings
    assert [(f.code, f.status, f.severity) for f in findings] == [
        ("gi.series.R13", Status.NOT_EVALUABLE, Severity.INFO)
    ]
    assert findings[0].missing == ("/proactive/normative_documents/currently_valid",)
    as_zero = validate_series([before, shuyang], blank_as_zero=True).findings
    assert [(f.code, f.stated, f.computed) for f in as_zero] == [("gi.series.R13", 32, 5)]


def test_the_real_pingtan_reports_leave_a_gap() -> None:
    """平潭 2019 and 2021: no 2020 report, so no pair is compared — and the layouts differ."""
    findings = validate_series([report_from_expected("2021-pingtan"),
                                report_from_expected("2019-pingtan")]).findings
    assert [(f.code, f.severity) for f in findings] == [("gi.series.gap", Severity.INFO)]
    assert "缺少 2020 年度的报告" in findings[0].message_zh


def test_two_reports_for_one_year_are_not_guessed(shuyang: Report) -> None:
    before = _year_before(shuyang, normative_documents=0, regulations=0)
    findings = validate_series([before, shuyang, shuyang]).findings
    assert [f.code for f in findings] == ["gi.series.duplicate_year"]
    assert "2025 年度有 2 份报告" in findings[0].message_zh


def test_a_changed_agency_name_is_said(shuyang: Report) -> None:
    before = _year_before(shuyang, normative_documents=27, regulations=0)
    renamed = attrs.evolve(before, metadata=attrs.evolve(before.metadata, agency="沭阳县人民政府"))
    findings = validate_series([renamed, shuyang]).findings
    assert [(f.code, f.severity) for f in findings] == [
        ("gi.series.agency_changed", Severity.INFO)
    ]


def test_series_rejects_what_is_not_a_report() -> None:
    with pytest.raises(TypeError, match="Report"):
        validate_series([{"template": "2021"}])  # type: ignore[list-item]
