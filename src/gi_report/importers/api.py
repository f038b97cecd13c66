"""``read_document``: any published report (HTML, text dump, Markdown, DOCX, PDF) → Report.

The kind is the caller's ``kind=`` if given; else told by the content's magic bytes (``%PDF-``,
``PK\\x03\\x04``); else by the file name's extension; else sniffed from the text (HTML tags,
Markdown headings and tables, or plain text). Every input is checked against a size limit before
it is parsed. Each kind only turns its document into blocks; one shared path
(:mod:`~gi_report.importers.assemble`) makes the report.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from pathlib import Path

import lxml.etree

from gi_report.errors import ReportImportError, UnrecognisedDocumentError, UnsupportedKindError
from gi_report.fileio import Source, read_source
from gi_report.importers.assemble import assemble
from gi_report.importers.blocks import Location, ParsedDocument
from gi_report.importers.encoding import by_bom, decode
from gi_report.importers.html import parse_html
from gi_report.importers.limits import check_document
from gi_report.importers.markdown import parse_markdown
from gi_report.importers.result import ImportResult, Notice, emit_warnings, notice
from gi_report.importers.text import parse_text

MAX_IMPORT_BYTES = 32 * 1024 * 1024
"""Default size limit of a document to import (32 MiB; reports are 10 KiB – 5 MiB)."""

KINDS = ("html", "text", "markdown", "docx", "pdf")
"""The document kinds ``read_document`` knows."""

EXTENSIONS = {
    ".html": "html", ".htm": "html", ".shtml": "html", ".xhtml": "html", ".jsp": "html",
    ".txt": "text", ".text": "text", ".tsv": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".docx": "docx", ".pdf": "pdf",
}
_HTML_SNIFF = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|table|p|div|meta|span|br)\b",
                         re.IGNORECASE)
_MARKDOWN_SNIFF = re.compile(r"^(?:#{1,6}\s+\S|\|?\s*:?-{3,}:?\s*\|)", re.MULTILINE)
_YEAR_IN_NAME = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")

_HOW = {"given": "调用时指定", "content": "按内容判断", "extension": "按文件扩展名判断"}


def detect_kind(data: bytes, name: str | None = None) -> tuple[str, str]:
    """The document kind of ``data`` and how it was told (``content`` or ``extension``)."""
    if data.startswith(b"%PDF-"):
        return "pdf", "content"
    if data.startswith(b"PK\x03\x04"):
        return "docx", "content"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsupportedKindError(
            "an old binary Word (.doc) or Excel (.xls) file", source=name,
            expected="a .docx, .pdf, HTML, text or Markdown document (save the .doc as .docx)")
    if name:
        kind = EXTENSIONS.get(Path(name).suffix.lower())
        if kind in ("html", "text", "markdown"):
            return kind, "extension"
    head = data[:8192]
    if (marked := by_bom(head)) is not None:  # UTF-16/32: sniff the text, not its bytes
        head = head[marked[2]:].decode(marked[0], errors="ignore").encode("utf-8")
    if _HTML_SNIFF.search(head):
        return "html", "content"
    try:
        text = head.decode("utf-8", errors="ignore")
    except UnicodeError:  # pragma: no cover - errors="ignore" never raises
        text = ""
    if _MARKDOWN_SNIFF.search(text):
        return "markdown", "content"
    return "text", "content"


def _binary_reader(kind: str) -> Callable[..., ParsedDocument]:
    """The DOCX or PDF reader, imported on first use (the PDF one needs the ``pdf`` extra)."""
    if kind == "docx":
        from gi_report.importers.docx import parse_docx

        return parse_docx
    from gi_report.importers.pdf import parse_pdf

    return parse_pdf


def read_document(
    source: Source,
    *,
    kind: str | None = None,
    max_bytes: int = MAX_IMPORT_BYTES,
    warn: bool = True,
) -> ImportResult:
    """Import a published annual report: the Report as stated, and located notices.

    ``source`` is a path (``str`` or ``os.PathLike``: a ``str`` is always a path), the
    document's ``bytes``, or a binary or text stream (an open file, ``sys.stdin.buffer``,
    ``io.BytesIO``, ``io.StringIO``), read up to ``max_bytes``. ``kind`` forces the document
    kind (``html``, ``text``, ``markdown``, ``docx``, ``pdf``); without it the kind comes from
    the content's magic bytes, then the file name's extension (a path's, or an open file's
    ``name``), then sniffing the text.
    Notices of level warning or error are also emitted as
    :class:`~gi_report.errors.ReportImportWarning` unless ``warn`` is false.

    Raises :class:`~gi_report.errors.DocumentNotFoundError` for a path that is not a file,
    :class:`~gi_report.errors.InputTooLargeError` over ``max_bytes``,
    :class:`~gi_report.errors.UnrecognisedDocumentError` for a document with no recognisable
    report (or binary junk), :class:`~gi_report.errors.UnsupportedKindError` for a kind that
    cannot be read here, other :class:`~gi_report.errors.ReportImportError` subclasses for
    damaged DOCX/PDF files, and ``OSError`` for a file that cannot be read.
    """
    if kind is not None and kind not in KINDS:
        raise UnsupportedKindError(f"unknown document kind {kind!r}",
                                   expected=f"one of {', '.join(KINDS)}")
    data, name = read_source(source, max_bytes)
    if kind is None:
        kind, how = detect_kind(data, name)
    else:
        how = "given"
    notices: list[Notice] = [notice(
        "import.kind", f"文档类型：{kind}（{_HOW[how]}）",
        location=Location(file=name))]
    encoding: str | None = None
    try:
        if kind in ("docx", "pdf"):
            doc = _binary_reader(kind)(data, source=name)
        else:
            decoded = decode(data, source=name)
            encoding = decoded.encoding
            declared = f"，网页声明为 {decoded.declared}" if decoded.declared else ""
            notices.append(notice(
                "import.encoding", f"文本编码：{decoded.encoding}（{decoded.how}{declared}）",
                location=Location(file=name)))
            if decoded.how == "replaced":
                notices.append(notice(
                    "import.encoding_replaced",
                    "部分字节不是有效的 UTF-8 或 GB18030 编码，已替换为 U+FFFD",
                    location=Location(file=name)))
            reader = {"html": parse_html, "text": parse_text, "markdown": parse_markdown}[kind]
            doc = reader(decoded.text, source=name, encoding=encoding)
        check_document(doc)
        year_hint = None
        if name and (m := _YEAR_IN_NAME.search(os.path.basename(name))):
            year_hint = int(m.group(1))
        report, found, locations = assemble(doc, year_hint=year_hint)
    except ReportImportError:
        raise
    except (lxml.etree.LxmlError, RecursionError, UnicodeError) as exc:
        raise UnrecognisedDocumentError(
            f"the document could not be read ({type(exc).__name__}: {exc})", source=name,
            expected=f"a readable {kind} document") from None
    notices.extend(found)
    if warn:
        emit_warnings(notices, name)
    return ImportResult(
        report=report,
        notices=tuple(notices),
        kind=kind,
        source=name,
        content_hash="sha256:" + hashlib.sha256(data).hexdigest(),
        encoding=encoding or doc.encoding,
        locations=locations,
    )
