"""Import throughput per document kind: reports per second on one core, on the real corpus.

Times ``gi_report.read_document`` (bytes → Report with notices) on each corpus document of the
text kinds (HTML, text dumps, Markdown), split into the reader (document → blocks) and the shared
path (blocks → Report). Prints milliseconds per document, documents per second, the peak Python
memory of one import, and per kind the mean rate against the target of 200 reports per second.
CPU time (``time.process_time``) is measured, so other processes on the machine matter less.

    PYTHONPATH=src:. python benchmarks/importers.py
    PYTHONPATH=src:. python benchmarks/importers.py --seconds 3
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gi_report import read_document
from gi_report.importers.assemble import assemble
from gi_report.importers.encoding import decode
from gi_report.importers.html import parse_html
from gi_report.importers.markdown import parse_markdown
from gi_report.importers.text import parse_text

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus"
TARGET = 200.0
"""Reports per second on one core the importers aim for (issue 5)."""

DOCUMENTS = (
    ("2023-shuyang-drc.html", "html"),
    ("2019-shanghai-gov-office.html", "html"),
    ("2022-beijing-xicheng-cgzx.txt", "text"),
    ("2021-pingtan.txt", "text"),
    ("2019-pingtan.txt", "text"),
    ("2025-shuyang-county.md", "markdown"),
)
READERS: dict[str, Callable[..., Any]] = {
    "html": parse_html, "text": parse_text, "markdown": parse_markdown,
}


def seconds_per_run(work: Callable[[], Any], seconds: float) -> float:
    """CPU seconds per call of ``work``, over at least ``seconds`` (and at least 5 calls)."""
    work()  # warm the caches (label vocabularies, lxml)
    runs = 0
    start = time.process_time()
    while True:
        work()
        runs += 1
        elapsed = time.process_time() - start
        if elapsed >= seconds and runs >= 5:
            return elapsed / runs


def peak_kib(work: Callable[[], Any]) -> float:
    """Peak Python memory allocated while doing ``work`` once, in KiB."""
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / 1024
    finally:
        tracemalloc.stop()


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=1.0, help="time per measurement")
    args = parser.parse_args()
    print(f"{'document':<32} {'kind':<9} {'KiB':>5} {'read ms':>8} {'map ms':>7} "
          f"{'total ms':>9} {'docs/s':>7} {'peak KiB':>9}")
    by_kind: dict[str, list[float]] = {}
    for name, kind in DOCUMENTS:
        data = (CORPUS / name).read_bytes()
        text = decode(data).text
        reader = READERS[kind]
        doc = reader(text, source=name)
        read = seconds_per_run(lambda: reader(text, source=name), args.seconds)  # noqa: B023
        mapped = seconds_per_run(lambda: assemble(doc), args.seconds)  # noqa: B023
        total = seconds_per_run(
            lambda: read_document(data, kind=kind, warn=False), args.seconds)  # noqa: B023
        peak = peak_kib(lambda: read_document(data, kind=kind, warn=False))  # noqa: B023
        by_kind.setdefault(kind, []).append(1 / total)
        print(f"{name:<32} {kind:<9} {len(data) / 1024:>5.1f} {read * 1000:>8.2f} "
              f"{mapped * 1000:>7.2f} {total * 1000:>9.2f} {1 / total:>7.0f} {peak:>9.0f}")
    print()
    for kind, rates in by_kind.items():
        mean = sum(rates) / len(rates)
        verdict = "meets" if mean >= TARGET else "below"
        print(f"{kind:<9} mean {mean:6.0f} documents/s on one core; {mean / TARGET:4.2f}× the "
              f"target of {TARGET:.0f}/s ({verdict})")
    everything = [r for rates in by_kind.values() for r in rates]
    print(f"all text kinds: mean {sum(everything) / len(everything):.0f} documents/s")


if __name__ == "__main__":
    main()
