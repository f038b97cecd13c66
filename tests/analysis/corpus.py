"""Real reports for the analysis tests: built from the hand-verified cell values of the corpus."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from gi_report import Metadata, Report, Table, get_template
from gi_report.form import TABLE_IDS
from gi_report.form.spec import CellKind

EXPECTED = Path(__file__).resolve().parents[1] / "data" / "corpus" / "expected"


def names() -> list[str]:
    """The corpus reports' names (file stems), oldest first."""
    return sorted(p.stem for p in EXPECTED.glob("*.json"))


def corpus_report(name: str) -> Report:
    """The report ``name`` (e.g. ``2025-shuyang-county``) with its hand-verified table values."""
    data: dict[str, Any] = json.loads((EXPECTED / f"{name}.json").read_text("utf-8"))
    template = get_template(data["template"])
    tables = {}
    for table_id in TABLE_IDS:
        spec = template.table(table_id)
        cells = {
            row: {
                column: Decimal(value)
                if value is not None and spec.column(column).kind is CellKind.AMOUNT
                else value
                for column, value in row_cells.items()
            }
            for row, row_cells in data[table_id].items()
        }
        tables[table_id] = Table.from_mapping(spec, cells)
    return Report(
        template=template.version,
        metadata=Metadata(agency=data["agency"], year=data["year"], source=data["file"]),
        **tables,
    )
