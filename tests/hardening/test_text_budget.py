"""A document with more text than one text of the model holds is refused before assembly
(fuzz markdown:105592: a 13 MB Markdown file of one paragraph repeated made a section of 4.6
million characters, and the model's ``ValueError`` escaped ``read_document``)."""

from __future__ import annotations

import random

import pytest

from gi_report import read_document
from gi_report.errors import UnsafeDocumentError
from gi_report.importers.blocks import GridCell, Location, ParsedDocument, TableBlock, TextBlock
from gi_report.importers.limits import _characters, check_document
from gi_report.numbers import MAX_TEXT_CHARS
from gi_report.render.markdown import render_markdown
from gi_report.synthetic import random_report


def test_a_markdown_report_with_millions_of_characters_in_one_section_is_refused() -> None:
    report = render_markdown(random_report(random.Random(4), template="2021"))
    paragraph = "x" * 5_000 + "\n\n"
    text = report + paragraph * (MAX_TEXT_CHARS // 5_000 + 1)
    with pytest.raises(UnsafeDocumentError, match="characters of text") as info:
        read_document(text.encode("utf-8"), kind="markdown", warn=False)
    assert f"at most {MAX_TEXT_CHARS:,}" in str(info.value)


def test_the_budget_counts_paragraphs_and_table_positions_with_their_separators() -> None:
    here = Location()
    cell = GridCell(text="12", origin=(0, 0), location=here)
    table = TableBlock(rows=((cell, cell, None),), location=here)
    doc = ParsedDocument(kind="text", blocks=(TextBlock(text="abc", location=here), table))
    assert _characters(doc) == (3 + 1) + 2 * (2 + 3)
    check_document(doc)
