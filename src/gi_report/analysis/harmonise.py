"""Carry a report over to another template version, following the mapping table.

``harmonise(report, to=version)`` lays every table out on the target template and says which cells
could not be carried over: target cells left blank because the source has nothing for them, and
stated source cells that have no place in the target. Nothing is guessed: an ``approximate``
mapping is used only when the caller asks for it, and then listed.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from gi_report.analysis.mapping import MappingKind, cell_mappings, dropped_cells
from gi_report.exact import add
from gi_report.form import TABLE_IDS, TEMPLATES, get_template
from gi_report.form.spec import CellRef
from gi_report.model import Report, layout_version
from gi_report.table import CellValue, Table


@attrs.frozen(kw_only=True)
class UnmappedCell:
    """A cell that could not be carried over, and why.

    ``side`` is ``"target"`` for a cell of the result left blank (no source for it) and
    ``"source"`` for a cell of the input with no place in the target (``value`` is what it stated).
    """

    side: str
    cell: CellRef
    template: str  #: the template version of the layout the cell belongs to
    reason: str
    value: CellValue = None

    @property
    def pointer(self) -> str:
        """The JSON Pointer of the cell (in the layout named by ``template``)."""
        return self.cell.pointer


@attrs.frozen(kw_only=True)
class HarmonisedResult:
    """A report laid out on one template, with what could not be carried over."""

    report: Report
    source_layouts: dict[str, str]  #: table id → template version of the input's table
    unmapped: tuple[UnmappedCell, ...]
    approximate: tuple[CellRef, ...]  #: target cells filled by an approximate mapping

    @property
    def changed(self) -> bool:
        """Whether any table had to be carried over (the input was not already on the target)."""
        return any(v != self.report.template for v in self.source_layouts.values())

    @property
    def unfilled(self) -> tuple[UnmappedCell, ...]:
        """Target cells left blank because the source template has nothing for them."""
        return tuple(u for u in self.unmapped if u.side == "target")

    @property
    def dropped(self) -> tuple[UnmappedCell, ...]:
        """Source cells with no place in the target template."""
        return tuple(u for u in self.unmapped if u.side == "source")


def table_layout(report: Report, table_id: str) -> str:
    """The template version of one table's layout as the report holds it.

    The report's own template when the table follows it (some tables, like section 四, are the
    same in both templates), else the version whose layout the table has (a mixed report).
    """
    spec = report.table(table_id).spec
    if report.template_spec.table(table_id) is spec:
        return report.template
    return layout_version(spec)


def _sum(values: list[CellValue]) -> CellValue:
    """The exact sum of the values; ``None`` if one is blank (a single value is kept as is)."""
    if any(v is None for v in values):
        return None
    total: int | Decimal | None = None
    for v in values:
        if not isinstance(v, int | Decimal):
            raise TypeError("cannot add text cells")
        total = v if total is None else add(total, v)
    return 0 if total is None else total


def harmonise_table(
    table: Table, to: str, *, approximate: bool = False
) -> tuple[Table, list[UnmappedCell], list[CellRef]]:
    """One table carried over to template ``to``: the table, unmapped cells, approximate cells."""
    target = get_template(to)
    spec = target.table(table.spec.id)
    if table.spec is spec:
        return table, [], []
    source = layout_version(table.spec)
    cells: dict[str, dict[str, CellValue]] = {r.id: {} for r in spec.rows}
    unmapped: list[UnmappedCell] = []
    approx: list[CellRef] = []
    for rule in cell_mappings(source, target.version):
        if rule.table != spec.id:
            continue
        ref = CellRef(table=spec.id, row=rule.row, column=rule.column)
        value: CellValue = None
        if rule.kind is MappingKind.NOT_MAPPABLE:
            unmapped.append(
                UnmappedCell(side="target", cell=ref, template=target.version, reason=rule.note)
            )
        elif rule.kind is MappingKind.APPROXIMATE and not approximate:
            unmapped.append(
                UnmappedCell(
                    side="target",
                    cell=ref,
                    template=target.version,
                    reason=f"approximate mapping not requested: {rule.note}",
                )
            )
        else:
            value = _sum([table[r, c] for r, c in rule.sources])
            if rule.kind is MappingKind.APPROXIMATE:
                approx.append(ref)
        cells[rule.row][rule.column] = value
    for table_id, row, column, reason in dropped_cells(source, target.version):
        if table_id == spec.id:
            unmapped.append(
                UnmappedCell(
                    side="source",
                    cell=CellRef(table=table_id, row=row, column=column),
                    template=source,
                    reason=reason,
                    value=table[row, column],
                )
            )
    return Table.from_mapping(spec, cells), unmapped, approx


def harmonise(report: Report, to: str | None = None, *, approximate: bool = False
              ) -> HarmonisedResult:
    """``report`` with every table laid out on template ``to``, and what could not be carried over.

    ``to``: a template version (default: the newest template).
    Each table is carried over from its own layout (a mixed-layout report works too). Target cells
    with no source are left blank (``None``) and listed; stated source cells with no place in the
    target are listed with their values. ``approximate=True`` also carries the close-but-not-equal
    quantities of the mapping table (e.g. documents newly made → issued this year), listing them.
    """
    target = TEMPLATES.newest if to is None else get_template(to)
    tables: dict[str, Table] = {}
    unmapped: list[UnmappedCell] = []
    approx: list[CellRef] = []
    layouts: dict[str, str] = {}
    for table_id in TABLE_IDS:
        table = report.table(table_id)
        layouts[table_id] = table_layout(report, table_id)
        new, lost, near = harmonise_table(table, target.version, approximate=approximate)
        tables[table_id] = new
        unmapped += lost
        approx += near
    result = attrs.evolve(
        report,
        template=target.version,
        proactive=tables["proactive"],
        applications=tables["applications"],
        review_litigation=tables["review_litigation"],
    )
    return HarmonisedResult(
        report=result, source_layouts=layouts, unmapped=tuple(unmapped), approximate=tuple(approx)
    )
