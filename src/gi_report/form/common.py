"""Parts of the form that the 2019 and 2021 templates share, described once.

Sources are in ``format-spec.md`` (§2, §3.3, §3.4, §5): the labels are the official ones; the
aliases are spellings seen in published reports.
"""

from __future__ import annotations

from gi_report.form.spec import (
    Balance,
    CellKind,
    ColumnSpec,
    ColumnTotal,
    FieldSpec,
    GroupSpec,
    RowSpec,
    RowTotal,
    RuleWording,
    SectionSpec,
    TableSpec,
    TopicSpec,
)

# --- the six sections ---

OVERVIEW = SectionSpec(
    id="overview",
    number="一",
    title="总体情况",
    description="Overview of the agency's disclosure work, in sub-sections of free text.",
)
PROACTIVE = SectionSpec(
    id="proactive",
    number="二",
    title="主动公开政府信息情况",
    description="Proactive disclosure under Article 20 of the Regulations: fixed tables.",
)
APPLICATIONS = SectionSpec(
    id="applications",
    number="三",
    title="收到和处理政府信息公开申请情况",
    description="Applications received and how they were handled: applicant type x outcome.",
)
REVIEW_LITIGATION = SectionSpec(
    id="review_litigation",
    number="四",
    title="政府信息公开行政复议、行政诉讼情况",
    description="Administrative reviews and lawsuits about disclosure decisions: 15 cells.",
    aliases=(
        "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
    ),
)
PROBLEMS = SectionSpec(
    id="problems",
    number="五",
    title="存在的主要问题及改进情况",
    description="Main problems in the disclosure work and how they are being improved: free text.",
    aliases=("政府信息公开工作存在的主要问题及改进情况", "存在的主要问题及整改措施"),
)
OTHER_MATTERS = SectionSpec(
    id="other_matters",
    number="六",
    title="其他需要报告的事项",
    description="Other matters, including the information processing fees charged: free text.",
)
SECTIONS = (OVERVIEW, PROACTIVE, APPLICATIONS, REVIEW_LITIGATION, PROBLEMS, OTHER_MATTERS)

OVERVIEW_TOPICS = (
    TopicSpec(
        id="proactive_disclosure",
        label="主动公开",
        keywords=("主动公开",),
        description="Proactive disclosure.",
    ),
    TopicSpec(
        id="disclosure_on_request",
        label="依申请公开",
        keywords=("依申请",),
        description="Disclosure on request.",
    ),
    TopicSpec(
        id="information_management",
        label="政府信息管理",
        keywords=("信息管理",),
        description="Management of government information.",
    ),
    TopicSpec(
        id="platform_building",
        label="政府信息公开平台建设",
        keywords=("平台",),
        description="Building the disclosure platforms (websites, gazettes, new media).",
    ),
    TopicSpec(
        id="supervision_guarantee",
        label="监督保障",
        keywords=("监督", "保障"),
        description="Supervision and safeguards (for people's governments: assessment, public "
        "evaluation and accountability results, Article 50(4)).",
    ),
)

# --- section 三: applications ---

APPLICANT_COLUMNS = (
    ColumnSpec(
        id="natural_person",
        label="自然人",
        header_path=("申请人情况",),
        description="Applications from natural persons.",
    ),
    ColumnSpec(
        id="commercial_enterprise",
        label="商业企业",
        header_path=("申请人情况", "法人或其他组织"),
        description="Applications from commercial enterprises.",
    ),
    ColumnSpec(
        id="research_institution",
        label="科研机构",
        header_path=("申请人情况", "法人或其他组织"),
        description="Applications from research institutions.",
    ),
    ColumnSpec(
        id="social_welfare_org",
        label="社会公益组织",
        header_path=("申请人情况", "法人或其他组织"),
        description="Applications from social welfare (public-interest) organisations.",
    ),
    ColumnSpec(
        id="legal_service_org",
        label="法律服务机构",
        header_path=("申请人情况", "法人或其他组织"),
        description="Applications from legal service organisations (law firms and the like).",
    ),
    ColumnSpec(
        id="other_org",
        label="其他",
        header_path=("申请人情况", "法人或其他组织"),
        description="Applications from other legal persons or organisations.",
    ),
)
TOTAL_COLUMN = ColumnSpec(
    id="total",
    label="总计",
    header_path=("申请人情况",),
    description="All applicants: the sum of the six applicant columns.",
)
APPLICATION_COLUMNS = (*APPLICANT_COLUMNS, TOTAL_COLUMN)
_ALL = tuple(c.id for c in APPLICATION_COLUMNS)

APPLICATION_GROUPS = (
    GroupSpec(
        id="results",
        label="三、本年度办理结果",
        description="Outcomes of the applications handled this year.",
    ),
    GroupSpec(
        id="denied",
        label="（三）不予公开",
        parent="results",
        description="Refused: the information is exempt from disclosure.",
    ),
    GroupSpec(
        id="unable",
        label="（四）无法提供",
        parent="results",
        description="Cannot be provided.",
    ),
    GroupSpec(
        id="not_processed",
        label="（五）不予处理",
        parent="results",
        description="Not processed as a disclosure application.",
    ),
    GroupSpec(
        id="other",
        label="（六）其他处理",
        parent="results",
        aliases=("（六）其他",),
        description="Handled otherwise.",
    ),
)


def application_row(
    row_id: str,
    label: str,
    description: str,
    group: str | None = None,
    aliases: tuple[str, ...] = (),
) -> RowSpec:
    """A row of section 三: every row has the seven applicant columns."""
    return RowSpec(
        id=row_id,
        label=label,
        description=description,
        columns=_ALL,
        group=group,
        aliases=aliases,
    )


NEW_THIS_YEAR = application_row(
    "new_this_year", "一、本年新收政府信息公开申请数量", "Applications received this year."
)
CARRIED_FROM_LAST_YEAR = application_row(
    "carried_from_last_year",
    "二、上年结转政府信息公开申请数量",
    "Applications carried over from the previous year.",
)
OUTCOME_ROWS_BEFORE_OTHER = (
    application_row("granted", "（一）予以公开", "Disclosed in full.", "results"),
    application_row(
        "partially_granted",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "Disclosed in part (an application handled by separation counts here only).",
        "results",
        aliases=("（二）部分公开",),
    ),
    application_row(
        "denied_state_secret", "1.属于国家秘密", "Refused: a state secret.", "denied"
    ),
    application_row(
        "denied_prohibited_by_law",
        "2.其他法律行政法规禁止公开",
        "Refused: disclosure prohibited by other laws or administrative regulations.",
        "denied",
    ),
    application_row(
        "denied_security_stability",
        "3.危及“三安全一稳定”",
        "Refused: would endanger national, public or economic security or social stability.",
        "denied",
        aliases=('3.危及"三安全一稳定"', "3.危及三安全一稳定"),
    ),
    application_row(
        "denied_third_party_rights",
        "4.保护第三方合法权益",
        "Refused: to protect the lawful rights of a third party.",
        "denied",
    ),
    application_row(
        "denied_internal_affairs",
        "5.属于三类内部事务信息",
        "Refused: internal affairs information (personnel, logistics, internal procedures).",
        "denied",
        aliases=("5.属于三类内容事务信息",),
    ),
    application_row(
        "denied_process_information",
        "6.属于四类过程性信息",
        "Refused: process information (minutes, drafts, consultations, requests for "
        "instructions).",
        "denied",
    ),
    application_row(
        "denied_enforcement_case_file",
        "7.属于行政执法案卷",
        "Refused: an administrative enforcement case file.",
        "denied",
    ),
    application_row(
        "denied_administrative_inquiry",
        "8.属于行政查询事项",
        "Refused: an administrative inquiry matter (to be obtained through the inquiry "
        "channel).",
        "denied",
    ),
    application_row(
        "unable_not_held",
        "1.本机关不掌握相关政府信息",
        "Cannot be provided: the agency does not hold the information.",
        "unable",
    ),
    application_row(
        "unable_needs_creation",
        "2.没有现成信息需要另行制作",
        "Cannot be provided: the information does not exist and would have to be created.",
        "unable",
    ),
    application_row(
        "unable_unclear_after_correction",
        "3.补正后申请内容仍不明确",
        "Cannot be provided: the request is still unclear after correction.",
        "unable",
    ),
    application_row(
        "not_processed_petition_complaint",
        "1.信访举报投诉类申请",
        "Not processed: a petition, report or complaint rather than a disclosure request.",
        "not_processed",
    ),
    application_row(
        "not_processed_duplicate",
        "2.重复申请",
        "Not processed: a duplicate application.",
        "not_processed",
    ),
    application_row(
        "not_processed_publication",
        "3.要求提供公开出版物",
        "Not processed: asks for a public publication.",
        "not_processed",
    ),
    application_row(
        "not_processed_excessive",
        "4.无正当理由大量反复申请",
        "Not processed: large numbers of repeated applications without good reason.",
        "not_processed",
    ),
    application_row(
        "not_processed_confirm_reissue",
        "5.要求行政机关确认或重新出具已获取信息",
        "Not processed: asks the agency to confirm or re-issue information already obtained.",
        "not_processed",
    ),
)
RESULTS_TOTAL = application_row(
    "results_total",
    "（七）总计",
    "All applications handled this year: the sum of the outcome rows.",
    "results",
)
CARRIED_TO_NEXT_YEAR = application_row(
    "carried_to_next_year",
    "四、结转下年度继续办理",
    "Applications carried over to next year.",
)

BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

R1_WORDING = RuleWording(
    title_zh="第一项加第二项之和等于第三项加第四项之和",
    title_en="Received plus carried over equals handled plus carried forward",
    statement_zh="第一项加第二项之和应等于第三项加第四项之和",
    statement_en="items one and two must add up to items three and four",
)
R2_WORDING = RuleWording(
    title_zh=f"{TOTAL_COLUMN.label}列等于各申请人之和",
    title_en="The total column is the sum of the applicant columns",
    parts_zh="各申请人",
    parts_en="the applicant columns",
)
R3_WORDING = RuleWording(
    title_zh=f"{RESULTS_TOTAL.label}等于各办理结果之和",
    title_en=f"{RESULTS_TOTAL.label} is the sum of the outcome rows",
    parts_zh="各办理结果",
    parts_en="the outcome rows",
)


def applications_table(other_rows: tuple[RowSpec, ...]) -> TableSpec:
    """Section 三 with the given （六）其他处理 rows (one row in 2019, three in 2021)."""
    outcome_rows = (*OUTCOME_ROWS_BEFORE_OTHER, *other_rows)
    rows = (NEW_THIS_YEAR, CARRIED_FROM_LAST_YEAR, *outcome_rows, RESULTS_TOTAL,
            CARRIED_TO_NEXT_YEAR)
    return TableSpec(
        id="applications",
        section=APPLICATIONS.id,
        title=APPLICATIONS.heading,
        description="Applications by applicant type (columns) and stage or outcome (rows).",
        columns=APPLICATION_COLUMNS,
        rows=rows,
        groups=tuple(
            g for g in APPLICATION_GROUPS
            if g.id == "results" or any(r.group == g.id for r in rows)
        ),
        note=BALANCE_NOTE,
        declarations=(
            Balance(
                rule="R1",
                left=(NEW_THIS_YEAR.id, CARRIED_FROM_LAST_YEAR.id),
                right=(RESULTS_TOTAL.id, CARRIED_TO_NEXT_YEAR.id),
                note=BALANCE_NOTE,
                wording=R1_WORDING,
            ),
            ColumnTotal(
                rule="R2",
                total=TOTAL_COLUMN.id,
                parts=tuple(c.id for c in APPLICANT_COLUMNS),
                wording=R2_WORDING,
            ),
            RowTotal(
                rule="R3",
                total=RESULTS_TOTAL.id,
                parts=tuple(r.id for r in outcome_rows),
                wording=R3_WORDING,
            ),
        ),
    )


# --- section 四: administrative review and litigation ---

_OUTCOMES = (
    ColumnSpec(id="upheld", label="结果维持", description="Decided: the agency's decision upheld."),
    ColumnSpec(
        id="corrected",
        label="结果纠正",
        description="Decided: the agency's decision corrected (revoked, changed or confirmed "
        "unlawful).",
    ),
    ColumnSpec(id="other", label="其他结果", description="Ended with another result."),
    ColumnSpec(id="pending", label="尚未审结", description="Not yet concluded."),
    ColumnSpec(id="total", label="总计", description="All cases: the sum of the four outcomes."),
)
_OUTCOME_IDS = tuple(c.id for c in _OUTCOMES)

REVIEW_LITIGATION_TABLE = TableSpec(
    id="review_litigation",
    section=REVIEW_LITIGATION.id,
    title=REVIEW_LITIGATION.heading,
    description="Administrative reviews and lawsuits about disclosure, by outcome.",
    columns=_OUTCOMES,
    groups=(
        GroupSpec(
            id="litigation",
            label="行政诉讼",
            description="Administrative lawsuits.",
        ),
    ),
    rows=(
        RowSpec(
            id="administrative_review",
            label="行政复议",
            description="Applications for administrative review.",
            columns=_OUTCOME_IDS,
        ),
        RowSpec(
            id="litigation_direct",
            label="未经复议直接起诉",
            description="Lawsuits filed without prior administrative review.",
            columns=_OUTCOME_IDS,
            group="litigation",
        ),
        RowSpec(
            id="litigation_after_review",
            label="复议后起诉",
            description="Lawsuits filed after administrative review.",
            columns=_OUTCOME_IDS,
            group="litigation",
        ),
    ),
    declarations=tuple(
        ColumnTotal(
            rule=rule,
            total="total",
            parts=_OUTCOME_IDS[:4],
            rows=(row,),
            wording=RuleWording(title_en=title_en, parts_zh="各结果", parts_en="its outcomes"),
        )
        for rule, row, title_en in (
            ("R4", "administrative_review",
             "The administrative review total is the sum of its outcomes"),
            ("R5", "litigation_direct",
             "The total of lawsuits without prior review is the sum of its outcomes"),
            ("R6", "litigation_after_review",
             "The total of lawsuits after review is the sum of its outcomes"),
        )
    ),
)

# --- section 二: shared rows ---

ROW_HEADER_PROACTIVE = "信息内容"
"""The header the template prints above the row labels of each section-二 sub-table."""

ART20_1 = GroupSpec(
    id="art20_1",
    label="第二十条第（一）项",
    description="Article 20(1): administrative regulations, rules and normative documents.",
)
ART20_5 = GroupSpec(
    id="art20_5",
    label="第二十条第（五）项",
    description="Article 20(5): administrative licensing and other external management services.",
)
ART20_6 = GroupSpec(
    id="art20_6",
    label="第二十条第（六）项",
    description="Article 20(6): administrative penalties and administrative coercion.",
)
ART20_8 = GroupSpec(
    id="art20_8",
    label="第二十条第（八）项",
    description="Article 20(8): administrative fees.",
)

_PROACTIVE_ROWS: dict[str, tuple[str, str, str]] = {
    "regulations": ("规章", ART20_1.id, "Government rules (规章)."),
    "administrative_licensing": ("行政许可", ART20_5.id, "Administrative licensing."),
    "administrative_penalty": ("行政处罚", ART20_6.id, "Administrative penalties."),
    "administrative_coercion": ("行政强制", ART20_6.id, "Administrative coercion."),
    "administrative_fees": ("行政事业性收费", ART20_8.id, "Administrative fees."),
}


def proactive_row(row_id: str, columns: tuple[str, ...]) -> RowSpec:
    """A row of section 二 that both templates print with the same label, with given columns."""
    label, group, description = _PROACTIVE_ROWS[row_id]
    return RowSpec(id=row_id, label=label, group=group, columns=columns, description=description)


# --- section 六: information processing fees ---

FEE_FIELDS = (
    FieldSpec(
        id="processing_fee_notices_count",
        label="发出收费通知的件数",
        kind=CellKind.COUNT,
        unit="件",
        description="Fee notices for information processing fees issued this year.",
    ),
    FieldSpec(
        id="processing_fee_notices_amount_yuan",
        label="发出收费通知的总金额",
        kind=CellKind.AMOUNT,
        unit="元",
        description="Total amount of the fee notices issued this year, in yuan.",
    ),
    FieldSpec(
        id="processing_fee_collected_amount_yuan",
        label="实际收取的总金额",
        kind=CellKind.AMOUNT,
        unit="元",
        description="Total information processing fees actually collected this year, in yuan.",
    ),
)
