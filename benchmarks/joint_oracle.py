"""Which blank cells of a dump that drops blank cells the table's arithmetic, taken jointly,
settles: an exhaustive oracle over every reading of a whole table's digit runs.

Section 三 or 四 of a ``one_line_blanks`` case is printed as digit runs: the value cells of a
printed row run together, a label or header cell ends a run, a blank cell prints nothing. A
*reading* of the table is, for every run, a cut of its digits into numbers (0 alone, no number
starting with 0, at most a count's digits) laid over the run's cells in order, the cells that
take no number blank. A reading is *as consistent as the truth* when every relation of the
table (the ``gi.sum`` family: row totals, column sums, balances) that the truth (as the damaged
document states it) breaks is broken by the reading too, and every other relation holds or is
not evaluable (a blank cell in it) — the proof of blanks' rule for a dump that drops blank cells
(:func:`benchmarks.fidelity_harness.unsettled.as_consistent`). A cell is **settleable** when
every such reading gives it one value; the truth is one of them, so that value is the truth's.

The search is :mod:`benchmarks.fidelity_harness.joint` (:func:`~.joint.judge`): each run's
readings listed, filtered by the bounds the other runs allow, one whole reading found by
backtracking, then, cell by cell, a whole reading giving the cell another value; every search
within a step bound (over it: the cell counts as *over the bound*, never as settled). Only
tables printed as labelled runs of digits are modelled: a table with labels printed apart (its
runs' rows unknown), a cell holding a space or a unit word, or a section 三 printed in another
column order is *not modelled*.

It prints, for the cells of sections 三 and 四 the truth states, what the import did (read them
right, or left them blank: the code of the first notice naming the cell) against the oracle's
verdict, by table; (with ``--tries``) the blanks against the proof of blanks' verdict; and the
settleable blanks by damage kind and notice code (where to look first).

    PYTHONPATH=src:. python benchmarks/joint_oracle.py --seed 2026 --cases 300
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from benchmarks.fidelity_harness import DAMAGES, draw_cases
from benchmarks.fidelity_harness.cases import Case, build_case, run_case
from benchmarks.fidelity_harness.compare import imported_cells
from benchmarks.fidelity_harness.joint import TABLES, Cell, Verdict, oracle, table_truth
from benchmarks.fidelity_harness.unsettled import UNSETTLEABLE
from gi_report import read_document
from gi_report.errors import GIReportError


def measure(case: Case, tries: int, tally: Counter[tuple[str, ...]]) -> int:
    """One case: each cell of sections 三 and 四 the truth states, counted by table, what the
    import did (the code of the first notice naming a blank cell, or ``read``), the oracle's
    verdict and (``tries`` > 0) the proof's reason for a blank; the number of cells compared."""
    doc, text, kind = build_case(case)
    try:
        result = read_document(text.encode() if isinstance(text, str) else text, kind=kind,
                               warn=False)
    except GIReportError:
        return len(doc.truth)
    got = imported_cells(result.report)
    codes: dict[str, str] = {}
    for n in result.notices:
        for pointer in n.cells:
            codes.setdefault(pointer, n.code)
    why = _proof(case, tries)
    for table in TABLES:
        verdict = oracle(doc, table, "column_order" in case.damages)
        truth = table_truth(doc, table)
        for cell, value in truth.items():
            pointer = f"/{table}/{cell[0]}/{cell[1]}"
            if value is None or got.get(pointer) not in (None, value):
                continue
            what = "read" if got.get(pointer) is not None else codes.get(pointer, "-")
            tally[(table, what, _kind(verdict, cell, truth), why.get(pointer, "-"),
                   case.label)] += 1
    return len(doc.truth)


def _proof(case: Case, tries: int) -> dict[str, str]:
    """Each blank's reason from the proof of blanks (``unsettleable`` or ``not proven``)."""
    if not tries:
        return {}
    outcome = run_case(case, tries=tries)
    if outcome.tally is None:
        return {}
    return {b.pointer: "unsettleable" if b.why == UNSETTLEABLE else "not proven"
            for b in outcome.tally.blanks}


def _kind(verdict: Verdict | None, cell: Cell, truth: Mapping[Cell, int | None]) -> str:
    if verdict is None:
        return "not modelled"
    if verdict.inconsistent:
        return "no reading"
    if cell in verdict.settled:
        assert verdict.settled[cell] == truth.get(cell), (cell, verdict.settled[cell])
        return "settleable"
    return "over the bound" if cell in verdict.over else "unsettleable"


def report(tally: Counter[tuple[str, ...]], cells: int) -> None:
    """The tally by code and table, and the total against the form's cells compared."""
    kinds = ("settleable", "unsettleable", "over the bound", "no reading", "not modelled")
    print(f"{'table':<18} {'code':<20} " + " ".join(f"{k:>14}" for k in kinds))
    keys = sorted({(t, c) for t, c, *_ in tally})
    for t, c in keys:
        counts = [sum(n for (t2, c2, k2, *_), n in tally.items() if (t2, c2, k2) == (t, c, k))
                  for k in kinds]
        print(f"{t:<18} {c:<20} " + " ".join(f"{n:>14}" for n in counts))
    totals = [sum(n for (_, c2, k2, *_), n in tally.items() if k2 == k and c2 != "read")
              for k in kinds]
    print(f"{'all blanks':<18} {'':<20} " + " ".join(f"{n:>14}" for n in totals))
    print(f"settleable blanks: {totals[0]} of {cells} compared cells "
          f"({100 * totals[0] / max(cells, 1):.2f} %)", flush=True)
    whys = sorted({w for _, _, _, w, _ in tally})
    for w in whys:
        for k in kinds:
            n = sum(v for (_, c2, k2, w2, _), v in tally.items() if (k2, w2) == (k, w)
                    and c2 != "read")
            if n:
                print(f"proof {w:<14} oracle {k:<16} {n:>8}")
    settleable: Counter[tuple[str, str]] = Counter()
    for (_, c, k, _, d), n in tally.items():
        if k == "settleable" and c != "read":
            settleable[(d, c)] += n
    for (damage, code), n in sorted(settleable.items(), key=lambda kv: -kv[1]):
        print(f"settleable {damage:<22} {code:<20} {n:>8}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--form", default="one_line_blanks")
    parser.add_argument("--tries", type=int, default=0,
                        help="the proof of blanks' renders per case (0: not run)")
    parser.add_argument("--every", type=int, default=50, help="print the tally every N cases")
    args = parser.parse_args()
    tally: Counter[tuple[str, ...]] = Counter()
    cells = 0
    start = time.process_time()
    for n, case in enumerate(draw_cases(args.seed, args.cases, list(DAMAGES), [args.form]), 1):
        cells += measure(case, args.tries, tally)
        if n % args.every == 0 or n == args.cases:
            print(f"--- {n} cases, CPU {time.process_time() - start:.1f} s", flush=True)
            report(tally, cells)
    print(f"CPU {time.process_time() - start:.1f} s")


if __name__ == "__main__":
    main()
