"""The words a report's narrative uses to state the form's quantities, described once as data.

The claims grammar (:mod:`gi_report.validation.narrative`) reads a sentence as (subject,
category, number) claims. The categories are the form's own rows, groups and columns (their labels
come from the template); this module adds what the template does not print: the verbs around
them, the short words narratives use for a row or group, and the subjects that are not the
reporting agency as a whole. Nothing here is a pattern: only words, keyed by the form's ids.
"""

from __future__ import annotations

from typing import Final

RECEIVED: Final = ("收到", "受理", "新收", "接收", "接到")
"""Verbs of applications received (本年新收, or with 上年结转: all applications of the year)."""

HANDLED: Final = ("办结", "办理", "答复", "处理", "回复")
"""Verbs of applications handled (（七）总计)."""

APPLICATION: Final = ("申请",)
"""The noun every application claim names (依申请公开, 政府信息公开申请, …)."""

CARRIED_FORWARD: Final = (
    "结转下年", "结转至下年", "结转到下年", "结转下一年", "结转至下一年", "结转到下一年",
    "顺延到下年", "顺延至下年", "顺延到下一年", "顺延至下一年", "转入下年", "转入下一年",
)
"""Words of 四、结转下年度继续办理."""

CARRIED_FROM_LAST_YEAR: Final = ("上年结转", "上年度结转", "上一年结转", "上一年度结转",
                                 "结转上年", "上年遗留")
"""Words of 二、上年结转政府信息公开申请数量."""

OUTCOME_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "granted": ("同意公开", "予以公开"),
    "partially_granted": ("部分公开",),
    "other_handling": ("其他处理",),
}
"""Short words for outcome rows (2019's （六）其他处理 is a row, 2021's a group)."""

GROUP_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "denied": ("不予公开",),
    "unable": ("无法提供",),
    "not_processed": ("不予处理",),
    "other": ("其他处理",),
}
"""Short words for the outcome groups of section 三."""

ROW_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "denied_state_secret": ("国家秘密",),
    "denied_prohibited_by_law": ("法律行政法规禁止公开",),
    "denied_security_stability": ("三安全一稳定",),
    "denied_third_party_rights": ("第三方合法权益",),
    "denied_internal_affairs": ("内部事务信息", "内部事务"),
    "denied_process_information": ("过程性信息",),
    "denied_enforcement_case_file": ("行政执法案卷",),
    "denied_administrative_inquiry": ("行政查询事项",),
    "unable_not_held": ("不掌握",),
    "unable_needs_creation": ("另行制作",),
    "unable_unclear_after_correction": ("申请内容仍不明确", "补正后仍不明确"),
    "not_processed_petition_complaint": ("信访举报", "信访、举报"),
    "not_processed_duplicate": ("重复申请",),
    "not_processed_publication": ("公开出版物",),
    "not_processed_excessive": ("大量反复申请",),
    "not_processed_confirm_reissue": ("确认或重新出具",),
    "other_overdue_correction": ("逾期不补正",),
    "other_fee_unpaid": ("逾期未按收费通知",),
}
"""Words that name one outcome row inside a sentence (信访举报、重复申请等情形不予处理: the rows
listed before 等, resolved to the group named after it)."""

APPLICANT_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "natural_person": ("公民", "个人"),
}
"""Other words for applicant columns (公民、法人和其他组织 = every applicant)."""

APPLICANT_HEADER_ALIASES: Final = ("法人和其他组织", "法人及其他组织", "法人或者其他组织")
"""Other spellings of the 法人或其他组织 header."""

REVIEW_RESULT_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "upheld": ("维持",),
    "corrected": ("纠正", "纠错"),
}
"""Short words for the review/litigation result columns (besides their labels)."""

REVIEW_OUTCOME_HINTS: Final = ("败诉", "胜诉", "撤销", "确认违法", "审结", "结案", "驳回")
"""Words after 行政复议/行政诉讼 that make the number an outcome, not the total."""

LITIGATION_SHORT: Final = ("诉讼",)
"""The short form of 行政诉讼."""

ANAPHORS: Final = ("相关案件", "上述案件")
"""Words that point back to the review/litigation just named (全县共办理相关案件 74 件)."""

PROACTIVE_VERBS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("制发", ("制发", "制定", "出台", "印发")),
    ("废止", ("废止",)),
    ("现行有效", ("现行有效",)),
    ("制作", ("制作", "制定")),
    ("公开", ("主动公开", "公开", "发布")),
)
"""Verbs by the word of the section-二 column label they fill (制发 → 本年制发件数, …)."""

PROACTIVE_ITEM_WORDS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("处理决定", ("处理决定", "作出决定")),
    ("上一年项目", ("上一年项目", "上年项目")),
)
"""Words of the section-二 item columns (处理决定 → 处理决定数量, …), by the word of the column
label they fill; read by the text evidence of the importers, not by the claims grammar."""

FEE_NOTICE: Final = ("收费通知",)
FEE_AMOUNT: Final = ("总金额", "金额")
FEE_COLLECTED: Final = ("实际收取", "实收", "收取")
FEE_WORDS: Final = ("信息处理费", "处理费", "收费")
"""The words of the section-六 fee fields."""

FEE_RATE_WORDS: Final = ("标准", "每件", "每页")
"""Words that make a fee amount a rate, not a total."""

FEE_RATE_SUFFIXES: Final = ("/", "／", "每")
"""Right after an amount, these make it a rate (10元/件, 10元每页)."""

UNIT_SCALE: Final[dict[str, int]] = {"万元": 10000}
"""Units that scale the number to the form's unit (amounts in 元)."""

ZERO_WORDS: Final = ("0", "零")
"""How …均为0 writes zero."""

FILLERS: Final = ("共",)
"""Words allowed between a section-二 row and its number (规章共 3 件)."""

STATEMENT_FILLERS: Final = ("为", "达", "计", "合计", "累计", "有", "了")
"""Words that may also stand between a section-二 row's label, a column word and its number in
a statement the importers' text evidence reads (规章合计3件)."""

OTHER_TIME_WORDS: Final = ("拟", "计划", "将要", "预计", "下一步", "明年", "下一年", "上年", "去年",
                           "同比", "较上")
"""Words that put a number in a plan or another year (拟制定…, 较上年…): not the report year's
cells; read by the importers' text evidence."""

FEE_ALL_ZERO: Final = ("均为",)
"""发出收费通知的件数和总金额以及实际收取的总金额均为0."""

NEGATIONS: Final = ("无", "未", "没有")
"""Words that state a quantity is zero (未收到申请, 无收取信息处理费情况)."""

NEGATION_VERBS: Final = ("产生", "发生", "出现", "涉及", "有", "形成")
"""Verbs a negation may govern before the category (未产生…行政复议)."""

JOINS: Final = ("以及", "及", "和", "与", "、")
"""Words that join categories into a list (a claim about their sum)."""

ETC: Final = ("等",)
"""X等Y: the items X stand for the group Y."""

BREAKDOWN: Final = ("其中",)
"""A breakdown of the claim before it; read only for parts (applicant, result column)."""

NOT_WHOLE_SUBJECTS: Final = (
    "办公室", "办公厅", "科室", "股室", "下属", "所属", "各乡镇", "各街道", "各部门", "各单位",
    "季度", "上半年", "下半年", "月份",
    "网上", "网络", "在线", "信函", "当面", "现场", "电子邮件", "邮件", "传真", "邮寄", "来信",
    "来访", "电话",
)
"""Subjects that are a part of the agency (an office, a sub-unit, a period, a channel)."""

UNIT_SUFFIXES: Final = ("办公室", "办公厅", "局", "委")
"""How a named sub-unit ends (民政局, 局办公室): not the agency unless the agency's own name."""

WHOLE_AGENCY: Final = ("我", "本", "全", "该")
"""Words that make a unit name the agency itself (我局, 本局, 全县)."""

AGENCY_ABBREVIATIONS: Final = (("人民政府", "政府"),)
"""Long → short forms of an agency name (上海市人民政府办公厅 = 市政府办公厅)."""

CLAIM_UNITS: Final[dict[str, tuple[str, ...]]] = {
    "count": ("件",),
    "case": ("件", "起"),
    "application": ("件", "条", "项"),
    "amount": ("元", "万元"),
}
"""The units each kind of claim accepts (条 is an information item, except after 收到…申请)."""

SHUN: Final = ("建议", "提案", "信访件", "咨询", "热线", "问政", "留言", "投诉", "诉求")
"""Words of other kinds of requests: an application verb near them is not about section 三."""
