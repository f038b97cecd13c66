"""Splits a document that drops blank cells cannot support.

A crawl dump prints nothing for a blank cell, so ``189`` under three cells may be 1, 8, 9 or 1,
blank, 89. When some row of the document is printed with fewer digits than its cells, the
document is known to drop blank cells, and a split is kept only where no dropped cell could
change it: a run of zeros with one digit per cell (``0000000``; a dropped cell would leave a
digit over, and no number starts with 0). Every other split's cells are blank, with a notice
that names the short row and lists the split that would hold if nothing were dropped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from gi_report.form.spec import TableSpec
from gi_report.importers.cellnames import Cell, describe, pointer
from gi_report.importers.digits import Run
from gi_report.importers.result import Notice, notice
from gi_report.table import CellValue

_SPLITS = frozenset({"split.unique", "split.by_text"})


def safe(run: Run) -> bool:
    """Whether no dropped blank cell could change the run's split (zeros, one per cell)."""
    digits = "".join(run.segments)
    return set(digits) == {"0"} and len(digits) == len(run.cells)


def distrust(spec: TableSpec, runs: Sequence[Run], values: Mapping[Cell, CellValue],
             notices: Sequence[Notice], short_row: str
             ) -> tuple[dict[Cell, CellValue], list[Notice]]:
    """The split values and notices, with every split a dropped cell could change undone."""
    unsafe = {cell for run in runs if not safe(run) for cell in run.cells}
    kept = {cell: v for cell, v in values.items() if cell not in unsafe}
    out: list[Notice] = []
    for n in notices:
        cells = [(p.split("/")[2], p.split("/")[3]) for p in n.cells]
        if n.code not in _SPLITS or not any(c in unsafe for c in cells):
            out.append(n)
            continue
        out.append(_notice(spec, n, cells, short_row))
    return kept, out


def _notice(spec: TableSpec, n: Notice, cells: Sequence[Cell], short_row: str) -> Notice:
    shown = "；".join(", ".join("空" if v is None else str(v) for v in c) for c in n.candidates)
    return notice(
        "split.dropped",
        f"文档中的{short_row}一行数字少于单元格（空白单元格未印出），连写的数字"
        f"“{(n.found or '').strip()}”因此无法确定：{describe(spec, cells)} 留空。"
        f"若无省略，唯一的拆分是：{shown}",
        location=n.location, cells=[pointer(spec, c) for c in cells],
        candidates=n.candidates, found=n.found)
