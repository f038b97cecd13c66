"""The PDF reader on the real Huaian report (2024) and on bad input."""

from __future__ import annotations

import re
import sys
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from gi_report.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    GIReportError,
    InputTooLargeError,
    MissingExtraError,
    NoTextLayerError,
    ReportImportError,
    ReportImportWarning,
    UnsafeDocumentError,
)
from gi_report.form import TABLE_IDS, get_template
from gi_report.importers import pdf as pdf_module
from gi_report.importers.blocks import ParsedDocument, TableBlock, TextBlock
from gi_report.importers.pdf import parse_pdf
from tests.importers.expected import CORPUS, load_expected
from tests.importers.test_docx_layout import (
    assert_grid_matches,
    format_value,
    official_layout,
    squash,
)
from tests.importers.test_pdf_writer import PageSpec, pdf_bytes
from tests.importers.warned import read_warned

HUAIAN = CORPUS / "2024-huaian-city.pdf"
TEMPLATE = get_template("2021")



@cache
def huaian() -> ParsedDocument:
    return parse_pdf(HUAIAN.read_bytes(), source=HUAIAN.name)


def huaian_tables() -> list[TableBlock]:
    return [b for b in huaian().blocks if isinstance(b, TableBlock)]


def huaian_texts() -> list[TextBlock]:
    return [b for b in huaian().blocks if isinstance(b, TextBlock)]


def numbered(text: str) -> str:
    """Item numbers written ``1、`` (as Huaian does) compared like ``1.`` (as the form does)."""
    return re.sub(r"^(\d+)、", r"\1.", squash(text))


# --- Huaian: grids ------------------------------------------------------------------------------


def test_huaian_has_exactly_the_three_tables_of_the_form() -> None:
    tables = huaian_tables()
    assert [(len(t.rows), len(t.rows[0])) for t in tables] == [(14, 4), (28, 10), (4, 15)]
    assert [t.location.table for t in tables] == [0, 1, 2]
    assert [t.location.page for t in tables] == [3, 4, 5]
    assert all(t.location.file == HUAIAN.name for t in tables)


@pytest.mark.parametrize("index", [0, 1, 2], ids=list(TABLE_IDS))
def test_huaian_grid_has_the_template_layout_and_every_expected_value(index: int) -> None:
    """Spans (origins) exactly as the template draws them; every value cell as expected."""
    table_id = TABLE_IDS[index]
    spec = TEMPLATE.table(table_id)
    block = huaian_tables()[index]
    layout = official_layout(spec)
    assert_grid_matches(block, layout, skip_text=True)
    expected = load_expected("2024-huaian-city").cells
    values = 0
    for cell in layout.cells:
        got = block.rows[cell.r0][cell.c0]
        assert got is not None
        if cell.pointer:
            assert got.text == format_value(expected[cell.pointer]), (cell.pointer, got.text)
            values += 1
        elif cell.text:
            assert numbered(got.text) == squash(cell.text), (cell, got.text)
    assert values == sum(len(r.columns) for r in spec.rows)


def test_huaian_section_three_is_stitched_across_the_page_break() -> None:
    block = huaian_tables()[1]
    pages = [row[9].location.page for row in block.rows if row[9] is not None]
    assert pages == [4] * 16 + [5] * 12
    labels = [numbered(row[2].text) for row in block.rows[3:] if row[2] is not None]
    spec = TEMPLATE.table("applications")
    for row in spec.rows:
        assert any(squash(row.label) in label for label in labels), row.label
    # The group cells running over the break are one span each, with their text joined.
    results = {block.rows[r][0].origin for r in range(5, 27)}  # type: ignore[union-attr]
    assert results == {(5, 0)}
    unable = [block.rows[r][1] for r in (15, 16, 17)]
    assert {c.origin for c in unable if c is not None} == {(15, 1)}
    assert unable[0] is not None and squash(unable[0].text) == "（四）无法提供"
    assert [c.location.page for c in unable if c is not None] == [4, 5, 5]


def test_huaian_labels_wrapped_inside_cells_are_joined_in_one_cell() -> None:
    block = huaian_tables()[1]
    cell = block.rows[23][2]
    assert cell is not None
    assert cell.text.count("\n") == 2  # printed on three lines
    assert squash(cell.text) == "1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    header = block.rows[2][4]
    assert header is not None and header.text == "商业企\n业"


def test_huaian_proactive_table_continues_from_page_three_to_four() -> None:
    block = huaian_tables()[0]
    pages = [row[0].location.page for row in block.rows if row[0] is not None]
    assert pages == [3] * 8 + [4] * 6
    amount = block.rows[13][1]
    assert amount is not None and amount.text == "96171.6"
    assert {c.origin for c in block.rows[13][1:] if c is not None} == {(13, 1)}


# --- Huaian: text -------------------------------------------------------------------------------


def test_huaian_text_blocks_have_the_headings_in_order_and_no_page_numbers() -> None:
    texts = [b.text for b in huaian_texts()]
    positions = [texts.index(section.heading) for section in TEMPLATE.sections]
    assert positions == sorted(positions)
    assert not [t for t in texts if re.fullmatch(r"-\s*\d+\s*-", t)]
    assert texts[:2] == ["淮安市人民政府", "2024年政府信息公开工作年度报告"]


def test_huaian_paragraphs_are_joined_without_typesetting_spaces() -> None:
    texts = [b.text for b in huaian_texts()]
    preamble = texts[2]
    assert preamble.startswith("本报告由淮安市人民政府办公室根据《中华人民共和国政府信息公开条例》")
    assert "自2024年1月1日至2024年12月31日。如对本报告有疑问" in preamble
    assert preamble.endswith("电子邮箱：hazwgkc@163.com）。")
    fee = texts[-1]
    assert fee == ("2024年，市政府严格落实《政府信息公开信息处理费管理办法》，"
                   "全年收取政府信息公开信息处理费3940元。")


def test_huaian_paragraph_running_over_a_page_break_is_one_block() -> None:
    block = next(b for b in huaian_texts() if b.text.startswith("（一）主动公开情况"))
    assert block.location.page == 1
    assert "建设‘四最’一流营商环境高质量推进产业发展" in block.text  # page 1 → page 2


def test_huaian_text_locations_name_page_and_line() -> None:
    block = next(b for b in huaian_texts() if b.text == "六、其他需要报告的事项")
    assert (block.location.file, block.location.page) == (HUAIAN.name, 6)
    assert block.location.line is not None and block.location.line > 1
    assert str(block.location).startswith(f"{HUAIAN.name}: page 6, line")


def test_huaian_reading_order_puts_each_table_after_its_heading() -> None:
    order = [b.text if isinstance(b, TextBlock) else f"table {b.location.table}"
             for b in huaian().blocks]
    for index, section in enumerate(("proactive", "applications", "review_litigation")):
        assert order[order.index(TEMPLATE.section(section).heading) + 1] == f"table {index}"


def test_read_document_on_huaian_gives_every_expected_cell() -> None:
    from tests.importers.expected import assert_matches_expected, assert_sections_present

    result = read_warned(HUAIAN)
    assert_matches_expected(result.report, "2024-huaian-city")
    assert_sections_present(result.report)
    assert result.report.table("proactive")["administrative_fees", "amount_10k_yuan"] == (
        Decimal("96171.6")
    )


# --- bad input ----------------------------------------------------------------------------------


def _raises(data: bytes, error: type[ReportImportError], *words: str) -> ReportImportError:
    with pytest.raises(error) as caught:
        parse_pdf(data, source="bad.pdf")
    exc = caught.value
    assert isinstance(exc, GIReportError) and isinstance(exc, ValueError)
    assert exc.source == "bad.pdf" and str(exc).startswith("bad.pdf: ")
    for word in words:
        assert word in str(exc), (word, str(exc))
    chained = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)
    assert chained is None, f"a third-party traceback is chained: {chained!r}"
    return exc


def test_scanned_pdf_without_text_needs_ocr() -> None:
    pages = [PageSpec(image=True), PageSpec(image=True)]
    exc = _raises(pdf_bytes(pages), NoTextLayerError, "no text layer", "OCR", "2 image(s)")
    assert exc.expected and "born-digital" in exc.expected


def test_blank_pdf_without_text_needs_ocr() -> None:
    _raises(pdf_bytes([PageSpec()]), NoTextLayerError, "OCR")


def test_text_without_unicode_mapping_needs_ocr() -> None:
    page = PageSpec()
    page.text(100, 100, "政府信息公开工作年度报告")
    _raises(pdf_bytes([page], unmapped=True), NoTextLayerError, "Unicode", "OCR")


def test_truncated_pdf() -> None:
    data = HUAIAN.read_bytes()
    _raises(data[: len(data) // 2], CorruptDocumentError, "truncated")


def test_not_a_pdf() -> None:
    _raises(b"<html><body>not a pdf</body></html>", CorruptDocumentError, "not a PDF")


def test_damaged_pdf_body_gives_a_typed_error_not_a_pdfminer_traceback() -> None:
    data = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n" + bytes(
        range(256)) * 8 + b"\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    _raises(data, CorruptDocumentError)


def test_damaged_content_stream() -> None:
    page = PageSpec()
    page.text(100, 100, "正文")
    data = pdf_bytes([page], compress=True)
    start = data.index(b"stream\n", data.index(b"/FlateDecode")) + 7
    broken = data[:start] + b"\x00garbage-not-zlib" + data[start + 17:]
    try:
        parsed = parse_pdf(broken, source="bad.pdf")
    except CorruptDocumentError as exc:
        assert exc.source == "bad.pdf"
    except NoTextLayerError:
        pass  # pdfminer skips an undecodable stream: the page then has no text
    else:
        pytest.fail(f"a page with a broken stream gave text: {parsed.blocks}")


def test_password_protected_pdf() -> None:
    page = PageSpec()
    page.text(100, 100, "机密")
    _raises(pdf_bytes([page], encrypted=True), EncryptedDocumentError, "password")


def test_too_many_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "MAX_PDF_PAGES", 5)
    _raises(HUAIAN.read_bytes(), UnsafeDocumentError, "6 pages", "limit of 5")


def test_too_many_characters_on_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "MAX_PAGE_CHARS", 100)
    _raises(HUAIAN.read_bytes(), UnsafeDocumentError, "page 1", "characters")


def test_too_large_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "MAX_PDF_BYTES", 1000)
    with pytest.raises(InputTooLargeError):
        parse_pdf(HUAIAN.read_bytes(), source="big.pdf")


def test_missing_pdfplumber_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    with pytest.raises(MissingExtraError) as caught:
        parse_pdf(HUAIAN.read_bytes(), source="x.pdf")
    assert isinstance(caught.value, ImportError)
    assert "pip install 'gi-report[pdf]'" in str(caught.value)


def test_pdf_module_imports_without_pdfplumber(tmp_path: Path) -> None:
    """Importing the reader must not need the extra (only calling it does)."""
    import subprocess

    code = (
        "import sys; sys.modules['pdfplumber'] = None\n"
        "import gi_report.importers.pdf as m\n"
        "print(m.parse_pdf.__name__)\n"
    )
    src = Path(pdf_module.__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={"PYTHONPATH": str(src)}, cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "parse_pdf"


def test_a_page_with_only_an_image_is_warned_about() -> None:
    text_page, picture_page = PageSpec(), PageSpec(image=True)
    text_page.text(100, 100, "一、总体情况")
    with pytest.warns(ReportImportWarning, match=r"mixed\.pdf: page\(s\) 2 carry images"):
        parsed = parse_pdf(pdf_bytes([text_page, picture_page]), source="mixed.pdf")
    assert [b.text for b in parsed.blocks] == ["一、总体情况"]


def test_a_damaged_stream_that_pdfminer_repairs_is_warned_about(
    capsys: pytest.CaptureFixture[str],
) -> None:
    page = PageSpec()
    for i in range(40):
        page.text(60, 60 + 15 * i, f"第{i}行正文内容")
    data = pdf_bytes([page])
    start = data.index(b"stream\n", data.index(b"/FlateDecode")) + 7
    end = data.index(b"\nendstream", start)
    middle = (start + end) // 2
    cut = data[:middle] + b"\xff" * 8 + data[middle + 8:]  # zlib fails half-way through
    with pytest.warns(ReportImportWarning, match="damaged in places"):
        parsed = parse_pdf(cut, source="cut.pdf")
    assert parsed.blocks, "what could be read is kept"
    assert "Data-loss" not in capsys.readouterr().err, "pdfminer's log does not reach stderr"


def test_text_whose_position_overflows_to_infinity_is_a_located_documented_error(
        tmp_path: Path) -> None:
    """End to end (fuzz pdf:21339): a damaged content stream printed text at a font size of
    1e308, so the second character's position is infinite and the third's NaN; pdfplumber's
    layout then raised ``ValueError``. ``read_document`` refuses the page instead."""
    import random

    from gi_report import read_document
    from gi_report.synthetic import random_report
    from tests.importers.test_pdf_generated import report_pages

    pages = report_pages(random_report(random.Random(3), template="2021"))
    pages[1].text(100, 500, "一二三四", size=1e308)
    path = tmp_path / "overflow.pdf"
    path.write_bytes(pdf_bytes(pages))
    with pytest.raises(CorruptDocumentError, match="not numbers") as info:
        read_document(path, kind="pdf", warn=False)
    assert "page 2" in str(info.value) and "overflow.pdf" in str(info.value)
    with pytest.raises(CorruptDocumentError, match="page 2"):
        read_document(path.read_bytes(), kind="pdf", warn=False)
