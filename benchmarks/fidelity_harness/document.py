"""A report as a neutral document (headings, paragraphs, tables of cells with their form address).

Damage works on this document, not on rendered text, so one damage reaches every form the
renderers write. Built from the library's own layout (:mod:`gi_report.render.layout`) and section
order (:mod:`gi_report.render.narrative`): the harness types no label of the form.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from benchmarks.fidelity_harness.replay import Choices
from gi_report.form.spec import CellKind, TableSpec
from gi_report.model import Report
from gi_report.render.layout import table_layout
from gi_report.render.narrative import report_title, sections
from gi_report.table import CellValue, Table

Truth = dict[str, CellValue | str | int]
"""What the document states, by JSON Pointer: every table cell, the year and the agency."""


@attrs.define
class Cell:
    """One printed table cell; ``ref`` is the form cell ``(row_id, column_id)`` it states."""

    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    ref: tuple[str, str] | None = None
    merged_above: bool = False
    """Printed by the ``docx`` form as a ``vMerge`` continuation of the cell above that still
    holds its own text (``vmerge_number``); the other forms print it as a cell of its own."""


@attrs.define
class Row:
    """One printed table row; ``row_id`` is the form row its values belong to, if any."""

    cells: list[Cell]
    row_id: str | None = None


@attrs.define
class TableBlock:
    """A printed table: a form table, or an extra one the form does not have."""

    rows: list[Row]
    spec: TableSpec | None = None  #: the form table it prints, None for an extra table


@attrs.define
class Heading:
    """A heading line: the title (level 1), a section (2) or a sub-section (3)."""

    text: str
    level: int = 2
    section: str | None = None  #: the form section id the heading opens, if any


@attrs.define
class Paragraph:
    """Running text; a line break in ``text`` is a new line in every form."""

    text: str


Block = Heading | Paragraph | TableBlock


@attrs.define
class Document:
    """The blocks of a report in reading order, and what each table cell should read as."""

    blocks: list[Block]
    truth: Truth
    template: str
    spared: frozenset[str] = attrs.field(factory=frozenset)
    """Cells (JSON Pointers) a damage must leave as they are: the harness's proof that a cell
    read otherwise is indistinguishable (:func:`~benchmarks.fidelity_harness.cases.proven`)."""
    passed: set[str] = attrs.field(factory=set)
    """Spared cells a damage would have removed: later damages treat them as gone, so that they
    make the same random draws as on the damaged document."""
    reorder: tuple[str, ...] | None = None
    """A column order of section 三 that ``column_order`` prints instead of the one it draws
    (its draws made all the same): the proof of blanks' alternative column orders."""
    choices: Choices = attrs.field(factory=Choices)
    """What the damages chose (:mod:`.replay`): recorded as the case is built, replayed when a
    proof rebuilds it from an alternative report."""


def table_truth(table: Table) -> Truth:
    """Every cell of a table by JSON Pointer; a unit beside a blank amount cannot be printed."""
    out: Truth = {}
    spec = table.spec
    for row_id, column_id, value in table.cells():
        out[f"/{spec.id}/{row_id}/{column_id}"] = value
    for row in spec.rows:
        amounts = [c for c in row.columns if spec.column(c).kind is CellKind.AMOUNT]
        for column_id in row.columns:
            if spec.column(column_id).kind is CellKind.TEXT and all(
                    table[row.id, a] is None for a in amounts):
                out[f"/{spec.id}/{row.id}/{column_id}"] = None
    return out


def _refs(table: Table) -> list[list[tuple[str, str] | None]]:
    """For each layout row, the form cell of each printed value cell, in printed order."""
    spec = table.spec
    layout = table_layout(table)
    out: list[list[tuple[str, str] | None]] = []
    printed = [(r.id, c) for r in spec.rows for c in r.columns
               if spec.column(c).kind is not CellKind.TEXT]
    if spec.id == "review_litigation":
        for row in layout[:-1]:
            out.append([None] * len(row))
        out.append(list(printed))
        return out
    by_row: dict[str, list[tuple[str, str]]] = {}
    for row_id, column_id in printed:
        by_row.setdefault(row_id, []).append((row_id, column_id))
    labels = {r.label: r.id for r in spec.rows}
    for row in layout:
        found = next((labels[c.text] for c in row if c.header and c.text in labels), None)
        values = list(by_row.get(found, [])) if found else []
        refs: list[tuple[str, str] | None] = []
        for cell in row:
            refs.append(values.pop(0) if not cell.header and values else None)
        out.append(refs)
    return out


def table_block(table: Table) -> TableBlock:
    """A form table as printed in the official layout, each value cell knowing its address."""
    layout = table_layout(table)
    rows: list[Row] = []
    for printed, refs in zip(layout, _refs(table), strict=True):
        cells = [Cell(c.text, c.rowspan, c.colspan, c.header, ref)
                 for c, ref in zip(printed, refs, strict=True)]
        row_ids = {ref[0] for ref in refs if ref is not None}
        rows.append(Row(cells, row_ids.pop() if len(row_ids) == 1 else None))
    return TableBlock(rows, table.spec)


def build(report: Report) -> Document:
    """The neutral document of a report, with the truth of every cell it prints."""
    truth: Truth = {"/metadata/year": report.metadata.year,
                    "/metadata/agency": report.metadata.agency}
    blocks: list[Block] = [Heading(report_title(report), level=1)]
    if report.preamble:
        blocks.append(Paragraph(report.preamble))
    ids = [s.id for s in report.template_spec.sections]
    for section_id, section in zip(ids, sections(report), strict=True):
        blocks.append(Heading(section.heading, section=section_id))
        if section.text:
            blocks.append(Paragraph(section.text))
        for heading, text in section.subsections:
            blocks += [Heading(heading, level=3), Paragraph(text)]
        if section.table is not None:
            blocks.append(table_block(section.table))
            truth.update(table_truth(section.table))
    if report.closing:
        blocks.append(Paragraph(report.closing))
    return Document(blocks, truth, report.template)


def value_text(value: CellValue) -> str:
    """A value as a report prints it (amounts exactly as stated)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
