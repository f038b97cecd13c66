"""How many ``row.cell_count`` cells of a dump that drops blank cells any sound reading could
settle: an upper bound, measured with an oracle.

A row printed as one digit run with three or more digits fewer than its cells (``0100`` under
seven cells) is left blank (``row.cell_count``). This script takes each such row of the harness's
cases and reads it every way a dump dropping blank cells could print it
(:func:`gi_report.importers.unprinted.settle`), giving the reading **every other cell of the
table as the truth states it** (an oracle no importer has: the other rows are themselves
ambiguous in the document). A cell that reading does not settle cannot be settled by the form's
relations at all, whatever the rest of the document says; a blank in the truth is some count ≥ 0
to the relations, as in the document. It prints the rows, their cells, the cells the truth
states, and the cells the oracle reading settles (and how many of those differ from the truth:
must be 0).

    PYTHONPATH=src:. python benchmarks/sparse_rows.py --seed 2026 --cases 300
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from benchmarks.fidelity_harness import DAMAGES, draw_cases
from benchmarks.fidelity_harness.cases import Case, build_case
from gi_report import read_document
from gi_report.errors import GIReportError
from gi_report.form import TABLE_IDS
from gi_report.form.spec import CellKind, TableSpec
from gi_report.importers import unprinted
from gi_report.importers.blocks import Location
from gi_report.importers.digits import Run
from gi_report.importers.result import Notice
from gi_report.model import Report
from gi_report.table import CellValue

Cell = tuple[str, str]


def _run(spec: TableSpec, n: Notice) -> Run | None:
    """The row of a ``row.cell_count`` notice as a run read with cells unprinted, or ``None``:
    not one digit run of counts with three digits fewer than its cells or more."""
    found = (n.found or "").strip()
    cells = tuple(tuple(p.split("/")[2:4]) for p in n.cells)
    if not re.fullmatch(r"[0-9]+", found) or len(found) > len(cells) - 3:
        return None
    pairs = [(r, c) for r, c in cells]
    kinds = tuple(spec.column(c).kind for _, c in pairs)
    if not all(k is CellKind.COUNT for k in kinds):
        return None
    return Run(cells=tuple(pairs), kinds=kinds, segments=(found,), text=found,
               location=Location())


def _truth(truth: Mapping[str, object], table: str) -> dict[Cell, CellValue]:
    out: dict[Cell, CellValue] = {}
    for pointer, value in truth.items():
        parts = pointer.split("/")
        if len(parts) == 4 and parts[1] == table:
            out[(parts[2], parts[3])] = value  # type: ignore[assignment]
    return out


def _rows(report: Report, notices: Sequence[Notice]) -> list[tuple[TableSpec, Run]]:
    """The short rows of the imported report's tables (by their ``row.cell_count`` notices)."""
    out: list[tuple[TableSpec, Run]] = []
    for n in notices:
        if n.code != "row.cell_count" or not n.cells:
            continue
        table = n.cells[0].split("/")[1]
        if table in TABLE_IDS and (run := _run(report.tables[table].spec, n)) is not None:
            out.append((report.tables[table].spec, run))
    return out


def measure(case: Case, tally: Counter[str]) -> None:
    """One case's short rows read with the oracle, counted into ``tally``."""
    doc, text, kind = build_case(case)
    try:
        result = read_document(text.encode() if isinstance(text, str) else text, kind=kind,
                               warn=False)
    except GIReportError:
        return
    for spec, run in _rows(result.report, result.notices):
        truth = _truth(doc.truth, spec.id)
        others = {cell: v for cell, v in truth.items() if cell not in run.cells}
        settled = unprinted.settle(spec, others, [run])
        tally["rows"] += 1
        tally["cells"] += len(run.cells)
        tally["stated in the truth"] += sum(truth.get(c) is not None for c in run.cells)
        tally["settled by the oracle"] += len(settled)
        tally["settled, not the truth"] += sum(truth.get(c) != v for c, v in settled.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--form", default="one_line_blanks")
    args = parser.parse_args()
    tally: Counter[str] = Counter()
    for case in draw_cases(args.seed, args.cases, list(DAMAGES), [args.form]):
        measure(case, tally)
    for key in ("rows", "cells", "stated in the truth", "settled by the oracle",
                "settled, not the truth"):
        print(f"{tally[key]:>8}  {key}")


if __name__ == "__main__":
    main()
