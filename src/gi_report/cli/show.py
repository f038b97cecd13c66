"""``gi-report show FILE…``: print a report's tables as the official form lays them out."""

from __future__ import annotations

import argparse
from typing import Any

from gi_report.cli import EXIT_OK, EXIT_USAGE
from gi_report.cli._common import failed
from gi_report.cli.inputs import REPORT_SUFFIXES, expand, reports
from gi_report.cli.options import add_command, add_output, add_verbose
from gi_report.cli.outputs import emit, to_stdout
from gi_report.errors import GIReportError
from gi_report.render.text import render_report


def register(subparsers: Any) -> None:
    """Add the ``show`` subcommand."""
    parser = add_command(
        subparsers, "show",
        help="按官方格式显示报告的表格 / print a report's tables as the official form lays "
        "them out",
        description="Print the fixed tables (sections 二, 三, 四) of gi-report JSON or XML "
        "documents: files, JSON Lines, directories, or - for stdin (one document or JSON "
        "Lines, as `gi-report import` writes them). Exit 0: every document shown; 2: one could "
        "not be read.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="gi-report JSON/XML 文档、JSON Lines、目录或 -（标准输入）/ "
                        "gi-report JSON or XML documents, JSON Lines, directories, or - for stdin")
    add_output(parser, "把表格写入文件（默认标准输出）/ write the tables to this file "
               "(default: stdout)")
    add_verbose(parser)
    parser.set_defaults(run=run)


def _tables(name: str, verbose: bool, out: list[str]) -> bool:
    """Render every report a name stands for into ``out``; ``False`` if one could not be read."""
    try:
        for _, report in reports(name):
            out.append(render_report(report))
    except (GIReportError, OSError) as exc:
        failed(name, exc, verbose=verbose)
        return False
    return True


def run(args: argparse.Namespace) -> int:
    """Show every report; return the exit code."""
    code = EXIT_OK
    out: list[str] = []
    for name in expand(args.files, REPORT_SUFFIXES):
        if not _tables(name, args.verbose, out):
            code = EXIT_USAGE
        if to_stdout(args.output):
            for text in out:
                print(text)
            out.clear()
    if not to_stdout(args.output):
        emit(args.output, "".join(f"{text}\n" for text in out).encode("utf-8"))
    return code
