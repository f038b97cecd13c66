"""Batch results as JSON Lines, CSV or Parquet (chosen by the file's extension), streamed.

Rows are written to a temporary file beside the output as they come and the temporary file
replaces the output in one rename when the run ends (also when it is interrupted), so the output is
always either the previous complete file or the new complete one. The file is written by
:class:`gi_report.fileio.AtomicFile`, as every file gi-report writes (mode from the umask, fsync).
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
from gi_report.batch.process import INTEGER_FIELDS, RESULT_FIELDS, Row
from gi_report.errors import UnsupportedFormatError
from gi_report.fileio import MAX_DOCUMENT_BYTES, AtomicFile

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
    """Streams result rows into a temporary file; :meth:`commit` puts it in place atomically."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.format = output_format(path)
        if self.format == "parquet":
            self._pq = require("pyarrow.parquet", "parquet", "writing batch results as Parquet")
            self._schema = _arrow_schema()
        self._file = AtomicFile(self.path)
        self._binary = self._file.handle
        self._text: io.TextIOWrapper | None = None
        self._csv: Any = None
        self._parquet: Any = None
        self._buffer: list[Row] = []
        self._finished = False
        self.count = 0
        try:
            if self.format in ("jsonl", "csv"):
                self._text = io.TextIOWrapper(self._binary, encoding="utf-8", newline="")
            if self.format == "csv" and self._text is not None:
                self._csv = csv.DictWriter(self._text, fieldnames=RESULT_FIELDS,
                                           lineterminator="\n")
                self._csv.writeheader()
            if self.format == "parquet":
                self._parquet = self._pq.ParquetWriter(self._binary, self._schema)
        except BaseException:
            self._file.discard()
            raise

    def write(self, row: Row) -> None:
        """Add one result row (columns :data:`RESULT_FIELDS`)."""
        clean = {name: row.get(name) for name in RESULT_FIELDS}
        self.count += 1
        if self.format == "jsonl":
            assert self._text is not None
            self._text.write(json.dumps(clean, ensure_ascii=False) + "\n")
        elif self.format == "csv":
            self._csv.writerow({k: "" if v is None else v for k, v in clean.items()})
        else:
            self._buffer.append(clean)
            if len(self._buffer) >= PARQUET_BATCH:
                self._flush_parquet()

    def _flush_parquet(self) -> None:
        if self._buffer:
            pa = require("pyarrow", "parquet", "writing batch results as Parquet")
            self._parquet.write_table(pa.Table.from_pylist(self._buffer, schema=self._schema))
            self._buffer = []

    def _finish(self) -> None:
        """Write what is buffered (the Parquet footer, the text layer) into the file, once."""
        if self._finished:
            return
        self._finished = True
        if self.format == "parquet":
            self._flush_parquet()
            self._parquet.close()
        elif self._text is not None:
            self._text.flush()
            self._text.detach()  # the AtomicFile owns the binary file and closes it

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
