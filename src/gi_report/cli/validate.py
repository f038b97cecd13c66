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
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from gi_report.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from gi_report.cli._common import error
from gi_report.cli.inputs import REPORT_SUFFIXES, Document, decode_report, documents, expand
from gi_report.cli.options import add_command, add_fail_on, add_output, fails
from gi_report.cli.outputs import emit, to_stdout
from gi_report.errors import GIReportError
from gi_report.model import Report
from gi_report.render.text import display_width
from gi_report.validation import (
    ValidationReport,
    validate_document,
    validate_series,
)

SUFFIXES = REPORT_SUFFIXES


def register(subparsers: Any) -> None:
    """Add the ``validate`` subcommand."""
    parser = add_command(
        subparsers, "validate",
        help="按表格规则核查报告（勾稽关系、完整性、正文与表格）/ check reports against the "
        "form's rules",
        description="Check gi-report JSON/XML documents against every rule of the form. Exit "
        "0: no finding at or above --fail-on; 1: some; 2: a document could not be read.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="JSON、JSON Lines 或 XML 文档、目录或 -（标准输入）/ JSON, JSON "
                        "Lines or XML documents, directories, or - for stdin")
    add_output(parser, "把结果写入文件（默认标准输出）/ write the results to this file "
               "(default: stdout)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text：可读表格（默认）；json：每行一份 JSON 结果 / text: a "
                        "readable table (default); json: one JSON report per line")
    add_fail_on(parser, what="a finding")
    parser.add_argument("--blank-as-zero", action="store_true",
                        help="空白单元格按 0 计 / count blank cells as 0 (blanks are then "
                        "reported as info)")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh",
                        help="文本输出的语言 / language of the messages in the text output")
    parser.add_argument("--summary", action="store_true",
                        help="每条规则一行 / text output: one line per rule code instead of "
                        "every finding")
    parser.add_argument("--series", action="store_true",
                        help="同时核查同一机关的相邻年度 / also check consecutive years of each "
                        "agency (R8, R13, R14)")
    parser.set_defaults(run=run)


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


def _print(report: ValidationReport, args: argparse.Namespace, out: list[str]) -> None:
    """One report's findings: printed, or kept in ``out`` when they go to ``-o FILE``."""
    if args.format == "json":
        lines = [json.dumps(report.to_dict(), ensure_ascii=False)]
    elif args.summary:
        lines = [report.summary(lang=args.lang)]
    else:
        lines = [_heading(report), *_table(report, args.lang), ""]
    if to_stdout(args.output):
        for line in lines:
            print(line)
    else:
        out.extend(lines)


# --- the command ----------------------------------------------------------------------------------


def _load(data: Document, source: str) -> Report | None:
    """The report itself, for cross-year checks (``None`` if it does not load)."""
    try:
        return decode_report(data, source)
    except (GIReportError, OSError, ValueError, ImportError):
        return None


def _check(source: str, data: Document, args: argparse.Namespace,
           out: list[str]) -> ValidationReport:
    """Validate one document, print its findings and say on stderr if it was not read whole."""
    report = validate_document(data, blank_as_zero=args.blank_as_zero, source=source)
    _print(report, args, out)
    if not report.readable:
        error(f"{source}: could not be read")
    elif report.partial:
        error(f"{source}: partial check: {'; '.join(report.partial_reasons)}")
    return report


def _series(loaded: dict[str, list[Report]], args: argparse.Namespace, out: list[str]) -> bool:
    """Check consecutive years of each agency; whether a finding reaches ``--fail-on``."""
    failing = False
    for reports in loaded.values():
        if len(reports) < 2:
            continue
        result = _with_source(validate_series(reports, blank_as_zero=args.blank_as_zero),
                              "series")
        _print(result, args, out)
        failing = failing or fails((f.severity for f in result.findings), args.fail_on)
    return failing


def run(args: argparse.Namespace) -> int:
    """Validate every document named on the command line; return the exit code."""
    unreadable = failing = False
    loaded: dict[str, list[Report]] = {}
    out: list[str] = []
    for name in expand(args.files, SUFFIXES):
        for source, data in _named(name):
            report = _check(source, data, args, out)
            unreadable = unreadable or not report.readable
            failing = failing or fails((f.severity for f in report.findings), args.fail_on)
            if args.series and report.readable and (one := _load(data, source)) is not None:
                loaded.setdefault(one.metadata.agency, []).append(one)
    if args.series:
        failing = _series(loaded, args, out) or failing
    if not to_stdout(args.output):
        emit(args.output, "".join(f"{line}\n" for line in out).encode("utf-8"))
    if unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if failing else EXIT_OK


def _named(name: str) -> Iterator[tuple[str, Document]]:
    """The documents a name stands for; a ``.jsonl`` file that cannot be opened is passed on as
    its path, so that its validation report says why."""
    try:
        yield from documents(name)
    except OSError:
        yield name, Path(name)


def _with_source(report: ValidationReport, source: str) -> ValidationReport:
    return attrs.evolve(report, source=source)
