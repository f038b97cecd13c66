"""Bounds on what pdfminer may inflate (PDF bombs) and interpret (operator floods) for one PDF.

pdfminer inflates a ``FlateDecode`` stream whole with ``zlib.decompress``: a 1 MB file can hold
a stream of 1 GiB. While a PDF is read, :func:`bounded_inflation` gives pdfminer a ``zlib`` whose
``decompress`` stops past the document's remaining budget (and LZW / RunLength decoders that
refuse a large input and count their output), and raises
:class:`~gi_report.errors.UnsafeDocumentError` instead. Interpreting content streams costs about
20 µs an object (operator or operand): :func:`bounded_content` stops a document past
:data:`MAX_PDF_OBJECTS` of them, so a small file of repeated drawing operators cannot take
minutes.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

from gi_report.errors import UnsafeDocumentError

MAX_PDF_INFLATED = 48 * 1024 * 1024
"""Most bytes all of one PDF's streams may inflate to together (48 MiB; the Huaian report's
25 streams inflate to 1.9 MiB)."""

MAX_PDF_OBJECTS = 100_000
"""Most content-stream objects (operators and operands) one PDF's pages may hold together (the
Huaian report's 10 pages hold 37,845; 100,000 take pdfminer and pdfplumber about 3 s alone,
and 10 s on a machine shared by several busy processes)."""

MAX_SLOW_FILTER_INPUT = 1024 * 1024
"""Largest stream decoded by pdfminer's pure-Python LZW or RunLength decoders (1 MiB)."""

_CHUNK = 4096
_LOG = logging.getLogger("pdfminer.pdftypes")  # where pdfminer itself says it


class _Budget:
    def __init__(self, limit: int, source: str | None) -> None:
        self.left = limit
        self.limit = limit
        self.source = source

    def refuse(self, why: str) -> UnsafeDocumentError:
        return UnsafeDocumentError(
            why, source=self.source,
            expected=f"a PDF whose streams inflate to at most {self.limit:,} bytes in all")

    def inflate(self, inflater: Any, data: bytes) -> bytes:
        """Feed ``data`` to a zlib decompressor, refusing output past the budget."""
        out: bytes = inflater.decompress(data, self.left + 1)
        self.take(len(out))
        if inflater.unconsumed_tail:
            raise self.refuse("a compressed stream inflates past the PDF's budget")
        return out

    def take(self, size: int) -> None:
        self.left -= size
        if self.left < 0:
            raise self.refuse(f"the PDF's compressed streams inflate to more than "
                              f"{self.limit:,} bytes")


class _BoundedZlib:
    """``zlib`` as pdfminer uses it, with ``decompress`` bounded by the budget."""

    def __init__(self, budget: _Budget) -> None:
        self._budget = budget

    def decompress(self, data: bytes, *args: Any) -> bytes:
        inflater = zlib.decompressobj(*args[:1])
        out = self._budget.inflate(inflater, data)
        if not inflater.eof:
            raise zlib.error("incomplete or truncated stream")  # as zlib.decompress says
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


def _repairing(budget: _Budget) -> Callable[[bytes], bytes]:
    """pdfminer's ``decompress_corrupted`` (inflate, ignoring a damaged checksum at the very
    end), bounded, and linear: it feeds 4 KiB at a time, byte by byte only where zlib fails."""

    def decompress_corrupted(data: bytes) -> bytes:
        inflater = zlib.decompressobj()
        parts: list[bytes] = []
        for start in range(0, len(data), _CHUNK):
            chunk = data[start:start + _CHUNK]
            before = inflater.copy()
            try:
                parts.append(budget.inflate(inflater, chunk))
                continue
            except zlib.error:
                inflater = before
            for i in range(len(chunk)):
                try:
                    parts.append(budget.inflate(inflater, chunk[i:i + 1]))
                except zlib.error:
                    if start + i < len(data) - 3:
                        raise
                    _LOG.warning("Data-loss while decompressing corrupted data")
                    return b"".join(parts)
        return b"".join(parts)

    return decompress_corrupted


def _counted(decoder: Callable[[bytes], bytes], budget: _Budget) -> Callable[[bytes], bytes]:
    def decode(data: bytes) -> bytes:
        if len(data) > MAX_SLOW_FILTER_INPUT:
            raise budget.refuse(f"an LZW or RunLength stream of {len(data):,} bytes (at most "
                                f"{MAX_SLOW_FILTER_INPUT:,} are decoded)")
        out = decoder(data)
        budget.take(len(out))
        return out

    return decode


@contextmanager
def bounded_inflation(pdftypes: ModuleType, source: str | None,
                      limit: int | None = None) -> Iterator[None]:
    """While reading one PDF, bound what pdfminer's ``pdftypes`` module may inflate (to
    :data:`MAX_PDF_INFLATED` bytes unless ``limit`` says otherwise)."""
    budget = _Budget(MAX_PDF_INFLATED if limit is None else limit, source)
    names = ("zlib", "lzwdecode", "rldecode", "decompress_corrupted")
    saved = {name: getattr(pdftypes, name) for name in names}
    pdftypes.zlib = _BoundedZlib(budget)  # type: ignore[attr-defined]
    pdftypes.lzwdecode = _counted(saved["lzwdecode"], budget)  # type: ignore[attr-defined]
    pdftypes.rldecode = _counted(saved["rldecode"], budget)  # type: ignore[attr-defined]
    pdftypes.decompress_corrupted = _repairing(budget)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(pdftypes, name, value)


@contextmanager
def bounded_content(pdfinterp: ModuleType, source: str | None,
                    limit: int | None = None) -> Iterator[None]:
    """While reading one PDF, stop pdfminer's content parser past ``limit`` objects
    (:data:`MAX_PDF_OBJECTS` unless said otherwise)."""
    parser = pdfinterp.PDFContentParser
    original = parser.nextobject
    limit = MAX_PDF_OBJECTS if limit is None else limit
    left = [limit]

    def nextobject(self: Any) -> Any:
        left[0] -= 1
        if left[0] < 0:
            raise UnsafeDocumentError(
                f"the PDF's pages hold more than {limit:,} drawing objects", source=source,
                expected=f"at most {limit:,} operators and operands in all its pages")
        return original(self)

    parser.nextobject = nextobject
    try:
        yield
    finally:
        parser.nextobject = original
