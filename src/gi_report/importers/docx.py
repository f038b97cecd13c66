"""Word ``.docx`` reader: the main document part into text blocks and span-expanded grids.

Reads the WordprocessingML XML directly with lxml (hardened parser, no python-docx): body
paragraphs become :class:`TextBlock`, tables become :class:`TableBlock` with ``w:gridSpan``,
``w:vMerge``, ``w:hMerge``, ``w:gridBefore`` and ``w:gridAfter`` expanded into a rectangular grid
whose covered positions repeat the span's text and origin. See ``docs/import-docx.md``.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator

from lxml import etree

from gi_report.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    UnsafeDocumentError,
)
from gi_report.fileio import check_size
from gi_report.importers._zip import open_zip, read_member
from gi_report.importers.blocks import (
    Block,
    Location,
    ParsedDocument,
    TableBlock,
    cell_location,
    grid_cell,
    text_block,
)
from gi_report.importers.limits import MAX_PARAGRAPHS, check_count
from gi_report.importers.limits import MAX_TABLE_ROWS as MAX_DOCUMENT_ROWS
from gi_report.xmlsafety import hardened_xml_parser

MAX_DOCX_BYTES = 32 * 1024 * 1024
"""Largest ``.docx`` file accepted (32 MiB; the official template is 23 KiB)."""

MAX_XML_BYTES = 64 * 1024 * 1024
"""Most bytes the main document part may inflate to (64 MiB; the template's is 246 KiB)."""

MAX_GRID_COLUMNS = 512
"""Widest table grid accepted (the form's widest table has 15 columns)."""

MAX_TABLE_ROWS = 10_000
"""Most rows one table may have."""

MAX_GRID_POSITIONS = 250_000
"""Most positions (rows × grid columns) one table may have, as for an HTML table."""

MAX_NESTING = 16
"""Deepest nesting of tables inside table cells or text boxes."""

_MAIN_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # ISO 29500 strict
)
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_PKG_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOCUMENT = "/officeDocument"
_DEFAULT_PART = "word/document.xml"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OFF = ("0", "false", "off")

_Element = etree._Element


def parse_docx(data: bytes, *, source: str | None = None) -> ParsedDocument:
    """Turn the bytes of a ``.docx`` file into blocks in reading order.

    Raises :class:`~gi_report.errors.CorruptDocumentError` (not a zip, damaged, no main part),
    :class:`~gi_report.errors.EncryptedDocumentError` (password-protected) and
    :class:`~gi_report.errors.UnsafeDocumentError` (zip bomb, DTD, over a size limit), all
    subclasses of ``ReportImportError``; :class:`~gi_report.errors.InputTooLargeError` above
    :data:`MAX_DOCX_BYTES`.
    """
    check_size(source or "DOCX document", data, MAX_DOCX_BYTES)
    _reject_ole(data, source)
    archive = open_zip(data, source=source, kind="DOCX")
    with archive:
        part = _main_part_name(archive, source)
        xml = read_member(archive, part, source=source, limit=MAX_XML_BYTES)
    root, encoding = _parse_xml(xml, source=source, part=part)
    namespace = etree.QName(root).namespace
    if namespace not in _MAIN_NAMESPACES or etree.QName(root).localname != "document":
        raise CorruptDocumentError(
            f"the main part's root element is {root.tag!r}",
            source=source,
            where=part,
            expected="a WordprocessingML <w:document>",
        )
    reader = _Reader(namespace, source)
    body = root.find(f"{{{namespace}}}body")
    if body is not None:
        reader.block_content(body, depth=0)
    return ParsedDocument(
        kind="docx", blocks=tuple(reader.blocks), source=source, encoding=encoding
    )


def _reject_ole(data: bytes, source: str | None) -> None:
    """Refuse an OLE compound file: an encrypted Office document or a legacy ``.doc``."""
    if not data.startswith(_OLE_MAGIC):
        return
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise EncryptedDocumentError(
            "the Word document is password-protected (an encrypted OLE package)",
            source=source,
            expected="a .docx saved without a password",
        )
    raise CorruptDocumentError(
        "this is a legacy Word 97-2003 (.doc) or other OLE file, not a .docx",
        source=source,
        expected="a .docx file (save the document as Word .docx)",
    )


def _main_part_name(archive: zipfile.ZipFile, source: str | None) -> str:
    """The main document part named by ``_rels/.rels`` (``word/document.xml`` by default)."""
    names = set(archive.namelist())
    target = None
    if "_rels/.rels" in names:
        rels = read_member(archive, "_rels/.rels", source=source, limit=1024 * 1024)
        try:
            root, _ = _parse_xml(rels, source=source, part="_rels/.rels")
        except CorruptDocumentError:
            root = None
        if root is not None:
            for rel in root.iter(f"{_PKG_RELS}Relationship"):
                if (rel.get("Type") or "").endswith(_OFFICE_DOCUMENT):
                    target = posixpath.normpath((rel.get("Target") or "").lstrip("/"))
                    break
    if target and target in names:
        return target
    if _DEFAULT_PART in names:
        return _DEFAULT_PART
    raise CorruptDocumentError(
        "the container has no main document part",
        source=source,
        where=target or _DEFAULT_PART,
        expected="a .docx with word/document.xml",
    )


def _parse_xml(xml: bytes, *, source: str | None, part: str) -> tuple[_Element, str | None]:
    """Parse XML with a hardened parser: no entities, no DTD, no network; a DTD is refused."""
    parser = hardened_xml_parser()
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        line = getattr(exc, "lineno", None)
        where = f"{part}, line {line}" if line else part
        raise CorruptDocumentError(
            f"malformed XML ({exc.msg})", source=source, where=where, expected="well-formed XML"
        ) from None
    tree = root.getroottree()
    docinfo = tree.docinfo
    if getattr(docinfo, "doctype", "") or docinfo.internalDTD is not None:
        raise UnsafeDocumentError(
            "the XML declares a DTD (Word never writes one; DTDs carry entity attacks)",
            source=source,
            where=part,
            expected="XML without <!DOCTYPE>",
        )
    return root, docinfo.encoding


class _Span:
    """One table cell of the source, before expansion: its origin and its text parts."""

    __slots__ = ("origin", "parts")

    def __init__(self, origin: tuple[int, int], text: str) -> None:
        self.origin = origin
        self.parts = [text] if text else []

    @property
    def text(self) -> str:
        return "\n".join(self.parts)


class _Reader:
    """Walks the body in document order and collects blocks."""

    def __init__(self, namespace: str, source: str | None) -> None:
        self.w = f"{{{namespace}}}"
        self.source = source
        self.blocks: list[Block] = []
        self.paragraphs = 0  #: paragraphs met so far (1-based index of the last one)
        self.table_rows = 0  #: table rows met so far, in every table
        self.tables = 0  #: table blocks emitted so far

    # --- block level -----------------------------------------------------------------------

    def block_content(self, parent: _Element, *, depth: int) -> None:
        """Paragraphs and tables of ``parent`` (body, content control, text box) in order."""
        w = self.w
        for child in parent:
            tag = child.tag
            if tag == f"{w}p":
                self.paragraph(child, depth=depth)
            elif tag == f"{w}tbl":
                self.table(child, depth=depth)
            elif tag == f"{w}sdt":
                content = child.find(f"{w}sdtContent")
                if content is not None:
                    self.block_content(content, depth=depth)
            elif tag in (f"{w}customXml", f"{w}ins", f"{w}moveTo"):
                self.block_content(child, depth=depth)
            elif tag == f"{_MC}AlternateContent":
                choice = _first_child(child)
                if choice is not None:
                    self.block_content(choice, depth=depth)

    def paragraph(self, p: _Element, *, depth: int) -> None:
        """One body paragraph: a text block when it holds visible text, then its text boxes."""
        self.paragraphs += 1
        check_count("paragraphs", self.paragraphs, MAX_PARAGRAPHS, self.source)
        text, boxes = self.paragraph_text(p)
        if text.strip():
            self.blocks.append(text_block(text, cell_location(self.source, self.paragraphs)))
        for box in boxes:
            self.block_content(box, depth=self._deeper(depth))

    # --- inline level ----------------------------------------------------------------------

    def paragraph_text(self, p: _Element) -> tuple[str, list[_Element]]:
        """The visible text of a paragraph and the text boxes anchored in it."""
        out: list[str] = []
        boxes: list[_Element] = []
        self._inline(p, out, boxes)
        return "".join(out), boxes

    def _inline(self, parent: _Element, out: list[str], boxes: list[_Element]) -> None:
        w = self.w
        for child in parent:
            tag = child.tag
            if tag == f"{w}r":
                self._run(child, out, boxes)
            elif tag in (
                f"{w}hyperlink", f"{w}smartTag", f"{w}ins", f"{w}moveTo", f"{w}fldSimple",
                f"{w}customXml", f"{w}dir", f"{w}bdo",
            ):
                self._inline(child, out, boxes)
            elif tag == f"{w}sdt":
                content = child.find(f"{w}sdtContent")
                if content is not None:
                    self._inline(content, out, boxes)
            elif tag == f"{_MC}AlternateContent":
                choice = _first_child(child)
                if choice is not None:
                    self._inline(choice, out, boxes)
            elif tag in (f"{_MATH}oMath", f"{_MATH}oMathPara"):
                out.extend(t.text or "" for t in child.iter(f"{_MATH}t"))
            # w:del and w:moveFrom (deleted text), bookmarks, comments, proofing marks: skipped

    def _run(self, r: _Element, out: list[str], boxes: list[_Element]) -> None:
        w = self.w
        props = r.find(f"{w}rPr")
        if props is not None and _is_on(props.find(f"{w}vanish"), w):
            return  # hidden text is not printed
        for child in r:
            tag = child.tag
            if tag == f"{w}t":
                out.append(child.text or "")
            elif tag == f"{w}tab":
                out.append("\t")
            elif tag in (f"{w}br", f"{w}cr"):
                out.append("\n")
            elif tag == f"{w}noBreakHyphen":
                out.append("-")
            elif tag == f"{w}sym":
                out.append(_symbol(child.get(f"{w}char")))
            elif tag == f"{w}ruby":
                base = child.find(f"{w}rubyBase")
                if base is not None:
                    self._inline(base, out, boxes)
            elif tag in (f"{w}drawing", f"{w}pict", f"{w}object", f"{_MC}AlternateContent"):
                if tag == f"{_MC}AlternateContent":
                    choice = _first_child(child)
                    if choice is None:
                        continue
                    child = choice
                boxes.extend(self._text_boxes(child))
            # w:delText (deleted), w:instrText (field codes), w:fldChar, w:lastRenderedPageBreak

    def _text_boxes(self, element: _Element) -> Iterator[_Element]:
        """The outermost ``w:txbxContent`` elements inside ``element``."""
        tag = f"{self.w}txbxContent"
        for child in element:
            if child.tag == tag:
                yield child
            else:
                yield from self._text_boxes(child)

    # --- tables ----------------------------------------------------------------------------

    def table(self, tbl: _Element, *, depth: int) -> None:
        """A table: a :class:`TableBlock`, then its nested tables; a 1×1 table is unwrapped."""
        rows = list(self._rows(tbl))
        if not rows or self._unwrapped(rows, depth):
            return
        self._count_rows(rows)
        index = self.tables
        self.tables += 1
        nested: list[_Element] = []
        positions, width = self._positions(tbl, rows, index, nested)
        grid = tuple(
            tuple(
                grid_cell(cell.text, cell.origin, cell_location(self.source, None, index, r, c))
                if (cell := positions.get((r, c))) is not None
                else None
                for c in range(width)
            )
            for r in range(len(rows))
        )
        self.blocks.append(
            TableBlock(rows=grid, location=Location(file=self.source, table=index))
        )
        for inner in nested:
            self.table(inner, depth=self._deeper(depth))

    def _unwrapped(self, rows: list[_Element], depth: int) -> bool:
        """Whether the table is one cell, read as the frame around its content (a boxed note,
        a layout table): its content is then read as body content."""
        if len(rows) != 1:
            return False
        cells = list(self._cells(rows[0]))
        if len(cells) != 1 or _int(_prop(rows[0], self.w, "trPr", "gridBefore"), 0) != 0:
            return False
        self.block_content(cells[0], depth=self._deeper(depth))
        return True

    def _count_rows(self, rows: list[_Element]) -> None:
        """Refuse a table, or a document, with more rows than the limits allow."""
        if len(rows) > MAX_TABLE_ROWS:
            raise UnsafeDocumentError(
                f"a table has {len(rows):,} rows, over the limit of {MAX_TABLE_ROWS:,}",
                source=self.source,
                where=f"table {self.tables}",
                expected=f"at most {MAX_TABLE_ROWS:,} rows",
            )
        self.table_rows += len(rows)
        check_count("table rows", self.table_rows, MAX_DOCUMENT_ROWS, self.source)

    def _positions(
        self, tbl: _Element, rows: list[_Element], index: int, nested: list[_Element]
    ) -> tuple[dict[tuple[int, int], _Span], int]:
        """Every grid position a cell covers, and the grid's width (capped by the limits)."""
        w = self.w
        grid_columns = tbl.find(f"{w}tblGrid")
        declared = 0 if grid_columns is None else len(grid_columns.findall(f"{w}gridCol"))
        positions: dict[tuple[int, int], _Span] = {}
        width = min(declared, MAX_GRID_COLUMNS)
        for r, row in enumerate(rows):
            column = self._row_positions(row, r, index, positions, nested)
            after = _int(_prop(row, w, "trPr", "gridAfter"), 0)
            width = max(width, min(column + after, MAX_GRID_COLUMNS))
            if len(rows) * width > MAX_GRID_POSITIONS:
                raise UnsafeDocumentError(
                    f"a table of {len(rows):,} rows × {width} grid columns, over the limit of "
                    f"{MAX_GRID_POSITIONS:,} positions",
                    source=self.source,
                    where=f"table {index}, row {r}",
                    expected=f"at most {MAX_GRID_POSITIONS:,} positions (rows × grid columns)",
                )
        return positions, width

    def _row_positions(
        self,
        row: _Element,
        r: int,
        index: int,
        positions: dict[tuple[int, int], _Span],
        nested: list[_Element],
    ) -> int:
        """Place the cells of row ``r`` in ``positions``; the grid column after its last cell."""
        w = self.w
        column = _int(_prop(row, w, "trPr", "gridBefore"), 0)
        for tc in self._cells(row):
            span = max(1, _int(_prop(tc, w, "tcPr", "gridSpan"), 1))
            if column + span > MAX_GRID_COLUMNS:
                raise UnsafeDocumentError(
                    f"a table row is wider than {MAX_GRID_COLUMNS} grid columns",
                    source=self.source,
                    where=f"table {index}, row {r}",
                    expected=f"at most {MAX_GRID_COLUMNS} grid columns",
                )
            text = self._cell_text(tc, nested)
            cell = self._merged_into(tc, positions, r, column, text)
            if cell is None:
                cell = _Span((r, column), text)
            for k in range(span):
                positions[(r, column + k)] = cell
            column += span
        return column

    def _merged_into(
        self,
        tc: _Element,
        positions: dict[tuple[int, int], _Span],
        row: int,
        column: int,
        text: str,
    ) -> _Span | None:
        """The span a ``vMerge``/``hMerge`` continuation cell extends, or ``None`` if none (a
        cell of its own). A ``vMerge`` continuation holding text of its own under a cell that
        holds none is a cell of its own: the text is that row's alone, never repeated into the
        rows above it."""
        w = self.w
        props = tc.find(f"{w}tcPr")
        if props is None:
            return None
        target = None
        vmerge = props.find(f"{w}vMerge")
        if vmerge is not None and vmerge.get(f"{w}val", "continue") != "restart":
            target = positions.get((row - 1, column))
            if target is not None and text and not target.parts:
                return None
        hmerge = props.find(f"{w}hMerge")
        if target is None and hmerge is not None and hmerge.get(f"{w}val", "continue") != (
            "restart"
        ):
            target = positions.get((row, column - 1))
        if target is not None and text:
            target.parts.append(text)  # Word shows a continuation's stray text: keep it
        return target

    def _rows(self, tbl: _Element) -> Iterator[_Element]:
        """The rows of a table, through content controls; rows deleted (tracked) skipped."""
        w = self.w
        for child in tbl:
            if child.tag == f"{w}tr":
                props = child.find(f"{w}trPr")
                if props is None or props.find(f"{w}del") is None:
                    yield child
            elif child.tag in (f"{w}sdt", f"{w}customXml"):
                inner = child.find(f"{w}sdtContent") if child.tag == f"{w}sdt" else child
                if inner is not None:
                    yield from self._rows(inner)

    def _cells(self, tr: _Element) -> Iterator[_Element]:
        """The cells of a row, through content controls."""
        w = self.w
        for child in tr:
            if child.tag == f"{w}tc":
                yield child
            elif child.tag in (f"{w}sdt", f"{w}customXml"):
                inner = child.find(f"{w}sdtContent") if child.tag == f"{w}sdt" else child
                if inner is not None:
                    yield from self._cells(inner)

    def _cell_text(self, container: _Element, nested: list[_Element]) -> str:
        """A cell's paragraphs joined by line breaks; nested tables set aside for later."""
        lines: list[str] = []
        self._cell_lines(container, lines, nested)
        text = "\n".join(lines)
        return text.strip()  # a cell holding only (full-width) spaces is empty

    def _cell_lines(self, container: _Element, lines: list[str], nested: list[_Element]) -> None:
        w = self.w
        for child in container:
            tag = child.tag
            if tag == f"{w}p":
                text, boxes = self.paragraph_text(child)
                lines.append(text)
                for box in boxes:
                    self._cell_lines(box, lines, nested)
            elif tag == f"{w}tbl":
                nested.append(child)
            elif tag == f"{w}sdt":
                content = child.find(f"{w}sdtContent")
                if content is not None:
                    self._cell_lines(content, lines, nested)
            elif tag in (f"{w}customXml", f"{w}ins", f"{w}moveTo"):
                self._cell_lines(child, lines, nested)
            elif tag == f"{_MC}AlternateContent":
                choice = _first_child(child)
                if choice is not None:
                    self._cell_lines(choice, lines, nested)

    def _deeper(self, depth: int) -> int:
        if depth + 1 > MAX_NESTING:
            raise UnsafeDocumentError(
                f"tables or text boxes nested more than {MAX_NESTING} deep",
                source=self.source,
                expected=f"at most {MAX_NESTING} levels of nesting",
            )
        return depth + 1


def _first_child(element: _Element) -> _Element | None:
    for child in element:
        if isinstance(child.tag, str):
            return child
    return None


def _prop(element: _Element, w: str, container: str, name: str) -> str | None:
    """The ``w:val`` of ``element/w:<container>/w:<name>``, or ``None``."""
    props = element.find(f"{w}{container}")
    if props is None:
        return None
    found = props.find(f"{w}{name}")
    return None if found is None else found.get(f"{w}val")


def _int(value: str | None, default: int) -> int:
    if value is None:
        return default
    if len(value) > 9:  # no int() of a long run; no count here needs 10 digits
        return default if not value.strip().isdigit() else 10**9
    try:
        return max(0, int(value))
    except ValueError:
        return default


def _is_on(element: _Element | None, w: str) -> bool:
    """Whether a WordprocessingML on/off property is present and on."""
    return element is not None and (element.get(f"{w}val") or "true").lower() not in _OFF


def _symbol(code: str | None) -> str:
    """The character of a ``w:sym`` (symbol-font code points in the private use area dropped)."""
    if not code:
        return ""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if 0xE000 <= value <= 0xF8FF or value < 0x20 or value > 0x10FFFF:
        return ""
    return chr(value)
