"""Turning the batch's PATHS (files, directories, glob patterns) into a sorted stream of files.

The files are yielded as they are found (:func:`iter_files`), so a batch starts at once and the
parent holds no list of them. To give each file once, a 16-byte digest of real paths is kept (a
collision is a chance of about 1 in 2**64 even among 2**32 files): of every file when there are
several PATHS or a glob, and of the files reached through a symlink only when the one PATH is a
directory (a walk that follows no directory link meets every other file once), so memory stays
flat in the number of files in the common case.
"""

from __future__ import annotations

import glob
import hashlib
import os
from collections.abc import Iterable, Iterator

_GLOB_CHARS = frozenset("*?[")


def _walk(directory: str) -> Iterator[str]:
    """Regular files under ``directory``, sorted, hidden files and directories left out."""
    with os.scandir(directory) as entries:
        items = sorted(entries, key=lambda e: e.name)
    for entry in items:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        elif entry.is_file():
            yield entry.path


def _key(real: str) -> bytes:
    """A compact key of a file's real path (what makes two PATHS the same file)."""
    return hashlib.blake2b(os.fsencode(real), digest_size=16).digest()


class _Seen:
    """Which files were given already: every real path's digest."""

    def __init__(self) -> None:
        self._keys: set[bytes] = set()

    def first(self, file: str, real: str) -> bool:
        """Whether ``file`` (real path ``real``) is met for the first time; remembers it."""
        key = _key(real)
        if key in self._keys:
            return False
        self._keys.add(key)
        return True


class _TreeSeen(_Seen):
    """The walk of one directory: a file reached without a symlink is met once by the walk, so
    only the targets of symlinked files are remembered, and a symlink whose target the walk
    meets directly earlier (in its sorted order) is left out."""

    def __init__(self, root: str) -> None:
        super().__init__()
        self._prefix = os.path.join(root, "")
        self._real_prefix = os.path.join(os.path.realpath(root), "")

    def first(self, file: str, real: str) -> bool:
        """Whether ``file`` (real path ``real``) is met for the first time; remembers it when
        it is reached through a symlink."""
        key = _key(real)
        if key in self._keys:
            return False  # its target was given already, through a symlink
        place = file[len(self._prefix):]
        if real == self._real_prefix + place:
            return True  # reached directly
        if real.startswith(self._real_prefix):
            direct = tuple(real[len(self._real_prefix):].split(os.sep))
            if not any(part.startswith(".") for part in direct) and \
                    direct < tuple(place.split(os.sep)):
                return False  # the walk met the target itself before
        self._keys.add(key)
        return True


def discover(paths: Iterable[str], *, exclude: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """The files the PATHS name, in order and each once, and the PATHS that matched nothing.

    A directory stands for every non-hidden file below it; a pattern with ``*``, ``?`` or ``[`` is
    a glob (``**`` recursive). ``exclude`` lists files to leave out (e.g. the output file).
    """
    unmatched: list[str] = []
    files = list(iter_files(paths, exclude=exclude, unmatched=unmatched))
    return files, unmatched


def iter_files(
    paths: Iterable[str], *, exclude: Iterable[str] = (), unmatched: list[str] | None = None
) -> Iterator[str]:
    """:func:`discover`'s files one at a time, as found; the PATHS that matched nothing are
    appended to ``unmatched`` (each once its search is over)."""
    paths = list(paths)
    skip = {os.path.realpath(p) for p in exclude}
    one_tree = len(paths) == 1 and os.path.isdir(paths[0])
    seen = _TreeSeen(paths[0]) if one_tree else _Seen()
    for path in paths:
        if os.path.isdir(path):
            found: Iterable[str] = _walk(path)
        elif os.path.isfile(path):
            found = [path]
        elif _GLOB_CHARS & set(path):
            found = (p for p in sorted(glob.glob(path, recursive=True)) if os.path.isfile(p))
        else:
            found = []
        count = 0
        for file in found:
            count += 1
            real = os.path.realpath(file)
            if real in skip or not seen.first(file, real):
                continue
            yield file
        if count == 0 and unmatched is not None:
            unmatched.append(path)
