"""A progress display on stderr: tqdm when installed (extra ``progress``), else a plain counter."""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO


class Progress:
    """Counts processed files and shows it on stderr (or nothing when disabled); ``total`` is
    ``None`` when the files are counted as they are found."""

    def __init__(self, total: int | None, *, enabled: bool, stream: TextIO | None = None) -> None:
        self.total = total
        self.done = 0
        self.enabled = enabled
        self._stream = stream or sys.stderr
        self._bar: Any = None
        self._last = 0.0
        if enabled:
            try:
                from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]
            except ImportError:
                self._bar = None
            else:
                self._bar = tqdm(total=total, file=self._stream, unit="file", dynamic_ncols=True)

    def update(self, status: str) -> None:
        """One more file done, with its status."""
        self.done += 1
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.update(1)
            return
        now = time.monotonic()
        if now - self._last >= 1.0 or self.done == self.total:
            self._last = now
            end = "\n" if self.done == self.total else ""
            of = "" if self.total is None else f"/{self.total}"
            self._stream.write(f"\rgi-report batch: {self.done}{of} files{end}")
            self._stream.flush()

    def close(self) -> None:
        """End the display."""
        if self._bar is not None:
            self._bar.close()
        elif self.enabled and self.done != self.total:
            self._stream.write("\n")
            self._stream.flush()
