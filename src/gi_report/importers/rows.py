"""Stage *read rows*: a table section's blocks as one stream of header rows and data rows.

* a row with no number is a **header row**: its cells name columns (the form's column labels),
  header cells above them (the applicants' header), sub-table captions (section 二's Article 20
  items) or, in section 四's transposed layout, the form's rows (review, litigation …);
* a row with numbers (or a recognised row label and empty cells) is a **data row**: its leading
  text cells are labels — the innermost names the form row, the outer ones its groups — and the
  cells after them are its values, one per distinct cell (a merged cell counts once);
* a heading between tables that names a row (``### <label>``) names the next table's unlabelled row,
  if it has just one; other text between tables is the section's narrative.

Labels are looked up in :mod:`~gi_report.importers.vocabulary` (derived from the form only); no
value is read here.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

import attrs

from gi_report.form.spec import ColumnSpec, GroupSpec, RowSpec, TableSpec
from gi_report.form.units import UNIT_PATTERN
from gi_report.importers.blocks import Block, GridCell, Location, TableBlock, TextBlock
from gi_report.importers.labellist import label_list
from gi_report.importers.normalize import fold
from gi_report.importers.values import looks_like_value
from gi_report.importers.vocabulary import Match, Vocabulary, vocabulary

_SIGNED_RUN = re.compile(r"[+-]?[0-9][0-9.]*(?:[+-][0-9][0-9.]*)+")
"""Signed numbers run together (``0-66``): a value cell, read only if it can be split."""
_UNIT_RUN = re.compile(rf"(?>[+-]?[0-9][0-9.]*+{UNIT_PATTERN}?)+")
"""Numbers run together, a unit word or a sign between them (``15条2个7``, ``1-2件0``): a
value cell, read only if it can be split (possessive: no backtracking over a long run)."""


@functools.lru_cache(maxsize=65536)
def value_text(text: str) -> bool:
    """Whether a cell's text is a value: a number, a dash, or numbers run together (signed, or
    apart by unit words)."""
    folded = fold(text)
    return (looks_like_value(text) or _SIGNED_RUN.fullmatch(folded) is not None
            or _UNIT_RUN.fullmatch(folded) is not None)


@functools.lru_cache(maxsize=65536)
def _empty(text: str) -> bool:
    return not fold(text)


_EMPTY, _VALUE, _TEXT = 0, 1, 2


@functools.lru_cache(maxsize=65536)
def _kind(text: str) -> int:
    """What a cell's text is, in one look-up: nothing printed, a value, or a label (the
    :class:`Slot` properties, computed once per text)."""
    if _empty(text):
        return _EMPTY
    return _VALUE if value_text(text) else _TEXT


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
        return _empty(self.text)

    @property
    def is_value(self) -> bool:
        """A number, a dash, or digits and signs run together (not empty, not a label)."""
        return not self.empty and value_text(self.text)

    @property
    def is_text(self) -> bool:
        """A label: printed text that is not a number or a dash."""
        return not self.empty and not value_text(self.text)


def row_slots(cells: Sequence[GridCell | None], r: int) -> list[Slot]:
    """The distinct cells of grid row ``r``, left to right."""
    out: list[Slot] = []
    n = len(cells)
    c = 0
    while c < n:
        cell = cells[c]
        if cell is None:
            c += 1
            continue
        origin = cell.origin
        end = c + 1  # the positions after it that its span covers
        while end < n and (other := cells[end]) is not None and other.origin == origin:
            end += 1
        out.append(_new_slot(Slot, (cell.text, c, end - 1, cell.location, origin[0] < r)))
        c = end
    return out


_new_slot = tuple.__new__
"""Builds a :class:`Slot` from a tuple of its fields, without the call of its ``__new__``."""


@attrs.define
class Header:
    """What the header rows above the current data rows name, per grid column."""

    columns: dict[int, ColumnSpec] = attrs.field(factory=dict)
    rows: dict[int, RowSpec] = attrs.field(factory=dict)
    unknown: list[Slot] = attrs.field(factory=list)  #: header cells naming nothing of the form
    tokens: list[tuple[int, ColumnSpec | str]] = attrs.field(factory=list)
    """The columns and header words named, in printed order, with their header row (the
    order a text dump's header prints: :mod:`~gi_report.importers.colorder`)."""
    grid_above: dict[int, ColumnSpec] = attrs.field(factory=dict)
    """A continuation's (a table that starts with data after a page break): the grid columns
    the header above it named, whose order still holds (:func:`~gi_report.importers.samevalue.
    by_grid`)."""
    lines: int = 0  #: header rows read
    named_rows: list[str] = attrs.field(factory=list)
    """Every form row a header cell names, in printed order (labels printed apart)."""
    noted: bool = False  #: a notice about reading by position was given for this header
    reordered: bool = False  #: a notice about reading columns in another order was given


@attrs.define
class DataRow:
    """A row with values: its labels, its value cells, the header above it, and (once aligned)
    the form row it is and how that was decided."""

    labels: list[Slot]
    values: list[Slot]
    location: Location
    header: Header
    groups: set[str]
    match: Match[RowSpec] | None
    found: str | None  #: the label text the row was matched by (or tried)
    hint: RowSpec | None = None  #: the row a heading above the table names
    row: RowSpec | None = None
    how: str = ""  #: exact, alias, fuzzy, position, detached (set by the aligner)


@attrs.define
class RowStream:
    """What one section's blocks hold, as rows: the input of alignment and placing."""

    rows: list[DataRow]
    narrative: list[TextBlock]
    header_columns: set[str]  #: form columns some header row names
    header_hits: int  #: header cells recognised (columns, header words, groups, rows)
    ignored_tables: list[Location]  #: tables that hold nothing of this table
    location: Location | None  #: the first table's
    apart: list[str] = attrs.field(factory=list)
    """The form rows named by labels printed as text of their own, in printed order (a table's
    labels printed apart from its numbers)."""
    apart_at: list[int] = attrs.field(factory=list)
    """For each label of :attr:`apart`, how many narrative paragraphs came before it: the same
    for every one when the labels printed apart are one list with no other text among them."""
    bare: list[tuple[int, str]] = attrs.field(factory=list)
    """The form rows with cells printed as their label alone, no cell after it, each with the
    ordinal of the printed row (:func:`lone_bare`)."""
    printed: int = 0  #: grid rows read so far (the ordinal of the last)
    valued: set[int] = attrs.field(factory=set)  #: ordinals of the rows printing values

    def lone_bare(self) -> list[str]:
        """The rows of :attr:`bare` right after a row printing values and not before another
        of them: a row of the form whose cells a crawl printed as nothing, so the document
        drops blank cells (a list of labels printed apart from their numbers is several such
        rows in a row after a header, and tells nothing)."""
        at = {ordinal for ordinal, _ in self.bare}
        return [row for ordinal, row in self.bare
                if ordinal - 1 in self.valued and ordinal + 1 not in at]


def _split_labels(slots: list[Slot]) -> tuple[list[Slot], list[Slot], int | None]:
    """A row's label cells, the cells after them, and the index of its first value cell."""
    kinds = [_kind(s.text) for s in slots]
    first_value = kinds.index(_VALUE) if _VALUE in kinds else None
    zone = kinds if first_value is None else kinds[:first_value]
    last_text = len(zone) - 1 - zone[::-1].index(_TEXT) if _TEXT in zone else -1
    labels = [s for i, s in enumerate(slots[: last_text + 1]) if kinds[i] == _TEXT]
    return labels, slots[last_text + 1:], first_value


def _tries(labels: list[Slot]) -> Iterator[tuple[str, Slot]]:
    """The texts that may name a row, in the order tried, with the label slot each ends at:
    the innermost label, the last two and three joined, then each outer label (built only as
    far as tried: the innermost label names most rows)."""
    yield labels[-1].text, labels[-1]
    for n in range(2, min(3, len(labels)) + 1):
        yield "".join(s.text for s in labels[-n:]), labels[-1]
    for s in reversed(labels[:-1]):
        if not s.above:
            yield s.text, s


class _RowReader:
    def __init__(self, spec: TableSpec) -> None:
        self.spec = spec
        self.vocab: Vocabulary = vocabulary(spec)
        self.names = _header_names(self.vocab)
        self.columns = {c.id for c in spec.columns}
        self.carried: list[tuple[int, ColumnSpec | str]] = []
        """The printed column order of the previous table's header."""
        self.carried_grid: dict[int, ColumnSpec] = {}
        """The grid columns the previous table's header named (or the one it continued)."""
        self.carried_start: int | None = None
        """The previous table's first value column, if this table is as wide (see table)."""
        self.width = 0  #: grid columns of the table being read
        self.zone: tuple[Header | None, int | None] = (None, None)
        """The header the label zone was found for, and the zone's first value column."""
        self.header = Header()
        self.after_data = False
        self.group: str | None = None
        self.hint: RowSpec | None = None
        self.labels_apart = 0  #: row labels printed as text one after another just before
        self.unknown: TextBlock | None = None
        """A paragraph naming nothing right after a label printed apart, held until the next
        text says whether it is the label of the one row between them (:meth:`apart_row`)."""
        self.listing = False  #: the last text read was a label printed apart (or a group's)
        self.stream = RowStream(rows=[], narrative=[], header_columns=set(), header_hits=0,
                                ignored_tables=[], location=None)

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
            # labels printed one after another are the table's labels printed apart, not a
            # heading naming the one row below it
            self.apart_row(row.item)
            return
        self.labels_apart = 0
        group = self.vocab.group(text)
        if group is not None:
            self.group = group.item.id
            return
        if self.vocab.column(text) is not None or self.vocab.is_header_word(text):
            return
        listed = label_list(text, self.vocab)
        if listed is not None:  # the labels printed apart, run together into one paragraph
            for label in listed:
                self.text(TextBlock(text=label, location=block.location))
            return
        self.narrative(block)

    def apart_row(self, row: RowSpec) -> None:
        """A row label printed apart; a paragraph naming nothing held just before it is the
        label of the one form row between it and the label before, printed otherwise (words
        added or dropped), when exactly one row stands there and no label named it."""
        stream = self.stream
        if self.unknown is not None:
            between = self.between(stream.apart[-1], row.id)
            if between is not None:
                self.unknown = None
                stream.apart.append(between)
                stream.apart_at.append(len(stream.narrative))
            self.flush_unknown()
        self.hint = row if not self.labels_apart else None
        self.labels_apart += 1
        self.listing = True
        stream.apart.append(row.id)
        stream.apart_at.append(len(stream.narrative))

    def between(self, before: str, after: str) -> str | None:
        """The one form row between ``before`` and ``after`` that no label printed apart
        named, if there is exactly one."""
        lo, hi = self.spec.row_position(before), self.spec.row_position(after)
        rows = [r.id for r in self.spec.rows[lo + 1:hi]]
        return rows[0] if len(rows) == 1 and rows[0] not in self.stream.apart else None

    def narrative(self, block: TextBlock) -> None:
        """A paragraph of the section's own text; the first right after a label printed apart
        (group labels between them allowed, no table) is held (:attr:`unknown`)."""
        if self.unknown is None and self.listing:
            self.unknown = block
            return
        self.flush_unknown()
        self.stream.narrative.append(block)

    def flush_unknown(self) -> None:
        """The paragraph held as a possible label, if any, is the section's text after all."""
        self.listing = False
        if self.unknown is not None:
            self.stream.narrative.append(self.unknown)
            self.unknown = None

    def table(self, block: TableBlock) -> None:
        self.flush_unknown()
        before = self.start_table(block)
        for r, cells in enumerate(block.rows):
            self.grid_row(r, cells)
        self.end_table(block, before)

    def start_table(self, block: TableBlock) -> tuple[int, int, int]:
        """A table's reading begun: what the previous one's header carries over; the stream's
        counts before it (for :meth:`end_table`)."""
        stream = self.stream
        if stream.location is None:
            stream.location = block.location
        self.carried = self.header.tokens
        self.carried_grid = self.header.columns or self.header.grid_above
        width = max((len(row) for row in block.rows), default=0)
        # a continuation as wide as the table above keeps its label zone (the columns left of
        # the values), so a label spanning two columns is not taken for a value there either;
        # also when the table above printed its header only (its one row lost at the break)
        self.carried_start = self.label_zone() if width == self.width else None
        self.width = width
        self.header = Header()
        self.after_data = False
        return len(stream.rows), len(stream.header_columns), stream.header_hits

    def end_table(self, block: TableBlock, before: tuple[int, int, int]) -> None:
        """A table's reading ended: a heading's hint kept for one unlabelled row only; a table
        that added nothing listed as ignored."""
        stream = self.stream
        unlabelled = [dr for dr in stream.rows[before[0]:] if not dr.labels]
        if len(unlabelled) > 1:
            for dr in unlabelled:  # a heading names one row, not a table of unlabelled rows
                dr.hint = None
        if before == (len(stream.rows), len(stream.header_columns), stream.header_hits):
            stream.ignored_tables.append(block.location)
        self.hint = None
        self.labels_apart = 0

    def grid_row(self, r: int, cells: Sequence[GridCell | None]) -> None:
        slots = row_slots(cells, r)
        if not slots:
            return
        self.stream.printed += 1
        labels, values, first_value = _split_labels(slots)
        match, found, by = self.match_row(labels)
        if (by is not None and by is not labels[-1] and first_value is not None
                and not any(self.vocab.knows(s.text) for s in labels[labels.index(by) + 1:])):
            # text between the row's label and its numbers is a value (an unreadable one)
            values = slots[slots.index(by) + 1:]
            labels = labels[: labels.index(by) + 1]
        if first_value is None and not self.blank_detached(labels, values) and (
                self.is_header(labels, values, match) or self.names_more(labels, by)):
            self.note_bare(labels, values, match)
            self.header_row(slots)
            return
        self.data_row(labels, values, match, found)

    def data_row(self, labels: list[Slot], values: list[Slot], match: Match[RowSpec] | None,
                 found: str | None) -> None:
        """A row with values (or a known label and empty cells) added to the stream."""
        self.after_data = True
        if values:
            self.stream.valued.add(self.stream.printed)
        if not self.header.lines and not self.header.tokens:
            # a table that starts with data continues the one above (a page break): the order
            # its header printed the columns in still holds
            self.header.tokens = list(self.carried)
            self.header.grid_above = self.carried_grid
            self.zone = (self.header, self.carried_start)
        if labels:  # a row printed without labels may be narrower than its header
            values = self.outside_label_zone(values)
        hint = None
        if not labels and self.hint is not None:
            hint, self.hint = self.hint, None
        self.stream.rows.append(DataRow(
            labels=labels, values=values, location=(labels or values)[0].location,
            header=self.header, groups=self.groups(labels), match=match, found=found, hint=hint,
        ))

    def outside_label_zone(self, values: list[Slot]) -> list[Slot]:
        """The value cells without the empty cells left of every column the header names: the
        rest of a label's span (a total's label over two label columns), not a value.

        Only under a header that names every column of the table at a grid column of its own
        (its spans kept): a text dump's header does not stand over the values."""
        start = self.label_zone()
        return values if start is None else _after_label_zone(values, start)

    def label_zone(self) -> int | None:
        """The first value column under the current header, if it names every column at a grid
        column of its own."""
        if self.zone[0] is not self.header:
            named = Counter(c.id for c in self.header.columns.values())
            whole = set(named) == self.columns and max(named.values()) == 1
            self.zone = (self.header, min(self.header.columns) if whole else None)
        return self.zone[1]

    def blank_detached(self, labels: list[Slot], values: list[Slot]) -> bool:
        """Whether a row of blank cells, under a header in a section whose labels are printed
        apart, is a number-only row of blank cells (a form row whose cells are all blank, its
        label printed apart with the others), not a header row."""
        return (not labels and bool(values) and bool(self.stream.apart)
                and bool(self.header.lines or self.after_data)
                and all(s.empty for s in values))

    def note_bare(self, labels: list[Slot], values: list[Slot], match: Match[RowSpec] | None
                  ) -> None:
        """Record a row of the form with cells printed as its one label and nothing after it
        (:attr:`RowStream.bare`)."""
        if match is not None and match.item.columns and len(labels) == 1 and not values:
            self.stream.bare.append((self.stream.printed, match.item.id))

    def is_header(self, labels: list[Slot], values: list[Slot],
                  match: Match[RowSpec] | None) -> bool:
        """A row with no number names columns, unless it is a known row with empty cells."""
        if match is None or not values:
            return True
        columns = sum(
            1 for s in labels if (name := self.name_header(s.text)).column is not None
            or name.word is not None)
        return columns >= 2

    def names_more(self, labels: list[Slot], by: Slot | None) -> bool:
        """Whether known labels follow the one that names a row: a header row naming several
        things side by side (review | litigation, a Markdown header whose merged cells are
        written once, the positions they cover left empty), not a row of empty cells."""
        if by is None or by is labels[-1]:
            return False
        return any(self.vocab.knows(s.text) for s in labels[labels.index(by) + 1:])

    def groups(self, labels: Iterable[Slot]) -> set[str]:
        groups = {m.item.id for s in labels if (m := self.vocab.group(s.text)) is not None}
        if self.group:
            groups.add(self.group)
        return groups

    def match_row(self, labels: list[Slot]
                  ) -> tuple[Match[RowSpec] | None, str | None, Slot | None]:
        """The row the labels name, the text that named it, and the last label slot used."""
        if not labels:
            return None, None, None
        groups = _Groups(self, labels)
        for text, slot in _tries(labels):
            match = self.vocab.row(text, groups)
            if match is not None:
                return match, text, slot
        return None, labels[-1].text, None

    def header_row(self, slots: list[Slot]) -> None:
        printed = [s for s in slots if not s.empty]
        names = [self.name_header(s.text) for s in printed]
        columns = sum(1 for name in names if name.column is not None)
        if self.after_data and columns:
            if columns == 1 and any(name.column is None and name.word is None
                                    for name in names):
                # one column word beside other text below data rows (a label cut at a column's
                # name, then the column's name): not a new header, which would lose the order the
                # header above printed its columns in
                return
            # a new header below data rows; a group row (the outcomes group) keeps the header
            self.header = Header()
            self.after_data = False
        for s in printed:
            self.header_cell(s)
        self.header.lines += 1

    def header_cell(self, s: Slot) -> None:
        known, column, row, group, word = self.name_header(s.text)
        if known:
            self.stream.header_hits += 1
        if column is not None:
            self.stream.header_columns.add(column.item.id)
            if len(column.items) == 1 and not s.above:
                self.header.tokens.append((self.header.lines, column.item))
            for c in range(s.col0, s.col1 + 1):
                self.header.columns[c] = column.item
            return
        if row is not None and len(row.items) == 1:
            for c in range(s.col0, s.col1 + 1):
                self.header.rows[c] = row.item
            self.header.named_rows.append(row.item.id)
            return
        if group is not None:
            if not s.above:
                self.group = group.item.id
            return
        if word is not None and not s.above:
            self.header.tokens.append((self.header.lines, word.item))
        elif not s.above:
            self.header.unknown.append(s)

    def name_header(self, text: str) -> _HeaderName:
        """What a header cell's text names in this layout (every look-up :meth:`header_cell`
        may need, made once per text: ``knows`` makes all of the index look-ups anyway)."""
        found = self.names.get(text)
        if found is None:
            vocab = self.vocab
            found = _HeaderName(vocab.knows(text), vocab.column(text), vocab.row(text),
                                vocab.group(text), vocab.headers.lookup(text))
            if len(self.names) < _NAMES_LIMIT:
                self.names[text] = found
        return found


def _after_label_zone(values: list[Slot], start: int) -> list[Slot]:
    """The cells from the first one that is printed or reaches column ``start`` on."""
    for i, s in enumerate(values):
        if s.col1 >= start or not _empty(s.text):  # tested in this order: no text look-up
            return values[i:]  # for a cell that reaches the values
    return []


class _Groups:
    """The groups a row's labels name (:meth:`_RowReader.groups`), found only when a label
    matches several rows and they are needed to choose (most labels match one row)."""

    __slots__ = ("labels", "reader")

    def __init__(self, reader: _RowReader, labels: list[Slot]) -> None:
        self.reader = reader
        self.labels = labels

    def __iter__(self) -> Iterator[str]:
        return iter(self.reader.groups(self.labels))

    def __bool__(self) -> bool:
        return bool(self.reader.groups(self.labels))


class _HeaderName(NamedTuple):
    """A header cell's text looked up in one layout's vocabulary."""

    known: bool  #: any label of the table
    column: Match[ColumnSpec] | None
    row: Match[RowSpec] | None
    group: Match[GroupSpec] | None
    word: Match[str] | None  #: a header word above the columns


_NAMES_LIMIT = 4096


@functools.cache
def _header_names(vocab: Vocabulary) -> dict[str, _HeaderName]:
    """The header texts looked up so far in ``vocab`` (one dict per layout, kept)."""
    return {}


def read_rows(spec: TableSpec, blocks: Iterable[Block]) -> RowStream:
    """One section's blocks (tables, and the text between them) as rows of ``spec``'s table."""
    reader = _RowReader(spec)
    for block in blocks:
        reader.feed(block)
    reader.flush_unknown()
    return reader.stream
