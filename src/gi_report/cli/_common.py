"""Helpers shared by the subcommands: reading reports and reporting errors on stderr."""

from __future__ import annotations

import sys

from gi_report.cli.inputs import STDIN, STDIN_NAME
from gi_report.cli.messages import describe, flagged
from gi_report.findings import Severity

SEVERITY_NAMES: dict[Severity, str] = {
    Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示",
}
"""How a notice's or a finding's severity is printed for agency staff (the one table)."""


def error(message: str) -> None:
    """Print a diagnostic on stderr, prefixed with the program name, flags for API arguments."""
    print(f"gi-report: {flagged(message)}", file=sys.stderr)


def failed(name: str, exc: BaseException, *, verbose: bool = False) -> None:
    """Say on stderr why the input ``name`` could not be read (its name first, once)."""
    text = describe(exc, verbose=verbose)
    shown = STDIN_NAME if name == STDIN else name
    error(text if text.startswith(shown) else f"{shown}: {text}")
