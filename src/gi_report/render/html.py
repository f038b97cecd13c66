"""A report as an HTML page with its tables in the official layout (merged cells as printed).

``render_html(report)`` writes the title, the preamble, the six sections with their headings as
the report prints them (the official headings where it has none), section 一's sub-sections, the
three fixed tables with ``rowspan``/``colspan`` as in the template, and the closing. Blank cells
are empty ``<td>``; every text is escaped. The page reads back with
:func:`gi_report.read_document` to the same table values.
"""

from __future__ import annotations

from html import escape

from gi_report.model import Report
from gi_report.render.layout import LayoutCell, table_layout
from gi_report.render.narrative import report_title, sections
from gi_report.table import Table


def _cell(cell: LayoutCell) -> str:
    spans = ""
    if cell.rowspan > 1:
        spans += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        spans += f' colspan="{cell.colspan}"'
    text = "<br>".join(escape(line) for line in cell.text.split("\n"))
    return f"<td{spans}>{text}</td>"


def render_table_html(table: Table) -> str:
    """One fixed table as an HTML ``<table>`` in the official layout."""
    rows = "\n".join(
        "<tr>" + "".join(_cell(c) for c in row) + "</tr>" for row in table_layout(table)
    )
    return f'<table border="1">\n<tbody>\n{rows}\n</tbody>\n</table>'


def _paragraphs(text: str | None) -> list[str]:
    return [f"<p>{escape(line)}</p>" for line in (text or "").split("\n") if line.strip()]


def render_html(report: Report) -> str:
    """The whole report as a UTF-8 HTML page."""
    title = report_title(report)
    parts = [
        "<!doctype html>",
        '<html lang="zh-CN">',
        '<head><meta charset="utf-8"><title>' + escape(title) + "</title></head>",
        "<body>",
        f"<h1>{escape(title)}</h1>",
        *_paragraphs(report.preamble),
    ]
    for section in sections(report):
        parts.append(f"<h2>{escape(section.heading)}</h2>")
        parts += _paragraphs(section.text)
        for heading, text in section.subsections:
            parts.append(f"<h3>{escape(heading)}</h3>")
            parts += _paragraphs(text)
        if section.table is not None:
            parts.append(render_table_html(section.table))
    parts += _paragraphs(report.closing)
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)
