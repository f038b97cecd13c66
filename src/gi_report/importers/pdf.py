"""Born-digital PDF reader: text lines and ruled tables into blocks, with pdfplumber.

Needs the optional extra ``pdf`` (``pip install 'gi-report[pdf]'``). Each page's ruling lines
give its tables (merged cells from the cell geometry); a table continued across a page break is
stitched into one grid; text outside tables is grouped into paragraphs in reading order (top to
bottom), with page numbers and running headers and footers left out. A PDF without a text layer
(a scan) is refused with :class:`~gi_report.errors.NoTextLayerError`: it needs OCR first.
See ``docs/import-pdf.md``.
"""

from __future__ import annotations

import io
import logging
import math
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import ModuleType
from typing import TYPE_CHECKING, Any

import attrs

from gi_report.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    MissingExtraError,
    NoTextLayerError,
    ReportImportError,
    ReportImportWarning,
    UnsafeDocumentError,
)
from gi_report.fileio import check_size
from gi_report.importers._pdf_inflate import bounded_content, bounded_inflation
from gi_report.importers._pdf_text import (
    Line,
    furniture,
    join_wrapped,
    make_lines,
    margins,
    starts_paragraph,
)
from gi_report.importers.blocks import Block, Location, ParsedDocument, TextBlock

if TYPE_CHECKING:
    from gi_report.importers._pdf_tables import Piece

MAX_PDF_BYTES = 64 * 1024 * 1024
"""Largest PDF accepted (64 MiB; the Huaian report is 403 KiB)."""

MAX_PDF_PAGES = 500
"""Most pages read (a report has 5 to 30)."""

MAX_PAGE_CHARS = 100_000
"""Most characters on one page (a dense page of Chinese text has about 2,000)."""

UNREADABLE_SHARE = 0.5
"""Above this share of characters without a Unicode mapping, the text layer is unreadable."""


@attrs.frozen(kw_only=True)
class _Page:
    number: int
    height: float
    lines: tuple[Line, ...]
    pieces: tuple[Piece, ...]
    chars: int  #: characters on the page
    unmapped: int  #: characters without a Unicode mapping, ``(cid:NN)``
    images: int


def parse_pdf(data: bytes, *, source: str | None = None) -> ParsedDocument:
    """Turn the bytes of a born-digital PDF into blocks in reading order.

    Raises (all ``ReportImportError``): :class:`~gi_report.errors.CorruptDocumentError` for a
    damaged, truncated or non-PDF file, :class:`~gi_report.errors.EncryptedDocumentError` for a
    password-protected one, :class:`~gi_report.errors.NoTextLayerError` for a scan,
    :class:`~gi_report.errors.UnsafeDocumentError` past :data:`MAX_PDF_PAGES`, a page limit or
    :data:`~gi_report.importers._pdf_inflate.MAX_PDF_INFLATED` inflated bytes;
    :class:`~gi_report.errors.InputTooLargeError` above :data:`MAX_PDF_BYTES`, and
    :class:`~gi_report.errors.MissingExtraError` without pdfplumber.
    """
    check_size(source or "PDF document", data, MAX_PDF_BYTES)
    _check_envelope(data, source)
    pdfplumber = _load_pdfplumber()
    from pdfminer import pdfinterp, pdftypes

    with (_pdfminer_complaints() as complaints, bounded_inflation(pdftypes, source),
          bounded_content(pdfinterp, source)):
        pages = _read_pages(pdfplumber, data, source)
    _check_text_layer(pages, source, complaints)
    _warn_about_gaps(pages, source, complaints)
    return ParsedDocument(kind="pdf", blocks=tuple(_blocks(pages, source)), source=source)


class _Collector(logging.Handler):
    """Keeps what pdfminer logs at warning level or above (it repairs damage silently)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.messages) < 20:
            self.messages.append(record.getMessage()[:200])


@contextmanager
def _pdfminer_complaints() -> Iterator[list[str]]:
    """Collect pdfminer's warnings while reading, instead of letting them reach stderr."""
    logger = logging.getLogger("pdfminer")
    collector = _Collector()
    logger.addHandler(collector)
    propagate = logger.propagate
    logger.propagate = False
    try:
        yield collector.messages
    finally:
        logger.removeHandler(collector)
        logger.propagate = propagate


def _warn_about_gaps(pages: Sequence[_Page], source: str | None, complaints: list[str]) -> None:
    """Warn (:class:`ReportImportWarning`) about content that may be missing from a text PDF."""
    head = f"{source}: " if source else ""
    pictured = [p.number for p in pages if p.chars == 0 and p.images]
    if pictured:
        warnings.warn(
            ReportImportWarning(
                f"{head}page(s) {', '.join(map(str, pictured))} carry images but no text: what "
                "they show (often a table pasted as a picture) needs OCR and is not imported"
            ),
            stacklevel=3,
        )
    if complaints:
        warnings.warn(
            ReportImportWarning(
                f"{head}the PDF is damaged in places: some text or its layout may be missing "
                f"or wrong (pdfminer: {'; '.join(complaints[:3])})"
            ),
            stacklevel=3,
        )


def _load_pdfplumber() -> ModuleType:
    try:
        import pdfplumber
    except ImportError:
        raise MissingExtraError("pdfplumber", "pdf", "Reading PDF reports") from None
    return pdfplumber


def _check_envelope(data: bytes, source: str | None) -> None:
    """Refuse a file that does not start like a PDF or has lost its end (a truncated download)."""
    if b"%PDF-" not in data[:1024]:
        raise CorruptDocumentError(
            "not a PDF file (no %PDF- header)", source=source, expected="a PDF file"
        )
    if b"%%EOF" not in data[-4096:]:
        raise CorruptDocumentError(
            "the PDF is truncated (no %%EOF marker at its end)",
            source=source,
            expected="a complete PDF file",
        )


def _encrypted(exc: BaseException) -> bool:
    """Whether pdfminer failed because the PDF is encrypted (possibly wrapped by pdfplumber)."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    seen: set[int] = set()
    pending: list[BaseException] = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, (PDFPasswordIncorrect, PDFEncryptionError)):
            return True
        pending.extend(a for a in current.args if isinstance(a, BaseException))
        for linked in (current.__cause__, current.__context__):
            if linked is not None:
                pending.append(linked)
    return False


_COORDINATES = ("x0", "x1", "top", "bottom")


def _check_finite(page: Any, chars: Sequence[dict[str, Any]], number: int,
                  source: str | None) -> None:
    """Refuse a page whose characters or rulings sit at coordinates that are not numbers (NaN,
    infinity: a damaged matrix), which no layout can place."""
    for kind, objects in (("characters", chars), ("lines", page.lines), ("rectangles",
                                                                           page.rects)):
        for obj in objects:
            if not all(math.isfinite(float(obj.get(k, 0.0))) for k in _COORDINATES):
                raise CorruptDocumentError(
                    f"{kind} at coordinates that are not numbers (NaN or infinity)",
                    source=source, where=f"page {number}",
                    expected="a PDF whose drawing positions are finite numbers")


def _wrapped_refusal(exc: BaseException) -> BaseException | None:
    """The :class:`UnsafeDocumentError` a limit raised inside pdfminer, if ``exc`` wraps one."""
    seen: set[int] = set()
    pending: list[BaseException] = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, UnsafeDocumentError):
            return current
        pending.extend(a for a in current.args if isinstance(a, BaseException))
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)
    return None


def _read_pages(pdfplumber: ModuleType, data: bytes, source: str | None) -> list[_Page]:
    """Every page's lines and table pieces, with pdfminer's failures turned into typed errors."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = pdf.pages
            if not pages:
                raise CorruptDocumentError(
                    "the PDF has no pages", source=source, expected="a PDF with pages"
                )
            if len(pages) > MAX_PDF_PAGES:
                raise UnsafeDocumentError(
                    f"the PDF has {len(pages):,} pages, over the limit of {MAX_PDF_PAGES:,}",
                    source=source,
                    expected=f"at most {MAX_PDF_PAGES:,} pages",
                )
            out = []
            for number, page in enumerate(pages, start=1):
                try:
                    out.append(_read_page(page, number, source))
                finally:
                    page.close()
            return out
    except ReportImportError:
        raise
    except Exception as exc:  # pdfminer raises many kinds on damaged input; none may escape
        if isinstance(own := _wrapped_refusal(exc), UnsafeDocumentError):
            raise own from None  # a limit of ours, wrapped by pdfplumber
        if _encrypted(exc):
            raise EncryptedDocumentError(
                "the PDF is password-protected",
                source=source,
                expected="a PDF that opens without a password",
            ) from None
        detail = str(exc) or type(exc).__name__
        raise CorruptDocumentError(
            f"the PDF cannot be read ({type(exc).__name__}: {detail})",
            source=source,
            expected="a readable PDF",
        ) from None


def _read_page(page: Any, number: int, source: str | None) -> _Page:
    """One page: its ruled tables and the lines of text outside them."""
    from gi_report.importers._pdf_dedupe import unique_chars
    from gi_report.importers._pdf_tables import TooManyRulingsError, find_pieces, ruling_edges

    _check_finite(page, page.chars, number, source)
    chars = unique_chars(page.chars)
    if len(chars) > MAX_PAGE_CHARS:
        raise UnsafeDocumentError(
            f"{len(chars):,} characters on one page, over the limit of {MAX_PAGE_CHARS:,}",
            source=source,
            where=f"page {number}",
            expected=f"at most {MAX_PAGE_CHARS:,} characters per page",
        )
    edges = ruling_edges(page.lines, page.rects, page.curves)
    try:
        pieces, used = find_pieces(edges, chars, number)
    except TooManyRulingsError as exc:
        raise UnsafeDocumentError(
            f"{exc.count:,} ruling-line crossings on one page, too many to look for tables",
            source=source,
            where=f"page {number}",
            expected="a page with ordinary tables",
        ) from None
    rest = [c for i, c in enumerate(chars) if i not in used and str(c["text"]).strip()]
    return _Page(
        number=number,
        height=float(page.height),
        lines=tuple(make_lines(rest, number)),
        pieces=tuple(pieces),
        chars=sum(1 for c in chars if str(c["text"]).strip()),
        unmapped=sum(1 for c in chars if str(c["text"]).startswith("(cid:")),
        images=len(page.images),
    )


def _check_text_layer(pages: Sequence[_Page], source: str | None, complaints: list[str]) -> None:
    """Refuse a PDF whose pages carry no text, or text without a Unicode mapping."""
    chars = sum(p.chars for p in pages)
    if chars == 0 and complaints:
        raise CorruptDocumentError(
            f"no text could be read from the damaged PDF (pdfminer: {'; '.join(complaints[:3])})",
            source=source,
            expected="a readable PDF",
        )
    if chars == 0:
        images = sum(p.images for p in pages)
        pictured = f", {images} image(s)" if images else ""
        raise NoTextLayerError(
            f"the PDF has no text layer ({len(pages)} page(s){pictured}): it is a scan or "
            "an image-only report (or its text streams are damaged) and needs OCR before it "
            "can be imported",
            source=source,
            expected="a born-digital PDF with selectable text",
        )
    unmapped = sum(p.unmapped for p in pages)
    if unmapped > UNREADABLE_SHARE * chars:
        raise NoTextLayerError(
            f"{unmapped:,} of {chars:,} characters have no Unicode mapping (fonts without "
            "ToUnicode): the text layer is unreadable and the report needs OCR",
            source=source,
            expected="a PDF whose text can be copied as text",
        )


def _blocks(pages: Sequence[_Page], source: str | None) -> list[Block]:
    """Text blocks and table blocks of the whole document, in reading order."""
    heights = {p.number: p.height for p in pages}
    all_lines = [line for p in pages for line in p.lines]
    dropped = furniture(all_lines, heights)
    body = [line for line in all_lines if (line.page, line.number) not in dropped]
    builder = _BlockBuilder(source, _page_margins(body))
    for item, first_on_page, last_on_page in _reading_order(pages, dropped):
        if isinstance(item, Line):
            builder.line(item)
        else:
            builder.piece(item, first_on_page, last_on_page)
    builder.flush_paragraph()
    builder.flush_table()
    return builder.blocks


def _reading_order(
    pages: Sequence[_Page], dropped: set[tuple[int, int]]
) -> Iterator[tuple[Line | Piece, bool, bool]]:
    """Lines (page furniture left out) and table pieces, top to bottom on each page, pages in
    order; each with whether it is the first and the last item on its page."""
    for page in pages:
        on_page: list[Line | Piece] = [
            *(line for line in page.lines if (line.page, line.number) not in dropped),
            *page.pieces,
        ]
        on_page.sort(key=lambda item: item.top)
        for i, item in enumerate(on_page):
            yield item, i == 0, i == len(on_page) - 1


class _BlockBuilder:
    """Groups lines into paragraphs and stitches a table ending a page to one starting the
    next (with nothing but page furniture between them)."""

    def __init__(self, source: str | None, margins: dict[int, tuple[float, float]]) -> None:
        self.source = source
        self.margins = margins
        self.blocks: list[Block] = []
        self.tables = 0
        self.paragraph: list[Line] = []
        self.pending: Piece | None = None  #: the table read last, not yet a block
        self.pending_last = False  #: whether ``pending`` ends its page

    def line(self, item: Line) -> None:
        """A line of text: ends the pending table, continues or starts a paragraph."""
        self.flush_table()
        if self.paragraph:
            left, right = self.margins.get(item.page, (0.0, 0.0))
            if starts_paragraph(self.paragraph[-1], item, left, right):
                self.flush_paragraph()
        self.paragraph.append(item)

    def piece(self, item: Piece, first_on_page: bool, last_on_page: bool) -> None:
        """A table piece: stitched to the pending table when it continues it, else a new one."""
        from gi_report.importers._pdf_tables import stitch

        self.flush_paragraph()
        pending = self.pending
        if (
            pending is not None
            and self.pending_last
            and first_on_page
            and item.page == pending.last_page + 1
        ):
            joined = stitch(pending, item)
            if joined is not None:
                self.pending, self.pending_last = joined, last_on_page
                return
        self.flush_table()
        self.pending, self.pending_last = item, last_on_page

    def flush_paragraph(self) -> None:
        """The lines gathered so far as one text block."""
        if self.paragraph:
            first = self.paragraph[0]
            self.blocks.append(
                TextBlock(
                    text=join_wrapped([line.text for line in self.paragraph]),
                    location=Location(file=self.source, page=first.page, line=first.number),
                )
            )
            self.paragraph = []

    def flush_table(self) -> None:
        """The pending table as a table block."""
        from gi_report.importers._pdf_tables import to_block

        if self.pending is not None:
            self.blocks.append(to_block(self.pending, self.tables, self.source))
            self.tables += 1
            self.pending = None


def _page_margins(lines: Sequence[Line]) -> dict[int, tuple[float, float]]:
    """Left and right text margins of each page (the document's, for pages with few lines)."""
    if not lines:
        return {}
    overall = margins(lines)
    by_page: dict[int, list[Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    return {
        page: margins(found) if len(found) >= 5 else overall for page, found in by_page.items()
    }
