"""The document forms the importers read, written from the neutral document.

``html`` (merged cells as ``rowspan``/``colspan``), ``markdown`` (pipe tables, merged cells
written once and the positions they cover left empty), and the text dumps in the shapes real
crawls have: ``cell_per_line`` (one TAB-indented cell per line, a blank line between rows),
``tab_rows`` and ``pipe_rows`` (one line per table row), ``one_line`` (the whole page on one
line, value cells run together with no separator, as the 平潭 crawl stores it), and
``one_line_blanks``, the same dump of a report with blank cells, which such a crawl prints as
nothing at all; and ``docx``, a
Word document with merged cells written as OOXML; and ``pdf``, a born-digital PDF with ruled
tables broken across pages (:mod:`.pdfform`).
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from html import escape
from xml.sax.saxutils import escape as xml_escape

from benchmarks.fidelity_harness.document import Cell, Document, Heading, Paragraph, TableBlock


def _placed(table: TableBlock) -> tuple[list[tuple[int, int, Cell]], int]:
    """Each printed cell with the grid row and column where it starts, and the grid's width."""
    occupied: set[tuple[int, int]] = set()
    placed: list[tuple[int, int, Cell]] = []
    width = 0
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row.cells:
            while (r, c) in occupied:
                c += 1
            occupied |= {(r + dr, c + dc) for dr in range(cell.rowspan)
                         for dc in range(cell.colspan)}
            placed.append((r, c, cell))
            c += cell.colspan
            width = max(width, c)
    width = max([width, *(c + 1 for _, c in occupied)])
    return placed, width


def _grid(table: TableBlock) -> list[list[str]]:
    """The table with merged cells expanded: the text in the first position, the rest empty; a
    row that lacks cells (a cell really missing) ends where its last cell or span ends."""
    placed, width = _placed(table)
    grid: list[list[str | None]] = [[None] * width for _ in table.rows]
    for r, c, cell in placed:
        for dr in range(cell.rowspan):
            for dc in range(cell.colspan):
                grid[r + dr][c + dc] = cell.text if dr == dc == 0 else ""
    out: list[list[str]] = []
    for row in grid:
        while row and row[-1] is None:
            row.pop()
        out.append([text or "" for text in row])
    return out


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


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PACKAGE = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
}


def _w_paragraphs(text: str) -> str:
    return "".join(f'<w:p><w:r><w:t xml:space="preserve">{xml_escape(line)}</w:t></w:r></w:p>'
                   for line in text.split("\n"))


def _w_merge(cell: Cell, below: Cell | None) -> str:
    """A cell's ``vMerge``: it starts a merge when it spans rows or the cell below continues it
    (``Cell.merged_above``: a continuation holding its own text)."""
    if cell.merged_above:
        return "<w:vMerge/>"
    if cell.rowspan > 1 or (below is not None and below.merged_above):
        return '<w:vMerge w:val="restart"/>'
    return ""


def _w_table(table: TableBlock) -> str:
    placed, width = _placed(table)
    starts = {(r, c): cell for r, c, cell in placed}
    below: dict[tuple[int, int], Cell] = {}
    for r, c, cell in placed:
        for dr in range(1, cell.rowspan):
            below[r + dr, c] = cell
    rows = []
    for r in range(len(table.rows)):
        cells, c = [], 0
        while c < width:
            found = starts.get((r, c)) or below.get((r, c))
            if found is None:
                c += 1
                continue
            cell = found
            span = f'<w:gridSpan w:val="{cell.colspan}"/>' if cell.colspan > 1 else ""
            if (r, c) in starts:
                merge = _w_merge(cell, starts.get((r + 1, c)))
                body = _w_paragraphs(cell.text)
            else:
                merge, body = "<w:vMerge/>", "<w:p/>"
            cells.append(f"<w:tc><w:tcPr>{span}{merge}</w:tcPr>{body}</w:tc>")
            c += cell.colspan
        rows.append("<w:tr>" + "".join(cells) + "</w:tr>")
    grid = "<w:tblGrid>" + '<w:gridCol w:w="1000"/>' * width + "</w:tblGrid>"
    return f"<w:tbl>{grid}{''.join(rows)}</w:tbl><w:p/>"


def word(doc: Document, rng: random.Random) -> tuple[bytes, str]:
    """A Word document written as OOXML: merged cells as ``gridSpan`` and ``vMerge`` (with an
    empty continuation cell), a line break inside a cell as a paragraph break."""
    body = "".join(_w_table(b) if isinstance(b, TableBlock) else _w_paragraphs(b.text)
                   for b in doc.blocks)
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>')
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as package:
        for name, xml in (*_PACKAGE.items(), ("word/document.xml", document)):
            # a fixed time stamp: the same case writes the same bytes (see cases.proven)
            package.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), xml,
                             compress_type=zipfile.ZIP_DEFLATED)
    return data.getvalue(), "docx"


def pdf(doc: Document, rng: random.Random) -> tuple[bytes, str]:
    """A born-digital PDF with ruled tables (:mod:`.pdfform`, imported when first used)."""
    from benchmarks.fidelity_harness.pdfform import pdf as render

    return render(doc, rng)


Renderer = Callable[[Document, random.Random], tuple[str | bytes, str]]

FORMS: dict[str, Renderer] = {
    "html": html,
    "markdown": markdown,
    "cell_per_line": cell_per_line,
    "tab_rows": _rows("\t"),
    "pipe_rows": _rows("|"),
    "one_line": one_line,
    "one_line_blanks": one_line,
    "docx": word,
    "pdf": pdf,
}
"""Each form's renderer: the document text and the kind ``read_document`` is told."""
