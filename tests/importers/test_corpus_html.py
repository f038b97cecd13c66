"""The real HTML reports of the corpus import with every table cell as hand-verified."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from gi_report.importers.api import read_document
from gi_report.importers.result import Level
from tests.importers.expected import CORPUS, assert_matches_expected, assert_sections_present
from tests.importers.warned import read_warned


@pytest.mark.parametrize("name", ["2023-shuyang-drc", "2019-shanghai-gov-office"])
def test_every_cell_equals_the_expected_values(name: str) -> None:
    result = read_warned(CORPUS / f"{name}.html")
    assert result.kind == "html"
    assert_matches_expected(result.report, name)
    assert_sections_present(result.report)
    assert not result.at_least(Level.ERROR), [str(n) for n in result.at_least(Level.ERROR)]
    assert result.undetermined_cells == ()


def test_shuyang_drc_narrative_metadata_and_notices() -> None:
    result = read_warned(CORPUS / "2023-shuyang-drc.html")
    report = result.report
    assert report.metadata.publication_date == datetime.date(2024, 1, 17)
    assert report.metadata.source is not None and report.metadata.source.startswith(
        "http://www.shuyang.gov.cn/")
    assert report.metadata.title == "沭阳县发展和改革局2023年政府信息公开年度报告"
    assert report.preamble is not None and report.preamble.startswith("根据《中华人民共和国")
    assert [s.heading for s in report.overview.subsections] == [
        "（一）主动公开政府信息情况", "（二）依申请公开政府信息情况",
        "（三）完善公开制度规范，加强政府信息管理", "（四）加强平台建设，扩展公开渠道",
        "（五）及时回应关切，自觉接受监督",
    ]
    assert report.problems.heading == "五、存在的主要问题及整改措施"
    assert report.closing == "沭阳县发展和改革局\n2024年1月17日"
    # 未发生收费情况: nothing collected; the other fee figures are not stated
    assert report.other_matters.processing_fee_collected_amount_yuan == Decimal(0)
    assert report.other_matters.processing_fee_notices_count is None
    codes = {n.code for n in result.notices}
    assert {"label.alias", "cell.blank", "furniture.removed", "fee.extracted"} <= codes
    [blank] = result.with_code("cell.blank")
    assert len(blank.cells) == 125  # the five 法人或其他组织 columns, 25 rows: null, not 0
    [removed] = result.with_code("furniture.removed")
    assert "采集时间" in (removed.found or "") and "沭阳县发改局" in (removed.found or "")


def test_shanghai_2019_layout_blank_totals_and_unit() -> None:
    result = read_document(CORPUS / "2019-shanghai-gov-office.html")
    report = result.report
    assert report.template == "2019" and report.table_templates == {}
    assert report.applications["granted", "total"] is None  # blank stays blank
    assert report.proactive["centralized_procurement", "total_amount"] == Decimal("251000")
    assert report.proactive["centralized_procurement", "unit"] == "元"
    [unit] = result.with_code("cell.unit")
    assert unit.cells == ("/proactive/centralized_procurement/total_amount",
                          "/proactive/centralized_procurement/unit")
    assert report.metadata.publication_date == datetime.date(2020, 1, 31)
    assert report.problems.heading == "五、政府信息公开工作存在的主要问题及改进情况"
    assert report.other_matters.text == "无。"
    assert len(report.overview.subsections) == 5
