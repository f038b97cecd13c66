"""The rows a resumed batch may keep, indexed by path in a temporary SQLite file.

``--resume`` needs, for every file of the run, the previous row's content hash (is the file
unchanged?) and, at the end, the previous rows no file of this run replaced. Held in a dict, that
grows with the previous output (about a kilobyte a row); held in SQLite's private temporary
database (an on-disk file deleted when it is closed, with a page cache of a few megabytes), the
parent's memory stays flat however many rows there are.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator

from gi_report.batch.process import Row

_BATCH = 1000
"""Rows inserted per ``executemany`` (bounded memory while loading)."""


class PreviousRows:
    """Previous result rows by path (the later of two rows for one path wins), each either still
    waiting or taken by this run; empty (and free) when the run does not resume."""

    def __init__(self) -> None:
        self._db: sqlite3.Connection | None = None

    def _open(self) -> sqlite3.Connection:
        if self._db is None:
            # "": a private temporary database on disk, removed when closed
            self._db = sqlite3.connect("", isolation_level=None)
            self._db.execute("PRAGMA journal_mode=OFF")
            self._db.execute("PRAGMA synchronous=OFF")
            self._db.execute("CREATE TABLE rows (path TEXT PRIMARY KEY, sha256 TEXT, row TEXT,"
                             " taken INTEGER NOT NULL DEFAULT 0)")
            self._db.execute("BEGIN")  # one transaction, never committed: the file is dropped
        return self._db

    def __bool__(self) -> bool:
        """Whether there is an index (the run resumes)."""
        return self._db is not None

    def add(self, rows: Iterable[Row]) -> None:
        """Index ``rows`` (a row for a path already indexed replaces it, keeping its place)."""
        db = self._open()
        batch: list[tuple[str, object, str]] = []
        for row in rows:
            batch.append((str(row["path"]), row.get("sha256"), json.dumps(row)))
            if len(batch) >= _BATCH:
                PreviousRows._insert(db, batch)
                batch = []
        PreviousRows._insert(db, batch)

    @staticmethod
    def _insert(db: sqlite3.Connection, batch: list[tuple[str, object, str]]) -> None:
        db.executemany("INSERT INTO rows (path, sha256, row) VALUES (?, ?, ?) ON CONFLICT(path)"
                       " DO UPDATE SET sha256 = excluded.sha256, row = excluded.row", batch)

    def sha256(self, path: str) -> str | None:
        """The content hash of ``path``'s previous row, if it has one."""
        if self._db is None:
            return None
        found = self._db.execute("SELECT sha256 FROM rows WHERE path = ?", (path,)).fetchone()
        return None if found is None or not isinstance(found[0], str) else found[0]

    def take(self, path: str) -> Row | None:
        """``path``'s previous row, now taken (it is not among :meth:`rest`)."""
        if self._db is None:
            return None
        found = self._db.execute("SELECT row FROM rows WHERE path = ?", (path,)).fetchone()
        if found is None:
            return None
        self.drop(path)
        row: Row = json.loads(found[0])
        return row

    def drop(self, path: str) -> None:
        """Mark ``path``'s previous row, if any, as taken: this run wrote a new one."""
        if self._db is not None:
            self._db.execute("UPDATE rows SET taken = 1 WHERE path = ?", (path,))

    def rest(self) -> Iterator[Row]:
        """The rows not taken, in the order they were first added."""
        if self._db is None:
            return
        query = "SELECT row FROM rows WHERE taken = 0 ORDER BY rowid"
        for (text,) in self._db.execute(query):
            row: Row = json.loads(text)
            yield row

    def close(self) -> None:
        """Remove the index."""
        if self._db is not None:
            self._db.close()
            self._db = None
