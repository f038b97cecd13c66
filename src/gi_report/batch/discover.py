"""Turning the batch's PATHS (files, directories, glob patterns) into a sorted list of entries.

Every entry a directory holds or a PATH names gets a place in the list, so that it gets a result
row: regular files to read, and the entries that cannot be read each with its reason (a dangling
symbolic link, a FIFO, a socket, a device, a directory that cannot be listed). A file name that
is not valid UTF-8 (a GBK name from a Chinese Windows zip) is kept as it is on disk for reading,
and shown with ``\\x`` escapes. Hidden entries (a name starting with ``.``) are left out.
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterable, Iterator

import attrs

_GLOB_CHARS = frozenset("*?[")


def shown(text: str) -> str:
    """``text`` as it can be written as UTF-8: bytes of a non-UTF-8 file name as ``\\xNN``."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that is not an escaped byte
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


@attrs.frozen
class Entry:
    """One input of a batch: its path on disk, and why it cannot be read (``None`` if it can)."""

    path: str  #: as the file system gives it (may hold escaped bytes of a non-UTF-8 name)
    problem: str | None = None

    @property
    def name(self) -> str:
        """The path as shown in the results (``\\xNN`` for bytes that are not UTF-8)."""
        return shown(self.path)


_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _kind_problem(path: str) -> str | None:
    """Why ``path`` is not a regular file to read (``None`` if it is one)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if os.path.islink(path):
            target = shown(os.readlink(path))
            return f"a dangling symbolic link (to {target!r}, which does not exist)"
        return "no such file"
    except OSError as error:
        return f"cannot be read: {error.strerror or error}"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a symbolic link to a directory (not followed)"
    for test, what in _SPECIAL:
        if test(mode):
            return f"not a regular file: {what}"
    return "not a regular file"


def _walk(directory: str) -> Iterator[Entry]:
    """Entries under ``directory``, sorted; hidden files and directories left out."""
    try:
        with os.scandir(directory) as found:
            items = sorted(found, key=lambda e: e.name)
    except OSError as error:
        yield Entry(directory, f"cannot list the directory: {error.strerror or error}")
        return
    for entry in items:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        else:
            yield Entry(entry.path, _kind_problem(entry.path))


def _named(path: str) -> Iterable[Entry]:
    if os.path.isdir(path):
        return _walk(path)
    if os.path.lexists(path):
        return [Entry(path, _kind_problem(path))]
    if _GLOB_CHARS & set(path):
        return (Entry(p, _kind_problem(p)) for p in sorted(glob.glob(path, recursive=True))
                if not os.path.isdir(p))
    return []


def discover_entries(paths: Iterable[str], *, exclude: Iterable[str] = ()
                     ) -> tuple[list[Entry], list[str]]:
    """Every entry the PATHS name, in order and each once, and the PATHS that matched nothing.

    A directory stands for every non-hidden entry below it; a pattern with ``*``, ``?`` or ``[``
    is a glob (``**`` recursive). ``exclude`` lists files to leave out (e.g. the output file).
    """
    skip = {os.path.realpath(p) for p in exclude}
    seen: set[str] = set()
    entries: list[Entry] = []
    unmatched: list[str] = []
    for path in paths:
        count = 0
        for entry in _named(path):
            count += 1
            # a file by where it really is; an entry that cannot be read by its own name (two
            # dangling links to one missing target are two entries)
            real = os.path.realpath(entry.path) if entry.problem is None else os.path.abspath(
                entry.path)
            if real in skip or real in seen:
                continue
            seen.add(real)
            entries.append(entry)
        if count == 0:
            unmatched.append(path)
    return entries, unmatched


def discover(paths: Iterable[str], *, exclude: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """The paths of the entries the PATHS name (see :func:`discover_entries`), and the PATHS
    that matched nothing."""
    entries, unmatched = discover_entries(paths, exclude=exclude)
    return [entry.path for entry in entries], unmatched
