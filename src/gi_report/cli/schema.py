"""``gi-report schema``: print (or write) the published JSON Schema, or one template's XSD."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from gi_report.cli import EXIT_OK
from gi_report.fileio import write_atomic
from gi_report.form import TEMPLATES
from gi_report.schema import schema_text
from gi_report.xsd import xsd_documents, xsd_filename


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of the gi-report JSON form (or an XSD of the XML form)",
        description="Print the JSON Schema (Draft 2020-12) of the gi-report JSON form, or with "
        "--xsd the XML Schema of one template's XML form. Both are the files shipped with the "
        "package, identical to the published ones under schemas/.",
    )
    parser.add_argument(
        "--xsd", metavar="TEMPLATE", choices=sorted(TEMPLATES),
        help="print the XSD of this template's XML form instead "
        f"({' or '.join(sorted(TEMPLATES))})",
    )
    parser.add_argument(
        "-o", "--out", metavar="FILE", help="write the schema to FILE (atomically) instead"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not args.xsd:
        text = schema_text()
        if args.out:
            write_atomic(args.out, text.encode("utf-8"))
        else:
            print(text, end="")
        return EXIT_OK
    data = xsd_documents()[xsd_filename(args.xsd)]
    if args.out:
        write_atomic(args.out, data)
        return EXIT_OK
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (e.g. redirected to a StringIO)
        sys.stdout.write(data.decode("utf-8"))
    else:  # the bytes as published, whatever the locale's encoding
        sys.stdout.flush()
        buffer.write(data)
    return EXIT_OK
