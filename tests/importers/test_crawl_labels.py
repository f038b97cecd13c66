"""Labels and headings of one-line dumps that the form's exact wording misses (issue 10).

Each case is a harness document (``benchmarks.fidelity_harness``) whose rows were blank before a
rule: a label printed with ``，`` for ``、`` or a word added, a column word inside a row label
(``（3）其他``), a character printed twice, a section heading with no mark after its numeral.
"""

from __future__ import annotations

import pytest

from benchmarks.fidelity_harness import Case, build_case, compare
from benchmarks.fidelity_harness.compare import imported_cells
from gi_report import read_document
from gi_report.form import TEMPLATES
from gi_report.importers.narrative import find_inline_headings, match_heading
from gi_report.importers.normalize import split_marker
from gi_report.importers.vocabulary import vocabulary

SPEC = list(TEMPLATES.values())[-1].table("applications")
SECTIONS = list(TEMPLATES.values())[-1].sections


def _blank_rows(case: Case) -> set[str]:
    """The rows with a stated cell read blank; no cell of the case may be wrong."""
    doc, text, kind = build_case(case)
    data = text.encode("utf-8") if isinstance(text, str) else text
    report = read_document(data, kind=kind, warn=False).report
    assert compare(doc.truth, report).wrong == ()
    got = imported_cells(report)
    return {p.rsplit("/", 1)[0] for p, v in doc.truth.items() if v is not None and got[p] is None}


@pytest.mark.parametrize(("case", "rows"), [
    # ，for 、 in a label; （3）其他 (a column word); （七）总计数量 (a word added)
    (Case(2519087846, ("label_variant",), "one_line"),
     {"/applications/other_misc", "/applications/other_overdue_correction",
      "/applications/results_total"}),
    # 2.其他他法律… (a column word, a character twice); （七）总总计 (a short label, twice)
    (Case(2942817377, ("label_typo",), "one_line"),
     {"/applications/denied_prohibited_by_law", "/applications/results_total"}),
    # 三收到… (no mark after the numeral): section 三 was not found at all
    (Case(2942817377, ("heading_variant",), "one_line"),
     {"/applications/new_this_year", "/applications/results_total"}),
    # 四政府信息公开… and 二主动公开…
    (Case(1813410345, ("heading_variant",), "one_line"),
     {"/review_litigation/administrative_review"}),
    (Case(3507963309, ("heading_variant",), "one_line"),
     {"/proactive/regulations", "/proactive/administrative_fees"}),
])
def test_a_varied_label_or_heading_is_read(case: Case, rows: set[str]) -> None:
    assert not rows & _blank_rows(case)


def test_a_short_label_with_a_character_twice_is_matched() -> None:
    row = next(r for r in SPEC.rows if 1 < len(split_marker(r.label)[1]) < 5)
    marker = row.label[: len(row.label) - len(split_marker(row.label)[1])]
    core_ = split_marker(row.label)[1]
    match = vocabulary(SPEC).row(marker + core_[0] + core_)
    assert match is not None and match.items == (row,) and match.how == "fuzzy"


def test_a_heading_without_the_mark_after_its_numeral_is_found() -> None:
    section = SECTIONS[2]
    heading = match_heading(section.number + section.title + "x", section)
    assert heading is not None and heading.fuzzy and heading.rest == "x"


def test_a_bracketed_numeral_is_no_section_heading() -> None:
    section = SECTIONS[1]
    assert match_heading(f"（{section.number}）{section.title}", section) is None


def test_an_inline_heading_may_leave_out_its_mark_but_not_be_bracketed() -> None:
    """In a one-line dump: ``二<title>`` is section 二's heading, ``（二）<title>`` is not."""
    section = SECTIONS[1]
    found = find_inline_headings(f"x{section.number}{section.title}y", [section])
    assert [(s.id, start) for s, start, _ in found] == [(section.id, 1)]
    assert list(find_inline_headings(f"x（{section.number}）{section.title}y", [section])) == []


def test_a_long_text_of_doubled_characters_is_no_label_and_builds_no_candidates() -> None:
    """The fuzz campaign's ``docx:606072`` (seed 16): a 40 KB document whose long lines were each
    tried as every label with one doubled character removed (length² work, 7 s). Only a text one
    character longer than some label can be a label with a character twice."""
    index = vocabulary(SPEC).rows
    longest = max(len(core_) for core_ in index.entries)
    long_text = "公公开开" * 2000
    assert len(long_text) - 1 > longest
    assert index._undoubled(long_text) == []
    assert vocabulary(SPEC).row(long_text) is None
