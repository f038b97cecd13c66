"""Telling the text encoding of a document's bytes, and saying how it was told.

Order: a byte-order mark (UTF-8, UTF-32, UTF-16: UTF-32's little-endian mark begins with
UTF-16's, so it is tested first); strict UTF-8; the charset an HTML ``<meta>`` declares
(GBK and GB2312 are read as their superset GB18030); strict GB18030; and as a last resort UTF-8
with the undecodable bytes replaced (reported). Bytes with NUL or many control characters are not
text at all.
"""

from __future__ import annotations

import codecs
import re

import attrs

from gi_report.errors import UnrecognisedDocumentError

_META = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_DECLARATION = re.compile(
    rb"""\A\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
            "gb_2312-80": "gb18030", "euc-cn": "gb18030", "utf8": "utf-8"}


@attrs.frozen
class Decoded:
    """The document's text and how its encoding was told."""

    text: str
    encoding: str  #: Python codec name actually used (``utf-8``, ``utf-8-sig``, ``gb18030``…)
    how: str  #: ``bom``, ``utf-8``, ``meta``, ``gb18030`` or ``replaced``
    declared: str | None = None  #: the charset an HTML ``<meta>`` declared, if any


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta charset>`` or ``http-equiv`` declares in the first 4 KiB, else
    the encoding an XHTML page's XML declaration names."""
    m = _META.search(data[:4096]) or _XML_DECLARATION.match(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def _codec(name: str) -> str | None:
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13, 27))
"""Every byte but the control characters a text document does not hold (deleted by
``bytes.translate``, the rest counted in C rather than a loop over each byte)."""


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _NOT_CONTROL))
    return controls > max(8, len(sample) // 100)


_BOMS = (
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
"""Byte-order marks, longest first where one begins with another: (mark, codec, name shown)."""


def by_bom(data: bytes) -> tuple[str, str, int] | None:
    """The codec a byte-order mark at the start of ``data`` names, its shown name and the
    mark's length; ``None`` without a mark."""
    for bom, codec, shown in _BOMS:
        if data.startswith(bom):
            return codec, shown, len(bom)
    return None


def decode(data: bytes, *, source: str | None = None) -> Decoded:
    """The text of ``data``; :class:`UnrecognisedDocumentError` if it is binary, not text."""
    if (marked := by_bom(data)) is not None:
        name, shown, length = marked
        return Decoded(data[length:].decode(name, errors="replace"), shown, "bom")
    if _looks_binary(data):
        raise UnrecognisedDocumentError(
            "binary data, not a text document", source=source,
            expected="an HTML page, a text dump, a Markdown file, a .docx or a .pdf",
        )
    declared = declared_charset(data)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8", declared)
    except UnicodeDecodeError:
        pass
    if declared and (codec := _codec(declared)) and codec != "utf-8":
        try:
            return Decoded(data.decode(codec), codec, "meta", declared)
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(data.decode("gb18030"), "gb18030", "gb18030", declared)
    except UnicodeDecodeError:
        pass
    return Decoded(data.decode("utf-8", errors="replace"), "utf-8", "replaced", declared)
