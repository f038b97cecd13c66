"""R1–R6 on real reports: hold where the document adds up, fail with the right cells otherwise."""

from __future__ import annotations

import pytest

from gi_report import Report
from gi_report.form import TEMPLATES
from gi_report.validation import Severity, Status, validate
from gi_report.validation.arithmetic import RULES, plan_for
from tests.validation.corpus import report_from_expected

COMPLETE = [  # every cell stated, every relation holds (per the expected files' notes)
    "2019-pingtan",
    "2021-pingtan",
    "2022-beijing-xicheng-cgzx",
    "2024-huaian-city",
    "2025-shuyang-county",
]


def _with_cells(report: Report, table_id: str, cells: dict[tuple[str, str], int | None]) -> Report:
    table = report.table(table_id)
    for (row, column), value in cells.items():
        table = table.with_cell(row, column, value)
    return report.with_table(table)


def _sum_errors(report: Report, **options: bool) -> list:
    return [f for f in validate(report, select=("gi.sum",), **options).findings
            if f.status is Status.FAILED]


@pytest.mark.parametrize("name", COMPLETE)
def test_real_reports_that_add_up_have_no_arithmetic_finding(name: str) -> None:
    report = validate(report_from_expected(name), select=("gi.sum",))
    assert report.findings == ()
    assert report.valid


def test_every_declared_relation_has_a_rule_and_every_rule_a_declaration() -> None:
    declared = {
        decl.rule for t in TEMPLATES.values() for table in t.tables for decl in table.declarations
    }
    assert {spec.rule for spec in RULES} == declared == {"R1", "R2", "R3", "R4", "R5", "R6"}
    assert all(spec.code == f"gi.sum.{spec.rule}" and spec.severity is Severity.ERROR
               for spec in RULES)


def test_the_engine_evaluates_exactly_the_relations_of_the_form() -> None:
    spec = TEMPLATES["2021"].table("applications")
    plan = plan_for(spec)
    assert [c.relation for c in plan.relations] == list(spec.relations)
    # 7 columns for R1 and R3, 25 rows for R2
    assert [c.relation.rule for c in plan.relations].count("R2") == 25
    assert [c.relation.rule for c in plan.relations].count("R1") == 7
    assert [c.relation.rule for c in plan.relations].count("R3") == 7


def test_r1_fails_when_carried_forward_does_not_balance() -> None:
    # Huaian 2024: 3001 + 34 = 2932 + 103 for natural persons; make it 2932 + 104 (and 总计 too)
    report = report_from_expected("2024-huaian-city")
    table = report.applications
    changed = _with_cells(report, "applications", {
        ("carried_to_next_year", "natural_person"): table["carried_to_next_year", "natural_person"]
        + 1,
        ("carried_to_next_year", "total"): table["carried_to_next_year", "total"] + 1,
    })
    findings = _sum_errors(changed)
    assert {f.code for f in findings} == {"gi.sum.R1"}
    assert {f.column for f in findings} == {"natural_person", "total"}
    natural = next(f for f in findings if f.column == "natural_person")
    assert natural.severity is Severity.ERROR
    assert set(natural.pointers) == {
        "/applications/new_this_year/natural_person",
        "/applications/carried_from_last_year/natural_person",
        "/applications/results_total/natural_person",
        "/applications/carried_to_next_year/natural_person",
    }
    assert (natural.stated, natural.computed) == (3035, 3036)
    assert [o.weight for o in natural.operands] == [1, 1, -1, -1]


def test_r2_fails_on_the_row_whose_total_is_wrong() -> None:
    report = report_from_expected("2025-shuyang-county")
    changed = _with_cells(report, "applications", {("granted", "total"): 295})  # stated 294
    findings = _sum_errors(changed)
    r2 = [f for f in findings if f.code == "gi.sum.R2"]
    assert len(r2) == 1
    assert r2[0].pointer == "/applications/granted/total"
    assert (r2[0].row, r2[0].column) == ("granted", "total")
    assert (r2[0].stated, r2[0].computed) == (295, 294)
    # the only other consequence: （七）总计 of the 总计 column no longer adds up (R3)
    assert {f.code for f in findings} == {"gi.sum.R2", "gi.sum.R3"}
    assert all("/applications/granted/total" in f.pointers for f in findings)


def test_r3_fails_when_an_outcome_row_is_not_counted() -> None:
    report = report_from_expected("2021-pingtan")
    changed = _with_cells(report, "applications", {
        ("granted", "natural_person"): 28,  # 27 stated
        ("granted", "total"): 31,
    })
    findings = _sum_errors(changed)
    r3 = {f.column: f for f in findings if f.code == "gi.sum.R3"}
    assert set(r3) == {"natural_person", "total"}
    assert r3["natural_person"].pointer == "/applications/results_total/natural_person"
    assert (r3["natural_person"].stated, r3["natural_person"].computed) == (63, 64)
    assert {f.code for f in findings} == {"gi.sum.R3"}


@pytest.mark.parametrize(("row", "code"), [
    ("administrative_review", "gi.sum.R4"),
    ("litigation_direct", "gi.sum.R5"),
    ("litigation_after_review", "gi.sum.R6"),
])
def test_r4_to_r6_fail_on_their_own_row_only(row: str, code: str) -> None:
    report = report_from_expected("2025-shuyang-county")
    total = report.review_litigation[row, "total"]
    changed = _with_cells(report, "review_litigation", {(row, "total"): total + 2})
    findings = _sum_errors(changed)
    assert [f.code for f in findings] == [code]
    finding = findings[0]
    assert finding.pointer == f"/review_litigation/{row}/total"
    assert finding.section == "review_litigation"
    assert set(finding.pointers) == {
        f"/review_litigation/{row}/{c}" for c in ("total", "upheld", "corrected", "other",
                                                  "pending")
    }
    assert (finding.stated, finding.computed) == (total + 2, total)


def test_message_names_the_cells_with_the_forms_labels() -> None:
    report = report_from_expected("2021-pingtan")
    changed = _with_cells(report, "applications", {("results_total", "natural_person"): 61})
    finding = next(f for f in _sum_errors(changed) if f.code == "gi.sum.R3")
    assert finding.message_zh == (
        "（七）总计·自然人 填报 61，但各办理结果之和为 63（予以公开 27 + 部分公开 5 + "
        "属于三类内部事务信息 1 + 属于行政执法案卷 6 + 属于行政查询事项 1 + "
        "本机关不掌握相关政府信息 22 + 其他 1，其余 14 项为 0）"
    )
    assert finding.message_en.startswith(
        "（七）总计·自然人 [/applications/results_total/natural_person] states 61, but the "
        "outcome rows add up to 63 (予以公开 27 + 部分公开 5"
    )


def test_balance_message_states_both_sides() -> None:
    report = report_from_expected("2021-pingtan")
    changed = _with_cells(report, "applications", {
        ("new_this_year", "other_org"): 5,
        ("new_this_year", "total"): 71,
    })
    r1 = next(f for f in _sum_errors(changed) if f.code == "gi.sum.R1" and f.column == "other_org")
    assert r1.message_zh == (
        "法人或其他组织·其他 列：一、本年新收政府信息公开申请数量 5 + "
        "二、上年结转政府信息公开申请数量 0 = 5，但 （七）总计 4 + 四、结转下年度继续办理 0 = 4；"
        "第一项加第二项之和应等于第三项加第四项之和"
    )


# --- blanks --------------------------------------------------------------------------------------


def test_shanghai_2019_blank_totals_give_completeness_findings_not_false_errors() -> None:
    """The 2019 上海 report leaves 总计 blank on detail rows: no arithmetic error by default."""
    report = validate(report_from_expected("2019-shanghai-gov-office"))
    assert not [f for f in report.findings if f.code.startswith("gi.sum")
                and f.status is Status.FAILED]
    blanks = report.by_code("gi.completeness.blank")
    blank_cells = {f"/{t}/{r}/{c}" for t in ("proactive", "applications", "review_litigation")
                   for r, c in report_from_expected("2019-shanghai-gov-office").table(t)
                   .blank_cells()}
    assert {f.pointer for f in blanks} == blank_cells
    assert len(blanks) == len(blank_cells) == 135
    assert all(f.severity is Severity.WARNING for f in blanks)
    not_evaluable = [f for f in report.findings if f.code.startswith("gi.sum")]
    assert not_evaluable and all(
        f.status is Status.NOT_EVALUABLE and f.severity is Severity.INFO and f.missing
        for f in not_evaluable
    )
    granted = next(f for f in not_evaluable if f.pointer == "/applications/granted/total")
    assert set(granted.missing) == {
        "/applications/granted/total",
        "/applications/granted/research_institution",
        "/applications/granted/social_welfare_org",
    }


def test_shanghai_2019_with_blank_as_zero_shows_the_blank_totals() -> None:
    """Read as 0, the blank 总计 cells break R2 per row and R3 in the 总计 column (805 ≠ 0)."""
    report = report_from_expected("2019-shanghai-gov-office")
    findings = _sum_errors(report, blank_as_zero=True)
    r3 = [f for f in findings if f.code == "gi.sum.R3"]
    assert [(f.column, f.stated, f.computed) for f in r3] == [("total", 805, 0)]
    assert "空白按 0 计" in r3[0].message_zh
    r2_rows = {f.row for f in findings if f.code == "gi.sum.R2"}
    outcome_rows_with_values = {
        r for r, values in report.applications.to_mapping().items()
        if values["total"] is None and any(v for v in values.values())
    }
    assert r2_rows == outcome_rows_with_values
    assert not [f for f in findings if f.code in ("gi.sum.R1", "gi.sum.R4", "gi.sum.R5")]


def test_stated_cells_can_prove_a_total_wrong_despite_blanks() -> None:
    """Counts are never negative: parts already above the total fail even with a blank part."""
    report = report_from_expected("2019-shanghai-gov-office")
    changed = _with_cells(report, "applications", {("new_this_year", "natural_person"): 900})
    r2 = next(f for f in _sum_errors(changed) if f.pointer == "/applications/new_this_year/total")
    assert r2.status is Status.FAILED and r2.severity is Severity.ERROR
    assert (r2.stated, r2.computed) == (859, 938)  # 900 + 35 + 2 + 1, two cells blank
    assert set(r2.missing) == {"/applications/new_this_year/research_institution",
                               "/applications/new_this_year/social_welfare_org"}
    assert "至少 938" in r2.message_zh and "另有空白 2 项" in r2.message_zh


def test_a_blank_total_whose_parts_fit_is_not_evaluable() -> None:
    report = report_from_expected("2025-shuyang-county")
    changed = _with_cells(report, "review_litigation", {("administrative_review", "total"): None})
    findings = validate(changed, select=("gi.sum",)).findings
    assert [(f.code, f.status, f.severity) for f in findings] == [
        ("gi.sum.R4", Status.NOT_EVALUABLE, Severity.INFO)
    ]
    assert findings[0].missing == ("/review_litigation/administrative_review/total",)
    assert findings[0].computed is None
    with_zero = _sum_errors(changed, blank_as_zero=True)
    # the finding keeps what the document states (a blank), and says blanks were counted as 0
    assert [(f.code, f.stated, f.computed) for f in with_zero] == [("gi.sum.R4", None, 61)]
    assert with_zero[0].message_zh.startswith("行政复议·总计 填报 空白，但各结果之和为 61")
    assert with_zero[0].message_zh.endswith("（空白按 0 计）")
