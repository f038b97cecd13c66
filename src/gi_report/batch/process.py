"""One file of a batch: read it, turn it into a report, validate it, and describe the outcome.

:func:`process_file` never raises for a bad file: every outcome is a result row with a status
(``ok``, ``error`` or ``not_a_report``) and a message. It runs in worker processes, so it returns
plain data and keeps no report once the row is made.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from gi_report.batch.timelimit import TimeLimitExceeded, cpu_time_limit
from gi_report.codec.json import from_dict, parse_json
from gi_report.errors import (
    DocumentError,
    GIReportError,
    UnrecognisedDocumentError,
    UnsupportedKindError,
)
from gi_report.fileio import MAX_DOCUMENT_BYTES, read_limited
from gi_report.model import Report

RESULT_FIELDS: tuple[str, ...] = (
    "path", "status", "kind", "template", "agency", "year", "findings_error",
    "findings_warning", "findings_info", "notices", "sha256", "size", "message",
)
"""The columns of a batch result row, in order."""

INTEGER_FIELDS: frozenset[str] = frozenset(
    {"year", "findings_error", "findings_warning", "findings_info", "notices", "size"}
)
"""Result columns holding whole numbers (or nothing)."""

STATUSES: tuple[str, ...] = ("ok", "error", "not_a_report")
"""The statuses a result row can have."""

MAX_MESSAGE = 500
"""Characters of an error message kept in a result row."""

if TYPE_CHECKING:
    from gi_report.validation.report import ValidationReport

Row = dict[str, Any]


def validator() -> Callable[[Report], ValidationReport]:
    """``gi_report.validate`` (imported on first use, once per worker)."""
    from gi_report.validation import validate

    return validate


def document_reader() -> Callable[..., Any]:
    """``gi_report.read_document`` (imported on first use, once per worker)."""
    from gi_report.importers.api import read_document

    return read_document


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


def _document_message(error: DocumentError) -> str:
    problems = error.problems
    shown = "; ".join(str(p) for p in problems[:3])
    more = f" (+{len(problems) - 3} more)" if len(problems) > 3 else ""
    return f"{len(problems)} problem(s): {shown}{more}"


class NotAReport(Exception):
    """Internal: the file is readable but is not an annual report (status ``not_a_report``)."""


def _from_json(data: bytes, path: str) -> Report:
    document = parse_json(data, source=path)
    if not isinstance(document, Mapping) or not (
        "format_version" in document or ("template" in document and "metadata" in document)
    ):
        raise NotAReport(
            "JSON without format_version (or template and metadata): not a gi-report document"
        )
    return from_dict(document, source=path)


def _from_xml(data: bytes, path: str) -> Report:
    from lxml import etree

    from gi_report.codec import xml
    from gi_report.xsd import ROOT

    root = xml.parse_tree(data, source=path)
    name = etree.QName(root)
    if name.localname != ROOT or not (name.namespace or "").startswith("urn:gi-report:"):
        raise NotAReport(f"XML whose root is <{name.localname}>: not a gi-report document")
    report: Report = xml.from_xml(data, source=path)
    return report


def _from_document(path: str, kind: str, row: Row) -> Report:
    """A published document through the importers; their notices are counted in ``row``."""
    result = document_reader()(path, warn=False)  # the notices are counted, not printed
    row["notices"] = len(result.notices)
    report: Report = result.report
    return report


def _read(path: str, limit: int, row: Row) -> bytes | Row:
    """The bytes of ``path`` (its hash and size put in ``row``), or the row saying why not."""
    try:
        data = read_limited(path, limit)
    except OSError as error:
        message = f"cannot read: {error.strerror or error}"
        return {**row, "status": "error", "message": _short(message)}
    except GIReportError as error:
        return {**row, "status": "error", "message": _short(str(error))}
    row["sha256"] = hashlib.sha256(data).hexdigest()
    row["size"] = len(data)
    return data


def _report(path: str, kind: str | None, data: bytes | None, row: Row) -> Report | Row:
    """The report in ``data`` (gi-report JSON or XML) or, when ``data`` is ``None``, in the
    published document at ``path``; or the row saying why there is none (never raises)."""
    try:
        if data is None:
            return _from_document(path, kind or "", row)
        return _from_json(data, path) if kind == "json" else _from_xml(data, path)
    except NotAReport as reason:
        return {**row, "status": "not_a_report", "message": _short(str(reason))}
    except (UnrecognisedDocumentError, UnsupportedKindError) as error:
        return {**row, "status": "not_a_report", "message": _short(str(error))}
    except DocumentError as error:
        return {**row, "status": "error", "message": _short(_document_message(error))}
    except GIReportError as error:
        return {**row, "status": "error", "message": _short(str(error))}
    except Exception as error:  # a bug or a library failure: record it, keep going
        return {**row, "status": "error",
                "message": _short(f"unexpected {type(error).__name__}: {error}")}


def _new_row(path: str) -> Row:
    """A row of ``path`` with every field blank but the path and the kind (its extension)."""
    row: Row = dict.fromkeys(RESULT_FIELDS)
    row["path"] = path
    row["kind"] = os.path.splitext(path)[1].lower().lstrip(".") or None
    return row


def process_file(path: str, *, limit: int = MAX_DOCUMENT_BYTES,
                 time_limit: float | None = None) -> Row:
    """The result row of one file (never raises for a bad file). ``time_limit``: seconds of CPU
    time the file may take (see :mod:`gi_report.batch.timelimit`); past it the row has status
    ``error`` and says so, and the next file starts afresh."""
    try:
        with cpu_time_limit(time_limit):
            return _process(path, limit)
    except TimeLimitExceeded as exceeded:
        row = _new_row(path)
        row.update(status="error", message=f"gave up after {exceeded.seconds:g} s of CPU time "
                   "(the time limit per file, batch --time-limit); not read to the end")
        return row


def _process(path: str, limit: int) -> Row:
    row = _new_row(path)
    kind = row["kind"]
    read = _read(path, limit, row)
    if isinstance(read, dict):
        return read
    # the importers read the file themselves: its bytes are not held meanwhile
    data, read = (read if kind in ("json", "xml") else None), b""
    report = _report(path, kind, data, row)
    del data
    if isinstance(report, dict):
        return report
    meta = report.metadata
    row.update(status="ok", template=report.template, agency=meta.agency, year=meta.year)
    try:
        counts = validator()(report).counts
    except Exception as error:  # the report is read; say why it was not validated
        row["message"] = _short(f"not validated: {type(error).__name__}: {error}")
    else:
        row.update({f"findings_{k}": v for k, v in counts.items()})
    return row


def process_task(task: tuple[str, str | None], time_limit: float | None = None) -> Row:
    """A pool task: ``(path, previous sha256)``; an unchanged file returns a row marked reused,
    any other the row of :func:`process_file` under ``time_limit``."""
    path, previous = task
    if previous is not None:
        try:
            data = read_limited(path)
        except (OSError, GIReportError):
            data = None
        if data is not None and hashlib.sha256(data).hexdigest() == previous:
            return {"path": path, "_reused": True}
    return process_file(path, time_limit=time_limit)
