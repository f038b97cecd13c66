"""What the report's own text settles (``split.by_text``), with and without ``narrative_states``.

For the same cases (seed and form), imports the document undamaged and with the
``narrative_states`` damage, and prints per form: cells right / blank / wrong / indistinguishable,
how many cells ``split.by_text`` settled, and how many of those are not the truth, by the kind of
the sentences the notice quotes (an agreeing, contradicting, subset or other statement; see
:mod:`benchmarks.fidelity_harness.stated`). A settled cell that is not the truth because of a
subset or other statement is a defect of the importer; one following a contradicting statement
is the documented risk of reading the text.

    PYTHONPATH=src:. python benchmarks/evidence_states.py --seed 2070 --cases 400
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from benchmarks.fidelity_harness import Case, build_case, compare
from benchmarks.fidelity_harness.cases import _bytes, _classify
from benchmarks.fidelity_harness.stated import Stated
from gi_report import read_document

FORMS = ("one_line", "one_line_blanks", "html", "tab_rows", "cell_per_line")


def _kinds_of(doc: object, quoted: str) -> set[str]:
    """The kinds of the damage's sentences the notice quotes."""
    said = [s for b in doc.blocks if isinstance(b, Stated) for s in b.said]  # type: ignore[attr-defined]
    return {s.kind for s in said if s.sentence in quoted}


def measure(case: Case, counts: Counter[str]) -> None:
    """Add one case's figures to ``counts`` (keys ``form/what``)."""
    doc, text, kind = build_case(case)
    result = read_document(_bytes(text), kind=kind, warn=False)
    tally = compare(doc.truth, result.report)
    if tally.wrong:
        tally = _classify(case, text, result.report, tally)
    key = f"{case.form}/{'states' if case.damages else 'plain'}"
    counts[f"{key}/right"] += tally.right
    counts[f"{key}/blank"] += tally.blank
    counts[f"{key}/wrong"] += len(tally.wrong)
    counts[f"{key}/indist"] += len(tally.indistinguishable)
    indist = {w.pointer for w in tally.indistinguishable}
    got = {w.pointer for w in (*tally.wrong, *tally.indistinguishable)}
    for n in result.notices:
        if n.code == "split.ambiguous":
            counts[f"{key}/ambiguous cells"] += len(n.cells)
        if n.code != "split.by_text":
            continue
        for cell in n.cells:
            counts[f"{key}/by_text"] += 1
            if cell not in got:
                continue
            kinds = "+".join(sorted(_kinds_of(doc, n.message))) or "none"
            what = "indist" if cell in indist else "WRONG"
            counts[f"{key}/by_text not truth ({what}) via {kinds}"] += 1
            print(f"  {case} {cell}: {n.message[:160]}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=2070)
    parser.add_argument("--cases", type=int, default=200, help="seeds per form")
    parser.add_argument("--forms", default=",".join(FORMS))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    seeds = [rng.randrange(2**32) for _ in range(args.cases)]
    counts: Counter[str] = Counter()
    for form in args.forms.split(","):
        for seed in seeds:
            for damages in ((), ("narrative_states",)):
                measure(Case(seed, damages, form), counts)
    for key in sorted(counts):
        print(f"{key:70} {counts[key]:8}")


if __name__ == "__main__":
    main()
