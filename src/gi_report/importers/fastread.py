"""The fast path of reading a table section: one table printed plainly, read in one pass.

Most pages print each form table once, as one table: header rows, then one row per form row
whose innermost label names exactly one form row, its value cells under the header's columns in
the form's order. For such a table the stages of :func:`~gi_report.importers.grid.read_section`
come down to a few steps per row: the label looked up, the row aligned to the one form row it
names, each cell placed under its column. This module takes those steps directly, the rows not
collected for the aligner and the placer's dispatch, and gives up (``None``) at the first thing
any other step would touch: then the general path reads the section from its start. Header rows
and rows without values are read by the general row reader itself, and each cell by the general
placer's :meth:`~gi_report.importers.place.Placer.read`, so what the fast path returns is what
the general path returns (``tests/importers/test_fast_read.py`` compares the two).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from gi_report.form.spec import ColumnSpec, RowSpec, TableSpec
from gi_report.importers.blocks import Block, GridCell, TableBlock
from gi_report.importers.place import Pair, Placer, value_cells
from gi_report.importers.rows import (
    _TEXT,
    _VALUE,
    DataRow,
    RowStream,
    Slot,
    _after_label_zone,
    _kind,
    _RowReader,
    row_slots,
)
from gi_report.importers.vocabulary import vocabulary

_Pending = tuple[DataRow, RowSpec, list[Pair]]
"""A data row read on the fast path, the one form row its label names, and its cells paired
with the row's, to be placed."""


def place(spec: TableSpec, blocks: Sequence[Block]) -> tuple[RowStream, Placer] | None:
    """One section's rows read and placed, if its blocks are one table printed plainly (see the
    module); ``None`` for any other section (the general path reads it)."""
    if len(blocks) != 1 or not isinstance(blocks[0], TableBlock):
        return None
    block = blocks[0]
    if any(_starts_with_value(cells) for cells in block.rows):
        return None  # a row without labels (section 四 printed across): not read here
    if not _first_may_fit(spec, block):
        return None  # (a crawl dump's digit runs): known before its header is read
    reader = _RowReader(spec)
    before = reader.start_table(block)
    placer = Placer(spec, reader.stream.location)
    pending: list[_Pending] = []
    for r, cells in enumerate(block.rows):
        if not _row(reader, placer, r, cells, pending):
            return None
    reader.end_table(block, before)
    # placed once every row is read, as the general stages do: a later header cell naming
    # nothing of the form (header.unknown) is seen by the rows above it too
    if not all(_placed(placer, *found) for found in pending):
        return None
    return reader.stream, placer


def _starts_with_value(cells: Sequence[GridCell | None]) -> bool:
    """Whether a grid row's first cell is a value: a row printed without labels."""
    first = next((cell for cell in cells if cell is not None), None)
    return first is not None and _kind(first.text) == _VALUE


def _first_may_fit(spec: TableSpec, block: TableBlock) -> bool:
    """Whether the table's first row with a value may be read on the fast path: a label
    naming one form row, and at least as many cells after its labels as that row has (the
    label zone only takes cells away)."""
    for r, cells in enumerate(block.rows):
        slots, last_text, first_value = _scan(cells, r)
        if first_value < 0:
            continue
        labels = [s for s in slots[:last_text + 1] if _kind(s.text) == _TEXT]
        match = vocabulary(spec).rows.lookup(labels[-1].text) if labels else None
        if match is None or len(match.items) != 1:
            return False
        return len(slots) - last_text - 1 >= len(value_cells(spec, match.items[0]))
    return True


def _row(reader: _RowReader, placer: Placer, r: int, cells: Sequence[GridCell | None],
         pending: list[_Pending]) -> bool:
    """Grid row ``r`` read as the general reader reads it: a row without values by the reader
    itself (a header, a caption), one with values on the fast path; ``False`` where the fast
    path stops (a row the general path would align or place otherwise)."""
    slots, last_text, first_value = _scan(cells, r)
    if not slots:
        return True
    if first_value < 0:
        count = len(reader.stream.rows)
        reader.grid_row(r, cells)
        rows = reader.stream.rows
        if len(rows) == count:
            return True  # a header or caption row
        return len(rows) == count + 1 and _blank_row(placer, rows[-1], pending)
    labels = [s for s in slots[:last_text + 1] if _kind(s.text) == _TEXT]
    found = _data_row(reader, labels, slots[last_text + 1:])
    if found is None:
        return False
    pairs = _fitted(placer, *found)
    if pairs is None:
        return False
    pending.append((*found, pairs))
    return True


def _blank_row(placer: Placer, dr: DataRow, pending: list[_Pending]) -> bool:
    """A labelled row printing no value (every cell blank) that the general reader read as a
    data row: taken as a row read on the fast path when its innermost label names exactly one
    form row (the reader's first try) under a header of the table's own."""
    match = dr.match
    if (not dr.labels or match is None or len(match.items) != 1
            or dr.found != dr.labels[-1].text or not (dr.header.lines or dr.header.tokens)):
        return False
    row = match.items[0]
    dr.row, dr.how = row, match.how  # what the aligner makes of a label naming one row
    pairs = _fitted(placer, dr, row)
    if pairs is None:
        return False
    pending.append((dr, row, pairs))
    return True


def _scan(cells: Sequence[GridCell | None], r: int) -> tuple[list[Slot], int, int]:
    """:func:`~gi_report.importers.rows.row_slots` of grid row ``r``, with what
    :func:`~gi_report.importers.rows._split_labels` finds in them: the index of the last label
    before the first value, and of the first value (``-1``: none). Each text's kind is looked
    up only as far as the first value."""
    slots = row_slots(cells, r)
    last_text = -1
    for i, slot in enumerate(slots):
        kind = _kind(slot.text)
        if kind == _VALUE:
            return slots, last_text, i
        if kind == _TEXT:
            last_text = i
    return slots, last_text, -1


def _data_row(reader: _RowReader, labels: list[Slot], values: list[Slot]
              ) -> tuple[DataRow, RowSpec] | None:
    """A row with values, as :meth:`_RowReader.data_row` adds it, when its innermost label
    names exactly one form row and a header stands above it; ``None`` otherwise."""
    if not labels:
        return None  # a number-only row: the aligner places it by the arithmetic
    found = labels[-1].text
    match = reader.vocab.rows.lookup(found)  # what match_row's first try finds
    header = reader.header
    if match is None or len(match.items) != 1 or not (header.lines or header.tokens):
        return None  # several rows or none; a continuation of a table above
    stream = reader.stream
    stream.printed += 1
    reader.after_data = True
    stream.valued.add(stream.printed)
    start = reader.label_zone()
    if start is not None:
        values = _after_label_zone(values, start)
    # the groups a row's labels name are read only for rows without a label (by caption):
    # not looked up here
    dr = DataRow(labels=labels, values=values, location=labels[0].location, header=header,
                 groups=set(), match=match, found=found)
    stream.rows.append(dr)
    row = match.items[0]
    dr.row, dr.how = row, match.how  # what the aligner makes of a label naming one row
    return dr, row


def _fitted(placer: Placer, dr: DataRow, row: RowSpec) -> list[Pair] | None:
    """A row read on the fast path, as :meth:`Placer.take` pairs its cells with the form
    row's when it has as many and the header names the form's columns over them and nothing
    else (:func:`~gi_report.importers.place.header_agrees`, in the same pass); ``None`` for
    any other row. A header's columns never change once a row stands under it: a header row
    below data rows starts a new header."""
    cells = placer.row_cells[row.id][0]
    header = dr.header
    columns = header.columns
    if len(dr.values) != len(cells) or not columns or header.unknown:
        return None
    out: list[Pair] = []
    for cell, s in zip(cells, dr.values, strict=True):
        if s.col0 == s.col1:  # one grid column (the common case): one look-up
            over = columns.get(s.col0)
            if over is not None and over.id != cell[1]:
                return None
        elif not _spanned(columns, s, cell[1]):
            return None
        out.append((cell, s.text, s.location))
    return out


def _spanned(columns: Mapping[int, ColumnSpec], s: Slot, column: str) -> bool:
    """Whether the header names ``column`` over a cell spanning grid columns, or nothing."""
    named = {columns[c].id for c in range(s.col0, s.col1 + 1) if c in columns}
    return not named or column in named


def _placed(placer: Placer, dr: DataRow, row: RowSpec, pairs: list[Pair]) -> bool:
    """One row's cells placed as :meth:`Placer.assign` places a row :func:`_fitted` pairs (its
    header still naming nothing else, its form row not placed before); ``False`` for any other
    row (nothing placed)."""
    cells, unit = placer.row_cells[row.id]
    if dr.header.unknown or not placer.values.keys().isdisjoint(cells):
        return False
    placer.how_notice(dr, row)
    placer.score += 3
    placer.read(pairs, unit)
    return True
