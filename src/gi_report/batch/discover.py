"""Turning the batch's PATHS (files, directories, glob patterns) into a sorted stream of files.

The files are yielded as they are found (:func:`iter_files`), so a batch starts at once and the
parent holds no list of them; only a 16-byte digest of each real path is kept, to give each file
once (a collision is a chance of 1 in 2**64 even among 2**32 files).
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


def _key(path: str) -> bytes:
    """A compact key of a file's real path (what makes two PATHS the same file)."""
    real = os.fsencode(os.path.realpath(path))
    return hashlib.blake2b(real, digest_size=16).digest()


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
    skip = {_key(p) for p in exclude}
    seen: set[bytes] = set()
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
            key = _key(file)
            if key in skip or key in seen:
                continue
            seen.add(key)
            yield file
        if count == 0 and unmatched is not None:
            unmatched.append(path)
