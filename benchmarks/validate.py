"""Validation throughput on one core: reports per second for the table rules and for all rules.

Generates reports with ``gi_report.synthetic.random_report`` (both templates; consistent ones,
ones with one wrong cell, and ones with blank cells), then times ``validate`` on them. Target:
at least 5,000 reports/s for the table rules (R1–R6 and completeness of the tables).

    PYTHONPATH=src python benchmarks/validate.py
    PYTHONPATH=src python benchmarks/validate.py --reports 5000 --rounds 5
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable, Sequence

from gi_report import Report, to_dict
from gi_report.synthetic import random_report
from gi_report.validation import TABLE_RULES, validate, validate_document

TARGET_TABLE_RULES = 5_000


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


def main(argv: Sequence[str] | None = None) -> None:
    """Print the figures and the ratio to the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=2_000)
    parser.add_argument("--rounds", type=int, default=3)
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


if __name__ == "__main__":
    main()
