"""``gi-report convert IN OUT``: convert a report between its JSON and XML forms."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from gi_report.cli import EXIT_OK, EXIT_USAGE
from gi_report.cli._common import error
from gi_report.codec.json import from_json, to_json
from gi_report.codec.xml import from_xml, to_xml
from gi_report.errors import GIReportError
from gi_report.fileio import MAX_DOCUMENT_BYTES, check_size, read_limited, write_atomic
from gi_report.model import Report

FORMATS = ("json", "xml")
"""The document forms ``convert`` reads and writes."""

STDIO = "-"


def register(subparsers: Any) -> None:
    """Add ``convert`` to the command line's subcommands."""
    parser = subparsers.add_parser(
        "convert",
        help="convert a report between its JSON and XML forms",
        description="Read a gi-report document (JSON or XML) and write it in the other form "
        "(or the same form, normalised). The formats come from the file extensions (.json, "
        ".xml) unless --from/--to say otherwise; an input without a known extension is "
        "recognised by its first character. Use - for stdin or stdout. The output file is "
        "replaced atomically, and only once the input has been read and checked.",
    )
    parser.add_argument("input", metavar="IN", help="a gi-report JSON or XML document, or -")
    parser.add_argument("output", metavar="OUT", help="where to write the result, or -")
    parser.add_argument("--to", choices=FORMATS, help="output format (default: OUT's extension)")
    parser.add_argument("--from", dest="source_format", choices=FORMATS,
                        help="input format (default: IN's extension, else its first character)")
    parser.add_argument("--compact", action="store_true",
                        help="no indentation (JSON on one line, XML without pretty-printing)")
    parser.set_defaults(run=run)


def format_of(path: str) -> str | None:
    """The format a file name's extension names (``json`` or ``xml``), or ``None``."""
    extension = os.path.splitext(path)[1].lower().lstrip(".")
    return extension if extension in FORMATS else None


def sniff(data: bytes) -> str | None:
    """The format of a document from its first non-blank character: ``{`` JSON, ``<`` XML."""
    head = data.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")[:1]
    return {b"{": "json", b"<": "xml"}.get(head)


def _read(path: str) -> bytes:
    if path == STDIO:
        data = sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1)
        check_size("<stdin>", data, MAX_DOCUMENT_BYTES)
        return data
    return read_limited(path)


def _decode(data: bytes, form: str, source: str) -> Report:
    if form == "xml":
        return from_xml(data, source=source)
    return from_json(data, source=source)


def _encode(report: Report, form: str, compact: bool) -> bytes:
    if form == "xml":
        return to_xml(report, pretty=not compact)
    return to_json(report, indent=None if compact else 2).encode("utf-8")


def run(args: argparse.Namespace) -> int:
    """Convert IN to OUT; returns the exit code (0, or 2 for unreadable input or usage)."""
    target = args.to or (None if args.output == STDIO else format_of(args.output))
    if target is None:
        error(f"{args.output}: cannot tell the output format from the name; "
              "use --to json or --to xml")
        return EXIT_USAGE
    source = "<stdin>" if args.input == STDIO else args.input
    try:
        data = _read(args.input)
    except OSError as exc:
        error(f"{source}: {exc.strerror or exc}")
        return EXIT_USAGE
    except GIReportError as exc:
        error(str(exc))
        return EXIT_USAGE
    form = args.source_format or (None if args.input == STDIO else format_of(args.input))
    form = form or sniff(data)
    if form is None:
        error(f"{source}: neither JSON nor XML (expected '{{' or '<' first); use --from")
        return EXIT_USAGE
    try:
        report = _decode(data, form, source)
    except GIReportError as exc:
        error(str(exc))
        return EXIT_USAGE
    output = _encode(report, target, args.compact)
    try:
        if args.output == STDIO:
            sys.stdout.buffer.write(output)
        else:
            write_atomic(args.output, output)
    except OSError as exc:
        error(f"{args.output}: {exc.strerror or exc}")
        return EXIT_USAGE
    return EXIT_OK
