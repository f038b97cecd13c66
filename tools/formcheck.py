"""Checks the form description itself before anything is derived from it.

Everything the project publishes (schemas, XSDs, reference pages) is generated from
:mod:`gi_report.form`; a slip there (a duplicated id, a relation naming a cell the table does not
have, an empty label) would silently propagate into every derived file. ``tools/generate.py``
runs :func:`form_problems` first and refuses to generate while it finds any.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping

from gi_report.form import TABLE_IDS
from gi_report.form.spec import (
    Balance,
    ColumnTotal,
    Declaration,
    RowSpec,
    RowTotal,
    TableSpec,
    TemplateSpec,
)


def _duplicates(where: str, what: str, ids: Iterable[str]) -> Iterator[str]:
    for value, count in sorted(Counter(ids).items()):
        if count > 1:
            yield f"{where}: {what} {value!r} is declared {count} times"


def _blank(where: str, fields: Mapping[str, str | None]) -> Iterator[str]:
    for name, value in fields.items():
        if value is None or not value.strip():
            yield f"{where}: {name} is empty"


def _groups(where: str, table: TableSpec) -> Iterator[str]:
    known = {g.id for g in table.groups}
    for group in table.groups:
        yield from _blank(f"{where}.group {group.id}", {"label": group.label,
                                                        "description": group.description})
        seen = {group.id}
        parent = group.parent
        while parent is not None:
            if parent not in known:
                yield f"{where}.group {group.id}: parent {parent!r} does not exist"
                break
            if parent in seen:
                yield f"{where}.group {group.id}: its parents form a cycle"
                break
            seen.add(parent)
            parent = table.group(parent).parent


def _rows_and_columns(where: str, table: TableSpec) -> Iterator[str]:
    yield from _duplicates(where, "row id", (r.id for r in table.rows))
    yield from _duplicates(where, "column id", (c.id for c in table.columns))
    yield from _duplicates(where, "group id", (g.id for g in table.groups))
    if not table.rows:
        yield f"{where}: the table has no rows"
    for column in table.columns:
        yield from _blank(f"{where}.column {column.id}", {"label": column.label,
                                                          "description": column.description})
    for row in table.rows:
        yield from _row(f"{where}.row {row.id}", table, row)
    used = {c for row in table.rows for c in row.columns}
    for column_id in sorted({c.id for c in table.columns} - used):
        yield f"{where}: column {column_id!r} is used by no row"


def _row(where: str, table: TableSpec, row: RowSpec) -> Iterator[str]:
    yield from _blank(where, {"label": row.label, "description": row.description})
    if not row.columns:
        yield f"{where}: the row has no columns"
    yield from _duplicates(where, "column", row.columns)
    column_ids = [c.id for c in table.columns]
    unknown = [c for c in row.columns if c not in column_ids]
    if unknown:
        yield f"{where}: columns {unknown} are not columns of the table"
    order = [c for c in column_ids if c in row.columns]
    if [c for c in row.columns if c in column_ids] != order:
        yield f"{where}: its columns are not in the table's column order"


def _cells_of(table: TableSpec, decl: Declaration) -> Iterator[tuple[str, str]]:
    """Every (row, column) a declaration names, as the validators will expand it."""
    if isinstance(decl, ColumnTotal):
        rows = decl.rows if decl.rows is not None else tuple(r.id for r in table.rows)
        for row in rows:
            for column in (decl.total, *decl.parts):
                yield row, column
        return
    anchor = _anchor(decl)
    rows = (decl.total, *decl.parts) if isinstance(decl, RowTotal) else (*decl.left, *decl.right)
    columns = table.row(anchor).columns if anchor in table.row_ids else ()
    for row in rows:
        for column in columns:
            yield row, column


def _anchor(decl: Declaration) -> str | None:
    """The row whose columns a row-wise declaration ranges over (``None``: column-wise)."""
    if isinstance(decl, RowTotal):
        return decl.total
    if isinstance(decl, Balance):
        return decl.left[0] if decl.left else None
    return None


def _declarations(where: str, table: TableSpec) -> Iterator[str]:
    for decl in table.declarations:
        here = f"{where}.{decl.rule}"
        if not decl.rule.strip():
            yield f"{where}: a {type(decl).__name__} has an empty rule id"
        if isinstance(decl, Balance):
            yield from _blank(here, {"note": decl.note})
            if not decl.left or not decl.right:
                yield f"{here}: a balance needs rows on both sides"
        elif not decl.parts:
            yield f"{here}: a total needs parts"
        anchor = _anchor(decl)
        if anchor is not None and anchor not in table.row_ids:
            yield f"{here}: row {anchor!r} does not exist"
        missing = sorted({f"{r}.{c}" for r, c in _cells_of(table, decl)
                          if not table.has_cell(r, c)})
        if missing:
            yield f"{here}: names cells the table does not have: {', '.join(missing)}"


def _template(template: TemplateSpec) -> Iterator[str]:
    where = f"template {template.version}"
    yield from _blank(where, {"version": template.version, "name": template.name,
                              "document": template.document, "issued": template.issued})
    if template.last_year is not None and template.last_year < template.first_year:
        yield f"{where}: last_year {template.last_year} is before first_year"
    yield from _duplicates(where, "section id", (s.id for s in template.sections))
    yield from _duplicates(where, "section number", (s.number for s in template.sections))
    yield from _duplicates(where, "table id", (t.id for t in template.tables))
    yield from _duplicates(where, "fee field id", (f.id for f in template.fee_fields))
    yield from _duplicates(where, "topic id", (t.id for t in template.overview_topics))
    for section in template.sections:
        yield from _blank(f"{where}.section {section.id}", {
            "number": section.number, "title": section.title,
            "description": section.description})
    for fee in template.fee_fields:
        yield from _blank(f"{where}.fee {fee.id}", {"label": fee.label, "unit": fee.unit,
                                                   "description": fee.description})
    for topic in template.overview_topics:
        yield from _blank(f"{where}.topic {topic.id}", {"label": topic.label,
                                                       "description": topic.description})
    yield from _tables(where, template)


def _tables(where: str, template: TemplateSpec) -> Iterator[str]:
    section_ids = {s.id for s in template.sections}
    for table_id in TABLE_IDS:
        if table_id not in {t.id for t in template.tables}:
            yield f"{where}: has no table {table_id!r}"
    for table in template.tables:
        here = f"{where}.{table.id}"
        if table.id not in TABLE_IDS:
            yield f"{here}: not one of the form's tables {list(TABLE_IDS)}"
        if table.section not in section_ids:
            yield f"{here}: section {table.section!r} does not exist"
        yield from _blank(here, {"title": table.title, "description": table.description})
        yield from _groups(here, table)
        yield from _rows_and_columns(here, table)
        yield from _declarations(here, table)


def form_problems(templates: Mapping[str, TemplateSpec]) -> list[str]:
    """Every inconsistency of the form description, one located line each (empty: sound)."""
    problems: list[str] = []
    for key, template in templates.items():
        if key != template.version:
            problems.append(f"template {template.version}: registered under {key!r}")
        problems.extend(_template(template))
    return problems
