"""The official layout of each table (merged cells and all), derived from the form description.

``official_layout(spec, table)`` places every label of a :class:`TableSpec` and every value of a
:class:`Table` where the official template prints them, as rectangles of grid cells. The DOCX
and PDF tests draw generated documents from it; the tests here check it against the real blank
template, so that generated documents look like the ones agencies fill in.
"""

from __future__ import annotations

import io
import random
import re
from collections.abc import Iterator
from decimal import Decimal

import attrs
import docx
import pytest

from gi_report.form import TABLE_IDS, get_template
from gi_report.form.spec import TableSpec
from gi_report.importers.blocks import TableBlock, TextBlock
from gi_report.importers.docx import parse_docx
from gi_report.model import Report
from gi_report.synthetic import random_report
from gi_report.table import CellValue, Table
from tests.importers.expected import CORPUS

BLANK_TEMPLATE = CORPUS / "template-2021-blank.docx"


@attrs.frozen
class LayoutCell:
    """A rectangle of the grid: rows ``r0 <= r < r1``, columns ``c0 <= c < c1``."""

    r0: int
    r1: int
    c0: int
    c1: int
    text: str
    pointer: str | None = None  #: the JSON Pointer when the cell holds a value


@attrs.frozen
class Layout:
    """A table as the template draws it."""

    rows: int
    columns: int
    cells: tuple[LayoutCell, ...]

    def at(self, row: int, column: int) -> LayoutCell | None:
        """The cell covering grid position (row, column)."""
        for cell in self.cells:
            if cell.r0 <= row < cell.r1 and cell.c0 <= column < cell.c1:
                return cell
        return None


def format_value(value: CellValue) -> str:
    """A value as an agency prints it (blank: empty)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _value(table: Table | None, row: str, column: str) -> str:
    return "" if table is None else format_value(table[row, column])


def _runs(items: list[str]) -> Iterator[tuple[int, int, str]]:
    """Runs of equal consecutive items: (start, stop, item)."""
    start = 0
    for i in range(1, len(items) + 1):
        if i == len(items) or items[i] != items[start]:
            yield start, i, items[start]
            start = i


def _proactive(spec: TableSpec, table: Table | None) -> Layout:
    width = 1 + max(len(r.columns) for r in spec.rows)
    cells: list[LayoutCell] = []
    r = 0
    for group in spec.groups:
        rows = [row for row in spec.rows if row.group == group.id]
        cells.append(LayoutCell(r, r + 1, 0, width, group.label))
        columns = rows[0].columns
        span = (width - 1) // len(columns)
        cells.append(LayoutCell(r + 1, r + 2, 0, 1, ""))  # 信息内容: not a label of the form
        for j, column in enumerate(columns):
            stop = width if j == len(columns) - 1 else 1 + (j + 1) * span
            cells.append(LayoutCell(r + 1, r + 2, 1 + j * span, stop, spec.column(column).label))
        r += 2
        for row in rows:
            cells.append(LayoutCell(r, r + 1, 0, 1, row.label))
            for j, column in enumerate(row.columns):
                stop = width if j == len(row.columns) - 1 else 1 + (j + 1) * span
                cells.append(
                    LayoutCell(r, r + 1, 1 + j * span, stop, _value(table, row.id, column),
                               f"/{spec.id}/{row.id}/{column}")
                )
            r += 1
    return Layout(rows=r, columns=width, cells=tuple(cells))


def _applications(spec: TableSpec, table: Table | None) -> Layout:
    labels = 3
    paths = [(*c.header_path, c.label) for c in spec.columns]
    depth = max(len(p) for p in paths)
    cells = [LayoutCell(0, depth, 0, labels, spec.note or "")]
    for level in range(depth):
        keys = [p[: level + 1] if len(p) > level else "" for p in paths]
        for start, stop, _key in _runs([str(k) for k in keys]):
            path = paths[start]
            if len(path) <= level:
                continue
            bottom = level + 1 if len(path) > level + 1 else depth
            cells.append(LayoutCell(level, bottom, labels + start, labels + stop, path[level]))
    first = depth
    chains = [spec.group_chain(row.group)[::-1] for row in spec.rows]  # outermost first
    for level in range(labels - 1):
        keys = [chain[level] if len(chain) > level else "" for chain in chains]
        for start, stop, key in _runs(keys):
            if key:
                cells.append(
                    LayoutCell(first + start, first + stop, level, level + 1,
                               spec.group(key).label)
                )
    for i, (row, chain) in enumerate(zip(spec.rows, chains, strict=True)):
        r = first + i
        cells.append(LayoutCell(r, r + 1, len(chain), labels, row.label))
        for j, column in enumerate(spec.columns):
            cells.append(
                LayoutCell(r, r + 1, labels + j, labels + j + 1,
                           _value(table, row.id, column.id), f"/{spec.id}/{row.id}/{column.id}")
            )
    return Layout(rows=first + len(spec.rows), columns=labels + len(spec.columns),
                  cells=tuple(cells))


def _review_litigation(spec: TableSpec, table: Table | None) -> Layout:
    outcomes = spec.columns
    cells: list[LayoutCell] = []
    c = 0
    for start, stop, group in _runs([row.group or "" for row in spec.rows]):
        width = (stop - start) * len(outcomes)
        if group:
            cells.append(LayoutCell(0, 1, c, c + width, spec.group(group).label))
        for row in spec.rows[start:stop]:
            if group:
                cells.append(LayoutCell(1, 2, c, c + len(outcomes), row.label))
            else:
                cells.append(LayoutCell(0, 1, c, c + len(outcomes), row.label))
            for j, column in enumerate(outcomes):
                top = 2 if group else 1
                cells.append(LayoutCell(top, 3, c + j, c + j + 1, column.label))
                cells.append(LayoutCell(3, 4, c + j, c + j + 1,
                                        _value(table, row.id, column.id),
                                        f"/{spec.id}/{row.id}/{column.id}"))
            c += len(outcomes)
    return Layout(rows=4, columns=c, cells=tuple(cells))


def official_layout(spec: TableSpec, table: Table | None = None) -> Layout:
    """Where the template prints each label and each value of ``spec`` (values from ``table``)."""
    if spec.id == "proactive":
        return _proactive(spec, table)
    if spec.id == "applications":
        return _applications(spec, table)
    return _review_litigation(spec, table)


def squash(text: str) -> str:
    """Text without any whitespace (line breaks and spaces inside a cell do not count)."""
    return re.sub(r"\s+", "", text)


def assert_grid_matches(block: TableBlock, layout: Layout, *, skip_text: bool = False) -> None:
    """Every grid position has the layout cell's origin and (whitespace aside) its text."""
    assert len(block.rows) == layout.rows
    for r, row in enumerate(block.rows):
        assert len(row) == layout.columns, f"row {r}: {len(row)} columns"
        for c, cell in enumerate(row):
            expected = layout.at(r, c)
            assert expected is not None, (r, c)
            assert cell is not None, f"no cell at ({r}, {c}), expected {expected}"
            assert cell.origin == (expected.r0, expected.c0), (r, c, cell, expected)
            if not skip_text:
                assert squash(cell.text) == squash(expected.text), (r, c, cell.text, expected)
            assert (cell.location.row, cell.location.column) == (r, c)


# --- generated Word documents ---------------------------------------------------------------


def report_docx(report: Report, *, title: str | None = None) -> bytes:
    """A Word document of ``report`` laid out like the official template (python-docx)."""
    spec = report.template_spec
    document = docx.Document()
    agency, year = report.metadata.agency, report.metadata.year
    document.add_paragraph(title or f"{agency}{year}年政府信息公开工作年度报告")
    document.add_paragraph(report.preamble or "")
    for section in spec.sections:
        document.add_paragraph(section.heading)
        if section.id == "overview":
            document.add_paragraph("本机关认真贯彻落实《中华人民共和国政府信息公开条例》。")
        for table_spec in spec.tables:
            if table_spec.section == section.id:
                add_layout(document, official_layout(table_spec, report.table(table_spec.id)))
        if section.id == "problems":
            document.add_paragraph(report.problems.text or "")
        if section.id == "other_matters":
            document.add_paragraph(report.other_matters.text or "")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def add_layout(document: docx.document.Document, layout: Layout) -> None:
    """Append ``layout`` as a Word table with merged cells (gridSpan and vMerge)."""
    table = document.add_table(rows=layout.rows, cols=layout.columns)
    for cell in layout.cells:
        target = table.cell(cell.r0, cell.c0)
        if cell.r1 - cell.r0 > 1 or cell.c1 - cell.c0 > 1:
            target = target.merge(table.cell(cell.r1 - 1, cell.c1 - 1))
        target.text = cell.text


def assert_same_tables(imported: Report, report: Report) -> None:
    """Every table cell of ``imported`` equals ``report``'s, type included (0 is not Decimal 0)."""
    for table_id in TABLE_IDS:
        got, want = imported.table(table_id), report.table(table_id)
        for row_id, column_id, value in want.cells():
            found = got[row_id, column_id]
            assert (type(found), found) == (type(value), value), (table_id, row_id, column_id,
                                                                   value, found)


def table_blocks(data: bytes) -> list[TableBlock]:
    """The table blocks of a DOCX file."""
    return [b for b in parse_docx(data).blocks if isinstance(b, TableBlock)]


# --- tests ------------------------------------------------------------------------------------

TEMPLATE_2021 = get_template("2021")


@pytest.mark.parametrize("index", [0, 1, 2], ids=["proactive", "applications", "review"])
def test_layout_from_the_form_matches_the_real_blank_template(index: int) -> None:
    spec = TEMPLATE_2021.tables[index]
    block = table_blocks(BLANK_TEMPLATE.read_bytes())[index]
    layout = official_layout(spec)
    assert_grid_matches(block, layout, skip_text=True)
    for cell in layout.cells:
        got = block.rows[cell.r0][cell.c0]
        assert got is not None
        if cell.text or cell.pointer:
            assert squash(got.text) == squash(cell.text), (cell, got.text)


def test_blank_template_text_blocks_hold_the_six_section_headings() -> None:
    texts = [b.text for b in parse_docx(BLANK_TEMPLATE.read_bytes()).blocks
             if isinstance(b, TextBlock)]
    for section in TEMPLATE_2021.sections:
        assert section.heading in texts


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_docx_grid_has_every_value_where_the_template_puts_it(seed: int) -> None:
    report = random_report(random.Random(seed), template="2021", blank_rate=0.15)
    blocks = table_blocks(report_docx(report))
    assert len(blocks) == 3
    for block, spec in zip(blocks, TEMPLATE_2021.tables, strict=True):
        assert_grid_matches(block, official_layout(spec, report.table(spec.id)))


def test_generated_2019_docx_grid() -> None:
    report = random_report(random.Random(5), template="2019", blank_rate=0.1)
    blocks = table_blocks(report_docx(report))
    spec = get_template("2019")
    assert len(blocks) == len(spec.tables)
    for block, table_spec in zip(blocks, spec.tables, strict=True):
        assert_grid_matches(block, official_layout(table_spec, report.table(table_spec.id)))
