"""Why each blank cell of an imported report is blank.

Every blank cell has a cause the importer stated in a notice: printed empty (``cell.blank``),
printed as a dash (``cell.dash``), digits that split in several ways (``split.ambiguous``), a
row or table not found (``row.missing``, ``table.missing``), two numbers in one cell … The most
serious notice naming the cell is its reason. A blank cell no notice names is itself reported
(:data:`UNEXPLAINED`), so a gap in the importer's accounting shows instead of passing silently.
"""

from __future__ import annotations

import attrs

from gi_report.importers.result import UNDETERMINED_CODES, ImportResult, Level, Notice

UNEXPLAINED = "cell.unexplained"
"""The reason code of a blank cell that no notice names (an importer bug: it must not occur)."""


@attrs.frozen
class BlankCell:
    """A blank cell, and the notice that says why (``None`` only for an unexplained one)."""

    pointer: str
    notice: Notice | None

    @property
    def code(self) -> str:
        """The reason's notice code, or :data:`UNEXPLAINED`."""
        return self.notice.code if self.notice is not None else UNEXPLAINED

    @property
    def undetermined(self) -> bool:
        """Blank because the document could not be read there (not because it prints nothing)."""
        return self.notice is not None and self.notice.level is Level.ERROR


_PRINTED_BLANK = frozenset({"cell.blank", "cell.dash"})


def _weight(n: Notice) -> tuple[int, int]:
    """Notices that say a cell is blank outrank the others naming it (a loose label …)."""
    says_blank = 2 if n.code in UNDETERMINED_CODES else 1 if n.code in _PRINTED_BLANK else 0
    return says_blank, n.level.rank


def blank_cells(result: ImportResult) -> list[BlankCell]:
    """Every blank table cell of ``result``'s report in the form's order, with its reason."""
    reasons: dict[str, Notice] = {}
    for n in result.notices:
        for pointer in n.cells:
            held = reasons.get(pointer)
            if held is None or _weight(n) > _weight(held):
                reasons[pointer] = n
    out: list[BlankCell] = []
    for table_id, table in result.report.tables.items():
        for row_id, column_id, value in table.cells():
            if value is None:
                pointer = f"/{table_id}/{row_id}/{column_id}"
                out.append(BlankCell(pointer, reasons.get(pointer)))
    return out
