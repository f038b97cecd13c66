"""One-cell rows of a TAB-separated table: a line with no TAB between a table's rows.

A table copied as one row per line with TABs between the cells prints a row of one cell with no
TAB at all: a caption whose merged cell spans the table (the item a group of rows is under), a
value row whose label cells were printed elsewhere. Such a line is a row of the table it stands
in (a ``|`` table writes the same row as ``| 7 |``), never the end of the table: a value printed
alone (a number or a dash), or a short caption with no sentence punctuation that a TAB row
follows. A line of TABs and spaces only, a TAB row after it, is a row of blank cells. A blank
line still ends the table; a section heading, a sentence or a page mark is never a row. A row
line right after a table and the page number printed below it goes on with that table even alone
(:func:`after_page_break`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from gi_report.importers.blocks import Block, TableBlock
from gi_report.importers.furniture import whole_block
from gi_report.importers.values import looks_like_value

MAX_CAPTION = 40
"""Longest caption line (characters) read as a one-cell row: longer text is a paragraph."""
_PROSE = re.compile(r"[。，；：！？]|^\s*[一二三四五六七八九十]{1,2}[、.．]"
                    r"|^\s*第[一二三四五六]部分")
"""A sentence or a numbered heading: never a table row."""


def tab_row(line: str) -> bool:
    """Whether ``line`` is a row of a TAB table: two TABs, or one after the first cell (a line
    starting with its only TAB is a cell of a one-cell-per-line table)."""
    body = line.rstrip("\r\n")
    tabs = body.count("\t")
    return bool(body.strip()) and (tabs >= 2 or (tabs == 1 and not body.startswith("\t")))


def lone_cell(lines: Sequence[str], i: int) -> bool:
    """Whether line ``i``, inside a TAB table (the caller knows), is a one-cell row of it: a
    value printed alone, or a caption a TAB row follows (see the module)."""
    if i >= len(lines):
        return False
    line = lines[i].rstrip("\r\n")
    text = line.strip()
    if not text or "\t" in line or "|" in text or whole_block(text) is not None:
        return False
    if looks_like_value(text) and " " not in text:
        return True
    return (len(text) <= MAX_CAPTION and _PROSE.search(text) is None
            and i + 1 < len(lines) and tab_row(lines[i + 1]))


def blank_row(lines: Sequence[str], i: int) -> bool:
    """Whether line ``i``, inside a TAB table, is a row of blank cells: TABs and spaces only,
    a TAB row right after it."""
    line = lines[i].rstrip("\r\n") if i < len(lines) else ""
    return ("\t" in line and not line.strip() and i + 1 < len(lines)
            and tab_row(lines[i + 1]))


def after_page_break(blocks: Sequence[Block]) -> bool:
    """Whether the blocks read so far end with a table and one or more page numbers after it,
    nothing else: a row line there is the table going on after a page break, a row of its own
    even when no other row line follows it (the last row of a table printed on the next page)."""
    for numbers, block in enumerate(reversed(blocks)):
        if isinstance(block, TableBlock):
            return numbers > 0
        removed = whole_block(block.text)
        if removed is None or removed.what != "page number":
            return False
    return False
