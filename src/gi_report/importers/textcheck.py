"""A split the report's own text contradicts is not read (``split.against_text``).

Section 二 has no arithmetic: ``440`` under a row's three cells reads 4, 4, 0 only if the dump
printed every cell, and a crawl that dropped a blank cell prints 44, a blank and 0 the same way.
Where the narrative states another number for a cell of such a run (``全年制定的<row>44件``
against the 4 the split gives), either the text disagrees with the table or the split is wrong,
and nothing in the document says which: the run's cells are left blank with the sentence
quoted, never read against it. Only runs whose cells take part in no relation: the arithmetic
checks the others.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from gi_report.form.spec import TableSpec
from gi_report.importers.cellnames import Cell, cell_of, describe, pointer, related_cells
from gi_report.importers.evidence import Statement, row_statements
from gi_report.importers.result import Notice, notice
from gi_report.table import CellValue


def _differs(value: CellValue, number: Decimal) -> bool:
    return not (isinstance(value, int | Decimal) and Decimal(value) == number)


def contradicting(spec: TableSpec, cells: Sequence[Cell], values: Mapping[Cell, CellValue],
                  text: str) -> list[Statement]:
    """The statements naming one cell of ``cells`` (all of one row) with a number the value
    read for it is not."""
    row_id = cells[0][0]
    own = {c for _, c in cells}
    out: list[Statement] = []
    for s in row_statements(spec, row_id, text):
        if len(s.columns) != 1 or not s.columns <= own:
            continue
        column = next(iter(s.columns))
        if _differs(values.get((row_id, column)), s.value):
            out.append(s)
    return out


def against_text(spec: TableSpec, notices: Sequence[Notice], values: Mapping[Cell, CellValue],
                 text: str | None) -> tuple[dict[Cell, CellValue], list[Notice]]:
    """``values`` and ``notices`` with every uniquely split run of one row in no relation whose
    cell the text states otherwise left blank (``split.against_text``)."""
    if not text:
        return dict(values), list(notices)
    related = related_cells(spec)
    blanked: set[Cell] = set()
    out: list[Notice] = []
    for n in notices:
        cells = [cell_of(p) for p in n.cells] if n.code == "split.unique" else []
        if (len(cells) < 2 or len({c[0] for c in cells}) != 1
                or any(c in related for c in cells)):
            out.append(n)
            continue
        stated = contradicting(spec, cells, values, text)
        if not stated:
            out.append(n)
            continue
        blanked.update(cells)
        out.append(_notice(spec, n, cells, stated))
    return {c: v for c, v in values.items() if c not in blanked}, out


def _notice(spec: TableSpec, n: Notice, cells: Sequence[Cell], stated: Sequence[Statement]
            ) -> Notice:
    quoted = "”“".join(dict.fromkeys(s.sentence for s in stated))
    shown = "；".join(", ".join("空" if v is None else str(v) for v in c) for c in n.candidates)
    return notice(
        "split.against_text",
        f"连写的数字“{(n.found or '').strip()}”唯一的拆分是 {shown}，但报告正文写明的数字与之"
        f"不符（“{quoted}”）：可能有空格被省略，{describe(spec, cells)} 留空",
        location=n.location, cells=[pointer(spec, c) for c in cells],
        candidates=n.candidates, found=n.found)
