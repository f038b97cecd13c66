"""Cell-by-cell comparison of an imported report with the truth of its document."""

from __future__ import annotations

from decimal import Decimal

import attrs

from benchmarks.fidelity_harness.document import Truth
from benchmarks.fidelity_harness.unsettled import UNSETTLEABLE, Blank
from gi_report.model import Report


@attrs.frozen
class Wrong:
    """One cell whose imported value differs from the truth (``got`` is never None)."""

    pointer: str
    got: str
    truth: str | None


@attrs.frozen
class Tally:
    """How the cells of one document came back."""

    right: int
    blank: int  #: the truth has a value, the import left the cell blank
    wrong: tuple[Wrong, ...]
    indistinguishable: tuple[Wrong, ...] = ()
    """Cells read otherwise than the truth where the document is proven to be byte for byte
    what a report stating the values read prints (:func:`~benchmarks.fidelity_harness.cases.
    proven`): never right, never wrong, counted apart."""
    blanks: tuple[Blank, ...] = ()
    """Each blank cell, proven unsettleable or not (:mod:`~benchmarks.fidelity_harness.
    unsettled`); empty when the proof was not run."""

    @property
    def unsettleable(self) -> int:
        """Blank cells proven unsettleable: the document is as much another report's."""
        return sum(b.why == UNSETTLEABLE for b in self.blanks)


def imported_cells(report: Report) -> Truth:
    """The same pointers as :func:`~benchmarks.fidelity_harness.document.build` gives."""
    out: Truth = {"/metadata/year": report.metadata.year,
                  "/metadata/agency": report.metadata.agency}
    for table_id, table in report.tables.items():
        for row_id, column_id, value in table.cells():
            out[f"/{table_id}/{row_id}/{column_id}"] = value
    return out


def _same(a: object, b: object) -> bool:
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        return isinstance(a, Decimal) and isinstance(b, Decimal) and a == b and (
            a.as_tuple().exponent == b.as_tuple().exponent)
    return a == b and type(a) is type(b)


def _show(value: object) -> str | None:
    return None if value is None else str(value)


def compare(truth: Truth, report: Report) -> Tally:
    """Right: equal to the truth (a blank truth read blank too); blank: a stated value read as
    blank; wrong: any other value, including a value where the truth is blank."""
    got = imported_cells(report)
    right = blank = 0
    wrong: list[Wrong] = []
    for pointer, value in truth.items():
        found = got.get(pointer)
        if _same(found, value):
            right += 1
        elif found is None:
            blank += 1
        else:
            wrong.append(Wrong(pointer, str(found), _show(value)))
    for pointer, found in got.items():  # a cell of a layout the document does not print
        if pointer not in truth and found is not None:
            wrong.append(Wrong(pointer, str(found), None))
    return Tally(right, blank, tuple(wrong))
