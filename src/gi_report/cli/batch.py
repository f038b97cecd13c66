"""``gi-report batch PATHS… --out FILE``: one result row per file, for thousands of files."""

from __future__ import annotations

import argparse
import signal
import sys
from typing import Any

from gi_report.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from gi_report.cli._common import error

_FAIL_ON = ("never", "error", "warning", "info")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "batch",
        help="read, validate and summarise many report files into one results file",
        description="Process every file the PATHS name (files, directories, glob patterns) — "
        "gi-report JSON and XML, and every document kind the importers read — and write one "
        "result row per file (path, status ok/error/not_a_report, template, agency, year, "
        "findings by severity, SHA-256, message) to OUT as JSON Lines (.jsonl), CSV (.csv) or "
        "Parquet (.parquet). A bad file never stops the run; an entry that cannot be read (a "
        "dangling link, a FIFO, a PATH matching nothing) gets a row saying why; OUT is "
        "replaced atomically, and left as it was when the PATHS name nothing.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="files, directories (searched recursively) or glob patterns")
    parser.add_argument("--out", "-o", required=True, metavar="FILE",
                        help="results file: .jsonl, .csv or .parquet")
    parser.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                        help="worker processes (default: the available cores)")
    parser.add_argument("--resume", action="store_true",
                        help="skip files whose row in OUT (or in the temporary file of a killed "
                        "run) has the same content hash")
    progress = parser.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_true", default=None,
                          help="show a progress bar on stderr (default: when stderr is a tty)")
    progress.add_argument("--no-progress", dest="progress", action="store_false")
    parser.add_argument("--fail-on", choices=_FAIL_ON, default="never",
                        help="exit 1 if a file has status error, or findings at or above this "
                        "severity (default: never)")
    parser.set_defaults(run=run)


def _stop(signum: int, frame: Any) -> None:
    """SIGTERM: stop like Ctrl-C, so that the rows done so far are written."""
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    from gi_report.batch import run_batch
    from gi_report.errors import GIReportError

    if args.jobs is not None and args.jobs < 1:
        error("--jobs must be at least 1")
        return EXIT_USAGE
    show = sys.stderr.isatty() if args.progress is None else args.progress
    previous = signal.signal(signal.SIGTERM, _stop)  # finish the output as on Ctrl-C
    try:
        summary = run_batch(args.paths, args.out, jobs=args.jobs, resume=args.resume,
                            progress=show)
    except (GIReportError, OSError, ValueError) as exc:
        error(str(exc) if args.out in str(exc) else f"{args.out}: {exc}")
        return EXIT_USAGE
    finally:
        signal.signal(signal.SIGTERM, previous)
    for path in summary.unmatched:
        error(f"{path}: no such file, directory or match")
    if summary.files == 0 and not summary.interrupted:
        error(f"nothing to process; {args.out} left as it was")
        return EXIT_USAGE
    print(f"gi-report batch: {summary.text()}", file=sys.stderr)
    if summary.interrupted:
        return 130
    if args.fail_on == "never":
        return EXIT_OK
    if summary.statuses.get("error"):
        return EXIT_FINDINGS
    levels = _FAIL_ON[1 : _FAIL_ON.index(args.fail_on) + 1]
    if any(summary.findings[level] for level in levels):
        return EXIT_FINDINGS
    return EXIT_OK
