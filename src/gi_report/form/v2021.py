"""The 2021 template: 《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号.

Applies to report years 2021 onward (format-spec.md §1.2, §3).
"""

from __future__ import annotations

from gi_report.form import common
from gi_report.form.spec import CellKind, ColumnSpec, RowSpec, TableSpec, TemplateSpec

_ART20_1_COLUMNS = ("issued_this_year", "repealed_this_year", "currently_valid")

PROACTIVE_TABLE = TableSpec(
    id="proactive",
    section=common.PROACTIVE.id,
    title=common.PROACTIVE.heading,
    description="Proactive disclosure under Article 20, items (1), (5), (6) and (8).",
    row_header=common.ROW_HEADER_PROACTIVE,
    columns=(
        ColumnSpec(
            id="issued_this_year",
            label="本年制发件数",
            description="Documents issued this year.",
        ),
        ColumnSpec(
            id="repealed_this_year",
            label="本年废止件数",
            description="Documents repealed this year.",
        ),
        ColumnSpec(
            id="currently_valid",
            label="现行有效件数",
            description="Documents in force at the end of the year.",
        ),
        ColumnSpec(
            id="decisions_this_year",
            label="本年处理决定数量",
            description="Decisions made this year.",
        ),
        ColumnSpec(
            id="amount_10k_yuan",
            label="本年收费金额（单位：万元）",
            kind=CellKind.AMOUNT,
            aliases=("本年收费金额",),
            unit="万元",
            description="Administrative fees collected this year, in units of 10,000 yuan (万元).",
        ),
    ),
    groups=(common.ART20_1, common.ART20_5, common.ART20_6, common.ART20_8),
    rows=(
        common.proactive_row("regulations", _ART20_1_COLUMNS),
        RowSpec(
            id="normative_documents",
            label="行政规范性文件",
            group="art20_1",
            aliases=("规范性文件",),
            columns=_ART20_1_COLUMNS,
            description="Administrative normative documents.",
        ),
        common.proactive_row("administrative_licensing", ("decisions_this_year",)),
        common.proactive_row("administrative_penalty", ("decisions_this_year",)),
        common.proactive_row("administrative_coercion", ("decisions_this_year",)),
        common.proactive_row("administrative_fees", ("amount_10k_yuan",)),
    ),
)

OTHER_ROWS = (
    common.application_row(
        "other_overdue_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "Handled otherwise: the applicant did not correct the application in time "
        "without good reason.",
        "other",
    ),
    common.application_row(
        "other_fee_unpaid",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "Handled otherwise: the applicant did not pay the notified processing fee "
        "in time.",
        "other",
    ),
    common.application_row(
        "other_misc",
        "3.其他",
        "Handled otherwise: any other reason.",
        "other",
    ),
)

TEMPLATE = TemplateSpec(
    version="2021",
    name="中华人民共和国政府信息公开工作年度报告格式",
    document="国办公开办函〔2021〕30号",
    issued="2021-09-26",
    first_year=2021,
    last_year=None,
    sections=common.SECTIONS,
    tables=(
        PROACTIVE_TABLE,
        common.applications_table(OTHER_ROWS),
        common.REVIEW_LITIGATION_TABLE,
    ),
    fee_fields=common.FEE_FIELDS,
    fees_required=True,
    overview_topics=common.OVERVIEW_TOPICS,
    word_template="template-2021-blank.docx",
)
