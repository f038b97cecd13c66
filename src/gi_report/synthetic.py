"""Synthetic reports: random but well-formed, for tests, benchmarks and demonstrations.

``random_report(rng)`` draws a report whose tables satisfy every arithmetic relation of the form
(when ``consistent``), with optional blank cells. Deterministic for a seeded ``random.Random``.
"""

from __future__ import annotations

import random
from decimal import Decimal

import attrs

from gi_report.form import get_template
from gi_report.form.spec import CellKind, TableSpec, TemplateSpec
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


def _proactive(rng: random.Random, spec: TableSpec, scale: int) -> Table:
    return Table.from_mapping(
        spec,
        {
            row.id: {c: _random_cell(rng, spec.column(c).kind, scale) for c in row.columns}
            for row in spec.rows
        },
    )


def _applications(rng: random.Random, spec: TableSpec, scale: int) -> Table:
    applicants = [c.id for c in spec.columns if c.id != "total"]
    outcome_rows = [
        r.id for r in spec.rows
        if r.id not in ("new_this_year", "carried_from_last_year", "results_total",
                        "carried_to_next_year")
    ]
    cells: dict[str, dict[str, CellValue]] = {r.id: {} for r in spec.rows}
    for column in applicants:
        # Most applicants are natural persons; the others are often 0.
        top = scale if column == "natural_person" else rng.choice((0, 0, scale // 10 + 1))
        outcomes = {r: rng.randint(0, top // 4 + 1) if rng.random() < 0.5 else 0
                    for r in outcome_rows}
        handled = sum(outcomes.values())
        carried_to_next = rng.randint(0, top // 10 + 1)
        carried_from_last = rng.randint(0, handled + carried_to_next)
        new = handled + carried_to_next - carried_from_last
        for r, v in outcomes.items():
            cells[r][column] = v
        cells["results_total"][column] = handled
        cells["carried_to_next_year"][column] = carried_to_next
        cells["carried_from_last_year"][column] = carried_from_last
        cells["new_this_year"][column] = new
    for row in cells.values():
        row["total"] = sum(int(row[c] or 0) for c in applicants)
    return Table.from_mapping(spec, cells)


def _review(rng: random.Random, spec: TableSpec, scale: int) -> Table:
    cells: dict[str, dict[str, CellValue]] = {}
    for row in spec.rows:
        parts = {c: rng.randint(0, max(1, scale // 20)) for c in ("upheld", "corrected", "other",
                                                                  "pending")}
        cells[row.id] = {**parts, "total": sum(parts.values())}
    return Table.from_mapping(spec, cells)


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
    template: str = "2021",
    consistent: bool = True,
    blank_rate: float = 0.0,
    scale: int = 200,
    agency: str | None = None,
    year: int | None = None,
) -> Report:
    """A random report of ``template``.

    ``consistent``: every arithmetic relation of sections 三 and 四 holds (with ``blank_rate``
    0). ``blank_rate``: the chance that any table cell is blank. ``scale``: the size of counts.
    """
    rng = rng or random.Random()
    spec = get_template(template)
    if year is None:
        year = rng.randint(spec.first_year, spec.last_year or spec.first_year + 5)
    agency = agency or f"测试{rng.randint(1, 9999)}局"
    tables = {
        "proactive": _proactive(rng, spec.table("proactive"), scale),
        "applications": _applications(rng, spec.table("applications"), scale),
        "review_litigation": _review(rng, spec.table("review_litigation"), scale),
    }
    if not consistent:
        table = tables["applications"]
        row = rng.choice(table.spec.rows)
        column = rng.choice(row.columns)
        old = table[row.id, column]
        tables["applications"] = table.with_cell(row.id, column, int(old or 0) + rng.randint(1, 9))
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
