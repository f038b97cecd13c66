"""Template of the year, mixed layouts, missing sections, section 一's topics, completeness."""

from __future__ import annotations

import itertools
from decimal import Decimal

import attrs

from gi_report import Narrative, OtherMatters, Overview, Report, Subsection, Table
from gi_report.form import TEMPLATES
from gi_report.validation import Severity, validate
from tests.validation.corpus import document_text, report_from_expected


def _xicheng_overview() -> Overview:
    """Section 一 of the real 2022 西城 report, sub-section by sub-section."""
    text = document_text("2022-beijing-xicheng-cgzx")
    body = text[text.index("（一）组织领导"): text.index(" 二、主动公开政府信息情况")]
    heads = ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）"]
    starts = [body.index(h) for h in heads] + [len(body)]
    subsections = []
    for start, end in itertools.pairwise(starts):
        heading, _, rest = body[start:end].partition("\n")
        subsections.append(Subsection(heading=heading.strip(), text=rest.strip()))
    return Overview(heading="一、总体情况", subsections=tuple(subsections))


def _complete(name: str = "2022-beijing-xicheng-cgzx") -> Report:
    """A real report with its sections 一, 五 and 六 as the document prints them."""
    text = document_text(name)
    start, end = text.index("五、存在的主要问题及改进情况"), text.index("六、其他需要报告的事项")
    problems = text[start:end]
    other = text[text.index("六、其他需要报告的事项"):]
    return report_from_expected(
        name,
        overview=_xicheng_overview(),
        problems=Narrative(heading="五、存在的主要问题及改进情况",
                           text=problems.partition("\n")[2].strip()),
        other_matters=OtherMatters(
            heading="六、其他需要报告的事项",
            text=other.partition("\n")[2].strip(),
            processing_fee_notices_count=0,
            processing_fee_notices_amount_yuan=Decimal(0),
            processing_fee_collected_amount_yuan=Decimal(0),
        ),
    )


def test_the_real_xicheng_report_is_clean() -> None:
    """All cells 0, six sections, five topics, fees stated and the text agrees: no finding."""
    report = validate(_complete())
    assert report.findings == ()
    assert report.valid and report.counts == {"error": 0, "warning": 0, "info": 0}


# --- template and year ---------------------------------------------------------------------------


def test_template_of_another_year_is_a_warning() -> None:
    report = _complete()
    findings = validate(attrs.evolve(report, metadata=attrs.evolve(report.metadata, year=2020)),
                        select=("gi.template",)).findings
    assert [(f.code, f.severity) for f in findings] == [
        ("gi.template.year_mismatch", Severity.WARNING)
    ]
    assert findings[0].pointers == ("/template", "/metadata/year")
    assert "国办公开办函〔2019〕60号" in findings[0].message_zh
    assert "国办公开办函〔2021〕30号" in findings[0].message_zh


def test_a_year_before_any_national_template() -> None:
    report = report_from_expected("2019-pingtan")
    early = attrs.evolve(report, metadata=attrs.evolve(report.metadata, year=2018))
    (finding,) = validate(early, select=("gi.template",)).findings
    assert finding.code == "gi.template.year_mismatch"
    assert "尚未发布" in finding.message_zh and "(none)" in finding.message_en


def test_mixed_layout_names_the_tables() -> None:
    """A 2021 report whose section 三 keeps the 2019 single （六）其他处理 row (seen in reports)."""
    report = report_from_expected("2024-huaian-city")
    mapping = report.applications.to_mapping()
    other = ("other_overdue_correction", "other_fee_unpaid", "other_misc")
    mapping["other_handling"] = {
        c: sum(mapping[r][c] for r in other) for c in mapping["granted"]  # type: ignore[misc]
    }
    for row in other:
        del mapping[row]
    old_layout = Table.from_mapping(TEMPLATES["2019"].table("applications"), mapping)
    mixed = report.with_table(old_layout)
    findings = validate(mixed).findings
    assert [f.code for f in findings if f.code.startswith("gi.template")] == [
        "gi.template.mixed_layout"
    ]
    finding = next(f for f in findings if f.code == "gi.template.mixed_layout")
    assert finding.severity is Severity.WARNING
    assert finding.pointers == ("/table_templates", "/applications")
    assert "三、收到和处理政府信息公开申请情况" in finding.message_zh
    assert "2019" in finding.message_zh
    # the 2019 layout's own relations still hold
    assert not [f for f in findings if f.code.startswith("gi.sum")]


# --- sections ------------------------------------------------------------------------------------


def test_missing_sections_are_errors_naming_the_official_heading() -> None:
    report = attrs.evolve(_complete(), problems=Narrative())
    findings = validate(report, select=("gi.section",)).findings
    assert [(f.code, f.pointer, f.severity) for f in findings] == [
        ("gi.section.missing", "/problems", Severity.ERROR)
    ]
    assert findings[0].message_zh == "缺少“五、存在的主要问题及改进情况”部分"


def test_a_blank_table_without_heading_is_a_missing_section_once() -> None:
    report = _complete()
    blank = report.with_table(Table.blank(report.review_litigation.spec))
    findings = validate(blank).findings
    assert [(f.code, f.pointer) for f in findings] == [
        ("gi.section.missing", "/review_litigation")
    ]
    assert findings[0].message_zh == "缺少“四、政府信息公开行政复议、行政诉讼情况”部分"


def test_a_blank_table_under_its_heading_is_one_all_blank_error() -> None:
    report = _complete()
    blank = attrs.evolve(
        report.with_table(Table.blank(report.review_litigation.spec)),
        table_sections=attrs.evolve(report.table_sections, review_litigation=Narrative(
            heading="四、政府信息公开行政复议、行政诉讼情况")),
    )
    findings = validate(blank).findings
    assert [(f.code, f.pointer, f.severity) for f in findings] == [
        ("gi.table.all_blank", "/review_litigation", Severity.ERROR)
    ]
    assert "15 个单元格" in findings[0].message_zh


def test_overview_topics_found_by_the_forms_keywords() -> None:
    report = _complete()
    # keep only the real sub-section （四）依申请公开
    only = tuple(s for s in report.overview.subsections if s.heading == "（四）依申请公开")
    narrow = attrs.evolve(report, overview=Overview(heading="一、总体情况", subsections=only))
    findings = validate(narrow, select=("gi.section.topic",)).findings
    assert {f.code for f in findings} == {"gi.section.topic_missing"}
    missing = {f.message_zh.split("“")[1].split("”")[0] for f in findings}
    # that paragraph covers 依申请公开 only
    assert missing == {"主动公开", "政府信息管理", "政府信息公开平台建设", "监督保障"}
    assert all(f.pointer == "/overview" and f.severity is Severity.WARNING for f in findings)


# --- completeness --------------------------------------------------------------------------------


def test_blank_cells_are_warnings_naming_the_rules_they_block() -> None:
    report = report_from_expected("2023-shuyang-drc")  # 法人或其他组织 columns left empty
    blanks = validate(report, select=("gi.completeness.blank",)).findings
    assert len(blanks) == 125  # 5 columns x 25 rows
    first = blanks[0]
    assert first.pointer == "/applications/new_this_year/commercial_enterprise"
    assert (first.table, first.row, first.column) == ("applications", "new_this_year",
                                                      "commercial_enterprise")
    assert first.message_zh == (
        "一、本年新收政府信息公开申请数量·法人或其他组织·商业企业 为空白：空白不等于 0，"
        "若数值为 0 请填写 0；因此 R1、R2 无法核对"
    )
    lenient = validate(report, select=("gi.completeness.blank",), blank_as_zero=True)
    assert {f.severity for f in lenient.findings} == {Severity.INFO}
    assert "已按 0 参与 R1、R2 的核对" in lenient.findings[0].message_zh


def test_fee_figures_are_required_from_2021() -> None:
    report = report_from_expected("2021-pingtan")
    (finding,) = validate(report, select=("gi.completeness.fees",)).findings
    assert finding.severity is Severity.WARNING
    assert finding.pointers == (
        "/other_matters/processing_fee_notices_count",
        "/other_matters/processing_fee_notices_amount_yuan",
        "/other_matters/processing_fee_collected_amount_yuan",
    )
    assert "发出收费通知的件数、发出收费通知的总金额、实际收取的总金额" in finding.message_zh
    older = report_from_expected("2019-pingtan")
    assert validate(older, select=("gi.completeness.fees",)).findings == ()
    stated = validate(_complete(), select=("gi.completeness.fees",))
    assert stated.findings == ()
