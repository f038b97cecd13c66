"""Digit runs longer than 120 characters (issue 10): section 三 printed as one run apart from its
labels is searched, within the table's step budget, instead of being left blank unread."""

from __future__ import annotations

import re

import pytest

from benchmarks.fidelity_harness import Case, build_case, compare
from gi_report import read_document
from gi_report.importers import digits
from tests.conftest import SEARCH_BUDGET, SearchSteps


def _run(case: Case) -> tuple[str, re.Match[str]]:
    """The case's text and its longest digit run (section 三 apart from its labels)."""
    _, text, _ = build_case(case)
    assert isinstance(text, str)
    longest = max(re.finditer(r"\d{100,}", text), key=lambda m: len(m.group()))
    return text, longest


def test_section_three_as_one_long_run_is_split_by_the_arithmetic() -> None:
    # before: the 175 cells of section 三 blank (split.too_long, a run of 254 digits)
    case = Case(28, ("detached_labels",), "one_line")
    doc, text, kind = build_case(case)
    assert isinstance(text, str)
    assert len(_run(case)[1].group()) > 120
    result = read_document(text.encode(), kind=kind, warn=False)
    tally = compare(doc.truth, result.report)
    assert tally.wrong == ()
    codes = {n.code for n in result.notices}
    assert "split.too_long" not in codes and "split.unique" in codes
    applications = result.report.table("applications")
    read = [v for row in applications.values for v in row if v is not None]
    assert len(read) == len(applications.spec.rows) * len(applications.spec.columns)


@pytest.mark.parametrize("length", [300, 1_000])
def test_a_long_run_is_answered_within_the_table_budget(
        search_steps: SearchSteps, length: int) -> None:
    """A run of ones of up to :data:`MAX_RUN_DIGITS` digits under section 三's cells: every
    step counts against the table's budget, and the cells are answered (blank, with why)."""
    text, run = _run(Case(1, ("detached_labels",), "one_line"))
    assert length <= digits.MAX_RUN_DIGITS
    damaged = text[:run.start()] + "1" * length + text[run.end():]
    result = read_document(damaged.encode(), kind="text", warn=False)
    tables = 3
    assert 0 < search_steps["n"] <= tables * (SEARCH_BUDGET + 1)
    answered = [n for n in result.notices if n.found and "1" * length in n.found]
    assert answered and {n.code for n in answered} <= {
        "split.too_complex", "split.ambiguous", "split.inconsistent"}
    for pointer in answered[0].cells:
        _, table, row, column = pointer.split("/")
        assert result.report.table(table).cell(row, column) is None


def test_a_run_over_the_limit_is_still_not_searched() -> None:
    text, run = _run(Case(1, ("detached_labels",), "one_line"))
    damaged = text[:run.start()] + "1" * (digits.MAX_RUN_DIGITS + 1) + text[run.end():]
    result = read_document(damaged.encode(), kind="text", warn=False)
    assert "split.too_long" in {n.code for n in result.notices}
