"""A report as an HTML page with its tables in the official layout (merged cells as printed).

``render_html(report)`` writes the title, the preamble, the six sections with their headings as
the report prints them (the official headings where it has none), section 一's sub-sections, the
three fixed tables with ``rowspan``/``colspan`` as in the template, and the closing. Header cells
are ``<th scope>``, each table has a ``<caption>`` and a ``<colgroup>`` that the built-in
stylesheet (``render/style.css``: borders, centred headers, the template's column widths, print
rules) sizes. ``standalone=False`` gives a fragment for a site's CMS: no ``<style>``, no inline
styles. Blank cells are empty ``<td>``; every text is escaped. The page reads back with
:func:`gi_report.read_document` to the same table values.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from html import escape
from importlib import resources

from gi_report.model import Report
from gi_report.render.layout import LayoutCell, table_layout
from gi_report.render.narrative import report_title, sections
from gi_report.render.pointers import grid_width, value_pointers
from gi_report.table import Table

Decorate = Callable[[str], tuple[str, str]]
"""For the check page: a value cell's JSON Pointer → (extra attributes, extra inner HTML)."""


@cache
def stylesheet() -> str:
    """The built-in stylesheet (``gi_report/render/style.css``)."""
    return resources.files("gi_report.render").joinpath("style.css").read_text("utf-8")


def _scope(cell: LayoutCell, row_has_values: bool) -> str:
    if row_has_values:
        return "rowgroup" if cell.rowspan > 1 else "row"
    return "colgroup" if cell.colspan > 1 else "col"


def _cell(cell: LayoutCell, row_has_values: bool, extra: tuple[str, str] = ("", "")) -> str:
    spans = ""
    if cell.rowspan > 1:
        spans += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        spans += f' colspan="{cell.colspan}"'
    text = "<br>".join(escape(line) for line in cell.text.split("\n"))
    if cell.header:
        return f'<th scope="{_scope(cell, row_has_values)}"{spans}>{text}</th>'
    return f"<td{spans}{extra[0]}>{text}{extra[1]}</td>"


def render_table_html(table: Table, *, caption: str | None = None,
                      decorate: Decorate | None = None) -> str:
    """One fixed table as an HTML ``<table>`` in the official layout.

    ``decorate`` (the check page's hook) adds attributes and content to each value cell.
    """
    layout = table_layout(table)
    pointers = iter(value_pointers(table)) if decorate is not None else None
    columns = grid_width(layout)
    rows: list[str] = []
    for row in layout:
        has_values = any(not c.header for c in row)
        cells: list[str] = []
        for c in row:
            extra = ("", "")
            if pointers is not None and decorate is not None and not c.header:
                extra = decorate(next(pointers))
            cells.append(_cell(c, has_values, extra))
        rows.append("<tr>" + "".join(cells) + "</tr>")
    head = f'<table class="gi-table gi-{table.spec.id}">'
    if caption:
        head += f"\n<caption>{escape(caption)}</caption>"
    cols = "<colgroup>" + "<col>" * columns + "</colgroup>"
    body = "\n".join(rows)
    return f"{head}\n{cols}\n<tbody>\n{body}\n</tbody>\n</table>"


def _paragraphs(text: str | None) -> list[str]:
    return [f"<p>{escape(line)}</p>" for line in (text or "").split("\n") if line.strip()]


def report_body(report: Report, *, decorate: Decorate | None = None) -> list[str]:
    """The report's content as HTML lines: title, sections (with ``id="s-<section>"``), tables."""
    title = report_title(report)
    spec = report.template_spec
    parts = [f"<h1>{escape(title)}</h1>", *_paragraphs(report.preamble)]
    for section, section_spec in zip(sections(report), spec.sections, strict=True):
        parts.append(f'<h2 id="s-{section_spec.id}">{escape(section.heading)}</h2>')
        parts += _paragraphs(section.text)
        for heading, text in section.subsections:
            parts.append(f"<h3>{escape(heading)}</h3>")
            parts += _paragraphs(text)
        if section.table is not None:
            parts.append(render_table_html(section.table, caption=section_spec.heading,
                                           decorate=decorate))
    parts += _paragraphs(report.closing)
    return parts


def page(title: str, body: list[str], *, css: str) -> str:
    """A whole UTF-8 HTML page with an embedded stylesheet (no external resource)."""
    return "\n".join([
        "<!doctype html>",
        '<html lang="zh-CN">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>\n{css}</style>",
        "</head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
        "",
    ])


def render_html(report: Report, *, standalone: bool = True) -> str:
    """The whole report as a UTF-8 HTML page, or (``standalone=False``) a CMS fragment."""
    article = ['<article class="gi-report">', *report_body(report), "</article>"]
    if not standalone:
        return "\n".join(article) + "\n"
    return page(report_title(report), article, css=stylesheet())
