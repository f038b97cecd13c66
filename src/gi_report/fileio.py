"""Reading inputs under a size limit and writing outputs atomically."""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path
from types import TracebackType
from typing import IO, Any, BinaryIO

from gi_report.errors import DocumentNotFoundError, InputTooLargeError, OutputPathError

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


Source = str | os.PathLike[str] | bytes | bytearray | memoryview | IO[bytes] | IO[str]
"""What a public reader takes for a document: a path (``str`` or ``os.PathLike``; a ``str`` is
always a path), the document's bytes, or a binary or text stream (anything with ``read``)."""

Sink = PathLike | IO[bytes] | IO[str]
"""Where a public writer writes: a path (written atomically), or a binary or text stream."""


def is_stream(value: object) -> bool:
    """Whether ``value`` is a file object to read (it has a callable ``read``)."""
    return callable(getattr(value, "read", None))


def stream_name(stream: object) -> str | None:
    """The file name a stream carries (``open()``'s ``name``; ``<stdin>``), if it is a text."""
    name = getattr(stream, "name", None)
    return name if isinstance(name, str) else None


def read_stream(stream: IO[Any], what: str, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """The bytes of a binary or text stream (text encoded as UTF-8), read up to ``limit`` + 1
    bytes and then refused with :class:`InputTooLargeError` (a stream has no size up front).

    A text stream is read ``_CHUNK`` characters at a time, so its last chunk may overshoot the
    limit by up to 3 bytes a character before it is refused: still bounded."""
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(min(_CHUNK, limit + 1 - total)):
        # A lone surrogate is kept as bytes no decoder accepts: the reader then says so.
        data = chunk.encode("utf-8", "surrogatepass") if isinstance(chunk, str) else bytes(chunk)
        chunks.append(data)
        total += len(data)
        if total > limit:
            raise InputTooLargeError(what, total, limit)
    return b"".join(chunks)


def read_path(path: PathLike, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """:func:`read_limited`, with :class:`DocumentNotFoundError` for a name that is no file
    (also a name no file can have: too long, or holding a NUL, as a text passed by mistake)."""
    name = os.fspath(path)
    try:
        return read_limited(path, limit)
    except FileNotFoundError:
        raise DocumentNotFoundError(name) from None
    except ValueError as error:  # "embedded null byte"
        if isinstance(error, InputTooLargeError):
            raise
        raise DocumentNotFoundError(name) from None
    except OSError as error:
        if error.errno == errno.ENAMETOOLONG:
            raise DocumentNotFoundError(name) from None
        raise


def read_source(source: Source, limit: int = MAX_DOCUMENT_BYTES,
                what: str = "document") -> tuple[bytes, str | None]:
    """The bytes of a document and its file name (``None`` for bytes and unnamed streams).

    One rule for every public reader: a ``str`` or ``os.PathLike`` is a path
    (:class:`DocumentNotFoundError` when it is not a file); ``bytes`` are the document; a stream
    is read under the same ``limit`` as a file. Anything else is a ``TypeError``.
    """
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        check_size(what, data, limit)
        return data, None
    if isinstance(source, str | os.PathLike):
        return read_path(source, limit), os.fspath(source)
    if is_stream(source):
        name = stream_name(source)
        return read_stream(source, name or what, limit), name
    raise TypeError(f"expected a path (str or os.PathLike), bytes or a file object, "
                    f"got {type(source).__name__}")


def write_sink(sink: Sink, data: bytes, encoding: str = "utf-8") -> None:
    """Write ``data`` to a path atomically, or to a binary or text stream as it is (a text
    stream receives ``data`` decoded from ``encoding``)."""
    if isinstance(sink, str | os.PathLike):
        write_atomic(sink, data)
        return
    if not callable(getattr(sink, "write", None)):
        raise TypeError(f"expected a path (str or os.PathLike) or a file object, "
                        f"got {type(sink).__name__}")
    stream: IO[Any] = sink
    try:
        stream.write(data)
    except TypeError:  # a text stream refuses bytes before writing any
        stream.write(data.decode(encoding))


def check_size(what: str, data: str | bytes, limit: int = MAX_DOCUMENT_BYTES) -> None:
    """Raise :class:`InputTooLargeError` if ``data`` is over ``limit`` bytes (or characters)."""
    if len(data) > limit:
        raise InputTooLargeError(what, len(data), limit)


class AtomicFile:
    """A file written beside ``path`` and put in its place in one rename, or not at all.

    Bytes go to a hidden temporary file in the same directory; :meth:`commit` flushes it to disk
    (``fsync``), renames it over ``path`` and syncs the directory, so a crash leaves either the
    old file or the new one, never a part. :meth:`discard` (or an exception inside a ``with``
    block) removes the temporary file and leaves ``path`` as it was. A new file gets the mode the
    process's umask gives (``0o666 & ~umask``, as ``open`` would); a replaced file keeps its mode.
    A missing or unwritable directory raises :class:`~gi_report.errors.OutputPathError`.

    For writers that stream (the batch output): :attr:`handle` is the open binary file, and
    :attr:`temp` its name, ``.NAME.*.tmp`` beside ``path``. With ``lock=True`` the temporary file
    carries an exclusive ``flock`` for as long as it is open, so another process can tell the
    temporary file of a live writer (locked) from that of a killed one (not locked; see
    :func:`is_locked`).
    """

    def __init__(self, path: PathLike, *, lock: bool = False) -> None:
        self.path = Path(path)
        fd, self.temp = _create_beside(self.path)
        if lock:
            _lock(fd, self.temp)
        self._handle: BinaryIO = os.fdopen(fd, "wb")

    @property
    def handle(self) -> BinaryIO:
        """The open temporary file, for writers that want a file object (CSV, Parquet)."""
        return self._handle

    def write(self, data: bytes) -> int:
        """Append ``data`` to the temporary file."""
        return self._handle.write(data)

    def commit(self) -> None:
        """Sync the temporary file, rename it over ``path`` and sync the directory."""
        try:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()
            os.replace(self.temp, self.path)
        except BaseException:
            self.discard()
            raise
        _sync_directory(self.path.parent)

    def discard(self) -> None:
        """Drop the temporary file; ``path`` is left as it was."""
        try:
            self._handle.close()
        finally:
            self.temp.unlink(missing_ok=True)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def _create_beside(path: Path) -> tuple[int, Path]:
    """A new hidden file in ``path``'s directory: its descriptor and name.

    Created with mode ``0o666`` through the umask, as any new file (never the ``0o600`` of
    ``mkstemp``), then given the mode of the file it will replace, if there is one.
    """
    directory = path.parent
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        temp = directory / f".{path.name}.{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(temp, flags, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise OutputPathError(os.fspath(path), _why(directory, exc), exc.errno or 0) from exc
        break
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        return fd, temp
    try:
        os.fchmod(fd, mode)
    except BaseException:
        os.close(fd)
        temp.unlink(missing_ok=True)
        raise
    return fd, temp


def _lock(fd: int, temp: Path) -> None:
    """Hold an exclusive lock on the new file ``fd`` (released when it is closed).

    Blocking: the only other holder can be a momentary :func:`is_locked` check.
    """
    import fcntl  # POSIX only, and only needed by writers that ask for a lock

    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
    except BaseException:
        os.close(fd)
        temp.unlink(missing_ok=True)
        raise


def is_locked(path: PathLike) -> bool:
    """Whether a live :class:`AtomicFile` (``lock=True``) holds ``path``.

    A file that cannot be opened (gone, a symbolic link, unreadable) counts as held, so that a
    caller looking for a killed writer's files leaves it alone.
    """
    import fcntl

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # closing also releases the probe's own lock at once
    return False


def _why(directory: Path, exc: OSError) -> str:
    """Why a file cannot be created in ``directory``, for a person."""
    if isinstance(exc, FileNotFoundError):
        return f"the directory {os.fspath(directory) or '.'} does not exist"
    if isinstance(exc, NotADirectoryError):
        return f"{os.fspath(directory)} is not a directory"
    return exc.strerror or str(exc)


def _sync_directory(directory: Path) -> None:
    """Flush the directory entry of a rename to disk (where the system can open directories)."""
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # Windows cannot open a directory; its rename is durable enough there
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems refuse fsync on a directory: nothing more to do
        pass
    finally:
        os.close(fd)


def write_atomic(path: PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old file or the new one.

    See :class:`AtomicFile` (the file's mode, the fsyncs, the error for a missing directory).
    """
    with AtomicFile(path) as out:
        out.write(data)
