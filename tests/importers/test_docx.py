"""The DOCX reader on the real blank template and on generated reports with known values."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from gi_report.form import TABLE_IDS, get_template
from gi_report.importers.blocks import TableBlock, TextBlock
from gi_report.importers.docx import parse_docx
from gi_report.synthetic import random_report
from tests.importers.test_docx_layout import (
    BLANK_TEMPLATE,
    assert_same_tables,
    official_layout,
    report_docx,
    squash,
)
from tests.importers.warned import read_warned

TEMPLATE = get_template("2021")


def test_blank_template_parses_into_text_and_three_tables() -> None:
    parsed = parse_docx(BLANK_TEMPLATE.read_bytes(), source="template-2021-blank.docx")
    assert parsed.kind == "docx"
    assert parsed.source == "template-2021-blank.docx"
    assert parsed.encoding == "UTF-8"
    tables = [b for b in parsed.blocks if isinstance(b, TableBlock)]
    assert [len(t.rows) for t in tables] == [14, 28, 4]
    assert [len(t.rows[0]) for t in tables] == [4, 10, 15]
    assert [t.location.table for t in tables] == [0, 1, 2]
    texts = [b for b in parsed.blocks if isinstance(b, TextBlock)]
    assert texts[0].text == "政府信息公开工作年度报告格式模板"
    assert all(t.location.line is not None and t.location.file for t in texts)
    assert all(t.text.strip() for t in texts), "empty paragraphs are not blocks"


def test_blank_template_blocks_come_in_reading_order() -> None:
    parsed = parse_docx(BLANK_TEMPLATE.read_bytes())
    order = [
        b.text if isinstance(b, TextBlock) else f"table {b.location.table}" for b in parsed.blocks
    ]
    headings = [s.heading for s in TEMPLATE.sections]
    positions = [order.index(h) for h in headings]
    assert positions == sorted(positions)
    for table_index, section in enumerate(("proactive", "applications", "review_litigation")):
        heading = TEMPLATE.section(section).heading
        assert order[order.index(heading) + 1] == f"table {table_index}"


def _value_positions(block: TableBlock, table_id: str) -> list[tuple[int, int]]:
    layout = official_layout(TEMPLATE.table(table_id))
    return [
        (r, c)
        for cell in layout.cells
        if cell.pointer
        for r in range(cell.r0, cell.r1)
        for c in range(cell.c0, cell.c1)
    ]


def test_blank_template_every_value_cell_is_empty_and_every_label_is_there() -> None:
    tables = [b for b in parse_docx(BLANK_TEMPLATE.read_bytes()).blocks
              if isinstance(b, TableBlock)]
    for block, table_id in zip(tables, TABLE_IDS, strict=True):
        positions = _value_positions(block, table_id)
        assert positions
        for r, c in positions:
            cell = block.rows[r][c]
            assert cell is not None and cell.text == "", (table_id, r, c, cell)
        texts = {squash(cell.text) for row in block.rows for cell in row if cell is not None}
        spec = TEMPLATE.table(table_id)
        for row in spec.rows:
            assert squash(row.label) in texts, (table_id, row.label)
        for column in spec.columns:
            assert squash(column.label) in texts, (table_id, column.label)
        for group in spec.groups:
            assert squash(group.label) in texts, (table_id, group.label)
    # No number anywhere in a value position: the template's full-width spaces became "".
    digits = [
        cell.text for block in tables for row in block.rows for cell in row
        if cell is not None and re.fullmatch(r"\s*\d+\s*", cell.text)
    ]
    assert digits == []


def test_full_width_spaces_in_template_cells_become_empty_text() -> None:
    # The template's 规章 row holds "　　" and "　" in its value cells (U+3000).
    block = next(b for b in parse_docx(BLANK_TEMPLATE.read_bytes()).blocks
                 if isinstance(b, TableBlock))
    regulations = next(row for row in block.rows
                       if row[0] is not None and row[0].text == TEMPLATE.table(
                           "proactive").row("regulations").label)
    assert [cell.text for cell in regulations if cell is not None][1:] == ["", "", ""]


def test_read_document_on_blank_template_gives_an_all_blank_2021_report() -> None:
    result = read_warned(BLANK_TEMPLATE)
    report = result.report
    assert report.template == "2021"
    for table_id in TABLE_IDS:
        table = report.table(table_id)
        filled = [(r, c, v) for r, c, v in table.cells() if v is not None]
        assert filled == [], f"{table_id}: {filled[:5]}"


@pytest.mark.parametrize("seed", [11, 12])
def test_read_document_on_generated_docx_gives_every_value(seed: int, tmp_path: Path) -> None:
    report = random_report(random.Random(seed), template="2021", blank_rate=0.1)
    path = tmp_path / "generated.docx"
    path.write_bytes(report_docx(report))
    imported = read_warned(path).report
    assert imported.template == "2021"
    assert imported.metadata.agency == report.metadata.agency
    assert imported.metadata.year == report.metadata.year
    assert_same_tables(imported, report)
