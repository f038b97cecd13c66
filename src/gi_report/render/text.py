"""The fixed tables as plain text, laid out as the official form: what agency staff read.

Labels come from the form description; a blank cell prints as a dot-free empty field, never as 0.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from gi_report.model import Report
from gi_report.table import CellValue, Table

BLANK = "（空）"
"""How a blank cell prints: visibly different from 0."""


def display_width(text: str) -> int:
    """Columns the text takes in a terminal (CJK and full-width characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, *, right: bool = False) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


def format_value(value: CellValue) -> str:
    """A cell value as printed: numbers as stated, a blank as （空）."""
    return BLANK if value is None else str(value)


def _grid(headers: list[str], rows: Iterable[list[str]]) -> list[str]:
    body = list(rows)
    widths = [max(display_width(r[i]) for r in [headers, *body]) for i in range(len(headers))]
    lines = ["  ".join(_pad(h, w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in body:
        cells = [_pad(row[0], widths[0])]
        cells += [_pad(c, w, right=True) for c, w in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join(cells).rstrip())
    return lines


def render_table(table: Table) -> str:
    """One fixed table as text, with the official row and column labels."""
    spec = table.spec
    lines: list[str] = []
    if spec.id == "proactive":
        for group in spec.groups:
            rows = spec.rows_in_group(group.id)
            if not rows:
                continue
            columns = spec.group_columns(group.id)
            lines.append(group.label)
            lines += _grid(
                [spec.row_header or "", *(c.label for c in columns)],
                (
                    [r.label, *(format_value(table[r.id, c.id]) if c.id in r.columns else ""
                                for c in columns)]
                    for r in rows
                ),
            )
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"
    headers = ["", *(c.label for c in spec.columns)]
    body: list[list[str]] = []
    printed_groups: set[str] = set()
    for row in spec.rows:
        for group_id in reversed(spec.group_chain(row.group)):
            if group_id not in printed_groups:
                printed_groups.add(group_id)
                group = spec.group(group_id)
                if spec.id != "review_litigation":
                    body.append([group.label, *([""] * len(spec.columns))])
        label = row.label if spec.id != "review_litigation" or row.group is None else (
            f"{spec.group(row.group).label}·{row.label}"
        )
        body.append([label, *(format_value(table[row.id, c]) for c in row.columns)])
    if spec.note:
        lines.append(spec.note)
    lines += _grid(headers, body)
    return "\n".join(lines) + "\n"


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
