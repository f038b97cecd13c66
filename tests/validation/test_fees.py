"""R9–R12: the 信息处理费 figures of section 六, on real reports' tables."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from gi_report import OtherMatters, Report
from gi_report.validation import Severity, Status, validate
from tests.validation.corpus import report_from_expected, sentence_with


def _fees(report: Report, count: int | None, amount: str | None, collected: str | None) -> Report:
    return attrs.evolve(report, other_matters=OtherMatters(
        heading="六、其他需要报告的事项",
        processing_fee_notices_count=count,
        processing_fee_notices_amount_yuan=None if amount is None else Decimal(amount),
        processing_fee_collected_amount_yuan=None if collected is None else Decimal(collected),
    ))


def _findings(report: Report, **options: bool) -> list:
    return list(validate(report, select=("gi.fee",), **options).findings)


def test_huaian_2024_fee_figures_that_agree_give_nothing() -> None:
    """淮安 2024 collected 3940 元 (section 六) and dropped 6 applications for unpaid fees."""
    report = _fees(report_from_expected("2024-huaian-city"), 6, "3940", "3940")
    assert _findings(report) == []


def test_r9_no_notice_but_an_amount() -> None:
    report = _fees(report_from_expected("2022-beijing-xicheng-cgzx"), 0, "200", "0")
    (finding,) = _findings(report)
    assert (finding.code, finding.severity) == ("gi.fee.R9", Severity.ERROR)
    assert finding.pointer == "/other_matters/processing_fee_notices_amount_yuan"
    assert finding.pointers == ("/other_matters/processing_fee_notices_count",
                                "/other_matters/processing_fee_notices_amount_yuan")
    assert finding.message_zh == "发出收费通知的件数为 0，但发出收费通知的总金额为 200 元"
    assert finding.stated == Decimal(200)


def test_r10_collected_more_than_notified() -> None:
    report = _fees(report_from_expected("2024-huaian-city"), 6, "3000", "3940")
    (finding,) = _findings(report)
    assert (finding.code, finding.severity) == ("gi.fee.R10", Severity.WARNING)
    assert finding.pointer == "/other_matters/processing_fee_collected_amount_yuan"
    assert (finding.stated, finding.computed) == (Decimal(3940), Decimal(3000))
    assert finding.message_zh == "实际收取的总金额 3940 元，多于发出收费通知的总金额 3000 元"


def test_r11_more_applications_dropped_for_non_payment_than_notices() -> None:
    report = _fees(report_from_expected("2024-huaian-city"), 4, "3940", "3940")
    (finding,) = _findings(report)
    assert (finding.code, finding.severity) == ("gi.fee.R11", Severity.WARNING)
    assert finding.pointer == "/applications/other_fee_unpaid/total"
    assert finding.pointers == ("/applications/other_fee_unpaid/total",
                                "/other_matters/processing_fee_notices_count")
    assert (finding.stated, finding.computed) == (6, 4)
    assert finding.message_zh.startswith("（六）其他处理·2.申请人逾期未按收费通知要求缴纳费用")


def test_r11_does_not_apply_to_the_2019_layout() -> None:
    report = _fees(report_from_expected("2019-pingtan"), 0, "0", "0")
    assert _findings(report) == []


def test_r12_more_notices_than_applications() -> None:
    report = _fees(report_from_expected("2021-pingtan"), 71, "7100", "0")  # 70 + 0 received
    (finding,) = _findings(report)
    assert (finding.code, finding.severity) == ("gi.fee.R12", Severity.WARNING)
    assert (finding.stated, finding.computed) == (71, 70)
    assert set(finding.pointers) == {"/other_matters/processing_fee_notices_count",
                                     "/applications/new_this_year/total",
                                     "/applications/carried_from_last_year/total"}


def test_a_blank_fee_figure_makes_a_rule_not_evaluable() -> None:
    report = _fees(report_from_expected("2024-huaian-city"), None, "500", "500")
    findings = _findings(report)
    assert [(f.code, f.status, f.severity) for f in findings] == [
        ("gi.fee.R9", Status.NOT_EVALUABLE, Severity.INFO),
        ("gi.fee.R11", Status.NOT_EVALUABLE, Severity.INFO),
    ]
    assert findings[0].missing == ("/other_matters/processing_fee_notices_count",)
    as_zero = _findings(report, blank_as_zero=True)
    assert [f.code for f in as_zero] == ["gi.fee.R9", "gi.fee.R11"]
    assert all(f.status is Status.FAILED for f in as_zero)


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_nothing_stated_gives_no_fee_rule_finding(template: str) -> None:
    name = "2019-pingtan" if template == "2019" else "2021-pingtan"
    assert _findings(report_from_expected(name)) == []


def test_section_six_sentence_against_the_fee_fields() -> None:
    """The real 西城 sentence says all three figures are 0: R15 compares it with the fields."""
    sentence = sentence_with("2022-beijing-xicheng-cgzx", "发出收费通知的件数和总金额")
    report = report_from_expected("2022-beijing-xicheng-cgzx")
    stated = attrs.evolve(_fees(report, 0, "0", "0"), other_matters=attrs.evolve(
        _fees(report, 0, "0", "0").other_matters, text=sentence))
    assert validate(stated, select=("gi.text", "gi.fee")).findings == ()
    wrong = attrs.evolve(stated, other_matters=attrs.evolve(
        stated.other_matters, processing_fee_notices_count=2,
        processing_fee_notices_amount_yuan=Decimal(200)))
    findings = validate(wrong, select=("gi.text",)).findings
    assert [(f.code, f.pointer) for f in findings] == [
        ("gi.text.R15", "/other_matters/text"), ("gi.text.R15", "/other_matters/text")
    ]
    assert {f.pointers[1] for f in findings} == {
        "/other_matters/processing_fee_notices_count",
        "/other_matters/processing_fee_notices_amount_yuan",
    }


def test_a_rule_with_none_of_its_figures_stated_stays_silent() -> None:
    """Only the amount collected is stated (as 沭阳县发改局 2023: 未发生收费): R9 has nothing to
    compare, and gi.completeness.fees already names the missing figures."""
    report = _fees(report_from_expected("2023-shuyang-drc"), None, None, "0")
    assert _findings(report) == []
    assert [f.code for f in validate(report, select=("gi.completeness.fees",)).findings] == [
        "gi.completeness.fees"
    ]
