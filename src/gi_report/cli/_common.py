"""Helpers shared by the subcommands: reading reports and reporting errors on stderr."""

from __future__ import annotations

import sys

from gi_report.cli.inputs import STDIN, STDIN_NAME
from gi_report.cli.messages import describe, flagged
from gi_report.codec.json import load
from gi_report.codec.xml import load_xml
from gi_report.errors import GIReportError
from gi_report.findings import Severity
from gi_report.model import Report

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


def read_report(path: str) -> Report | None:
    """The report stored at ``path`` (JSON, or XML for a ``.xml`` file), or ``None`` after
    printing why it cannot be read."""
    try:
        if path.lower().endswith(".xml"):
            return load_xml(path)
        return load(path)
    except OSError as exc:
        error(f"{path}: {exc.strerror or exc}")
    except GIReportError as exc:
        error(str(exc))
    return None
