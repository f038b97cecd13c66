"""The budgets of the text stages, proportional to the input and far above any report's.

A report has a few hundred lines or paragraphs; a document of millions is refused up front with
:class:`~gi_report.errors.UnsafeDocumentError` instead of being read for a minute and gigabytes.
The other stages' budgets live beside their code: HTML and DOCX tables (250,000 grid positions),
digit runs (:mod:`~gi_report.importers.digits`), PDF pages, characters and inflated bytes.
"""

from __future__ import annotations

from gi_report.errors import UnsafeDocumentError
from gi_report.importers.blocks import ParsedDocument, TableBlock
from gi_report.numbers import MAX_TEXT_CHARS

MAX_LINES = 50_000
"""Most lines of a text or Markdown document (a report has a few hundred; the corpus's longest
has 421)."""

MAX_CRAWL_CHARS = 1_000_000
"""Most characters of one text document read as crawler dumps (lines of over 1,000 characters
cut at the form's labels, ~4 µs a character; the corpus's crawls have 10,000 to 30,000)."""

MAX_PARAGRAPHS = 20_000
"""Most paragraphs of a DOCX document, and most text blocks of an HTML page."""

MAX_TABLE_POSITIONS = 100_000
"""Most table positions (rows × columns, over all its tables) one document may hand to the
grid reader (the form's three tables have about 750; reading one costs ~20 µs)."""

MAX_TABLE_ROWS = 2_000
"""Most table rows (over all its tables) one document may hand to the grid reader (the form's
three tables have about 60; reading a DOCX row and mapping it costs up to 1 ms)."""

MAX_TAGS = 100_000
"""Most tags (``<`` characters) of an HTML page, counted before it is parsed (the corpus pages
have 800 to 1,300)."""


def check_count(what: str, count: int, limit: int, source: str | None) -> None:
    """Refuse a document with more than ``limit`` ``what`` (lines, paragraphs…)."""
    if count > limit:
        raise UnsafeDocumentError(
            f"the document has more than {limit:,} {what} ({count:,} or more)",
            source=source,
            expected=f"at most {limit:,} {what}",
        )


def check_document(doc: ParsedDocument) -> None:
    """Refuse a parsed document over the budgets of the shared stages: more than
    :data:`MAX_PARAGRAPHS` text blocks, tables of more than :data:`MAX_TABLE_POSITIONS`
    positions or :data:`MAX_TABLE_ROWS` rows in all, or more characters than a text of the
    model holds, whatever its kind."""
    positions = sum(len(b.rows) * max((len(r) for r in b.rows), default=0)
                    for b in doc.blocks if isinstance(b, TableBlock))
    check_count("table positions (rows × columns)", positions, MAX_TABLE_POSITIONS, doc.source)
    rows = sum(len(b.rows) for b in doc.blocks if isinstance(b, TableBlock))
    check_count("table rows", rows, MAX_TABLE_ROWS, doc.source)
    paragraphs = sum(1 for b in doc.blocks if not isinstance(b, TableBlock))
    check_count("paragraphs", paragraphs, MAX_PARAGRAPHS, doc.source)
    check_count("characters of text (paragraphs and table cells, a separator each)",
                _characters(doc), MAX_TEXT_CHARS, doc.source)


def _characters(doc: ParsedDocument) -> int:
    """The characters of every paragraph and table position, with 1 for a paragraph's line
    break and 3 for a cell's `` | ``: at most :data:`~gi_report.numbers.MAX_TEXT_CHARS`, so no
    text assembled from the blocks (a section, a table set in a section) exceeds a text of the
    model (a 13 MB Markdown of one repeated paragraph made a section of 4.6 million characters
    and a ``ValueError``: fuzz markdown:105592)."""
    total = 0
    for block in doc.blocks:
        if isinstance(block, TableBlock):
            texts = [c.text for row in block.rows for c in row if c is not None]
            total += sum(map(len, texts)) + 3 * len(texts)
        else:
            total += len(block.text) + 1
    return total
