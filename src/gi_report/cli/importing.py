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
from gi_report.cli._common import SEVERITY_NAMES, failed
from gi_report.cli.inputs import PUBLISHED_SUFFIXES, STDIN, STDIN_NAME, expand, import_document
from gi_report.cli.options import (
    UsageError,
    add_command,
    add_fail_on,
    add_output,
    add_verbose,
    fails,
)
from gi_report.cli.outputs import emit, json_line, targets, to_stdout
from gi_report.codec.json import to_json
from gi_report.errors import GIReportError
from gi_report.fileio import write_atomic
from gi_report.findings import Location, Severity
from gi_report.importers.api import KINDS
from gi_report.importers.result import ImportResult, Notice
from gi_report.model import Report

LEVEL_NAMES = SEVERITY_NAMES
"""Old name of :data:`gi_report.cli._common.SEVERITY_NAMES`, kept for existing imports."""


def register(subparsers: Any) -> None:
    """Add the ``import`` subcommand."""
    parser = add_command(
        subparsers, "import",
        help="导入已发布的年报（HTML、文本、Markdown、DOCX、PDF）/ import published reports as "
        "gi-report JSON",
        description="Read 政府信息公开工作年度报告 as published (web pages, text dumps, Markdown, "
        "Word, PDF) and write the gi-report JSON (or XML) form. One report goes to stdout as "
        "indented JSON; several as JSON Lines (one report per line; --jsonl for one too). "
        "Notices about what was inferred, matched loosely or left blank go to stderr. Exit 0: "
        "no notice at or above --fail-on; 1: some; 2: a file could not be read.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="要导入的文件、目录或 -（标准输入）/ documents to import, "
                        "directories, or - for stdin")
    add_output(parser, "输出文件（.json、.xml、.jsonl）或目录 / output file (.json, .xml or "
               ".jsonl) or a directory (an existing one, or a name ending in /)")
    parser.add_argument("--kind", choices=KINDS,
                        help="文档类型（默认按内容和扩展名判断）/ document kind (default: told "
                        "from the content and extension)")
    parser.add_argument("--format", choices=("json", "xml"), default=None,
                        help="输出格式（默认 json）/ output form (default json)")
    parser.add_argument("--jsonl", action="store_true",
                        help="输出 JSON Lines，每行一份报告 / write JSON Lines (one report per "
                        "line), also for one report")
    parser.add_argument("--notices", choices=("all", "warning", "error", "none"),
                        default="warning",
                        help="在 stderr 显示哪些导入说明 / which notices to print on stderr")
    parser.add_argument("--notices-out", metavar="FILE",
                        help="把全部导入说明写成 JSON Lines / write every notice, as JSON Lines "
                        "(one line per document)")
    add_fail_on(parser, what="a notice")
    add_verbose(parser)
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


@attrs.frozen
class Plan:
    """Where the imported reports go: ``document`` (one report, to stdout or a file), ``lines``
    (JSON Lines, to stdout or a file) or ``directory`` (one file per input)."""

    mode: str
    output: str | None
    form: str
    files: dict[str, Path] = attrs.field(factory=dict)


def _is_directory(out: str | None) -> bool:
    """Whether ``-o`` names a directory: an existing one, or a name ending in a separator."""
    return out is not None and (os.path.isdir(out) or out.endswith(os.sep))


def _as_lines(args: argparse.Namespace, out: str | None, count: int) -> bool:
    """Whether the reports go out as JSON Lines: ``--jsonl``, several to stdout, or a
    ``.jsonl`` OUT."""
    if out is None:
        return bool(args.jsonl) or count > 1
    return bool(args.jsonl) or out.lower().endswith(".jsonl")


def plan(args: argparse.Namespace, names: list[str]) -> Plan:
    """Decide where each report goes before importing any; raises
    :class:`~gi_report.cli.options.UsageError` or an output collision."""
    out: str | None = None if to_stdout(args.output) else args.output
    if out is not None and _is_directory(out):
        form = args.format or "json"
        return Plan("directory", out, form, targets(names, Path(out), f".{form}"))
    if _as_lines(args, out, len(names)):
        if args.format == "xml":
            raise UsageError("--format xml: JSON Lines hold JSON; give -o DIR for one XML file "
                             "per report / JSON Lines 只能是 JSON")
        return Plan("lines", out, "json")
    if len(names) > 1:
        raise UsageError(f"{out}: several files need -o DIR (an existing directory or a name "
                         "ending in /) or a .jsonl file / 多个文件需要目录或 .jsonl 输出")
    form = "xml" if out is not None and out.lower().endswith(".xml") else args.format or "json"
    return Plan("document", out, form)


def _import(name: str, args: argparse.Namespace) -> ImportResult | None:
    """The import of one input, or ``None`` after saying on stderr why it failed."""
    try:
        return import_document(name, args.kind)
    except (GIReportError, OSError) as exc:
        failed(name, exc, verbose=args.verbose)
        return None


def _write(target: Plan, name: str, report: Report, lines: list[bytes]) -> None:
    """Put one report where the plan says (JSON Lines to a file are collected in ``lines``)."""
    if target.mode == "directory":
        write_atomic(target.files[name], encode(report, target.form))
    elif target.mode == "document":
        emit(target.output, encode(report, target.form))
    elif target.output is None:
        emit(None, json_line(report))
    else:
        lines.append(json_line(report))


def run(args: argparse.Namespace) -> int:
    """Import every file; write the reports; return the exit code."""
    names = expand(args.files, PUBLISHED_SUFFIXES)
    target = plan(args, names)
    if target.mode == "directory" and target.output is not None:
        os.makedirs(target.output, exist_ok=True)
    unreadable = failing = False
    lines: list[bytes] = []
    notices: list[str] = []
    for name in names:
        result = _import(name, args)
        if result is None:
            unreadable = True
            continue
        shown = STDIN_NAME if name == STDIN else name
        print_notices(result, args.notices, shown)
        if args.notices_out:
            notices.append(json.dumps({"file": shown, **result.to_dict()}, ensure_ascii=False))
        failing = failing or fails((n.severity for n in result.notices), args.fail_on)
        _write(target, name, result.report, lines)
    if target.mode == "lines" and target.output is not None and lines:
        write_atomic(Path(target.output), b"".join(lines))
    if args.notices_out:
        write_atomic(Path(args.notices_out), ("\n".join(notices) + "\n").encode("utf-8"))
    return EXIT_USAGE if unreadable else EXIT_FINDINGS if failing else EXIT_OK
