"""Running a batch: files through a process pool into one streamed, atomic, resumable output.

Memory stays flat as the number of files grows: workers return one small row per file (never a
report), rows are written as they arrive, and only the previous output's rows (when resuming) are
held, as an index by path.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
from collections.abc import Iterable, Iterator

import attrs

from gi_report.batch.discover import iter_files
from gi_report.batch.output import ResultWriter, output_format, read_rows
from gi_report.batch.process import STATUSES, Row, process_task
from gi_report.batch.progress import Progress

CHUNKSIZE = 64
"""Files handed to a worker at a time (large, so the parent's cost per file stays small)."""

MAX_TASKS_PER_CHILD = 64
"""Chunks a worker process handles before it is replaced (4,096 files: keeps worker memory
bounded)."""


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@attrs.define(kw_only=True)
class BatchSummary:
    """What a batch run did: files seen, rows by status, reused rows, and whether it finished."""

    files: int = 0
    statuses: dict[str, int] = attrs.field(factory=lambda: dict.fromkeys(STATUSES, 0))
    reused: int = 0  #: rows carried over from the previous output (``resume``), file unchanged
    kept: int = 0  #: previous rows for files not part of this run, kept in the output
    findings: dict[str, int] = attrs.field(
        factory=lambda: {"error": 0, "warning": 0, "info": 0}
    )
    unmatched: list[str] = attrs.field(factory=list)  #: PATHS that matched no file
    interrupted: bool = False
    output: str = ""

    def add(self, row: Row) -> None:
        """Count one result row."""
        status = row.get("status") or "error"
        self.statuses[status] = self.statuses.get(status, 0) + 1
        for severity in self.findings:
            self.findings[severity] += row.get(f"findings_{severity}") or 0

    def text(self) -> str:
        """One line a person reads."""
        parts = ", ".join(f"{n} {s}" for s, n in self.statuses.items())
        extra = f"; {self.reused} unchanged since the previous run" if self.reused else ""
        found = ", ".join(f"{n} {s}" for s, n in self.findings.items())
        state = " (interrupted: rerun with --resume)" if self.interrupted else ""
        return f"{self.files} file(s): {parts}{extra}; findings: {found}; -> {self.output}{state}"


def _previous(out: str, resume: bool) -> dict[str, Row]:
    if not resume or not os.path.exists(out):
        return {}
    return {str(row["path"]): row for row in read_rows(out)}


def _ignore_interrupt() -> None:
    """Worker initialiser: Ctrl-C is the parent's to handle (it finishes the output), and
    SIGTERM (how the pool stops its workers) ends a worker quietly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _results(tasks: Iterable[tuple[str, str | None]], jobs: int) -> Iterator[Row]:
    tasks = iter(tasks)
    first = list(itertools.islice(tasks, 2))  # one file: no pool
    tasks = itertools.chain(first, tasks)
    if jobs <= 1 or len(first) <= 1:
        for task in tasks:
            yield process_task(task)
        return
    with multiprocessing.Pool(processes=jobs, initializer=_ignore_interrupt,
                              maxtasksperchild=MAX_TASKS_PER_CHILD) as pool:
        yield from pool.imap(process_task, tasks, chunksize=CHUNKSIZE)


def run_batch(
    paths: Iterable[str],
    out: str | os.PathLike[str],
    *,
    jobs: int | None = None,
    resume: bool = False,
    progress: bool = False,
) -> BatchSummary:
    """Process every file the PATHS name and write one result row per file to ``out``.

    ``out``'s extension picks the format (``.jsonl``, ``.csv``, ``.parquet``). A bad file never
    stops the run: it gets a row with status ``error`` or ``not_a_report``. ``resume``: files
    whose row is already in ``out`` with the same content hash (SHA-256) are not processed again
    (their row is kept); rows of files outside this run are kept at the end. The output is
    replaced atomically when the run ends, also on Ctrl-C (then ``interrupted`` is set and the
    rows not yet reached are carried over, so ``--resume`` continues where it stopped).
    """
    target = os.fspath(out)
    output_format(target)  # refuse an unknown extension before any work
    previous = _previous(target, resume)
    summary = BatchSummary(output=target)
    files = iter_files(paths, exclude=[target], unmatched=summary.unmatched)
    tasks = ((f, (previous.get(f) or {}).get("sha256")) for f in files)
    writer = ResultWriter(target)
    paths = list(paths)  # the PATHS (few); the files they name are streamed
    # a bar shows the total: one counting pass first (the files are not kept)
    total = sum(1 for _ in iter_files(paths, exclude=[target])) if progress else None
    bar = Progress(total, enabled=progress)
    try:
        for row in _results(tasks, jobs or default_jobs()):
            summary.files += 1
            if row.pop("_reused", False):
                row = previous[row["path"]]
                summary.reused += 1
            previous.pop(row["path"], None)
            writer.write(row)
            summary.add(row)
            bar.update(str(row.get("status")))
    except KeyboardInterrupt:
        summary.interrupted = True
    except BaseException:
        bar.close()
        writer.discard()
        raise
    bar.close()
    for row in previous.values():  # not reached (interrupted) or not part of this run
        writer.write(row)
        summary.kept += 1
    writer.commit()
    return summary
