"""Characters printed twice (bold faked by overprinting) are read once, as pdfplumber's
``dedupe_chars`` would, without its quadratic cost; a page without copies is left as it is."""

from __future__ import annotations

import io
import random
from pathlib import Path
from typing import Any

import pdfplumber
from hypothesis import given
from hypothesis import strategies as st
from pdfplumber.utils import dedupe_chars

from gi_report.importers._pdf_dedupe import unique_chars
from gi_report.importers.blocks import TextBlock
from gi_report.importers.pdf import parse_pdf
from gi_report.synthetic import random_report
from tests.importers.test_docx_layout import assert_same_tables
from tests.importers.test_pdf_generated import report_pages
from tests.importers.test_pdf_writer import PageSpec, pdf_bytes
from tests.importers.warned import read_warned

CORPUS_PDF = Path(__file__).parents[1] / "data" / "corpus" / "2024-huaian-city.pdf"


def overprinted(pages: list[PageSpec], dx: float = 0.3, dy: float = 0.2) -> list[PageSpec]:
    """Every text of ``pages`` printed a second time ``dx``, ``dy`` points away (fake bold)."""
    for page in pages:
        page.texts += [(x + dx, top + dy, size, text) for x, top, size, text in page.texts]
    return pages


def test_the_real_report_has_no_copies_and_keeps_every_character_in_order() -> None:
    with pdfplumber.open(CORPUS_PDF) as pdf:
        for page in pdf.pages:
            chars = page.chars
            assert unique_chars(chars) == chars == dedupe_chars(chars)


def test_overprinted_text_keeps_one_copy_of_each_character_as_pdfplumber_does() -> None:
    page = PageSpec()
    page.text(100, 100, "本机关加粗的标题")
    page.text(100, 130, "正文的的的")
    with pdfplumber.open(io.BytesIO(pdf_bytes(overprinted([page])))) as pdf:
        chars = pdf.pages[0].chars
        assert len(chars) == 2 * 13
        kept = unique_chars(chars)
        assert kept == dedupe_chars(chars)
        assert "".join(c["text"] for c in kept) == "本机关加粗的标题正文的的的"


def test_an_overprinted_report_imports_every_value_and_each_heading_once(
        tmp_path: Path) -> None:
    report = random_report(random.Random(31), template="2021", blank_rate=0.1)
    path = tmp_path / "bold.pdf"
    path.write_bytes(pdf_bytes(overprinted(report_pages(report))))
    imported = read_warned(path).report
    assert imported.metadata.agency == report.metadata.agency
    assert imported.metadata.year == report.metadata.year
    assert_same_tables(imported, report)
    texts = [b.text for b in parse_pdf(path.read_bytes()).blocks if isinstance(b, TextBlock)]
    for section in report.template_spec.sections:
        assert section.heading in texts  # not 一一、、总总体体…


_CHAR = st.fixed_dictionaries({
    "text": st.sampled_from("的一二"),
    "fontname": st.sampled_from(["A", "B"]),
    "size": st.sampled_from([10.0, 12.0]),
    "upright": st.booleans(),
    "doctop": st.integers(0, 12).map(lambda v: v * 0.5),
    "x0": st.integers(0, 12).map(lambda v: v * 0.5),
    "n": st.integers(0, 3),  # equal dictionaries arise when two draws agree on everything
})


@given(st.lists(_CHAR, max_size=40))
def test_unique_chars_is_pdfplumbers_dedupe(chars: list[dict[str, Any]]) -> None:
    assert unique_chars(chars) == dedupe_chars(chars)
