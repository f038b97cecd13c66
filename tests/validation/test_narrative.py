"""R15: numbers in the real reports' narrative against their own tables."""

from __future__ import annotations

import attrs
import pytest

from gi_report import Overview, Report, Subsection
from gi_report.validation import Severity, Status, validate
from gi_report.validation.narrative import claims_in, patterns_for, sentences
from tests.validation.corpus import CORPUS, document_text, report_from_expected, sentence_with


def _with_text(report: Report, *texts: str) -> Report:
    subsections = tuple(Subsection(heading=f"（{i}）", text=t) for i, t in enumerate(texts))
    return attrs.evolve(report, overview=Overview(heading="一、总体情况", subsections=subsections))


def _r15(report: Report, **options: bool) -> list:
    return list(validate(report, select=("gi.text",), **options).findings)


def _claims(report: Report, text: str) -> list[tuple[str, int]]:
    fees = tuple(f.id for f in report.template_spec.fee_fields)
    patterns = patterns_for(report.applications.spec, report.review_litigation.spec,
                            report.proactive.spec, fees)  # type: ignore[arg-type]
    agency = report.metadata.agency
    return [(c.said, int(c.value)) for s in sentences(text)
            for c in claims_in(s, patterns, agency)]


REAL_AGREEING = [
    ("2021-pingtan", "本年度全区共收到70件申请"),
    ("2023-shuyang-drc", "共收到依申请信息公开26件"),
    ("2025-shuyang-county", "全县全年共受理政府信息公开申请"),
    ("2025-shuyang-county", "全县共办理相关案件"),
    ("2022-beijing-xicheng-cgzx", "2022年中心无依申请公开案件"),
    ("2022-beijing-xicheng-cgzx", "未制定新规章、规范性文件"),
    ("2019-shanghai-gov-office", "共受理政府信息公开申请859件"),
    ("2019-shanghai-gov-office", "信息公开类行政复议7件"),
    ("2019-shanghai-gov-office", "主动公开规章13件"),
]


@pytest.mark.parametrize(("name", "words"), REAL_AGREEING)
def test_real_sentences_that_agree_with_their_tables(name: str, words: str) -> None:
    sentence = sentence_with(name, words)
    report = _with_text(report_from_expected(name), sentence)
    assert _claims(report, sentence), "the sentence should make at least one claim"
    assert [f for f in _r15(report) if f.status is Status.FAILED] == []


def test_the_claims_read_in_real_sentences() -> None:
    """Each claim once, in the order the sentence states them."""
    report = report_from_expected("2025-shuyang-county")
    sentence = sentence_with("2025-shuyang-county", "全县全年共受理政府信息公开申请")
    assert _claims(report, sentence) == [
        ("受理政府信息公开申请 749 件", 749),
        ("自然人申请 741 件", 741),
        ("法人或其他组织申请 8 件", 8),
        ("办理 718 件", 718),
        ("结转下一年 31 件", 31),
    ]
    shanghai = report_from_expected("2019-shanghai-gov-office")
    text = sentence_with("2019-shanghai-gov-office", "答复政府信息公开申请805件")
    assert _claims(shanghai, text) == [
        ("受理政府信息公开申请859件", 859),
        ("答复政府信息公开申请805件", 805),
        ("上年度结转申请18件", 18),
        ("72件申请按照《条例》顺延到下年", 72),
    ]


def test_shanghai_2019_text_contradicts_its_table() -> None:
    """The expected file's notes: 予以公开及部分公开258件 (table ≥ 275), 无法提供265件 (337)."""
    outcome = sentence_with("2019-shanghai-gov-office", "予以公开及部分公开258件")
    report = _with_text(report_from_expected("2019-shanghai-gov-office"), outcome)
    failed = [f for f in _r15(report) if f.status is Status.FAILED]
    assert [(f.code, f.severity, f.stated, f.computed) for f in failed] == [
        ("gi.text.R15", Severity.WARNING, 258, 275),
        ("gi.text.R15", Severity.WARNING, 265, 337),
    ]
    first = failed[0]
    assert first.pointer == "/overview/subsections/0/text"
    assert first.quote == outcome
    assert "/applications/granted/total" in first.pointers
    assert first.message_zh.startswith(
        "正文称“予以公开及部分公开258件”，但表格中 （一）予以公开·总计 + "
        "（二）部分公开·总计 为 至少 275"
    )
    assert "原句：“予以公开及部分公开258件，占33.9%" in first.message_zh
    assert "（四）无法提供·总计 为 至少 337" in failed[1].message_zh
    # 不予公开35件 and 不予处理158件 agree once blanks count as 0; 其他处理0件 too
    lenient = [f for f in _r15(report, blank_as_zero=True) if f.status is Status.FAILED]
    assert [(f.stated, f.computed) for f in lenient] == [(258, 275), (265, 337)]
    not_evaluable = [f for f in _r15(report) if f.status is Status.NOT_EVALUABLE]
    assert {f.stated for f in not_evaluable} == {35, 158, 0}
    assert all(f.severity is Severity.INFO and f.missing for f in not_evaluable)


def test_a_changed_table_contradicts_real_text() -> None:
    sentence = sentence_with("2021-pingtan", "本年度全区共收到70件申请")
    report = _with_text(report_from_expected("2021-pingtan"), sentence)
    table = report.applications.with_row(
        "carried_to_next_year", {"natural_person": 0, "total": 0})
    findings = _r15(report.with_table(table))
    assert [(f.code, f.stated, f.computed) for f in findings] == [("gi.text.R15", 1, 0)]
    assert findings[0].pointers == ("/overview/subsections/0/text",
                                    "/applications/carried_to_next_year/total")
    assert "1件结转下年" in findings[0].message_zh


def test_negations_mean_zero() -> None:
    """西城 2022: 未产生…行政复议、行政诉讼案件 — a review in the table contradicts it."""
    sentence = sentence_with("2022-beijing-xicheng-cgzx", "2022年中心无依申请公开案件")
    report = _with_text(report_from_expected("2022-beijing-xicheng-cgzx"), sentence)
    table = report.review_litigation.with_row("administrative_review",
                                              {"pending": 1, "total": 1})
    findings = _r15(report.with_table(table))
    assert [(f.stated, f.computed, f.pointers[1]) for f in findings] == [
        (0, 1, "/review_litigation/administrative_review/total")
    ]


def test_2019_proactive_claims_use_the_2019_columns() -> None:
    sentence = sentence_with("2019-shanghai-gov-office", "主动公开规章13件")
    report = _with_text(report_from_expected("2019-shanghai-gov-office"), sentence)
    table = report.proactive.with_row("normative_documents", {"published_this_year": 61})
    (finding,) = _r15(report.with_table(table))
    assert (finding.stated, finding.computed) == (60, 61)
    assert finding.pointers[1] == "/proactive/normative_documents/published_this_year"
    assert "规范性文件·本年新公开数量 为 61" in finding.message_zh


def test_breakdowns_after_qizhong_are_not_totals() -> None:
    report = report_from_expected("2025-shuyang-county")
    claims = _claims(report, "全年共收取信息处理费380元，其中民政局收取200元。")
    assert claims == [("收取信息处理费380元", 380)]


def test_huaian_2024_pdf_text_agrees_with_its_tables() -> None:
    """The real 淮安 2024 PDF: every claim of section 一 agrees (lines wrapped by the PDF)."""
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(CORPUS / "2024-huaian-city.pdf") as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    overview = text[text.index("一、总体情况"): text.index("二、主动公开政府信息情况")]
    report = _with_text(report_from_expected("2024-huaian-city"), overview)
    said = dict(_claims(report, overview))
    assert said["受理政府信息公开申请 3119 件"] == 3119
    assert said["行政诉讼 46 件"] == 46
    assert _r15(report) == []


def test_every_corpus_narrative_reads_without_error() -> None:
    """Whole documents as narrative: claims are found and nothing raises."""
    for name in ("2019-shanghai-gov-office", "2021-pingtan", "2023-shuyang-drc",
                 "2025-shuyang-county", "2022-beijing-xicheng-cgzx"):
        text = document_text(name)
        report = _with_text(report_from_expected(name), text)
        assert _claims(report, text)
        assert all(f.code == "gi.text.R15" for f in _r15(report))
