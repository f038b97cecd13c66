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

import re
from typing import Any

import lxml.etree
import lxml.html

from gi_report.errors import UnrecognisedDocumentError, UnsafeDocumentError
from gi_report.importers.blocks import (
    Block,
    GridCell,
    Location,
    ParsedDocument,
    TableBlock,
    TextBlock,
)

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
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_SPAN = re.compile(r"\s*([0-9]+)")


def _parser() -> lxml.html.HTMLParser:
    return lxml.html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, recover=True, huge_tree=False,
    )


def _span(value: str | None, limit: int) -> int:
    if not value:
        return 1
    m = _SPAN.match(value)
    if not m:
        return 1
    return max(1, min(int(m.group(1)), limit))


def _tag(el: Any) -> str | None:
    tag = el.tag
    if not isinstance(tag, str):
        return None  # comment, processing instruction, entity
    return tag.rsplit("}", 1)[-1].lower()


class _Flow:
    """Collects running text into paragraphs (a new one at every block boundary)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.line: int | None = None

    def add(self, text: str | None, line: int | None) -> None:
        if text:
            if self.line is None and text.strip():
                self.line = line
            self.parts.append(_SPACES.sub(" ", text))

    def newline(self) -> None:
        self.parts.append("\n")

    def take(self) -> tuple[str, int | None]:
        text = "".join(self.parts)
        text = "\n".join(line.strip() for line in text.split("\n")).strip()
        line = self.line
        self.parts, self.line = [], None
        return text, line


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
            self.blocks.append(TextBlock(text=text, location=Location(file=self.source, line=line)))

    def walk(self, el: Any, depth: int = 0) -> None:
        tag = _tag(el)
        if tag is None or tag in _DROP:
            return
        if depth > MAX_DEPTH:
            self.flow.add(" ".join(el.itertext()), el.sourceline)
            return
        if tag == "table":
            self.flush()
            self.blocks.append(self.table(el))
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
        flow = _Flow()

        def walk(node: Any, depth: int) -> None:
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
                walk(child, depth + 1)
                flow.add(child.tail, None)
            if block:
                flow.newline()

        walk(el, 0)
        text, _ = flow.take()
        return "\n".join(line for line in text.split("\n") if line)

    def table(self, el: Any) -> TableBlock:
        index = self.tables
        self.tables += 1
        rows = [
            tr for tr in el.iter("tr")
            if next((a for a in tr.iterancestors("table")), None) is el
        ]
        grid: dict[tuple[int, int], GridCell] = {}
        width = 0
        for r, tr in enumerate(rows):
            c = 0
            for td in tr:
                if _tag(td) not in ("td", "th"):
                    continue
                while (r, c) in grid:
                    c += 1
                rowspan = min(_span(td.get("rowspan"), MAX_ROWSPAN), len(rows) - r)
                colspan = _span(td.get("colspan"), MAX_COLSPAN)
                cell = GridCell(
                    text=self.cell_text(td),
                    origin=(r, c),
                    location=Location(
                        file=self.source, line=td.sourceline, table=index, row=r, column=c
                    ),
                )
                for dr in range(rowspan):
                    for dc in range(colspan):
                        grid[(r + dr, c + dc)] = cell
                c += colspan
                width = max(width, c)
                if len(grid) > MAX_GRID_CELLS:
                    raise UnsafeDocumentError(
                        f"a table of more than {MAX_GRID_CELLS:,} cells once its spans are "
                        "expanded",
                        source=self.source, where=f"table {index}, line {el.sourceline}",
                        expected="a table of the size of the report's tables",
                    )
        if len(rows) * width > MAX_GRID_CELLS:
            raise UnsafeDocumentError(
                f"a table of {len(rows)} rows × {width} columns", source=self.source,
                where=f"table {index}, line {el.sourceline}",
                expected=f"at most {MAX_GRID_CELLS:,} positions",
            )
        return TableBlock(
            rows=tuple(
                tuple(grid.get((r, c)) for c in range(width)) for r in range(len(rows))
            ),
            location=Location(file=self.source, line=el.sourceline, table=index),
        )


def parse_html(text: str, *, source: str | None = None, encoding: str | None = None
               ) -> ParsedDocument:
    """The blocks of an HTML page (already decoded to text), in reading order."""
    if not text.strip():
        raise UnrecognisedDocumentError("an empty document", source=source,
                                        expected="an HTML page with the report")
    try:
        root = lxml.html.document_fromstring(text, parser=_parser())
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as exc:
        raise UnrecognisedDocumentError(
            f"not readable as HTML ({exc})", source=source, expected="an HTML page"
        ) from None
    reader = _Reader(source)
    body = root.find("body")
    reader.walk(body if body is not None else root)
    reader.flush()
    return ParsedDocument(kind="html", blocks=tuple(reader.blocks), source=source,
                          encoding=encoding)
