"""The blank cells the fidelity harness counts for one damage kind, and how many of them the
document provably cannot settle: the import's notice lists candidate readings, each consistent
with the form's relations, that give the cell different values (``split.inconsistent``
candidates are not consistent readings and do not count).

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

from benchmarks.fidelity_harness import DAMAGES, FORMS, draw_cases
from benchmarks.fidelity_harness.cases import Case, build_case
from benchmarks.fidelity_harness.compare import imported_cells
from gi_report import read_document
from gi_report.importers.result import Notice


def _why(notices: list[Notice]) -> dict[str, str]:
    """Per cell pointer: ``unsettleable`` or the code of the first notice naming it."""
    why: dict[str, str] = {}
    for n in notices:
        aligned = n.code != "split.inconsistent" and n.candidates and all(
            len(c) == len(n.cells) for c in n.candidates)
        for i, cell in enumerate(n.cells):
            if aligned and len({c[i] for c in n.candidates}) > 1:
                why[cell] = "unsettleable"
            why.setdefault(cell, n.code)
    return why


def _key(case: Case, pointer: str, why: str, by: list[str]) -> tuple[str, ...]:
    """The group of one blank cell: its form, then each of ``by`` (the notice's code or
    ``unsettleable``, the damage kind, the table and row)."""
    parts = {"code": why, "kind": case.label,
             "row": "/".join(pointer.split("/")[1:3])}
    return (case.form, *(parts[b] for b in by))


def _blank_cells(case: Case) -> list[tuple[str, str]]:
    """Each cell of the case stated in the truth and blank in the import, with its reason."""
    doc, text, kind = build_case(case)
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        result = read_document(data, kind=kind, warn=False)
    except Exception:  # a raised import is counted by fidelity.py, not here
        return []
    got = imported_cells(result.report)
    why = _why(list(result.notices))
    return [(p, why.get(p, "-")) for p, v in doc.truth.items()
            if v is not None and got.get(p) is None]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--cases", type=int, default=1500)
    parser.add_argument("--kinds", default="cell_missing", help="comma-separated, or all")
    parser.add_argument("--forms", default="all", help="comma-separated, or all")
    parser.add_argument("--by", default="code", help="comma-separated: code, kind, row")
    args = parser.parse_args()
    kinds = list(DAMAGES) if args.kinds == "all" else args.kinds.split(",")
    forms = list(FORMS) if args.forms == "all" else args.forms.split(",")
    by = args.by.split(",")
    groups: Counter[tuple[str, ...]] = Counter()
    for case in draw_cases(args.seed, args.cases, kinds, forms):
        for pointer, why in _blank_cells(case):
            groups[_key(case, pointer, why, by)] += 1
    total = sum(groups.values())
    proven = sum(v for key, v in groups.items() if "unsettleable" in key)
    for key, count in sorted(groups.items(), key=lambda kv: -kv[1]):
        print(f"{count:>8}  {'  '.join(key)}")
    print(f"blank {total}, provably unsettleable {proven} ({100 * proven / max(total, 1):.1f} %)")


if __name__ == "__main__":
    main()
