"""``gi-report import FILE… [-o OUT]``: published reports (HTML, text, Markdown, DOCX, PDF) → JSON.

One file goes to standard output as indented JSON (or to ``-o OUT``: JSON, or XML when ``OUT``
ends in ``.xml``); several files go to standard output as JSON Lines, one report per line, or
into the directory ``-o DIR`` as ``<name>.json`` (``--format xml``: ``<name>.xml``). The import
notices go to standard error (``--notices``), or as JSON Lines to ``--notices-out FILE``.
Exit 0: imported with no notice at or above ``--fail-on`` (default ``error``: a cell or section
that could not be read); 1: some; 2: a file could not be read or the usage is wrong.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

import attrs

from gi_report.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from gi_report.cli._common import SEVERITY_NAMES, error
from gi_report.codec.json import to_dict, to_json
from gi_report.errors import GIReportError
from gi_report.fileio import write_atomic
from gi_report.findings import Location, Severity
from gi_report.importers.api import KINDS, read_document
from gi_report.importers.result import ImportResult, Notice
from gi_report.model import Report

LEVEL_NAMES = SEVERITY_NAMES
"""Old name of :data:`gi_report.cli._common.SEVERITY_NAMES`, kept for existing imports."""


def register(subparsers: Any) -> None:
    """Add the ``import`` subcommand."""
    parser = subparsers.add_parser(
        "import",
        help="import published reports (HTML, text, Markdown, DOCX, PDF) as gi-report JSON",
        description="Read 政府信息公开工作年度报告 as published (web pages, text dumps, Markdown, "
        "Word, PDF) and write the gi-report JSON (or XML) form. Notices about what was inferred, "
        "matched loosely or left blank go to stderr. Exit 0: no notice at or above --fail-on; "
        "1: some; 2: a file could not be read.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="documents to import")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="output file (.json, .xml or .jsonl) or an existing directory")
    parser.add_argument("--kind", choices=KINDS,
                        help="document kind (default: told from the content and extension)")
    parser.add_argument("--format", choices=("json", "xml"), default=None,
                        help="output form when writing into a directory (default json)")
    parser.add_argument("--notices", choices=("all", "warning", "error", "none"),
                        default="warning", help="which notices to print on stderr")
    parser.add_argument("--notices-out", metavar="FILE",
                        help="write every notice, as JSON Lines (one line per document)")
    parser.add_argument("--fail-on", choices=("error", "warning", "never"), default="error",
                        help="exit 1 when a notice has this level or a higher one")
    parser.set_defaults(run=run)


def encode(report: Report, form: str, *, indent: int | None = 2) -> bytes:
    """The report in the JSON or XML form."""
    if form == "xml":
        from gi_report.codec.xml import to_xml

        return to_xml(report)
    return to_json(report, indent=indent).encode("utf-8")


def print_notices(result: ImportResult, floor: str, name: str) -> None:
    """The notices at or above ``floor`` on stderr, one per line."""
    if floor == "none":
        return
    level = Severity.INFO if floor == "all" else Severity.parse(floor)
    for n in result.at_least(level):
        print(f"{name}: {describe_notice(n)}", file=sys.stderr)


def place(location: Location) -> str:
    """Where in the document, without the file name (empty if unknown)."""
    if location.file is None and str(location) == "(unknown location)":
        return ""
    text = str(attrs.evolve(location, file=None))
    return "" if text == "(unknown location)" else text


def describe_notice(n: Notice) -> str:
    """A notice as one line for agency staff: level in Chinese, code, message, place."""
    where = place(n.location)
    suffix = f"（{where}）" if where else ""
    return f"[{SEVERITY_NAMES[n.severity]}] {n.code}: {n.message}{suffix}"


def _form_for(path: str, default: str | None) -> str:
    if path.endswith(".xml"):
        return "xml"
    return default or "json"


def run(args: argparse.Namespace) -> int:
    """Import every file; write the reports; return the exit code."""
    out: str | None = args.output
    directory = out is not None and (os.path.isdir(out) or out.endswith(os.sep))
    if out and not directory and len(args.files) > 1 and not out.endswith(".jsonl"):
        error(f"{out}: several files need an existing directory or a .jsonl file for -o")
        return EXIT_USAGE
    if directory and out is not None:
        os.makedirs(out, exist_ok=True)
    code = EXIT_OK
    lines: list[str] = []
    notices: list[str] = []
    for name in args.files:
        try:
            result = read_document(name, kind=args.kind, warn=False)
        except (GIReportError, OSError) as exc:
            error(f"{name}: {exc.strerror if isinstance(exc, OSError) and exc.strerror else exc}")
            code = EXIT_USAGE
            continue
        print_notices(result, args.notices, name)
        if args.notices_out:
            notices.append(json.dumps({"file": name, **result.to_dict()}, ensure_ascii=False))
        if args.fail_on != "never" and result.at_least(args.fail_on) and code == EXIT_OK:
            code = EXIT_FINDINGS
        report = result.report
        if directory and out is not None:
            form = args.format or "json"
            target = Path(out) / f"{Path(name).stem}.{form}"
            write_atomic(target, encode(report, form))
        elif out and out.endswith(".jsonl"):
            lines.append(json.dumps(to_dict(report), ensure_ascii=False))
        elif out:
            write_atomic(out, encode(report, _form_for(out, args.format)))
        elif len(args.files) == 1:
            sys.stdout.write(encode(report, args.format or "json").decode("utf-8"))
        else:
            print(json.dumps(to_dict(report), ensure_ascii=False))
    if out and out.endswith(".jsonl") and lines:
        write_atomic(out, ("\n".join(lines) + "\n").encode("utf-8"))
    if args.notices_out:
        write_atomic(args.notices_out, ("\n".join(notices) + "\n").encode("utf-8"))
    return code
