"""Running a batch: files through a process pool into one streamed, atomic, resumable output.

Memory stays flat as the number of files grows: workers return one small row per file (never a
report), rows are written as they arrive, and only the previous output's rows (when resuming) are
held, as an index by path.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import attrs

from gi_report.batch.discover import Entry, discover_entries
from gi_report.batch.output import ResultWriter, orphans, output_format, read_partial, read_rows
from gi_report.batch.process import RESULT_FIELDS, STATUSES, Row, process_task
from gi_report.batch.progress import Progress

CHUNKSIZE = 4
"""Files handed to a worker at a time."""

# Workers are never replaced (no ``maxtasksperchild``): a worker asks the kernel for SIGTERM when
# the thread that started it ends (PR_SET_PDEATHSIG), and a replacement is started by the pool's
# worker-handler thread, which ends when the pool shuts down. Such a worker could then die holding
# the task queue's lock and the pool's shutdown would wait for ever (seen: a batch of 20,000 files
# hung at its end). Started by the main thread, every worker lives as long as the batch.


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


def _previous(out: str, resume: bool, killed: Sequence[Path]) -> dict[str, Row]:
    """The rows a resumed run may keep: the output's, then those of killed runs (newer)."""
    if not resume:
        return {}
    rows: dict[str, Row] = {}
    if os.path.exists(out):
        rows = {str(row["path"]): row for row in read_rows(out)}
    fmt = output_format(out)
    for partial in killed:
        rows.update((str(row["path"]), row) for row in read_partial(partial, fmt))
    return rows


_PR_SET_PDEATHSIG = 1


def _ignore_interrupt(parent: int | None = None) -> None:
    """Worker initialiser: Ctrl-C is the parent's to handle (it finishes the output), SIGTERM
    (how the pool stops its workers) ends a worker quietly, and so does the parent's death
    (Linux: the kernel sends SIGTERM), instead of a ``BrokenPipeError`` traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass
    if parent is not None and os.getppid() != parent:  # died before prctl took effect
        os._exit(0)


def _results(tasks: Sequence[tuple[str, str | None]], jobs: int) -> Iterator[Row]:
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield process_task(task)
        return
    with multiprocessing.Pool(processes=jobs, initializer=_ignore_interrupt,
                              initargs=(os.getpid(),)) as pool:
        yield from pool.imap(process_task, tasks, chunksize=CHUNKSIZE)


def _problem_row(entry: Entry) -> Row:
    """The row of an entry that cannot be read (a dangling link, a FIFO…), made without
    opening it (opening a FIFO would wait for a writer for ever)."""
    row: Row = dict.fromkeys(RESULT_FIELDS)
    row.update(path=entry.name, status="error", message=entry.problem)
    return row


def _rows(entries: Sequence[Entry], previous: dict[str, Row], jobs: int) -> Iterator[Row]:
    """One row per entry, in order: readable files through the workers, the others here."""
    tasks = [(e.path, (previous.get(e.name) or {}).get("sha256"))
             for e in entries if e.problem is None]
    results = _results(tasks, jobs)
    for entry in entries:
        if entry.problem is not None:
            yield _problem_row(entry)
            continue
        row = next(results)
        row["path"] = entry.name  # shown as UTF-8, \xNN for the bytes of a non-UTF-8 name
        yield row


def run_batch(
    paths: Iterable[str],
    out: str | os.PathLike[str],
    *,
    jobs: int | None = None,
    resume: bool = False,
    progress: bool = False,
) -> BatchSummary:
    """Process every file the PATHS name and write one result row per file to ``out``.

    ``out``'s extension picks the format (``.jsonl``, ``.csv``, ``.parquet``). Every entry gets
    one row: a bad file never stops the run (status ``error`` or ``not_a_report``), and an entry
    that cannot be read — a dangling link, a FIFO, a socket, a PATH that matches nothing — gets
    an ``error`` row saying why. ``resume``: files whose row is already in ``out`` (or in the
    temporary file of a killed run) with the same content hash (SHA-256) are not processed again
    (their row is kept); rows of files outside this run are kept at the end. The output is
    replaced atomically when the run ends, also on Ctrl-C (then ``interrupted`` is set and the
    rows not yet reached are carried over, so ``--resume`` continues where it stopped). When the
    PATHS name nothing at all, the output is left as it is (``files`` is 0).
    """
    target = os.fspath(out)
    output_format(target)  # refuse an unknown extension before any work
    entries, unmatched = discover_entries(paths, exclude=[target])
    summary = BatchSummary(files=0, unmatched=unmatched, output=target)
    if not entries:
        return summary  # nothing to do: never replace an output with an empty one
    entries += [Entry(path, "no such file, directory or match") for path in unmatched]
    summary.files = len(entries)
    killed = orphans(target)
    previous = _previous(target, resume, killed)
    writer = ResultWriter(target)
    bar = Progress(len(entries), enabled=progress)
    try:
        for row in _rows(entries, previous, jobs or default_jobs()):
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
    for partial in killed:  # their rows are in the output now (or were not asked for)
        partial.unlink(missing_ok=True)
    return summary
