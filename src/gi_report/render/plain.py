"""The whole report as plain text: title, sections and paragraphs, tables as TAB-separated rows.

What ``render(report, to="text")`` writes: a document that pastes into an e-mail or a site's
plain-text field and reads back with :func:`gi_report.read_document`. Each table row of the
official layout is one line, its printed cells separated by TABs (a merged cell written once,
where it starts); a blank cell is an empty field, never 0; amounts exactly as stated. For the
aligned tables people read in a terminal, see :mod:`gi_report.render.text`.
"""

from __future__ import annotations

from gi_report.model import Report
from gi_report.render.layout import table_layout
from gi_report.render.narrative import report_title, sections
from gi_report.table import Table


def render_table_plain(table: Table) -> list[str]:
    """One fixed table as lines of TAB-separated printed cells."""
    return ["\t".join(cell.text.replace("\n", "") for cell in row)
            for row in table_layout(table)]


def _paragraphs(text: str | None) -> list[str]:
    return [line for line in (text or "").split("\n") if line.strip()]


def render_plain(report: Report) -> str:
    """The whole report as UTF-8 plain text."""
    lines = [report_title(report), "", *_paragraphs(report.preamble)]
    for section in sections(report):
        lines += ["", section.heading, *_paragraphs(section.text)]
        for heading, text in section.subsections:
            lines += [heading, *_paragraphs(text)]
        if section.table is not None:
            lines += ["", *render_table_plain(section.table)]
    lines += ["", *_paragraphs(report.closing)]
    return "\n".join(lines).rstrip("\n") + "\n"
