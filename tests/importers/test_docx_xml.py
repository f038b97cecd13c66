"""The DOCX reader on hand-written WordprocessingML: merges, nesting, revisions, bad input."""

from __future__ import annotations

import io
import struct
import zipfile
from xml.sax.saxutils import escape

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gi_report.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    GIReportError,
    InputTooLargeError,
    ReportImportError,
    UnsafeDocumentError,
)
from gi_report.importers import docx as docx_module
from gi_report.importers.blocks import ParsedDocument, TableBlock, TextBlock
from gi_report.importers.docx import parse_docx
from tests.importers.test_docx_layout import BLANK_TEMPLATE

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)


def rels(target: str = "word/document.xml") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/officeDocument" Target="{target}"/></Relationships>'
    )


def document(body: str, namespace: str = W) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{namespace}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f"<w:body>{body}</w:body></w:document>"
    )


def make_docx(body: str, *, namespace: str = W, part: str = "word/document.xml",
              extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal .docx whose body is ``body`` (WordprocessingML with the ``w`` prefix)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", rels(part))
        archive.writestr(part, document(body, namespace))
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


def p(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(text)}</w:t></w:r></w:p>"


def tc(text: str = "", *, span: int = 1, vmerge: str | None = None, hmerge: str | None = None,
       inner: str = "") -> str:
    props = ""
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        props += "<w:vMerge/>"
    if hmerge == "restart":
        props += '<w:hMerge w:val="restart"/>'
    elif hmerge == "continue":
        props += "<w:hMerge/>"
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{p(text)}{inner}</w:tc>"


def tr(*cells: str, before: int = 0, after: int = 0, deleted: bool = False) -> str:
    props = ""
    if before:
        props += f'<w:gridBefore w:val="{before}"/>'
    if after:
        props += f'<w:gridAfter w:val="{after}"/>'
    if deleted:
        props += '<w:del w:id="1" w:author="x" w:date="2024-01-01T00:00:00Z"/>'
    return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(cells)}</w:tr>"


def tbl(*rows: str, grid: int | None = None) -> str:
    columns = "".join('<w:gridCol w:w="1000"/>' for _ in range(grid or 0))
    return f"<w:tbl><w:tblGrid>{columns}</w:tblGrid>{''.join(rows)}</w:tbl>"


def tables(parsed: ParsedDocument) -> list[TableBlock]:
    return [b for b in parsed.blocks if isinstance(b, TableBlock)]


def texts(parsed: ParsedDocument) -> list[str]:
    return [b.text for b in parsed.blocks if isinstance(b, TextBlock)]


def grid(block: TableBlock) -> list[list[tuple[str, tuple[int, int]] | None]]:
    return [[None if c is None else (c.text, c.origin) for c in row] for row in block.rows]


# --- structure ----------------------------------------------------------------------------------


def test_grid_span_and_vertical_merge_repeat_text_with_the_origin() -> None:
    body = tbl(
        tr(tc("A", span=2, vmerge="restart"), tc("B")),
        tr(tc(span=2, vmerge="continue"), tc("C")),
        tr(tc("D"), tc("E"), tc("F")),
        grid=3,
    )
    (block,) = tables(parse_docx(make_docx(body)))
    assert grid(block) == [
        [("A", (0, 0)), ("A", (0, 0)), ("B", (0, 2))],
        [("A", (0, 0)), ("A", (0, 0)), ("C", (1, 2))],
        [("D", (2, 0)), ("E", (2, 1)), ("F", (2, 2))],
    ]
    cell = block.rows[1][1]
    assert cell is not None
    assert (cell.location.table, cell.location.row, cell.location.column) == (0, 1, 1)
    assert not cell.is_origin(1, 1) and cell.is_origin(0, 0)


def test_grid_before_and_after_leave_no_cell_there() -> None:
    body = tbl(
        tr(tc("a"), tc("b"), tc("c")),
        tr(tc("x"), before=1, after=1),
        grid=3,
    )
    (block,) = tables(parse_docx(make_docx(body)))
    assert grid(block)[1] == [None, ("x", (1, 1)), None]


def test_short_rows_are_padded_to_the_widest_row() -> None:
    body = tbl(tr(tc("a")), tr(tc("b"), tc("c"), tc("d")))
    (block,) = tables(parse_docx(make_docx(body)))
    assert grid(block) == [
        [("a", (0, 0)), None, None],
        [("b", (1, 0)), ("c", (1, 1)), ("d", (1, 2))],
    ]


def test_legacy_horizontal_merge() -> None:
    body = tbl(tr(tc("wide", hmerge="restart"), tc(hmerge="continue"), tc("z")))
    (block,) = tables(parse_docx(make_docx(body)))
    assert grid(block) == [[("wide", (0, 0)), ("wide", (0, 0)), ("z", (0, 2))]]


def test_vertical_continue_in_the_first_row_is_its_own_cell() -> None:
    body = tbl(tr(tc("top", vmerge="continue"), tc("b")), tr(tc(vmerge="continue"), tc("d")))
    (block,) = tables(parse_docx(make_docx(body)))
    assert grid(block) == [
        [("top", (0, 0)), ("b", (0, 1))],
        [("top", (0, 0)), ("d", (1, 1))],
    ]


def test_stray_text_in_a_continuation_cell_is_kept() -> None:
    body = tbl(tr(tc("head", vmerge="restart"), tc("x")), tr(tc("tail", vmerge="continue"),
                                                             tc("y")))
    (block,) = tables(parse_docx(make_docx(body)))
    assert grid(block)[1][0] == ("head\ntail", (0, 0))


def test_nested_table_becomes_its_own_block_after_the_outer_one() -> None:
    inner = tbl(tr(tc("n1"), tc("n2")), tr(tc("n3"), tc("n4")))
    body = p("before") + tbl(tr(tc("o1"), tc("o2")), tr(tc("o3"), tc("o4", inner=inner))) + p(
        "after"
    )
    parsed = parse_docx(make_docx(body))
    kinds = [type(b).__name__ for b in parsed.blocks]
    assert kinds == ["TextBlock", "TableBlock", "TableBlock", "TextBlock"]
    outer, nested = tables(parsed)
    assert outer.location.table == 0 and nested.location.table == 1
    assert grid(outer)[1][1] == ("o4", (1, 1))
    assert grid(nested) == [[("n1", (0, 0)), ("n2", (0, 1))], [("n3", (1, 0)), ("n4", (1, 1))]]
    cell = nested.rows[0][0]
    assert cell is not None and cell.location.table == 1


def test_one_cell_layout_table_is_unwrapped_into_its_content() -> None:
    inner = tbl(tr(tc("a"), tc("b")), tr(tc("c"), tc("d")))
    body = tbl(tr(f"<w:tc>{p('框内说明')}{inner}{p('框后')}</w:tc>"))
    parsed = parse_docx(make_docx(body))
    assert [type(b).__name__ for b in parsed.blocks] == ["TextBlock", "TableBlock", "TextBlock"]
    assert texts(parsed) == ["框内说明", "框后"]
    assert tables(parsed)[0].location.table == 0


def test_cell_paragraphs_join_with_line_breaks_and_blank_cells_are_empty() -> None:
    cell = f"<w:tc>{p('商业')}{p('企业')}</w:tc>"
    blank = f"<w:tc>{p('　　')}{p(' ')}</w:tc>"
    padded = f"<w:tc>{p('　　12')}</w:tc>"
    (block,) = tables(parse_docx(make_docx(tbl(tr(cell, blank, padded), tr(tc(), tc(), tc())))))
    assert [c.text for c in block.rows[0] if c is not None] == ["商业\n企业", "", "12"]


def test_paragraph_text_follows_revisions_fields_and_hidden_text() -> None:
    body = (
        "<w:p>"
        "<w:r><w:t>保留</w:t></w:r>"
        "<w:del><w:r><w:delText>删除</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>插入</w:t></w:r></w:ins>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
        "<w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>显示</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
        "<w:r><w:instrText> PAGE </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
        "<w:r><w:t>7</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        "<w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink>"
        "<w:r><w:tab/><w:t>a</w:t><w:br/><w:t>b</w:t><w:noBreakHyphen/></w:r>"
        "<w:sdt><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt>"
        "<w:moveFrom><w:r><w:t>移走</w:t></w:r></w:moveFrom>"
        "</w:p>"
    )
    assert texts(parse_docx(make_docx(body))) == ["保留插入显示7链接\ta\nb-控件"]


def test_content_controls_tracked_rows_and_text_boxes() -> None:
    row = tr(tc("x"), tc("y"))
    body = (
        f"<w:sdt><w:sdtContent>{p('控件段落')}</w:sdtContent></w:sdt>"
        + tbl(
            row,
            f"<w:sdt><w:sdtContent>{tr(tc('s1'), tc('s2'))}</w:sdtContent></w:sdt>",
            tr(tc("gone"), tc("gone"), deleted=True),
        )
        + "<w:p><w:r><w:t>锚</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">"
        "<w:drawing><w:txbxContent>" + p("文本框") + "</w:txbxContent></w:drawing>"
        "</mc:Choice><mc:Fallback><w:pict><w:txbxContent>" + p("文本框")
        + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    parsed = parse_docx(make_docx(body))
    assert texts(parsed) == ["控件段落", "锚", "文本框"]
    (block,) = tables(parsed)
    assert [[c.text for c in r if c is not None] for r in block.rows] == [["x", "y"],
                                                                          ["s1", "s2"]]


def test_paragraph_locations_count_every_body_paragraph() -> None:
    parsed = parse_docx(make_docx(p("一") + "<w:p/>" + p("三")))
    assert [(b.text, b.location.line) for b in parsed.blocks
            if isinstance(b, TextBlock)] == [("一", 1), ("三", 3)]


def test_strict_ooxml_namespace_and_a_renamed_main_part() -> None:
    parsed = parse_docx(make_docx(p("严格"), namespace=STRICT, part="word/document2.xml"))
    assert texts(parsed) == ["严格"]


# --- property: any merge pattern expands to its rectangles ----------------------------------


@st.composite
def partitions(draw: st.DrawFn) -> tuple[int, int, list[tuple[int, int, int, int]]]:
    """A grid of R x C cut into rectangles (r0, r1, c0, c1), as merged table cells are."""
    rows = draw(st.integers(1, 6))
    columns = draw(st.integers(1, 6))
    taken = [[False] * columns for _ in range(rows)]
    rects = []
    for r in range(rows):
        for c in range(columns):
            if taken[r][c]:
                continue
            width_room = 1
            while c + width_room < columns and not taken[r][c + width_room]:
                width_room += 1
            width = draw(st.integers(1, width_room))
            height = draw(st.integers(1, rows - r))
            for rr in range(r, r + height):
                for cc in range(c, c + width):
                    taken[rr][cc] = True
            rects.append((r, r + height, c, c + width))
    return rows, columns, rects


def partition_table(rows: int, columns: int, rects: list[tuple[int, int, int, int]]) -> str:
    out = []
    for r in range(rows):
        cells = []
        for r0, r1, c0, c1 in sorted(rects, key=lambda x: x[2]):
            if not r0 <= r < r1:
                continue
            merge = None if r1 - r0 == 1 else ("restart" if r == r0 else "continue")
            text = f"R{r0}C{c0}" if r == r0 else ""
            cells.append(tc(text, span=c1 - c0, vmerge=merge))
        out.append(tr(*cells))
    return tbl(*out, grid=columns)


@given(partitions())
def test_any_merge_pattern_expands_to_its_rectangles(
    case: tuple[int, int, list[tuple[int, int, int, int]]],
) -> None:
    rows, columns, rects = case
    if rows * columns == 1 or (len(rects) == 1 and rows == 1):
        return  # a one-cell table is a frame, unwrapped (tested above)
    (block,) = tables(parse_docx(make_docx(partition_table(rows, columns, rects))))
    assert len(block.rows) == rows and all(len(r) == columns for r in block.rows)
    for r0, r1, c0, c1 in rects:
        for r in range(r0, r1):
            for c in range(c0, c1):
                cell = block.rows[r][c]
                assert cell is not None
                assert (cell.text, cell.origin) == (f"R{r0}C{c0}", (r0, c0))
                assert (cell.location.row, cell.location.column) == (r, c)


# --- bad input ----------------------------------------------------------------------------------


def _raises(data: bytes, error: type[ReportImportError], *words: str) -> ReportImportError:
    with pytest.raises(error) as caught:
        parse_docx(data, source="bad.docx")
    exc = caught.value
    assert isinstance(exc, ReportImportError)
    assert isinstance(exc, GIReportError) and isinstance(exc, ValueError)
    assert exc.source == "bad.docx"
    message = str(exc)
    assert message.startswith("bad.docx")
    for word in words:
        assert word in message, (word, message)
    assert exc.__cause__ is None, "no third-party traceback chained"
    return exc


def test_not_a_zip() -> None:
    exc = _raises(b"This is plain text, not Word.", CorruptDocumentError, "zip")
    assert exc.expected and "DOCX" in exc.expected


def test_truncated_docx() -> None:
    data = BLANK_TEMPLATE.read_bytes()
    _raises(data[: len(data) // 2], CorruptDocumentError)


def test_zip_bomb_disguised_as_docx_is_stopped_while_inflating() -> None:
    bomb = "<w:p><w:r><w:t>" + " " * (24 * 1024 * 1024) + "</w:t></w:r></w:p>"
    data = make_docx(bomb)
    assert len(data) < 200_000
    _raises(data, UnsafeDocumentError, "word/document.xml", "zip bomb")


def test_member_over_the_byte_cap_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_module, "MAX_XML_BYTES", 1000)
    _raises(make_docx(p("x" * 5000)), UnsafeDocumentError, "inflates past 1,000 bytes")


def test_lying_size_header_does_not_let_a_member_through() -> None:
    data = bytearray(make_docx(p("内容" * 2000)))
    # Declare a tiny uncompressed size for word/document.xml in the central directory.
    name = b"word/document.xml"
    at = data.find(b"PK\x01\x02")
    while at != -1:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46: at + 46 + length]) == name:
            struct.pack_into("<I", data, at + 24, 10)
        at = data.find(b"PK\x01\x02", at + 4)
    _raises(bytes(data), CorruptDocumentError, "word/document.xml")


def test_huge_declared_sizes_are_refused_before_reading() -> None:
    data = bytearray(make_docx(p("x")))
    at = data.find(b"PK\x01\x02")
    while at != -1:
        struct.pack_into("<I", data, at + 24, 0xFFFF_0000)
        at = data.find(b"PK\x01\x02", at + 4)
    _raises(bytes(data), UnsafeDocumentError, "uncompressed bytes")


def test_too_many_members() -> None:
    extra = {f"word/media/x{i}.bin": b"" for i in range(2_001)}
    _raises(make_docx(p("x"), extra=extra), UnsafeDocumentError, "members")


def test_missing_main_document() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/styles.xml", "<x/>")
    _raises(out.getvalue(), CorruptDocumentError, "word/document.xml")


def test_encrypted_zip_member() -> None:
    data = bytearray(make_docx(p("secret")))
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at != -1:
            flags = struct.unpack_from("<H", data, at + offset)[0]
            struct.pack_into("<H", data, at + offset, flags | 0x1)
            at = data.find(signature, at + 4)
    _raises(bytes(data), EncryptedDocumentError, "encrypted")


def test_password_protected_word_file() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "EncryptedPackage".encode(
        "utf-16-le") + bytes(100)
    _raises(ole, EncryptedDocumentError, "password")


def test_legacy_doc_file() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "WordDocument".encode("utf-16-le")
    _raises(ole, CorruptDocumentError, ".doc")


def test_malformed_xml_names_the_part_and_line() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{W}">\n<w:body>\n<w:p>')
    _raises(out.getvalue(), CorruptDocumentError, "word/document.xml, line", "malformed XML")


def test_entity_expansion_attack_is_refused() -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body>'
        "</w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", laughs)
    _raises(out.getvalue(), UnsafeDocumentError, "DTD")


def test_not_a_word_document_inside_the_zip() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<html><body/></html>")
    _raises(out.getvalue(), CorruptDocumentError, "WordprocessingML")


def test_file_over_the_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_module, "MAX_DOCX_BYTES", 100)
    with pytest.raises(InputTooLargeError):
        parse_docx(BLANK_TEMPLATE.read_bytes(), source="big.docx")


def test_absurd_grid_span_is_refused() -> None:
    body = tbl(tr(tc("x", span=100_000), tc("y")), tr(tc("a"), tc("b")))
    _raises(make_docx(body), UnsafeDocumentError, "grid columns")
