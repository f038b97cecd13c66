"""The document forms the importers read, written from the neutral document.

``html`` (merged cells as ``rowspan``/``colspan``), ``markdown`` (pipe tables, merged cells
written once and the positions they cover left empty), and the text dumps in the shapes real
crawls have: ``cell_per_line`` (one TAB-indented cell per line, a blank line between rows),
``tab_rows`` and ``pipe_rows`` (one line per table row), ``one_line`` (the whole page on one
line, value cells run together with no separator, as the 平潭 crawl stores it).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from html import escape

from benchmarks.fidelity_harness.document import Document, Heading, Paragraph, TableBlock


def _grid(table: TableBlock) -> list[list[str]]:
    """The table with merged cells expanded: the text in the first position, the rest empty."""
    occupied: dict[tuple[int, int], str] = {}
    width = 0
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row.cells:
            while (r, c) in occupied:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    occupied[r + dr, c + dc] = cell.text if dr == dc == 0 else ""
            c += cell.colspan
            width = max(width, c)
    return [[occupied.get((r, c), "") for c in range(width)] for r in range(len(table.rows))]


def _html_table(table: TableBlock) -> str:
    lines = ['<table border="1"><tbody>']
    for row in table.rows:
        cells = []
        for cell in row.cells:
            spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
                f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
            text = "<br>".join(escape(line) for line in cell.text.split("\n"))
            cells.append(f"<td{spans}>{text}</td>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines)


def html(doc: Document, rng: random.Random) -> tuple[str, str]:
    parts = ["<!doctype html>", '<html lang="zh-CN"><head><meta charset="utf-8"></head><body>']
    for block in doc.blocks:
        if isinstance(block, Heading):
            parts.append(f"<h{block.level}>{escape(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            parts += [f"<p>{escape(line)}</p>" for line in block.text.split("\n")]
        else:
            parts.append(_html_table(block))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n", "html"


def _md_line(cells: list[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|").replace("\n", "<br>") for c in cells) + " |"


def markdown(doc: Document, rng: random.Random) -> tuple[str, str]:
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            lines += ["#" * block.level + " " + block.text, ""]
        elif isinstance(block, Paragraph):
            lines += [*block.text.split("\n"), ""]
        else:
            grid = _grid(block)
            lines += [_md_line(grid[0]), "|" + "---|" * len(grid[0])]
            lines += [_md_line(row) for row in grid[1:]]
            lines.append("")
    return "\n".join(lines) + "\n", "markdown"


def _text_lines(block: Heading | Paragraph) -> list[str]:
    return block.text.split("\n")


def cell_per_line(doc: Document, rng: random.Random) -> tuple[str, str]:
    lines: list[str] = []
    for block in doc.blocks:
        if not isinstance(block, TableBlock):
            lines += _text_lines(block)
            continue
        for row in block.rows:
            for cell in row.cells:
                first, *rest = cell.text.split("\n")
                lines.append("\t" + first)
                lines += rest  # a word broken across lines continues without a TAB
            lines.append("")
        lines.append("")
    return "\n".join(lines) + "\n", "text"


def _flat(text: str) -> str:
    """A cell's text on one line: a line break inside a cell becomes a space."""
    return " ".join(part for part in text.split("\n"))


def _rows(separator: str) -> Callable[[Document, random.Random], tuple[str, str]]:
    def render(doc: Document, rng: random.Random) -> tuple[str, str]:
        lines: list[str] = []
        for block in doc.blocks:
            if not isinstance(block, TableBlock):
                lines += _text_lines(block)
                continue
            lines.append("")
            for row in block.rows:
                cells = [_flat(c.text) or " " for c in row.cells]
                if separator == "|":
                    lines.append("| " + " | ".join(cells) + " |")
                else:
                    lines.append("\t".join(cells))
            lines.append("")
        return "\n".join(lines) + "\n", "text"
    return render


def one_line(doc: Document, rng: random.Random) -> tuple[str, str]:
    """Labels and headers with or without a space between them; values always run together."""
    parts: list[str] = []
    for block in doc.blocks:
        if not isinstance(block, TableBlock):
            parts.append(block.text.replace("\n", ""))
            continue
        for row in block.rows:
            out = ""
            for cell in row.cells:
                text = _flat(cell.text)
                if cell.header or cell.ref is None:
                    out += rng.choice(("", " ")) + text
                else:
                    out += text
            parts.append(out)
    return "".join(parts) + "\n", "text"


Renderer = Callable[[Document, random.Random], tuple[str, str]]

FORMS: dict[str, Renderer] = {
    "html": html,
    "markdown": markdown,
    "cell_per_line": cell_per_line,
    "tab_rows": _rows("\t"),
    "pipe_rows": _rows("|"),
    "one_line": one_line,
}
"""Each form's renderer: the document text and the kind ``read_document`` is told."""
