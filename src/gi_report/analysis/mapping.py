"""The mapping between two templates' layouts, derived from the form (format-spec.md §5.4).

The data (the rules written by hand where two layouts differ, and why dropped cells have no
place) is the form's: :mod:`gi_report.form.mapping`, re-exported here. This module adds what is
derived: ``exact`` rules for the rows two layouts share cell for cell, the table expanded cell by
cell, and the source cells no rule uses. A pair of templates with no rules written maps only the
rows they share; every other target cell is ``not_mappable``, saying so.
"""

from __future__ import annotations

from functools import cache

from gi_report.form import TABLE_IDS, get_template
from gi_report.form.mapping import (
    DROPPED_NOTES,
    EVERY_COLUMN,
    HANDWRITTEN,
    CellMapping,
    MappingKind,
)
from gi_report.form.spec import TableSpec, TemplateSpec


def _identity_rules(source: TableSpec, target: TableSpec) -> list[CellMapping]:
    """``exact`` rules for the rows both layouts share cell for cell (derived from the form)."""
    rules = []
    for row in target.rows:
        if source.has_cell(row.id, row.columns[0]) and source.row(row.id).columns == row.columns:
            rules.append(
                CellMapping(
                    table=target.id,
                    row=row.id,
                    column=EVERY_COLUMN,
                    kind=MappingKind.EXACT,
                    sources=((row.id, EVERY_COLUMN),),
                    note="Same row in both templates.",
                )
            )
    return rules


def mapping_rules(source: str, target: str) -> tuple[CellMapping, ...]:
    """The mapping table from template ``source`` to ``target``, one rule per row or cell."""
    return _mapping_rules(get_template(source), get_template(target))


def cell_mappings(source: str, target: str) -> tuple[CellMapping, ...]:
    """The mapping table expanded cell by cell: one rule for every cell of the target layout."""
    return _cell_mappings(get_template(source), get_template(target))


def dropped_cells(source: str, target: str) -> tuple[tuple[str, str, str, str], ...]:
    """Source cells no rule uses, as ``(table, row, column, reason)``."""
    return _dropped_cells(get_template(source), get_template(target))


# cached by the templates themselves, not their version ids: a template registered for a test
# (gi_report.form.registered) never leaves an entry that a later version lookup could return


@cache
def _mapping_rules(src: TemplateSpec, dst: TemplateSpec) -> tuple[CellMapping, ...]:
    if src == dst:
        return tuple(r for t in TABLE_IDS for r in _identity_rules(src.table(t), dst.table(t)))
    handwritten = HANDWRITTEN.get((src.version, dst.version), ())
    rules: list[CellMapping] = []
    for table_id in TABLE_IDS:
        rules += _identity_rules(src.table(table_id), dst.table(table_id))
        rules += [r for r in handwritten if r.table == table_id]
    return tuple(rules)


@cache
def _cell_mappings(src: TemplateSpec, dst: TemplateSpec) -> tuple[CellMapping, ...]:
    cells = [
        cell
        for rule in _mapping_rules(src, dst)
        for cell in rule.expand(dst.table(rule.table))
    ]
    covered = {(c.table, c.row, c.column) for c in cells}
    for table_id in TABLE_IDS:  # a target cell no rule fills is said to be unmapped, not skipped
        for row, column in dst.table(table_id).cells():
            if (table_id, row.id, column.id) not in covered:
                cells.append(CellMapping(
                    table=table_id, row=row.id, column=column.id, kind=MappingKind.NOT_MAPPABLE,
                    note=f"No mapping from the {src.version} template is written for this cell.",
                ))
    return tuple(cells)


@cache
def _dropped_cells(src: TemplateSpec, dst: TemplateSpec
                   ) -> tuple[tuple[str, str, str, str], ...]:
    used = {
        (m.table, row, column)
        for m in _cell_mappings(src, dst)
        for row, column in m.sources
    }
    notes = DROPPED_NOTES.get((src.version, dst.version), {})
    out = []
    for table_id in TABLE_IDS:
        for row, column in src.table(table_id).cells():
            key = (table_id, row.id, column.id)
            if key not in used:
                out.append((*key, notes.get(key, f"No counterpart in the {dst.version} template.")))
    return tuple(out)


__all__ = [
    "DROPPED_NOTES",
    "EVERY_COLUMN",
    "HANDWRITTEN",
    "CellMapping",
    "MappingKind",
    "cell_mappings",
    "dropped_cells",
    "mapping_rules",
]
