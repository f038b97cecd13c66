"""The official blank Word template as a source of formatting for the Word writer.

The template (the newest template's ``word_template`` in ``gi_report/render/data/``) is read once:
its package parts, and from its main part the paragraphs to copy (title, heading, body text, empty
line), the three tables indexed by grid position with the role of each cell (caption, column head,
row label, value: the role of the newest layout's cell at the same place), and the document without
its body content, into which :mod:`gi_report.render.docx` writes a report.
"""

from __future__ import annotations

import copy
import io
import zipfile
from functools import cache
from importlib import resources

import attrs
from lxml import etree

from gi_report.form import TEMPLATES, get_template
from gi_report.render.layout import Layout, table_layout
from gi_report.render.pointers import PlacedCell, place
from gi_report.table import Table
from gi_report.xmlsafety import hardened_xml_parser

_PRINTED = next(t for t in TEMPLATES.values() if t.word_template)
TEMPLATE_RESOURCE: str = _PRINTED.word_template or ""
"""The official blank template (the newest form that ships one), in ``gi_report/render/data/``."""

TEMPLATE_VERSION = _PRINTED.version
"""The form version the blank template prints."""

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{_W_NS}}}"
MAIN_PART = "word/document.xml"

_Element = etree._Element


@attrs.frozen
class _TemplateCell:
    """A cell of a template table: its element and spans, at its grid origin."""

    element: _Element
    rowspan: int
    colspan: int


def role(placed: PlacedCell, width: int, row_has_values: bool) -> str:
    """What a printed cell is: a value, a row label, a caption across the table, a column head."""
    if not placed.cell.header:
        return "value"
    if row_has_values:
        return "label"
    return "caption" if placed.cell.colspan == width else "column"


def roles(layout: Layout) -> dict[tuple[int, int], str]:
    """The :func:`role` of each printed cell of a layout, by grid origin."""
    placed = place(layout)
    width = max((p.column + p.cell.colspan for p in placed), default=0)
    with_values = {p.row for p in placed if not p.cell.header}
    return {(p.row, p.column): role(p, width, p.row in with_values) for p in placed}


class TemplateTable:
    """One table of the blank template, indexed by grid origin, as a source of formatting.

    The template prints the newest form, so the role of each of its cells is that of the newest
    layout's cell at the same place.
    """

    def __init__(self, tbl: _Element, table_id: str) -> None:
        self.element = tbl
        official = get_template(TEMPLATE_VERSION).table(table_id)
        self.roles = roles(table_layout(Table.blank(official)))
        self.rows = tbl.findall(f"{W}tr")
        grid = tbl.find(f"{W}tblGrid")
        self.widths = [] if grid is None else [
            int(g.get(f"{W}w") or 0) for g in grid.findall(f"{W}gridCol")]
        self.cells: dict[tuple[int, int], _TemplateCell] = {}
        self.at: dict[tuple[int, int], tuple[_Element, int, str | None]] = {}
        """Every ``w:tc`` by (row, first grid column): element, span, vMerge state."""
        open_merges: dict[int, tuple[int, int]] = {}  # column -> origin of a vertical merge
        for r, tr in enumerate(self.rows):
            c = 0
            for tc in tr.findall(f"{W}tc"):
                span = int(_prop(tc, "gridSpan") or 1)
                vmerge = _merge_value(tc)
                self.at[(r, c)] = (tc, span, vmerge)
                if vmerge == "continue" and c in open_merges:
                    origin = open_merges[c]
                    found = self.cells[origin]
                    self.cells[origin] = attrs.evolve(found, rowspan=r - origin[0] + 1)
                else:
                    self.cells[(r, c)] = _TemplateCell(tc, 1, span)
                    if vmerge == "restart":
                        open_merges[c] = (r, c)
                    else:
                        open_merges.pop(c, None)
                c += span

    def same_cell(self, row: int, column: int, span: int, vmerge: str | None,
                  kind: str) -> _Element | None:
        """The template's ``w:tc`` at (row, column) when it has this span, merge and role."""
        found = self.at.get((row, column))
        if found is None or found[1:] != (span, vmerge):
            return None
        origin = (row, column) if vmerge != "continue" else self._origin_of(row, column)
        return found[0] if origin is not None and self.roles.get(origin) == kind else None

    def _origin_of(self, row: int, column: int) -> tuple[int, int] | None:
        for (r, c), cell in self.cells.items():
            if c == column and r <= row < r + cell.rowspan:
                return (r, c)
        return None

    def cell_like(self, placed: PlacedCell, kind: str) -> _Element:
        """The template cell to copy formatting from: one of the same role, at the same place
        if there is one, else in the same column, else anywhere."""
        same_role = [(origin, cell) for origin, cell in sorted(self.cells.items())
                     if self.roles.get(origin) == kind]
        for test in (lambda o: o == (placed.row, placed.column),
                     lambda o: o[1] == placed.column, lambda o: True):
            for origin, cell in same_role:
                if test(origin):
                    return cell.element
        return next(iter(self.cells.values())).element

    def row_properties(self, index: int) -> _Element | None:
        """The ``w:trPr`` of the template's row ``index`` (its last row beyond the end)."""
        tr = self.rows[min(index, len(self.rows) - 1)]
        found = tr.find(f"{W}trPr")
        return None if found is None else copy.deepcopy(found)


def _prop(tc: _Element, name: str) -> str | None:
    props = tc.find(f"{W}tcPr")
    found = None if props is None else props.find(f"{W}{name}")
    return None if found is None else found.get(f"{W}val")


def _merge_value(tc: _Element) -> str | None:
    props = tc.find(f"{W}tcPr")
    found = None if props is None else props.find(f"{W}vMerge")
    if found is None:
        return None
    return found.get(f"{W}val") or "continue"


@attrs.frozen
class BlankTemplate:
    """The parsed parts of the blank template the writer reuses."""

    members: tuple[tuple[zipfile.ZipInfo, bytes], ...]
    document: bytes  #: ``word/document.xml``


@cache
def blank_template() -> BlankTemplate:
    data = resources.files("gi_report.render").joinpath("data", TEMPLATE_RESOURCE).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = tuple((info, archive.read(info)) for info in archive.infolist())
    document = next(content for info, content in members if info.filename == MAIN_PART)
    return BlankTemplate(members=members, document=document)


class Prototypes:
    """The template's body, split into the paragraphs and tables the writer copies, and the
    document without its body content (``shell``); parsed once, only ever copied from."""

    def __init__(self, root: _Element) -> None:
        body = root.find(f"{W}body")
        assert body is not None  # the shipped template has a body
        children = list(body)
        paragraphs = [c for c in children if c.tag == f"{W}p" and _text(c).strip()]
        self.title = paragraphs[0]
        first_heading = get_template(TEMPLATE_VERSION).sections[0].heading
        at = next(i for i, p in enumerate(paragraphs) if _text(p).strip() == first_heading)
        self.heading = paragraphs[at]
        self.text = paragraphs[at + 1]  # the template's placeholder under the first heading
        self.empty = next(c for c in children if c.tag == f"{W}p" and not _text(c).strip())
        tables = [c for c in children if c.tag == f"{W}tbl"]
        self.tables = {table_id: TemplateTable(t, table_id) for table_id, t in
                       zip([t.id for t in get_template(TEMPLATE_VERSION).tables], tables,
                           strict=True)}
        self.section = body.find(f"{W}sectPr")
        for child in children:
            body.remove(child)
        self.shell = root


@cache
def prototypes() -> Prototypes:
    return Prototypes(etree.fromstring(blank_template().document, hardened_xml_parser()))


def _text(p: _Element) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))
