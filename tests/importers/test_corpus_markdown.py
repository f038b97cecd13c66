"""The real Markdown report (a PDF converted by a tool): section 三 in many small tables."""

from __future__ import annotations

import datetime
from decimal import Decimal

from gi_report.importers.result import Level
from tests.importers.expected import CORPUS, assert_matches_expected, assert_sections_present
from tests.importers.warned import read_warned


def test_shuyang_county_every_cell() -> None:
    result = read_warned(CORPUS / "2025-shuyang-county.md")
    assert result.kind == "markdown"
    assert_matches_expected(result.report, "2025-shuyang-county")
    assert_sections_present(result.report)
    assert result.undetermined_cells == () and not result.at_least(Level.ERROR)


def test_shuyang_county_converter_artefacts_are_noted() -> None:
    result = read_warned(CORPUS / "2025-shuyang-county.md")
    by_position = result.with_code("header.by_position")
    # 数据1…数据6 placeholders, and the header row copied from another table
    assert any("数据1" in (n.found or "") for n in by_position)
    assert any("本年新收件数" in (n.found or "") for n in by_position)
    # the '-' fragments under 申请人情况 headings are not rows of the form
    unlabelled = result.with_code("row.unlabelled")
    assert len(unlabelled) == 3 and all(n.level is Level.INFO for n in unlabelled)
    report = result.report
    assert report.metadata.agency == "沐阳县人民政府"  # kept as printed (OCR for 沭阳)
    assert report.metadata.publication_date == datetime.date(2026, 1, 23)
    assert report.other_matters.processing_fee_collected_amount_yuan == Decimal(380)
    assert report.other_matters.processing_fee_notices_count is None
    assert report.closing == "沐阳县人民政府\n2026年1月23日"
    assert [s.heading[:3] for s in report.overview.subsections] == [
        "(一)", "（二）", "（三）", "（四）"]
    assert report.problems.heading == "五、政府信息公开工作存在的主要问题及改进情况"
