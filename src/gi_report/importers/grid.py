"""Mapping cell grids onto the form's tables: the one path every document kind shares.

A table section is read in explicit stages, each a module with one job and typed data between
them:

1. **read rows** (:mod:`~gi_report.importers.rows`): the section's blocks → a
   :class:`~gi_report.importers.rows.RowStream` of header rows and data rows, with labels looked
   up in the form's vocabulary;
2. **align rows to the form** (:mod:`~gi_report.importers.align`): each labelled data row → a form
   row, by label in the form's order, else by position between aligned rows;
3. **place values** (:mod:`~gi_report.importers.place`): each aligned row's cells → the form's
   cells, by header or by position; run-together digits become
   :class:`~gi_report.importers.digits.Run` s;
4. **detached rows** (:mod:`~gi_report.importers.detached`): number-only rows → the unclaimed form
   rows in order, only if the arithmetic holds; then placed like the others;
5. **split digit runs** (:mod:`~gi_report.importers.digits`, settled by the report's own text
   where it states a number: :mod:`~gi_report.importers.evidence`), in :meth:`Reading.complete`.

The template layout whose labels fit best is kept (:func:`best_reading`). Every step that
is not a plain exact reading leaves a :class:`~gi_report.importers.result.Notice`.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from operator import attrgetter

import attrs

from gi_report.form import TEMPLATES
from gi_report.form.spec import TableSpec, TemplateSpec
from gi_report.importers import fastread, mixedrun, unprinted
from gi_report.importers.align import (
    FOREIGN_ROW_PENALTY,
    Alignment,
    align_detached,
    align_labelled,
    foreign_apart,
    foreign_column,
    foreign_row,
    loose_rows,
)
from gi_report.importers.blocks import Block, Location, TextBlock
from gi_report.importers.cellnames import Cell, describe, pointer, row_name
from gi_report.importers.digits import Run, solve
from gi_report.importers.dropped import distrust, relaxed
from gi_report.importers.evidence import settle
from gi_report.importers.layoutfit import by_rows
from gi_report.importers.mergedrows import merged_spans, settle_merged
from gi_report.importers.novalues import no_values
from gi_report.importers.place import Placer, units_after_each_number
from gi_report.importers.result import Notice, notice
from gi_report.importers.rows import DataRow, RowStream, Slot, read_rows, row_slots, value_text
from gi_report.importers.samevalue import after_split, agreed_values
from gi_report.importers.textcheck import against_text
from gi_report.importers.unitnumbers import every_number_has_unit
from gi_report.importers.values import two_numbers
from gi_report.model import layout_version
from gi_report.table import CellValue, Table

__all__ = [
    "FOREIGN_ROW_PENALTY", "Reading", "Slot", "best_reading", "clean", "describe", "pointer",
    "read_section", "read_tables", "row_name", "row_slots", "two_numbers", "value_text",
]


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
    found: bool  #: the table is there (rows with values, or at least its column headers)
    sources: dict[Cell, Location] = attrs.field(factory=dict)  #: where each cell was read
    short_rows: list[str] = attrs.field(factory=list)
    """Rows printed with fewer digits than cells: the document drops blank cells."""
    foreign: int = 0
    """Header labels naming a row or column only another layout has (that layout is tried)."""
    evidence: int = 0
    """Labels (row labels, header words) naming a row or column only another layout has, and
    rows of this layout that labels printed apart as a whole leave unnamed: the evidence
    needed to read the table in another layout (:func:`best_reading`)."""
    unnamed: int = 0
    """Rows of this layout that no printed label names."""
    undecided: bool = False
    """Left blank: the digits fit two layouts and no label decides (:func:`undecided`)."""
    hidden: frozenset[Cell] = frozenset()
    """Cells split under a stand-in column order whose column is not known: blank in the end
    (:mod:`~gi_report.importers.standin`)."""
    same_as: dict[Cell, tuple[Cell, ...]] = attrs.field(factory=dict)
    """Each of ``hidden`` → the stand-in cells at the positions its column may stand at: read
    when the split gives them all one value (:mod:`~gi_report.importers.samevalue`)."""
    relaxed_rows: list[str] = attrs.field(factory=list)
    """Rows whose digits (as many as their cells or more) the solver read as lacking a cell
    (:meth:`complete`): like :attr:`short_rows`, the document drops cells."""
    unprinted_rows: list[str] = attrs.field(factory=list)
    """Rows left blank because no split holds while one with a cell unprinted does
    (:meth:`complete`): the document may drop cells, so a table no arithmetic checks (section
    二) keeps no split a dropped cell could change."""

    def complete(self, text: str | None = None, dropped: str | None = None,
                 why: str | None = None) -> tuple[Table, list[Notice]]:
        """Split the runs, then the table as stated and every notice about it.

        ``text`` is the report's narrative: a run with several consistent splits is settled by
        it only where it states one of the numbers (:mod:`~gi_report.importers.evidence`).
        ``dropped`` names a row of the document printed with fewer digits than cells: the
        document drops blank cells, so a split is kept only where no dropped cell could change
        it (:func:`~gi_report.importers.dropped.distrust`); ``why`` says what tells so, if not
        ``dropped`` printed short.
        """
        notices = list(self.notices)
        values = dict(self.values)
        if self.runs:
            solution = solve(self.spec, values, self.runs, describe=self.describe,
                             unprinted_counts=not dropped)
            self.relaxed_rows = [row_name(self.spec, self.spec.row(run.cells[0][0]))
                                 for run in solution.relaxed]
            self.unprinted_rows = [row_name(self.spec, self.spec.row(run.cells[0][0]))
                                   for run in solution.unprinted]
            chosen, split_notices = settle(self.spec, solution.notices, text,
                                           {**values, **solution.values})
            found = {**solution.values, **chosen}
            if text:
                found, split_notices = against_text(self.spec, split_notices, found, text)
            if dropped:
                found, split_notices = distrust(self.spec, relaxed(self.runs, solution),
                                                {**values, **found}, split_notices, dropped,
                                                why=why)
                if not self.hidden:  # every reading with cells unprinted: what they settle
                    found, split_notices = unprinted.fill(self.spec, values, self.runs, found,
                                                          split_notices)
                    found, split_notices = mixedrun.fill(self.spec, values, self.runs, found,
                                                         split_notices)
            values.update(found)
            notices.extend(split_notices)
        same = agreed_values(values, self.same_as)
        values.update(dict.fromkeys(self.hidden))
        values.update(same)
        if same:
            notices = after_split(self.spec, notices, same)
        get = values.get
        table = Table(spec=self.spec,
                      values=tuple(tuple(map(get, cells)) for cells in _row_keys(self.spec)))
        return table, notices


    def describe(self, cells: Sequence[Cell]) -> str:
        """Cells named in a split's notice; those split under a stand-in column order are said
        to be left blank."""
        named = describe(self.spec, cells)
        unknown = [c for c in cells if c in self.hidden]
        if unknown:
            named += (f"（其中 {describe(self.spec, unknown)} 的列位置无法确定，"
                      "不取拆分所得的值，留空）")
        return named


@functools.cache
def _row_keys(spec: TableSpec) -> tuple[tuple[Cell, ...], ...]:
    """Each row's cells of ``spec`` in the form's order (the table's values are read by them)."""
    return tuple(tuple((row.id, c) for c in row.columns) for row in spec.rows)


def _placer(spec: TableSpec, location: Location | None, rows: Sequence[DataRow]) -> Placer:
    """The placer of one table, told how the table's rows print their values (rows whose
    label names no row of the table, another table's, are not counted)."""
    placer = Placer(spec, location)
    own = [dr for dr in rows if not dr.labels or dr.row is not None]
    filled = [len(dr.values) - sum(map(_empty, dr.values)) for dr in own]
    placer.value_rows = Counter(dr.location.table for dr, n in zip(own, filled, strict=True)
                                if n > 0)
    placer.apart = any(n >= 2 for n in filled)
    placer.units_everywhere = units_after_each_number(spec, own)
    placer.units_end_numbers = every_number_has_unit(s.text for dr in own for s in dr.values)
    return placer


_empty = attrgetter("empty")


def _foreign_columns(spec: TableSpec, rows: Sequence[DataRow]) -> int:
    """Header labels over the rows that name a column only another layout has."""
    headers = {id(dr.header): dr.header for dr in rows}.values()
    return len({s.text for h in headers for s in h.unknown if foreign_column(spec, s.text)})


def _foreign_rows(rows: Sequence[DataRow], spec: TableSpec, apart: Sequence[str]) -> int:
    """Labels printed apart from their numbers (header text over the rows) that name a row
    only another layout has, and rows of this layout they leave unnamed: the rows are the
    layout's the labels name, whatever the numbers allow."""
    headers = list({id(dr.header): dr.header for dr in rows}.values())
    foreign = {s.text for h in headers for s in h.unknown if foreign_row(spec, s.text)}
    named = {*apart, *(r for h in headers for r in h.named_rows)}
    # only where the labels are the table's, printed apart (they name half its rows or more),
    # not a few rows printed with nothing after their labels
    whole = 2 * len(named) >= len(spec.rows)
    # a row labelled beside its own numbers is named too (a crawl prints the labels of blank
    # rows with nothing after them, apart, and the others beside their digits)
    named |= _labelled(rows)
    unnamed = [r for r in spec.rows if r.id not in named] if whole else []
    return len(foreign) + len(unnamed)


def _labelled(rows: Sequence[DataRow]) -> set[str]:
    """The form rows that data rows name by their own label (not placed by position)."""
    return {dr.row.id for dr in rows if dr.row is not None and dr.how in _BY_LABEL}


_BY_LABEL = frozenset({"exact", "alias", "fuzzy"})


def _foreign_labels(spec: TableSpec, rows: Sequence[DataRow]) -> int:
    """Row labels beside numbers that this layout does not know and another layout has."""
    return len({dr.found for dr in rows
                if dr.row is None and dr.found and foreign_row(spec, dr.found)})


def _unnamed(spec: TableSpec, rows: Sequence[DataRow], apart: Sequence[str]) -> int:
    """Rows of the layout that no label names: beside numbers, apart, or in a header."""
    headers = {id(dr.header): dr.header for dr in rows}.values()
    named = {*apart, *(r for h in headers for r in h.named_rows), *_labelled(rows)}
    return sum(r.id not in named for r in spec.rows)


def read_section(spec: TableSpec, blocks: Iterable[Block]) -> Reading:
    """One section's blocks (tables, and the text between them) read against ``spec``: one
    table printed plainly on the fast path (:mod:`~gi_report.importers.fastread`), any other
    section by the stages in turn."""
    blocks = blocks if isinstance(blocks, Sequence) else tuple(blocks)
    placed = fastread.place(spec, blocks)
    if placed is None:
        stream, alignment, placer = _placed(spec, blocks)
    else:
        (stream, placer), alignment = placed, Alignment()
    settle_merged(spec, placer, merged_spans(blocks))
    return _reading(spec, stream, alignment, placer)


def _placed(spec: TableSpec, blocks: Iterable[Block]) -> tuple[RowStream, Alignment, Placer]:
    """Stages 1 to 4: the rows read, aligned to the form, their values placed."""
    stream = read_rows(spec, blocks)
    rows = stream.rows
    alignment = align_labelled(spec, rows)
    placer = _placer(spec, stream.location, rows)
    loose = loose_rows(rows)
    placer.lone = len(loose) <= 1
    for dr in rows:
        if not any(dr is d for d in loose):
            placer.assign(dr)
    align_detached(spec, rows, loose, placer.values, stream.apart,
                   whole_list=len(set(stream.apart_at)) == 1)
    for dr in loose:
        placer.assign(dr)
    return stream, alignment, placer


def _reading(spec: TableSpec, stream: RowStream, alignment: Alignment, placer: Placer
             ) -> Reading:
    """The section's reading from its placed rows: gaps, missing rows and columns, blank
    cells, the layout's score."""
    rows = stream.rows
    placer.fill_gaps()
    placer.missing(rows)
    placer.unprinted_units()
    found = bool(rows) or len(stream.header_columns) >= 2
    if found and not rows:  # the table printed with no values: blank, not missing
        no_values(spec, stream.narrative, placer)
    placer.printed_blank()
    notices = [*alignment.notices, *placer.notices]
    foreign = (_foreign_columns(spec, rows) + _foreign_rows(rows, spec, stream.apart)
               + foreign_apart(spec, stream.narrative, stream.apart))
    for where in stream.ignored_tables:
        notices.append(notice(
            "table.ignored", f"“{spec.title}”下的一个表格不含表格的任何行或列标题，未使用",
            location=where))
    return Reading(
        spec=spec, values=placer.values, runs=placer.runs, notices=notices,
        score=alignment.score + placer.score + len(stream.header_columns)
        - FOREIGN_ROW_PENALTY * foreign,
        narrative=stream.narrative, location=stream.location or Location(),
        found=found, sources=placer.sources, foreign=foreign,
        short_rows=[*placer.short_rows, *(row_name(spec, spec.row(r)) for r in stream.lone_bare())],
        evidence=foreign + _foreign_labels(spec, rows), unnamed=_unnamed(spec, rows, stream.apart),
        hidden=frozenset(placer.hidden), same_as=placer.same_as)


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
    if clean(first) and first.found and not first.foreign:
        return first
    readings = [first, *(read_section(spec, blocks) for spec in dict.fromkeys(specs)
                         if spec is not prefer)]
    best = max(readings, key=lambda r: (r.score, r.spec is prefer))
    if best is first or first.evidence > best.evidence or _whole(best, first):
        return best  # the own layout, or another that some label only it has names
    # the digits fit another layout better, but no label names anything only it has
    if not first.evidence and not first.unnamed:
        return first  # every label is the own layout's, and names each of its rows
    return by_rows([first, best]) or undecided(first, best)


def _whole(other: Reading, own: Reading) -> bool:
    """Whether another layout's reading takes every row without doubt (row count, cell counts
    and arithmetic all its own: numbers printed apart from labels that name nothing), where
    the own layout's does not, and no label names a row only the own layout has."""
    return clean(other) and other.found and not other.evidence and not clean(own)


def undecided(own: Reading, other: Reading) -> Reading:
    """The table left blank: its digits fit two layouts and its labels decide neither."""
    spec = own.spec
    message = (f"“{spec.title}”的数字既可按 {layout_version(spec)} 年版、也可按 "
               f"{layout_version(other.spec)} 年版的行列读取，表中没有只属于其中一版的行或列"
               "标题可以确定，该表全部留空")
    cells = [pointer(spec, (r.id, c)) for r in spec.rows for c in r.columns]
    return Reading(
        spec=spec, values={}, runs=[],
        notices=[notice("table.layout_undecided", message, location=own.location, cells=cells)],
        score=own.score, narrative=own.narrative, location=own.location, found=True,
        short_rows=[*own.short_rows, *other.short_rows], undecided=True)


def read_tables(bodies: Mapping[str, Sequence[Block]], year: TemplateSpec
                ) -> dict[str, Reading]:
    """Each table section's reading, the year's template preferred; a table whose labels
    decide no layout is read again preferring the layout another table's labels chose (the
    report's own template), when they chose exactly one."""
    best = {tid: _best(tid, blocks, year.table(tid)) for tid, blocks in bodies.items()}
    chosen = {layout_version(r.spec) for r in best.values()
              if not r.undecided and r.spec is not year.table(r.spec.id)}
    if len(chosen) != 1 or not any(r.undecided for r in best.values()):
        return best
    own = TEMPLATES[chosen.pop()]
    return {tid: _best(tid, bodies[tid], own.table(tid)) if r.undecided else r
            for tid, r in best.items()}


def _best(table_id: str, blocks: Sequence[Block], prefer: TableSpec) -> Reading:
    return best_reading([t.table(table_id) for t in TEMPLATES.values()], blocks, prefer)
