"""Validation throughput on one core: reports per second for the table rules and for all rules.

Generates reports with ``gi_report.synthetic.random_report`` (both templates; consistent ones,
ones with one wrong cell, and ones with blank cells), then times ``validate`` on them. Target:
at least 5,000 reports/s for the table rules (R1–R6 and completeness of the tables).

Then the real corpus reports as the importers read them (``tests/data/corpus/``, ``wild/``):
per report, the CPU time of the full ``validate``, of R1–R6 alone (``select=("gi.sum",)``) and
of R15 (``select=("gi.text",)``), best of the rounds, with the findings it has; and the rates
over the clean ones (no finding) against issue 14's targets (full ≥ 10,000/s, R1–R6 ≥ 50,000/s).

    PYTHONPATH=src python benchmarks/validate.py
    PYTHONPATH=src python benchmarks/validate.py --reports 5000 --rounds 5
"""

from __future__ import annotations

import argparse
import random
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

from gi_report import Report, to_dict
from gi_report.synthetic import random_report
from gi_report.validation import TABLE_RULES, validate, validate_document

TARGET_TABLE_RULES = 5_000
TARGET_FULL = 10_000  #: issue 14: full validate, clean real reports per second
TARGET_SUMS = 50_000  #: issue 14: R1–R6 alone, reports per second
TARGET_R15 = 50.0  #: issue 15: µs of R15 on a clean real report
CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "corpus"


def generate(count: int, seed: int = 1) -> list[Report]:
    """A mix like a real collection: mostly consistent, some wrong, some with blanks."""
    rng = random.Random(seed)
    reports = []
    for i in range(count):
        template = "2021" if i % 4 else "2019"
        kind = i % 10
        reports.append(random_report(rng, template=template, consistent=kind != 7,
                                     blank_rate=0.05 if kind == 9 else 0.0))
    return reports


def rate(run: Callable[[object], object], items: Sequence[object], rounds: int) -> float:
    """Best items/s over ``rounds`` passes (the least disturbed pass)."""
    best = 0.0
    for _ in range(rounds):
        start = time.perf_counter()
        for item in items:
            run(item)
        best = max(best, len(items) / (time.perf_counter() - start))
    return best


def cpu_microseconds(run: Callable[[], object], rounds: int, repeat: int = 50) -> float:
    """Best CPU time of ``run`` in µs, over ``rounds`` passes of ``repeat`` calls."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(repeat):
            run()
        best = min(best, (time.process_time() - start) / repeat * 1e6)
    return best


def real_reports() -> list[tuple[str, Report]]:
    """The real corpus reports as the importers read them, by file name."""
    from gi_report.importers.api import read_document

    paths = [p for p in sorted(CORPUS.iterdir())
             if p.suffix in (".txt", ".html", ".md") and p.name != "SOURCES.md"]
    paths += sorted((CORPUS / "wild").glob("*.txt"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [(p.stem, read_document(p).report) for p in paths]


def real(rounds: int) -> None:
    """Print the per-report times on the real corpus and the rates over the clean reports."""
    named = real_reports()
    print(f"\nreal corpus reports ({len(named)}), CPU time per report, best of {rounds}:")
    print(f"  {'report':28} {'findings':>8} {'validate':>10} {'R1–R6':>9} {'R15':>9}")
    clean: list[tuple[float, float, float]] = []
    for name, report in named:
        found = len(validate(report).findings)
        times = (cpu_microseconds(lambda r=report: validate(r), rounds),
                 cpu_microseconds(lambda r=report: validate(r, select=("gi.sum",)), rounds),
                 cpu_microseconds(lambda r=report: validate(r, select=("gi.text",)), rounds))
        print(f"  {name:28} {found:8} {times[0]:8.1f} µs {times[1]:6.1f} µs {times[2]:6.1f} µs")
        if not found:
            clean.append(times)
    if not clean:
        return
    full, sums, text = (sum(t[i] for t in clean) / len(clean) for i in range(3))
    print(f"  clean reports ({len(clean)}): full validate {1e6 / full:,.0f}/s (target "
          f"{TARGET_FULL:,}/s), R1–R6 alone {1e6 / sums:,.0f}/s (target {TARGET_SUMS:,}/s), "
          f"R15 {text:.1f} µs a report on average (target {TARGET_R15:.0f} µs; "
          f"{sum(1 for t in clean if t[2] <= TARGET_R15)} of {len(clean)} within it)")


def main(argv: Sequence[str] | None = None) -> None:
    """Print the figures and the ratio to the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=2_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--generated-only", action="store_true",
                        help="skip the real corpus reports")
    args = parser.parse_args(argv)
    reports = generate(args.reports)
    documents = [to_dict(r) for r in reports[: max(1, args.reports // 10)]]
    validate(reports[0])  # warm the per-layout caches

    table = rate(lambda r: validate(r, select=TABLE_RULES), reports, args.rounds)  # type: ignore[arg-type]
    arithmetic = rate(lambda r: validate(r, select=("gi.sum",)), reports, args.rounds)  # type: ignore[arg-type]
    everything = rate(lambda r: validate(r), reports, args.rounds)  # type: ignore[arg-type]
    raw = rate(lambda d: validate_document(d), documents, args.rounds)
    findings = sum(len(validate(r).findings) for r in reports)

    print(f"validation throughput, one core, {len(reports):,} generated reports "
          f"({findings:,} findings in all), best of {args.rounds}:")
    print(f"  table rules (R1–R6 + completeness): {table:10,.0f} reports/s "
          f"({table / TARGET_TABLE_RULES:.1f}x the {TARGET_TABLE_RULES:,}/s target)")
    print(f"  arithmetic only (R1–R6):            {arithmetic:10,.0f} reports/s")
    print(f"  all rules (incl. text R15, fees):   {everything:10,.0f} reports/s "
          f"({everything / table:.2f}x the table rules)")
    print(f"  validate_document (raw JSON):     {raw:10,.0f} documents/s "
          f"({raw / everything:.2f}x validate on a Report)")
    if not args.generated_only:
        real(args.rounds)


if __name__ == "__main__":
    main()
