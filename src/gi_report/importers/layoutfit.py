"""A table's layout decided by its rows, when no label only one layout has decides it.

The two templates' layouts of a table share most labels; a row label printed with a word added
(or dropped, or a typo) may match no label of either, and then neither layout has a label of its
own to decide. The rows still can: a layout is *consistent* with the table when every row of it
is printed (none missing, none with a cell too many or too few), every printed row is one of its
rows (none unmatched), each row placed by position carries a label that is the form row's own
with words added or dropped (:func:`supported`), and the table's arithmetic holds. The table is
read in a layout only when exactly one of the layouts tried is consistent
(:func:`by_rows`); otherwise it stays undecided (blank).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from gi_report.form.spec import RowSpec, TableSpec
from gi_report.importers.detached import arithmetic_holds
from gi_report.importers.normalize import Key, edit_distance, fuzzy_limit, label_key
from gi_report.importers.result import Notice, notice
from gi_report.model import layout_version

if TYPE_CHECKING:
    from gi_report.importers.grid import Reading

_UNFIT = frozenset({"label.unmatched", "row.missing", "row.cell_count", "row.unlabelled",
                    "column.missing", "cell.unreadable"})
"""Notices that say a printed row or a form row found no partner in the layout."""

MIN_SHARED = 2
"""A label's core must keep at least half of the form label's, and this many characters."""


def _marker_fits(printed: Key, official: Key) -> bool:
    """Whether the printed numbering (if any) is the official one's (一、 ~ （一）, 1. ~ (1))."""
    if printed.marker is None or official.marker is None:
        return True
    family = {"cn": "cn", "pcn": "cn", "num": "num", "pnum": "num"}
    return (family[printed.marker[0]] == family[official.marker[0]]
            and printed.marker[1] == official.marker[1])


def _near(printed: str, official: str) -> bool:
    """Whether two label cores differ by words added or dropped (one holds the other, which
    keeps at least half of the longer) or by a few edits."""
    short, long_ = sorted((printed, official), key=len)
    if len(short) >= MIN_SHARED and 2 * len(short) >= len(long_) and short in long_:
        return True
    limit = max(1, fuzzy_limit(len(long_)))
    return edit_distance(printed, official, limit) <= limit


def supported(found: str, row: RowSpec) -> bool:
    """Whether a printed label is ``row``'s own label or an alias of it, with words added or
    dropped, or a typo: a row placed by position that its label confirms."""
    printed = label_key(found)
    for label in (row.label, *row.aliases):
        official = label_key(label)
        if official.core and printed.core and _marker_fits(printed, official) and _near(
                printed.core, official.core):
            return True
    return False


def _row_of(spec: TableSpec, note: Notice) -> RowSpec | None:
    """The form row a ``label.by_position`` notice placed its printed row as."""
    if not note.cells:
        return None
    parts = note.cells[0].split("/")
    return spec.row(parts[2]) if len(parts) == 4 and parts[1] == spec.id else None


def _positions_supported(reading: Reading) -> bool:
    """Whether every row the reading placed by position carries its form row's label."""
    for note in reading.notices:
        if note.code != "label.by_position":
            continue
        row = _row_of(reading.spec, note)
        if row is None or not note.found or not supported(note.found, row):
            return False
    return True


def _sums_hold(reading: Reading) -> bool:
    """Whether the table as read (digit runs split) meets the form's arithmetic, at least one
    relation checked (a table with no relations passes)."""
    table, _ = reading.complete()
    spec = reading.spec
    values = {(row.id, column): value
              for row, cells in zip(spec.rows, table.values, strict=True)
              for column, value in zip(row.columns, cells, strict=True)}
    return arithmetic_holds(spec, values, {row.id for row in spec.rows})


def consistent(reading: Reading) -> bool:
    """Whether the layout is consistent with everything the table prints (module docstring)."""
    if not reading.found or reading.evidence or reading.undecided:
        return False
    if any(n.code in _UNFIT for n in reading.notices):
        return False
    return _positions_supported(reading) and _sums_hold(reading)


def by_rows(readings: Sequence[Reading]) -> Reading | None:
    """The one reading whose layout is consistent with the table, with a notice saying so;
    ``None`` when none or several are."""
    fits = [r for r in readings if consistent(r)]
    if len(fits) != 1:
        return None
    [fit] = fits
    others = "、".join(f"{layout_version(r.spec)} 年版" for r in readings if r is not fit)
    fit.notices.append(notice(
        "table.layout_by_rows",
        f"“{fit.spec.title}”的行标题不能确定版式；表中各行与 {layout_version(fit.spec)} 年版的行"
        f"一一对应且勾稽关系成立，与{others}不符，按 {layout_version(fit.spec)} 年版读取",
        location=fit.location))
    return fit


__all__ = ["by_rows", "consistent", "supported"]
