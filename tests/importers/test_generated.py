"""Reports with known values, rendered to every text kind and imported back: the same cells.

HTML and Markdown come from the public renderers (:mod:`gi_report.render.html`,
:mod:`gi_report.render.markdown`); the two dump shapes from :mod:`tests.importers.dumps`.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gi_report import read_document
from gi_report.importers.result import ImportResult
from gi_report.model import Report
from gi_report.render.html import render_html
from gi_report.render.markdown import render_markdown
from gi_report.synthetic import random_report
from gi_report.table import CellValue
from tests.importers.dumps import cell_per_line, one_line, row_per_line
from tests.importers.expected import assert_sections_present
from tests.render.helpers import cells as _cells


def _same(a: CellValue, b: CellValue) -> bool:
    return a == b and type(a) is type(b)


RENDERERS: dict[str, tuple[Callable[[Report], str], str]] = {
    "html": (render_html, "html"),
    "markdown": (render_markdown, "markdown"),
    "cell-per-line": (cell_per_line, "text"),
    "cell-per-line-with-placeholders": (lambda r: cell_per_line(r, placeholders=True), "text"),
    "tab-separated-rows": (row_per_line, "text"),
    "pipe-separated-rows": (lambda r: row_per_line(r, "|"), "text"),
}


@pytest.mark.parametrize("shape", sorted(RENDERERS))
@pytest.mark.parametrize("template", ["2021", "2019"])
@given(seed=st.integers(min_value=0, max_value=10**6),
       blank_rate=st.sampled_from([0.0, 0.1, 0.4]))
def test_rendered_reports_import_back_cell_for_cell(shape: str, template: str, seed: int,
                                                     blank_rate: float) -> None:
    report = random_report(random.Random(seed), template=template, blank_rate=blank_rate)
    render, kind = RENDERERS[shape]
    result = read_document(render(report).encode("utf-8"), warn=False)
    assert result.kind == kind
    imported = result.report
    assert (imported.template, imported.metadata.agency, imported.metadata.year) == (
        report.template, report.metadata.agency, report.metadata.year)
    assert imported.table_templates == {}
    want, got = _cells(report), _cells(imported)
    wrong = {p: (want[p], got[p]) for p in want if not _same(want[p], got[p])}
    assert wrong == {}
    assert result.undetermined_cells == ()
    assert_sections_present(imported)
    assert imported.problems.text == report.problems.text
    assert imported.other_matters.processing_fee_notices_count == (
        report.other_matters.processing_fee_notices_count)


def _honest(result: ImportResult, report: Report) -> None:
    """Every cell is right, or blank and reported undetermined with the truth among candidates."""
    want, got = _cells(report), _cells(result.report)
    undetermined = set(result.undetermined_cells)
    candidates: dict[str, set[CellValue]] = {}
    for n in result.notices:
        if n.code in ("split.ambiguous", "split.inconsistent"):
            for option in n.candidates:
                for pointer, value in zip(n.cells, option, strict=True):
                    candidates.setdefault(pointer, set()).add(value)
    for pointer, value in want.items():
        if _same(got[pointer], value):
            continue
        assert got[pointer] is None, (pointer, value, got[pointer])  # never a wrong number
        assert pointer in undetermined, pointer
        assert value in candidates.get(pointer, set()), (pointer, value)


@given(seed=st.integers(min_value=0, max_value=10**6),
       scale=st.sampled_from([8, 30, 120]))
def test_one_line_crawl_dumps_are_split_honestly(seed: int, scale: int) -> None:
    """Run-together digits: each cell is split right, or left blank with its candidates."""
    report = random_report(random.Random(seed), template="2021", scale=scale)
    result = read_document(one_line(report).encode("utf-8"), kind="text", warn=False)
    _honest(result, report)
    # section 三 holds enough arithmetic that most of it is determined
    determined = sum(1 for p, v in _cells(result.report).items()
                     if p.startswith("/applications/") and v is not None)
    assert determined >= 100


def test_one_line_dump_of_a_small_report_is_fully_determined_in_sections_three_and_four(
) -> None:
    report = random_report(random.Random(3), template="2021", scale=30)
    result = read_document(one_line(report).encode("utf-8"), kind="text", warn=False)
    assert all(p.startswith("/proactive/") for p in result.undetermined_cells)
    _honest(result, report)
