"""Turning the batch's PATHS (files, directories, glob patterns) into a stream of entries.

Every entry a directory holds or a PATH names gets a place in the stream, so that it gets a result
row: regular files to read, and the entries that cannot be read each with its reason (a dangling
symbolic link, a FIFO, a socket, a device, a directory that cannot be listed). A file name that
is not valid UTF-8 (a GBK name from a Chinese Windows zip) is kept as it is on disk for reading,
and shown with ``\\x`` escapes. Hidden entries (a name starting with ``.``) are left out.

The order is deterministic: the PATHS in the order given; a directory depth first, the names of
each directory sorted by code point (a subdirectory's entries at its name's place); a glob's
matches sorted. Entries are yielded as they are found (:func:`iter_entries`), so the memory a
batch holds does not grow with the number of files: each real file is given once, and to know it
without remembering every file, a file met directly by the walk of a directory PATH is recognised
by where it lies (under the root of a PATH walked before, or before a link to it in the current
walk); only files reached through a symbolic link, or named by a file or glob PATH, are remembered.
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
    link: bool = False  #: a symbolic link (its target may be met elsewhere too)

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


def _listing(directory: str) -> tuple[list[str], dict[str, os.DirEntry[str]]]:
    """The non-hidden names of ``directory``, sorted, and its entries that are not regular
    files by name (a regular file is only its name: a large directory costs little)."""
    names: list[str] = []
    others: dict[str, os.DirEntry[str]] = {}
    with os.scandir(directory) as found:
        for entry in found:
            if entry.name.startswith("."):
                continue
            names.append(entry.name)
            if not entry.is_file(follow_symlinks=False):
                others[entry.name] = entry
    names.sort()
    return names, others


def _walk(directory: str) -> Iterator[Entry]:
    """Entries under ``directory``, sorted; hidden files and directories left out."""
    try:
        names, others = _listing(directory)
    except OSError as error:
        yield Entry(directory, f"cannot list the directory: {error.strerror or error}")
        return
    for name in names:
        entry = others.get(name)
        path = os.path.join(directory, name)
        if entry is None:
            yield Entry(path)  # a regular file (no stat needed)
        elif entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
        else:
            yield Entry(path, _kind_problem(path), link=entry.is_symlink())


def _parts(relative: str) -> tuple[str, ...]:
    """A place below a walk's root as its names: tuples compare in the walk's order."""
    return tuple(relative.split(os.sep))


@attrs.define
class _Tree:
    """A directory PATH being or having been walked: where its entries lie.

    A regular file met directly (not through a link) lies at ``real`` + its place, any other
    entry at ``given`` + its place; the walk meets every non-hidden place once, except below a
    directory it could not list.
    """

    prefix: str  #: the PATH as given, ending in a separator (the walk's paths start with it)
    given: str  #: the PATH made absolute, ending in a separator
    real: str  #: its real path, ending in a separator
    unlisted: list[str] = attrs.field(factory=list)  #: directories it could not list (+ sep)

    @classmethod
    def of(cls, path: str) -> _Tree:
        """The walk of the directory PATH ``path``."""
        return cls(os.path.join(path, ""), os.path.join(os.path.abspath(path), ""),
                   os.path.join(os.path.realpath(path), ""))

    def place(self, key: str, good: bool) -> tuple[str, ...] | None:
        """Where the walk meets ``key`` (a real path if ``good``, else an absolute one), as the
        names below the root; ``None`` if it never does."""
        root = self.real if good else self.given
        if not key.startswith(root) or any(key.startswith(d) for d in self.unlisted):
            return None
        parts = _parts(key[len(root):])
        return None if any(p.startswith(".") for p in parts) else parts

    def own(self, entry: Entry) -> tuple[str, ...]:
        """The place of an entry of this walk."""
        return _parts(entry.path[len(self.prefix):])


class _Seen:
    """Which entries were given already, without remembering each one (see the module's text).

    An entry's key is its real path (a readable file) or its absolute path (an entry that cannot
    be read: two dangling links to one missing target are two entries).
    """

    def __init__(self, exclude: Iterable[str]) -> None:
        self._skip = {os.path.realpath(p) for p in exclude}
        self._kept: set[str] = set()  # keys of entries reached through a link, a file or a glob
        # directory PATHS walked before the current one, by real root and by absolute root
        self._trees: tuple[dict[str, list[_Tree]], dict[str, list[_Tree]]] = ({}, {})
        self._current: _Tree | None = None

    def walking(self, tree: _Tree | None) -> None:
        """The walk of ``tree`` starts (``None``: a file or glob PATH); the previous one is over."""
        if self._current is not None:
            done = self._current
            self._trees[0].setdefault(done.real, []).append(done)
            self._trees[1].setdefault(done.given, []).append(done)
        self._current = tree

    def _met_earlier(self, key: str, good: bool) -> bool:
        """Whether the walk of an earlier directory PATH met ``key`` (its roots are looked up
        by each folder above ``key``: many PATHS cost no more than a few)."""
        roots = self._trees[0] if good else self._trees[1]
        if not roots:
            return False
        at = key.find(os.sep)
        while at >= 0:
            if any(t.place(key, good) is not None for t in roots.get(key[: at + 1], ())):
                return True
            at = key.find(os.sep, at + 1)
        return False

    def first(self, entry: Entry) -> bool:
        """Whether ``entry`` is to be given: not excluded, and not given before."""
        good = entry.problem is None
        tree = self._current
        key = _key(entry, tree)
        if key in self._skip or key in self._kept:
            return False
        if self._met_earlier(key, good):
            return False
        if tree is not None and (not good or not entry.link):
            if not good and entry.problem and entry.problem.startswith("cannot list"):
                tree.unlisted += [os.path.join(key, ""),
                                  os.path.join(os.path.realpath(entry.path), "")]
            return True  # the walk meets each place once
        if tree is not None:
            target = tree.place(key, good)
            if target is not None and target < tree.own(entry):
                return False  # the walk met the link's target itself before
        self._kept.add(key)
        return True


def _key(entry: Entry, tree: _Tree | None) -> str:
    """The entry's key; made without a system call for a file a walk meets directly."""
    if entry.problem is not None:
        return os.path.abspath(entry.path)
    if tree is not None and not entry.link and entry.path.startswith(tree.prefix):
        return tree.real + entry.path[len(tree.prefix):]
    return os.path.realpath(entry.path)


def _named(path: str) -> Iterable[Entry]:
    """The entries one PATH names, in order (duplicates and the excluded file included)."""
    if os.path.isdir(path):
        return _walk(path)
    if os.path.lexists(path):
        return [Entry(path, _kind_problem(path), link=os.path.islink(path))]
    if _GLOB_CHARS & set(path):
        return (Entry(p, _kind_problem(p), link=os.path.islink(p))
                for p in sorted(glob.glob(path, recursive=True)) if not os.path.isdir(p))
    return []


def iter_entries(paths: Iterable[str], *, exclude: Iterable[str] = (),
                 unmatched: list[str] | None = None) -> Iterator[Entry]:
    """Every entry the PATHS name, in order and each once, as found; the PATHS that matched
    nothing are appended to ``unmatched`` (each once its search is over).

    A directory stands for every non-hidden entry below it; a pattern with ``*``, ``?`` or ``[``
    is a glob (``**`` recursive). ``exclude`` lists files to leave out (e.g. the output file).
    The memory held does not grow with the number of files of a directory PATH (see the module's
    text); a glob's matches are listed (sorted) before they are given.
    """
    seen = _Seen(exclude)
    for path in paths:
        seen.walking(_Tree.of(path) if os.path.isdir(path) else None)
        count = 0
        for entry in _named(path):
            count += 1
            if seen.first(entry):
                yield entry
        if count == 0 and unmatched is not None:
            unmatched.append(path)


def discover_entries(paths: Iterable[str], *, exclude: Iterable[str] = ()
                     ) -> tuple[list[Entry], list[str]]:
    """:func:`iter_entries` as a list, and the PATHS that matched nothing."""
    unmatched: list[str] = []
    entries = list(iter_entries(paths, exclude=exclude, unmatched=unmatched))
    return entries, unmatched


def discover(paths: Iterable[str], *, exclude: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """The paths of the entries the PATHS name (see :func:`iter_entries`), and the PATHS
    that matched nothing."""
    entries, unmatched = discover_entries(paths, exclude=exclude)
    return [entry.path for entry in entries], unmatched
