"""Encodings: UTF-8 with or without BOM, GB18030/GBK, an HTML <meta charset>; told and noted."""

from __future__ import annotations

import io

import pytest

from gi_report import DocumentNotFoundError, read_document
from gi_report.importers.encoding import decode
from tests.importers.expected import CORPUS, assert_matches_expected

DRC = (CORPUS / "2023-shuyang-drc.html").read_text(encoding="utf-8")
XICHENG = (CORPUS / "2022-beijing-xicheng-cgzx.txt").read_text(encoding="utf-8")


def _encoding_notice(result: object) -> str:
    [n] = result.with_code("import.encoding")  # type: ignore[attr-defined]
    return str(n.message)


def test_gbk_page_declared_in_its_meta() -> None:
    page = DRC.replace('<meta charset="utf-8" />', '<meta charset="gbk" />')
    result = read_document(page.encode("gbk"), warn=False)
    assert result.encoding == "gb18030"
    assert "gbk" in _encoding_notice(result)
    assert_matches_expected(result.report, "2023-shuyang-drc")


def test_a_str_is_always_a_path() -> None:
    """Document text in a ``str`` is refused with the typed error, never guessed to be text."""
    with pytest.raises(DocumentNotFoundError, match="pass bytes or a stream") as caught:
        read_document(DRC, warn=False)
    assert isinstance(caught.value, FileNotFoundError)
    with pytest.raises(DocumentNotFoundError, match=r"nowhere\.html"):
        read_document("nowhere.html", warn=False)


def test_gb18030_text_without_any_declaration() -> None:
    result = read_document(XICHENG.encode("gb18030"), kind="text", warn=False)
    assert result.encoding == "gb18030"
    assert_matches_expected(result.report, "2022-beijing-xicheng-cgzx")


def test_utf8_with_a_byte_order_mark() -> None:
    result = read_document(b"\xef\xbb\xbf" + XICHENG.encode("utf-8"), kind="text", warn=False)
    assert result.encoding == "utf-8-sig"
    assert result.report.metadata.title == "西城区城市管理指挥中心2022年政府信息公开工作年度报告"
    assert_matches_expected(result.report, "2022-beijing-xicheng-cgzx")


def test_a_page_declaring_gbk_but_written_in_utf8_is_read_as_utf8() -> None:
    decoded = decode(DRC.replace("utf-8", "gbk").encode("utf-8"))
    assert decoded.encoding == "utf-8" and decoded.declared == "gbk"


def test_undecodable_bytes_are_replaced_and_noted() -> None:
    data = XICHENG.encode("utf-8")
    cut = data.index("一是工作配合".encode())
    broken = data[:cut] + b"\x81\xff\xfe" + data[cut:]
    result = read_document(broken, kind="text", warn=False)
    assert result.with_code("import.encoding_replaced")
    assert_matches_expected(result.report, "2022-beijing-xicheng-cgzx")


@pytest.mark.parametrize("as_type", ["path", "str-path", "bytes", "text-stream", "binary-stream",
                                     "open-file"])
def test_a_path_bytes_or_text(as_type: str) -> None:
    path = CORPUS / "2023-shuyang-drc.html"
    with open(path, "rb") as handle:
        source: object = {
            "path": path, "str-path": str(path), "bytes": path.read_bytes(),
            "text-stream": io.StringIO(DRC), "binary-stream": io.BytesIO(path.read_bytes()),
            "open-file": handle,
        }[as_type]
        result = read_document(source, warn=False)  # type: ignore[arg-type]
    assert result.kind == "html"
    named = as_type in ("path", "str-path", "open-file")
    assert result.source == (str(path) if named else None)
    assert result.content_hash.startswith("sha256:") and len(result.content_hash) == 71
    assert_matches_expected(result.report, "2023-shuyang-drc")


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_an_xhtml_page_with_an_xml_declaration_is_read(encoding: str) -> None:
    """An XHTML page opening with ``<?xml … encoding=…?>`` (lxml refuses a string declaring an
    encoding) is read like the same page without it, in the encoding the declaration names."""
    page = DRC.replace('<meta charset="utf-8" />', "")
    declared = f'<?xml version="1.0" encoding="{encoding}"?>\n' + page
    got = read_document(declared.encode(encoding), kind="html", warn=False)
    assert decode(declared.encode(encoding)).encoding == encoding
    assert got.report == read_document(page.encode("utf-8"), kind="html", warn=False).report
    assert_matches_expected(got.report, "2023-shuyang-drc")
