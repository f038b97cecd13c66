"""``gi-report schema``: print (or write) the published JSON Schema."""

from __future__ import annotations

import argparse
from typing import Any

from gi_report.cli import EXIT_OK
from gi_report.fileio import write_atomic
from gi_report.schema import schema_text


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of the gi-report JSON form",
        description="Print the JSON Schema (Draft 2020-12) of the gi-report JSON form.",
    )
    parser.add_argument(
        "-o", "--out", metavar="FILE", help="write the schema to FILE (atomically) instead"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    text = schema_text()
    if args.out:
        write_atomic(args.out, text.encode("utf-8"))
    else:
        print(text, end="")
    return EXIT_OK
