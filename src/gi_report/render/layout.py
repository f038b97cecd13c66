"""The fixed tables as the official template lays them out, for every renderer.

:func:`table_layout` serves the renderers that can merge cells (HTML, DOCX, and the text dumps
tests produce): section 二 as stacked sub-tables (caption, header, rows); section 三
with its corner note, the two-level applicant header and the merged group cells on the left;
section 四 transposed, its form rows as column headers over one row of fifteen values.
:func:`flat_layout` serves those that cannot (Markdown, plain text): one small table per section
二 item, section 三 with its group labels as rows of their own, section 四 one row per form row.
Both are derived from the table's :class:`~gi_report.form.TableSpec`, and every value is printed
by :func:`format_cell`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

from gi_report.exact import plain
from gi_report.form.spec import CellKind, TableSpec
from gi_report.table import CellValue, Table


@attrs.frozen
class LayoutCell:
    """One printed cell: its text and how many grid rows and columns it spans."""

    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False  #: a label or header cell rather than a value


Layout = list[list[LayoutCell]]
"""Rows of printed cells, as HTML lists them (a spanned position is not repeated)."""


@attrs.frozen
class FlatTable:
    """One table (or section 二 sub-table) for a renderer that cannot merge cells.

    ``rows`` hold the label, then one printed value per header column; a row of a group label
    (the outcomes group, ``denied`` …) has empty values.
    """

    caption: str | None  #: section 二's item (Article 20 (1), (5) …), printed above the table
    note: str | None  #: section 三's corner note, printed above the table
    header: tuple[str, ...]  #: the label column's header (or empty), then the columns
    rows: tuple[tuple[str, ...], ...]


def format_cell(value: CellValue, blank: str = "") -> str:
    """A cell's value as every renderer prints it: ``blank`` for a blank, numbers exactly as
    stated in plain decimal notation (:func:`gi_report.exact.plain`), text as it is."""
    if value is None:
        return blank
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return plain(value)
    return str(value)


def _header_levels(paths: Sequence[tuple[str, ...]]) -> Layout:
    """Header rows over columns whose header paths are ``paths`` (outermost label first)."""
    depth = max(len(p) for p in paths)
    rows: Layout = []
    for level in range(depth):
        row: list[LayoutCell] = []
        c = 0
        while c < len(paths):
            path = paths[c]
            if len(path) <= level:
                c += 1
                continue
            span = 1
            while (c + span < len(paths) and len(paths[c + span]) > level
                   and paths[c + span][: level + 1] == path[: level + 1]):
                span += 1
            starts_here = level == 0 or len(path) > level
            if starts_here:
                last = level == len(path) - 1
                row.append(LayoutCell(path[level], rowspan=depth - level if last else 1,
                                      colspan=span, header=True))
            c += span
        rows.append(row)
    return rows


def _value_cells(table: Table, row_id: str, blank: str = "") -> list[str]:
    """The printed values of a row; an amount keeps the unit printed beside it (251000元)."""
    spec = table.spec
    row = spec.row(row_id)
    out: list[str] = []
    unit = next((table[row_id, c] for c in row.columns
                 if spec.column(c).kind is CellKind.TEXT), None)
    for column_id in row.columns:
        kind = spec.column(column_id).kind
        if kind is CellKind.TEXT:
            continue
        value = table[row_id, column_id]
        text = format_cell(value, blank)
        if kind is CellKind.AMOUNT and value is not None and isinstance(unit, str):
            text += unit
        out.append(text)
    return out


def proactive_layout(table: Table) -> Layout:
    """Section 二: per caption, a caption row, a header row and its rows."""
    spec = table.spec
    widest = max(sum(1 for c in r.columns if spec.column(c).kind is not CellKind.TEXT)
                 for r in spec.rows)
    width = widest + 1
    rows: Layout = []

    def spread(texts: Sequence[str], header: bool) -> list[LayoutCell]:
        base, extra = divmod(widest, len(texts))
        return [LayoutCell(t, colspan=base + (1 if i < extra else 0), header=header)
                for i, t in enumerate(texts)]

    for group in spec.groups:
        members = spec.rows_in_group(group.id)
        if not members:
            continue
        columns = [c for c in spec.group_columns(group.id) if c.kind is not CellKind.TEXT]
        rows.append([LayoutCell(group.label, colspan=width, header=True)])
        rows.append([LayoutCell(spec.row_header or "", header=True),
                     *spread([c.label for c in columns], True)])
        for row in members:
            rows.append([LayoutCell(row.label, header=True),
                         *spread(_value_cells(table, row.id), False)])
    return rows


def applications_layout(table: Table) -> Layout:
    """Section 三: corner note, applicant headers, merged group cells, 25 (or 23) rows."""
    spec = table.spec
    paths = [(*c.header_path, c.label) for c in spec.columns]
    headers = _header_levels(paths)
    label_width = 1 + max(len(spec.group_chain(r.group)) for r in spec.rows)
    headers[0].insert(0, LayoutCell(spec.note or "", rowspan=len(headers),
                                    colspan=label_width, header=True))
    rows: Layout = list(headers)
    seen: set[str] = set()
    for row in spec.rows:
        printed: list[LayoutCell] = []
        chain = list(reversed(spec.group_chain(row.group)))
        for group_id in chain:
            if group_id not in seen:
                seen.add(group_id)
                members = spec.rows_in_group(group_id)
                printed.append(LayoutCell(spec.group(group_id).label, rowspan=len(members),
                                          header=True))
        printed.append(LayoutCell(row.label, colspan=label_width - len(chain), header=True))
        printed += [LayoutCell(t) for t in _value_cells(table, row.id)]
        rows.append(printed)
    return rows


def review_layout(table: Table) -> Layout:
    """Section 四: the form's rows as column headers over one row of values."""
    spec = table.spec
    paths: list[tuple[str, ...]] = []
    values: list[LayoutCell] = []
    for row in spec.rows:
        groups = tuple(spec.group(g).label for g in reversed(spec.group_chain(row.group)))
        for column_id in row.columns:
            paths.append((*groups, row.label, spec.column(column_id).label))
            values.append(LayoutCell(format_cell(table[row.id, column_id])))
    return [*_header_levels(paths), values]


def table_layout(table: Table) -> Layout:
    """The official layout of any of the three fixed tables."""
    spec: TableSpec = table.spec
    if spec.id == "proactive":
        return proactive_layout(table)
    if spec.id == "applications":
        return applications_layout(table)
    return review_layout(table)


def flat_layout(table: Table, *, blank: str = "") -> list[FlatTable]:
    """Any of the three fixed tables without merged cells; ``blank`` is how a blank prints."""
    spec = table.spec
    if spec.id == "proactive":
        return _flat_subtables(table, blank)
    header = ("", *(c.label for c in spec.columns))
    if spec.id == "applications":
        rows = _flat_rows_with_group_lines(table, blank)
    else:
        rows = _flat_rows_with_group_prefix(table, blank)
    return [FlatTable(caption=None, note=spec.note or None, header=header, rows=rows)]


def _flat_subtables(table: Table, blank: str) -> list[FlatTable]:
    """Section 二: one flat table per sub-table (group), with its own header."""
    spec = table.spec
    out: list[FlatTable] = []
    for group in spec.groups:
        members = spec.rows_in_group(group.id)
        if not members:
            continue
        columns = [c for c in spec.group_columns(group.id) if c.kind is not CellKind.TEXT]
        out.append(FlatTable(
            caption=group.label, note=None,
            header=(spec.row_header or "", *(c.label for c in columns)),
            rows=tuple((r.label, *_value_cells(table, r.id, blank)) for r in members),
        ))
    return out


def _flat_rows_with_group_lines(table: Table, blank: str) -> tuple[tuple[str, ...], ...]:
    """Section 三: each group's label on a line of its own before its first row."""
    spec = table.spec
    rows: list[tuple[str, ...]] = []
    seen: set[str] = set()
    empty = ("",) * len(spec.columns)
    for row in spec.rows:
        for group_id in reversed(spec.group_chain(row.group)):
            if group_id not in seen:
                seen.add(group_id)
                rows.append((spec.group(group_id).label, *empty))
        rows.append((row.label, *_value_cells(table, row.id, blank)))
    return tuple(rows)


def _flat_rows_with_group_prefix(table: Table, blank: str) -> tuple[tuple[str, ...], ...]:
    """Section 四: each row's label prefixed by its group's (复议（维持）)."""
    spec = table.spec
    rows: list[tuple[str, ...]] = []
    for row in spec.rows:
        label = row.label
        if row.group:
            label = f"{spec.group(row.group).label}（{row.label}）"
        rows.append((label, *_value_cells(table, row.id, blank)))
    return tuple(rows)
