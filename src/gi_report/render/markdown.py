"""A report as Markdown: headings, paragraphs and one pipe table per (sub-)table.

Markdown cannot merge cells, so the tables are printed as
:func:`~gi_report.render.layout.flat_layout` flattens them: section 二 as one small table per
第二十条 item, section 三 as one table whose group labels (the outcomes group, ``denied`` …)
are rows of their own, and section 四 with one row per form row (litigation after review …). Blank
cells are empty; ``|`` in a text is escaped. The text reads back with
:func:`gi_report.read_document` to the same table values.
"""

from __future__ import annotations

from gi_report.model import Report
from gi_report.render.layout import flat_layout
from gi_report.render.narrative import report_title, sections
from gi_report.table import Table


def _line(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|").replace("\n", "<br>") for c in cells) + " |"


def render_table_markdown(table: Table) -> str:
    """One fixed table as Markdown pipe tables (no merged cells), as :func:`flat_layout` has it."""
    out: list[str] = []
    for flat in flat_layout(table):
        if flat.caption:
            out += [f"### {flat.caption}", ""]
        if flat.note:
            out += [flat.note, ""]
        out += [_line(flat.header), "|" + "---|" * len(flat.header)]
        out += [_line(row) for row in flat.rows]
        out.append("")
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
