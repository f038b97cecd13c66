"""Where a command's output goes: standard output, or a file written by the one atomic writer.

Two inputs never write the same output file: when inputs written into one directory would get
the same name (``a/r.txt`` and ``b/r.txt`` both as ``r.json``), the command stops before writing
anything, with an error naming both inputs.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path

from gi_report.codec.json import to_json
from gi_report.errors import GIReportError
from gi_report.fileio import write_atomic
from gi_report.model import Report

STDOUT = "-"
"""The output name that stands for standard output (as does giving no ``-o``)."""


class OutputCollisionError(GIReportError, ValueError):
    """Two inputs whose outputs would be written to the same file."""

    def __init__(self, target: Path, first: str, second: str) -> None:
        self.target = target
        self.inputs = (first, second)
        super().__init__(
            f"{target}: {first} and {second} would both be written here; import them into "
            f"different directories, or rename one / 两个输入将写入同一文件")


def json_line(report: Report) -> bytes:
    """A report as one line of JSON Lines (compact JSON and a newline)."""
    return to_json(report, indent=None).rstrip("\n").encode("utf-8") + b"\n"


def to_stdout(output: str | None) -> bool:
    """Whether ``-o`` names standard output (absent, or ``-``)."""
    return output is None or output == STDOUT


def emit(output: str | None, data: bytes) -> None:
    """``data`` to standard output, or atomically to the file ``output``."""
    if not to_stdout(output):
        assert output is not None
        write_atomic(Path(output), data)
        return
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (e.g. redirected to a StringIO)
        sys.stdout.write(data.decode("utf-8"))
        return
    sys.stdout.flush()
    buffer.write(data)
    buffer.flush()


_LINE = re.compile(r"(?P<base>.*):(?P<line>[0-9]+)")


def output_stem(source: str) -> str:
    """The file-name stem of an input's output: ``r`` for ``a/r.txt``, ``stdin`` for ``-``,
    ``r-3`` for line 3 of ``r.jsonl`` (``r.jsonl:3``)."""
    match = _LINE.fullmatch(source)
    base, line = (match["base"], match["line"]) if match else (source, None)
    stem = "stdin" if base in ("-", "<stdin>") else Path(base).stem
    return f"{stem}-{line}" if line else stem


def targets(names: Iterable[str], directory: Path, suffix: str) -> dict[str, Path]:
    """Each input's output file in ``directory`` (``<stem><suffix>``, ``stdin<suffix>`` for
    ``-``); raises :class:`OutputCollisionError` when two inputs would get the same file (names
    compared case-insensitively, as some file systems do)."""
    out: dict[str, Path] = {}
    taken: dict[str, str] = {}
    for name in names:
        stem = output_stem(name)
        target = directory / f"{stem}{suffix}"
        key = target.name.casefold()  # r.json and R.json are one file on macOS and Windows
        if key in taken:
            raise OutputCollisionError(target, taken[key], name)
        taken[key] = name
        out[name] = target
    return out
