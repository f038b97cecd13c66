"""Synthetic reports: random but well-formed, for tests, benchmarks and demonstrations.

``random_report(rng)`` draws a report whose tables satisfy every arithmetic relation of the form
(when ``consistent``), with optional blank cells. The relations are not written here: they are
solved from the form's declarations, so a new template's reports come out consistent too.
Deterministic for a seeded ``random.Random``.
"""

from __future__ import annotations

import random
from decimal import Decimal

import attrs

from gi_report.form import TABLE_IDS, get_template, newest_template
from gi_report.form.spec import CellKind, CellRef, Relation, TableSpec, TemplateSpec
from gi_report.model import Metadata, Narrative, OtherMatters, Overview, Report, Subsection
from gi_report.table import CellValue, Table


def _random_cell(rng: random.Random, kind: CellKind, scale: int) -> CellValue:
    if kind is CellKind.COUNT:
        return rng.randint(0, scale)
    if kind is CellKind.SIGNED_COUNT:
        return rng.randint(-scale, scale)
    if kind is CellKind.AMOUNT:
        return Decimal(rng.randint(0, scale * 10_000)).scaleb(-rng.randint(0, 4))
    return rng.choice(("元", "万元"))


_Cell = tuple[str, str]  # (row id, column id)


def _key(ref: CellRef) -> _Cell:
    return (ref.row, ref.column)


def _column_tops(rng: random.Random, spec: TableSpec, scale: int) -> dict[str, int]:
    """The size of each column's counts: the first column large, the others often small."""
    return {
        c.id: scale if i == 0 else rng.choice((0, 0, scale // 10 + 1))
        for i, c in enumerate(spec.columns)
    }


def _free_value(rng: random.Random, kind: CellKind, top: int, scale: int) -> CellValue:
    if kind is CellKind.COUNT:  # counts of a form are often 0
        return rng.randint(0, top // 4 + 1) if rng.random() < 0.5 else 0
    return _random_cell(rng, kind, scale)


def _consistent_table(rng: random.Random, spec: TableSpec, scale: int) -> Table:
    """A table whose cells satisfy every relation the form declares on it (R1–R6 today).

    Each relation ``sum(left) == sum(right)`` derives its first left cell (the total, or a
    balance's first item); the other cells of that side are drawn only once the right side is
    known, at most what it leaves, so that the derived cell is never negative; every other cell
    is drawn at random. The relations are then solved by propagation and checked.
    """
    relations = spec.relations
    derived = {_key(rel.left[0]) for rel in relations}
    deferred = {_key(c) for rel in relations for c in rel.left[1:]} - derived
    tops = _column_tops(rng, spec, scale)
    values: dict[_Cell, int | Decimal | str] = {}
    for row, column in spec.cells():
        if (row.id, column.id) not in derived | deferred:
            value = _free_value(rng, column.kind, tops[column.id], scale)
            assert value is not None
            values[row.id, column.id] = value
    pending = list(relations)
    while pending:
        progress = False
        for rel in list(pending):
            outcome = _solve_step(rng, rel, values, deferred)
            if outcome == "solved":
                pending.remove(rel)
            progress = progress or outcome != "waiting"
        if not progress:
            raise ValueError(f"the relations of table {spec.id} cannot be solved in order")
    _check_relations(spec, values)
    return Table.from_mapping(spec, {
        row.id: {c: values[row.id, c] for c in row.columns} for row in spec.rows
    })


def _solve_step(rng: random.Random, rel: Relation, values: dict[_Cell, int | Decimal | str],
                deferred: set[_Cell]) -> str:
    """One step on one relation: ``"solved"`` (all its cells known), ``"progress"`` (one cell
    derived or drawn within what the right side leaves) or ``"waiting"`` (the right side is not
    known yet, or more than one cell is missing)."""
    unknown = [_key(c) for c in rel.cells if _key(c) not in values]
    right = [values.get(_key(c)) for c in rel.right]
    if not unknown:
        return "solved"
    if None in right:
        return "waiting"
    if unknown == [_key(rel.left[0])]:
        others = sum(int(values[_key(c)]) for c in rel.left[1:])
        values[unknown[0]] = sum(int(v or 0) for v in right) - others
        return "progress"
    if set(unknown) - {_key(rel.left[0])} <= deferred:
        _draw_deferred(rng, rel, values, next(c for c in unknown if c in deferred))
        return "progress"
    return "waiting"


def _draw_deferred(rng: random.Random, rel: Relation, values: dict[_Cell, int | Decimal | str],
                   cell: _Cell) -> None:
    """Draw a deferred item of ``rel``'s left side, at most what the right side leaves."""
    right = sum(int(values[_key(c)] or 0) for c in rel.right)
    room = right - sum(int(values[_key(c)]) for c in rel.left[1:] if _key(c) in values)
    values[cell] = rng.randint(0, max(0, room))


def _check_relations(spec: TableSpec, values: dict[_Cell, int | Decimal | str]) -> None:
    """Every relation of ``spec`` holds on ``values`` with non-negative sides."""
    for rel in spec.relations:
        left = sum(int(values[_key(c)]) for c in rel.left)
        if left != sum(int(values[_key(c)]) for c in rel.right) or left < 0:
            raise ValueError(f"table {spec.id}: relation {rel.rule} does not hold")


def _break_one_relation(rng: random.Random, tables: dict[str, Table]) -> dict[str, Table]:
    """The tables with one cell that takes part in a relation raised, so a rule fails."""
    table_id = rng.choice([t for t, table in tables.items() if table.spec.relations])
    table = tables[table_id]
    cell = rng.choice(rng.choice(table.spec.relations).cells)
    old = table[cell.row, cell.column]
    return {**tables, table_id: table.with_cell(
        cell.row, cell.column, int(old or 0) + rng.randint(1, 9))}


def _blank_some(rng: random.Random, table: Table, rate: float) -> Table:
    if rate <= 0:
        return table
    values = tuple(
        tuple(None if rng.random() < rate else v for v in row) for row in table.values
    )
    return attrs.evolve(table, values=values)


def _overview(spec: TemplateSpec) -> Overview:
    """Section 一 with one sub-section per topic the template asks for (labels from the form)."""
    numerals = "一二三四五六七八九十"
    subsections: tuple[Subsection, ...] = tuple(
        Subsection(heading=f"（{numerals[i]}）{topic.label}", text=f"{topic.label}工作有序开展。")
        for i, topic in enumerate(spec.overview_topics)
    )
    return Overview(
        heading=spec.section("overview").heading,
        text="本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。",
        subsections=subsections,
    )


def random_report(
    rng: random.Random | None = None,
    *,
    template: str | None = None,
    consistent: bool = True,
    blank_rate: float = 0.0,
    scale: int = 200,
    agency: str | None = None,
    year: int | None = None,
) -> Report:
    """A random report of ``template`` (default: the newest template).

    ``consistent``: every arithmetic relation the form declares holds (with ``blank_rate`` 0);
    ``False``: one cell that takes part in a relation is raised, so its rules fail.
    ``blank_rate``: the chance that any table cell is blank. ``scale``: the size of counts.
    """
    rng = rng or random.Random()
    spec = newest_template() if template is None else get_template(template)
    if year is None:
        year = rng.randint(spec.first_year, spec.last_year or spec.first_year + 5)
    agency = agency or f"测试{rng.randint(1, 9999)}局"
    tables = {t: _consistent_table(rng, spec.table(t), scale) for t in TABLE_IDS}
    if not consistent:
        tables = _break_one_relation(rng, tables)
    tables = {k: _blank_some(rng, t, blank_rate) for k, t in tables.items()}
    notices = rng.randint(0, 5)
    return Report(
        proactive=tables["proactive"],
        applications=tables["applications"],
        review_litigation=tables["review_litigation"],
        template=spec.version,
        metadata=Metadata(agency=agency, year=year),
        preamble="依据《中华人民共和国政府信息公开条例》第五十条规定，形成本报告。",
        overview=_overview(spec),
        problems=Narrative(heading=spec.section("problems").heading, text="一是……二是……"),
        other_matters=OtherMatters(
            heading=spec.section("other_matters").heading,
            text=f"发出收费通知{notices}件。",
            processing_fee_notices_count=notices,
            processing_fee_notices_amount_yuan=Decimal(100 * notices),
            processing_fee_collected_amount_yuan=Decimal(100 * notices),
        ),
    )
