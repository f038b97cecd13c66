"""Where the digit splitter spends its steps on runs spanning several rows (issue 10).

For each harness case named on the command line (``SEED KIND,KIND FORM``, as the fidelity
harness prints them), imports the document and prints, per run of more than one row: its cells,
digits and whitespace, what the row-boundary search (:func:`~gi_report.importers.rowcut.precut`)
found (``cut`` into pieces, ``no full split``: no split meets every row's own total, ``over
bound``, ``not searched``: whitespace a cell may straddle, amounts, no row relation) with its
steps and time; then, per table, the steps the solver's searches took (of ``MAX_TABLE_NODES``
and ``MAX_APART_NODES``), and the case's ``split.too_complex`` notices.

    PYTHONPATH=src:. python benchmarks/longruns.py 2468652075 detached_labels one_line_blanks
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from typing import Any

from benchmarks.fidelity_harness.cases import Case, build_case
from gi_report import read_document
from gi_report.importers import digits, rowcut

_steps: list[list[int]] = []  #: the step counters of the boundary searches made
_paths: list[list[set[int]]] = []  #: the positions each boundary search found, per boundary


def _counting(init: Callable[..., None]) -> Callable[..., None]:
    """A row cutter's ``__init__`` that keeps the step counter it is given."""
    def wrapped(self: Any, *args: Any) -> None:
        init(self, *args)
        if not _steps or _steps[-1] is not self.steps:
            _steps.append(self.steps)
    return wrapped


def _on_path(original: Callable[..., list[set[int]]]) -> Callable[..., list[set[int]]]:
    """The boundary search, its positions kept."""
    def wrapped(*args: Any) -> list[set[int]]:
        found = original(*args)
        _paths.append(found)
        return found
    return wrapped


def _outcome(pieces: Sequence[digits.Run], used: int, searched: bool) -> str:
    if len(pieces) > 1:
        return f"cut into {len(pieces)}"
    if used > rowcut.MAX_STEPS or (used and not searched):
        return "over bound"
    if not searched:
        return "not searched"
    if any(not positions for positions in _paths[-1]):
        return "no full split"
    return "no boundary of one position"


def _precut(original: Callable[..., list[digits.Run]]) -> Callable[..., list[digits.Run]]:
    def wrapped(run: digits.Run, relations: Sequence[rowcut.Relation]) -> list[digits.Run]:
        before, paths = len(_steps), len(_paths)
        start = time.perf_counter()
        pieces = original(run, relations)
        took = time.perf_counter() - start
        used = rowcut.MAX_STEPS - _steps[-1][0] if len(_steps) > before else 0
        rows = len({row for row, _ in run.cells})
        outcome = _outcome(pieces, used, len(_paths) > paths)
        print(f"  run: {rows} rows, {len(run.cells)} cells, {sum(map(len, run.segments))} "
              f"digits, {len(run.segments) - 1} spaces: {outcome}, "
              f"{used:,} steps, {took * 1000:.1f} ms")
        return pieces
    return wrapped


def _solve(original: Callable[..., Any]) -> Callable[..., Any]:
    def wrapped(self: Any) -> Any:
        start = time.perf_counter()
        out = original(self)
        if any(len({row for row, _ in run.cells}) > 1 for run in self.runs) or len(self.runs) > 3:
            print(f"  table {self.spec.id}: {len(self.runs)} runs, search steps "
                  f"{digits.MAX_TABLE_NODES - self.budget.left:,} of {digits.MAX_TABLE_NODES:,},"
                  f" apart {digits.MAX_APART_NODES - self.aside.left:,} of "
                  f"{digits.MAX_APART_NODES:,}, {(time.perf_counter() - start) * 1000:.0f} ms")
        return out
    return wrapped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seed", type=int)
    parser.add_argument("kinds", help="comma-separated damage kinds")
    parser.add_argument("form")
    args = parser.parse_args()
    rowcut._Starts.__init__ = _counting(rowcut._Starts.__init__)  # type: ignore[method-assign]
    rowcut._Ends.__init__ = _counting(rowcut._Ends.__init__)  # type: ignore[method-assign]
    rowcut._on_path = _on_path(rowcut._on_path)
    digits.precut = _precut(digits.precut)
    digits._Solver.solve = _solve(digits._Solver.solve)  # type: ignore[method-assign]
    _, text, kind = build_case(Case(args.seed, tuple(args.kinds.split(",")), args.form))
    start = time.perf_counter()
    result = read_document(text.encode() if isinstance(text, str) else text, kind=kind,
                           warn=False)
    print(f"import {time.perf_counter() - start:.2f} s")
    too = [n for n in result.notices if n.code == "split.too_complex"]
    print(f"split.too_complex notices: {len(too)}, cells: {sum(len(n.cells) for n in too)}")


if __name__ == "__main__":
    main()
