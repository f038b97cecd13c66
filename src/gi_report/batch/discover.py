"""Turning the batch's PATHS (files, directories, glob patterns) into a sorted list of files."""

from __future__ import annotations

import glob
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


def discover(paths: Iterable[str], *, exclude: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """The files the PATHS name, in order and each once, and the PATHS that matched nothing.

    A directory stands for every non-hidden file below it; a pattern with ``*``, ``?`` or ``[`` is
    a glob (``**`` recursive). ``exclude`` lists files to leave out (e.g. the output file).
    """
    skip = {os.path.realpath(p) for p in exclude}
    seen: set[str] = set()
    files: list[str] = []
    unmatched: list[str] = []
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
            if real in skip or real in seen:
                continue
            seen.add(real)
            files.append(file)
        if count == 0:
            unmatched.append(path)
    return files, unmatched
