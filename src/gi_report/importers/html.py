"""HTML pages → text blocks and span-expanded table grids.

lxml's HTML parser, hardened: no network access, comments and processing instructions dropped,
no huge-tree mode; ``<script>``, ``<style>`` and other non-content elements are removed. Block
elements (``<p>``, ``<div>``, ``<h1>``…) become :class:`TextBlock`\\ s, ``<br>`` a line break;
each ``<table>`` becomes a :class:`TableBlock` whose ``rowspan``/``colspan`` are expanded into a
rectangular grid where every position of a merged cell repeats its text and keeps its origin.
Spans are clamped (``colspan`` ≤ 100, ``rowspan`` ≤ 1000) and a grid is limited in size, so a
hostile page cannot make the importer allocate without bound.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import lxml.etree

from gi_report.errors import UnrecognisedDocumentError, UnsafeDocumentError
from gi_report.importers.blocks import (
    Block,
    GridCell,
    Location,
    ParsedDocument,
    TableBlock,
    cell_location,
    located_cell,
    text_block,
)
from gi_report.importers.limits import MAX_PARAGRAPHS, MAX_TAGS, check_count

MAX_COLSPAN = 100
MAX_ROWSPAN = 1000
MAX_GRID_CELLS = 250_000
"""Most positions one expanded table may have (the form's largest table has 250)."""
MAX_DEPTH = 400

_DROP = frozenset({
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
    "head", "title", "meta", "link", "button", "select", "textarea", "input", "canvas", "video",
    "audio", "map", "frameset", "frame",
})
_BLOCK = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
    "header", "footer", "nav", "aside", "blockquote", "pre", "dl", "dt", "dd", "center", "form",
    "fieldset", "address", "figure", "figcaption", "main", "hr", "caption", "details",
    "summary", "body", "html",
})
_TABLE_PARTS = frozenset({"table", "tr", "td", "th", "tbody", "thead", "tfoot"})
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_ASCII_SPACES = " \t\r\n\f\v"
_BREAK = "\u2029"  # a line break the markup makes (<br>, <p>), kept apart from source newlines
_XML_DECLARATION = re.compile(r"\s*<\?xml[^>]{0,200}?\?>")  # bounded: no long backtrack
_SPAN = re.compile(r"\s*0*([0-9]{1,9})")  # at most 9 digits: int() never sees a long run


_PARSER = lxml.etree.HTMLParser(
    no_network=True, remove_comments=True, remove_pis=True, recover=True, huge_tree=False,
)
"""lxml's HTML parser without network access, comments, processing instructions or huge trees
(plain elements: no per-element Python class lookup)."""

_UTF8_PARSER = lxml.etree.HTMLParser(
    no_network=True, remove_comments=True, remove_pis=True, recover=True, huge_tree=False,
    encoding="utf-8",
)
"""The same parser for the page's text encoded as UTF-8 (libxml2 reads UTF-8 bytes about half
again as fast as a Python string, which it converts to UTF-8 first); a declared charset is
ignored, as it is for a string."""


def _collapse(text: str) -> str:
    """``_SPACES.sub(" ", text)``: each run of ASCII white space as one space; a text with no
    control character and no two spaces in a row (most) is returned as it is, and one of white
    space only is one space, without the regex."""
    if text.isprintable() and "  " not in text:  # \t \r \n \f \v are not printable
        return text
    if not text.strip(_ASCII_SPACES):
        return " "  # not empty: the empty text is printable
    return _SPACES.sub(" ", text)


def _is_layout(table: Any, rows: list[Any]) -> bool:
    """Whether a table lays out a page (holds tables, or a few cells of long text); ``rows``
    are its own rows (:func:`_rows`).

    The report's own tables hold no tables and short cells; pages of older sites put the whole
    report, its tables included, into one cell of a layout table.
    """
    if next(table.iterdescendants("table"), None) is not None:
        return True
    cells: list[Any] = []
    for tr in rows:
        cells.extend(td for td in tr if td.tag == "td")
        if len(cells) > 4:
            return False  # more cells than a layout's: not looked at further
    return bool(cells) and any(len("".join(td.itertext())) > 300 for td in cells)


_SECTIONS = frozenset({"thead", "tbody", "tfoot"})


def _rows(table: Any) -> list[Any]:
    """The table's own rows in document order: its ``<tr>`` children and those of its
    ``<thead>``/``<tbody>``/``<tfoot>`` (not a nested table's)."""
    rows: list[Any] = []
    for child in table:
        tag = child.tag
        if tag == "tr":
            rows.append(child)
        elif tag in _SECTIONS:
            rows.extend(tr for tr in child if tr.tag == "tr")
    return rows


@functools.lru_cache(maxsize=1024)
def _span(value: str | None, limit: int) -> int:
    if not value:
        return 1
    m = _SPAN.match(value)
    if not m:
        return 1
    return max(1, min(int(m.group(1)), limit))


def _tag(el: Any) -> str | None:
    tag = el.tag
    # lxml's HTML parser gives lower-case names without namespaces; anything else (a comment,
    # a processing instruction, an entity) has a function as its tag
    return tag if type(tag) is str else None


class _Flow:
    """Collects running text into paragraphs (a new one at every block boundary)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.line: int | None = None

    def add(self, text: str | None, line: int | None) -> None:
        if text:
            if self.line is None and text.strip():
                self.line = line
            self.parts.append(_collapse(text))

    def newline(self) -> None:
        self.parts.append("\n")

    def take(self) -> tuple[str, int | None]:
        text = "".join(self.parts)
        if "\n" in text:
            text = "\n".join(line.strip() for line in text.split("\n")).strip()
        else:  # one line (most paragraphs): the same, without splitting
            text = text.strip()
        line = self.line
        self.parts, self.line = [], None
        return text, line


def _only_child(el: Any, child: Any) -> bool:
    """Whether ``child`` is a cell's whole content: no text around it, nothing inside it."""
    return (not len(child) and not (el.text or "").strip() and not (child.tail or "").strip()
            and _tag(child) not in _DROP)


def _flat_part(c: Any) -> str:
    """The text one childless element of a cell adds (a line break for ``<br>`` and blocks)."""
    tag = _tag(c)
    if tag == "br":
        return _BREAK
    if tag in _BLOCK:
        return _BREAK + (c.text or "") + _BREAK
    if tag is not None and tag not in _DROP:
        return c.text or ""
    return ""


def _flat_text(el: Any, children: list[Any]) -> str:
    """A cell whose children hold no elements: their texts, ``<br>`` and blocks as lines."""
    parts = [el.text or ""]
    for c in children:
        parts.append(_flat_part(c))
        parts.append(c.tail or "")
    lines = (line.strip() for line in _collapse("".join(parts)).split(_BREAK))
    return "\n".join(line for line in lines if line)


def _walk_cell(flow: _Flow, node: Any, depth: int) -> None:
    """Nested markup of a cell into ``flow``: blocks and rows as lines, inner cells apart."""
    tag = _tag(node)
    if tag is None or tag in _DROP:
        return
    if depth > MAX_DEPTH:
        flow.add(" ".join(node.itertext()), None)
        return
    if tag == "br":
        flow.newline()
        return
    block = tag in _BLOCK or tag in ("table", "tr")
    if block:
        flow.newline()
    elif tag in ("td", "th") and depth > 0:
        flow.add(" ", None)
    flow.add(node.text, None)
    for child in node:
        _walk_cell(flow, child, depth + 1)
        flow.add(child.tail, None)
    if block:
        flow.newline()


def _nested_text(el: Any) -> str:
    """A cell with nested markup (a table inside a cell): its lines, walked."""
    flow = _Flow()
    _walk_cell(flow, el, 0)
    text, _ = flow.take()
    return "\n".join(line for line in text.split("\n") if line)


def _spread(grid: list[list[GridCell | None]], cell: GridCell, r: int, c: int, rowspan: int,
            colspan: int) -> None:
    """A cell written at every position its spans cover."""
    end = c + colspan
    for target in grid[r:r + rowspan]:
        if len(target) < end:
            target.extend([None] * (end - len(target)))
        target[c:end] = [cell] * colspan


class _Reader:
    def __init__(self, source: str | None) -> None:
        self.source = source
        self.blocks: list[Block] = []
        self.flow = _Flow()
        self.tables = 0

    # --- running text --------------------------------------------------------------------------

    def flush(self) -> None:
        text, line = self.flow.take()
        if text:
            self.blocks.append(text_block(text, cell_location(self.source, line)))
            check_count("paragraphs", len(self.blocks), MAX_PARAGRAPHS, self.source)

    def walk(self, el: Any, depth: int = 0) -> None:
        tag = _tag(el)
        if tag is None or tag in _DROP:
            return
        if depth > MAX_DEPTH:
            self.flow.add(" ".join(el.itertext()), el.sourceline)
            return
        if tag == "table":
            self.flush()
            rows = _rows(el)  # once: the layout test and the grid both walk them
            if _is_layout(el, rows):
                # a page laid out with a table: its cells are running text, not a grid
                for child in el:
                    self.walk(child, depth + 1)
                    self.flow.add(child.tail, getattr(child, "sourceline", None))
                self.flush()
                return
            caption = el.find("caption")
            if caption is not None:
                self.walk(caption, depth + 1)
            self.blocks.append(self.table(el, rows))
            return
        if tag == "br":
            self.flow.newline()
            return
        block = tag in _BLOCK
        if block:
            self.flush()
        self.flow.add(el.text, el.sourceline)
        for child in el:
            self.walk(child, depth + 1)
            self.flow.add(child.tail, getattr(child, "sourceline", None))
        if block:
            self.flush()

    # --- tables ----------------------------------------------------------------------------------

    def cell_text(self, el: Any) -> str:
        """A cell's text: plain, one wrapping element (``<td><p>13</p></td>``), flat inline
        markup with ``<br>`` and paragraphs as line breaks, or nested markup walked."""
        if not len(el):
            text = el.text
            if text is None:
                return ""
            if text.isalnum():  # a plain number or word: no space to fold or strip
                return text  # type: ignore[no-any-return]
            return _collapse(text).strip()
        children = list(el)
        if len(children) == 1 and _only_child(el, children[0]):
            text = children[0].text or ""  # <td><p>13</p></td>
            return text if text.isalnum() else _collapse(text).strip()
        if all(len(c) == 0 and _tag(c) not in _TABLE_PARTS for c in children):
            return _flat_text(el, children)
        return _nested_text(el)

    def table(self, el: Any, rows: list[Any]) -> TableBlock:
        """A table's grid from its own rows (:func:`_rows`)."""
        index = self.tables
        self.tables += 1
        grid: list[list[GridCell | None]] = [[] for _ in rows]
        positions = 0
        for r, tr in enumerate(rows):
            positions = self.grid_row(grid, r, tr, positions, (index, el.sourceline))
        n = len(grid)
        width = max((len(line) for line in grid), default=0)
        if n * width > MAX_GRID_CELLS:
            raise UnsafeDocumentError(
                f"a table of {n} rows × {width} columns", source=self.source,
                where=f"table {index}, line {el.sourceline}",
                expected=f"at most {MAX_GRID_CELLS:,} positions",
            )
        return TableBlock(
            rows=tuple(tuple(line) + (None,) * (width - len(line)) for line in grid),
            location=Location(file=self.source, line=el.sourceline, table=index),
        )

    def grid_row(self, grid: list[list[GridCell | None]], r: int, tr: Any, positions: int,
                 where: tuple[int, int | None]) -> int:
        """Row ``r``'s cells written into ``grid`` at every position their spans cover; the
        positions written so far in the table, this row's added (``where``: the table's index
        and line, for the error over the limit)."""
        line = grid[r]
        n = len(grid)
        source = self.source
        c = 0
        for td in tr:
            tag = td.tag
            if tag != "td" and tag != "th":
                continue
            while c < len(line) and line[c] is not None:
                c += 1
            rowspan = colspan = 1
            names = td.keys()  # one call; ``get`` costs more each, and most cells have no span
            if "rowspan" in names:
                rowspan = min(_span(td.get("rowspan"), MAX_ROWSPAN), n - r)
            if "colspan" in names:
                colspan = _span(td.get("colspan"), MAX_COLSPAN)
            positions += rowspan * colspan
            if positions > MAX_GRID_CELLS:
                raise UnsafeDocumentError(
                    f"a table of more than {MAX_GRID_CELLS:,} cells once its spans are expanded",
                    source=source, where=f"table {where[0]}, line {where[1]}",
                    expected="a table of the size of the report's tables",
                )
            cell = located_cell(self.cell_text(td), source, td.sourceline, where[0], r, c)
            if rowspan == 1 and colspan == 1 and len(line) == c:
                line.append(cell)  # the common cell: one position, at the row's end
            else:
                _spread(grid, cell, r, c, rowspan, colspan)
            c += colspan
        return positions


def _without_declaration(text: str) -> str:
    """An XHTML page's XML declaration blanked out (as many spaces, so lines and columns stay):
    the text is already decoded, and lxml refuses a string that declares an encoding."""
    m = _XML_DECLARATION.match(text)
    return text if m is None else " " * m.end() + text[m.end():]


def _parse(text: str) -> tuple[Any, Any]:
    """The page's tree and the parser that read it: the text as UTF-8 bytes (the faster input),
    else the string itself (a lone surrogate)."""
    text = _without_declaration(text)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return lxml.etree.fromstring(text, parser=_PARSER), _PARSER
    return lxml.etree.fromstring(data, parser=_UTF8_PARSER), _UTF8_PARSER


def parse_html(text: str, *, source: str | None = None, encoding: str | None = None
               ) -> ParsedDocument:
    """The blocks of an HTML page (already decoded to text), in reading order."""
    if not text.strip():
        raise UnrecognisedDocumentError("an empty document", source=source,
                                        expected="an HTML page with the report")
    check_count("tags", text.count("<"), MAX_TAGS, source)  # before lxml builds the tree
    try:
        root, parser = _parse(text)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as exc:
        raise UnrecognisedDocumentError(
            f"not readable as HTML ({exc})", source=source, expected="an HTML page"
        ) from None
    if any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in parser.error_log):
        # libxml2 stops at a text node over 10,000,000 bytes and, recovering, drops the rest
        # of the page without a word: refuse instead of reading a report cut short
        raise UnsafeDocumentError(
            "a text or tag over libxml2's limit of 10,000,000 bytes: the page after it cannot "
            "be read", source=source, expected="an HTML page whose every text is under 10 MB")
    if root is None:
        raise UnrecognisedDocumentError("no HTML content", source=source,
                                        expected="an HTML page with the report")
    reader = _Reader(source)
    body = root.find("body")
    reader.walk(body if body is not None else root)
    reader.flush()
    return ParsedDocument(kind="html", blocks=tuple(reader.blocks), source=source,
                          encoding=encoding)
