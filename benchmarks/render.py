"""Render throughput per output kind: reports per second on one core, and the check page.

Renders generated reports of both templates (``gi_report.synthetic``) and real corpus reports
to each kind with ``gi_report.render``, and the check page of the corpus report with real errors.
Prints milliseconds per report, reports per second and the output size; then the ratio of
writing a Word document to reading it back with ``read_document``. CPU time
(``time.process_time``) is measured, so other processes on the machine matter less.

    PYTHONPATH=src:. python benchmarks/render.py
    PYTHONPATH=src:. python benchmarks/render.py --seconds 3
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gi_report import read_document, render, validate
from gi_report.model import Report
from gi_report.synthetic import random_report

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus"
KINDS = ("docx", "html", "markdown", "text")


def rate(work: Callable[[], Any], seconds: float) -> tuple[float, Any]:
    """(calls per CPU second, the last result) of ``work`` run for about ``seconds``."""
    result = work()
    calls, start = 0, time.process_time()
    while time.process_time() - start < seconds:
        result = work()
        calls += 1
    return calls / (time.process_time() - start), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.0, help="time per measurement")
    args = parser.parse_args()
    reports: list[tuple[str, Report]] = [
        ("generated 2021", random_report(random.Random(1), template="2021", blank_rate=0.1)),
        ("generated 2019", random_report(random.Random(2), template="2019", blank_rate=0.1)),
        ("2021-pingtan.txt", read_document(CORPUS / "2021-pingtan.txt", warn=False).report),
    ]
    print(f"{'report':<18} {'kind':<9} {'ms/report':>10} {'reports/s':>10} {'bytes':>9}")
    for name, report in reports:
        for kind in KINDS:
            per_second, out = rate(lambda r=report, k=kind: render(r, to=k), args.seconds)
            print(f"{name:<18} {kind:<9} {1000 / per_second:>10.2f} {per_second:>10.1f} "
                  f"{len(out if isinstance(out, bytes) else out.encode()):>9,}")
    source = CORPUS / "wild" / "2021-pingtan-zrz.txt"
    result = read_document(source, warn=False)
    findings = validate(result.report, locations=result.locations).findings
    per_second, page = rate(lambda: render(result.report, to="html", findings=findings,
                                           notices=result.notices), args.seconds)
    print(f"check page of {source.name} ({len(findings)} findings, {len(result.notices)} "
          f"notices): {1000 / per_second:.2f} ms, {len(page.encode()):,} bytes")
    report = reports[0][1]
    data = render(report, to="docx")
    write, _ = rate(lambda: render(report, to="docx"), args.seconds)
    read, _ = rate(lambda: read_document(data, warn=False), args.seconds)
    print(f"docx: write {write:.1f}/s, read back {read:.1f}/s, write/read time ratio "
          f"{read / write:.2f}")


if __name__ == "__main__":
    main()
