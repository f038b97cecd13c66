"""Reading inputs under a size limit and writing outputs atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from gi_report.errors import InputTooLargeError

MAX_DOCUMENT_BYTES = 32 * 1024 * 1024
"""Default limit on a JSON or XML document gi-report reads (32 MiB; a report is ~30 KiB)."""

PathLike = str | os.PathLike[str]
_CHUNK = 1024 * 1024


def read_limited(path: PathLike, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """The bytes of ``path``, refusing a file over ``limit`` bytes before reading it whole."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limit:
            raise InputTooLargeError(os.fspath(path), size, limit)
        chunks: list[bytes] = []
        total = 0
        # Read in chunks rather than read(limit + 1), which would reserve the whole limit, and
        # keep counting: a pipe or a growing file has no reliable size up front.
        while chunk := handle.read(min(_CHUNK, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise InputTooLargeError(os.fspath(path), total, limit)
    return b"".join(chunks)


def check_size(what: str, data: str | bytes, limit: int = MAX_DOCUMENT_BYTES) -> None:
    """Raise :class:`InputTooLargeError` if ``data`` is over ``limit`` bytes (or characters)."""
    if len(data) > limit:
        raise InputTooLargeError(what, len(data), limit)


def write_atomic(path: PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old file or the new one.

    The bytes go to a temporary file in the same directory, are flushed to disk, and the
    temporary file then replaces ``path`` in one ``os.replace``.
    """
    target = Path(path)
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
