"""A report as Markdown: headings, paragraphs and one pipe table per (sub-)table.

Markdown cannot merge cells, so the tables are flattened the way converters do: section 二 as
one small table per 第二十条 item, section 三 as one table whose group labels (三、本年度办理结果,
（三）不予公开 …) are rows of their own, and section 四 with one row per form row
(行政诉讼（复议后起诉）…). Blank cells are empty; ``|`` in a text is escaped. The text reads back
with :func:`gi_report.read_document` to the same table values.
"""

from __future__ import annotations

from gi_report.form.spec import CellKind
from gi_report.model import Report
from gi_report.render.layout import _value_cells
from gi_report.render.narrative import report_title, sections
from gi_report.table import Table


def _line(cells: list[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|").replace("\n", "<br>") for c in cells) + " |"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [_line(header), "|" + "---|" * len(header), *(_line(r) for r in rows), ""]


def render_table_markdown(table: Table) -> str:
    """One fixed table as Markdown pipe tables (no merged cells)."""
    spec = table.spec
    out: list[str] = []
    if spec.id == "proactive":
        for group in spec.groups:
            members = spec.rows_in_group(group.id)
            if not members:
                continue
            columns = [c for c in spec.group_columns(group.id) if c.kind is not CellKind.TEXT]
            out += [f"### {group.label}", ""]
            out += _table([spec.row_header or "", *(c.label for c in columns)],
                          [[r.label, *_value_cells(table, r.id)] for r in members])
    elif spec.id == "applications":
        if spec.note:
            out += [spec.note, ""]
        rows: list[list[str]] = []
        seen: set[str] = set()
        blank = [""] * len(spec.columns)
        for row in spec.rows:
            for group_id in reversed(spec.group_chain(row.group)):
                if group_id not in seen:
                    seen.add(group_id)
                    rows.append([spec.group(group_id).label, *blank])
            rows.append([row.label, *_value_cells(table, row.id)])
        out += _table(["", *(c.label for c in spec.columns)], rows)
    else:
        rows = []
        for row in spec.rows:
            label = row.label
            if row.group:
                label = f"{spec.group(row.group).label}（{row.label}）"
            rows.append([label, *_value_cells(table, row.id)])
        out += _table(["", *(c.label for c in spec.columns)], rows)
    return "\n".join(out)


def _paragraphs(text: str | None) -> list[str]:
    out: list[str] = []
    for line in (text or "").split("\n"):
        if line.strip():
            out += [line, ""]
    return out


def render_markdown(report: Report) -> str:
    """The whole report as Markdown."""
    lines = [f"# {report_title(report)}", "", *_paragraphs(report.preamble)]
    for section in sections(report):
        lines += [f"## {section.heading}", "", *_paragraphs(section.text)]
        for heading, text in section.subsections:
            lines += [f"### {heading}", "", *_paragraphs(text)]
        if section.table is not None:
            lines += [render_table_markdown(section.table), ""]
    lines += _paragraphs(report.closing)
    return "\n".join(lines).rstrip("\n") + "\n"
