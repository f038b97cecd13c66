"""Metrics: hand-computed cases from the real corpus, NA rules, and the generated catalogue doc."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from gi_report.analysis import CATALOGUE, METRICS, compute_metrics
from gi_report.form import TEMPLATES
from tests.corpus import corpus_report
from tools.gen.analysis_docs import metrics_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "metrics.md"


def test_shuyang_2025_by_hand() -> None:
    """沭阳县 2025: 办理718件 (（七）总计), 予以公开294, 部分公开101 (read off the report)."""
    values = compute_metrics(corpus_report("2025-shuyang-county"))
    assert values["granted_share"].fraction == Fraction(294, 718)
    assert values["granted_or_partial_share"].fraction == Fraction(294 + 101, 718)
    # 不予公开: 国家秘密0 + 法律禁止0 + 三安全一稳定2 + 第三方2
    #         + 内部事务13 + 过程性2 + 执法案卷4 + 行政查询9
    assert values["denied_share"].fraction == Fraction(0 + 0 + 2 + 2 + 13 + 2 + 4 + 9, 718)
    # 无法提供: 不掌握111 + 需另行制作2 + 仍不明确0
    assert values["unable_share"].fraction == Fraction(111 + 2 + 0, 718)
    # legal grounds vs cannot provide: 32 refused / (32 refused + 113 cannot provide)
    assert values["legal_refusal_share"].fraction == Fraction(32, 32 + 113)
    # 不予处理: 信访举报投诉12 + 重复申请7 + 0 + 0 + 0
    assert values["not_processed_share"].fraction == Fraction(12 + 7, 718)
    # 行政复议: 维持27 纠正10 其他9 未审结15 总计61 → 10 / (61 − 15)
    review = values["administrative_review_correction_rate"]
    assert (review.numerator, review.denominator) == (10, 46)
    assert review.value == pytest.approx(10 / 46)
    # 直接起诉: 3件, all upheld → 0 / (3 − 0) = 0, not NA
    assert values["litigation_direct_correction_rate"].value == 0.0
    # 复议后起诉: 维持8 其他1 未审结1 总计10 → 0 / (10 − 1)
    after = values["litigation_after_review_correction_rate"]
    assert (after.numerator, after.denominator, after.value) == (0, 9, 0.0)


def test_huaian_2024_by_hand() -> None:
    """淮安市 2024: 办理3050件; 复议 纠正64 of 351 with 37 pending; 诉讼 4/25 and 1/14."""
    values = compute_metrics(corpus_report("2024-huaian-city"))
    assert values["granted_share"].fraction == Fraction(1362, 3050)
    assert values["denied_share"].numerator == 2 + 31 + 5 + 6 + 8 + 12 + 9 + 105
    assert values["administrative_review_correction_rate"].fraction == Fraction(64, 351 - 37)
    assert values["litigation_direct_correction_rate"].fraction == Fraction(4, 26 - 1)
    assert values["litigation_after_review_correction_rate"].fraction == Fraction(1, 20 - 6)


def test_blank_cells_make_a_metric_na_never_zero() -> None:
    """Shanghai 2019 leaves the 总计 of every outcome row and several review cells blank."""
    values = compute_metrics(corpus_report("2019-shanghai-gov-office"))
    granted = values["granted_share"]
    assert granted.value is None and granted.fraction is None
    assert granted.reason is not None and "/applications/granted/total" in granted.reason
    review = values["administrative_review_correction_rate"]
    assert review.value is None
    assert review.reason is not None and "/review_litigation/administrative_review/corrected" in (
        review.reason
    )
    assert values["litigation_after_review_correction_rate"].value is None


def test_pandas_missing_gives_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas the frames raise MissingExtraError naming the extra to install."""
    import sys

    from gi_report.analysis import to_frame
    from gi_report.errors import MissingExtraError

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r"gi-report\[pandas\]"):
        to_frame([corpus_report("2021-pingtan")])
    # the rest of the analysis needs no pandas
    assert compute_metrics(corpus_report("2021-pingtan"))["granted_share"].numerator == 30


def test_zero_denominator_is_na() -> None:
    """Xicheng 2022 handled no application and had no review: every metric is NA (0 / 0)."""
    values = compute_metrics(corpus_report("2022-beijing-xicheng-cgzx"))
    for value in values.values():
        assert value.value is None
        assert value.reason == "the denominator is 0"
        assert value.denominator == 0


def test_catalogue_is_versioned_data_over_cells_of_both_templates() -> None:
    """Every definition has id@version, names in two languages, cells both templates have."""
    assert len({m.key for m in CATALOGUE}) == len(CATALOGUE) == len(METRICS)
    for metric in CATALOGUE:
        assert metric.version >= 1 and metric.name_zh and metric.name_en and metric.formula
        assert metric.numerator and metric.denominator
        for template in TEMPLATES.values():
            for cell in metric.cells:
                assert template.table(cell.table).has_cell(cell.row, cell.column), (
                    metric.id, template.version, cell)


def test_selected_metrics_only() -> None:
    """Asking for some metrics computes only those, in the order asked."""
    values = compute_metrics(corpus_report("2021-pingtan"), ["unable_share", "granted_share"])
    assert list(values) == ["unable_share", "granted_share"]
    assert values["unable_share"].fraction == Fraction(25, 69)


def test_metrics_doc_is_current() -> None:
    """docs/metrics.md is generated from the catalogue: regenerate with
    ``python tools/generate.py`` when this fails."""
    assert DOC.read_text("utf-8") == metrics_markdown()
