"""The budgets of the text stages, proportional to the input and far above any report's.

A report has a few hundred lines or paragraphs; a document of millions is refused up front with
:class:`~gi_report.errors.UnsafeDocumentError` instead of being read for a minute and gigabytes.
The other stages' budgets live beside their code: HTML and DOCX tables (250,000 grid positions),
digit runs (:mod:`~gi_report.importers.digits`), PDF pages, characters and inflated bytes.
"""

from __future__ import annotations

from gi_report.errors import UnsafeDocumentError

MAX_LINES = 50_000
"""Most lines of a text or Markdown document (a report has a few hundred; the corpus's longest
has 421)."""

MAX_PARAGRAPHS = 20_000
"""Most paragraphs of a DOCX document, and most text blocks of an HTML page."""

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
