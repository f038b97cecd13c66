"""Mapping cell grids onto the form's tables: the one path every document kind shares.

A section's blocks (its tables, and headings between them) are read as one stream of rows:

* a row with no number is a **header row**: its cells name columns (本年制发件数, 自然人 …), header
  cells above them (申请人情况), sub-table captions (第二十条第（一）项) or, in section 四's
  transposed layout, the form's rows (行政复议, 未经复议直接起诉);
* a row with numbers (or a recognised row label and empty cells) is a **data row**: its leading
  text cells are labels — the innermost names the form row, the outer ones its groups — and the
  cells after them are its values, one per distinct cell (a merged cell counts once);
* a heading between tables that names a row (### 行政复议) names the next unlabelled data row.

Labels are matched with :mod:`~gi_report.importers.vocabulary` (derived from the form only). A
data row whose value count equals the form row's columns is read in the form's column order
(the order the template prints); otherwise its cells are lined up with the column headers above
them; otherwise, if its cells hold fewer digit runs than columns, the run-together numbers are
left to :mod:`~gi_report.importers.digits`. A row whose label matches nothing is taken by its
position when exactly one form row is missing between its recognised neighbours.

Every step that is not a plain exact reading leaves a :class:`~gi_report.importers.result.Notice`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

import attrs

from gi_report.form.spec import CellKind, ColumnSpec, RowSpec, TableSpec
from gi_report.importers.blocks import Block, GridCell, Location, TableBlock, TextBlock
from gi_report.importers.digits import Cell, Run, solve
from gi_report.importers.normalize import fold
from gi_report.importers.result import Level, Notice, notice
from gi_report.importers.values import (
    AMOUNT_UNITS,
    Status,
    is_number,
    looks_like_value,
    parse_value,
    run_segments,
)
from gi_report.importers.vocabulary import Match, Vocabulary, vocabulary
from gi_report.table import CellValue, Table


class Slot(NamedTuple):
    """One distinct cell of a grid row (a merged cell spanning columns counts once)."""

    text: str
    col0: int  #: first grid column the cell covers in this row
    col1: int  #: last grid column the cell covers in this row
    location: Location
    above: bool  #: the cell's span starts in an earlier row (a merged row header)

    @property
    def empty(self) -> bool:
        """Nothing printed (whitespace only)."""
        return not fold(self.text)

    @property
    def is_value(self) -> bool:
        """A number or a dash (not empty, not a label)."""
        return not self.empty and looks_like_value(self.text)

    @property
    def is_text(self) -> bool:
        """A label: printed text that is not a number or a dash."""
        return not self.empty and not looks_like_value(self.text)


def row_slots(cells: Sequence[GridCell | None], r: int) -> list[Slot]:
    """The distinct cells of grid row ``r``, left to right."""
    out: list[Slot] = []
    last: GridCell | None = None
    for c, cell in enumerate(cells):
        if cell is None:
            last = None
            continue
        if last is not None and cell.origin == last.origin:
            out[-1] = out[-1]._replace(col1=c)
            continue
        out.append(Slot(cell.text, c, c, cell.location, cell.origin[0] < r))
        last = cell
    return out


@attrs.define
class _Header:
    """What the header rows above the current data rows name, per grid column."""

    columns: dict[int, ColumnSpec] = attrs.field(factory=dict)
    rows: dict[int, RowSpec] = attrs.field(factory=dict)
    unknown: list[Slot] = attrs.field(factory=list)  #: header cells naming nothing of the form
    noted: bool = False  #: a notice about reading by position was given for this header


@attrs.define
class _DataRow:
    labels: list[Slot]
    values: list[Slot]
    location: Location
    header: _Header
    groups: set[str]
    match: Match[RowSpec] | None
    found: str | None  #: the label text the row was matched by (or tried)
    hint: RowSpec | None = None
    row: RowSpec | None = None
    how: str = ""


@attrs.define
class Reading:
    """One section's blocks read against one table layout, before run-together digits are split."""

    spec: TableSpec
    values: dict[Cell, CellValue]
    runs: list[Run]
    notices: list[Notice]
    score: int
    narrative: list[TextBlock]
    location: Location
    data_rows: int
    found: bool  #: the table is there (rows with values, or at least its column headers)
    sources: dict[Cell, Location] = attrs.field(factory=dict)  #: where each cell was read

    def complete(self) -> tuple[Table, list[Notice]]:
        """Split the runs, then the table as stated and every notice about it."""
        notices = list(self.notices)
        values = dict(self.values)
        if self.runs:
            solution = solve(self.spec, values, self.runs, describe=lambda cs: describe(
                self.spec, cs))
            values.update(solution.values)
            notices.extend(solution.notices)
        table = Table(
            spec=self.spec,
            values=tuple(
                tuple(values.get((row.id, c)) for c in row.columns) for row in self.spec.rows
            ),
        )
        return table, notices


def pointer(spec: TableSpec, cell: Cell) -> str:
    """The JSON Pointer of a cell of ``spec``'s table."""
    return f"/{spec.id}/{cell[0]}/{cell[1]}"


def row_name(spec: TableSpec, row: RowSpec) -> str:
    """A row's official label, with its group for section 四 (行政诉讼·复议后起诉)."""
    if spec.id == "review_litigation" and row.group:
        return f"{spec.group(row.group).label}·{row.label}"
    return row.label


def describe(spec: TableSpec, cells: Sequence[Cell]) -> str:
    """Cells named with the official labels, grouped by row: 规章（本年制发件数、本年废止件数）."""
    by_row: dict[str, list[str]] = {}
    for row_id, column_id in cells:
        by_row.setdefault(row_id, []).append(spec.column(column_id).label)
    return "；".join(
        f"{row_name(spec, spec.row(r))}（{'、'.join(cols)}）" for r, cols in by_row.items()
    )


class _Mapper:
    def __init__(self, spec: TableSpec) -> None:
        self.spec = spec
        self.vocab: Vocabulary = vocabulary(spec)
        self.header = _Header()
        self.after_data = False
        self.group: str | None = None
        self.hint: RowSpec | None = None
        self.rows: list[_DataRow] = []
        self.narrative: list[TextBlock] = []
        self.notices: list[Notice] = []
        self.header_columns: set[str] = set()
        self.location: Location | None = None
        self.values: dict[Cell, CellValue] = {}
        self.sources: dict[Cell, Location] = {}
        self.runs: list[Run] = []
        self.run_cells: set[Cell] = set()
        self.score = 0
        self.blank: list[str] = []
        self.dash: list[str] = []
        self.ignored_tables: list[Location] = []
        self.header_hits = 0  #: header cells recognised (columns, header words, groups, rows)

    # --- reading the stream --------------------------------------------------------------------

    def feed(self, block: Block) -> None:
        if isinstance(block, TextBlock):
            self.text(block)
        else:
            self.table(block)

    def text(self, block: TextBlock) -> None:
        text = block.text
        if not fold(text):
            return
        row = self.vocab.row(text)
        if row is not None and len(row.items) == 1 and row.how != "fuzzy":
            self.hint = row.item
            return
        group = self.vocab.group(text)
        if group is not None:
            self.group = group.item.id
            return
        if self.vocab.column(text) is not None or self.vocab.is_header_word(text):
            return
        self.narrative.append(block)

    def table(self, block: TableBlock) -> None:
        if self.location is None:
            self.location = block.location
        self.header = _Header()
        self.after_data = False
        before = (len(self.rows), len(self.header_columns), self.header_hits)
        for r, cells in enumerate(block.rows):
            self.grid_row(r, cells)
        if before == (len(self.rows), len(self.header_columns), self.header_hits):
            self.ignored_tables.append(block.location)
        self.hint = None

    def grid_row(self, r: int, cells: Sequence[GridCell | None]) -> None:
        slots = row_slots(cells, r)
        if not slots:
            return
        first_value = next((i for i, s in enumerate(slots) if s.is_value), None)
        zone = slots if first_value is None else slots[:first_value]
        last_text = max((i for i, s in enumerate(zone) if s.is_text), default=-1)
        labels = [s for s in zone[: last_text + 1] if s.is_text]
        values = slots[last_text + 1:]
        match, found, by = self.match_row(labels)
        if (by is not None and by is not labels[-1] and first_value is not None
                and not any(self.vocab.knows(s.text) for s in labels[labels.index(by) + 1:])):
            # text between the row's label and its numbers is a value (an unreadable one)
            values = slots[slots.index(by) + 1:]
            labels = labels[: labels.index(by) + 1]
        if first_value is None:
            columns = sum(
                1 for s in labels if self.vocab.column(s.text) or self.vocab.is_header_word(s.text)
            )
            if match is None or not values or columns >= 2:
                self.header_row(slots)
                return
        self.after_data = True
        groups = {m.item.id for s in labels if (m := self.vocab.group(s.text)) is not None}
        if self.group:
            groups.add(self.group)
        hint = None
        if not labels and self.hint is not None:
            hint, self.hint = self.hint, None
        self.rows.append(_DataRow(
            labels=labels, values=values, location=(labels or values)[0].location,
            header=self.header, groups=groups, match=match, found=found, hint=hint,
        ))

    def match_row(self, labels: list[Slot]
                  ) -> tuple[Match[RowSpec] | None, str | None, Slot | None]:
        """The row the labels name, the text that named it, and the last label slot used."""
        if not labels:
            return None, None, None
        groups = {m.item.id for s in labels if (m := self.vocab.group(s.text)) is not None}
        if self.group:
            groups.add(self.group)
        tries: list[tuple[str, Slot]] = [(labels[-1].text, labels[-1])]
        for n in range(2, min(3, len(labels)) + 1):
            tries.append(("".join(s.text for s in labels[-n:]), labels[-1]))
        tries.extend((s.text, s) for s in reversed(labels[:-1]) if not s.above)
        for text, slot in tries:
            match = self.vocab.row(text, groups)
            if match is not None:
                return match, text, slot
        return None, labels[-1].text, None

    def header_row(self, slots: list[Slot]) -> None:
        if self.after_data:
            self.header = _Header()
            self.after_data = False
        for s in slots:
            if s.empty:
                continue
            if self.vocab.knows(s.text):
                self.header_hits += 1
            column = self.vocab.column(s.text)
            if column is not None:
                self.header_columns.add(column.item.id)
                for c in range(s.col0, s.col1 + 1):
                    self.header.columns[c] = column.item
                continue
            row = self.vocab.row(s.text)
            if row is not None and len(row.items) == 1:
                for c in range(s.col0, s.col1 + 1):
                    self.header.rows[c] = row.item
                continue
            group = self.vocab.group(s.text)
            if group is not None:
                if not s.above:
                    self.group = group.item.id
                continue
            if not s.above and not self.vocab.is_header_word(s.text):
                self.header.unknown.append(s)

    # --- resolving rows ------------------------------------------------------------------------

    def finish(self) -> Reading:
        self.resolve_rows()
        for dr in self.rows:
            self.assign(dr)
        self.missing_rows()
        found = bool(self.rows) or len(self.header_columns) >= 2
        if found and not self.rows:
            spec = self.spec
            self.blank = [pointer(spec, (r.id, c)) for r in spec.rows for c in r.columns]
        if self.blank:
            self.notices.append(notice(
                "cell.blank", f"{len(self.blank)} 个单元格为空，按空白（null）保留，未当作 0",
                location=self.location, cells=self.blank))
        if self.dash:
            self.notices.append(notice(
                "cell.dash",
                f"{len(self.dash)} 个单元格印作“—”“/”或“无”，按空白（null）读取，未当作 0",
                location=self.location, cells=self.dash))
        self.score += len(self.header_columns)
        for where in self.ignored_tables:
            self.notices.append(notice(
                "table.ignored",
                f"“{self.spec.title}”下的一个表格不含表格的任何行或列标题，未使用", location=where))
        return Reading(
            spec=self.spec, values=self.values, runs=self.runs, notices=self.notices,
            score=self.score, narrative=self.narrative,
            location=self.location or Location(), data_rows=len(self.rows), found=found,
            sources=self.sources,
        )

    def resolve_rows(self) -> None:
        position = self.spec.row_position
        last = -1
        for dr in self.rows:
            if dr.match is None:
                continue
            items = dr.match.items
            after = [r for r in items if position(r.id) > last]
            dr.row = after[0] if after else items[0]
            dr.how = dr.match.how
            last = position(dr.row.id)
        # rows whose label matched nothing: by position between recognised neighbours
        taken = {dr.row.id for dr in self.rows if dr.row is not None}
        i = 0
        while i < len(self.rows):
            if self.rows[i].row is not None or not self.rows[i].labels:
                i += 1
                continue
            j = i
            while j < len(self.rows) and self.rows[j].row is None and self.rows[j].labels:
                j += 1
            before = next((self.rows[k].row for k in range(i - 1, -1, -1)
                           if self.rows[k].row is not None), None)
            after_row = next((self.rows[k].row for k in range(j, len(self.rows))
                              if self.rows[k].row is not None), None)
            lo = position(before.id) if before else -1
            hi = position(after_row.id) if after_row else len(self.spec.rows)
            gap = [r for r in self.spec.rows[lo + 1:hi] if r.id not in taken]
            run = self.rows[i:j]
            fits = all(
                len(dr.values) == sum(
                    1 for c in r.columns if self.spec.column(c).kind is not CellKind.TEXT)
                for dr, r in zip(run, gap, strict=False)
            )
            if len(gap) == len(run) and fits and (before or after_row):
                for dr, row in zip(run, gap, strict=True):
                    dr.row, dr.how = row, "position"
                    taken.add(row.id)
            else:
                for dr in run:
                    if any(s.is_value for s in dr.values):
                        self.score -= 2
                        self.notices.append(notice(
                            "label.unmatched",
                            f"表格行“{dr.found}”与{self.spec.title}的任何一行都不对应，其数值未使用",
                            location=dr.location, found=dr.found))
            i = j

    # --- values --------------------------------------------------------------------------------

    def assign(self, dr: _DataRow) -> None:
        spec = self.spec
        row = dr.row or dr.hint
        if row is None and not dr.labels:
            whole = [(r.id, c) for r in spec.rows for c in r.columns
                     if spec.column(c).kind is not CellKind.TEXT]
            if self.fits(dr, len(whole)):
                self.take(dr, whole, None, how="whole")
                return
            printed = {(dr.header.rows[g].id, column.id) for g, column in dr.header.columns.items()
                       if g in dr.header.rows}
            named = [cell for cell in whole if cell in printed]
            if named and self.by_header(dr, named) is not None:
                self.take(dr, named, None, how="whole")
                return
            level = Level.INFO if not any(is_number(s.text) for s in dr.values) else None
            self.notices.append(notice(
                "row.unlabelled",
                f"{spec.title}中一行没有行名（{' | '.join(s.text for s in dr.values)}），"
                "无法确定是哪一行，未使用",
                location=dr.location, level=level,
                found=" | ".join(s.text for s in dr.values)))
            return
        if row is None:
            return  # unmatched label: reported in resolve_rows
        if dr.how == "fuzzy" and dr.match is not None:
            self.notices.append(notice(
                "label.fuzzy",
                f"行名“{dr.found}”与表格中的标准行名不完全一致，"
                f"按最接近的“{row_name(spec, row)}”读取",
                location=dr.location, found=dr.found,
                cells=[pointer(spec, (row.id, c)) for c in row.columns]))
        elif dr.how == "alias" and dr.match is not None:
            self.notices.append(notice(
                "label.alias", f"行名“{dr.found}”是“{row_name(spec, row)}”的常见写法",
                location=dr.location, found=dr.found))
        elif dr.how == "position":
            self.notices.append(notice(
                "label.by_position",
                f"行名“{dr.found}”无法识别，按其在表中的位置读作“{row_name(spec, row)}”",
                location=dr.location, found=dr.found,
                cells=[pointer(spec, (row.id, c)) for c in row.columns]))
        elif dr.row is None and dr.hint is not None:
            pass  # named by the heading above the table
        cells = [(row.id, c) for c in row.columns if spec.column(c).kind is not CellKind.TEXT]
        unit = next(((row.id, c) for c in row.columns
                     if spec.column(c).kind is CellKind.TEXT), None)
        self.take(dr, cells, unit, how="row")

    def fits(self, dr: _DataRow, count: int) -> bool:
        if len(dr.values) == count:
            return True
        segments = self.segments(dr)
        return segments is not None and sum(len(s) for s in segments) >= count and len(
            segments) <= count

    def segments(self, dr: _DataRow) -> list[str] | None:
        out: list[str] = []
        for s in dr.values:
            if s.empty:
                continue
            parts = run_segments(s.text)
            if parts is None:
                return None
            out.extend(parts)
        return out

    def take(self, dr: _DataRow, cells: list[Cell], unit: Cell | None, *, how: str) -> None:
        spec = self.spec
        if any(c in self.values or c in self.run_cells for c in cells):
            self.notices.append(notice(
                "row.duplicate",
                f"“{row_name(spec, spec.row(cells[0][0]))}”在表中出现了不止一次，"
                "使用第一次出现的数值",
                location=dr.location, found=dr.found))
            return
        slots = dr.values
        pairs = self.reordered(dr, cells)
        if pairs is not None:
            self.notices.append(notice(
                "header.aligned",
                f"“{dr.found or row_name(spec, spec.row(cells[0][0]))}”一行的列顺序与表格"
                "标准不同，按上方的列标题读取",
                location=dr.location))
        elif len(slots) == len(cells):
            pairs = [(c, s.text, s.location) for c, s in zip(cells, slots, strict=True)]
            header = dr.header
            over = [u.text.strip() for u in header.unknown
                    if any(u.col0 <= s.col1 and s.col0 <= u.col1 for s in slots)]
            if not header.noted and (over or (
                    header.columns and not self.header_agrees(dr, cells))):
                header.noted = True
                named = "、".join(f"“{t}”" for t in over[:8])
                why = (f"列标题{named}不是表格的标准列" if over
                       else "列标题与数值的位置不一致（如合并单元格未展开）")
                self.notices.append(notice(
                    "header.by_position",
                    f"{why}，自“{dr.found or row_name(spec, spec.row(cells[0][0]))}”一行起"
                    "数值按表格标准列的顺序读取",
                    location=dr.location, found=" | ".join(over) or None))
        else:
            pairs = self.by_header(dr, cells)
            if pairs is not None:
                self.notices.append(notice(
                    "header.aligned",
                    f"“{dr.found or row_name(spec, spec.row(cells[0][0]))}”一行有 {len(slots)} 个"
                    f"单元格，按上方的列标题对齐读取",
                    location=dr.location))
            else:
                trimmed = list(slots)
                while len(trimmed) > len(cells) and trimmed[-1].empty:
                    trimmed.pop()
                if len(trimmed) == len(cells):
                    pairs = [(c, s.text, s.location) for c, s in zip(cells, trimmed, strict=True)]
        if pairs is None:
            self.runs_or_fail(dr, cells, unit)
            return
        if how == "row":
            self.score += 3
        elif how == "whole":
            self.score += 3 * len({c[0] for c in cells})
        self.read(pairs, unit)

    def reordered(self, dr: _DataRow, cells: list[Cell]
                  ) -> list[tuple[Cell, str, Location]] | None:
        """A row whose header names its columns in another order than the form's (总计 first,
        two columns swapped), read by the header where it names every cell; else ``None``."""
        if len(dr.values) != len(cells) or not dr.header.columns or self.header_agrees(
                dr, cells):
            return None
        pairs = self.by_header(dr, cells)
        return pairs if pairs is not None and len(pairs) == len(cells) else None

    def header_agrees(self, dr: _DataRow, cells: list[Cell]) -> bool:
        for (_, column), slot in zip(cells, dr.values, strict=True):
            named = {dr.header.columns[c].id for c in range(slot.col0, slot.col1 + 1)
                     if c in dr.header.columns}
            if named and column not in named:
                return False
        return True

    def by_header(self, dr: _DataRow, cells: list[Cell]) -> list[tuple[Cell, str, Location]] | None:
        header = dr.header
        if not header.columns:
            return None
        used: set[int] = set()
        out: list[tuple[Cell, str, Location]] = []
        for cell in cells:
            cols = [c for c, col in header.columns.items() if col.id == cell[1]
                    and (cell[0] == header.rows[c].id if c in header.rows else
                         len({r for r, _ in cells}) == 1)]
            if not cols:
                continue  # a column the header does not print: reported as missing
            under = [i for i, s in enumerate(dr.values) if any(s.col0 <= c <= s.col1 for c in cols)]
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

    def runs_or_fail(self, dr: _DataRow, cells: list[Cell], unit: Cell | None) -> None:
        spec = self.spec
        segments = self.segments(dr)
        location = next((s.location for s in dr.values if not s.empty), dr.location)
        if segments and unit is not None:
            last = segments[-1]
            for suffix in AMOUNT_UNITS:
                if last.endswith(suffix):
                    segments[-1] = last[: -len(suffix)]
                    self.values[unit] = suffix
                    break
        if segments is not None and len(segments) == len(cells):
            self.score += 2
            self.read([(c, s, location) for c, s in zip(cells, segments, strict=True)], unit)
            return
        digits = sum(len(s.replace(".", "")) for s in segments or ())
        if segments and len(segments) < len(cells) <= digits:
            self.score += 2
            self.sources.update(dict.fromkeys(cells, location))
            self.run_cells.update(cells)
            self.runs.append(Run(
                cells=tuple(cells),
                kinds=tuple(spec.column(c).kind for _, c in cells),
                segments=tuple(segments),
                text=" ".join(s.text for s in dr.values if not s.empty),
                location=location,
            ))
            return
        self.score += 1
        self.notices.append(notice(
            "row.cell_count",
            f"“{dr.found or row_name(spec, spec.row(cells[0][0]))}”一行有 {len(dr.values)} 个数值"
            f"单元格，而表格要求 {len(cells)} 个，且无法按列标题对齐：该行留空",
            location=dr.location, cells=[pointer(spec, c) for c in cells],
            found=" | ".join(s.text for s in dr.values)))

    def read(self, pairs: Iterable[tuple[Cell, str, Location]], unit: Cell | None) -> None:
        spec = self.spec
        for cell, text, location in pairs:
            kind = spec.column(cell[1]).kind
            parsed = parse_value(text, kind)
            where = pointer(spec, cell)
            self.sources[cell] = location
            if parsed.status is Status.NUMBER:
                self.values[cell] = parsed.value
                if parsed.unit and unit is not None and kind is CellKind.AMOUNT:
                    self.values[unit] = parsed.unit
                    self.notices.append(notice(
                        "cell.unit",
                        f"“{text.strip()}”读作金额 {parsed.value}，单位“{parsed.unit}”",
                        location=location, cells=[where, pointer(spec, unit)], found=text))
                continue
            self.values[cell] = None
            if parsed.status is Status.BLANK:
                self.blank.append(where)
            elif parsed.status is Status.DASH:
                self.dash.append(where)
            else:
                self.notices.append(notice(
                    "cell.unreadable",
                    f"{describe(spec, [cell])} 的内容“{text.strip()}”不是表格要求的数值，留空",
                    location=location, cells=[where], found=text))

    def missing_rows(self) -> None:
        spec = self.spec
        found = {c[0] for c in self.values} | {c[0] for run in self.runs for c in run.cells}
        found |= {dr.row.id for dr in self.rows if dr.row is not None}
        found |= {dr.hint.id for dr in self.rows if dr.hint is not None}
        missing = [r for r in spec.rows if r.id not in found]
        if not self.rows:
            return
        read = set(self.values) | {c for run in self.runs for c in run.cells}
        lost: dict[str, list[Cell]] = {}
        for row in spec.rows:
            if row.id not in found:
                continue
            cells = [(row.id, c) for c in row.columns if (row.id, c) not in read
                     and spec.column(c).kind is not CellKind.TEXT]
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
        for row in missing:
            self.notices.append(notice(
                "row.missing",
                f"{spec.title}的“{row_name(spec, row)}”一行在文档中没有找到，该行留空",
                location=self.location,
                cells=[pointer(spec, (row.id, c)) for c in row.columns]))


def read_section(spec: TableSpec, blocks: Iterable[Block]) -> Reading:
    """One section's blocks (tables, and the text between them) read against ``spec``."""
    mapper = _Mapper(spec)
    for block in blocks:
        mapper.feed(block)
    return mapper.finish()


_DOUBTS = frozenset({
    "label.unmatched", "label.fuzzy", "label.by_position", "row.missing", "row.cell_count",
    "row.unlabelled", "column.missing", "header.by_position", "header.aligned", "cell.unreadable",
})
"""Notices that make a reading doubtful enough to try the other template's layout as well."""


def clean(reading: Reading) -> bool:
    """Whether every row of the layout was read without doubt (nothing left to compare).

    Run-together numbers are no doubt about the layout: the labels around them decide it.
    """
    return not any(
        n.code in _DOUBTS and not (n.code == "header.by_position" and n.found is None)
        for n in reading.notices)


def best_reading(specs: Sequence[TableSpec], blocks: Sequence[Block], prefer: TableSpec
                 ) -> Reading:
    """The reading of the layout the blocks fit best (``prefer`` on a tie).

    ``prefer`` (the layout of the report year's template) is read first; when every row of it
    is read plainly, the other layouts are not tried.
    """
    first = read_section(prefer, blocks)
    if clean(first) and first.found:
        return first
    readings = [first, *(read_section(spec, blocks) for spec in dict.fromkeys(specs)
                         if spec is not prefer)]
    return max(readings, key=lambda r: (r.score, r.spec is prefer))
