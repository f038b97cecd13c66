"""Cells right, blank and wrong on the real corpus: every document with an ``expected/`` file.

For each document of ``tests/data/corpus`` and ``tests/data/corpus/wild`` (or the folders given),
imports it and compares every table cell with its hand-checked expected value: **right** (equal,
a blank expected blank included), **blank** (the document states it, the import left it blank —
with a notice saying why), **wrong** (any other value: the invariant says this must be 0). Prints
one line per document, then the totals.

    PYTHONPATH=src:. python benchmarks/wild.py
    PYTHONPATH=src:. python benchmarks/wild.py tests/data/corpus/wild
"""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from gi_report import read_document
from gi_report.form import TABLE_IDS

ROOT = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus"


def _equal(expected: Any, got: Any) -> bool:
    if expected is None or got is None:
        return expected is got
    if isinstance(expected, str) and not isinstance(got, str):
        return Decimal(expected) == got
    return bool(expected == got) and type(expected) is type(got)


def measure(folder: Path) -> tuple[int, int, int, int]:
    """Print each document's figures; return (cells, right, blank, wrong) for the folder."""
    totals = [0, 0, 0, 0]
    for path in sorted((folder / "expected").glob("*.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        report = read_document(folder / expected["file"], warn=False).report
        counts = [0, 0, 0, 0]
        wrong: list[str] = []
        for table_id in TABLE_IDS:
            table = report.tables[table_id]
            for row, columns in expected[table_id].items():
                for column, value in columns.items():
                    got = table[row, column]
                    counts[0] += 1
                    if _equal(value, got):
                        counts[1] += 1
                    elif got is None:
                        counts[2] += 1
                    else:
                        counts[3] += 1
                        wrong.append(f"/{table_id}/{row}/{column}: {got!r}, expected {value!r}")
        print(f"{path.stem:32} {counts[1]:4}/{counts[0]:<4} right {counts[2]:3} blank "
              f"{counts[3]:3} wrong")
        for line in wrong:
            print(f"    WRONG {line}")
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
    return totals[0], totals[1], totals[2], totals[3]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[ROOT, ROOT / "wild"])
    args = parser.parse_args()
    grand = [0, 0, 0, 0]
    for folder in args.folders:
        cells, right, blank, wrong = measure(folder)
        print(f"{folder}: {right}/{cells} right ({right / cells:.2%}), {blank} blank, "
              f"{wrong} wrong\n")
        grand = [a + b for a, b in zip(grand, (cells, right, blank, wrong), strict=True)]
    print(f"all: {grand[1]}/{grand[0]} right, {grand[2]} blank, {grand[3]} wrong")


if __name__ == "__main__":
    main()
