"""The blank cells the fidelity harness counts, grouped by form, notice code and what the proof
found: *unsettleable* (another report, as consistent with the form's relations as the truth,
prints the same bytes with the same random draws: :mod:`benchmarks.fidelity_harness.unsettled`)
or why not proven. ``benchmarks/fidelity.py`` prints the totals (``unsettl``, ``right%settl``);
this script shows where the blanks are.

    PYTHONPATH=src:. python benchmarks/unsettleable.py --seed 2026 --cases 1500 --kinds cell_missing
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from benchmarks.fidelity_harness import FORMS, draw_cases, run_case
from benchmarks.fidelity_harness.unsettled import MAX_TRIES, UNSETTLEABLE


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--cases", type=int, default=1500)
    parser.add_argument("--kinds", default="cell_missing")
    parser.add_argument("--forms", default=",".join(FORMS))
    parser.add_argument("--tries", type=int, default=MAX_TRIES)
    args = parser.parse_args()
    groups: Counter[tuple[str, str, str]] = Counter()
    for case in draw_cases(args.seed, args.cases, args.kinds.split(","), args.forms.split(",")):
        outcome = run_case(case, tries=args.tries)
        for blank in outcome.tally.blanks if outcome.tally is not None else ():
            groups[(case.form, blank.code, blank.why)] += 1
    total = sum(groups.values())
    proven = sum(v for (_, _, why), v in groups.items() if why == UNSETTLEABLE)
    for (form, code, why), count in sorted(groups.items(), key=lambda kv: -kv[1]):
        print(f"{count:>8}  {form:<16} {code:<22} {why}")
    print(f"blank {total}, proven unsettleable {proven} ({100 * proven / max(total, 1):.1f} %)")


if __name__ == "__main__":
    main()
