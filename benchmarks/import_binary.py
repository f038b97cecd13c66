"""DOCX and PDF import throughput: documents per second on one core, and peak memory per document.

Times the readers alone (``parse_docx``/``parse_pdf``: document → blocks) and, when the
importers' core is present, the whole import (``gi_report.read_document``: document → Report),
on the real corpus documents (the blank official template, the Huaian 2024 PDF) and on a
generated, filled-in Word report. Prints documents per second, milliseconds per document, the
peak Python memory of one import (tracemalloc) and the PDF/DOCX time ratio.

    PYTHONPATH=src:. python benchmarks/import_binary.py
    PYTHONPATH=src:. python benchmarks/import_binary.py --seconds 5
"""

from __future__ import annotations

import argparse
import random
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gi_report
from gi_report.importers.docx import parse_docx
from gi_report.importers.pdf import parse_pdf
from gi_report.synthetic import random_report

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus"


def rate(work: Callable[[], Any], seconds: float) -> tuple[float, int]:
    """Documents per second of ``work`` over at least ``seconds`` (and at least 3 runs)."""
    work()  # warm caches (pdfminer CMaps, lxml)
    runs = 0
    start = time.perf_counter()
    while True:
        work()
        runs += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds and runs >= 3:
            return runs / elapsed, runs


def peak_mib(work: Callable[[], Any]) -> float:
    """Peak Python memory allocated while doing ``work`` once, in MiB."""
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / 1024 / 1024
    finally:
        tracemalloc.stop()


def documents() -> list[tuple[str, str, bytes]]:
    """(name, kind, bytes) of the documents measured."""
    out = [
        ("template-2021-blank.docx", "docx", (CORPUS / "template-2021-blank.docx").read_bytes()),
        ("2024-huaian-city.pdf", "pdf", (CORPUS / "2024-huaian-city.pdf").read_bytes()),
    ]
    try:
        from tests.importers.test_docx_layout import report_docx
        from tests.importers.test_pdf_generated import report_pdf
    except ImportError:  # python-docx (a test dependency) missing, or tests not on the path
        return out
    report = random_report(random.Random(1), template="2021", blank_rate=0.05)
    out.append(("generated-2021.docx", "docx", report_docx(report)))
    out.append(("generated-2021.pdf", "pdf", report_pdf(report)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="time per measurement")
    args = parser.parse_args()
    read_document = getattr(gi_report, "read_document", None)
    print(f"{'document':28} {'stage':14} {'docs/s':>8} {'ms/doc':>8} {'peak MiB':>9}")
    per_kind: dict[str, list[float]] = {"docx": [], "pdf": []}
    for name, kind, data in documents():
        parse = parse_docx if kind == "docx" else parse_pdf
        stages: list[tuple[str, Callable[[], Any]]] = [
            ("blocks", lambda p=parse, d=data, n=name: p(d, source=n)),  # type: ignore[misc]
        ]
        if read_document is not None:
            stages.append(
                ("read_document", lambda d=data, k=kind: read_document(d, kind=k)),  # type: ignore[misc]
            )
        for stage, work in stages:
            per_second, _ = rate(work, args.seconds)
            if stage == "blocks":
                per_kind[kind].append(1 / per_second)
            print(f"{name:28} {stage:14} {per_second:8.1f} {1000 / per_second:8.1f} "
                  f"{peak_mib(work):9.1f}")
    if per_kind["docx"] and per_kind["pdf"]:
        docx_ms = 1000 * sum(per_kind["docx"]) / len(per_kind["docx"])
        pdf_ms = 1000 * sum(per_kind["pdf"]) / len(per_kind["pdf"])
        print(f"\nmean reader time: DOCX {docx_ms:.1f} ms, PDF {pdf_ms:.1f} ms "
              f"(PDF/DOCX = {pdf_ms / docx_ms:.0f}x)")
    if read_document is None:
        print("(gi_report.read_document not present: only the readers were timed)")


if __name__ == "__main__":
    main()
