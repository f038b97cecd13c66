"""A CPU-time limit per file of a batch, so that one pathological document cannot hold a worker
(and the whole run) for ever.

The importers bound their own searches by step budgets; this is the guard behind them, for a
document no budget foresaw. It uses the process's profiling timer (``ITIMER_PROF``: user and
system CPU time, so a loaded machine does not make a file time out sooner), which exists on
POSIX systems only and can be armed from the main thread only: elsewhere (Windows, a batch
started from another thread) files run without a limit.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

DEFAULT_TIME_LIMIT = 120.0
"""Seconds of CPU time one file may take by default (a report takes well under one)."""


class TimeLimitExceeded(BaseException):
    """Internal: the file's CPU time ran out. A ``BaseException``, so that no ``except
    Exception`` of the code it interrupts can take it for an ordinary failure and go on."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"more than {seconds:g} s of CPU time")
        self.seconds = seconds


def available() -> bool:
    """Whether :func:`cpu_time_limit` can arm its timer here (POSIX, main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def cpu_time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`TimeLimitExceeded` in the block once it has used ``seconds`` of CPU time;
    ``None`` or 0 (or a place where no timer can be armed, see :func:`available`): no limit."""
    if not seconds or not available():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeLimitExceeded(seconds)

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
