"""A report as a Word ``.docx`` file: the official blank template, filled in.

The template shipped as package data (``render/data/``, the newest template's ``word_template``)
gives the page set-up, the styles, the paragraph formatting of the title, headings and body text,
and the look of each fixed table (borders, shading of the header cells, fonts, column widths, row
heights). The body is rebuilt from the report: title, preamble, the six sections with their
headings and paragraphs, each fixed table laid out by :func:`gi_report.render.layout.table_layout`
(so a table of an older template, or of another version than the report's, gets its own rows), and
the closing. Each table cell copies the formatting of the template's cell at the same grid position
(or, where an older layout has no such cell, of a template cell of the same role; see
:mod:`gi_report.render.docx_template`). Blank cells stay empty, amounts are written exactly as
stated. Written with lxml on the package parts; no python-docx.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from collections.abc import Iterator, Sequence

import attrs
from lxml import etree

from gi_report.codec.json import to_dict
from gi_report.errors import UnsupportedFormatError
from gi_report.model import Report
from gi_report.render.docx_template import (
    MAIN_PART,
    TemplateTable,
    W,
    blank_template,
    prototypes,
    roles,
)
from gi_report.render.layout import LayoutCell, table_layout
from gi_report.render.narrative import report_title, sections
from gi_report.render.pointers import PlacedCell, place
from gi_report.table import Table

_ZIP_DATE = (1980, 1, 1, 0, 0, 0)  #: fixed member dates: same report, same bytes

_Element = etree._Element

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0, and so a Word document, cannot hold."""


def _texts(value: object, pointer: str = "") -> Iterator[tuple[str, str]]:
    """Every string of a report's JSON form with its JSON Pointer."""
    if isinstance(value, str):
        yield pointer, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{pointer}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, f"{pointer}/{index}")


def check_storable(report: Report) -> None:
    """Refuse a report holding a character no Word document can store (a control character).

    Raises :class:`~gi_report.errors.UnsupportedFormatError` naming the field's JSON Pointer.
    """
    for pointer, text in _texts(to_dict(report)):
        found = _NOT_XML.search(text)
        if found is not None:
            raise UnsupportedFormatError(
                f"docx {pointer}",
                f"text without control characters (found U+{ord(found.group()):04X} at "
                f"offset {found.start()}; a Word document cannot hold it)")


def _paragraph_like(prototype: _Element, text: str) -> _Element:
    """A copy of ``prototype`` (its paragraph and first run's formatting) holding ``text``."""
    p = copy.deepcopy(prototype)
    run_props = None
    for child in list(p):
        if child.tag == f"{W}r":
            if run_props is None:
                run_props = child.find(f"{W}rPr")
            p.remove(child)
        elif child.tag != f"{W}pPr":
            p.remove(child)
    if text:
        r = etree.SubElement(p, f"{W}r")
        if run_props is not None:
            r.append(copy.deepcopy(run_props))
        t = etree.SubElement(r, f"{W}t")
        t.text = text
        if text != text.strip():
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return p


def _set_cell_props(tc: _Element, width: int, colspan: int, vmerge: str | None) -> None:
    """Width, horizontal span and vertical merge of a copied ``w:tcPr`` (in schema order)."""
    props = tc.find(f"{W}tcPr")
    if props is None:
        props = etree.Element(f"{W}tcPr")
        tc.insert(0, props)
    for name in ("tcW", "gridSpan", "hMerge", "vMerge"):
        for old in props.findall(f"{W}{name}"):
            props.remove(old)
    new: list[_Element] = []
    tcw = etree.Element(f"{W}tcW")
    tcw.set(f"{W}w", str(width))
    tcw.set(f"{W}type", "dxa")
    new.append(tcw)
    if colspan > 1:
        span = etree.Element(f"{W}gridSpan")
        span.set(f"{W}val", str(colspan))
        new.append(span)
    if vmerge is not None:
        merge = etree.Element(f"{W}vMerge")
        if vmerge == "restart":
            merge.set(f"{W}val", "restart")
        new.append(merge)
    index = 1 if len(props) and props[0].tag == f"{W}cnfStyle" else 0
    for offset, element in enumerate(new):
        props.insert(index + offset, element)


def _cell(prototype: _Element, lines: Sequence[str], width: int, colspan: int,
          vmerge: str | None, *, exact: bool = False) -> _Element:
    """A copy of a template cell with its text replaced by ``lines`` (one paragraph each).

    ``exact``: the prototype is the template's cell at this very place: its width, span and
    merge are kept as they are (the template's widths do not always add up to its grid).
    """
    tc = copy.deepcopy(prototype)
    paragraphs = tc.findall(f"{W}p")
    first = paragraphs[0] if paragraphs else etree.Element(f"{W}p")
    for child in list(tc):
        if child.tag != f"{W}tcPr":
            tc.remove(child)
    for line in lines or [""]:
        tc.append(_paragraph_like(first, line))
    if not exact:
        _set_cell_props(tc, width, colspan, vmerge)
    return tc


def _widths(template: TemplateTable, columns: int) -> list[int]:
    """The template's column widths when the grid has as many columns, else an even split."""
    if len(template.widths) == columns:
        return list(template.widths)
    total = sum(template.widths)
    base, extra = divmod(total, columns)
    return [base + (1 if i < extra else 0) for i in range(columns)]


def table_element(table: Table, template: TemplateTable) -> _Element:
    """The ``w:tbl`` of one fixed table in the official layout, formatted like the template."""
    layout = table_layout(table)
    placed = place(layout)
    rows = 1 + max(p.row + p.cell.rowspan - 1 for p in placed)
    columns = max(p.column + p.cell.colspan for p in placed)
    widths = _widths(template, columns)
    grid = _Grid(template, widths, roles(layout), _by_position(placed))
    tbl = _table_shell(template, widths)
    for r in range(rows):
        tr = _row_shell(template, r)
        tr.extend(grid.row_cells(r))
        tbl.append(tr)
    return tbl


def _by_position(placed: Sequence[PlacedCell]) -> dict[tuple[int, int], PlacedCell]:
    """The printed cell at each grid position: its origin, or the cell whose rows span it."""
    at: dict[tuple[int, int], PlacedCell] = {}
    for p in placed:
        for dr in range(1, p.cell.rowspan):
            at[(p.row + dr, p.column)] = p
    at.update({(p.row, p.column): p for p in placed})
    return at


def _table_shell(template: TemplateTable, widths: Sequence[int]) -> _Element:
    """An empty ``w:tbl`` with the template's table properties and a grid of ``widths``."""
    tbl = etree.Element(f"{W}tbl")
    for name in ("tblPr", "tblGrid"):
        found = template.element.find(f"{W}{name}")
        if found is not None:
            tbl.append(copy.deepcopy(found))
    grid = tbl.find(f"{W}tblGrid")
    if grid is not None:
        for col in list(grid):
            grid.remove(col)
    else:
        grid = etree.SubElement(tbl, f"{W}tblGrid")
    for width in widths:
        etree.SubElement(grid, f"{W}gridCol").set(f"{W}w", str(width))
    return tbl


def _row_shell(template: TemplateTable, r: int) -> _Element:
    """An empty ``w:tr`` with the property exceptions and row properties of the template's row
    ``r`` (its last row for rows beyond it)."""
    tr = etree.Element(f"{W}tr")
    source_row = template.rows[min(r, len(template.rows) - 1)]
    exceptions = source_row.find(f"{W}tblPrEx")
    if exceptions is not None:
        tr.append(copy.deepcopy(exceptions))
    row_props = template.row_properties(r)
    if row_props is not None:
        tr.append(row_props)
    return tr


@attrs.frozen
class _Grid:
    """The printed cells of one table by grid position, and the template to format them."""

    template: TemplateTable
    widths: Sequence[int]
    kinds: dict[tuple[int, int], str]  #: the role of each cell, by its origin
    at: dict[tuple[int, int], PlacedCell]

    def row_cells(self, r: int) -> list[_Element]:
        """The ``w:tc`` of row ``r``, left to right (a gap in a ragged layout: an empty cell)."""
        out = []
        c = 0
        while c < len(self.widths):
            here = self.at.get((r, c))
            if here is None:
                filler = PlacedCell(r, c, LayoutCell(""))
                out.append(_cell(self.template.cell_like(filler, "value"), [""], self.widths[c],
                                 1, None))
                c += 1
                continue
            out.append(self._cell(r, c, here))
            c += here.cell.colspan
        return out

    def _cell(self, r: int, c: int, here: PlacedCell) -> _Element:
        """The ``w:tc`` at (r, c) of the printed cell ``here`` (its origin or a row it spans)."""
        span = here.cell.colspan
        width = sum(self.widths[c:c + span])
        if here.row == r:
            vmerge = "restart" if here.cell.rowspan > 1 else None
            lines = here.cell.text.split("\n") if here.cell.text else []
        else:
            vmerge, lines = "continue", []
        kind = self.kinds[(here.row, here.column)]
        same = self.template.same_cell(r, c, span, vmerge, kind)
        if same is not None:
            return _cell(same, lines, width, span, vmerge, exact=True)
        return _cell(self.template.cell_like(here, kind), lines, width, span, vmerge)


def _paragraphs(prototype: _Element, text: str | None) -> Iterator[_Element]:
    for line in (text or "").split("\n"):
        if line.strip():
            yield _paragraph_like(prototype, line)


def document_xml(report: Report) -> bytes:
    """The main document part of the filled-in template."""
    proto = prototypes()
    root = copy.deepcopy(proto.shell)
    body = root.find(f"{W}body")
    assert body is not None  # the shell keeps the (empty) body
    out: list[_Element] = [_paragraph_like(proto.title, report_title(report)),
                           _paragraph_like(proto.empty, "")]
    out += _paragraphs(proto.text, report.preamble)
    for section in sections(report):
        out.append(_paragraph_like(proto.heading, section.heading))
        out += _paragraphs(proto.text, section.text)
        for heading, text in section.subsections:
            out.append(_paragraph_like(proto.text, heading))
            out += _paragraphs(proto.text, text)
        if section.table is not None:
            template = proto.tables[section.table.spec.id]
            out.append(table_element(section.table, template))
            out.append(_paragraph_like(proto.empty, ""))
    out += _paragraphs(proto.text, report.closing)
    body.extend(out)
    if proto.section is not None:
        body.append(copy.deepcopy(proto.section))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def render_docx(report: Report) -> bytes:
    """The whole report as the bytes of a ``.docx`` file based on the official template.

    Raises :class:`~gi_report.errors.UnsupportedFormatError` when a text holds a control
    character (other than tab and line breaks), which Word cannot store.
    """
    check_storable(report)
    template = blank_template()
    main = document_xml(report)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, content in template.members:
            member = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = info.external_attr
            archive.writestr(member, main if info.filename == MAIN_PART else content)
    return out.getvalue()
