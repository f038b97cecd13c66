"""R16 completeness: every cell of the fixed tables is filled; a blank is not 0.

A blank cell is reported once, naming the arithmetic rules it keeps from being checked; a table
with no value at all is one error instead of a blank per cell. From the first report year of
the template that requires them (the processing-fee measures, 国办函〔2020〕109号), section 六
must state the fee figures.
"""

from __future__ import annotations

from gi_report.form import TEMPLATES, template_for_year
from gi_report.form.spec import CellKind
from gi_report.model import Report
from gi_report.table import CellValue, Table
from gi_report.validation.arithmetic import flat_values, plan_for
from gi_report.validation.findings import Finding, Severity
from gi_report.validation.labels import cell_label
from gi_report.validation.rulespec import RuleSpec

FAMILY = "completeness"
FEE_DUTY_FROM = min(t.first_year for t in TEMPLATES.values() if t.fees_required)
"""First report year for which section 六 must state the fee figures: the first year of the
first template that requires them (the form says which)."""

BLANK = RuleSpec(
    code="gi.completeness.blank",
    rule="R16",
    severity=Severity.WARNING,
    family=FAMILY,
    title_zh="表格单元格不得空白",
    title_en="No table cell is left blank",
    formula="every cell of the layout of sections 二, 三 and 四 is not null "
    "(text-only helper cells such as the unit of the procurement amount excepted)",
    basis="The form prints a value in every cell; a blank is not 0 (format-spec.md §4 R16). "
    "Severity info with blank_as_zero=True.",
    message_zh="{cell} 为空白：空白不等于 0，若数值为 0 请填写 0{blocks}",
    message_en="{cell} [{pointer}] is blank: a blank is not 0; write 0 if the value is 0"
    "{blocks_en}",
)

ALL_BLANK = RuleSpec(
    code="gi.table.all_blank",
    rule="R16",
    severity=Severity.ERROR,
    family=FAMILY,
    title_zh="表格整体空白",
    title_en="A fixed table is entirely blank",
    formula="some cell of the table is not null",
    basis="Sections 二, 三 and 四 are mandatory tables of the form (format-spec.md §8: missing "
    "mandatory table).",
    message_zh="{heading} 的表格全部空白（共 {cells} 个单元格）：请按格式填写，数值为 0 的填写 0",
    message_en="the table of {heading} [{pointer}] is entirely blank ({cells} cells): fill it "
    "in as the form prints it, writing 0 for zero",
)

FEES = RuleSpec(
    code="gi.completeness.fees",
    rule="R16",
    severity=Severity.WARNING,
    family=FAMILY,
    title_zh="第六部分应说明信息处理费收取情况",
    title_en="Section 六 states the information processing fee figures",
    formula=f"year >= {FEE_DUTY_FROM}: other_matters.processing_fee_notices_count, "
    "processing_fee_notices_amount_yuan and processing_fee_collected_amount_yuan are not null",
    basis="《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号); the "
    f"{template_for_year(FEE_DUTY_FROM).version} template's section 六 (format-spec.md §3.5, §8).",
    message_zh="{section} 未说明 {fields}"
    f"（自 {FEE_DUTY_FROM} 年度起应报告信息处理费情况，本报告为 {{year}} 年度）",
    message_en="section 六 does not state {fields_en} (required from report year "
    f"{FEE_DUTY_FROM}; this report covers {{year}})",
)

RULES = (BLANK, ALL_BLANK, FEES)


def check_table(table: Table, heading: str, *, blank_as_zero: bool = False,
                values: tuple[CellValue, ...] | None = None) -> list[Finding]:
    """A finding per blank cell of ``table``, or one if the whole table is blank (``values``:
    its :func:`~gi_report.validation.arithmetic.flat_values`, if the caller has them)."""
    if values is None:
        values = flat_values(table)
    if None not in values:
        return []
    spec = table.spec
    pointer = f"/{spec.id}"
    if all(v is None for v in values):
        return [
            ALL_BLANK.finding(
                pointer=pointer,
                section=spec.section,
                table=spec.id,
                params={"heading": heading, "cells": len(values), "pointer": pointer},
            )
        ]
    plan = plan_for(spec)
    severity = Severity.INFO if blank_as_zero else Severity.WARNING
    out: list[Finding] = []
    for (row_id, column_id), value in zip(plan.cells, values, strict=True):
        if value is not None or spec.column(column_id).kind is CellKind.TEXT:
            continue
        cell_pointer = f"/{spec.id}/{row_id}/{column_id}"
        rules = plan.rules_of_cell.get((row_id, column_id), ())
        if not rules:
            blocks = blocks_en = ""
        elif blank_as_zero:
            blocks = f"；已按 0 参与 {'、'.join(rules)} 的核对"
            blocks_en = f"; counted as 0 in {', '.join(rules)}"
        else:
            blocks = f"；因此 {'、'.join(rules)} 无法核对"
            blocks_en = f"; so {', '.join(rules)} cannot be checked"
        out.append(
            BLANK.finding(
                pointer=cell_pointer,
                severity=severity,
                section=spec.section,
                table=spec.id,
                row=row_id,
                column=column_id,
                missing=(cell_pointer,),
                params={
                    "cell": cell_label(spec, row_id, column_id),
                    "pointer": cell_pointer,
                    "blocks": blocks,
                    "blocks_en": blocks_en,
                },
            )
        )
    return out


def check_fees(report: Report) -> list[Finding]:
    """A finding if a report of :data:`FEE_DUTY_FROM` or later leaves some fee figure unstated."""
    year = report.metadata.year
    if year < FEE_DUTY_FROM:
        return []
    other = report.other_matters
    blank = [f for f in report.template_spec.fee_fields if getattr(other, f.id) is None]
    if not blank:
        return []
    pointers = tuple(f"/other_matters/{f.id}" for f in blank)
    return [
        FEES.finding(
            pointer=pointers[0],
            pointers=pointers,
            section="other_matters",
            missing=pointers,
            params={
                "section": report.template_spec.section("other_matters").heading,
                "fields": "、".join(f.label for f in blank),
                "fields_en": ", ".join(f.id for f in blank),
                "year": year,
            },
        )
    ]
