"""``gi-report batch PATHS… --out FILE``: one result row per file, for thousands of files."""

from __future__ import annotations

import argparse
import signal
import sys
from typing import TYPE_CHECKING, Any

from gi_report.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from gi_report.cli._common import error
from gi_report.cli.inputs import STDIN, read_stdin
from gi_report.cli.options import UsageError, add_command, add_fail_on, add_output, fails

if TYPE_CHECKING:
    from gi_report.batch.runner import BatchSummary

_LEVELS = ("error", "warning", "info")
_MAX_TIME_LIMIT = 1e6
"""More seconds than the timer takes on every system; also refuses ``inf`` and ``nan``."""


def register(subparsers: Any) -> None:
    """Add the ``batch`` subcommand."""
    parser = add_command(
        subparsers, "batch",
        help="读取、核查并汇总大量报告文件，写入一个结果文件 / read, validate and summarise many "
        "report files into one results file",
        description="Process every file the PATHS name (files, directories, glob patterns) — "
        "gi-report JSON and XML, and every document kind the importers read — and write one "
        "result row per file (path, status ok/error/not_a_report, template, agency, year, "
        "findings by severity, SHA-256, message) to OUT as JSON Lines (.jsonl), CSV (.csv) or "
        "Parquet (.parquet). A bad file never stops the run; an entry that cannot be read (a "
        "dangling link, a FIFO, a PATH matching nothing) gets a row saying why; OUT is "
        "replaced atomically, and left as it was when the PATHS name nothing. PATH - reads "
        "more PATHS from standard input, one per line (e.g. from find).",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="文件、目录（递归查找）、通配模式，或 -（从标准输入读取路径，"
                        "每行一个）/ files, directories (searched recursively), glob patterns, "
                        "or - to read paths from stdin, one per line")
    add_output(parser, "结果文件（必需）：.jsonl、.csv 或 .parquet / results file (required): "
               ".jsonl, .csv or .parquet", old=("--out",))
    parser.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                        help="工作进程数（默认为可用核数）/ worker processes (default: the "
                        "available cores)")
    parser.add_argument("--resume", action="store_true",
                        help="跳过内容未变的已处理文件 / skip files whose row in OUT (or in the "
                        "temporary file of a killed run) has the same content hash")
    parser.add_argument("--time-limit", type=float, default=None, metavar="SECONDS",
                        help="每个文件最多可用的 CPU 秒数，超过则记为 error（默认 120；0 为不限）"
                        " / seconds of CPU time one file may take before its row says error "
                        "(default 120; 0: no limit)")
    progress = parser.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_true", default=None,
                          help="在 stderr 显示进度条 / show a progress bar on stderr (default: "
                          "when stderr is a tty)")
    progress.add_argument("--no-progress", dest="progress", action="store_false",
                          help="不显示进度条 / no progress bar")
    add_fail_on(parser, default="never",
                what="a file has status error, or a finding")
    parser.set_defaults(run=run)


def _paths(paths: list[str]) -> list[str]:
    """The PATHS, with ``-`` replaced by the paths read from standard input (one per line)."""
    out: list[str] = []
    for path in paths:
        if path != STDIN:
            out.append(path)
            continue
        text = read_stdin().decode("utf-8", errors="surrogateescape")
        out.extend(line.rstrip("\r") for line in text.split("\n") if line.strip())
    return out


def _time_limit(seconds: float | None) -> float | None:
    """The time limit per file ``run_batch`` takes: the default when none is given, ``None``
    (no limit) for 0."""
    from gi_report.batch.timelimit import DEFAULT_TIME_LIMIT

    if seconds is None:
        return DEFAULT_TIME_LIMIT
    return seconds or None


def _stop(signum: int, frame: Any) -> None:
    """SIGTERM: stop like Ctrl-C, so that the rows done so far are written."""
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    from gi_report.batch import run_batch
    from gi_report.errors import GIReportError

    if args.output is None:
        raise UsageError("-o/--output is required: the results file (.jsonl, .csv or .parquet)")
    if args.jobs is not None and args.jobs < 1:
        error("--jobs must be at least 1")
        return EXIT_USAGE
    if args.time_limit is not None and not 0 <= args.time_limit < _MAX_TIME_LIMIT:
        error("--time-limit must be 0 (no limit) or a number of seconds below 1000000")
        return EXIT_USAGE
    show = sys.stderr.isatty() if args.progress is None else args.progress
    previous = signal.signal(signal.SIGTERM, _stop)  # finish the output as on Ctrl-C
    try:
        summary = run_batch(_paths(args.paths), args.output, jobs=args.jobs, resume=args.resume,
                            progress=show, time_limit=_time_limit(args.time_limit))
    except (GIReportError, OSError, ValueError) as exc:
        error(str(exc) if args.output in str(exc) else f"{args.output}: {exc}")
        return EXIT_USAGE
    finally:
        signal.signal(signal.SIGTERM, previous)
    return _exit_code(summary, args)


def _exit_code(summary: BatchSummary, args: argparse.Namespace) -> int:
    """Report what the run did on standard error and say how the command ends."""
    for path in summary.unmatched:
        error(f"{path}: no such file, directory or match")
    if summary.files == 0 and not summary.interrupted:
        error(f"nothing to process; {args.output} left as it was")
        return EXIT_USAGE
    print(f"gi-report batch: {summary.text()}", file=sys.stderr)
    if summary.interrupted:
        return 130
    if args.fail_on == "never":
        return EXIT_OK
    if summary.statuses.get("error"):
        return EXIT_FINDINGS
    found = [level for level in _LEVELS if summary.findings[level]]
    return EXIT_FINDINGS if fails(found, args.fail_on) else EXIT_OK
