"""Reading members of a zip container (DOCX) without trusting what its headers say.

A zip bomb declares small sizes and inflates to gigabytes, or packs millions of members. Every
limit here is checked against the bytes actually inflated, not only against the headers.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from gi_report.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    ReportImportError,
    UnsafeDocumentError,
)

MAX_MEMBERS = 2_000
"""Most members a container may list (a Word document has about 10 to 100)."""

MAX_TOTAL_UNCOMPRESSED = 256 * 1024 * 1024
"""Most uncompressed bytes all members may declare together (256 MiB)."""

MAX_MEMBER_BYTES = 64 * 1024 * 1024
"""Most bytes one member may inflate to when read (64 MiB; a report's XML is under 1 MiB)."""

MAX_RATIO = 200
"""Highest inflation ratio (uncompressed / compressed) allowed once a member passes RATIO_FLOOR."""

RATIO_FLOOR = 4 * 1024 * 1024
"""Below this many inflated bytes the ratio is not checked (small XML compresses very well)."""

_CHUNK = 64 * 1024


def open_zip(data: bytes, *, source: str | None, kind: str) -> zipfile.ZipFile:
    """Open ``data`` as a zip container after checking its member count and declared sizes."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError) as exc:
        raise CorruptDocumentError(
            f"not a readable zip container ({exc})",
            source=source,
            expected=f"a {kind} file (a zip container starting with PK)",
        ) from None
    if len(members) > MAX_MEMBERS:
        raise UnsafeDocumentError(
            f"the container lists {len(members):,} members, over the limit of {MAX_MEMBERS:,}",
            source=source,
            expected=f"a {kind} file with at most {MAX_MEMBERS:,} members",
        )
    declared = sum(max(info.file_size, 0) for info in members)
    if declared > MAX_TOTAL_UNCOMPRESSED:
        raise UnsafeDocumentError(
            f"the members declare {declared:,} uncompressed bytes, over the limit of "
            f"{MAX_TOTAL_UNCOMPRESSED:,}",
            source=source,
            expected=f"a {kind} file under {MAX_TOTAL_UNCOMPRESSED:,} bytes uncompressed",
        )
    return archive


def read_member(
    archive: zipfile.ZipFile,
    name: str,
    *,
    source: str | None,
    limit: int = MAX_MEMBER_BYTES,
) -> bytes:
    """The inflated bytes of member ``name``, read in chunks and stopped at ``limit`` bytes.

    Raises :class:`EncryptedDocumentError` for an encrypted member, :class:`UnsafeDocumentError`
    when the member inflates past ``limit`` or past :data:`MAX_RATIO` times its compressed size,
    and :class:`CorruptDocumentError` when the member is damaged.
    """
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise CorruptDocumentError(
            "member is missing", source=source, where=name, expected="this member in the container"
        ) from None
    if info.flag_bits & 0x1:
        raise EncryptedDocumentError(
            "the member is encrypted", source=source, where=name, expected="an unencrypted file"
        )
    compressed = max(info.compress_size, 1)
    ceiling = max(RATIO_FLOOR, compressed * MAX_RATIO)
    out = bytearray()
    try:
        with archive.open(info) as stream:
            while True:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                out += chunk
                if len(out) > limit:
                    raise UnsafeDocumentError(
                        f"the member inflates past {limit:,} bytes",
                        source=source,
                        where=name,
                        expected=f"at most {limit:,} bytes",
                    )
                if len(out) > ceiling:
                    raise UnsafeDocumentError(
                        f"the member inflates more than {MAX_RATIO} times its compressed size "
                        f"({compressed:,} bytes): a zip bomb",
                        source=source,
                        where=name,
                        expected=f"a compression ratio under {MAX_RATIO}",
                    )
    except ReportImportError:
        raise
    except (zipfile.BadZipFile, EOFError, zlib.error, OSError, ValueError) as exc:
        raise CorruptDocumentError(
            f"the member is damaged ({exc})", source=source, where=name,
            expected="a complete, undamaged zip member",
        ) from None
    except (NotImplementedError, RuntimeError) as exc:
        # zipfile: unsupported compression method, or a password is required
        raise CorruptDocumentError(
            f"the member cannot be read ({exc})", source=source, where=name,
            expected="a member stored or deflated without encryption",
        ) from None
    return bytes(out)
