"""``gi-report render IN --to docx|html|markdown|text -o OUT``: write a report for publication.

IN is a gi-report JSON or XML document (``.json``/``.xml``, or JSON Lines), a published report
(HTML, text, Markdown, DOCX, PDF) that is imported first, or ``-`` for standard input (either of
these). The output kind comes from ``--to``, else from OUT's extension (``.docx``,
``.html``/``.htm``, ``.md``, ``.txt``). OUT is replaced atomically; without ``-o`` (or with
``-o -``) the output goes to stdout. Several reports (JSON Lines) go into a directory OUT, one
file each, or, as text or Markdown, one after the other.
"""

from __future__ import annotations

import argparse
import io
import os
from pathlib import Path
from typing import Any

from gi_report.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from gi_report.cli._common import error, failed
from gi_report.cli.inputs import (
    STDIN,
    STDIN_NAME,
    decode_report,
    import_document,
    is_report,
    read_stdin,
    reports,
    stream_documents,
)
from gi_report.cli.options import (
    UsageError,
    add_command,
    add_fail_on,
    add_output,
    add_verbose,
    fails,
)
from gi_report.cli.outputs import STDOUT, emit, targets, to_stdout
from gi_report.errors import GIReportError
from gi_report.fileio import write_atomic
from gi_report.findings import Severity
from gi_report.importers.api import read_document
from gi_report.importers.result import ImportResult, Level
from gi_report.model import Report
from gi_report.render.api import RENDER_KINDS, render

EXTENSIONS = {".docx": "docx", ".html": "html", ".htm": "html", ".md": "markdown",
              ".markdown": "markdown", ".txt": "text"}
"""Output kinds told from OUT's extension."""

SUFFIXES = {"docx": ".docx", "html": ".html", "markdown": ".md", "text": ".txt"}
"""The file extension of each output kind, for one file per report in a directory OUT."""

JOINABLE = ("markdown", "text")
"""Output kinds whose documents can follow one another in one output."""


def register(subparsers: Any) -> None:
    """Add the ``render`` subcommand."""
    parser = add_command(
        subparsers, "render",
        help="把报告写成官方 Word 文档、HTML、Markdown 或文本 / write a report as the official "
        "Word document, an HTML page, Markdown or text",
        description="Render a report (gi-report JSON/XML or JSON Lines, or a published "
        "document, imported first; - for stdin) as the official Word template filled in "
        "(docx), an HTML page styled like the form (html; --fragment for a CMS), Markdown or "
        "plain text. Blank cells stay blank; amounts are written as stated.",
    )
    parser.add_argument("input", metavar="IN",
                        help="gi-report JSON/XML 文档、已发布的报告或 -（标准输入）/ a gi-report "
                        "JSON/XML document, a published report, or - for stdin")
    parser.add_argument("--to", choices=RENDER_KINDS,
                        help="输出类型（默认按 OUT 的扩展名）/ output kind (default: from OUT's "
                        "extension)")
    add_output(parser, "输出文件、目录或 -（默认标准输出）/ where to write: a file, a "
               "directory, or - (default: stdout)", default=STDOUT)
    parser.add_argument("--fragment", action="store_true",
                        help="html：不含样式表的片段，供网站内容管理系统使用 / html: an <article> "
                        "fragment without stylesheet, for a CMS")
    add_fail_on(parser, default="never", what="an import notice")
    add_verbose(parser)
    parser.set_defaults(run=run)


def _kind(args: argparse.Namespace) -> str:
    kind = args.to or EXTENSIONS.get(os.path.splitext(args.output)[1].lower())
    if kind is None and _is_directory(args.output):
        raise UsageError(f"{args.output}: a directory; say the output kind with --to "
                         + "|".join(RENDER_KINDS))
    if kind is None:
        raise UsageError(f"{args.output}: cannot tell the output kind from the name; use --to "
                         + "|".join(RENDER_KINDS))
    return str(kind)


def _is_directory(out: str) -> bool:
    return not to_stdout(out) and (os.path.isdir(out) or out.endswith(os.sep))


Loaded = tuple[list[tuple[str, Report]], list[Severity]]
"""(source, report) for every report read, and the severities of the import notices."""


def _imported(result: ImportResult, name: str) -> Loaded:
    serious = result.at_least(Level.WARNING)
    if serious:
        error(f"{name}: imported with {len(serious)} notices (warnings or errors); "
              "see `gi-report check` for them")
    return [(name, result.report)], [n.severity for n in result.notices]


def _load(name: str) -> Loaded:
    """Every report the input ``name`` stands for; raises on unreadable input."""
    if name == STDIN:
        data = read_stdin()
        if not is_report(data):
            return _imported(read_document(data, warn=False), STDIN_NAME)
        return [(s, decode_report(d, s))
                for s, d in stream_documents(io.BytesIO(data), STDIN_NAME)], []
    if os.path.splitext(name)[1].lower() in (".json", ".xml", ".jsonl"):
        return list(reports(name)), []
    return _imported(import_document(name, None), name)


def _bytes(report: Report, kind: str, fragment: bool) -> bytes:
    output = render(report, to=kind, standalone=not fragment)
    return output if isinstance(output, bytes) else output.encode("utf-8")


def _write(loaded: list[tuple[str, Report]], kind: str, args: argparse.Namespace) -> None:
    """One report to OUT; several into a directory OUT, or one after the other (text, Markdown)."""
    if _is_directory(args.output):
        files = targets([s for s, _ in loaded], Path(args.output), SUFFIXES[kind])
        os.makedirs(args.output, exist_ok=True)
        for source, report in loaded:
            write_atomic(files[source], _bytes(report, kind, args.fragment))
        return
    if len(loaded) > 1 and kind not in JOINABLE:
        raise UsageError(f"{len(loaded)} reports cannot go into one {kind} document; give -o "
                         "DIR for one file each / 多份报告请输出到目录")
    emit(args.output, b"\n".join(_bytes(r, kind, args.fragment) for _, r in loaded))


def run(args: argparse.Namespace) -> int:
    """Render IN; returns the exit code (0; 1 for import notices at or above --fail-on; 2 for
    unreadable input or usage)."""
    kind = _kind(args)
    try:
        loaded, severities = _load(args.input)
    except (GIReportError, OSError) as exc:
        failed(args.input, exc, verbose=args.verbose)
        return EXIT_USAGE
    _write(loaded, kind, args)
    return EXIT_FINDINGS if fails(severities, args.fail_on) else EXIT_OK
