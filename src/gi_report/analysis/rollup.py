"""Roll-ups: a parent unit's tables summed cell by cell from its children's reports (汇总).

A blank cell of any child makes the sum blank, unless the caller opts into ``blank_as_zero``; in
both cases :class:`Coverage` says which children left which cells blank, so a total is never
silently biased. Reports on different templates are harmonised first (``harmonise=True``) or
refused with :class:`~gi_report.errors.TemplateMismatchError`.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from gi_report.analysis.harmonise import harmonise as _harmonise
from gi_report.analysis.harmonise import table_layout
from gi_report.errors import IncompatibleReportsError, TemplateMismatchError
from gi_report.exact import add
from gi_report.form import TABLE_IDS, TEMPLATES, get_template
from gi_report.form.spec import CellKind, TemplateSpec
from gi_report.model import Metadata, OtherMatters, Report
from gi_report.table import CellValue, Table

FEE_FIELDS: tuple[str, ...] = tuple(f.id for f in TEMPLATES.newest.fee_fields)
"""The section-六 fee figures a roll-up sums too (pointers ``/other_matters/<id>``)."""


@attrs.frozen(kw_only=True)
class Child:
    """One report that went into a roll-up."""

    index: int  #: position in the input
    agency: str
    year: int
    template: str  #: the child's own template (before any harmonisation)
    harmonised: bool  #: whether its tables had to be carried over to the roll-up's template
    source: str | None = None


@attrs.frozen(kw_only=True)
class Coverage:
    """Which children contributed to which cells of a roll-up, and which left cells blank.

    Cells are named by JSON Pointer (``/applications/granted/total``, and
    ``/other_matters/processing_fee_notices_count`` for the fee figures). ``blank`` maps a cell to
    the children (by index) that stated it blank; ``unmapped`` to the children whose template has
    no counterpart for it (after harmonisation); ``conflicts`` to a reason the cell could not be
    summed at all (e.g. amounts in different units).
    """

    children: tuple[Child, ...]
    blank_as_zero: bool
    blank: dict[str, tuple[int, ...]]
    unmapped: dict[str, tuple[int, ...]]
    conflicts: dict[str, str]
    cell_count: int  #: cells of the roll-up (tables and fee figures)

    @property
    def complete(self) -> bool:
        """Whether every child stated every cell (no blank, unmapped or conflicting cell)."""
        return not (self.blank or self.unmapped or self.conflicts)

    def missing(self, pointer: str) -> tuple[int, ...]:
        """The children that contributed nothing to the cell (blank or unmapped)."""
        return tuple(sorted(set(self.blank.get(pointer, ())) | set(self.unmapped.get(pointer, ()))))

    def contributors(self, pointer: str) -> tuple[int, ...]:
        """The children whose stated value went into the cell."""
        if pointer in self.conflicts:
            return ()
        gone = set(self.missing(pointer))
        return tuple(c.index for c in self.children if c.index not in gone)

    @property
    def incomplete_children(self) -> tuple[int, ...]:
        """Children with at least one blank or unmapped cell."""
        found: set[int] = set()
        for mapping in (self.blank, self.unmapped):
            for indexes in mapping.values():
                found.update(indexes)
        return tuple(sorted(found))

    @property
    def complete_cells(self) -> int:
        """How many cells every child stated."""
        affected = set(self.blank) | set(self.unmapped) | set(self.conflicts)
        return self.cell_count - len(affected)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (for JSON): children, blank/unmapped cells by pointer, and conflicts."""
        return {
            "blank_as_zero": self.blank_as_zero,
            "children": [attrs.asdict(c) for c in self.children],
            "cell_count": self.cell_count,
            "complete_cells": self.complete_cells,
            "blank": {k: list(v) for k, v in self.blank.items()},
            "unmapped": {k: list(v) for k, v in self.unmapped.items()},
            "conflicts": dict(self.conflicts),
        }

    def summary(self, *, limit: int = 10) -> str:
        """A few lines a person reads: how complete the roll-up is, and the first gaps."""
        n = len(self.children)
        effect = "counted as 0" if self.blank_as_zero else "the sum is left blank"
        lines = [
            f"coverage: {n} report(s); {self.complete_cells} of {self.cell_count} cells stated "
            f"by every report",
        ]
        if self.blank:
            lines.append(
                f"  {len(self.blank)} cell(s) blank in some report ({effect}); "
                f"reports with gaps: {', '.join(map(str, self.incomplete_children))}"
            )
            for pointer, who in list(self.blank.items())[:limit]:
                lines.append(f"    {pointer}: blank in report(s) {', '.join(map(str, who))}")
            if len(self.blank) > limit:
                lines.append(f"    … and {len(self.blank) - limit} more")
        if self.unmapped:
            lines.append(f"  {len(self.unmapped)} cell(s) with no counterpart in some template")
            for pointer, who in list(self.unmapped.items())[:limit]:
                lines.append(f"    {pointer}: no counterpart for report(s) "
                             f"{', '.join(map(str, who))}")
        for pointer, reason in self.conflicts.items():
            lines.append(f"  {pointer}: not summed: {reason}")
        return "\n".join(lines)


@attrs.frozen(kw_only=True)
class RollupResult:
    """The summed report and how complete each of its cells is."""

    report: Report
    coverage: Coverage


class _Accumulator:
    """Running sums of one cell over the children."""

    __slots__ = ("blank", "kind", "text", "total", "unmapped")

    def __init__(self, kind: CellKind) -> None:
        self.kind = kind
        self.total: int | Decimal | None = None  #: None until a stated value is added
        self.text: set[str] = set()
        self.blank: list[int] = []
        self.unmapped: list[int] = []

    def add(self, index: int, value: CellValue, *, unmapped: bool) -> None:
        if value is None:
            (self.unmapped if unmapped else self.blank).append(index)
        elif isinstance(value, str):
            self.text.add(value)
        else:
            self.total = value if self.total is None else add(self.total, value)

    @property
    def sum(self) -> int | Decimal:
        """The sum of the stated values (0 when none was stated)."""
        if self.total is not None:
            return self.total
        return Decimal(0) if self.kind is CellKind.AMOUNT else 0


def _common_year(reports: list[Report]) -> int:
    years = {r.metadata.year for r in reports}
    if len(years) != 1:
        raise IncompatibleReportsError(
            "reports of different years cannot be summed without year=",
            field="year",
            values={f"#{i} {r.metadata.agency}": str(r.metadata.year) for i, r in
                    enumerate(reports)},
        )
    return years.pop()


def _layout_summary(report: Report) -> str:
    """The report's template, and the tables laid out otherwise (a mixed report)."""
    mixed = report.table_templates
    if not mixed:
        return report.template
    return f"{report.template} ({', '.join(f'{t} on {v}' for t, v in mixed.items())})"


def _target_template(reports: list[Report], template: str | None, do_harmonise: bool
                     ) -> TemplateSpec:
    layouts = {
        (i, table_id): table_layout(r, table_id)
        for i, r in enumerate(reports)
        for table_id in TABLE_IDS
    }
    versions = {r.template for r in reports} | set(layouts.values())
    if template is not None:
        target = get_template(template)
    elif len(versions) == 1:
        target = get_template(versions.pop())
    elif do_harmonise:
        target = TEMPLATES.newest
    else:
        target = get_template(reports[0].template)
    off = {
        (i, t): v
        for (i, t), v in layouts.items()
        if reports[i].table(t).spec is not target.table(t)
    }
    if off and not do_harmonise:
        raise TemplateMismatchError(
            f"reports laid out on different templates; pass harmonise=True to carry them over "
            f"to {target.version} (see docs/harmonisation.md)",
            field="template",
            values={
                f"#{i} {r.metadata.agency}": _layout_summary(r) for i, r in enumerate(reports)
            },
        )
    return target


def sum_reports(
    reports: Iterable[Report],
    *,
    blank_as_zero: bool = False,
    template: str | None = None,
    harmonise: bool = False,
    approximate: bool = False,
    agency: str | None = None,
    year: int | None = None,
    **metadata: Any,
) -> RollupResult:
    """The reports' tables (and section-六 fee figures) summed cell by cell, with coverage.

    ``blank_as_zero``: a blank cell counts as 0 instead of making the sum blank (coverage still
    lists it). ``template``: the layout of the result (default: the reports' common template; the
    newest template when they differ and are harmonised). ``harmonise``: carry reports on another
    template over first (cells with no counterpart count as missing); without it, mixed templates
    raise :class:`~gi_report.errors.TemplateMismatchError`. ``agency``/``year`` name the parent
    (default: "合计（N个单位）" and the reports' common year; different years raise
    :class:`~gi_report.errors.IncompatibleReportsError` unless ``year`` is given). Other keyword
    arguments go to :class:`~gi_report.model.Metadata` (``division_code``, ``agency_level``…).
    """
    children_reports = list(reports)
    if not children_reports:
        raise IncompatibleReportsError("nothing to sum", field="reports", values={})
    target = _target_template(children_reports, template, harmonise)
    if year is None:
        year = _common_year(children_reports)
    accumulators: dict[str, dict[tuple[str, str], _Accumulator]] = {
        t: {(r.id, c.id): _Accumulator(c.kind) for r, c in target.table(t).cells()}
        for t in TABLE_IDS
    }
    fee_kinds = {f.id: f.kind for f in target.fee_fields}
    fees = {f: _Accumulator(fee_kinds[f]) for f in FEE_FIELDS}
    children: list[Child] = []
    for index, report in enumerate(children_reports):
        unmapped_cells: set[tuple[str, str, str]] = set()
        harmonised = any(report.table(t).spec is not target.table(t) for t in TABLE_IDS)
        if harmonised:
            result = _harmonise(report, to=target.version, approximate=approximate)
            unmapped_cells = {
                (u.cell.table, u.cell.row, u.cell.column) for u in result.unfilled
            }
            report = result.report
        children.append(
            Child(
                index=index,
                agency=report.metadata.agency,
                year=report.metadata.year,
                template=children_reports[index].template,
                harmonised=harmonised,
                source=report.metadata.source,
            )
        )
        for table_id in TABLE_IDS:
            table_acc = accumulators[table_id]
            for row_id, column_id, value in report.table(table_id).cells():
                table_acc[row_id, column_id].add(
                    index, value, unmapped=(table_id, row_id, column_id) in unmapped_cells
                )
        for field in FEE_FIELDS:
            fees[field].add(index, getattr(report.other_matters, field), unmapped=False)
    return _finish(
        target, accumulators, fees, children, blank_as_zero=blank_as_zero,
        agency=agency or f"合计（{len(children)}个单位）", year=year, metadata=metadata,
    )


def _value(acc: _Accumulator, blank_as_zero: bool) -> tuple[CellValue, str | None]:
    """The summed value of a cell and, if it could not be summed, why."""
    if acc.kind is CellKind.TEXT:
        if len(acc.text) > 1:
            return None, f"the reports state different values: {', '.join(sorted(acc.text))}"
        if (acc.blank or acc.unmapped) and not blank_as_zero:
            return None, None
        return (next(iter(acc.text)) if acc.text else None), None
    if (acc.blank or acc.unmapped) and not blank_as_zero:
        return None, None
    return acc.sum, None


def _finish(
    target: TemplateSpec,
    accumulators: dict[str, dict[tuple[str, str], _Accumulator]],
    fees: dict[str, _Accumulator],
    children: list[Child],
    *,
    blank_as_zero: bool,
    agency: str,
    year: int,
    metadata: dict[str, Any],
) -> RollupResult:
    blank: dict[str, tuple[int, ...]] = {}
    unmapped: dict[str, tuple[int, ...]] = {}
    conflicts: dict[str, str] = {}
    tables: dict[str, Table] = {}

    def note(pointer: str, acc: _Accumulator, conflict: str | None) -> None:
        if acc.blank:
            blank[pointer] = tuple(acc.blank)
        if acc.unmapped:
            unmapped[pointer] = tuple(acc.unmapped)
        if conflict:
            conflicts[pointer] = conflict

    for table_id, table_acc in accumulators.items():
        spec = target.table(table_id)
        cells: dict[str, dict[str, CellValue]] = {r.id: {} for r in spec.rows}
        for (row_id, column_id), acc in table_acc.items():
            value, conflict = _value(acc, blank_as_zero)
            cells[row_id][column_id] = value
            note(f"/{table_id}/{row_id}/{column_id}", acc, conflict)
        tables[table_id] = Table.from_mapping(spec, cells)
    # Units of summed amounts must agree: an amount whose unit differs is not summed.
    _drop_amounts_with_unit_conflicts(tables, conflicts)
    fee_values: dict[str, Any] = {}
    for field, acc in fees.items():
        value, conflict = _value(acc, blank_as_zero)
        fee_values[field] = value
        note(f"/other_matters/{field}", acc, conflict)
    report = Report(
        template=target.version,
        metadata=Metadata(agency=agency, year=year, **metadata),
        other_matters=OtherMatters(**fee_values),
        proactive=tables["proactive"],
        applications=tables["applications"],
        review_litigation=tables["review_litigation"],
    )
    coverage = Coverage(
        children=tuple(children),
        blank_as_zero=blank_as_zero,
        blank=blank,
        unmapped=unmapped,
        conflicts=conflicts,
        cell_count=sum(t.spec.cell_count for t in tables.values()) + len(fees),
    )
    return RollupResult(report=report, coverage=coverage)


def _drop_amounts_with_unit_conflicts(tables: dict[str, Table], conflicts: dict[str, str]
                                      ) -> None:
    """Blank an amount whose row's unit cell could not be summed (units differ)."""
    for table_id, table in list(tables.items()):
        spec = table.spec
        for row in spec.rows:
            unit_columns = [c for c in row.columns if spec.column(c).kind is CellKind.TEXT]
            if not any(f"/{table_id}/{row.id}/{c}" in conflicts for c in unit_columns):
                continue
            for column_id in row.columns:
                if spec.column(column_id).kind is CellKind.AMOUNT:
                    table = table.with_cell(row.id, column_id, None)
                    conflicts[f"/{table_id}/{row.id}/{column_id}"] = (
                        "the amounts are stated in different units"
                    )
        tables[table_id] = table
