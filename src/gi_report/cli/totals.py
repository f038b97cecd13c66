"""``gi-report totals FILE…``: the reports' tables summed cell by cell, with their coverage."""

from __future__ import annotations

import argparse
import json
import os
from typing import Any

from gi_report.cli import EXIT_OK, EXIT_USAGE
from gi_report.cli._common import error
from gi_report.form import TEMPLATES
from gi_report.model import Report


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "totals",
        help="sum reports cell by cell (a parent unit's 汇总) and show the coverage",
        description="Sum the fixed tables (and the 信息处理费 figures) of the given reports cell "
        "by cell and print them as the official form lays them out, followed by the coverage: "
        "which reports left which cells blank. A blank cell in any report leaves the sum blank "
        "unless --blank-as-zero. Reads gi-report JSON and XML and every document kind the "
        "importers read. An unreadable file stops the command: a total is never silently "
        "missing a report.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="report files")
    parser.add_argument("--blank-as-zero", action="store_true",
                        help="count a blank cell as 0 (coverage still lists it)")
    parser.add_argument("--harmonise", action="store_true",
                        help="carry reports on another template over before summing")
    parser.add_argument("--template", choices=sorted(TEMPLATES), default=None,
                        help="layout of the totals (default: the reports' own)")
    parser.add_argument("--agency", default=None, help="name of the parent unit")
    parser.add_argument("--year", type=int, default=None,
                        help="report year of the totals (needed when the reports' years differ)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text tables (default) or JSON {report, coverage}")
    parser.set_defaults(run=run)


def load_any(path: str) -> Report:
    """A report from a gi-report JSON or XML file, or any document kind the importers read."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix == ".json":
        from gi_report.codec.json import load

        return load(path)
    if suffix == ".xml":
        from gi_report.codec.xml import load_xml

        return load_xml(path)
    from gi_report.importers.api import read_document

    report: Report = read_document(path, warn=False).report
    return report


def run(args: argparse.Namespace) -> int:
    from gi_report.analysis import sum_reports
    from gi_report.codec.json import to_dict
    from gi_report.errors import GIReportError
    from gi_report.render.text import render_report

    reports: list[Report] = []
    failed = False
    for path in args.files:
        try:
            reports.append(load_any(path))
        except OSError as exc:
            error(f"{path}: {exc.strerror or exc}")
            failed = True
        except GIReportError as exc:
            error(str(exc) if path in str(exc) else f"{path}: {exc}")
            failed = True
    if failed:
        error("no totals: every report must be readable")
        return EXIT_USAGE
    try:
        result = sum_reports(
            reports, blank_as_zero=args.blank_as_zero, template=args.template,
            harmonise=args.harmonise, agency=args.agency, year=args.year,
        )
    except GIReportError as exc:
        error(str(exc))
        return EXIT_USAGE
    if args.format == "json":
        document = {"report": to_dict(result.report), "coverage": result.coverage.to_dict()}
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(render_report(result.report))
    children = "\n".join(
        f"  #{c.index} {c.agency} {c.year} (template {c.template}"
        f"{', harmonised' if c.harmonised else ''})"
        for c in result.coverage.children
    )
    print(f"reports:\n{children}")
    print(result.coverage.summary())
    return EXIT_OK
