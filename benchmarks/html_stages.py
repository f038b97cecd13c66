"""Where the time of an HTML import goes: CPU time per stage, each stage timed in place.

One real page (``2023-shuyang-drc.html`` unless named) is imported ``--imports`` times; per
stage the best of those imports is printed (a stage's time includes the stages nested in it,
which are printed indented below it). ``--src`` measures the gi_report under another folder
(an older ``src``): run both, one after the other, for before/after figures.

    PYTHONPATH=src python benchmarks/html_stages.py
    PYTHONPATH=src python benchmarks/html_stages.py --src /tmp/old/src
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus"
STAGES = (
    ("decode bytes", "api", None, "decode", 0),
    ("page reader (parse_html)", "api", None, "parse_html", 0),
    ("libxml2's parse", "html", None, "_parse", 1),
    ("tables: cells, spans, locations", "html", "_Reader", "table", 1),
    ("limits check", "api", None, "check_document", 0),
    ("assemble", "api", None, "assemble", 0),
    ("page furniture (clean)", "assemble", "_Assembler", "clean", 1),
    ("section outline", "assemble", None, "outline", 1),
    ("tables moved between sections", "assemble", "_Assembler", "placed", 1),
    ("front matter", "assemble", "_Assembler", "front", 1),
    ("metadata", "assemble", "_Assembler", "metadata", 1),
    ("tables (read, split, notices)", "assemble", "_Assembler", "tables", 1),
    ("rows -> cells (read_tables)", "assemble", None, "read_tables", 2),
    ("fast path: one plain table (fastread.place)", "fastread", None, "place", 3),
    ("rows (read_rows)", "grid", None, "read_rows", 3),
    ("align", "grid", None, "align_labelled", 3),
    ("placer set-up", "grid", None, "_placer", 3),
    ("digit runs, Table objects", "assemble", None, "_completed", 2),
    ("template", "assemble", "_Assembler", "template", 1),
    ("fees", "assemble", None, "read_fees", 1),
    ("sub-sections", "assemble", None, "subsections", 1),
)
"""(label, module of ``gi_report.importers``, class or None, name, depth)."""


def _timed(acc: dict[str, float], label: str, func: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            acc[label] += time.process_time() - start
    return timed


def _instrument(acc: dict[str, float]) -> list[tuple[str, int]]:
    shown: list[tuple[str, int]] = []
    for label, module_name, cls, name, depth in STAGES:
        try:
            module = importlib.import_module(f"gi_report.importers.{module_name}")
        except ImportError:  # an older src may lack a module
            continue
        owner = module if cls is None else getattr(module, cls, None)
        if owner is None or not hasattr(owner, name):  # an older src may lack a stage
            continue
        setattr(owner, name, _timed(acc, label, getattr(owner, name)))
        shown.append((label, depth))
    return shown


def main(argv: list[str] | None = None) -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", default="2023-shuyang-drc.html")
    parser.add_argument("--imports", type=int, default=200, help="imports of the page (best)")
    parser.add_argument("--src", type=Path, help="import gi_report from this folder")
    args = parser.parse_args(argv)
    sys.setrecursionlimit(10_000)
    if args.src is not None:
        sys.path.insert(0, str(args.src.resolve()))
    from gi_report import read_document

    acc: dict[str, float] = defaultdict(float)
    shown = _instrument(acc)
    print(f"gi_report from {sys.modules['gi_report'].__file__}")
    data = (CORPUS / args.page).read_bytes()
    best: dict[str, float] = defaultdict(lambda: float("inf"))
    for _ in range(args.imports):
        acc.clear()
        start = time.process_time()
        read_document(data, kind="html", warn=False)
        acc["whole import"] = time.process_time() - start
        for label, seconds in acc.items():
            best[label] = min(best[label], seconds)
    print(f"{args.page}: CPU µs, best of {args.imports} imports, per stage")
    for label, depth in [*shown, ("whole import", 0)]:
        print(f"  {'  ' * depth}{label:<{46 - 2 * depth}} {best[label] * 1e6:>9,.0f}")


if __name__ == "__main__":
    main()
