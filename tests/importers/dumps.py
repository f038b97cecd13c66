"""Test-only renderers of the dump shapes real reports come in, from reports with known values.

* :func:`cell_per_line` — page text copied from a browser, one TAB-indented cell per line, a blank
  line between rows (the Xicheng report's shape);
* :func:`one_line` — a crawler's dump: the whole report on one line, table cells run together with
  no separator (the Pingtan reports' shape). Blank cells vanish, as they do in such dumps.
"""

from __future__ import annotations

from gi_report.form.spec import CellKind
from gi_report.model import Report
from gi_report.render.layout import format_cell, table_layout
from gi_report.render.narrative import report_title, sections


def cell_per_line(report: Report, *, placeholders: bool = False) -> str:
    """The report as page text with one cell per line; ``placeholders``: an empty cell where a
    merged cell from a row above continues (as some browsers copy it)."""
    lines = [report_title(report), "", report.preamble or ""]
    for section in sections(report):
        lines.append(section.heading)
        if section.text:
            lines.append(section.text)
        for heading, text in section.subsections:
            lines += [heading, text]
        if section.table is None:
            continue
        occupied: set[tuple[int, int]] = set()
        for r, row in enumerate(table_layout(section.table)):
            column = 0
            for cell in row:
                while (r, column) in occupied:
                    if placeholders:
                        lines.append("\t")
                    column += 1
                first, *rest = cell.text.split("\n")
                lines.append("\t" + first)
                lines += rest  # a header word broken across lines continues without a TAB
                occupied |= {(r + dr, column + dc) for dr in range(cell.rowspan)
                             for dc in range(cell.colspan)}
                column += cell.colspan
            lines.append("")
        lines += ["", ""]
    if report.closing:
        lines.append(report.closing)
    return "\n".join(lines) + "\n"


def one_line(report: Report) -> str:
    """The report as a crawler's one-line dump, numbers run together."""
    parts = [report_title(report), " ", report.preamble or ""]
    for section in sections(report):
        parts.append(section.heading)
        parts.append(section.text or "")
        for heading, text in section.subsections:
            parts += [heading, text]
        table = section.table
        if table is None:
            continue
        spec = table.spec
        if spec.id == "review_litigation":
            for row in table_layout(table)[:-1]:
                parts += [c.text for c in row]
            parts.append("".join(format_cell(v) for _, _, v in table.cells()))
            continue
        if spec.note:
            parts.append(spec.note)
        printed_groups: set[str] = set()
        for row in spec.rows:
            for group_id in reversed(spec.group_chain(row.group)):
                if group_id not in printed_groups:
                    printed_groups.add(group_id)
                    parts.append(spec.group(group_id).label)
            parts.append(row.label)
            cells = [format_cell(table[row.id, c]) for c in row.columns
                     if spec.column(c).kind is not CellKind.TEXT]
            parts.append("".join(cells))
    parts.append(report.closing or "")
    return "".join(p.replace("\n", "") for p in parts) + "\n"


def row_per_line(report: Report, separator: str = "\t") -> str:
    """The report as text whose table rows are lines of cells separated by ``separator``
    (a TAB, or ``|`` as console tools print tables); merged cells are written once."""
    lines = [report_title(report), "", report.preamble or ""]
    for section in sections(report):
        lines.append(section.heading)
        if section.text:
            lines.append(section.text)
        for heading, text in section.subsections:
            lines += [heading, text]
        if section.table is None:
            continue
        lines.append("")
        for row in table_layout(section.table):
            cells = [cell.text.replace("\n", "") or " " for cell in row]
            if separator == "|":
                lines.append("| " + " | ".join(cells) + " |")
            else:
                lines.append("\t".join(cells))
        lines.append("")
    if report.closing:
        lines.append(report.closing)
    return "\n".join(lines) + "\n"
