"""Year over year: deltas, the carry-over check (R8) and text similarity."""

from __future__ import annotations

import attrs

from gi_report import Narrative, Overview, Subsection
from gi_report.analysis import compare_reports, text_similarity
from gi_report.analysis.compare import COPY_THRESHOLD
from tests.corpus import corpus_report


def test_carry_over_checked_on_consecutive_years() -> None:
    """2024 结转下年度 vs 2025 上年结转, column by column (real Huai'an and Shuyang values)."""
    previous = corpus_report("2024-huaian-city")
    current = corpus_report("2025-shuyang-county")
    comparison = compare_reports(previous, current)
    assert comparison.consecutive and not comparison.same_agency
    by_column = {c.column: c for c in comparison.carry_over}
    total = by_column["total"]
    assert (total.carried_to_next_year, total.carried_from_last_year) == (103, 36)
    assert total.status == "mismatch" and comparison.carry_over_ok is False
    # a matching carry-over passes
    fixed = current.with_table(
        current.applications.with_row("carried_from_last_year",
                                      previous.applications.row("carried_to_next_year"))
    )
    assert compare_reports(previous, fixed).carry_over_ok is True


def test_carry_over_not_evaluable_across_a_gap_or_a_blank() -> None:
    """Non-consecutive years, or a blank cell, make the check not evaluable (never a pass)."""
    gap = compare_reports(corpus_report("2021-pingtan"), corpus_report("2024-huaian-city"))
    assert {c.status for c in gap.carry_over} == {"not_evaluable"}
    assert gap.carry_over_ok is None
    drc = corpus_report("2023-shuyang-drc")
    nxt = attrs.evolve(corpus_report("2024-huaian-city"))
    blanks = compare_reports(drc, nxt)
    statuses = {c.column: c.status for c in blanks.carry_over}
    assert statuses["commercial_enterprise"] == "not_evaluable"  # blank in the DRC report
    assert statuses["natural_person"] == "mismatch"  # 0 vs 34


def test_cell_deltas() -> None:
    """Deltas are current − previous; a blank side gives no delta but counts as a change."""
    a, b = corpus_report("2023-shuyang-drc"), corpus_report("2024-huaian-city")
    comparison = compare_reports(a, b)
    deltas = {d.cell.pointer: d for d in comparison.deltas}
    assert deltas["/applications/results_total/total"].delta == 3050 - 26
    blank = deltas["/applications/results_total/commercial_enterprise"]
    assert blank.delta is None and blank.changed
    assert comparison.only_previous == () and comparison.only_current == ()


def test_cells_of_different_layouts() -> None:
    """2019 vs 2021: shared cells compared, the others listed on their side."""
    comparison = compare_reports(corpus_report("2019-pingtan"), corpus_report("2021-pingtan"))
    only_prev = {c.pointer for c in comparison.only_previous}
    only_cur = {c.pointer for c in comparison.only_current}
    assert "/applications/other_handling/total" in only_prev
    assert "/applications/other_misc/total" in only_cur
    deltas = {d.cell.pointer: d.delta for d in comparison.deltas}
    assert deltas["/applications/results_total/total"] == 69 - 23


def test_text_similarity_flags_a_copy_with_only_the_year_changed() -> None:
    """A text copied with new year and figures scores 1.0; a rewritten text scores low."""
    last = "2023年，我局认真贯彻落实《条例》，全年主动公开政府信息1200条，收到申请26件。"
    copy = "2024年，我局认真贯彻落实《条例》，全年主动公开政府信息1350条，收到申请31件。"
    other = "本年度围绕优化营商环境，推进决策公开，开展政务公开培训三次，群众满意度提升。"
    assert text_similarity(last, copy) == 1.0
    score = text_similarity(last, other)
    assert score is not None and score < 0.2
    assert text_similarity(last, "") is None

    base = corpus_report("2024-huaian-city")
    a = attrs.evolve(base, overview=Overview(text=last, subsections=(
        Subsection(heading="（一）主动公开", text="公开文件12件。"),)),
        problems=Narrative(text=other))
    b = attrs.evolve(base, overview=Overview(text=copy, subsections=(
        Subsection(heading="（一）主动公开", text="公开文件15件。"),)),
        problems=Narrative(text="问题：人员不足。改进：加强培训。"))
    result = compare_reports(a, b)
    scores = {t.section: t for t in result.text}
    assert scores["overview"].score == 1.0 and scores["overview"].flagged
    assert not scores["problems"].flagged
    assert scores["other_matters"].score is None
    assert "overview" in result.flagged_sections
    assert 0 < COPY_THRESHOLD <= 1
