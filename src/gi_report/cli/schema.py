"""``gi-report schema``: print (or write) the published JSON Schema, or one template's XSD."""

from __future__ import annotations

import argparse
from typing import Any

from gi_report.cli import EXIT_OK
from gi_report.cli.options import add_command, add_output
from gi_report.cli.outputs import emit
from gi_report.form import TEMPLATES
from gi_report.schema import schema_text
from gi_report.xsd import xsd_documents, xsd_filename


def register(subparsers: Any) -> None:
    """Add the ``schema`` subcommand."""
    parser = add_command(
        subparsers, "schema",
        help="输出 JSON 格式的 JSON Schema（或 XML 格式的 XSD）/ print the JSON Schema of the "
        "gi-report JSON form (or an XSD of the XML form)",
        description="Print the JSON Schema (Draft 2020-12) of the gi-report JSON form, or with "
        "--xsd the XML Schema of one template's XML form. Both are the files shipped with the "
        "package, identical to the published ones under schemas/.",
    )
    parser.add_argument(
        "--xsd", metavar="TEMPLATE", choices=sorted(TEMPLATES),
        help="改为输出该版式 XML 格式的 XSD / print the XSD of this template's XML form "
        f"instead ({' or '.join(sorted(TEMPLATES))})",
    )
    add_output(parser, "把模式写入文件（原子写入）/ write the schema to this file (atomically) "
               "instead of stdout", old=("--out",))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print (or write) the schema."""
    if not args.xsd:
        emit(args.output, schema_text().encode("utf-8"))
    else:  # the bytes as published, whatever the locale's encoding
        emit(args.output, xsd_documents()[xsd_filename(args.xsd)])
    return EXIT_OK
