"""The 2019 template: 《…年度报告格式（试行）》, issued with 国办公开办函〔2019〕60号.

Applies to report years 2019 and 2020 (format-spec.md §1.2, §5).
"""

from __future__ import annotations

from gi_report.form import common
from gi_report.form.spec import (
    CellKind,
    ColumnSpec,
    GroupSpec,
    RowSpec,
    TableSpec,
    TemplateSpec,
)

_ART20_1_COLUMNS = ("made_this_year", "published_this_year", "total_published")
_ITEM_COLUMNS = ("items_last_year", "change_this_year", "decisions")

PROACTIVE_TABLE = TableSpec(
    id="proactive",
    section=common.PROACTIVE.id,
    title=common.PROACTIVE.heading,
    description="Proactive disclosure under Article 20, items (1), (5), (6), (8) and (9).",
    row_header=common.ROW_HEADER_PROACTIVE,
    columns=(
        ColumnSpec(
            id="made_this_year",
            label="本年新制作数量",
            description="Documents newly made this year.",
        ),
        ColumnSpec(
            id="published_this_year",
            label="本年新公开数量",
            description="Documents newly published this year.",
        ),
        ColumnSpec(
            id="total_published",
            label="对外公开总数量",
            description="Documents published in total.",
        ),
        ColumnSpec(
            id="items_last_year",
            label="上一年项目数量",
            description="Items (matters) at the end of the previous year.",
        ),
        ColumnSpec(
            id="change_this_year",
            label="本年增/减",
            kind=CellKind.SIGNED_COUNT,
            description="Change in the number of items this year (signed: + added, - removed).",
        ),
        ColumnSpec(
            id="decisions",
            label="处理决定数量",
            description="Decisions made.",
        ),
        ColumnSpec(
            id="projects",
            label="采购项目数量",
            description="Centralised procurement projects.",
        ),
        ColumnSpec(
            id="total_amount",
            label="采购总金额",
            kind=CellKind.AMOUNT,
            description="Total amount of centralised procurement, in the unit stated beside it.",
            unit_column="unit",
        ),
        ColumnSpec(
            id="unit",
            label="采购总金额单位",
            kind=CellKind.TEXT,
            description="The unit printed with 采购总金额 (e.g. 元, 万元); not a column of the "
            "template, kept so that the amount can be read.",
        ),
    ),
    groups=(
        common.ART20_1,
        common.ART20_5,
        common.ART20_6,
        common.ART20_8,
        GroupSpec(
            id="art20_9",
            label="第二十条第（九）项",
            description="Article 20(9): government centralised procurement.",
        ),
    ),
    rows=(
        common.proactive_row("regulations", _ART20_1_COLUMNS),
        RowSpec(
            id="normative_documents",
            label="规范性文件",
            group="art20_1",
            aliases=("行政规范性文件",),
            columns=_ART20_1_COLUMNS,
            description="Normative documents.",
        ),
        common.proactive_row("administrative_licensing", _ITEM_COLUMNS),
        RowSpec(
            id="other_external_services",
            label="其他对外管理服务事项",
            group="art20_5",
            columns=_ITEM_COLUMNS,
            description="Other external management services.",
        ),
        common.proactive_row("administrative_penalty", _ITEM_COLUMNS),
        common.proactive_row("administrative_coercion", _ITEM_COLUMNS),
        common.proactive_row("administrative_fees", ("items_last_year", "change_this_year")),
        RowSpec(
            id="centralized_procurement",
            label="政府集中采购",
            group="art20_9",
            columns=("projects", "total_amount", "unit"),
            description="Government centralised procurement.",
        ),
    ),
)

OTHER_ROWS = (
    common.application_row(
        "other_handling",
        "（六）其他处理",
        "Handled otherwise (one row in the 2019 template; three in 2021).",
        "results",
    ),
)

TEMPLATE = TemplateSpec(
    version="2019",
    name="中华人民共和国政府信息公开工作年度报告格式（试行）",
    document="国办公开办函〔2019〕60号",
    issued="2019-11-27",
    first_year=2019,
    last_year=2020,
    sections=common.SECTIONS,
    tables=(
        PROACTIVE_TABLE,
        common.applications_table(OTHER_ROWS),
        common.REVIEW_LITIGATION_TABLE,
    ),
    fee_fields=common.FEE_FIELDS,
    overview_topics=common.OVERVIEW_TOPICS,
)
