"""The ``gi-report`` command: one module per subcommand, each with ``register(subparsers)``.

Data goes to stdout, diagnostics to stderr. Exit codes: 0 success (and, for checks, no errors),
1 findings at or above the failure level, 2 usage errors or unreadable input.
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
from collections.abc import Sequence

from gi_report import __version__
from gi_report.errors import GIReportError, OutputPathError

SUBCOMMANDS: tuple[str, ...] = (
    "show", "schema", "batch", "totals", "validate", "convert", "importing", "check",
    "render",
)
"""Modules of :mod:`gi_report.cli` that define a subcommand, in the order ``--help`` lists them."""

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    from gi_report.cli.options import HELP

    parser = argparse.ArgumentParser(
        prog="gi-report", add_help=False,
        description="China's Government Information Disclosure Annual Reports "
        "(政府信息公开工作年度报告) as typed, validated data. `gi-report COMMAND -h` for a "
        "command's options; docs/cli.md for all of them.",
    )
    parser.add_argument("-h", "--help", action="help", help=HELP)
    parser.add_argument("--version", action="version", version=f"gi-report {__version__}",
                        help="显示版本号并退出 / show the version and exit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True,
                                       title="命令 / commands")
    for name in SUBCOMMANDS:
        module = importlib.import_module(f"gi_report.cli.{name}")
        module.register(subparsers)
    return parser


def one_line(exc: BaseException) -> str:
    """An error as one line: its first line, the first problem it lists and how many more, with
    the flag for any Python argument it names."""
    from gi_report.cli.messages import flagged

    return flagged(_one_line(exc))


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        where = exc.filename if exc.filename is not None else ""
        return f"{os.fsdecode(where)}: {exc.strerror}" if where != "" else exc.strerror
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    if not lines:
        return type(exc).__name__
    text = lines[0]
    if len(lines) > 1:
        text = f"{text.rstrip(':')}: {lines[1]}"
    if len(lines) > 2:
        text = f"{text} (and {len(lines) - 2} more)"
    return text


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
    except (GIReportError, OSError) as exc:
        # Whatever a subcommand did not report itself (an unwritable -o path, a bad input met
        # late): one line on stderr and exit 2, never a traceback.
        print(f"gi-report: {one_line(exc)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        return EXIT_OK
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
