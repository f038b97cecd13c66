"""Bounded work: every stage refuses input past its documented budget, with a typed error or a
notice (the bombs of the fuzzing campaign, issue 11, as fixed regression tests)."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

import pytest

from gi_report import from_xml, read_document, to_xml
from gi_report.codec.xml import MAX_ATTRIBUTES
from gi_report.errors import MAX_PROBLEMS, DocumentError, UnsafeDocumentError, XMLDocumentError
from gi_report.importers import _pdf_inflate as pdf_limits
from gi_report.importers import digits
from gi_report.importers._pdf_inflate import MAX_PDF_INFLATED, MAX_PDF_OBJECTS
from gi_report.importers.docx import MAX_GRID_POSITIONS, parse_docx
from gi_report.importers.limits import MAX_LINES, MAX_PARAGRAPHS, MAX_TAGS
from gi_report.synthetic import random_report
from gi_report.validation.document import validate_document
from tests.conftest import SEARCH_BUDGET, SearchSteps
from tests.importers.test_pdf_writer import PageSpec, pdf_bytes

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
TEMPLATE = CORPUS / "template-2021-blank.docx"


def test_text_over_the_line_budget_is_refused_before_it_is_read() -> None:
    text = ("正文\n" * (MAX_LINES + 1)).encode("utf-8")
    with pytest.raises(UnsafeDocumentError, match=f"more than {MAX_LINES:,} lines"):
        read_document(text, kind="text", warn=False)
    with pytest.raises(UnsafeDocumentError, match="lines"):
        read_document(text, kind="markdown", warn=False)


def test_text_over_the_crawl_budget_is_refused() -> None:
    """15,000 lines of 1,100 characters, each read as a crawler dump, once took 60 s."""
    line = "x" * 1100 + "\n"
    with pytest.raises(UnsafeDocumentError, match="characters of crawler lines"):
        read_document((line * 1000).encode("utf-8"), kind="text", warn=False)


@pytest.mark.parametrize("kind", ["text", "markdown", "html"])
def test_long_runs_of_spaces_are_read_in_linear_time(kind: str) -> None:
    """Lines of 20,000 spaces before a pipe, a dash rule, a heading's end or a page-link
    trailer: each once took seconds (quadratic regular expressions); here they must not
    stop the reading, and the report is still found."""
    spaces = " " * 20_000
    base = (CORPUS / "2023-shuyang-drc.html").read_text("utf-8") if kind == "html" else (
        CORPUS / "2025-shuyang-county.md").read_text("utf-8")
    noise = (f"\n{spaces}x\n|{spaces}x\n--{spaces}x\n# title{spaces}#{spaces}x\n"
             f"正文{spaces}打印本页{spaces}x\n")
    text = base + ("<p>" + noise + "</p>" if kind == "html" else noise)
    result = read_document(text.encode("utf-8"), kind=kind, warn=False)
    assert result.report.metadata.year == (2023 if kind == "html" else 2025)


def test_html_with_a_text_over_libxml2s_limit_is_refused_not_cut_short() -> None:
    """libxml2 stops at a 10 MB text node and (recovering) dropped the rest of the page
    silently: the report came out without its tables."""
    page = (CORPUS / "2023-shuyang-drc.html").read_text("utf-8")
    i = page.index("<p>")
    huge = page[:i] + "<p>" + "字" * 4_000_000 + "</p>" + page[i:]
    with pytest.raises(UnsafeDocumentError, match="10,000,000 bytes"):
        read_document(huge.encode("utf-8"), warn=False)


def test_html_over_the_tag_or_paragraph_budget_is_refused() -> None:
    with pytest.raises(UnsafeDocumentError, match="tags"):
        read_document(b"<p>x</p>" * (MAX_TAGS // 2 + 1), kind="html", warn=False)
    paragraphs = b"<p>x" * (MAX_PARAGRAPHS + 1)  # one tag each: under the tag budget
    with pytest.raises(UnsafeDocumentError, match="paragraphs"):
        read_document(b"<html><body><div>" + paragraphs + b"</div></body></html>",
                      kind="html", warn=False)


def _docx_with_body(body: str) -> bytes:
    """The blank template with its body replaced by ``body`` (WordprocessingML)."""
    source = zipfile.ZipFile(TEMPLATE)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                xml = data.decode("utf-8")
                start = xml.index("<w:body>") + len("<w:body>")
                end = xml.index("</w:body>")
                data = (xml[:start] + body + xml[end:]).encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()


def test_docx_table_over_the_grid_position_budget_is_refused() -> None:
    """1,000 rows × gridSpan 512 (a 21 KB file once took 21 s and 1.5 GB): refused at once."""
    row = ('<w:tr><w:tc><w:tcPr><w:gridSpan w:val="512"/></w:tcPr><w:p><w:r><w:t>1</w:t>'
           "</w:r></w:p></w:tc></w:tr>")
    data = _docx_with_body("<w:tbl>" + row * 1000 + "</w:tbl>")
    with pytest.raises(UnsafeDocumentError, match=f"{MAX_GRID_POSITIONS:,} positions"):
        parse_docx(data)


def test_docx_over_the_paragraph_budget_is_refused() -> None:
    data = _docx_with_body("<w:p><w:r><w:t>x</w:t></w:r></w:p>" * (MAX_PARAGRAPHS + 1))
    with pytest.raises(UnsafeDocumentError, match="paragraphs"):
        parse_docx(data)


def _pdf_with_content(content: bytes) -> bytes:
    """A one-page PDF whose (compressed) content stream is ``content``."""
    page = PageSpec()
    page.text(100, 100, "x")
    data = pdf_bytes([page])
    m = list(re.finditer(rb"<< /Length (\d+) /Filter /FlateDecode >>\nstream\n", data))[-1]
    body = zlib.compress(content, 9)
    head = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body)
    return data[:m.start()] + head + body + data[m.end() + int(m.group(1)):]


@pytest.mark.parametrize("budget", [MAX_PDF_INFLATED, 4 * 1024 * 1024])
def test_pdf_stream_inflating_past_the_budget_is_refused(
        budget: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A small stream inflating to twice the budget (1 GiB from 1 MB once took 2.1 GB): refused
    while inflating. (The real budget once; a smaller one for the rest of the cases.)"""
    monkeypatch.setattr(pdf_limits, "MAX_PDF_INFLATED", budget)
    bomb = _pdf_with_content(b" " * (2 * budget))
    assert len(bomb) < 1024 * 1024
    with pytest.raises(UnsafeDocumentError, match="inflate"):
        read_document(bomb, warn=False)


def test_pdf_content_over_the_object_budget_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A small file of repeated drawing operators (10 s once): stopped at the object budget
    (made small here: the real one, 100,000, is reached the same way)."""
    assert MAX_PDF_OBJECTS == 100_000
    monkeypatch.setattr(pdf_limits, "MAX_PDF_OBJECTS", 10_000)
    flood = _pdf_with_content(b"0 0 m 1 1 l S\n" * 2_010)
    with pytest.raises(UnsafeDocumentError, match="10,000 drawing objects"):
        read_document(flood, warn=False)


def test_digit_splitter_spends_at_most_its_table_budget(search_steps: SearchSteps) -> None:
    """A 100-digit run (14 s once): every search step counts against the table's budget."""
    crawl = (CORPUS / "2021-pingtan.txt").read_bytes()
    result = read_document(crawl.replace(b"220000325", b"1234567" * 14 + b"12", 1),
                           kind="text", warn=False)
    tables = 3
    assert 0 < search_steps["n"] <= tables * (SEARCH_BUDGET + 1)
    assert any(n.code in ("split.too_complex", "split.ambiguous", "split.inconsistent")
               for n in result.notices)


def test_a_piece_is_never_longer_than_a_cell_holds() -> None:
    spec = random_report().table("applications").spec
    cells = tuple((row.id, "total") for row in spec.rows[:2])
    run = digits.Run(cells=cells, kinds=(spec.column("total").kind,) * 2,
                     segments=("1" * 40,), text="1" * 40, location=digits.Location())
    solution = digits.solve(spec, {}, [run])
    assert [n.code for n in solution.notices] == ["split.too_long"]
    assert solution.values == {}


def test_one_documents_error_list_is_capped_with_a_count() -> None:
    from gi_report.errors import Problem

    error = DocumentError(Problem(pointer=f"/{i}", expected="x") for i in range(1000))
    assert len(error.problems) == MAX_PROBLEMS and error.count == 1000
    assert "1,000 problems; the first 100 listed" in str(error)


def test_xml_with_400000_attributes_is_one_located_problem() -> None:
    """400,000 attributes once took 25 s, 1.65 GB and 30 MB of messages."""
    xml = to_xml(random_report())
    i = xml.index(b">", xml.index(b"<metadata"))
    attributes = b" ".join(b'a%d="1"' % k for k in range(400_000))
    bad = xml[:i] + b" " + attributes + xml[i:]
    with pytest.raises(XMLDocumentError) as caught:
        from_xml(bad)
    assert len(caught.value.problems) == 1
    assert f"at most {MAX_ATTRIBUTES} attributes" in str(caught.value)
    checked = validate_document(bad)
    assert len(checked.findings) == 1
