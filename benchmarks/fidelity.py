"""The generalisation harness: damaged generated reports, imported and compared cell by cell.

Generated reports (both templates, mixed layouts, blanks, exact amounts) are written in each form
the importers read, damaged in each way issue 10 lists and in combinations, imported with
``gi_report.read_document`` and compared with the truth. Prints, per damage kind, per form and
overall: cells right, cells left blank, cells wrong (a value differing from the truth, or a value
where the truth is blank), cells indistinguishable (read otherwise, where the document is proven
to print the same for the values read: counted apart, never right) and the documents whose
import raised; writes every wrong cell (seed,
damage, form, cell, got, truth) to a JSON file, so each can be rebuilt with
``benchmarks.fidelity_harness.build_case``. The invariant is wrong = 0; the goal ≥ 99 % right.

    PYTHONPATH=src:. python benchmarks/fidelity.py --quick
    PYTHONPATH=src:. python benchmarks/fidelity.py --cases 6000 --jobs 2 --wrong wrong.json
    PYTHONPATH=src:. python benchmarks/fidelity.py --kinds two_numbers,column_order --forms html
"""

from __future__ import annotations

import argparse
import functools
import json
import multiprocessing
import os
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere

from benchmarks.fidelity_harness import DAMAGES, FORMS, Case, Outcome, draw_cases, run_case
from benchmarks.fidelity_harness.unsettled import MAX_TRIES, UNSETTLEABLE


class Totals:
    """Documents, cells right / blank / wrong and exceptions of a group of cases."""

    def __init__(self) -> None:
        self.documents = self.right = self.blank = self.wrong = self.raised = 0
        self.indistinguishable = self.unsettleable = 0
        self.wrong_documents = 0
        self.errors: Counter[str] = Counter()

    def add(self, outcome: Outcome) -> None:
        self.documents += 1
        if outcome.tally is None:
            self.raised += 1
            self.errors[(outcome.error or "").split(":", 1)[0]] += 1
            return
        self.right += outcome.tally.right
        self.blank += outcome.tally.blank
        self.wrong += len(outcome.tally.wrong)
        self.indistinguishable += len(outcome.tally.indistinguishable)
        self.unsettleable += outcome.tally.unsettleable
        self.wrong_documents += bool(outcome.tally.wrong)

    def line(self, name: str) -> str:
        cells = self.right + self.blank + self.wrong + self.indistinguishable
        share = 100.0 * self.right / cells if cells else 0.0
        settleable = cells - self.unsettleable
        settled = 100.0 * self.right / settleable if settleable else 0.0
        errors = ", ".join(f"{k}×{v}" for k, v in self.errors.most_common())
        return (f"{name:<22}{self.documents:>7}{self.right:>11}{self.blank:>9}{self.wrong:>8}"
                f"{self.wrong_documents:>9}{self.indistinguishable:>8}{self.raised:>8}"
                f"{share:>9.2f}%{self.unsettleable:>9}{settled:>11.2f}%  {errors}")


HEADER = (f"{'':<22}{'docs':>7}{'right':>11}{'blank':>9}{'wrong':>8}{'wrong-d':>9}"
          f"{'indist':>8}{'raised':>8}{'right%':>10}{'unsettl':>9}{'right%settl':>12}")


def _table(title: str, groups: dict[str, Totals], order: Iterable[str]) -> None:
    print(f"\n{title}")
    print(HEADER)
    for name in order:
        if name in groups:
            print(groups[name].line(name))


def _write_json(path: Path, data: object) -> None:
    """Write atomically: a temporary file in the same directory, then renamed over ``path``."""
    fd, tmp = tempfile.mkstemp(dir=path.parent or Path("."), prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, indent=1)
    os.replace(tmp, path)


def _wrong_rows(outcomes: Sequence[Outcome]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for o in outcomes:
        if o.tally is None:
            rows.append({"seed": o.case.seed, "damages": list(o.case.damages),
                         "form": o.case.form, "raised": o.error})
            continue
        for w in o.tally.wrong:
            rows.append({"seed": o.case.seed, "damages": list(o.case.damages),
                         "form": o.case.form, "cell": w.pointer, "got": w.got,
                         "truth": w.truth})
        for w in o.tally.indistinguishable:
            rows.append({"seed": o.case.seed, "damages": list(o.case.damages),
                         "form": o.case.form, "cell": w.pointer, "got": w.got,
                         "truth": w.truth, "indistinguishable": True})
    return rows


def _blank_rows(outcomes: Sequence[Outcome]) -> list[dict[str, object]]:
    """Every blank cell not proven unsettleable: the case, the cell, its truth, the first notice
    naming it and why the proof did not settle it."""
    rows: list[dict[str, object]] = []
    for o in outcomes:
        for b in o.tally.blanks if o.tally is not None else ():
            if b.why != UNSETTLEABLE:
                rows.append({"seed": o.case.seed, "damages": list(o.case.damages),
                             "form": o.case.form, "label": o.case.label, "cell": b.pointer,
                             "truth": b.truth, "code": b.code, "why": b.why})
    return rows


def _reasons(outcomes: Sequence[Outcome]) -> str:
    """How many blank cells the proof settled, and why the others were not proven."""
    why = Counter(b.why for o in outcomes for b in (o.tally.blanks if o.tally else ()))
    return ", ".join(f"{k} {v}" for k, v in why.most_common())


def _names(value: str | None, known: Sequence[str], what: str) -> list[str]:
    if not value:
        return list(known)
    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in known]
    if unknown:
        raise SystemExit(f"unknown {what}: {', '.join(unknown)}; known: {', '.join(known)}")
    return names


def _holding(cases: list[Case], kind: str | None) -> list[Case]:
    """The cases holding ``kind`` (all if None): a kind's rows of a full run, in fewer cases."""
    if kind is not None and kind not in DAMAGES:
        raise SystemExit(f"unknown damage kind: {kind}")
    return [c for c in cases if kind is None or kind in c.damages]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a few hundred cases (300)")
    parser.add_argument("--cases", type=int, default=None, help="damaged documents (6000)")
    parser.add_argument("--seed", type=int, default=2026, help="seed of the whole run")
    parser.add_argument("--kinds", help="comma-separated damage kinds (default: all)")
    parser.add_argument("--forms", help="comma-separated document forms (default: all)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    parser.add_argument("--wrong", type=Path, default=Path("fidelity-wrong.json"),
                        help="where to write the wrong cells and raised documents (JSON)")
    parser.add_argument("--blanks", type=Path, default=None,
                        help="where to write the blank cells not proven unsettleable (JSON)")
    parser.add_argument("--holding", help="run only the drawn cases holding this damage kind "
                        "(the same cases as the whole draw: their rows match a full run's)")
    parser.add_argument("--tries", type=int, default=MAX_TRIES,
                        help=f"alternative reports rendered per case by the proof of blanks "
                             f"({MAX_TRIES}; 0: no proof)")
    args = parser.parse_args(argv)
    kinds = _names(args.kinds, list(DAMAGES), "damage kinds")
    forms = _names(args.forms, list(FORMS), "forms")
    count = args.cases or (300 if args.quick else 6000)
    cases = _holding(draw_cases(args.seed, count, kinds, forms), args.holding)

    start = time.perf_counter()
    run = functools.partial(run_case, tries=args.tries)
    if args.jobs > 1:
        with multiprocessing.Pool(args.jobs) as pool:
            outcomes = pool.map(run, cases, chunksize=16)
    else:
        outcomes = [run(c) for c in cases]
    elapsed = time.perf_counter() - start

    by_kind: dict[str, Totals] = defaultdict(Totals)
    by_form: dict[str, Totals] = defaultdict(Totals)
    by_pair: dict[str, Totals] = defaultdict(Totals)
    overall = Totals()
    for o in outcomes:
        overall.add(o)
        by_kind[o.case.label].add(o)
        by_form[o.case.form].add(o)
        if o.case.label not in ("none", "combined"):
            by_pair[f"{o.case.label}"].add(o)
        for name in o.case.damages if len(o.case.damages) > 1 else ():
            by_kind[f"+{name}"].add(o)

    held = f" holding {args.holding}, of {count} drawn" if args.holding else ""
    print(f"{len(cases)} documents{held}, seed {args.seed}, {len(kinds)} damage kinds × "
          f"{len(forms)} forms, {elapsed:.1f} s ({len(cases) / elapsed:.0f} documents/s, "
          f"{args.jobs} job(s))")
    print("cells: right = as stated, or blank where the truth is blank; blank = a stated value "
          "left blank; wrong = any other value; wrong-d = documents with a wrong cell; indist = "
          "read otherwise, the document proven to print the same for the values read (never "
          "right, not wrong); unsettl = blank cells proven unsettleable (another report as "
          "consistent with the form's relations prints the same bytes); right%settl = right / "
          "(compared cells - unsettl)")
    _table("per damage kind (alone; 'combined' = 2–4 kinds; '+kind' = combinations with it)",
           by_kind, ["none", *kinds, "combined", *(f"+{k}" for k in kinds)])
    _table("per document form", by_form, forms)
    print()
    print(HEADER)
    print(overall.line("overall"))
    rows = _wrong_rows(outcomes)
    _write_json(args.wrong, rows)
    print(f"\n{len(rows)} wrong and indistinguishable cells and raised documents written to "
          f"{args.wrong}")
    print(f"blank cells by the proof (at most {args.tries} alternatives rendered per case): "
          f"{_reasons(outcomes)}")
    if args.blanks is not None:
        blanks = _blank_rows(outcomes)
        _write_json(args.blanks, blanks)
        print(f"{len(blanks)} blank cells not proven unsettleable written to {args.blanks}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
