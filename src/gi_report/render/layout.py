"""The fixed tables as the official template lays them out: rows of cells with their spans.

One description serves every renderer that can merge cells (HTML, and the text dumps tests
produce): section 二 as stacked sub-tables (caption, header with 信息内容, rows); section 三 with
its corner note, the two-level applicant header and the merged group cells on the left; section
四 transposed, its form rows as column headers over one row of fifteen values. Everything is
derived from the table's :class:`~gi_report.form.TableSpec`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

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


def format_cell(value: CellValue) -> str:
    """A cell's value as printed: blank as nothing, amounts exactly as stated."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
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


def _value_cells(table: Table, row_id: str) -> list[str]:
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
        text = format_cell(table[row_id, column_id])
        if kind is CellKind.AMOUNT and text and isinstance(unit, str):
            text += unit
        out.append(text)
    return out


def proactive_layout(table: Table) -> Layout:
    """Section 二: per caption, a caption row, a header row (信息内容 …) and its rows."""
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
