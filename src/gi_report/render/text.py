"""The fixed tables as plain text, laid out as the official form: what agency staff read.

The tables are :func:`~gi_report.render.layout.flat_layout`'s, as the Markdown renderer prints
them, drawn as pipe tables aligned for a terminal (CJK characters take two columns), so that the
text also reads back with :func:`gi_report.read_document`. Labels come from the form description;
a blank cell prints as 空 (a word the importers read back as blank), never as 0; numbers print
exactly as stated
(:func:`~gi_report.render.layout.format_cell`).
"""

from __future__ import annotations

import unicodedata

from gi_report.model import Report
from gi_report.render.layout import FlatTable, flat_layout, format_cell
from gi_report.table import CellValue, Table

BLANK = "空"
"""How a blank cell prints: visibly different from 0, and read back as a blank by the importers
(the earlier （空） was not: a row starting with it lost its cells on import)."""


def display_width(text: str) -> int:
    """Columns the text takes in a terminal (CJK and full-width characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, *, right: bool = False) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


def format_value(value: CellValue) -> str:
    """A cell value as printed: numbers exactly as stated, a blank as :data:`BLANK`."""
    return format_cell(value, BLANK)


def _grid(flat: FlatTable) -> list[str]:
    """One flat table as aligned pipe-table lines: labels to the left, values to the right."""
    rows = [flat.header, *flat.rows]
    widths = [max(3, *(display_width(r[i]) for r in rows)) for i in range(len(flat.header))]

    def line(cells: tuple[str, ...], right: bool) -> str:
        padded = [_pad(cells[0], widths[0])]
        padded += [_pad(c, w, right=right) for c, w in zip(cells[1:], widths[1:], strict=True)]
        return "| " + " | ".join(padded) + " |"

    return [line(flat.header, False), "|" + "|".join("-" * (w + 2) for w in widths) + "|",
            *(line(row, True) for row in flat.rows)]


def render_table(table: Table) -> str:
    """One fixed table as text, with the official row and column labels."""
    lines: list[str] = []
    for flat in flat_layout(table, blank=BLANK):
        if flat.caption:
            lines.append(flat.caption)
        if flat.note:
            lines.append(flat.note)
        lines += _grid(flat)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_report(report: Report) -> str:
    """The report's identity and its three fixed tables as text."""
    spec = report.template_spec
    meta = report.metadata
    lines = [
        f"{meta.agency} {meta.year}年政府信息公开工作年度报告",
        f"格式: {spec.name} ({spec.document}), template {spec.version}",
    ]
    for table_id, version in report.table_templates.items():
        lines.append(f"注意: {table_id} 表按 {version} 年版格式填报")
    lines.append("")
    for table in report.tables.values():
        section = spec.section(table.spec.section)
        lines.append(section.heading)
        lines.append(render_table(table))
    return "\n".join(lines)
