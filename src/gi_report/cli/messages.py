"""What reaches the user on stderr: API messages with flags for Python arguments, lists capped.

The library's messages speak to Python callers (``pass harmonise=True``); on the command line
the same advice must name the flag (``--harmonise``). A document with thousands of problems
prints the first :data:`SHOWN_PROBLEMS` and a count unless ``--verbose``.
"""

from __future__ import annotations

import os
import re

from gi_report.errors import DocumentError

FLAGS = {
    "harmonise": "--harmonise", "year": "--year", "template": "--template",
    "agency": "--agency", "blank_as_zero": "--blank-as-zero", "kind": "--kind",
    "to": "--to", "jobs": "--jobs", "resume": "--resume", "out": "-o/--output",
    "standalone": "--fragment", "fail_on": "--fail-on",
}
"""Python keyword arguments of the API and the command-line flag that sets each."""

_ARGUMENT = re.compile(
    r"(?<![\w/\\.-])(?P<name>[a-z_]+)=(?:(?P<value>True|False)\b|(?=['\"]|[\s.,;:)]|$))")
"""``name=True``, ``name=False``, ``name='…'`` or a bare ``name=``, not inside a path or a word
(a file named ``year=2023.json`` keeps its name)."""

SHOWN_PROBLEMS = 10
"""Problems of one unreadable document printed before "… and N more" (``--verbose``: all)."""


def flagged(text: str) -> str:
    """``text`` with every Python keyword argument it names (``year=``) replaced by its flag."""

    def flag(match: re.Match[str]) -> str:
        if match["name"] not in FLAGS:
            return match[0]
        quoted = not match["value"] and match.string[match.end():match.end() + 1] in "'\""
        return FLAGS[match["name"]] + (" " if quoted and match.end() < len(match.string)
                                       else "")

    return _ARGUMENT.sub(flag, text)


def describe(exc: BaseException, *, verbose: bool = False) -> str:
    """An error for stderr: where and what, a document's problems capped unless ``verbose``."""
    if isinstance(exc, OSError) and exc.strerror:
        where = os.fsdecode(exc.filename) if exc.filename is not None else ""
        return f"{where}: {exc.strerror}" if where else exc.strerror
    text = flagged(str(exc))
    if verbose or not isinstance(exc, DocumentError):
        return text
    lines = text.splitlines()
    head, problems = lines[:1], lines[1:]
    if len(problems) <= SHOWN_PROBLEMS and exc.count <= len(problems):
        return text
    hidden = exc.count - min(SHOWN_PROBLEMS, len(problems))
    more = f"  … and {hidden:,} more / 另有 {hidden:,} 条 (--verbose)"
    return "\n".join([*head, *problems[:SHOWN_PROBLEMS], more])
