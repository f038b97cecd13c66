"""``gi-report show FILE…``: print a report's tables as the official form lays them out."""

from __future__ import annotations

import argparse
from typing import Any

from gi_report.cli import EXIT_OK, EXIT_USAGE
from gi_report.cli._common import read_report
from gi_report.render.text import render_report


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "show",
        help="print a report's tables as the official form lays them out",
        description="Print the fixed tables (sections 二, 三, 四) of gi-report JSON or XML files.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="gi-report JSON documents (or XML, by the .xml extension)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    code = EXIT_OK
    for path in args.files:
        report = read_report(path)
        if report is None:
            code = EXIT_USAGE
            continue
        print(render_report(report))
    return code
