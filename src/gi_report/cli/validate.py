"""``gi-report validate FILE…``: check reports against every rule of the form.

Files may be JSON or XML documents, JSON Lines (``.jsonl``: one document per line), directories
(searched for ``*.json``, ``*.jsonl`` and ``*.xml``) or ``-`` for standard input. Findings go to
stdout as a readable table (``--format text``) or as JSON Lines, one validation report per
document (``--format json``); diagnostics go to stderr. Exit 0 when no finding reaches
``--fail-on`` (default ``error``), 1 when one does, 2 when a document could not be read.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from gi_report.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from gi_report.cli._common import error
from gi_report.fileio import MAX_DOCUMENT_BYTES
from gi_report.model import Report
from gi_report.render.text import display_width
from gi_report.validation import (
    Severity,
    ValidationReport,
    validate_document,
    validate_series,
)

SUFFIXES = (".json", ".jsonl", ".xml")


def register(subparsers: Any) -> None:
    """Add the ``validate`` subcommand."""
    parser = subparsers.add_parser(
        "validate",
        help="check reports against the form's rules (勾稽关系, completeness, text vs tables)",
        description="Check gi-report JSON/XML documents against every rule of the form. Exit "
        "0: no finding at or above --fail-on; 1: some; 2: a document could not be read.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="JSON, JSON Lines or XML documents, directories, or - for stdin")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text: a readable table (default); json: one JSON report per line")
    parser.add_argument("--fail-on", choices=[s.value for s in Severity], default="error",
                        help="exit 1 when a finding has this severity or a higher one")
    parser.add_argument("--blank-as-zero", action="store_true",
                        help="count blank cells as 0 (blanks are then reported as info)")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh",
                        help="language of the messages in the text output")
    parser.add_argument("--summary", action="store_true",
                        help="text output: one line per rule code instead of every finding")
    parser.add_argument("--series", action="store_true",
                        help="also check consecutive years of each agency (R8, R13, R14)")
    parser.set_defaults(run=run)


# --- inputs --------------------------------------------------------------------------------------


def _expand(names: list[str]) -> Iterator[str]:
    for name in names:
        if name != "-" and os.path.isdir(name):
            found = sorted(
                str(p) for p in Path(name).rglob("*") if p.is_file() and p.suffix in SUFFIXES
            )
            if not found:
                error(f"{name}: no {', '.join(SUFFIXES)} files in this directory")
            yield from found
        else:
            yield name


def _documents(name: str) -> Iterator[tuple[str, Any]]:
    """(source, data) for each document a command-line name stands for."""
    if name == "-":
        data = sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1)
        yield "<stdin>", data
        return
    if not name.endswith(".jsonl"):
        yield name, Path(name)
        return
    try:
        handle = open(name, "rb")  # noqa: SIM115 - closed below, lines streamed
    except OSError:
        yield name, Path(name)  # validate_document reports why it cannot be read
        return
    with handle:
        number = 0
        while True:
            line = handle.readline(MAX_DOCUMENT_BYTES + 1)
            if not line:
                break
            number += 1
            if len(line) > MAX_DOCUMENT_BYTES and not line.endswith(b"\n"):
                while (rest := handle.readline(MAX_DOCUMENT_BYTES)) and not rest.endswith(b"\n"):
                    pass  # skip the rest of an over-long line; its start reports the size
            if line.strip():
                yield f"{name}:{number}", line


# --- output ---------------------------------------------------------------------------------------


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def _table(report: ValidationReport, lang: str) -> list[str]:
    rows = [
        (
            f.severity.value + ("" if f.status.value == "failed" else "*"),
            f.code,
            f.pointer or "(document)",
            f.message_en if lang == "en" else f.message_zh,
        )
        for f in report.findings
    ]
    if not rows:
        return []
    headers = ("severity", "code", "where", "message")
    widths = [max(display_width(r[i]) for r in (headers, *rows)) for i in range(3)]
    lines = []
    for row in (headers, *rows):
        padded = [_pad(cell, width) for cell, width in zip(row[:3], widths, strict=True)]
        lines.append("  ".join([*padded, row[3]]))
    if any(f.status.value != "failed" for f in report.findings):
        lines.append("(* not evaluable: a value the rule needs is blank)")
    return lines


def _heading(report: ValidationReport) -> str:
    counts = report.counts
    verdict = "valid" if report.valid else "NOT VALID"
    who = f" — {report.subject}" if report.subject else ""
    layout = f" (template {report.template})" if report.template else ""
    return (f"== {report.source or '<input>'}{who}{layout}: {verdict} — {counts['error']} "
            f"error(s), {counts['warning']} warning(s), {counts['info']} info")


def _print(report: ValidationReport, args: argparse.Namespace) -> None:
    if args.format == "json":
        print(json.dumps(report.to_dict(), ensure_ascii=False))
        return
    if args.summary:
        print(report.summary(lang=args.lang))
        return
    print(_heading(report))
    for line in _table(report, args.lang):
        print(line)
    print()


# --- the command ----------------------------------------------------------------------------------


def _load(data: Any, source: str) -> Report | None:
    """The report itself, for cross-year checks (``None`` if it does not load)."""
    from gi_report.codec.json import from_json
    from gi_report.errors import GIReportError

    try:
        raw = data.read_bytes() if isinstance(data, Path) else data
        if raw.lstrip()[:1] == b"<":
            from gi_report.codec.xml import from_xml

            return from_xml(raw, source=source)
        return from_json(raw, source=source)
    except (GIReportError, OSError, ValueError, ImportError):
        return None


def run(args: argparse.Namespace) -> int:
    """Validate every document named on the command line; return the exit code."""
    fail_on = Severity.parse(args.fail_on)
    unreadable = failing = False
    loaded: dict[str, list[Report]] = {}
    for name in _expand(args.files):
        for source, data in _documents(name):
            report = validate_document(data, blank_as_zero=args.blank_as_zero, source=source)
            _print(report, args)
            if not report.readable:
                unreadable = True
                error(f"{source}: could not be read")
            elif report.partial:
                error(f"{source}: partial check: {'; '.join(report.partial_reasons)}")
            if report.at_least(fail_on):
                failing = True
            if args.series and report.readable:
                found = _load(data, source)
                if found is not None:
                    loaded.setdefault(found.metadata.agency, []).append(found)
    if args.series:
        for reports in loaded.values():
            if len(reports) < 2:
                continue
            result = validate_series(reports, blank_as_zero=args.blank_as_zero)
            result = _with_source(result, "series")
            _print(result, args)
            if result.at_least(fail_on):
                failing = True
    if unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if failing else EXIT_OK


def _with_source(report: ValidationReport, source: str) -> ValidationReport:
    return attrs.evolve(report, source=source)
