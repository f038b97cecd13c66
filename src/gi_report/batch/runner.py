"""Running a batch: files through a process pool into one streamed, atomic, resumable output.

Memory stays flat as the number of files grows: entries are discovered as they are needed (a
generator), handed to the workers in chunks with a bounded number of chunks in flight, workers
return one small row per entry (never a report), rows are written as they arrive, and the rows a
resumed run may keep are indexed on disk (:mod:`gi_report.batch.resume`). The rows come in the
order of discovery (see :mod:`gi_report.batch.discover`), then the PATHS that matched nothing,
then (when resuming) the previous rows this run did not replace.
"""

from __future__ import annotations

import ctypes
import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from multiprocessing.pool import AsyncResult
from pathlib import Path

import attrs

from gi_report.batch.discover import Entry, iter_entries, shown
from gi_report.batch.output import ResultWriter, orphans, output_format, read_partial, read_rows
from gi_report.batch.process import RESULT_FIELDS, STATUSES, Row, process_task
from gi_report.batch.progress import Progress
from gi_report.batch.resume import PreviousRows
from gi_report.batch.timelimit import DEFAULT_TIME_LIMIT

CHUNKSIZE = 64
"""Most entries handed to a worker at a time: large, so the parent's cost per file is small."""

IN_FLIGHT = 4
"""Chunks waiting for or in a worker, per worker (the parent's memory stays bounded)."""

Task = tuple[str, str | None, str | None]
"""An entry for a worker: its path, why it cannot be read (or ``None``), the previous row's
content hash (or ``None``)."""

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

    files: int = 0  #: rows written for this run's entries (interrupted: the entries reached)
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


def _previous(out: str, resume: bool, killed: Sequence[Path]) -> PreviousRows:
    """The rows a resumed run may keep: the output's, then those of killed runs (newer)."""
    previous = PreviousRows()
    if not resume:
        return previous
    if os.path.exists(out):
        previous.add(read_rows(out))
    fmt = output_format(out)
    for partial in killed:
        previous.add(read_partial(partial, fmt))
    return previous


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


def _problem_row(path: str, problem: str) -> Row:
    """The row of an entry that cannot be read (a dangling link, a FIFO…), made without
    opening it (opening a FIFO would wait for a writer for ever)."""
    row: Row = dict.fromkeys(RESULT_FIELDS)
    row.update(path=path, status="error", message=problem)
    return row


def _row(task: Task, time_limit: float | None) -> Row:
    """The row of one entry, its path shown as UTF-8 (``\\xNN`` for bytes that are not)."""
    path, problem, previous = task
    row = (_problem_row(path, problem) if problem is not None
           else process_task((path, previous), time_limit))
    row["path"] = shown(path)
    return row


def _work(chunk: list[Task], time_limit: float | None) -> list[Row]:
    """A pool task: the rows of a chunk of entries, in order."""
    return [_row(task, time_limit) for task in chunk]


def chunk_size(handed: int, jobs: int) -> int:
    """How many entries the next chunk holds, ``handed`` entries into the run: one at a time at
    first (a small batch is shared out evenly, its first rows come at once), growing to
    :data:`CHUNKSIZE` as the run shows it is long (the parent's cost per file falls)."""
    return max(1, min(CHUNKSIZE, handed // (8 * jobs)))


def _chunks(tasks: Iterator[Task], jobs: int) -> Iterator[list[Task]]:
    handed = 0
    while chunk := list(itertools.islice(tasks, chunk_size(handed, jobs))):
        handed += len(chunk)
        yield chunk


def _pooled(tasks: Iterator[Task], jobs: int, time_limit: float | None
            ) -> Generator[list[Row], None, None]:
    """The rows of ``tasks`` from ``jobs`` worker processes, a chunk at a time, in order; at
    most :data:`IN_FLIGHT` chunks a worker are handed out and not yet given back."""
    with multiprocessing.Pool(processes=jobs, initializer=_ignore_interrupt,
                              initargs=(os.getpid(),)) as pool:
        pending: deque[AsyncResult[list[Row]]] = deque()
        for chunk in _chunks(tasks, jobs):
            pending.append(pool.apply_async(_work, (chunk, time_limit)))
            while pending and (len(pending) >= IN_FLIGHT * jobs or pending[0].ready()):
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def _rows(entries: Iterator[Entry], previous: PreviousRows, jobs: int,
          time_limit: float | None) -> Generator[list[Row], None, None]:
    """One row per entry, in order, a chunk at a time: through the workers (or here, one by
    one, for one job or a single entry)."""
    tasks: Iterator[Task] = ((e.path, e.problem, previous.sha256(e.name)
                              if previous and e.problem is None else None) for e in entries)
    first = list(itertools.islice(tasks, 2))  # a single entry starts no pool
    tasks = itertools.chain(first, tasks)
    if jobs <= 1 or len(first) <= 1:
        return ([_row(task, time_limit)] for task in tasks)
    return _pooled(tasks, jobs, time_limit)


def _after(entries: Iterator[Entry], unmatched: list[str]) -> Iterator[Entry]:
    """``entries``, then a row's entry for each PATH that matched nothing (known by then)."""
    yield from entries
    for path in unmatched:
        yield Entry(path, "no such file, directory or match")


def _total(paths: Sequence[str], target: str) -> int:
    """The number of rows the PATHS will give (a counting pass, for a progress bar)."""
    unmatched: list[str] = []
    return sum(1 for _ in iter_entries(paths, exclude=[target], unmatched=unmatched)) + len(
        unmatched)


def run_batch(
    paths: Iterable[str],
    out: str | os.PathLike[str],
    *,
    jobs: int | None = None,
    resume: bool = False,
    progress: bool = False,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
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
    PATHS name nothing at all, the output is left as it is (``files`` is 0). ``time_limit``:
    seconds of CPU time one file may take (``None``: no limit; see
    :mod:`gi_report.batch.timelimit`); a file past it gets an ``error`` row saying so.
    """
    target = os.fspath(out)
    output_format(target)  # refuse an unknown extension before any work
    paths = list(paths)  # the PATHS (few); the entries they name are streamed
    summary = BatchSummary(files=0, output=target)
    found = iter_entries(paths, exclude=[target], unmatched=summary.unmatched)
    first = next(found, None)
    if first is None:
        return summary  # nothing to do: never replace an output with an empty one
    entries = _after(itertools.chain([first], found), summary.unmatched)
    killed = orphans(target)
    previous = _previous(target, resume, killed)
    try:
        _write(summary, entries, previous, target, jobs or default_jobs(),
               time_limit, Progress(_total(paths, target) if progress else None, enabled=progress))
    finally:
        previous.close()
    for partial in killed:  # their rows are in the output now (or were not asked for)
        partial.unlink(missing_ok=True)
    return summary


def _put(summary: BatchSummary, writer: ResultWriter, previous: PreviousRows, row: Row) -> None:
    """Write one row of this run (the previous one if the worker found the file unchanged)."""
    if row.pop("_reused", False):
        row = previous.take(row["path"]) or row
        summary.reused += 1
    else:
        previous.drop(row["path"])
    writer.write(row, flush=False)
    summary.files += 1
    summary.add(row)


def _write(summary: BatchSummary, entries: Iterator[Entry], previous: PreviousRows, target: str,
           jobs: int, time_limit: float | None, bar: Progress) -> None:
    """Write a row for every entry, then the previous rows this run did not replace, into
    ``target`` in one atomic step (also on Ctrl-C: ``summary.interrupted`` is then set).
    ``jobs`` worker processes, each file under ``time_limit``."""
    chunks = _rows(entries, previous, jobs, time_limit)  # no pool yet: starts when iterated
    writer = ResultWriter(target)
    try:
        for rows in chunks:
            for row in rows:
                _put(summary, writer, previous, row)
                bar.update(str(row.get("status")))
            writer.flush()  # a chunk's rows are in the file before the next chunk is awaited
    except KeyboardInterrupt:
        summary.interrupted = True
    except BaseException:
        writer.discard()
        raise
    finally:
        chunks.close()  # stops the workers now, not when the generator is collected
        bar.close()
    for row in previous.rest():  # not reached (interrupted) or not part of this run
        writer.write(row, flush=False)
        summary.kept += 1
    writer.commit()
