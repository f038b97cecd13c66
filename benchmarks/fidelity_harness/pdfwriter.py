"""A minimal PDF writer: ruled tables and Chinese text with known content (tests, fidelity harness).

Text uses the standard Adobe CJK font ``STSong-Light`` with the ``UniGB-UCS2-H`` CMap (not
embedded; pdfminer maps it back to Unicode with its own Adobe-GB1 tables), so generated PDFs
carry real Chinese labels without a font file. Coordinates are pdfplumber's: points from the
top-left corner of an A4 page. ``tests/importers/test_pdf_writer.py`` checks the writer itself.
"""

from __future__ import annotations

import io
import random
import zlib

import attrs

WIDTH, HEIGHT = 595.0, 842.0
DESCENT = 0.12  #: the font descriptor's descent, as a share of the font size


@attrs.define
class PageSpec:
    """What one page shows."""

    lines: list[tuple[float, float, float, float]] = attrs.Factory(list)  #: x0, top, x1, bottom
    texts: list[tuple[float, float, float, str]] = attrs.Factory(list)  #: x, top, size, text
    boxes: list[tuple[float, float, float, float, float]] = attrs.Factory(list)
    """Filled rectangles without stroke: x0, top, x1, bottom, grey level (1.0 is white)."""
    image: bool = False  #: draw one (grey) image covering most of the page
    polylines: list[list[tuple[float, float]]] = attrs.Factory(list)
    """Stroked open paths through several points (x, top): borders drawn as one path."""

    def text(self, x: float, top: float, text: str, size: float = 10.0) -> None:
        """Print ``text`` with its top-left corner at (x, top)."""
        self.texts.append((x, top, size, text))

    def rule(self, x0: float, top: float, x1: float, bottom: float) -> None:
        """Draw a straight line (horizontal when top == bottom, else vertical)."""
        self.lines.append((x0, top, x1, bottom))


def _hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _content(page: PageSpec) -> bytes:
    ops: list[str] = []
    for x0, top, x1, bottom, grey in page.boxes:
        ops.append(f"q {grey:.3f} g {x0:.2f} {HEIGHT - bottom:.2f} {x1 - x0:.2f} "
                   f"{bottom - top:.2f} re f Q")
    if page.lines:
        ops.append("q 0.5 w 0 G")
        for x0, top, x1, bottom in page.lines:
            ops.append(f"{x0:.2f} {HEIGHT - top:.2f} m {x1:.2f} {HEIGHT - bottom:.2f} l S")
        ops.append("Q")
    for points in page.polylines:
        (x, top), *rest = points
        path = [f"{x:.2f} {HEIGHT - top:.2f} m"]
        path += [f"{px:.2f} {HEIGHT - pt:.2f} l" for px, pt in rest]
        ops.append("q 0.5 w 0 G " + " ".join(path) + " S Q")
    if page.image:
        ops.append(f"q {WIDTH - 100:.2f} 0 0 {HEIGHT - 100:.2f} 50 50 cm /Im1 Do Q")
    for x, top, size, text in page.texts:
        baseline = HEIGHT - top - size + DESCENT * size
        ops.append(f"BT /F1 {size:.2f} Tf {x:.2f} {baseline:.2f} Td <{_hex(text)}> Tj ET")
    return "\n".join(ops).encode("ascii")


def pdf_bytes(
    pages: list[PageSpec],
    *,
    encrypted: bool = False,
    compress: bool = True,
    unmapped: bool = False,
) -> bytes:
    """A complete PDF file showing ``pages``.

    ``encrypted``: the file needs a user password nobody knows. ``unmapped``: the font has
    Identity encoding and no ToUnicode map, so the text cannot be read back as Unicode.
    """
    objects: dict[int, bytes] = {}
    font, cid_font, descriptor, image = 3, 4, 5, 6
    encoding, ordering = (b"Identity-H", b"Identity") if unmapped else (b"UniGB-UCS2-H", b"GB1")
    objects[font] = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /" + encoding
        + b" /DescendantFonts [4 0 R] >>"
    )
    objects[cid_font] = (
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (" + ordering + b") /Supplement 2 >> "
        b"/FontDescriptor 5 0 R /DW 1000 >>"
    )
    objects[descriptor] = (
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
        b"/FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
        b"/CapHeight 880 /StemV 93 >>"
    )
    pixel = bytes([128])
    objects[image] = (
        b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 1 >>\nstream\n" + pixel + b"\nendstream"
    )
    kids = []
    number = 7
    for page in pages:
        content = _content(page)
        if compress:
            data = zlib.compress(content)
            stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data)
        else:
            data = content
            stream = b"<< /Length %d >>\nstream\n" % len(data)
        objects[number + 1] = stream + data + b"\nendstream"
        objects[number] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
            b"/Resources << /Font << /F1 3 0 R >> /XObject << /Im1 6 0 R >> >> "
            b"/Contents %d 0 R >>" % (int(WIDTH), int(HEIGHT), number + 1)
        )
        kids.append(number)
        number += 2
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids)
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for key in sorted(objects):
        offsets[key] = out.tell()
        out.write(b"%d 0 obj\n" % key + objects[key] + b"\nendobj\n")
    size = max(objects) + 1
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for key in range(1, size):
        if key in offsets:
            out.write(b"%010d 00000 n \n" % offsets[key])
        else:
            out.write(b"0000000000 65535 f \n")
    trailer = b"<< /Size %d /Root 1 0 R" % size
    if encrypted:
        rng = random.Random(7)
        o_key = bytes(rng.randrange(256) for _ in range(32)).hex().encode()
        u_key = bytes(rng.randrange(256) for _ in range(32)).hex().encode()
        trailer += (
            b" /Encrypt << /Filter /Standard /V 1 /R 2 /O <" + o_key + b"> /U <" + u_key
            + b"> /P -44 >> /ID [<0123456789ABCDEF0123456789ABCDEF> "
            b"<0123456789ABCDEF0123456789ABCDEF>]"
        )
    out.write(b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()
