"""The ``gi-report`` command: one module per subcommand, each with ``register(subparsers)``.

Data goes to stdout, diagnostics to stderr. Exit codes: 0 success (and, for checks, no errors),
1 findings at or above the failure level, 2 usage errors or unreadable input.
"""

from __future__ import annotations

import argparse
import importlib
import signal
import sys
from collections.abc import Sequence

from gi_report import __version__
from gi_report.errors import OutputPathError

SUBCOMMANDS: tuple[str, ...] = (
    "show", "schema", "batch", "totals", "validate", "convert", "importing", "check",
    "render",
)
"""Modules of :mod:`gi_report.cli` that define a subcommand, in the order ``--help`` lists them."""

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gi-report",
        description="China's Government Information Disclosure Annual Reports "
        "(政府信息公开工作年度报告) as typed, validated data.",
    )
    parser.add_argument("--version", action="version", version=f"gi-report {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in SUBCOMMANDS:
        module = importlib.import_module(f"gi_report.cli.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except OutputPathError as exc:  # any subcommand's output file: say where, no traceback
        print(f"gi-report: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as Unix tools do.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        return EXIT_OK
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        return EXIT_OK
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
