"""``gi-report schema``: print the published JSON Schema."""

from __future__ import annotations

import argparse
import json
from typing import Any

from gi_report.cli import EXIT_OK
from gi_report.schema import json_schema


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the JSON Schema of the gi-report JSON form",
        description="Print the JSON Schema (Draft 2020-12) of the gi-report JSON form.",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK
