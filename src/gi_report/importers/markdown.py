"""Markdown → text blocks and cell grids (typically a PDF or Word file converted to Markdown).

Headings (``#`` … ``######``) and paragraphs (lines up to a blank line) become text blocks, the
heading markup and inline emphasis (``**…**``, ``__…__``, backticks) removed; pipe tables become
grids, one row per line, the ``|---|`` rule dropped and ``<br>`` kept as a line break inside a
cell; raw HTML tables embedded in the Markdown are read by the HTML reader.

What converters do to the report's tables is left to the shared grid mapper, which copes with
section 三 split into many small tables, headings between them naming the rows (### (一) 予以公开),
placeholder headers (数据1 … 数据6), header rows copied from another table, and ``-`` for blank.
"""

from __future__ import annotations

import re

import attrs

from gi_report.errors import UnrecognisedDocumentError
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
from gi_report.importers.html import parse_html
from gi_report.importers.limits import MAX_LINES, MAX_TABLE_ROWS, check_count

# Linear patterns: a lazy ``(.*?)\s*#*\s*$`` or adjacent ``\s*\|?\s*`` backtrack in quadratic
# time on a long line of spaces (seconds for 8,000); the closing #s are stripped in code.
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")
_RULE = re.compile(r"^\s*(?:\|\s*)?:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*(?:\|\s*)?$")
_TABLE_LINE = re.compile(r"^\s*\|")
_FENCE = re.compile(r"^\s*(```|~~~)")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])|`([^`]*)`")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_SPLIT = re.compile(r"(?<!\\)\|")


def _has_markup(text: str) -> bool:
    """Whether the text holds a character inline markup or an escape starts with (a text
    without one is its own plain text): five substring tests in C, even over a paragraph."""
    return "<" in text or "*" in text or "_" in text or "`" in text or "\\" in text


def _inline(text: str) -> str:
    if not _has_markup(text):  # most cells: a number or a label
        return text
    text = _BR.sub("\n", text)
    text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or m.group(4) or "", text)
    return text.replace("\\|", "|").replace("\\*", "*").replace("\\_", "_")


def _cells(line: str) -> list[str]:
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        stripped = stripped[:-1]
    if not _has_markup(stripped):  # most rows: split at every bar, nothing to remove
        return [c.strip() for c in stripped.split("|")]
    return [_inline(c).strip() for c in _SPLIT.split(stripped)]


class _Reader:
    def __init__(self, lines: list[str], source: str | None) -> None:
        self.lines = lines
        self.source = source
        self.blocks: list[Block] = []
        self.tables = 0
        self.table_rows = 0  #: rows of the tables read so far
        self.paragraph: list[str] = []
        self.paragraph_line = 0

    def loc(self, i: int) -> Location:
        return cell_location(self.source, i + 1)

    def flush(self) -> None:
        if self.paragraph:
            text = "\n".join(self.paragraph).strip()
            if "<table" in text.lower():
                self.html(text)
            elif text:
                self.blocks.append(text_block(_inline(text), self.loc(self.paragraph_line)))
            self.paragraph = []

    def html(self, text: str) -> None:
        doc = parse_html(text, source=self.source)
        for block in doc.blocks:
            if isinstance(block, TableBlock):
                block = attrs.evolve(block, location=attrs.evolve(
                    block.location, table=self.tables, line=self.paragraph_line + 1))
                self.tables += 1
            self.blocks.append(block)

    def run(self) -> list[Block]:
        i = 0
        n = len(self.lines)
        while i < n:
            line = self.lines[i]
            # each pattern tried only on a line holding the character it needs (most lines:
            # a paragraph's, tested by a substring search instead of three regexes)
            opening = _FENCE.match(line) if "```" in line or "~~~" in line else None
            if opening:
                i = self.fenced(i, opening.group(1))
                continue
            heading = _HEADING.match(line) if "#" in line else None
            if heading:
                self.heading(i, heading.group(2))
                i += 1
                continue
            if "|" in line and (_TABLE_LINE.match(line) or (
                    i + 1 < n and _RULE.match(self.lines[i + 1]))):
                self.flush()
                i = self.table(i)
                continue
            if not line.strip():
                self.flush()
                i += 1
                continue
            if not self.paragraph:
                self.paragraph_line = i
            self.paragraph.append(line.strip())
            i += 1
        self.flush()
        return self.blocks

    def fenced(self, i: int, fence: str) -> int:
        """A fenced block opening at line ``i`` as one text block; the line after its end."""
        self.flush()
        n = len(self.lines)
        j = i + 1
        while j < n and not self.lines[j].strip().startswith(fence):
            j += 1
        body = "\n".join(self.lines[i + 1:j]).strip()
        if body:
            self.blocks.append(text_block(body, self.loc(i + 1)))
        return j + 1

    def heading(self, i: int, printed: str) -> None:
        """A heading at line ``i`` (its text after the #s) as a text block."""
        self.flush()
        text = _inline(printed.rstrip().rstrip("#").rstrip()).strip()
        if text:
            self.blocks.append(text_block(text, self.loc(i)))

    def table(self, start: int) -> int:
        rows: list[tuple[int, list[str]]] = []
        i = start
        n = len(self.lines)
        while i < n and (_TABLE_LINE.match(self.lines[i]) or (
                "|" in self.lines[i] and self.lines[i].strip())):
            if not _RULE.match(self.lines[i]):
                rows.append((i, _cells(self.lines[i])))
            i += 1
        self.table_rows += len(rows)  # before the grid is built: its cost is per cell
        check_count("table rows", self.table_rows, MAX_TABLE_ROWS, self.source)
        width = max((len(cells) for _, cells in rows), default=0)
        index = self.tables
        self.tables += 1
        self.blocks.append(TableBlock(
            rows=tuple(self.grid_row(r, at, cells, index, width)
                       for r, (at, cells) in enumerate(rows)),
            location=Location(file=self.source, line=start + 1, table=index),
        ))
        return i

    def grid_row(self, r: int, at: int, cells: list[str], table: int, width: int
                 ) -> tuple[GridCell | None, ...]:
        """Row ``r`` of a table (line ``at``) as grid cells, ``None`` where it has fewer cells
        than the widest row."""
        source = self.source
        line: list[GridCell | None] = [located_cell(text, source, at + 1, table, r, c)
                                       for c, text in enumerate(cells)]
        line.extend([None] * (width - len(cells)))
        return tuple(line)


def parse_markdown(text: str, *, source: str | None = None, encoding: str | None = None
                   ) -> ParsedDocument:
    """The blocks of a Markdown document (already decoded), in reading order."""
    if not text.strip():
        raise UnrecognisedDocumentError("an empty document", source=source,
                                        expected="a Markdown annual report")
    check_count("lines", text.count("\n") + text.count("\r"), MAX_LINES, source)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks = _Reader(lines, source).run()
    return ParsedDocument(kind="markdown", blocks=tuple(blocks), source=source, encoding=encoding)
