"""Stage *place values*: the value cells of aligned rows read into the form's cells.

A row's cells are read

* **by the column headers above them** when the header names the form's columns in another
  order than the form's (``header.reordered``), or when the row has more or fewer cells than the
  form row (``header.aligned``);
* **in the order the header prints its column labels** when its grid does not stand over the
  values (a text dump loses the spans: :mod:`~gi_report.importers.colorder`); cells whose
  position the labels leave open are blank (``header.unordered``);
* **in the form's column order** when the counts match and the header agrees, names nothing of
  the form (``header.by_position``), or is absent;
* otherwise as **run-together digits** for :mod:`~gi_report.importers.digits`, or not at all
  (``row.cell_count``).

Each cell's text becomes a value with :func:`~gi_report.importers.values.parse_value`, except a
cell holding two numbers (``cell.two_numbers``): their digits are never joined. Blank and dash
cells stay blank and are counted; rows and columns never found are reported.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from gi_report.form.spec import CellKind, RowSpec, TableSpec
from gi_report.form.units import COUNT_UNITS, UNITS
from gi_report.importers import captionrows, gaps, gapset, samevalue, shortrow, standin
from gi_report.importers.blocks import Location
from gi_report.importers.cellnames import Cell, describe, pointer, pointers, row_name
from gi_report.importers.colorder import leaf_orders, settled
from gi_report.importers.digits import Run
from gi_report.importers.normalize import fold
from gi_report.importers.result import Level, Notice, notice
from gi_report.importers.rows import DataRow, Slot
from gi_report.importers.samevalue import same_value_notice
from gi_report.importers.unitnumbers import unit_cells
from gi_report.importers.values import (
    AMOUNT_UNITS,
    DASHES,
    Parsed,
    Status,
    is_number,
    parse_value,
    spaced_run_segments,
    two_numbers,
)
from gi_report.table import CellValue

Pair = tuple[Cell, str, Location]
"""A form cell, the text read for it, and where."""

_SIGNED_PIECES = re.compile(rf"([+-]?[0-9][0-9.]*)(?:{'|'.join(COUNT_UNITS)})?")


_UNITS_AFTER_EACH = re.compile(rf"(?:[+-]?[0-9][0-9.]*(?:{'|'.join(UNITS)}))+")


def units_after_each_number(spec: TableSpec, rows: Sequence[DataRow]) -> bool:
    """Whether a table prints a unit word after every number: every value text ends its digits
    with units, and more than half of the rows placed print, cut at their units, exactly as
    many numbers as their cells (a run of digits ending in one unit may be several cells)."""
    texts = ("".join(s.text.split()) for dr in rows for s in dr.values if not s.empty)
    first = next(texts, None)  # the texts are made only until one prints no unit (most: the 1st)
    if first is None or not all(_UNITS_AFTER_EACH.fullmatch(fold(t))
                                for t in itertools.chain((first,), texts)):
        return False
    placed = [(dr, dr.row) for dr in rows if dr.row is not None]
    exact = [_numbers(dr) == len(value_cells(spec, row)) for dr, row in placed]
    return 2 * sum(exact) > len(placed)


def _numbers(dr: DataRow) -> int:
    found = spaced_segments(dr)
    return 0 if found is None else len(found[0])


def segments(dr: DataRow) -> list[str] | None:
    """The digit runs of a row's value cells, cut at whitespace and before a sign (``0-66`` is
    ``0``, ``-66``: the sign starts a signed count); ``None``: not all digits."""
    found = spaced_segments(dr)
    return None if found is None else found[0]


def spaced_segments(dr: DataRow) -> tuple[list[str], tuple[bool, ...]] | None:
    """:func:`segments`, and per boundary between two of them whether it is whitespace inside
    one printed cell (which a cell holding two numbers may straddle) rather than a sign or a
    cell border."""
    out: list[str] = []
    soft: list[bool] = []
    for s in dr.values:
        if s.empty:
            continue
        parts = _signed_segments(s.text)
        if parts is None:
            return None
        if out:
            soft.append(False)
        out.extend(p for p, _ in parts)
        soft.extend(spaced for _, spaced in parts[1:])
    return out, tuple(soft)


def _signed_segments(text: str) -> list[tuple[str, bool]] | None:
    """The digit runs of one cell, each with whether whitespace (not a sign) comes before it."""
    plain = spaced_run_segments(text)
    if plain is not None:
        return plain
    out: list[tuple[str, bool]] = []
    for part in text.split():
        found = list(_SIGNED_PIECES.finditer(part))
        if "".join(m.group(0) for m in found) != part:
            return None
        out.extend((m.group(1), bool(out) and i == 0) for i, m in enumerate(found))
    return out or None


def value_cells(spec: TableSpec, row: RowSpec) -> list[Cell]:
    """The cells of ``row`` that hold numbers."""
    return list(_value_cells(spec, row.id))


@functools.cache
def _value_cells(spec: TableSpec, row_id: str) -> tuple[Cell, ...]:
    return tuple((row_id, c) for c in spec.row(row_id).columns
                 if spec.column(c).kind is not CellKind.TEXT)


@functools.cache
def whole_table(spec: TableSpec) -> tuple[Cell, ...]:
    """Every value cell of the table, in the form's order (section 四 printed as one row)."""
    return tuple(cell for r in spec.rows for cell in _value_cells(spec, r.id))


def unit_cell(spec: TableSpec, row: RowSpec) -> Cell | None:
    """The unit cell of ``row`` (an older template's unit column), if it has one."""
    return _unit_cell(spec, row.id)


@functools.cache
def _unit_cell(spec: TableSpec, row_id: str) -> Cell | None:
    return next(((row_id, c) for c in spec.row(row_id).columns
                 if spec.column(c).kind is CellKind.TEXT), None)


_PARSED: dict[str, dict[str, Parsed]] = {kind.name: {} for kind in CellKind}
"""Each kind's cell texts as parsed (:func:`parse_value` is a pure function of them; a dict per
kind is looked up without hashing the kind)."""
_PARSED_LIMIT = 65536
_PLAIN: dict[str, tuple[dict[str, CellValue], set[str]]] = {
    kind.name: ({}, set()) for kind in CellKind}
"""Each kind's cell texts that :meth:`Placer.read_cell` read as one number with no unit (not
two numbers), with that number, and those it read as blank: all such a cell's reading does is
set the number, or set ``None`` and list the cell as blank."""


@functools.cache
def _plain(spec: TableSpec) -> dict[str, tuple[dict[str, CellValue], set[str]]]:
    """Each column's plain numbers read so far (:data:`_PLAIN` of its kind), by column id."""
    return {c.id: _PLAIN[c.kind.name] for c in spec.columns}


@functools.cache
def _row_cells(spec: TableSpec) -> dict[str, tuple[tuple[Cell, ...], Cell | None]]:
    """Each row's value cells and unit cell, by row id (one look-up a row, not a hash of the
    layout per cache)."""
    return {r.id: (tuple(value_cells(spec, r)), unit_cell(spec, r)) for r in spec.rows}


@functools.cache
def _columns(spec: TableSpec) -> dict[str, tuple[CellKind, str | None, dict[str, Parsed]]]:
    """Each column's kind, fixed unit and parsed texts, by column id (one look-up a cell)."""
    return {c.id: (c.kind, c.unit, _PARSED[c.kind.name]) for c in spec.columns}


def _over_values(unknown: Sequence[Slot], values: Sequence[Slot]) -> list[str]:
    """The texts of the header cells in ``unknown`` that share a grid column with a value."""
    if not unknown:
        return []
    covered: set[int] = set()
    for s in values:
        covered.update(range(s.col0, s.col1 + 1))
    return [u.text.strip() for u in unknown if not covered.isdisjoint(range(u.col0, u.col1 + 1))]


def header_agrees(dr: DataRow, cells: Sequence[Cell]) -> bool:
    """Whether every value cell stands under a header naming its form column (or none)."""
    header = dr.header.columns
    for (_, column), slot in zip(cells, dr.values, strict=True):
        if slot.col0 == slot.col1:  # one grid column (the common case): one look-up
            over = header.get(slot.col0)
            if over is not None and over.id != column:
                return False
            continue
        named = {header[c].id for c in range(slot.col0, slot.col1 + 1) if c in header}
        if named and column not in named:
            return False
    return True


def _under(dr: DataRow, cell: Cell, several_rows: bool) -> list[int] | None:
    """The value cells standing under the header columns that name ``cell`` (``None``: the
    header does not name it)."""
    header = dr.header
    cols = [c for c, col in header.columns.items() if col.id == cell[1]
            and (cell[0] == header.rows[c].id if c in header.rows else not several_rows)]
    if not cols:
        return None
    return [i for i, s in enumerate(dr.values) if any(s.col0 <= c <= s.col1 for c in cols)]


def by_header(dr: DataRow, cells: Sequence[Cell]) -> list[Pair] | None:
    """The row's cells lined up with the column headers above them, if that is unambiguous."""
    if not dr.header.columns or 2 * len(dr.values) < len(cells):
        return None  # (too few value cells for half the row's: as the last check finds)
    several_rows = len({r for r, _ in cells}) > 1
    used: set[int] = set()
    out: list[Pair] = []
    for cell in cells:
        under = _under(dr, cell, several_rows)
        if under is None:
            continue  # a column the header does not print: reported as missing
        filled = [i for i in under if not dr.values[i].empty]
        pick = filled if filled else under
        if len(pick) != 1 or pick[0] in used:
            return None
        used.add(pick[0])
        slot = dr.values[pick[0]]
        out.append((cell, slot.text, slot.location))
    if any(not dr.values[i].empty for i in set(range(len(dr.values))) - used):
        return None  # a printed value that no column claims
    if len(out) * 2 < len(cells):
        return None  # the header names too little of the row to trust it
    return out


def _grid_agrees(dr: DataRow, order: Sequence[Cell]) -> bool:
    """Whether each row's columns in ``order`` stand in the order the header's grid names them
    (the row above them, for a whole table in one row)."""
    rows = list(dict.fromkeys(r for r, _ in order))
    for row in rows:
        named: dict[str, int] = {}
        for g, column in sorted(dr.header.columns.items()):
            over = dr.header.rows.get(g)
            if len(rows) == 1 or (over is not None and over.id == row):
                named.setdefault(column.id, g)
        columns = [c for r, c in order if r == row and c in named]
        if columns != sorted(columns, key=lambda c: named[c]):
            return False  # the grid names the columns in another order than the one read
    return True


def _one_slot(dr: DataRow) -> bool:
    """A row printing all its numbers in one text (a dump's ``7个1条5件…``): they stand under
    no column of the header's grid, whose places are only its words' order (a dump prints a
    two-level header's spans away), so the order its words allow is the row's order."""
    return sum(not s.empty for s in dr.values) == 1


def _whole(text: str) -> bool:
    """A cell printed as one whole number (no leading zero: ``00`` is two cells run together),
    a dash, or nothing."""
    if not fold(text) or fold(text) in DASHES:
        return True
    digits = fold(text).lstrip("+-")
    return (is_number(text) and not two_numbers(text)
            and not (len(digits) > 1 and digits[0] == "0" and digits[1].isdigit()))


def fits(dr: DataRow, count: int) -> bool:
    """Whether the row's cells (or its digits) can fill ``count`` cells."""
    if len(dr.values) == count:
        return True
    found = segments(dr)
    return found is not None and sum(len(s) for s in found) >= count and len(found) <= count


_NOTED_HOW = frozenset({"fuzzy", "alias", "position", "listed", "caption", "detached", "lost",
                        captionrows.ORDER_HOW})
"""The ways of recognising a row that :meth:`Placer.how_notice` reports."""

_APART_HOW = frozenset({"detached", "lost", "listed", captionrows.ORDER_HOW})
"""Rows aligned by order, printed without their labels: a row of them with fewer cells than its
form row lacks cells (its cells stand left of the header's columns, the label columns dropped
with the labels), so it is never lined up under the header by position."""

_DETACHED_HOW = {
    "detached": "表内勾稽关系成立",
    "lost": "表格少印了一行：少印的一行无论在哪个位置表内勾稽关系都能成立时，按此行序读取的行"
            "在每种情况下都相同（或文中另行列出的行名恰好缺少该行）",
    captionrows.ORDER_HOW: "该栏目下没有行名的数值行与栏目的行数相同，按栏目内的行序读取",
}
"""How a number-only row's place was settled: every row aligned (``detached``), or one row of
the table not printed (``lost``: :mod:`~gi_report.importers.lostrow`)."""


class Placer:
    """The values read so far for one table, and the notices about them."""

    def __init__(self, spec: TableSpec, location: Location | None) -> None:
        self.spec = spec
        self.columns = _columns(spec)
        self.row_cells = _row_cells(spec)
        self.location = location
        self.values: dict[Cell, CellValue] = {}
        self.sources: dict[Cell, Location] = {}
        self.runs: list[Run] = []
        self.run_cells: set[Cell] = set()
        self.notices: list[Notice] = []
        self.blank: list[str] = []
        self.dash: list[str] = []
        self.score = 0
        self.short_rows: list[str] = []  #: rows with fewer digits than cells (blanks dropped)
        self.value_rows: Counter[int | None] = Counter()
        """Rows with a value printed, per printed table (see unlabelled)."""
        self.apart = False
        """The table prints a row's values in cells of their own: a whole number in one cell
        is one value, never the digits of several run together (:meth:`runs_or_fail`)."""
        self.lone = True
        """At most one row of the table has values and no label: only such a row may be the
        whole table as one digit run (several runs are each a part of it); a row printing one
        cell per form cell is the whole table anyway."""
        self.units_everywhere = False
        """The table prints a unit word after every number: the digits before a unit are one
        cell's, so a row with fewer numbers than cells lacks a cell (:meth:`units_short`)."""
        self.units_end_numbers = False
        """Every number of the table carries its unit word, none glued onto another cell's
        digits (:mod:`~gi_report.importers.unitnumbers`): a unit ends a number and digits no
        unit ends are no cell, so a row with one or two numbers fewer than cells lacks a cell
        too (lacking more, its unit groups may hold several cells each: a run)."""
        self.gaps: list[tuple[gaps.Gap, DataRow]] = []  #: rows lacking a cell (fill_gaps)
        self.gap_cells: set[Cell] = set()
        self.orders: dict[tuple[int, tuple[Cell, ...]], list[tuple[Cell, ...]] | None] = {}
        """The column orders each header's labels allow, per row's cells (see printed_orders)."""
        self.hidden: set[Cell] = set()
        """Cells a digit run is split for under a stand-in column order, blank in the end
        (see stand_in)."""
        self.same_as: dict[Cell, tuple[Cell, ...]] = {}
        """Each of ``hidden`` → the stand-in cells its column may stand at (see stand_in)."""

    def name(self, dr: DataRow, cells: Sequence[Cell]) -> str:
        return dr.found or row_name(self.spec, self.spec.row(cells[0][0]))

    # --- a row ------------------------------------------------------------------------------

    def assign(self, dr: DataRow) -> None:
        """Place one data row's values (or report why they are not used)."""
        row = dr.row or dr.hint
        if row is None:
            if not dr.labels:
                self.unlabelled(dr)
            return  # an unmatched label was reported when aligning
        self.how_notice(dr, row)
        cells, unit = self.row_cells[row.id]
        self.take(dr, list(cells), unit, how="row")

    def unlabelled(self, dr: DataRow) -> None:
        """A row with no label: the whole table in one row (section 四's 15 numbers) if it is
        the only row with values of the table it is printed in, else the cells its header
        names, else unused."""
        if dr.how == captionrows.HOW:
            self.caption_rows(dr)
            return
        spec = self.spec
        whole = list(whole_table(spec))
        if len(dr.values) == len(whole) or (
                self.lone and self.value_rows[dr.location.table] <= 1
                and fits(dr, len(whole))):
            self.take(dr, whole, None, how="whole")
            return
        if self.lone and (self.gapped(dr, whole) or self.unit_whole(dr, whole)):
            return  # the whole table in one row, a cell or two lost
        named = self.named_cells(dr, whole)
        if named and by_header(dr, named) is not None:
            self.take(dr, named, None, how="whole")
            return
        self.short_whole(dr, whole)
        shown = " | ".join(s.text for s in dr.values)
        level = Level.INFO if not any(is_number(s.text) for s in dr.values) else None
        self.notices.append(notice(
            "row.unlabelled", f"{spec.title}中一行没有行名（{shown}），无法确定是哪一行，未使用",
            location=dr.location, level=level, found=shown))

    def unit_whole(self, dr: DataRow, whole: list[Cell]) -> bool:
        """The only row with values of its table, in a table printing a unit after every
        number, its numbers one or two fewer than the whole table's cells (section 四 as one
        row, blanks dropped): the whole table lacking cells, taken for the arithmetic to place
        (:meth:`unit_gap`)."""
        if self.value_rows[dr.location.table] > 1:
            return False
        numbers = self.unit_numbers(dr)
        if numbers is None or not 0 < len(whole) - len(numbers) <= gaps.MAX_MISSING:
            return False
        self.take(dr, whole, None, how="whole")
        return True

    def unit_numbers(self, dr: DataRow) -> list[str] | None:
        """The row's numbers, each one cell, in a table printing a unit after every number
        (:attr:`units_end_numbers`); ``None`` elsewhere, or where a text holds another."""
        if not self.units_end_numbers:
            return None
        found = [unit_cells(s.text) for s in dr.values if not s.empty]
        if None in found:
            return None
        return [n for cut in found for n in cut or ()]

    def caption_rows(self, dr: DataRow) -> None:
        """A number-only row under a caption of several rows (:mod:`~gi_report.importers.
        captionrows`): the rows' cells in the form's order, split as one run."""
        cells = captionrows.cells(self.spec, dr)
        shown = " | ".join(s.text for s in dr.values)
        numbers = self.unit_numbers(dr)
        if captionrows.unsettled(self.spec, dr, None if numbers is None else len(numbers)):
            self.notices.append(notice(
                "split.dropped",
                f"一行没有行名的数值（{shown}）印在{describe(self.spec, cells)}所在的栏目之下；"
                "整行空白的行在连写的文档中可能未印出，这些数字也能拆成其余各行，无法确定属于"
                f"哪些行：{describe(self.spec, cells)} 留空", location=dr.location, found=shown,
                cells=[pointer(self.spec, c) for c in cells]))
            return
        self.notices.append(notice(
            "row.detached",
            f"一行没有行名的数值（{shown}）印在{describe(self.spec, cells)}所在的栏目之下，"
            "列标题与这些行相同，按表格的行序作为这些行的连写数字读取", location=dr.location,
            found=shown, cells=[pointer(self.spec, c) for c in cells]))
        self.take(dr, cells, None, how="whole")

    def short_whole(self, dr: DataRow, whole: Sequence[Cell]) -> None:
        """A label-less row, the only one of its table, with more digits than any one row's
        cells but fewer than the whole table's: the table printed as one run with cells
        dropped (it stays unused), so the document drops blank cells (:attr:`short_rows`)."""
        found = segments(dr)
        if found is None or not (self.lone and self.value_rows[dr.location.table] <= 1):
            return
        digits = sum(len(s.replace(".", "").lstrip("-")) for s in found)
        widest = max(len(_value_cells(self.spec, row.id)) for row in self.spec.rows)
        if widest < digits < len(whole):
            self.short_rows.append(self.spec.title)

    def named_cells(self, dr: DataRow, whole: Sequence[Cell]) -> list[Cell]:
        """The cells the header above a label-less row names by row and column."""
        printed = {(dr.header.rows[g].id, column.id) for g, column in dr.header.columns.items()
                   if g in dr.header.rows}
        # a row named above its columns spans them all (review over its five columns); a row
        # name over one column only is a header cut out of line (a crawl), not a layout
        spans = Counter(row.id for row in dr.header.rows.values())
        return [cell for cell in whole if cell in printed
                and spans[cell[0]] >= len(_value_cells(self.spec, cell[0]))]

    def how_notice(self, dr: DataRow, row: RowSpec) -> None:
        """The notice saying how a row was recognised, unless by its exact label."""
        if dr.how not in _NOTED_HOW:
            return  # by its exact label (most rows): nothing to say
        spec = self.spec
        name = row_name(spec, row)
        cells = [pointer(spec, (row.id, c)) for c in row.columns]
        if dr.how == "fuzzy" and dr.match is not None:
            self.notices.append(notice(
                "label.fuzzy",
                f"行名“{dr.found}”与表格中的标准行名不完全一致，按最接近的“{name}”读取",
                location=dr.location, found=dr.found, cells=cells))
        elif dr.how == "alias" and dr.match is not None:
            self.notices.append(notice(
                "label.alias", f"行名“{dr.found}”是“{name}”的常见写法",
                location=dr.location, found=dr.found))
        elif dr.how == "position":
            self.notices.append(notice(
                "label.by_position", f"行名“{dr.found}”无法识别，按其在表中的位置读作“{name}”",
                location=dr.location, found=dr.found, cells=cells))
        elif dr.how == "listed":
            shown = " | ".join(s.text for s in dr.values)
            self.notices.append(notice(
                "row.detached",
                f"一行没有行名的数值（{shown}）按文中另行列出的行名顺序读作“{name}”"
                "（表内没有可核对的勾稽关系：有关单元格留空）", location=dr.location, found=shown,
                cells=cells))
        elif dr.how == "caption":
            shown = " | ".join(s.text for s in dr.values)
            self.notices.append(notice(
                "row.detached",
                f"一行没有行名的数值（{shown}）印在只有“{name}”一行的栏目之下，列标题与该行相同，"
                "按此读取", location=dr.location, found=shown, cells=cells))
        elif dr.how in _DETACHED_HOW:
            shown = " | ".join(s.text for s in dr.values)
            self.notices.append(notice(
                "row.detached",
                f"一行没有行名的数值（{shown}）按表格的行序读作“{name}”，{_DETACHED_HOW[dr.how]}",
                location=dr.location, found=shown, cells=cells))

    def take(self, dr: DataRow, cells: list[Cell], unit: Cell | None, *, how: str) -> None:
        """Read the row's cells into ``cells`` by header, by position, or as digit runs."""
        if (not self.values.keys().isdisjoint(cells) or not self.run_cells.isdisjoint(cells)
                or not self.gap_cells.isdisjoint(cells)):
            self.notices.append(notice(
                "row.duplicate",
                f"“{row_name(self.spec, self.spec.row(cells[0][0]))}”在表中出现了不止一次，"
                "使用第一次出现的数值", location=dr.location, found=dr.found))
            return
        pairs = (self.same_count(dr, cells) if len(dr.values) == len(cells)
                 else None if dr.how in _APART_HOW else self.other_count(dr, cells))
        if pairs is None:
            if unit is None and self.gapped(dr, cells):
                return
            self.runs_or_fail(dr, cells, unit)
            return
        self.score += 3 if how == "row" else 3 * len({c[0] for c in cells})
        self.read(pairs, unit)

    def same_count(self, dr: DataRow, cells: list[Cell]) -> list[Pair]:
        """As many cells as the form row: by the header if it orders them otherwise, else in
        the form's order."""
        if dr.header.columns and not header_agrees(dr, cells):
            pairs = by_header(dr, cells)
            if pairs is not None and len(pairs) == len(cells):
                if not dr.header.reordered:
                    dr.header.reordered = True
                    self.notices.append(notice(
                        "header.reordered", f"自“{self.name(dr, cells)}”一行起，列的顺序与表格"
                        "不同，数值按上方的列标题读取", location=dr.location))
                return pairs
            printed = self.by_printed_order(dr, cells)
            if printed is not None:
                return printed
            self.by_position_notice(dr, cells, agrees=False)
        else:
            printed = None if dr.header.columns else self.by_printed_order(dr, cells)
            if printed is not None:
                return printed
            self.by_position_notice(dr, cells, agrees=True)
        return [(c, s.text, s.location) for c, s in zip(cells, dr.values, strict=True)]

    def printed_orders(self, dr: DataRow, cells: Sequence[Cell]
                       ) -> list[tuple[Cell, ...]] | None:
        """The orders of one row's cells its header's labels allow, as printed (a text dump
        loses the merged cells' spans); ``None``: the header does not say they differ from the
        form's order."""
        if not dr.header.tokens:
            return None
        rows = list(dict.fromkeys(r for r, _ in cells))
        if len(rows) > 1:  # the whole table in one row (labels printed apart): row by row
            return self.rows_orders(dr, [[c for c in cells if c[0] == r] for r in rows])
        key = (id(dr.header), tuple(cells))
        if key not in self.orders:
            row_id = cells[0][0]
            orders = leaf_orders(self.spec, dr.header.tokens, [c for _, c in cells])
            if orders is not None and len(orders) > 1:
                orders = samevalue.by_grid(dr.header.columns or dr.header.grid_above, orders)
            self.orders[key] = None if orders is None else [
                tuple((row_id, c) for c in order) for order in orders]
        return self.orders[key]

    def rows_orders(self, dr: DataRow, rows: list[list[Cell]]) -> list[tuple[Cell, ...]] | None:
        """The cells of several form rows, each row in the order the header prints; ``[]``
        when a row's order cannot be established."""
        found = [self.printed_orders(dr, cells) for cells in rows]
        if all(f is None for f in found):
            return None
        if any(f is not None and len(f) != 1 for f in found):
            return []
        return [tuple(c for cells, f in zip(rows, found, strict=True)
                      for c in (cells if f is None else f[0]))]

    def by_printed_order(self, dr: DataRow, cells: list[Cell],
                         values: Sequence[Slot] | None = None) -> list[Pair] | None:
        """As many cells as the form row under a header whose grid does not stand over them:
        by the order the header prints the columns in, the cells it cannot place blank."""
        values = dr.values if values is None else values
        orders = self.printed_orders(dr, cells)
        if orders is None:
            return None
        if len(orders) == 1:
            if orders[0] == tuple(cells):
                self.by_position_notice(dr, cells, agrees=False)
            else:
                self.reordered_notice(dr, cells)
            return [(c, s.text, s.location) for c, s in zip(orders[0], values, strict=True)]
        known = settled(orders)
        pairs = [(known[i], s.text, s.location)
                 for i, s in enumerate(values) if i in known]
        open_cells = [c for c in cells if c not in {p[0] for p in pairs}]
        same = samevalue.agreed_texts(orders, open_cells, [s.text for s in values])
        pairs += [(c, values[i].text, values[i].location) for c, i in same.items()]
        self.same_value(dr, list(same))
        self.unordered(dr, [c for c in open_cells if c not in same])
        return pairs

    def same_value(self, dr: DataRow, cells: Sequence[Cell]) -> None:
        """Cells whose column the header leaves open, printed with the same value at every
        position it may stand at: read (:mod:`~gi_report.importers.samevalue`)."""
        if cells:
            self.notices.append(same_value_notice(self.spec, self.name(dr, cells), cells,
                                                  dr.location))

    def reordered_notice(self, dr: DataRow, cells: Sequence[Cell]) -> None:
        if not dr.header.reordered:
            dr.header.reordered = True
            self.notices.append(notice(
                "header.reordered", f"自“{self.name(dr, cells)}”一行起，列的顺序与表格不同，"
                "数值按列标题的顺序读取", location=dr.location))

    def unordered(self, dr: DataRow, cells: Sequence[Cell], *, now: bool = True) -> None:
        """Cells whose column the header names in an order that cannot be established: blank
        (``now``; else once their row's digits are split, see stand_in)."""
        if not cells:
            return
        for cell in cells if now else ():
            self.values[cell] = None
        self.notices.append(notice(
            "header.unordered",
            f"“{self.name(dr, cells)}”一行的列标题与表格的列顺序不同，且无法确定"
            f"{describe(self.spec, cells)} 的位置：这些单元格留空",
            location=dr.location, cells=[pointer(self.spec, c) for c in cells],
            found=" | ".join(s.text for s in dr.values)))

    def by_position_notice(self, dr: DataRow, cells: list[Cell], *, agrees: bool) -> None:
        header = dr.header
        if header.noted:
            return
        over = _over_values(header.unknown, dr.values)
        if not header.columns and not over and len(cells) > 1:
            header.noted = True
            self.notices.append(notice(
                "header.by_position",
                f"表格没有列标题，自“{self.name(dr, cells)}”一行起数值按表格标准列的顺序读取",
                location=dr.location, level=Level.WARNING))
            return
        if not (over or not agrees):
            return
        header.noted = True
        named = "、".join(f"“{t}”" for t in over[:8])
        why = (f"列标题{named}不是表格的标准列" if over
               else "列标题与数值的位置不一致（如合并单元格未展开）")
        self.notices.append(notice(
            "header.by_position",
            f"{why}，自“{self.name(dr, cells)}”一行起数值按表格标准列的顺序读取",
            location=dr.location, found=" | ".join(over) or None))

    def other_count(self, dr: DataRow, cells: list[Cell]) -> list[Pair] | None:
        """More or fewer cells than the form row: by the header, else without trailing blanks."""
        pairs = by_header(dr, cells)
        if pairs is not None:
            self.notices.append(notice(
                "header.aligned", f"“{self.name(dr, cells)}”一行有 {len(dr.values)} 个单元格，"
                "按上方的列标题对齐读取", location=dr.location))
            return pairs
        trimmed = list(dr.values)
        while len(trimmed) > len(cells) and trimmed[-1].empty:
            trimmed.pop()
        if len(trimmed) < len(dr.values) and trimmed and trimmed[0].empty:
            return None  # empty cells at both ends: the rest of a label's span, or a blank?
        if len(trimmed) == len(cells):
            printed = self.by_printed_order(dr, cells, trimmed)
            if printed is not None:
                return printed
            return [(c, s.text, s.location) for c, s in zip(cells, trimmed, strict=True)]
        return None

    def gapped(self, dr: DataRow, cells: list[Cell]) -> bool:
        """A row printing fewer whole cells than the form row (one or two lost): kept for the
        form's arithmetic to place (:meth:`fill_gaps`), never split as digits."""
        texts = [s.text for s in dr.values]
        if not gaps.fits(texts, len(cells)) or not all(_whole(t) for t in texts):
            return False
        order = self.gap_order(dr, cells)
        if order is None:
            return False
        self.score += 2
        self.gaps.append((gaps.Gap(tuple(order), tuple(texts)), dr))
        self.gap_cells.update(cells)
        return True

    def gap_order(self, dr: DataRow, cells: list[Cell]) -> list[Cell] | None:
        """The order the row prints its cells in: the header's printed order (a text dump) or
        the order its grid names the columns in, when that is certain; ``None`` otherwise."""
        orders = self.printed_orders(dr, cells)
        if orders is not None and len(orders) != 1:
            return None
        order = list(orders[0]) if orders else list(cells)
        if orders and _one_slot(dr):
            return order  # numbers in one text stand under no grid column: the header's words
        return order if _grid_agrees(dr, order) else None

    def fill_gaps(self) -> None:
        """Each gapped row's cells that the arithmetic settles read; the others blank."""
        if not self.gaps:
            return
        known = dict(self.values)
        # a document that breaks its own arithmetic settles nothing; one whose only values are
        # the gapped rows is settled by their own relations (section 四 as one row)
        trusted = gaps.trusted(self.spec, known, {c[0] for g, _ in self.gaps for c in g.cells})
        found = [g for g, _ in self.gaps]
        every = gapset.settle_all(self.spec, known, found) if trusted else [
            gaps.Settled({}, g.cells, ()) for g in found]
        for (gap, dr), outcome in zip(self.gaps, every, strict=True):
            self.gap_notices(dr, gap, outcome)
            self.read([(c, t, dr.location) for c, t in outcome.read.items()], None)
            for cell in (*outcome.open, *outcome.missing):
                self.values[cell] = None

    def gap_notices(self, dr: DataRow, gap: gaps.Gap, settled: gaps.Settled) -> None:
        spec = self.spec
        name = self.name(dr, gap.cells)
        shown = " | ".join(gap.texts)
        lacking = len(gap.cells) - len(gap.texts)
        if settled.read:
            self.notices.append(notice(
                "row.gap",
                f"“{name}”一行少印了 {lacking} 个单元格（{shown}），按表内勾稽关系确定了"
                f"{describe(spec, list(settled.read))} 的位置并读取",
                location=dr.location, found=shown,
                cells=[pointer(spec, c) for c in settled.read]))
        if settled.missing:
            self.notices.append(notice(
                "column.missing",
                f"“{name}”一行少印的单元格是 {describe(spec, list(settled.missing))}"
                "（按表内勾稽关系确定），该单元格留空",
                location=dr.location, found=shown,
                cells=[pointer(spec, c) for c in settled.missing]))
        if settled.open:
            self.notices.append(notice(
                "row.cell_count",
                f"“{name}”一行有 {len(gap.texts)} 个数值单元格，而表格要求 {len(gap.cells)} 个，"
                f"表内勾稽关系无法确定缺少的是哪一个：{describe(spec, list(settled.open))} 留空",
                location=dr.location, found=shown,
                cells=[pointer(spec, c) for c in settled.open],
                candidates=settled.candidates))

    def runs_or_fail(self, dr: DataRow, cells: list[Cell], unit: Cell | None) -> None:
        """Digits run together: one run per cell, a :class:`Run` for the solver, or blank.

        The cells stand in the order the header prints them; a row under a header whose order
        cannot be established is blank. Whitespace inside a cell is read as a cut between two
        cells unless a cell holding two numbers could straddle it: then the solver decides."""
        ordered = self.in_printed_order(dr, cells)
        if ordered is None:
            return
        cells = ordered
        filled = sum(not s.empty for s in dr.values)
        if (filled >= 2 or self.apart) and filled < len(cells):
            # cells printed apart (in this row or in the table) but fewer than the row's: a
            # cell is missing, and which one is not known; their digits are not run-together
            # numbers to be split
            self.cell_count(dr, cells, unit, None)
            return
        found = spaced_segments(dr)
        if found is None or self.printed_apart(dr, found[0]):
            self.cell_count(dr, cells, unit, None)
        else:
            self.digits(dr, cells, unit, *found)

    def digits(self, dr: DataRow, cells: list[Cell], unit: Cell | None, parts: list[str],
               soft: tuple[bool, ...]) -> None:
        """A row's digit runs: one per cell read as printed, else a :class:`Run`, else blank."""
        location = next((s.location for s in dr.values if not s.empty), dr.location)
        if parts and unit is not None:
            self.strip_unit(parts, unit)
        digits = sum(len(p.replace(".", "")) for p in parts)
        if self.units_end_numbers and any(soft) and self.paired(dr, cells, unit, location):
            return
        if len(parts) == len(cells) and not (any(soft) and digits > len(cells)):
            self.score += 2
            self.read([(c, p, location) for c, p in zip(cells, parts, strict=True)], unit)
        else:
            self.uneven(dr, cells, unit, parts, soft, location, digits)

    def paired(self, dr: DataRow, cells: list[Cell], unit: Cell | None,
               location: Location) -> bool:
        """A row of a table printing a unit after every number that prints a number with no
        unit before whitespace: the first of two numbers in one cell (``0 1个``,
        :func:`~gi_report.importers.unitnumbers.unit_cells`), or a cell printed without its
        unit. Read so, the row printing as many cells as its form row: the cells are read, that
        one unreadable (two numbers); fewer: either reading may be the true one, the row is
        blank. ``False``: no such number."""
        found: list[str] = []
        for s in dr.values:
            cut = None if s.empty else unit_cells(s.text)
            if cut is None and not s.empty:
                return False
            found.extend(cut or ())
        pairs = [c for c in found if " " in c]
        if not pairs:
            return False
        if len(found) == len(cells):
            self.score += 2
            self.read([(c, p, location) for c, p in zip(cells, found, strict=True)], unit)
            return True
        self.count_notice(dr, cells, unit, (
            f"表格中每个数值后都有单位词，而“{self.name(dr, cells)}”一行的“{pairs[0]}”中有一个数"
            "没有单位词：它与其后的数可能同在一个单元格（两个数），也可能各是一个单元格，"
            f"该行的单元格数因此无法确定（表格要求 {len(cells)} 个），该行留空"))
        return True

    def uneven(self, dr: DataRow, cells: list[Cell], unit: Cell | None, parts: list[str],
               soft: tuple[bool, ...], location: Location, digits: int) -> None:
        """A row printing other than one number per cell: a row short of cells in a table
        with units, digit runs to split, a run lacking cells, or a wrong cell count."""
        short = bool(parts) and len(parts) < len(cells)
        if short and self.units_everywhere:
            self.units_short(dr, cells, unit, parts, any(soft))
        elif short and self.unit_lacking(dr, cells, unit, parts, any(soft)):
            return
        elif parts and len(parts) <= len(cells) <= digits:
            self.add_run(dr, cells, parts, location, soft)
        elif parts and self.lacks_cells(cells, parts, soft):
            self.short_rows.append(self.name(dr, cells))
            self.add_run(dr, cells, parts, location, lacking=True)
        else:
            self.cell_count(dr, cells, unit, parts)

    def units_short(self, dr: DataRow, cells: list[Cell], unit: Cell | None,
                    parts: Sequence[str], spaced: bool = False) -> None:
        """Fewer numbers than cells in a table that prints a unit after every number: a cell is
        missing (a dump dropped it), not digits of two cells run together: the cells the
        arithmetic places (:meth:`fill_gaps`, one or two lacking), else blank; either way the
        document drops cells (:attr:`short_rows`). Not placed where whitespace stands among
        the numbers (``spaced``): a cell may hold two numbers there."""
        self.short_rows.append(self.name(dr, cells))
        if unit is None and not spaced and self.unit_gap(dr, cells, parts):
            return
        self.score += 1
        self.count_notice(dr, cells, unit, (
            f"表格中每个数值后都有单位词，而“{self.name(dr, cells)}”一行只有 {len(parts)} 个数，"
            f"表格要求 {len(cells)} 个：该行缺少单元格，且无法确定缺少哪一个，该行留空"))

    def unit_lacking(self, dr: DataRow, cells: list[Cell], unit: Cell | None,
                     parts: Sequence[str], spaced: bool) -> bool:
        """A row of a table whose every number carries its unit word
        (:attr:`units_end_numbers`) printing one or two numbers fewer than its cells: it lacks
        cells, so the document drops cells (:attr:`short_rows`); placed by the arithmetic
        where it can be (:meth:`unit_gap`, ``True``), else read as a run, whose splits such a
        document distrusts. Lacking more, its unit groups may hold several cells each."""
        if not self.units_end_numbers or len(cells) - len(parts) > gaps.MAX_MISSING:
            return False
        self.short_rows.append(self.name(dr, cells))
        return unit is None and not spaced and self.unit_gap(dr, cells, parts)

    def unit_gap(self, dr: DataRow, cells: list[Cell], parts: Sequence[str]) -> bool:
        """A row lacking one or two cells in a table whose every number carries its unit word
        (each number whole, :attr:`units_end_numbers`), its ``cells`` in printed order: kept
        for the arithmetic to place (:meth:`fill_gaps`) when the grid names its columns in
        that order too. Not in a table no relation checks (section 二): every placement holds
        there, while the run's readings still tell a signed count or an amount by its kind."""
        if (not self.units_end_numbers or not self.spec.relations
                or len(cells) - len(parts) > gaps.MAX_MISSING):
            return False
        where = {cell: k for k, cell in enumerate(whole_table(self.spec))}
        if self.gap_order(dr, sorted(cells, key=where.__getitem__)) != cells:
            return False
        self.score += 2
        self.gaps.append((gaps.Gap(tuple(cells), tuple(parts)), dr))
        self.gap_cells.update(cells)
        return True

    def count_notice(self, dr: DataRow, cells: list[Cell], unit: Cell | None,
                     message: str) -> None:
        """The ``row.cell_count`` notice of a row left blank: its cells (and unit), as found."""
        self.notices.append(notice(
            "row.cell_count", message, location=dr.location,
            cells=[pointer(self.spec, c) for c in (*cells, *([unit] if unit else []))],
            found=" | ".join(s.text for s in dr.values)))

    def in_printed_order(self, dr: DataRow, cells: list[Cell]) -> list[Cell] | None:
        """The row's cells in the order its header prints them; ``None`` (and the row blank)
        when that order cannot be established."""
        orders = self.printed_orders(dr, cells)
        if orders is not None and len(orders) != 1:
            split_by = self.stand_in(dr, cells)
            if split_by is None:
                self.unordered(dr, cells)
            return split_by
        if orders is not None and list(orders[0]) != cells:
            cells = list(orders[0])
            self.reordered_notice(dr, cells)
        return cells

    def stand_in(self, dr: DataRow, cells: list[Cell]) -> list[Cell] | None:
        """Cells to split the row's digits with when the header allows several column orders
        that the table's relations cannot tell apart (:mod:`~gi_report.importers.standin`):
        row by row, the first order; the cells whose position is not settled are blank
        afterwards (``hidden``). ``None`` when some row's orders are not interchangeable."""
        out: list[Cell] = []
        hidden: list[Cell] = []
        for row_id in dict.fromkeys(r for r, _ in cells):
            row_cells = [c for c in cells if c[0] == row_id]
            orders = self.printed_orders(dr, row_cells)
            found = (row_cells, []) if orders is None else standin.stand_in(self.spec, orders)
            if found is None:
                return None
            out.extend(found[0])
            hidden.extend(found[1])
            if found[1]:
                self.same_as.update(samevalue.stand_ins(orders or [], found[1]))
        self.hidden.update(hidden)
        self.unordered(dr, hidden, now=False)
        return out

    def printed_apart(self, dr: DataRow, found: list[str]) -> bool:
        """Whether the row's digit runs ``found`` must not be split as run-together digits: in
        a table that prints cells apart, whole numbers are each one value (never the digits of
        several), and a cell holding two numbers is a lost border (which cells they are is not
        known)."""
        return bool(self.apart and found and (all(_whole(s.text) for s in dr.values)
                                              or any(two_numbers(s.text) for s in dr.values)))

    def cell_count(self, dr: DataRow, cells: list[Cell], unit: Cell | None,
                   found: list[str] | None) -> None:
        """A row that fits its cells neither by header nor as digit runs: blank, reported."""
        self.score += 1
        if found is not None and sum(len(p.replace(".", "")) for p in found) < len(cells):
            self.short_rows.append(self.name(dr, cells))
        self.count_notice(dr, cells, unit, (
            f"“{self.name(dr, cells)}”一行有 {len(dr.values)} 个数值单元格，而表格要求 "
            f"{len(cells)} 个，且无法按列标题对齐：该行留空"))

    def lacks_cells(self, cells: list[Cell], parts: list[str], soft: tuple[bool, ...]) -> bool:
        """Whether a row's digits are a run lacking one or two cells that the table's
        arithmetic may place (:mod:`~gi_report.importers.shortrow`): counts, no whitespace a
        cell holding two numbers could straddle, cells some relation checks."""
        rows = {r for r, _ in cells}
        return (not any(soft) and shortrow.eligible(parts, len(cells))
                and all(self.spec.column(c).kind is CellKind.COUNT for _, c in cells)
                and any(c.row in rows for rel in self.spec.relations for c in rel.cells))

    def add_run(self, dr: DataRow, cells: list[Cell], found: list[str], location: Location,
                soft: tuple[bool, ...] = (), *, lacking: bool = False) -> None:
        """Fewer runs than cells but enough digits: the solver splits them later."""
        self.score += 2
        self.sources.update(dict.fromkeys(cells, location))
        self.run_cells.update(cells)
        self.runs.append(Run(
            cells=tuple(cells), kinds=tuple(self.spec.column(c).kind for _, c in cells),
            segments=tuple(found), text=" ".join(s.text for s in dr.values if not s.empty),
            location=location, soft=soft, lacking=lacking))

    def strip_unit(self, found: list[str], unit: Cell) -> None:
        for suffix in AMOUNT_UNITS:
            if found[-1].endswith(suffix):
                found[-1] = found[-1][: -len(suffix)]
                self.values[unit] = suffix
                return

    # --- a cell -----------------------------------------------------------------------------

    def read(self, pairs: Iterable[Pair], unit: Cell | None) -> None:
        """Each text as the value of its cell (blank, dash, two numbers, unreadable: blank).

        A text already read as one plain number in a column of its kind is taken by one
        look-up (:data:`_PLAIN`); any other goes through :meth:`read_cell`."""
        plain, names = _plain(self.spec), pointers(self.spec)
        values, sources = self.values, self.sources
        for cell, text, location in pairs:
            sources[cell] = location
            known, blanks = plain[cell[1]]
            if text in known:
                values[cell] = known[text]
            elif text in blanks:
                values[cell] = None
                self.blank.append(names.get(cell) or pointer(self.spec, cell))
            else:
                self.read_cell(cell, text, location, unit)

    def read_cell(self, cell: Cell, text: str, location: Location, unit: Cell | None) -> None:
        """One text as the value of its cell, every check made; a plain number remembered."""
        kind, _, parsed = self.columns[cell[1]]
        if kind is not CellKind.TEXT and two_numbers(text):
            self.values[cell] = None
            self.notices.append(notice(
                "cell.two_numbers",
                f"{describe(self.spec, [cell])} 的单元格“{' '.join(text.split())}”中有两个数，"
                "不合并其数字，留空", location=location, cells=[pointer(self.spec, cell)],
                found=text))
            return
        self.read_one(cell, text, location, unit)
        found = parsed.get(text)
        known, blanks = _PLAIN[kind.name]
        if found is None or len(known) + len(blanks) >= _PARSED_LIMIT:
            return
        # what read_one did with these two (whatever the column): set the value; set None and
        # list the cell as blank
        if found.status is Status.NUMBER and not found.unit:
            known[text] = found.value
        elif found.status is Status.BLANK:
            blanks.add(text)

    def read_one(self, cell: Cell, text: str, location: Location, unit: Cell | None) -> None:
        spec = self.spec
        kind, fixed, known = self.columns[cell[1]]
        parsed = known.get(text)
        if parsed is None:
            parsed = parse_value(text, kind)
            if len(known) < _PARSED_LIMIT:
                known[text] = parsed
        if parsed.status is Status.NUMBER and parsed.unit and fixed and parsed.unit != fixed:
            self.values[cell] = None  # 3元 in a column of 万元: never read as 3万元
            self.notices.append(notice(
                "cell.unreadable",
                f"{describe(spec, [cell])} 的内容“{text.strip()}”的单位不是该列的“{fixed}”，留空",
                location=location, cells=[pointer(spec, cell)], found=text))
            return
        if parsed.status is Status.NUMBER:
            self.values[cell] = parsed.value
            if parsed.unit and unit is not None and kind is CellKind.AMOUNT:
                self.values[unit] = parsed.unit
                self.notices.append(notice(
                    "cell.unit", f"“{text.strip()}”读作金额 {parsed.value}，单位“{parsed.unit}”",
                    location=location, cells=[pointer(spec, cell), pointer(spec, unit)],
                    found=text))
            return
        self.values[cell] = None
        where = pointer(spec, cell)
        if parsed.status is Status.BLANK:
            self.blank.append(where)
        elif parsed.status is Status.DASH:
            self.dash.append(where)
        else:
            self.notices.append(notice(
                "cell.unreadable",
                f"{describe(spec, [cell])} 的内容“{text.strip()}”不是表格要求的数值，留空",
                location=location, cells=[where], found=text))

    # --- what was not found -----------------------------------------------------------------

    def read_rows(self) -> set[str]:
        return ({c[0] for c in self.values} | {c[0] for run in self.runs for c in run.cells}
                | {c[0] for c in self.gap_cells})

    def unprinted_units(self) -> None:
        """A unit column of a row read, printed with no unit: blank."""
        read = self.read_rows()
        for row in self.spec.rows:
            cell = self.row_cells[row.id][1]
            if cell is not None and row.id in read and cell not in self.values:
                self.blank.append(pointer(self.spec, cell))

    def missing(self, rows: Sequence[DataRow]) -> None:
        """Form rows never found (``row.missing``) and columns a found row lacks
        (``column.missing``)."""
        if not rows:
            return
        found = self.read_rows() | {dr.row.id for dr in rows if dr.row is not None}
        found |= {dr.hint.id for dr in rows if dr.hint is not None}
        self.missing_columns(found)
        for row in self.spec.rows:
            if row.id not in found:
                self.notices.append(notice(
                    "row.missing",
                    f"{self.spec.title}的“{row_name(self.spec, row)}”一行在文档中没有找到，"
                    "该行留空",
                    location=self.location,
                    cells=[pointer(self.spec, (row.id, c)) for c in row.columns]))

    def missing_columns(self, found: set[str]) -> None:
        spec = self.spec
        read = set(self.values) | self.run_cells
        lost: dict[str, list[Cell]] = {}
        for row in spec.rows:
            if row.id not in found:
                continue
            cells = [c for c in self.row_cells[row.id][0] if c not in read]
            if len(cells) < len(row.columns):
                for cell in cells:
                    lost.setdefault(cell[1], []).append(cell)
        for column_id, cells in lost.items():
            rows = "、".join(row_name(spec, spec.row(r)) for r, _ in cells[:5])
            more = f"等 {len(cells)} 行" if len(cells) > 5 else ""
            self.notices.append(notice(
                "column.missing",
                f"“{spec.column(column_id).label}”列在文档中没有找到（{rows}{more}），这些单元格留空",
                location=self.location, cells=[pointer(spec, c) for c in cells]))

    def printed_blank(self) -> None:
        """One notice for the cells printed empty, one for those printed as a dash."""
        if self.blank:
            self.notices.append(notice(
                "cell.blank", f"{len(self.blank)} 个单元格为空，按空白（null）保留，未当作 0",
                location=self.location, cells=self.blank))
        if self.dash:
            self.notices.append(notice(
                "cell.dash",
                f"{len(self.dash)} 个单元格印作“—”“/”或“无”，按空白（null）读取，未当作 0",
                location=self.location, cells=self.dash))
