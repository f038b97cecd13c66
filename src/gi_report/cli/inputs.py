"""What an input name on the command line stands for: ``-``, a directory, a file, JSON Lines.

``-`` is standard input; a directory stands for the files under it that the command reads
(sorted; an error if there are none). gi-report documents on standard input or in a ``.jsonl``
file may be JSON Lines (one report per line, as ``gi-report import a b`` writes them) or one
JSON or XML document: the input is JSON Lines when its first non-blank line is a whole JSON value
by itself. Documents are handed on as bytes or :class:`~pathlib.Path` objects, never as a ``str``
the API could take for text.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from gi_report.errors import GIReportError
from gi_report.fileio import MAX_DOCUMENT_BYTES, check_size, read_limited
from gi_report.importers.api import EXTENSIONS
from gi_report.importers.result import ImportResult
from gi_report.model import Report
from gi_report.xsd import NAMESPACE_BASE

STDIN = "-"
"""The input name that stands for standard input."""

STDIN_NAME = "<stdin>"
"""How standard input is named in messages and ``source`` fields."""

REPORT_SUFFIXES = (".json", ".jsonl", ".xml")
"""Files a directory stands for when a command reads gi-report documents."""

PUBLISHED_SUFFIXES = tuple(EXTENSIONS)
"""Files a directory stands for when a command imports published reports."""

Document = bytes | Path
"""One document to read: its bytes (standard input, a JSON Lines line) or its file."""


class InputError(GIReportError, ValueError):
    """A command-line input that names nothing the command can read (an empty directory, ``-``
    twice)."""

    def __init__(self, name: str, expected: str) -> None:
        self.name = name
        self.expected = expected
        super().__init__(f"{name}: expected {expected}")


def expand(names: Iterable[str], suffixes: Iterable[str]) -> list[str]:
    """The inputs ``names`` stand for: each directory replaced by its files with one of
    ``suffixes`` (sorted, searched recursively), ``-`` and files kept as they are."""
    wanted = tuple(suffixes)
    out: list[str] = []
    for name in names:
        if name == STDIN or not os.path.isdir(name):
            out.append(name)
            continue
        found = sorted(str(p) for p in Path(name).rglob("*")
                       if p.suffix.lower() in wanted and p.is_file())
        if not found:
            raise InputError(name, f"a directory holding {', '.join(wanted)} files")
        out.extend(found)
    if out.count(STDIN) > 1:
        raise InputError(STDIN, "standard input named once (it can be read only once)")
    return out


def read_stdin(limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """All of standard input, refused (:class:`~gi_report.errors.InputTooLargeError`) over
    ``limit`` bytes."""
    data: bytes = sys.stdin.buffer.read(limit + 1)
    check_size(STDIN_NAME, data, limit)
    return data


def _is_json_value(line: bytes) -> bool:
    try:
        json.loads(line)
    except ValueError:  # also UnicodeDecodeError
        return False
    return True


def _lines(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """(line number, line) of a stream, each line read up to the size limit: the start of an
    over-long line is kept (it reports the size), the rest skipped."""
    number = 0
    while line := stream.readline(MAX_DOCUMENT_BYTES + 1):
        number += 1
        if len(line) > MAX_DOCUMENT_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(MAX_DOCUMENT_BYTES)) and not rest.endswith(b"\n"):
                pass
        yield number, line


def stream_documents(stream: BinaryIO, name: str) -> Iterator[tuple[str, bytes]]:
    """(source, bytes) of each document in ``stream``: one per line of JSON Lines (named
    ``name:LINE``, or ``name`` when there is one), else the whole stream as one document."""
    lines = _lines(stream)
    head: list[bytes] = []
    first: tuple[int, bytes] | None = None
    for number, line in lines:
        head.append(line)
        if line.strip():
            first = (number, line)
            break
    if first is None or not _is_json_value(first[1].strip()):
        data = b"".join(head) + stream.read(MAX_DOCUMENT_BYTES + 1 - sum(map(len, head)))
        check_size(name, data, MAX_DOCUMENT_BYTES)
        yield name, data
        return
    pending = first
    for number, line in lines:
        if line.strip():
            yield f"{name}:{pending[0]}", pending[1]
            pending = (number, line)
    alone = pending is first
    yield (name if alone else f"{name}:{pending[0]}"), pending[1]


def documents(name: str) -> Iterator[tuple[str, Document]]:
    """(source, document) for each gi-report document an input name stands for."""
    if name == STDIN:
        yield from stream_documents(sys.stdin.buffer, STDIN_NAME)
        return
    if not name.lower().endswith(".jsonl"):
        yield name, Path(name)
        return
    with open(name, "rb") as handle:
        for number, line in _lines(handle):
            if line.strip():
                yield f"{name}:{number}", line


def import_document(name: str, kind: str | None) -> ImportResult:
    """A published report imported from a file or (``-``) standard input, notices kept quiet
    (the command prints them). Raises ``GIReportError`` or ``OSError``."""
    from gi_report.importers.api import MAX_IMPORT_BYTES, read_document

    if name == STDIN:
        return read_document(read_stdin(MAX_IMPORT_BYTES), kind=kind, warn=False)
    return read_document(Path(name), kind=kind, warn=False)


def is_report(data: bytes) -> bool:
    """Whether bytes are a gi-report document (JSON, or XML in a gi-report namespace) rather
    than a published report to import."""
    head = data.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    if head[:1] in (b"{", b"["):
        return True
    return head[:1] == b"<" and NAMESPACE_BASE.encode() in head[:4096]


def decode_report(document: Document, source: str) -> Report:
    """The report a document holds: XML by the ``.xml`` extension or a leading ``<``, else
    JSON. Raises :class:`~gi_report.errors.DocumentError` or ``OSError``."""
    from gi_report.codec.json import from_json
    from gi_report.codec.xml import from_xml

    if isinstance(document, Path):
        data = read_limited(document)
        xml = document.suffix.lower() == ".xml"
    else:
        data = document
        xml = data.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"<"
    return from_xml(data, source=source) if xml else from_json(data, source=source)


def reports(name: str) -> Iterator[tuple[str, Report]]:
    """(source, report) for each gi-report document an input name stands for."""
    for source, document in documents(name):
        yield source, decode_report(document, source)
