"""``gi-report check FILE…``: import a published report, check it, and print what staff need.

For each document: the three fixed tables with the official labels (blank cells print as 空,
never as 0), the import notices (what was inferred, matched loosely, split or left blank, and
where), and — when the validators are installed — the findings of every rule of the form
(勾稽关系, completeness, text against tables). ``--format json`` prints one JSON object per
document instead: ``{"report", "import", "validation"}``. ``--html OUT.html`` also writes the
check page of the (one) document: its tables with every cell a finding or notice names
highlighted, and the list of findings beside them.

Exit 0: no notice or finding at or above ``--fail-on`` (default ``error``); 1: some; 2: a
document could not be read.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import Any

from gi_report.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from gi_report.cli._common import SEVERITY_NAMES, error, failed
from gi_report.cli.importing import describe_notice, place
from gi_report.cli.inputs import PUBLISHED_SUFFIXES, STDIN, STDIN_NAME, expand, import_document
from gi_report.cli.options import add_command, add_fail_on, add_output, add_verbose, fails
from gi_report.cli.outputs import emit, to_stdout
from gi_report.codec.json import to_dict
from gi_report.errors import GIReportError
from gi_report.fileio import write_atomic
from gi_report.findings import Severity
from gi_report.importers.api import KINDS
from gi_report.importers.blanks import blank_cells
from gi_report.importers.result import ImportResult, Notice
from gi_report.render.check_page import render_check_page
from gi_report.render.text import render_report
from gi_report.validation import ValidationReport, validate

SHOWN_PER_CODE = 5
"""Notices or findings of one code listed in full before the rest are counted."""


def register(subparsers: Any) -> None:
    """Add the ``check`` subcommand."""
    parser = add_command(
        subparsers, "check",
        help="导入、核查已发布的年报并显示表格、导入说明和核查结果 / import a published report, "
        "check it, print its tables, notices and findings",
        description="Import 政府信息公开工作年度报告 as published (HTML, text, Markdown, DOCX, "
        "PDF), check them against the form's rules, and print the tables with the official "
        "labels, the import notices and the findings. Exit 0: nothing at or above --fail-on; "
        "1: something; 2: a document could not be read.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="要核查的文件、目录或 -（标准输入）/ documents to check, "
                        "directories, or - for stdin")
    add_output(parser, "把结果写入文件（默认标准输出）/ write the output to this file "
               "(default: stdout)")
    parser.add_argument("--kind", choices=KINDS,
                        help="文档类型（默认按内容和扩展名判断）/ document kind (default: told "
                        "from the content and extension)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text：供人阅读（默认）；json：每个文档一行 / text for people "
                        "(default), json: one object per document")
    add_fail_on(parser)
    parser.add_argument("--all", action="store_true", dest="everything",
                        help="列出全部导入说明和核查结果（含提示）/ list every notice and "
                        "finding, including info, none collapsed")
    parser.add_argument("--blank-as-zero", action="store_true",
                        help="空白单元格按 0 计 / let the rules count blank cells as 0")
    parser.add_argument("--html", metavar="OUT", dest="html",
                        help="另写核查页（仅一个文件）/ also write the check page of the document "
                        "(one FILE only): a self-contained HTML file with each finding shown on "
                        "its cells")
    add_verbose(parser)
    parser.set_defaults(run=run)


def _write_check_page(path: str, name: str, result: ImportResult,
                      validation: ValidationReport, everything: bool) -> bool:
    """Write the check page of one document atomically; ``False`` after printing why not."""
    floor = Severity.INFO if everything else Severity.WARNING
    findings = [f for f in validation.findings if everything or f.severity.value != "info"]
    page = render_check_page(result.report, findings=findings,
                             notices=result.at_least(floor), source=name)
    try:
        write_atomic(path, page.encode("utf-8"))
    except OSError as exc:
        error(f"{path}: {exc.strerror or exc}")
        return False
    return True


def _grouped(items: Sequence[Any], code_of: Any, everything: bool) -> list[tuple[Any, int]]:
    """Items in order, each code listed at most SHOWN_PER_CODE times: (item, how many hidden)."""
    out: list[tuple[Any, int]] = []
    seen: dict[str, int] = {}
    totals: dict[str, int] = {}
    for item in items:
        totals[code_of(item)] = totals.get(code_of(item), 0) + 1
    for item in items:
        code = code_of(item)
        seen[code] = seen.get(code, 0) + 1
        if everything or seen[code] <= SHOWN_PER_CODE:
            hidden = 0
            if not everything and seen[code] == SHOWN_PER_CODE:
                hidden = totals[code] - SHOWN_PER_CODE
            out.append((item, hidden))
    return out


def _notice_lines(result: ImportResult, everything: bool) -> list[str]:
    floor = Severity.INFO if everything else Severity.WARNING
    shown: list[Notice] = list(result.at_least(floor))
    lines = [f"导入说明（{len(shown)} 条" + ("" if everything else "，不含提示；--all 显示全部")
             + "）："]
    for n, hidden in _grouped(shown, lambda n: n.code, everything):
        lines.append("  " + describe_notice(n))
        if hidden:
            lines.append(f"  …… 另有 {hidden} 条 {n.code}")
    if not shown:
        lines.append("  （无）")
    return lines


def _finding_lines(validation: ValidationReport, everything: bool) -> list[str]:
    findings = [f for f in validation.findings
                if everything or f.severity is not Severity.INFO]
    counts = validation.counts
    lines = [f"核查结果：错误 {counts['error']} 条，警告 {counts['warning']} 条，提示 "
             f"{counts['info']} 条" + ("" if everything else "（不含提示；--all 显示全部）")]
    for f, hidden in _grouped(findings, lambda f: f.code, everything):
        where = f.pointer or "(全文)"
        if f.source is not None and place(f.source):
            where += f"；原文 {place(f.source)}"
        mark = "" if f.status == "failed" else "（无法核对）"
        lines.append(f"  [{SEVERITY_NAMES[f.severity]}] {f.code}{mark}: {f.message_zh}"
                     f"（{where}）")
        if hidden:
            lines.append(f"  …… 另有 {hidden} 条 {f.code}")
    return lines


LISTED_CELLS = 8
"""Blank cells listed by pointer under one reason before the rest are counted."""


def _blank_lines(result: ImportResult) -> list[str]:
    """Every blank cell with the notice that says why, grouped by that notice."""
    blanks = blank_cells(result)
    if not blanks:
        return []
    groups: dict[int, tuple[Notice | None, list[str]]] = {}
    for cell in blanks:
        groups.setdefault(id(cell.notice), (cell.notice, []))[1].append(cell.pointer)
    lines = [f"空白单元格（{len(blanks)} 个）及原因："]
    for n, pointers in groups.values():
        shown = "、".join(pointers[:LISTED_CELLS])
        more = f" 等 {len(pointers)} 个" if len(pointers) > LISTED_CELLS else ""
        reason = (describe_notice(n) if n is not None
                  else "[错误] cell.unexplained: 导入时没有说明为何留空")
        lines.append(f"  {shown}{more}")
        lines.append(f"    ← {reason}")
    return lines


def _check_one(name: str, args: argparse.Namespace, out: list[str]) -> int:
    """Import and check one document, print (or keep in ``out``) what it says; the exit code."""
    try:
        result = import_document(name, args.kind)
    except (GIReportError, OSError) as exc:
        failed(name, exc, verbose=args.verbose)
        return EXIT_USAGE
    shown = STDIN_NAME if name == STDIN else name
    validation = validate(result.report, blank_as_zero=args.blank_as_zero,
                          locations=result.locations, source=shown)
    if args.html and not _write_check_page(args.html, shown, result, validation,
                                           args.everything):
        return EXIT_USAGE
    lines = (_json_lines(shown, result, validation) if args.format == "json"
             else _text_lines(shown, result, validation, args.everything))
    if to_stdout(args.output):
        for line in lines:
            print(line)
    else:
        out.extend(lines)
    severities = [n.severity for n in result.notices] + [f.severity for f in validation.findings]
    return EXIT_FINDINGS if fails(severities, args.fail_on) else EXIT_OK


def run(args: argparse.Namespace) -> int:
    """Check every document; return the exit code."""
    names = expand(args.files, PUBLISHED_SUFFIXES)
    if args.html and len(names) != 1:
        error("--html writes the check page of one document: give exactly one FILE")
        return EXIT_USAGE
    codes = set()
    out: list[str] = []
    for name in names:
        code = _check_one(name, args, out)
        if code == EXIT_USAGE and args.html:
            return code
        codes.add(code)
    if not to_stdout(args.output):
        emit(args.output, "".join(f"{line}\n" for line in out).encode("utf-8"))
    return EXIT_USAGE if EXIT_USAGE in codes else max(codes, default=EXIT_OK)


def _json_lines(name: str, result: ImportResult, validation: ValidationReport) -> list[str]:
    """One document's report, import notices and findings as one JSON line."""
    return [json.dumps({
        "file": name,
        "report": to_dict(result.report),
        "import": result.to_dict(),
        "validation": validation.to_dict(),
        "blank_cells": [{"pointer": b.pointer, "code": b.code,
                         "message": b.notice.message if b.notice else None}
                        for b in blank_cells(result)],
    }, ensure_ascii=False)]


def _text_lines(name: str, result: ImportResult, validation: ValidationReport,
                everything: bool) -> list[str]:
    """One document's tables as the form lays them out, then its notices and findings."""
    report = result.report
    meta = report.metadata
    heading = (f"== {name}（{result.kind}" + (f"，{result.encoding}" if result.encoding else "")
               + f"）：{meta.agency or '（机关名称不详）'} {meta.year} 年度，"
               f"按 {report.template} 年版格式")
    lines = [heading, render_report(report), *_notice_lines(result, everything),
             *_finding_lines(validation, everything), *_blank_lines(result)]
    undetermined = result.undetermined_cells
    if undetermined:
        lines.append(f"注意：{len(undetermined)} 个单元格无法从文档中确定，已留空（见上方“"
                     f"{SEVERITY_NAMES[Severity.ERROR]}”说明）")
    lines.append("")
    return lines
