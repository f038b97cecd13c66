"""The blank cells the fidelity harness counts, grouped by form, notice code and what the proof
found: *unsettleable* (another report, as consistent with the form's relations as the truth,
prints the same bytes with the same random draws: :mod:`benchmarks.fidelity_harness.unsettled`)
or why not proven. ``benchmarks/fidelity.py`` prints the totals (``unsettl``, ``right%settl``);
this script shows where the blanks are.

    PYTHONPATH=src:. python benchmarks/unsettleable.py --seed 2026 --cases 1500 --kinds cell_missing
    PYTHONPATH=src:. python benchmarks/unsettleable.py --forms one_line_blanks --kinds all \
        --by code,kind,row
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from benchmarks.fidelity_harness import DAMAGES, FORMS, draw_cases, run_case
from benchmarks.fidelity_harness.cases import Case
from benchmarks.fidelity_harness.unsettled import MAX_TRIES, UNSETTLEABLE, Blank


def _key(case: Case, blank: Blank, by: list[str]) -> tuple[str, ...]:
    """The group of one blank cell: its form, each of ``by`` (the notice's code, the damage
    kind, the table and row), then what the proof found."""
    parts = {"code": blank.code, "kind": case.label,
             "row": "/".join(blank.pointer.split("/")[1:3])}
    return (case.form, *(parts[b] for b in by), blank.why)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--cases", type=int, default=1500)
    parser.add_argument("--kinds", default="cell_missing", help="comma-separated, or all")
    parser.add_argument("--forms", default="all", help="comma-separated, or all")
    parser.add_argument("--by", default="code", help="comma-separated: code, kind, row")
    parser.add_argument("--tries", type=int, default=MAX_TRIES)
    args = parser.parse_args()
    kinds = list(DAMAGES) if args.kinds == "all" else args.kinds.split(",")
    forms = list(FORMS) if args.forms == "all" else args.forms.split(",")
    by = args.by.split(",")
    groups: Counter[tuple[str, ...]] = Counter()
    for case in draw_cases(args.seed, args.cases, kinds, forms):
        outcome = run_case(case, tries=args.tries)
        for blank in outcome.tally.blanks if outcome.tally is not None else ():
            groups[_key(case, blank, by)] += 1
    total = sum(groups.values())
    proven = sum(v for key, v in groups.items() if key[-1] == UNSETTLEABLE)
    for key, count in sorted(groups.items(), key=lambda kv: -kv[1]):
        print(f"{count:>8}  {'  '.join(key)}")
    print(f"blank {total}, proven unsettleable {proven} ({100 * proven / max(total, 1):.1f} %)")


if __name__ == "__main__":
    main()
