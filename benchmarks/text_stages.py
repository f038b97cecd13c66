"""Where the time of a text import goes: CPU time per stage, each stage timed in place.

Two views, both printed:

* one real crawl dump (``2021-pingtan.txt`` unless named), imported ``--imports`` times: per
  stage the best of those imports (decode, ``parse_text``, the assembler's own work, the grid's
  row reading, the digit splitter, the text evidence, the rest);
* the fidelity harness's damaged one-line dumps (``--cases``), each imported once after a
  warm-up: per stage the mean per document, and how the digit splitter's time divides between
  the row-boundary cut of its set-up (``rowcut.precut``) and its search.

``--src`` measures the gi_report under another folder (an older ``src``): run both, one after
the other, for before/after figures.

    PYTHONPATH=src:. python benchmarks/text_stages.py
    PYTHONPATH=src:. python benchmarks/text_stages.py --src /tmp/old/src
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus"
STAGES = (("api", "decode"), ("api", "parse_text"), ("api", "assemble"),
          ("grid", "read_section"), ("grid", "solve"), ("grid", "settle"),
          ("digits", "precut"))
"""(module of ``gi_report.importers``, name it calls): each stage, timed where it is called."""


def _timed(acc: dict[str, float], label: str, func: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            acc[label] += time.process_time() - start
    return timed


def _instrument(acc: dict[str, float]) -> None:
    import importlib

    for module_name, name in STAGES:
        module = importlib.import_module(f"gi_report.importers.{module_name}")
        if hasattr(module, name):  # an older src may lack a stage
            setattr(module, name, _timed(acc, f"{module_name}.{name}", getattr(module, name)))


def _rows(acc: dict[str, float]) -> list[tuple[str, float]]:
    """The stages as printed: the assembler's own work and the rest are differences."""
    get = acc.get
    tables = get("grid.read_section", 0) + get("grid.solve", 0) + get("grid.settle", 0)
    return [
        ("decode bytes (encoding)", get("api.decode", 0)),
        ("line -> blocks (text.parse_text)", get("api.parse_text", 0)),
        ("assemble less the three below", get("api.assemble", 0) - tables),
        ("rows -> cells (grid.read_section)", get("grid.read_section", 0)),
        ("digit runs split (digits.solve)", get("grid.solve", 0)),
        ("  of which row-boundary cut (rowcut.precut)", get("digits.precut", 0)),
        ("splits settled by text (evidence.settle)", get("grid.settle", 0)),
        ("the rest (api, and the timers themselves)", get("total", 0) - get("api.decode", 0)
         - get("api.parse_text", 0) - get("api.assemble", 0)),
        ("total", get("total", 0)),
    ]


def _one_report(read: Callable[..., Any], acc: dict[str, float], data: bytes,
                imports: int) -> dict[str, float]:
    best: dict[str, float] = defaultdict(lambda: float("inf"))
    for _ in range(imports):
        acc.clear()
        start = time.process_time()
        read(data, kind="text", warn=False)
        acc["total"] = time.process_time() - start
        for label, seconds in _rows(acc):
            best[label] = min(best[label], seconds)
    return best


def _harness(read: Callable[..., Any], acc: dict[str, float], cases: int) -> dict[str, float]:
    from benchmarks.fidelity_harness.cases import _bytes, build_case, draw_cases
    from benchmarks.fidelity_harness.damage import DAMAGES

    documents = [_bytes(build_case(case)[1])
                 for case in draw_cases(4242, cases, list(DAMAGES), ["one_line"])]
    for data in documents:
        read(data, kind="text", warn=False)  # warm the caches of the form's vocabulary
    acc.clear()
    start = time.process_time()
    for data in documents:
        read(data, kind="text", warn=False)
    acc["total"] = time.process_time() - start
    return {label: seconds / len(documents) for label, seconds in _rows(acc)}


def main(argv: list[str] | None = None) -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", nargs="?", default="2021-pingtan.txt")
    parser.add_argument("--imports", type=int, default=60, help="imports of the report (best)")
    parser.add_argument("--cases", type=int, default=400, help="one-line harness documents")
    parser.add_argument("--src", type=Path, help="import gi_report from this folder")
    args = parser.parse_args(argv)
    sys.setrecursionlimit(10_000)
    if args.src is not None:
        sys.path.insert(0, str(args.src.resolve()))
    from gi_report import read_document

    acc: dict[str, float] = defaultdict(float)
    _instrument(acc)
    print(f"gi_report from {sys.modules['gi_report'].__file__}")
    best = _one_report(read_document, acc, (CORPUS / args.report).read_bytes(), args.imports)
    print(f"{args.report}: CPU µs, best of {args.imports} imports, per stage")
    for label, seconds in best.items():
        print(f"  {label:<46} {seconds * 1e6:>9,.0f}")
    mean = _harness(read_document, acc, args.cases)
    total = mean["total"]
    print(f"harness one-line dumps ({args.cases} cases): CPU ms per document, mean")
    for label, seconds in mean.items():
        print(f"  {label:<46} {seconds * 1e3:>9.2f}  {100 * seconds / total:5.1f} %")


if __name__ == "__main__":
    main()
