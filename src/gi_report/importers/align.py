"""Stage *align rows to the form*: which form row each data row is, and how that was decided.

1. **By label, in the form's order**: a row whose label matches one or more form rows
   (:mod:`~gi_report.importers.vocabulary`: exact, a listed variant, or a small edit distance) is
   the first of them after the previous row aligned — the form's order settles repeated labels
   such as 1.… under （三） and under （四）.
2. **By position**: a run of rows whose labels match nothing, between two aligned rows, is taken
   as the form rows missing between them, when there are exactly as many, each with as many value
   cells as its form row, no label is a row of the table's other layout, and no row stands under a
   header naming only columns the form does not have (an extra table; ``label.by_position``;
   otherwise ``label.unmatched`` and the values are not used).
3. **Detached rows** (no label at all) are aligned later, once the labelled rows' values are
   known: :mod:`~gi_report.importers.detached`.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Mapping, Sequence

import attrs

from gi_report.form import TEMPLATES
from gi_report.form.spec import CellKind, ColumnSpec, RowSpec, TableSpec
from gi_report.importers import captionrows
from gi_report.importers.blocks import TextBlock
from gi_report.importers.cellnames import Cell
from gi_report.importers.colorder import leaf_orders
from gi_report.importers.detached import align, align_lost, value_columns
from gi_report.importers.result import Notice, notice
from gi_report.importers.rows import DataRow, Slot
from gi_report.importers.samevalue import grid_order
from gi_report.importers.values import run_segments
from gi_report.importers.vocabulary import vocabulary
from gi_report.table import CellValue

FOREIGN_ROW_PENALTY = 10
"""Score lost by a layout for each printed row label that only another layout has."""


@attrs.define
class Alignment:
    """What aligning said: the notices, and how well the layout fits (added to its score)."""

    notices: list[Notice] = attrs.field(factory=list)
    score: int = 0


@functools.lru_cache(maxsize=4096)
def foreign_row(spec: TableSpec, label: str) -> bool:
    """Whether a label is a row of another layout of this table (never taken by position)."""
    return any(vocabulary(t.table(spec.id)).row(label) is not None
               for t in TEMPLATES.values() if t.table(spec.id) is not spec)


def foreign_apart(spec: TableSpec, narrative: Sequence[TextBlock], apart: Sequence[str]) -> int:
    """Paragraphs among labels printed apart that are each a row label of another layout only
    (the three rows under 6 of the other template): counted as foreign labels, the labels
    printed apart being the table's own list of its rows. Only where the labels printed apart
    name half the layout's rows or more (a list, not a stray line)."""
    if 2 * len(apart) < len(spec.rows):
        return 0
    own = vocabulary(spec)
    return len({b.text for b in narrative
                if own.row(b.text) is None and foreign_row(spec, b.text)})


@functools.lru_cache(maxsize=4096)
def foreign_column(spec: TableSpec, label: str) -> bool:
    """Whether a header label names a column only another layout of this table has."""
    return vocabulary(spec).column(label) is None and any(
        vocabulary(t.table(spec.id)).column(label) is not None
        for t in TEMPLATES.values() if t.table(spec.id) is not spec)


def by_label(spec: TableSpec, rows: Sequence[DataRow]) -> None:
    """Rows with a matching label: the first matching form row after the previous one."""
    last = -1
    for dr in rows:
        if dr.match is None:
            continue
        items = dr.match.items
        after = [r for r in items if spec.row_position(r.id) > last]
        dr.row = after[0] if after else items[0]
        dr.how = dr.match.how
        last = spec.row_position(dr.row.id)


def _value_count(spec: TableSpec, row: RowSpec) -> int:
    return sum(1 for c in row.columns if spec.column(c).kind is not CellKind.TEXT)


def _gap(spec: TableSpec, rows: Sequence[DataRow], i: int, j: int, taken: set[str]
         ) -> tuple[list[RowSpec], bool]:
    """The form rows free between the aligned rows around ``rows[i:j]``; whether any is aligned."""
    before = next((rows[k].row for k in range(i - 1, -1, -1) if rows[k].row is not None), None)
    after = next((rows[k].row for k in range(j, len(rows)) if rows[k].row is not None), None)
    lo = spec.row_position(before.id) if before else -1
    hi = spec.row_position(after.id) if after else len(spec.rows)
    return [r for r in spec.rows[lo + 1:hi] if r.id not in taken], bool(before or after)


def _foreign_header(dr: DataRow) -> bool:
    """Whether the row stands under a header of its own that names none of the form's columns,
    only others (a table the form does not have: never the form's rows by position)."""
    header = dr.header
    return header.lines > 0 and not header.columns and bool(header.unknown)


def _fits(spec: TableSpec, run: Sequence[DataRow], gap: Sequence[RowSpec]) -> bool:
    if len(gap) != len(run) or any(dr.found and foreign_row(spec, dr.found) for dr in run):
        return False
    if any(_foreign_header(dr) for dr in run):
        return False
    return all(_fills(spec, dr, r) for dr, r in zip(run, gap, strict=True))


def _fills(spec: TableSpec, dr: DataRow, row: RowSpec) -> bool:
    """Whether a row's value cells can be the form row's: one per cell (empty cells after them
    left out, or between the columns its header names), or one digit run with a digit for each
    cell (a crawl that ran them together; the row's arithmetic splits it)."""
    count = _value_count(spec, row)
    printed = len(dr.values)
    while printed > count and dr.values[printed - 1].empty:
        printed -= 1  # trailing empty cells: a table's width padded (Markdown), nothing printed
    if printed == count or _under_named(dr, count):
        return True
    runs = run_segments(dr.values[0].text) if len(dr.values) == 1 and count > 1 else None
    return runs is not None and len(runs) == 1 and sum(c.isdigit() for c in runs[0]) >= count


def _under_named(dr: DataRow, count: int) -> bool:
    """Whether the row prints one cell under each of ``count`` columns its header names and
    nothing elsewhere (a merged header cell written once, the positions it covers left empty:
    Markdown)."""
    named = dr.header.columns
    under = [s for s in dr.values if s.col0 in named]
    return (len(named) == count and len(under) == count
            and all(s.empty for s in dr.values if s.col0 not in named))


def _unmatched(spec: TableSpec, run: Sequence[DataRow], out: Alignment) -> None:
    for dr in run:
        if dr.found and foreign_row(spec, dr.found):
            out.score -= FOREIGN_ROW_PENALTY  # the other layout's row: not this layout
        if any(s.is_value for s in dr.values):
            out.score -= 2
            out.notices.append(notice(
                "label.unmatched",
                f"表格行“{dr.found}”与{spec.title}的任何一行都不对应，其数值未使用",
                location=dr.location, found=dr.found))


def by_position(spec: TableSpec, rows: Sequence[DataRow], out: Alignment) -> None:
    """Runs of rows whose labels match nothing, placed in the gap between aligned rows. Rows
    under a header of their own naming none of the form's columns (an extra table printed
    after the form's) are a run apart: never the form's rows, they do not make the run before
    them longer than its gap."""
    taken = {dr.row.id for dr in rows if dr.row is not None}
    i = 0
    while i < len(rows):
        if rows[i].row is not None or not rows[i].labels:
            i += 1
            continue
        j = i
        extra = _foreign_header(rows[i])
        while (j < len(rows) and rows[j].row is None and rows[j].labels
               and _foreign_header(rows[j]) == extra):
            j += 1
        run = rows[i:j]
        gap, anchored = _gap(spec, rows, i, j, taken)
        if anchored and _fits(spec, run, gap):
            for dr, row in zip(run, gap, strict=True):
                dr.row, dr.how = row, "position"
                taken.add(row.id)
        else:
            _unmatched(spec, run, out)
        i = j


def align_labelled(spec: TableSpec, rows: Sequence[DataRow]) -> Alignment:
    """Stages 1 and 2: every labelled row aligned to a form row, or reported."""
    out = Alignment()
    by_label(spec, rows)
    by_position(spec, rows, out)
    return out


def loose_rows(rows: Sequence[DataRow]) -> list[DataRow]:
    """Rows with values but no label, no heading naming them and no form row yet.

    A line naming a row above a table (``dr.hint``) is trusted only while no other row of the
    section is loose: beside number-only rows it is one of their labels printed apart (the
    last line of the list), so every unlabelled row is aligned as detached, by the arithmetic.
    """
    unlabelled = [dr for dr in rows if dr.row is None and not dr.labels
                  and (any(s.is_value for s in dr.values) or _all_blank(dr))]
    if all(dr.hint is not None for dr in unlabelled):
        return []
    for dr in unlabelled:
        dr.hint = None
    return unlabelled


def _all_blank(dr: DataRow) -> bool:
    """A number-only row whose cells are all blank (read as a row only where the section's
    labels are printed apart: :meth:`~gi_report.importers.rows._RowReader.blank_detached`)."""
    return bool(dr.values) and all(s.empty for s in dr.values)


def align_detached(spec: TableSpec, rows: Sequence[DataRow], loose: Sequence[DataRow],
                   known: Mapping[Cell, CellValue], listed: Sequence[str] = (), *,
                   whole_list: bool = False) -> None:
    """Stage 3: number-only rows as the unclaimed form rows, in order, if the arithmetic holds;
    one fewer than those rows, as far as the arithmetic settles the lost one's place
    (:mod:`~gi_report.importers.lostrow`; ``whole_list``: the labels printed apart are one list
    with nothing among them)."""
    if len(loose) < 2:
        return
    order = [spec.row_position(dr.row.id) if dr.row is not None else None
             for dr in rows if dr.row is not None or any(dr is d for d in loose)]
    merged = [_merged_cells(dr) for dr in loose]
    pairs = list(zip(loose, merged, strict=True))
    texts, spans = _texts(pairs)
    printed = [header_order(spec, dr) for dr in loose]
    found, how = _aligned(spec, order, (texts, spans, printed), known, listed, whole_list)
    if found is None or not _merged_named(spec, pairs, found):
        by_caption(spec, rows, loose)
        return
    _take_aligned(spec, loose, found, merged, how)


def _aligned(spec: TableSpec, order: Sequence[int | None],
             rows: tuple[list[list[str]], list[int], list[tuple[str, ...] | None]],
             known: Mapping[Cell, CellValue], listed: Sequence[str], whole_list: bool
             ) -> tuple[Sequence[RowSpec | None] | None, str]:
    """The number-only rows' form rows and how they were found: every row by order and the
    arithmetic, by the labels' own list, or one row lost (``None``: not aligned)."""
    texts, spans, printed = rows
    found: Sequence[RowSpec | None] | None
    found = align(spec, order, texts, known, spans, printed=printed)
    if found is not None or not spec.relations:
        return found, "detached"
    if listed:
        found = align(spec, order, texts, known, spans, listed=listed, printed=printed)
        if found is not None:
            return found, "listed"
    return align_lost(spec, order, texts, known, spans, printed=printed,
                      listed=listed if whole_list else None), "lost"


def _take_aligned(spec: TableSpec, loose: Sequence[DataRow], found: Sequence[RowSpec | None],
                  merged: Sequence[list[Slot] | None], how: str) -> None:
    """Each number-only row made the form row it was aligned to (its cells as read for that);
    a row aligned to none (``None``) is left as it is."""
    for dr, row, m in zip(loose, found, merged, strict=True):
        if row is None:
            continue
        if m is not None:
            dr.values = m
        else:
            _trim(dr, _value_count(spec, row))
        dr.row, dr.how = row, how


def header_order(spec: TableSpec, dr: DataRow) -> tuple[str, ...] | None:
    """The order the header above a number-only row settles the table's value columns in: its
    grid's, where it names each at one grid column of its own (spans kept), else the one order
    its printed labels allow; ``None``: the form's order (or none settled)."""
    columns = [c.id for c in spec.columns if c.kind is not CellKind.TEXT]
    found = grid_order(dr.header.columns or dr.header.grid_above, columns)
    if found is not None:
        return found
    orders = leaf_orders(spec, dr.header.tokens, columns) if dr.header.tokens else None
    return orders[0] if orders is not None and len(orders) == 1 else None


def by_caption(spec: TableSpec, rows: Sequence[DataRow], loose: Sequence[DataRow]) -> None:
    """Number-only rows not aligned as a whole, each read as the one form row of the caption
    it is printed under (a table with no arithmetic, section 二: the caption of item 8 has one
    row), when it is the only such row under that caption, the row is not claimed by a label,
    and the header right above it names exactly that row's value columns (``row.detached``); a
    caption of several rows: its rows as one run (:mod:`~gi_report.importers.captionrows`)."""
    if spec.relations:
        return  # the arithmetic decides there (detached.align)
    claimed = {dr.row.id for dr in rows if dr.row is not None}
    under = Counter(g for dr in loose for g in dr.groups)
    for dr in loose:
        members = [r for r in spec.rows if r.group in dr.groups]
        alone = under[next(iter(dr.groups))] if dr.groups else 0
        if _one_row(spec, dr, members, alone, claimed):
            dr.row, dr.how = members[0], "caption"
        elif _each_row(spec, dr, members, alone, claimed):
            _in_order(dr, members, loose)
        elif captionrows.caption_rows(spec, dr, claimed, alone) is not None:
            dr.how = captionrows.HOW  # the caption's rows, placed as one run


def _in_order(dr: DataRow, members: Sequence[RowSpec], loose: Sequence[DataRow]) -> None:
    """``dr`` made the caption's row (``members``) of its place among the number-only rows
    under that caption (see :func:`_each_row`)."""
    mates = [d for d in loose if d.groups == dr.groups]
    dr.row = members[next(i for i, d in enumerate(mates) if d is dr)]
    dr.how = captionrows.ORDER_HOW


def _one_row(spec: TableSpec, dr: DataRow, members: Sequence[RowSpec], alone: int,
             claimed: set[str]) -> bool:
    """Whether ``dr`` is the one number-only row (``alone``) under one caption of one form row
    (``members``), not ``claimed`` by a label, its header naming exactly that row's columns."""
    return (len(dr.groups) == 1 and len(members) == 1 and alone == 1
            and members[0].id not in claimed and _header_names(spec, dr, members[0]))


def _each_row(spec: TableSpec, dr: DataRow, members: Sequence[RowSpec], alone: int,
              claimed: set[str]) -> bool:
    """Whether the number-only rows under one caption of several form rows (``members``) are
    exactly as many as those rows (``alone``), none of which a label claimed, and the header
    right above ``dr`` names exactly their value columns: each is then the caption's row of its
    place in the form's order (a page break that lost a row elsewhere in the table leaves the
    rows under this caption whole)."""
    return (len(dr.groups) == 1 and len(members) >= 2 and alone == len(members)
            and not any(r.id in claimed for r in members)
            and all(_header_names(spec, dr, r) for r in members))


def _header_names(spec: TableSpec, dr: DataRow, row: RowSpec) -> bool:
    """Whether the header right above ``dr`` names exactly the value columns of ``row``."""
    named = {t.id for _, t in dr.header.tokens if isinstance(t, ColumnSpec)}
    named |= {c.id for c in dr.header.columns.values()}
    return named == set(value_columns(spec, row))


def _texts(pairs: Sequence[tuple[DataRow, list[Slot] | None]]
           ) -> tuple[list[list[str]], list[int]]:
    """Each detached row's texts (without merged positions where it has them) and its empty
    label columns."""
    texts = [[s.text for s in (m or dr.values)] for dr, m in pairs]
    return texts, [0 if m is not None else _label_span(dr) for dr, m in pairs]


def _merged_cells(dr: DataRow) -> list[Slot] | None:
    """The filled cells of a row printed with empty cells between them where its header leaves
    positions between the columns it names (a merged cell written once, the positions it covers
    left empty, as Markdown does); ``None`` for any other row."""
    filled = [s for s in dr.values if not s.empty]
    named = sorted(dr.header.columns)
    if len(named) < 2 or named[-1] - named[0] + 1 == len(named) or not filled:
        return None  # no position between the named columns: nothing merged
    # the filled cells stand as the named columns do, the empty ones where the header's
    # merged cells cover positions (the row may start left of its header: its label dropped)
    printed = [s.col0 - filled[0].col0 for s in filled]
    if printed != [c - named[0] for c in named]:
        return None
    return filled


def _merged_named(spec: TableSpec, pairs: Sequence[tuple[DataRow, list[Slot] | None]],
                  rows: Sequence[RowSpec | None]) -> bool:
    """Whether the header over each row read without its merged positions names exactly the
    value columns of the form row it was aligned to."""
    return all(m is None or row is None or {c.id for c in dr.header.columns.values()}
               == set(value_columns(spec, row))
               for (dr, m), row in zip(pairs, rows, strict=True))


def _trim(dr: DataRow, count: int) -> None:
    """The row's cells beyond ``count`` left out: its empty label columns, then trailing empty
    cells (as :func:`~gi_report.importers.detached.trimmed` does for the texts)."""
    span = _label_span(dr)
    while len(dr.values) > count and span:  # the rest of an empty label column
        dr.values, span = dr.values[1:], span - 1
    while len(dr.values) > count and dr.values[-1].empty:
        dr.values = dr.values[:-1]


def _label_span(dr: DataRow) -> int:
    """How many empty cells start the row outside every column its header names: the empty
    label columns of a table whose labels are printed apart (never a cell under a header)."""
    n = 0
    while (n < len(dr.values) and dr.values[n].empty
           and dr.values[n].col0 not in dr.header.columns):
        n += 1
    return n
