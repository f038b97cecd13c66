"""Harmonisation 2019 ↔ 2021: the mapping table covers every cell, and is applied as documented."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from gi_report.analysis import MappingKind, harmonise
from gi_report.analysis.mapping import cell_mappings, dropped_cells
from gi_report.form import TABLE_IDS, get_template
from gi_report.synthetic import random_report
from tests.corpus import corpus_report
from tools.gen.analysis_docs import harmonisation_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "harmonisation.md"
OTHER_2021 = ("other_overdue_correction", "other_fee_unpaid", "other_misc")


@pytest.mark.parametrize(("source", "target"), [("2019", "2021"), ("2021", "2019")])
def test_every_target_cell_has_exactly_one_rule(source: str, target: str) -> None:
    """The expanded mapping names each cell of the target layout once, and only those."""
    spec = get_template(target)
    mapped = [(m.table, m.row, m.column) for m in cell_mappings(source, target)]
    expected = [(t, r.id, c.id) for t in TABLE_IDS for r, c in spec.table(t).cells()]
    assert sorted(mapped) == sorted(expected)
    src = get_template(source)
    for m in cell_mappings(source, target):
        for row, column in m.sources:
            assert src.table(m.table).has_cell(row, column)
        assert bool(m.sources) == (m.kind is not MappingKind.NOT_MAPPABLE)


def test_2019_other_handling_is_the_sum_of_the_three_2021_rows() -> None:
    """The one rule the issue names: 2019 其他处理 = Σ of the 2021 其他处理 rows, every column."""
    report = random_report(random.Random(7), template="2021")
    result = harmonise(report, to="2019")
    for column in get_template("2019").table("applications").row("other_handling").columns:
        expected = sum(report.applications[row, column] or 0 for row in OTHER_2021)
        assert result.report.applications["other_handling", column] == expected
    # nothing of section 三 or 四 was lost going to 2019
    assert all(u.cell.table == "proactive" for u in result.unmapped)


def test_2019_to_2021_leaves_unmappable_cells_blank_and_lists_them() -> None:
    """Real 2019 Pingtan report: 其他处理 split, 现行有效, fee amount are blank and listed."""
    report = corpus_report("2019-pingtan")
    result = harmonise(report, to="2021")
    out = result.report
    assert out.template == "2021" and out.table_templates == {}
    assert result.changed
    for row in OTHER_2021:
        assert out.applications[row, "total"] is None
    assert out.proactive["normative_documents", "currently_valid"] is None  # 89 published ≉
    assert out.proactive["administrative_fees", "amount_10k_yuan"] is None
    # exact mappings carried: 行政许可 处理决定数量 181, 行政处罚 430, 行政强制 25
    assert out.proactive["administrative_licensing", "decisions_this_year"] == 181
    assert out.proactive["administrative_penalty", "decisions_this_year"] == 430
    assert out.proactive["administrative_coercion", "decisions_this_year"] == 25
    # section 三 shared rows and section 四 unchanged
    assert out.applications.row("results_total") == report.applications.row("results_total")
    assert out.review_litigation == report.review_litigation
    unfilled = {u.pointer for u in result.unfilled}
    assert "/applications/other_misc/total" in unfilled
    assert "/proactive/normative_documents/currently_valid" in unfilled
    dropped = {u.pointer: u.value for u in result.dropped}
    assert dropped["/proactive/centralized_procurement/projects"] == 135
    assert dropped["/proactive/normative_documents/total_published"] == 89
    assert dropped["/applications/other_handling/total"] == 0


def test_approximate_only_on_request() -> None:
    """本年新制作数量 → 本年制发件数 is carried only with approximate=True, and then listed."""
    report = corpus_report("2019-shanghai-gov-office")
    strict = harmonise(report, to="2021")
    assert strict.report.proactive["regulations", "issued_this_year"] is None
    assert strict.approximate == ()
    loose = harmonise(report, to="2021", approximate=True)
    assert loose.report.proactive["regulations", "issued_this_year"] == 13
    assert {c.pointer for c in loose.approximate} == {
        "/proactive/regulations/issued_this_year",
        "/proactive/normative_documents/issued_this_year",
    }


def test_same_template_is_unchanged() -> None:
    """A report already on the target template comes back equal, with nothing unmapped."""
    report = corpus_report("2024-huaian-city")
    result = harmonise(report, to="2021")
    assert result.report == report and result.unmapped == () and not result.changed


def test_blank_part_makes_the_sum_blank() -> None:
    """2021→2019: a blank 其他处理 part leaves that column of other_handling blank (not 0)."""
    report = corpus_report("2024-huaian-city")
    report = report.with_table(report.applications.with_cell("other_fee_unpaid", "total", None))
    result = harmonise(report, to="2019")
    assert result.report.applications["other_handling", "total"] is None
    assert result.report.applications["other_handling", "natural_person"] == 67 + 6 + 108


def test_mixed_layout_report_is_harmonised_table_by_table() -> None:
    """A 2021 report whose section 三 is printed on the 2019 layout is carried over per table."""
    base = corpus_report("2024-huaian-city")
    old = harmonise(base, to="2019").report.applications
    mixed = base.with_table(old)
    assert mixed.table_templates == {"applications": "2019"}
    result = harmonise(mixed, to="2021")
    assert result.source_layouts == {
        "proactive": "2021", "applications": "2019", "review_litigation": "2021"
    }
    assert result.report.proactive == base.proactive
    assert all(u.cell.table == "applications" for u in result.unmapped)


def test_dropped_cells_have_reasons() -> None:
    """Every source cell without a target is listed with a reason."""
    for source, target in (("2019", "2021"), ("2021", "2019")):
        for _, _, _, reason in dropped_cells(source, target):
            assert reason


def test_harmonisation_doc_is_current() -> None:
    """docs/harmonisation.md is generated from the mapping data: regenerate with
    ``python tools/generate.py`` when this fails."""
    assert DOC.read_text("utf-8") == harmonisation_markdown()
