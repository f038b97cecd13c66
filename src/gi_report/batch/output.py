"""Batch results as JSON Lines, CSV or Parquet (chosen by the file's extension), streamed.

Rows are written to a temporary file beside the output as they come and the temporary file
replaces the output in one rename when the run ends (also when it is interrupted), so the output
is always either the previous complete file or the new complete one. The file is written by
:class:`gi_report.fileio.AtomicFile`, the writer of every output (its mode, fsyncs and errors).

A run killed outright (``kill -9``, a power cut) cannot rename its temporary file. Each JSON
Lines or CSV row reaches the file as soon as it is written, and the writer holds a lock on it
while it lives; so a later run finds the temporary files no live run holds (:func:`orphans`),
``--resume`` continues from their complete rows (:func:`read_partial`), and every run removes
them once its own output is in place. (A Parquet file is unreadable until it is closed: its
orphans are only removed.)
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from gi_report.analysis._optional import require
from gi_report.batch.discover import shown
from gi_report.batch.process import INTEGER_FIELDS, RESULT_FIELDS, Row
from gi_report.errors import UnsupportedFormatError
from gi_report.fileio import MAX_DOCUMENT_BYTES, AtomicFile, is_locked

FORMATS: dict[str, str] = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
                           ".parquet": "parquet"}
"""Output extensions and the format each selects."""

PARQUET_BATCH = 1000
"""Rows buffered per Parquet row group (bounded memory)."""

MAX_LINE = 1024 * 1024
"""Longest line accepted when reading a previous JSON Lines or CSV output (resume)."""


def output_format(path: str | os.PathLike[str]) -> str:
    """``jsonl``, ``csv`` or ``parquet`` from the file name, or :class:`UnsupportedFormatError`."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UnsupportedFormatError(
            os.fspath(path), "an output file ending in " + ", ".join(FORMATS)
        )
    return FORMATS[suffix]


def _arrow_schema() -> Any:
    pa = require("pyarrow", "parquet", "writing batch results as Parquet")
    return pa.schema(
        [(name, pa.int64() if name in INTEGER_FIELDS else pa.string()) for name in RESULT_FIELDS]
    )


class ResultWriter:
    """Streams result rows into a temporary file; :meth:`commit` puts it in place atomically.

    The file is a locked :class:`~gi_report.fileio.AtomicFile` (the one writer of every output):
    its lock tells later runs this run is alive, and its temporary file is what ``--resume`` reads
    if the run is killed.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.format = output_format(path)
        if self.format == "parquet":
            self._pq = require("pyarrow.parquet", "parquet", "writing batch results as Parquet")
            self._schema = _arrow_schema()
        self._file = AtomicFile(self.path, lock=True)  # "a live run writes this file"
        self._text: io.TextIOWrapper | None = None
        self._csv: Any = None
        self._parquet: Any = None
        self._buffer: list[Row] = []
        self.count = 0
        try:
            self._open_layer()
        except BaseException:
            self._file.discard()  # never leave a locked temporary file behind
            raise

    def _open_layer(self) -> None:
        """The text (CSV header included) or Parquet writer over the atomic file's handle."""
        if self.format in ("jsonl", "csv"):
            self._text = io.TextIOWrapper(self._file.handle, encoding="utf-8", newline="")
        if self.format == "csv" and self._text is not None:
            self._csv = csv.DictWriter(self._text, fieldnames=RESULT_FIELDS, lineterminator="\n")
            self._csv.writeheader()
        if self.format == "parquet":
            # pyarrow writes through the open handle (and leaves it open): the lock stays held.
            self._parquet = self._pq.ParquetWriter(self._file.handle, self._schema)

    @property
    def temp(self) -> Path:
        """The temporary file the rows go to until :meth:`commit`."""
        return self._file.temp

    @property
    def _tmp(self) -> Path:
        """The former name of :attr:`temp`."""
        return self._file.temp

    def write(self, row: Row, *, flush: bool = True) -> None:
        """Add one result row (columns :data:`RESULT_FIELDS`); with ``flush``, put it in the file
        at once (see :meth:`flush`)."""
        self.count += 1
        if self.format == "jsonl":
            assert self._text is not None
            self._text.write(_json_line(row))
        elif self.format == "csv":
            assert self._text is not None
            self._csv.writerow({k: "" if v is None else v for k, v in _clean(row).items()})
        else:
            self._buffer.append(_clean(row))
            if len(self._buffer) >= PARQUET_BATCH:
                self._flush_parquet()
        if flush:
            self.flush()

    def flush(self) -> None:
        """Put the JSON Lines or CSV rows written so far in the file: a run killed after this
        leaves them for ``--resume`` (a Parquet file is unreadable until it is closed)."""
        if self._text is not None:
            self._text.flush()

    def _flush_parquet(self) -> None:
        if self._buffer:
            pa = require("pyarrow", "parquet", "writing batch results as Parquet")
            self._parquet.write_table(pa.Table.from_pylist(self._buffer, schema=self._schema))
            self._buffer = []

    def _finish(self) -> None:
        """Hand every byte to the binary handle (the atomic file syncs and closes it)."""
        if self._parquet is not None:
            parquet = self._parquet
            try:
                self._flush_parquet()
            finally:
                self._parquet = None
                parquet.close()  # writes the footer; never left to write into a closed handle
        if self._text is not None:
            text, self._text = self._text, None
            text.flush()
            text.detach()  # the handle is the atomic file's to close

    def commit(self) -> None:
        """Finish the file and replace the output with it in one step."""
        try:
            self._finish()
        except BaseException:
            self._file.discard()
            raise
        self._file.commit()

    def discard(self) -> None:
        """Drop the temporary file (the output is left as it was)."""
        try:
            self._finish()
        finally:
            self._file.discard()


def _writable(value: Any) -> Any:
    """A row value that UTF-8 can hold (a non-UTF-8 file name in a message is escaped)."""
    return shown(value) if isinstance(value, str) else value


def _clean(row: Row) -> Row:
    """The row's columns, in order, each as UTF-8 can hold it."""
    return {name: _writable(row.get(name)) for name in RESULT_FIELDS}


def _json_line(row: Row) -> str:
    """The row as one JSON line; escaped like :func:`_clean` only when a value needs it (one
    check of the line instead of one per value)."""
    line = json.dumps({name: row.get(name) for name in RESULT_FIELDS}, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(_clean(row), ensure_ascii=False)
    return line + "\n"


def orphans(path: str | os.PathLike[str]) -> list[Path]:
    """The temporary files of runs into ``path`` that were killed (no live run holds them)."""
    target = Path(path)
    try:
        candidates = sorted(target.parent.glob(f".{_glob_escape(target.name)}.*.tmp"))
    except OSError:
        return []
    return [candidate for candidate in candidates if not is_locked(candidate)]


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def read_partial(path: Path, fmt: str) -> list[Row]:
    """The complete rows of a killed run's temporary file (the cut last line is left out).

    Read line by line, each line at most :data:`MAX_LINE` bytes (a longer one is skipped, as no
    result row is that long), never the whole file at once.
    """
    if fmt == "parquet":
        return []  # unreadable before it is closed
    lines = _complete_lines(path)
    return _partial_jsonl(lines) if fmt == "jsonl" else _partial_csv(lines)


def _complete_lines(path: Path) -> Iterator[str]:
    """The lines of ``path`` that end in a newline (a killed writer may have cut the last one),
    each at most :data:`MAX_LINE` bytes: a longer line is skipped whole."""
    with open(path, "rb") as handle:
        while line := handle.readline(MAX_LINE + 1):
            if not line.endswith(b"\n"):
                if len(line) <= MAX_LINE:
                    return  # the cut last line
                while (rest := handle.readline(MAX_LINE)) and not rest.endswith(b"\n"):
                    pass  # the rest of an over-long line
                continue
            yield line.decode("utf-8", errors="replace")


def _partial_jsonl(lines: Iterator[str]) -> list[Row]:
    """The result rows among JSON Lines; a line that is not one is left out."""
    rows: list[Row] = []
    for line in lines:
        try:
            row = json.loads(line)
        except ValueError:
            continue
        if isinstance(row, dict) and isinstance(row.get("path"), str) and row.get("status"):
            rows.append(row)
    return rows


def _partial_csv(lines: Iterator[str]) -> list[Row]:
    """The result rows of CSV lines; a row with a non-integer count or no path or status is
    left out, and so are the cells of a short or long row that have no column."""
    csv.field_size_limit(MAX_DOCUMENT_BYTES)
    rows: list[Row] = []
    for row in csv.DictReader(lines):
        try:
            rows.append({k: (_int_or_none(v) if k in INTEGER_FIELDS else (v or None))
                         for k, v in row.items() if k is not None and v is not None})
        except ValueError:
            continue
    return [r for r in rows if r.get("path") and r.get("status")]


def _int_or_none(value: str) -> int | None:
    return int(value) if value.strip() else None


def read_rows(path: str | os.PathLike[str]) -> Iterator[Row]:
    """The rows of a previous output (for ``--resume``), one at a time."""
    fmt = output_format(path)
    if fmt == "parquet":
        pq = require("pyarrow.parquet", "parquet", "reading batch results from Parquet")
        for batch in pq.ParquetFile(path).iter_batches(batch_size=PARQUET_BATCH):
            yield from batch.to_pylist()
        return
    with open(path, encoding="utf-8", newline="") as handle:
        if fmt == "jsonl":
            for number, line in enumerate(iter(lambda: handle.readline(MAX_LINE), ""), 1):
                if not line.strip():
                    continue
                row = json.loads(line)
                if not isinstance(row, dict) or "path" not in row:
                    raise ValueError(f"{os.fspath(path)}, line {number}: not a batch result row")
                yield row
        else:
            csv.field_size_limit(MAX_DOCUMENT_BYTES)
            for row in csv.DictReader(handle):
                yield {
                    k: (_int_or_none(v) if k in INTEGER_FIELDS else (v or None))
                    for k, v in row.items()
                }
