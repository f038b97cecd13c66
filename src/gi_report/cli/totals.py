"""``gi-report totals FILE…``: the reports' tables summed cell by cell, with their coverage."""

from __future__ import annotations

import argparse
import io
import json
import os
from pathlib import Path
from typing import Any

from gi_report.cli import EXIT_OK, EXIT_USAGE
from gi_report.cli._common import error, failed
from gi_report.cli.inputs import (
    PUBLISHED_SUFFIXES,
    REPORT_SUFFIXES,
    STDIN,
    STDIN_NAME,
    decode_report,
    expand,
    import_document,
    is_report,
    read_stdin,
    reports,
    stream_documents,
)
from gi_report.cli.options import add_command, add_output, add_verbose
from gi_report.cli.outputs import emit
from gi_report.errors import GIReportError
from gi_report.form import TEMPLATES
from gi_report.importers.api import read_document
from gi_report.model import Report


def register(subparsers: Any) -> None:
    """Add the ``totals`` subcommand."""
    parser = add_command(
        subparsers, "totals",
        help="逐格汇总多份报告（上级单位汇总）并显示覆盖情况 / sum reports cell by cell and "
        "show the coverage",
        description="Sum the fixed tables (and the 信息处理费 figures) of the given reports cell "
        "by cell and print them as the official form lays them out, followed by the coverage: "
        "which reports left which cells blank. A blank cell in any report leaves the sum blank "
        "unless --blank-as-zero. Reads gi-report JSON, JSON Lines and XML, and every document "
        "kind the importers read; directories stand for the files under them, - for stdin. An "
        "unreadable file stops the command: a total is never silently missing a report.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="报告文件、目录或 -（标准输入）/ report files, directories, or - for "
                        "stdin")
    add_output(parser, "把汇总写入文件（默认标准输出）/ write the totals to this file "
               "(default: stdout)")
    parser.add_argument("--blank-as-zero", action="store_true",
                        help="空白单元格按 0 计 / count a blank cell as 0 (coverage still "
                        "lists it)")
    parser.add_argument("--harmonise", action="store_true",
                        help="先把不同版式的报告转换过来 / carry reports on another template "
                        "over before summing")
    parser.add_argument("--template", choices=sorted(TEMPLATES), default=None,
                        help="汇总所用的版式 / layout of the totals (default: the reports' own)")
    parser.add_argument("--agency", default=None,
                        help="上级单位名称 / name of the parent unit")
    parser.add_argument("--year", type=int, default=None,
                        help="汇总的年度 / report year of the totals (needed when the reports' "
                        "years differ)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="文本表格（默认）或 JSON / text tables (default) or JSON "
                        "{report, coverage}")
    add_verbose(parser)
    parser.set_defaults(run=run)


def load_any(path: str) -> Report:
    """A report from a gi-report JSON or XML file, or any document kind the importers read."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in (".json", ".xml"):
        return decode_report(Path(path), path)
    return import_document(path, None).report


def load_all(name: str) -> list[Report]:
    """Every report an input name stands for: gi-report documents (also JSON Lines, and on
    standard input) or a published report imported."""
    if name == STDIN:
        data = read_stdin()
        if not is_report(data):
            return [read_document(data, warn=False).report]
        return [decode_report(d, s) for s, d in stream_documents(io.BytesIO(data), STDIN_NAME)]
    if name.lower().endswith(".jsonl"):
        return [report for _, report in reports(name)]
    return [load_any(name)]


def _read(names: list[str], verbose: bool) -> list[Report] | None:
    """Every report, or ``None`` after saying on stderr which could not be read."""
    loaded: list[Report] = []
    bad = False
    for name in names:
        try:
            loaded.extend(load_all(name))
        except (GIReportError, OSError) as exc:
            failed(name, exc, verbose=verbose)
            bad = True
    if bad:
        error("no totals: every report must be readable")
        return None
    return loaded


def run(args: argparse.Namespace) -> int:
    """Sum the reports and print (or write) the totals and their coverage."""
    from gi_report.analysis import sum_reports
    from gi_report.codec.json import to_dict
    from gi_report.render.text import render_report

    loaded = _read(expand(args.files, (*REPORT_SUFFIXES, *PUBLISHED_SUFFIXES)), args.verbose)
    if loaded is None:
        return EXIT_USAGE
    try:
        result = sum_reports(
            loaded, blank_as_zero=args.blank_as_zero, template=args.template,
            harmonise=args.harmonise, agency=args.agency, year=args.year,
        )
    except GIReportError as exc:
        error(str(exc))
        return EXIT_USAGE
    if args.format == "json":
        document = {"report": to_dict(result.report), "coverage": result.coverage.to_dict()}
        text = json.dumps(document, ensure_ascii=False, indent=2)
    else:
        children = "\n".join(
            f"  #{c.index} {c.agency} {c.year} (template {c.template}"
            f"{', harmonised' if c.harmonised else ''})"
            for c in result.coverage.children
        )
        text = f"{render_report(result.report)}\nreports:\n{children}\n{result.coverage.summary()}"
    emit(args.output, f"{text}\n".encode())
    return EXIT_OK
