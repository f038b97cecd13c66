"""A value cell merged over two form rows (HTML rowspan, a Word vertical merge): its number is
never read into both rows (docs/importers.md, "A value cell merged over rows")."""

from __future__ import annotations

import io
import random

import docx
import lxml.html
import pytest

from gi_report.form import get_template
from gi_report.form.spec import CellKind
from gi_report.importers.api import read_document
from gi_report.importers.blocks import Location
from gi_report.importers.digits import Run
from gi_report.importers.mergedrows import settle_merged
from gi_report.importers.place import Placer
from gi_report.importers.result import ImportResult
from gi_report.model import Report
from gi_report.synthetic import random_report
from tests.importers.expected import CORPUS, assert_matches_expected
from tests.importers.test_docx_layout import report_docx

PAGE = CORPUS / "2023-shuyang-drc.html"
UPPER, LOWER = "denied_prohibited_by_law", "denied_security_stability"
"""Two rows of section 三 that follow one another in the page's table (grid rows 8 and 9 of
its applications table: 2.其他法律… and 3.危及…)."""
POINTERS = [f"/applications/{UPPER}/natural_person", f"/applications/{LOWER}/natural_person"]


def _merged_page(text: str) -> bytes:
    """The real Shuyang page with the natural-person cells of the two rows merged into one
    printing ``text`` (``rowspan="2"``, the lower row's cell removed)."""
    page = lxml.html.fromstring(PAGE.read_bytes())
    rows = [tr for tr in page.iter("tr")
            if any(td.text_content().strip().startswith(("2.其他法律", "3.危及"))
                   for td in tr.findall("td"))]
    upper, lower = rows
    cell = upper.findall("td")[1]
    for element in cell.iter():
        if element.text and element.text.strip():
            element.text = text
    cell.set("rowspan", "2")
    lower.remove(lower.findall("td")[1])
    return bytes(lxml.html.tostring(page, encoding="utf-8"))


def _codes(result: ImportResult, code: str) -> list[tuple[str, ...]]:
    return [tuple(n.cells) for n in result.notices if n.code == code]


def test_a_number_merged_over_two_rows_is_read_into_neither() -> None:
    result = read_document(_merged_page("7"), kind="html", warn=False)
    table = result.report.table("applications")
    assert table is not None
    assert table[UPPER, "natural_person"] is None
    assert table[LOWER, "natural_person"] is None
    assert _codes(result, "cell.merged_rows") == [tuple(POINTERS)]
    # every other cell as the page prints it (the two rows' totals stay as stated)
    assert_matches_expected(result.report, "2023-shuyang-drc", undetermined=POINTERS)


def test_a_zero_merged_over_two_rows_is_zero_in_each() -> None:
    result = read_document(_merged_page("0"), kind="html", warn=False)
    table = result.report.table("applications")
    assert table is not None
    assert (table[UPPER, "natural_person"], table[LOWER, "natural_person"]) == (0, 0)
    assert _codes(result, "cell.merged_zero") == [tuple(POINTERS)]
    assert not _codes(result, "cell.merged_rows")
    assert_matches_expected(result.report, "2023-shuyang-drc")


def test_the_unmerged_page_has_no_merged_cell_notice() -> None:
    result = read_document(PAGE, warn=False)
    assert not [n for n in result.notices if n.code.startswith("cell.merged")]


def _report() -> Report:
    return random_report(random.Random(11))


def _merged_docx(report: Report, text: str) -> bytes:
    """``report`` as a Word file whose section 三 cells of the first two rows, natural-person
    column, are one vertically merged cell printing ``text``."""
    document = docx.Document(io.BytesIO(report_docx(report)))
    table = next(t for t in document.tables if "自然人" in "".join(c.text for c in t._cells))
    first = next(r for r, row in enumerate(table.rows)
                 if row.cells[-1].text.strip().isdigit())
    column = next(c for c, cell in enumerate(table.rows[first].cells)
                  if cell.text.strip().isdigit())
    merged = table.cell(first, column).merge(table.cell(first + 1, column))
    merged.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(("text", "want"), [("7", None), ("0", 0)])
def test_a_word_vertical_merge_over_two_rows(text: str, want: int | None) -> None:
    report = _report()
    result = read_document(_merged_docx(report, text), kind="docx", warn=False)
    table, truth = result.report.table("applications"), report.table("applications")
    assert table is not None and truth is not None
    rows = [row.id for row in report.template_spec.table("applications").rows][:2]
    assert [table[r, "natural_person"] for r in rows] == [want, want]
    code = "cell.merged_rows" if want is None else "cell.merged_zero"
    assert _codes(result, code) == [tuple(f"/applications/{r}/natural_person" for r in rows)]
    for row_id, column_id, value in truth.cells():
        if column_id != "natural_person" or row_id not in rows:
            assert table[row_id, column_id] == value, (row_id, column_id)


def test_digits_run_together_in_a_merged_cell_are_never_split_into_each_row() -> None:
    """A merged cell whose text the placer left as a digit run for each row it covers (no
    document form reaches this today: a table with a header reads such a row as
    ``row.cell_count``): the runs are dropped and their cells blank, never split per row."""
    spec = get_template("2021").table("applications")
    where = Location(file="x.html", table=0, row=8, column=2)
    placer = Placer(spec, None)
    for row in (UPPER, LOWER):
        cells = tuple((row, c) for c in spec.row(row).columns)
        placer.runs.append(Run(cells=cells, kinds=tuple(CellKind.COUNT for _ in cells),
                               segments=("7000007",), text="7000007", location=where))
        placer.sources.update(dict.fromkeys(cells, where))
    settle_merged(spec, placer, {where: (0, (8, 2), "7000007")})
    assert placer.runs == []
    cells = [(r, c) for r in (UPPER, LOWER) for c in spec.row(r).columns]
    assert all(placer.values[c] is None for c in cells)
    [merged] = placer.notices
    assert merged.code == "cell.merged_rows" and merged.found == "7000007"
    assert len(merged.cells) == len(cells)
