"""Splits a document that drops blank cells cannot support.

A crawl dump prints nothing for a blank cell, so ``189`` under three cells may be 1, 8, 9 or 1,
blank, 89. When some row of the document is printed with fewer digits than its cells, or as its
label alone, or holds only with a cell unprinted, the document is known to drop blank cells,
and a split is kept only where no dropped cell could change it: a run of zeros with one digit
per cell and no whitespace (``0000000``; a dropped cell would leave a digit over, and no number
starts with 0), or a run the table's arithmetic checks twice over (:func:`checked`: two
relations or more stated in full and holding for each of its rows, each of its cells in one of
them, none broken; a run lacking a cell would have to meet its row total and its column sums
by chance). Every other split's cells are blank, with a notice that names the short row and
lists the split that would hold if nothing were dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from decimal import Decimal

from gi_report.form.spec import Relation, TableSpec
from gi_report.importers import dropshift, gaps
from gi_report.importers.cellnames import Cell, cell_of, describe, pointer
from gi_report.importers.digits import Run, Solution
from gi_report.importers.result import Notice, notice
from gi_report.table import CellValue

_SPLITS = frozenset({"split.unique", "split.by_text", "row.gap"})
_CHECKS = 2
"""Relations (stated in full and holding) a run must be checked by to stand in such a
document; each of its cells in one of them at least."""


def safe(run: Run) -> bool:
    """Whether no dropped blank cell could change the run's split (zeros, one per cell, no
    whitespace: ``0 00`` may be a cell holding two numbers, a zero and a dropped blank)."""
    digits = "".join(run.segments)
    return set(digits) == {"0"} and len(digits) == len(run.cells) and len(run.segments) == 1


def _zeros_apart(run: Run) -> bool:
    """Whether ``run`` prints only zeros with whitespace between them (``000 0000``): a cell of
    two numbers (``0 0``) and a dropped blank read as seven zeros hold every sum as well, so
    no relation can check such a split."""
    return any(run.soft) and set("".join(run.segments)) <= {"0"}


def checked(spec: TableSpec, run: Run, values: Mapping[Cell, CellValue],
            chosen: frozenset[Cell] = frozenset(), unsure: frozenset[Cell] = frozenset()
            ) -> bool:
    """Whether the table's arithmetic confirms the run's split twice over: no cell chosen by
    the narrative (``chosen``), no relation touching the run broken (a blank cell some count
    ≥ 0), every cell in a relation stated in full in ``values`` and holding, and each row of
    the run in :data:`_CHECKS` such relations or more (a run lacking a cell would have to
    meet every one of them by chance: cutting a printed number lowers its row's sum). A run
    read as lacking cells (its one consistent reading) needs each cell it reads checked once
    more. One relation through an ``unsure`` cell (one of several of which one is lacking,
    :func:`lacking_once`) that does not hold checks nothing and breaks nothing: the lacking
    cell may be in it (a misread would break its row total or a second relation as well)."""
    cells = set(run.cells)
    if cells & chosen or _zeros_apart(run):
        return False
    full = _full_relations(spec, cells, values, unsure)
    if full is None:
        return False
    uses = Counter((c.row, c.column) for rel in full for c in rel.cells)
    if run.lacking:  # placed as the one consistent reading: each cell read checked once more
        return all(uses[cell] >= 1 for cell in cells if values.get(cell) is not None)
    if not all(uses[cell] >= 1 for cell in cells) or not _rows_checked(full, cells):
        return False
    return _cells_checked(uses, cells) or not dropshift.may_lack_one(spec, run, values)


def _rows_checked(full: Sequence[Relation], cells: set[Cell]) -> bool:
    """Whether each row of a run is in :data:`_CHECKS` of the ``full`` relations or more: a run
    over several rows (section 四 as one run) that lacks a cell shifts digits from one row into
    the next, so each row's part must meet relations of its own by chance, not the run's."""
    rows = {row for row, _ in cells}
    return all(sum(1 for rel in full if any(c.row == row for c in rel.cells)) >= _CHECKS
               for row in rows)


def _cells_checked(uses: Counter[Cell], cells: set[Cell]) -> bool:
    """Whether in each row of a run one cell at most is in fewer than :data:`_CHECKS` of the
    full relations (``uses``): a misread a dropped cell explains changes two cells of a row or
    more (the digits are the same), one of which a second relation then meets by chance.
    Otherwise a second relation may go through cells the misread leaves alone, and the run
    is checked by reading it with a cell dropped (:mod:`~gi_report.importers.dropshift`)."""
    rows = {row for row, _ in cells}
    return all(sum(1 for cell in cells if cell[0] == row and uses[cell] < _CHECKS) <= 1
               for row in rows)


def _full_relations(spec: TableSpec, cells: set[Cell], values: Mapping[Cell, CellValue],
                    unsure: frozenset[Cell] = frozenset()) -> list[Relation] | None:
    """The relations touching ``cells`` stated in full and holding; ``None`` if one of the
    relations touching them is broken (one through an ``unsure`` cell is left out instead)."""
    touching = [rel for rel in spec.relations if any((c.row, c.column) in cells for c in rel.cells)]
    broken = [rel for rel in touching if not gaps.possible(spec, rel, values)]
    if len(broken) > 1 or any(unsure.isdisjoint((c.row, c.column) for c in rel.cells)
                              for rel in broken):
        return None  # one lacking cell breaks one relation of a run; a misread, more
    return [rel for rel in touching if rel not in broken and _stated_and_holds(rel, values)]


def _stated_and_holds(rel: Relation, values: Mapping[Cell, CellValue]) -> bool:
    """Whether every cell of ``rel`` holds a number in ``values`` and its sides are equal."""
    left = [_number(values.get((c.row, c.column))) for c in rel.left]
    right = [_number(values.get((c.row, c.column))) for c in rel.right]
    if any(v is None for v in (*left, *right)):
        return False
    return sum(v for v in left if v is not None) == sum(v for v in right if v is not None)


def _number(value: CellValue) -> Decimal | None:
    return Decimal(value) if isinstance(value, int | Decimal) and not isinstance(
        value, bool) else None


def distrust(spec: TableSpec, runs: Sequence[Run], values: Mapping[Cell, CellValue],
             notices: Sequence[Notice], short_row: str, *, why: str | None = None
             ) -> tuple[dict[Cell, CellValue], list[Notice]]:
    """The split values and notices, with every split a dropped cell could change undone
    (``why``: what tells the document drops cells, if not ``short_row`` printed short)."""
    chosen = frozenset(
        cell_of(p)
        for n in notices if n.code == "split.by_text" for p in n.cells)
    once = lacking_once(runs, notices)
    checking = {**values, **once}
    unsure = frozenset(once)
    unsafe = {cell for run in runs
              if not safe(run) and not checked(spec, run, checking, chosen, unsure)
              for cell in run.cells}
    kept = {cell: v for cell, v in values.items() if cell not in unsafe}
    out: list[Notice] = []
    for n in notices:
        cells = [cell_of(p) for p in n.cells]
        if n.code not in _SPLITS or not any(c in unsafe for c in cells):
            out.append(n)
            continue
        out.append(_notice(spec, n, cells, short_row, why))
    return kept, out


def relaxed(runs: Sequence[Run], solution: Solution) -> list[Run]:
    """``runs`` with those the solver read as lacking a cell (:attr:`Solution.relaxed`)
    marked so, which :func:`checked` holds to each cell read checked once more."""
    lacking = {(run.cells, run.text): run for run in solution.relaxed}
    return [lacking.get((run.cells, run.text), run) for run in runs]


def lacking_once(runs: Sequence[Run], notices: Sequence[Notice]) -> dict[Cell, CellValue]:
    """The values a run lacking one cell prints, where its readings disagree only on which of
    the cells printing the same value is the lacking one (``000000`` under seven cells).

    Only for checking the other runs: exactly one of these cells is lacking (some count ≥ 0)
    and every other holds its value, so each relation through them holds as stated except in
    the lacking cell's one column; a run checked by its row total and its column sums can then
    be misread in one column at most, which its row total refuses."""
    lacking = {(run.text, run.cells) for run in runs if run.lacking}
    out: dict[Cell, CellValue] = {}
    for n in notices:
        if n.code != "split.ambiguous" or not n.candidates:
            continue
        cells = [cell_of(p) for p in n.cells]
        if not any(n.found == text and set(cells) <= set(run_cells)
                   for text, run_cells in lacking):
            continue
        out.update(_printed(cells, n.candidates))
    return out


def _printed(cells: Sequence[Cell], candidates: Sequence[Sequence[CellValue]]
             ) -> dict[Cell, CellValue]:
    """Each cell's one printed value, if every candidate leaves exactly one cell out and gives
    the others the value it gives them everywhere else; otherwise nothing."""
    if any(sum(v is None for v in c) != 1 for c in candidates):
        return {}
    out: dict[Cell, CellValue] = {}
    for i, cell in enumerate(cells):
        printed = {c[i] for c in candidates if c[i] is not None}
        if len(printed) != 1:
            return {}
        out[cell] = printed.pop()
    return out


def _printed_short(row: str) -> str:
    """Why a document drops cells: ``row`` printed with fewer digits than cells."""
    return f"文档中的{row}一行数字少于单元格（空白单元格未印出）"


def lost_row(row: str) -> str:
    """Why a document may drop cells: the form row ``row`` is not printed at all (its label
    nowhere, no number left unplaced), so the dump lost part of a table."""
    return f"文档中没有印出{row}一行（表格内容有遗漏，空白单元格也可能未印出）"


def empty_table(title: str) -> str:
    """Why a document may drop cells: the table ``title`` is printed with no value at all (the
    dump prints a blank cell as nothing, so a digit run may lack its blank cells)."""
    return (f"文档中{title}的表格没有印出任何数值"
            "（空白单元格印作空无，连写的数字也可能省略了空白单元格）")


def _notice(spec: TableSpec, n: Notice, cells: Sequence[Cell], short_row: str,
            why: str | None) -> Notice:
    shown = "；".join(", ".join("空" if v is None else str(v) for v in c) for c in n.candidates)
    return notice(
        "split.dropped",
        f"{why or _printed_short(short_row)}，连写的数字"
        f"“{(n.found or '').strip()}”因此无法确定：{describe(spec, cells)} 留空。"
        f"若无省略，唯一的拆分是：{shown}",
        location=n.location, cells=[pointer(spec, c) for c in cells],
        candidates=n.candidates, found=n.found)
