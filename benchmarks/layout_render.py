"""Renderer and writer throughput: reports per second for text, Markdown and HTML, atomic writes.

Every renderer is built on ``gi_report.render.layout``; this prints how fast each prints a
report (random reports of both templates), the ratio of each to HTML, and how many small files
``write_atomic`` writes per second (each with two fsyncs: the file and its directory) against a
plain ``Path.write_bytes``.

    PYTHONPATH=src python benchmarks/layout_render.py
    PYTHONPATH=src python benchmarks/layout_render.py --reports 400 --files 200
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from gi_report.fileio import write_atomic
from gi_report.model import Report
from gi_report.render.html import render_html
from gi_report.render.markdown import render_markdown
from gi_report.render.text import render_report
from gi_report.synthetic import random_report


def rate(render: Callable[[Report], str], reports: list[Report]) -> float:
    """Reports rendered per second (best of three passes)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for report in reports:
            render(report)
        best = min(best, time.perf_counter() - start)
    return len(reports) / best


def write_rate(write: Callable[[Path, bytes], object], directory: Path, count: int) -> float:
    """Files of 30 KiB written per second (a report's JSON is about that size)."""
    data = b"x" * 30_000
    start = time.perf_counter()
    for i in range(count):
        write(directory / f"f{i:05d}.json", data)
    return count / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=200, help="random reports to render")
    parser.add_argument("--files", type=int, default=100, help="files to write per writer")
    args = parser.parse_args()
    rng = random.Random(1)
    reports = [random_report(rng, template=("2021", "2019")[i % 2], blank_rate=0.1)
               for i in range(args.reports)]
    rates = {name: rate(render, reports) for name, render in (
        ("text", render_report), ("markdown", render_markdown), ("html", render_html))}
    for name, value in rates.items():
        print(f"{name:<9} {value:8.0f} reports/s  ({value / rates['html']:.2f}× html)")
    with tempfile.TemporaryDirectory() as tmp:
        atomic = write_rate(write_atomic, Path(tmp), args.files)
    with tempfile.TemporaryDirectory() as tmp:
        plain = write_rate(Path.write_bytes, Path(tmp), args.files)
    print(f"write_atomic {atomic:8.0f} files/s; plain write {plain:8.0f} files/s "
          f"({atomic / plain:.2f}× plain)")


if __name__ == "__main__":
    main()
