"""What reading a document from a stream costs beside a path or bytes, and the stream limit.

For N generated reports written as JSON (see ``gi_report.synthetic``), times ``gi_report.load``
from a path, from ``bytes``, from a binary stream and from a text stream, and
``read_document`` on a real report of the corpus from a path and from an unnamed stream; then
how long refusing an endless stream takes (it stops after the limit + 1 bytes). Prints
milliseconds per document and the stream/path ratios; each figure is the best of a few repeats.

    PYTHONPATH=src python benchmarks/sources.py
    PYTHONPATH=src python benchmarks/sources.py --reports 200 --repeat 5
"""

from __future__ import annotations

import argparse
import io
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gi_report import InputTooLargeError, dump, load, read_document, to_json
from gi_report.synthetic import random_report

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus"


class _Endless:
    """A stream of ``x`` bytes that never ends and counts what it gave."""

    def __init__(self) -> None:
        self.given = 0

    def read(self, size: int = -1) -> bytes:
        chunk = b"x" * (size if size >= 0 else 1 << 20)
        self.given += len(chunk)
        return chunk


def _best(run: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(5)
    reports = [random_report(rng) for _ in range(args.reports)]
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(folder) / f"{i}.json" for i in range(len(reports))]
        for path, report in zip(paths, reports, strict=True):
            dump(report, path)
        data = [p.read_bytes() for p in paths]
        texts = [to_json(r) for r in reports]
        ways: dict[str, Callable[[], Any]] = {
            "path": lambda: [load(p) for p in paths],
            "bytes": lambda: [load(d) for d in data],
            "binary stream": lambda: [load(io.BytesIO(d)) for d in data],
            "text stream": lambda: [load(io.StringIO(t)) for t in texts],
        }
        per = {name: _best(run, args.repeat) / len(reports) * 1000 for name, run in ways.items()}
    print(f"load, {len(reports)} generated reports (ms per report)")
    for name, ms in per.items():
        print(f"  {name:<14} {ms:7.3f}   x{ms / per['path']:.2f} of a path")
    real = CORPUS / "2023-shuyang-drc.html"
    raw = real.read_bytes()
    from_path = _best(lambda: read_document(real, warn=False), args.repeat) * 1000
    from_stream = _best(lambda: read_document(io.BytesIO(raw), warn=False), args.repeat) * 1000
    print(f"read_document, {real.name} (ms): path {from_path:.2f}, unnamed stream "
          f"{from_stream:.2f} (x{from_stream / from_path:.2f})")
    endless = _Endless()
    start = time.perf_counter()
    try:
        read_document(endless, warn=False)
    except InputTooLargeError as error:
        took = (time.perf_counter() - start) * 1000
        print(f"an endless stream refused after {endless.given:,} bytes (limit {error.limit:,})"
              f" in {took:.0f} ms")


if __name__ == "__main__":
    main()
