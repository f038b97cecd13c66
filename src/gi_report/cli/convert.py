"""``gi-report convert IN [OUT | -o OUT]``: convert reports between their JSON and XML forms.

IN is a file, a directory (its ``.json``, ``.jsonl`` and ``.xml`` files), a ``.jsonl`` file or
``-`` (standard input: one document or JSON Lines). One report goes to OUT (or stdout); several
go to stdout or a ``.jsonl`` OUT as JSON Lines, or into a directory OUT as one file each.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from gi_report.cli import EXIT_OK, EXIT_USAGE
from gi_report.cli._common import failed
from gi_report.cli.inputs import REPORT_SUFFIXES, Document, documents, expand
from gi_report.cli.options import UsageError, add_command, add_output, add_verbose
from gi_report.cli.outputs import STDOUT, emit, json_line, targets, to_stdout
from gi_report.codec.json import from_json, to_json
from gi_report.codec.xml import from_xml, to_xml
from gi_report.errors import GIReportError
from gi_report.fileio import read_limited, write_atomic
from gi_report.model import Report

FORMATS = ("json", "xml")
"""The document forms ``convert`` reads and writes."""

def register(subparsers: Any) -> None:
    """Add ``convert`` to the command line's subcommands."""
    parser = add_command(
        subparsers, "convert",
        help="在 JSON 与 XML 之间转换 / convert reports between their JSON and XML forms",
        description="Read gi-report documents (JSON, JSON Lines or XML) and write them in the "
        "other form (or the same form, normalised). The formats come from the file extensions "
        "(.json, .xml) unless --from/--to say otherwise; an input without a known extension is "
        "recognised by its first character. Use - for stdin or stdout. Several reports (a "
        "directory, JSON Lines) go out as JSON Lines, or into a directory OUT one file each. "
        "The output is replaced atomically, and only once every input has been read and "
        "checked.",
    )
    parser.add_argument("input", metavar="IN",
                        help="gi-report JSON/XML 文档、JSON Lines、目录或 -（标准输入）/ a "
                        "gi-report JSON or XML document, JSON Lines, a directory, or - for stdin")
    parser.add_argument("out_positional", metavar="OUT", nargs="?", default=None,
                        help="输出位置（同 -o）/ where to write the result (same as -o; "
                        "default: stdout)")
    add_output(parser, "输出文件、目录或 -（标准输出）/ output file, directory, or - for "
               "stdout")
    parser.add_argument("--to", choices=FORMATS,
                        help="输出格式（默认按 OUT 的扩展名）/ output format (default: OUT's "
                        "extension)")
    parser.add_argument("--from", dest="source_format", choices=FORMATS,
                        help="输入格式（默认按扩展名或首字符）/ input format (default: IN's "
                        "extension, else its first character)")
    parser.add_argument("--compact", action="store_true",
                        help="不缩进 / no indentation (JSON on one line, XML without "
                        "pretty-printing)")
    add_verbose(parser)
    parser.set_defaults(run=run)


def format_of(path: str) -> str | None:
    """The format a file name's extension names (``json`` or ``xml``), or ``None``."""
    extension = os.path.splitext(path)[1].lower().lstrip(".")
    return extension if extension in FORMATS else None


def sniff(data: bytes) -> str | None:
    """The format of a document from its first non-blank character: ``{`` JSON, ``<`` XML."""
    head = data.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")[:1]
    return {b"{": "json", b"<": "xml"}.get(head)


def _decode(document: Document, source: str, given: str | None) -> Report:
    """The report in one document; its form from ``--from``, the extension, or the content."""
    if isinstance(document, Path):
        data = read_limited(document)
        form = given or format_of(str(document)) or sniff(data)
    else:
        data, form = document, given or sniff(document)
    if form is None:
        raise UsageError(f"{source}: neither JSON nor XML (expected '{{' or '<' first); "
                         "use --from / 无法判断输入格式")
    return from_xml(data, source=source) if form == "xml" else from_json(data, source=source)


def _encode(report: Report, form: str, compact: bool) -> bytes:
    if form == "xml":
        return to_xml(report, pretty=not compact)
    return to_json(report, indent=None if compact else 2).encode("utf-8")


def _output(args: argparse.Namespace) -> str:
    """OUT, given as the second argument or as ``-o`` (not both); ``-`` for stdout."""
    if args.output is not None and args.out_positional is not None:
        raise UsageError("give OUT either as the second argument or as -o/--output, not both")
    out: str | None = args.output if args.output is not None else args.out_positional
    return STDOUT if out is None else out


def _read_all(args: argparse.Namespace) -> list[tuple[str, Report]] | None:
    """Every report IN stands for, or ``None`` after saying on stderr what could not be read."""
    loaded: list[tuple[str, Report]] = []
    bad = False
    for name in expand([args.input], REPORT_SUFFIXES):
        try:
            for source, document in documents(name):
                try:
                    loaded.append((source, _decode(document, source, args.source_format)))
                except (GIReportError, OSError) as exc:
                    failed(source, exc, verbose=args.verbose)
                    bad = True
        except OSError as exc:
            failed(name, exc)
            bad = True
    return None if bad else loaded


def _is_directory(out: str) -> bool:
    return not to_stdout(out) and (os.path.isdir(out) or out.endswith(os.sep))


def _target_format(args: argparse.Namespace, out: str) -> str:
    """The output form: ``--to``, else OUT's extension; JSON for stdout, JSON Lines and
    directories."""
    if args.to:
        return str(args.to)
    if to_stdout(out) or out.lower().endswith(".jsonl") or _is_directory(out):
        return "json"
    form = format_of(out)
    if form is None:
        raise UsageError(f"{out}: cannot tell the output format from the name; "
                         "use --to json or --to xml")
    return form


def _write(loaded: list[tuple[str, Report]], out: str, form: str, compact: bool) -> None:
    """One report to OUT; several to a directory (a file each) or as JSON Lines."""
    if _is_directory(out):
        files = targets([source for source, _ in loaded], Path(out), f".{form}")
        os.makedirs(out, exist_ok=True)
        for source, report in loaded:
            write_atomic(files[source], _encode(report, form, compact))
        return
    if len(loaded) == 1:
        emit(out, _encode(loaded[0][1], form, compact))
        return
    if form != "json":
        raise UsageError(f"{len(loaded)} reports cannot go into one XML document; give "
                         "-o DIR for one file each / 多份报告请输出到目录")
    emit(out, b"".join(json_line(r) for _, r in loaded))


def run(args: argparse.Namespace) -> int:
    """Convert IN to OUT; returns the exit code (0, or 2 for unreadable input or usage)."""
    out = _output(args)
    form = _target_format(args, out)
    loaded = _read_all(args)
    if loaded is None:
        return EXIT_USAGE
    _write(loaded, out, form, args.compact)
    return EXIT_OK
