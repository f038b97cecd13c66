"""The HTML renderer: a styled page or a CMS fragment, semantic table markup, no network."""

from __future__ import annotations

import re

import lxml.html
import pytest

from gi_report import read_document, render
from gi_report.render.html import render_html, stylesheet
from gi_report.render.layout import table_layout
from gi_report.render.pointers import grid_width
from tests.render.helpers import differences, generated


@pytest.mark.parametrize("template", ["2021", "2019"])
def test_standalone_page_embeds_the_stylesheet_and_nothing_external(template: str) -> None:
    page = render_html(generated(1, template, 0.2))
    assert page.startswith("<!doctype html>")
    assert stylesheet() in page
    assert not re.search(r"<(script|link|img|iframe)\b", page)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "@media print" in stylesheet()


def test_fragment_has_no_styles_at_all_and_reads_back() -> None:
    report = generated(2, "2021", 0.2)
    fragment = render(report, to="html", standalone=False)
    assert isinstance(fragment, str)
    assert fragment.startswith('<article class="gi-report">')
    assert "<style" not in fragment and " style=" not in fragment
    assert "<html" not in fragment
    result = read_document(fragment.encode("utf-8"), kind="html", warn=False)
    assert differences(report, result.report) == {}


@pytest.mark.parametrize("template", ["2021", "2019"])
def test_tables_are_semantic_header_cells_with_scope_captions_and_columns(template: str) -> None:
    report = generated(3, template, 0.0)
    root = lxml.html.fromstring(render_html(report, standalone=False))
    tables = root.findall(".//table")
    assert [t.get("class") for t in tables] == [
        "gi-table gi-proactive", "gi-table gi-applications", "gi-table gi-review_litigation"]
    for table, (table_id, data) in zip(tables, report.tables.items(), strict=True):
        caption = table.find("caption")
        assert caption is not None
        assert caption.text == report.template_spec.section(data.spec.section).heading
        assert len(table.findall("colgroup/col")) == grid_width(table_layout(data)), table_id
        headers = table.findall(".//th")
        assert headers and all(th.get("scope") in ("row", "col", "rowgroup", "colgroup")
                               for th in headers)
        values = table.findall(".//td")
        assert len(values) == sum(1 for row in table_layout(data) for c in row if not c.header)
    corner = tables[1].find(".//tr/th")
    assert corner is not None and corner.get("scope") in ("col", "colgroup")
    first_row_label = tables[1].findall(".//tr")[3].find("th")
    assert first_row_label is not None and first_row_label.get("scope") == "row"


def test_blank_cells_are_empty_and_amounts_as_stated() -> None:
    report = generated(4, "2019", 0.5)
    root = lxml.html.fromstring(render_html(report, standalone=False))
    texts = [td.text_content() for td in root.iter("td")]
    blanks = sum(1 for t in report.tables.values() for _, _, v in t.cells() if v is None)
    assert blanks and "" in texts
    assert "（空）" not in "".join(texts)
