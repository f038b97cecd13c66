"""The options every subcommand shares, defined once: ``-o/--output``, ``--fail-on``, ``--verbose``.

Each help text says it in Chinese and in English (``中文 / English``); renamed options stay as
hidden aliases that still work and print a deprecation note on stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from gi_report.errors import GIReportError
from gi_report.findings import Severity


class UsageError(GIReportError, ValueError):
    """Options that do not go together, or an output the command cannot write as asked."""


FAIL_ON = ("error", "warning", "info", "never")
"""The values of ``--fail-on``: exit 1 if anything reported is at or above that severity."""

HELP = "显示本帮助并退出 / show this help and exit"


def add_command(subparsers: Any, name: str, *, help: str, description: str) -> Any:
    """A subcommand's parser whose own ``-h/--help`` is described in both languages."""
    parser = subparsers.add_parser(name, help=help, description=description, add_help=False)
    parser.add_argument("-h", "--help", action="help", help=HELP)
    return parser


class DeprecatedAlias(argparse.Action):
    """An old spelling of an option: stores like the new one and says on stderr what replaces it."""

    def __init__(self, option_strings: Sequence[str], dest: str, *, replacement: str,
                 **kwargs: Any) -> None:
        self.replacement = replacement
        super().__init__(option_strings, dest, help=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        print(f"gi-report: {option_string} is deprecated; use {self.replacement} "
              f"({option_string} 已弃用，请改用 {self.replacement})", file=sys.stderr)
        setattr(namespace, self.dest, values)


def add_output(parser: argparse.ArgumentParser, help: str, *, old: Iterable[str] = (),
               default: str | None = None) -> None:
    """``-o/--output OUT`` (``-`` or absent: standard output), and ``old`` spellings as aliases
    (a command that needs OUT checks it is there: argparse would not count an alias)."""
    parser.add_argument("-o", "--output", metavar="OUT", dest="output", default=default,
                        help=help)
    for spelling in old:
        parser.add_argument(spelling, dest="output", metavar="OUT", action=DeprecatedAlias,
                            replacement="-o/--output")


def add_fail_on(parser: argparse.ArgumentParser, *, default: str = "error",
                what: str = "a notice or finding") -> None:
    """``--fail-on {error,warning,info,never}``: one meaning in every command."""
    parser.add_argument(
        "--fail-on", choices=FAIL_ON, default=default,
        help=f"有此级别或更严重的问题时退出码为 1（默认 {default}）/ exit 1 when {what} has "
        f"this severity or a higher one (default: {default})")


def add_verbose(parser: argparse.ArgumentParser) -> None:
    """``-v/--verbose``: list every problem of an unreadable input instead of the first few."""
    parser.add_argument(
        "-v", "--verbose", action="store_true",
        help="列出无法读取的输入的全部问题 / list every problem of an unreadable input")


def fails(severities: Iterable[Severity | str], fail_on: str) -> bool:
    """Whether anything of ``severities`` is at or above ``fail_on`` (never, for ``never``)."""
    if fail_on == "never":
        return False
    floor = Severity.parse(fail_on).rank
    return any(Severity.parse(s).rank >= floor for s in severities)
