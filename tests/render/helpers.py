"""Shared by the renderer tests: corpus paths, mixed-layout reports and cell comparison."""

from __future__ import annotations

import random
from pathlib import Path

import attrs

from gi_report.model import Report
from gi_report.synthetic import random_report
from gi_report.table import CellValue

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
WILD = CORPUS / "wild"
BLANK_TEMPLATE = CORPUS / "template-2021-blank.docx"
WITH_ERRORS = WILD / "2021-pingtan-zrz.txt"
"""A real report whose section 三 breaks the form's sums (gi.sum.R1, gi.sum.R3)."""


def generated(seed: int, template: str, blank_rate: float, mixed: str | None = None) -> Report:
    """A random report; ``mixed`` names a table laid out per the other template."""
    report = random_report(random.Random(seed), template=template, blank_rate=blank_rate)
    if mixed is not None:
        other = "2019" if template == "2021" else "2021"
        donor = random_report(random.Random(seed + 1), template=other, blank_rate=blank_rate)
        report = attrs.evolve(report, **{mixed: donor.table(mixed)})
    return report


def cells(report: Report) -> dict[str, CellValue]:
    """Every table cell by JSON Pointer; a unit beside a blank amount cannot be printed."""
    out: dict[str, CellValue] = {}
    for table_id, table in report.tables.items():
        for row, column, value in table.cells():
            out[f"/{table_id}/{row}/{column}"] = value
    unit = "/proactive/centralized_procurement/unit"
    if unit in out and out["/proactive/centralized_procurement/total_amount"] is None:
        out[unit] = None
    return out


def differences(want: Report, got: Report) -> dict[str, tuple[CellValue, CellValue]]:
    """Cells whose value or type differ (0 is not Decimal 0, blank is not 0)."""
    a, b = cells(want), cells(got)
    return {p: (a[p], b.get(p)) for p in a
            if p not in b or (type(a[p]), a[p]) != (type(b[p]), b[p])}
