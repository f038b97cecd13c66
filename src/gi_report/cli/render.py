"""``gi-report render IN --to docx|html|markdown|text -o OUT``: write a report for publication.

IN is a gi-report JSON or XML document (``.json``/``.xml``), or a published report (HTML, text,
Markdown, DOCX, PDF) that is imported first. The output kind comes from ``--to``, else from
OUT's extension (``.docx``, ``.html``/``.htm``, ``.md``, ``.txt``). OUT is replaced atomically;
without ``-o`` (or with ``-o -``) the output goes to stdout.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from gi_report.cli import EXIT_OK, EXIT_USAGE
from gi_report.cli._common import error, read_report
from gi_report.errors import GIReportError
from gi_report.fileio import write_atomic
from gi_report.importers.api import read_document
from gi_report.importers.result import Level
from gi_report.model import Report
from gi_report.render.api import RENDER_KINDS, render

EXTENSIONS = {".docx": "docx", ".html": "html", ".htm": "html", ".md": "markdown",
              ".markdown": "markdown", ".txt": "text"}
"""Output kinds told from OUT's extension."""

STDOUT = "-"


def register(subparsers: Any) -> None:
    """Add the ``render`` subcommand."""
    parser = subparsers.add_parser(
        "render",
        help="write a report as the official Word document, an HTML page, Markdown or text",
        description="Render a report (gi-report JSON/XML, or a published document, imported "
        "first) as the official Word template filled in (docx), an HTML page styled like the "
        "form (html; --fragment for a CMS), Markdown or plain text. Blank cells stay blank; "
        "amounts are written as stated.",
    )
    parser.add_argument("input", metavar="IN", help="a gi-report JSON/XML document or a report")
    parser.add_argument("--to", choices=RENDER_KINDS,
                        help="output kind (default: from OUT's extension)")
    parser.add_argument("-o", "--output", metavar="OUT", default=STDOUT,
                        help="where to write (default: stdout)")
    parser.add_argument("--fragment", action="store_true",
                        help="html: an <article> fragment without stylesheet, for a CMS")
    parser.set_defaults(run=run)


def _load(path: str) -> Report | None:
    if os.path.splitext(path)[1].lower() in (".json", ".xml"):
        return read_report(path)
    try:
        result = read_document(path, warn=False)
    except (GIReportError, OSError) as exc:
        error(f"{path}: {exc.strerror if isinstance(exc, OSError) and exc.strerror else exc}")
        return None
    serious = result.at_least(Level.WARNING)
    if serious:
        error(f"{path}: imported with {len(serious)} notices (warnings or errors); "
              "see `gi-report check` for them")
    return result.report


def run(args: argparse.Namespace) -> int:
    """Render IN; returns the exit code (0, or 2 for unreadable input or usage)."""
    kind = args.to or EXTENSIONS.get(os.path.splitext(args.output)[1].lower())
    if kind is None:
        error(f"{args.output}: cannot tell the output kind from the name; use --to "
              + "|".join(RENDER_KINDS))
        return EXIT_USAGE
    report = _load(args.input)
    if report is None:
        return EXIT_USAGE
    output = render(report, to=kind, standalone=not args.fragment)
    data = output if isinstance(output, bytes) else output.encode("utf-8")
    try:
        if args.output == STDOUT:
            sys.stdout.buffer.write(data)
        else:
            write_atomic(args.output, data)
    except OSError as exc:
        error(f"{args.output}: {exc.strerror or exc}")
        return EXIT_USAGE
    return EXIT_OK
