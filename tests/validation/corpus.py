"""Reports built from the hand-verified cell values of the real corpus (tests/data/corpus)."""

from __future__ import annotations

import html
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from gi_report import Metadata, Report, Table
from gi_report.form import TABLE_IDS, get_template
from gi_report.form.spec import CellKind, TableSpec

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
EXPECTED = CORPUS / "expected"


def expected(name: str) -> dict[str, Any]:
    """The expected cell values of a corpus document, e.g. ``2019-shanghai-gov-office``."""
    data: dict[str, Any] = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
    return data


def _table(spec: TableSpec, cells: dict[str, dict[str, Any]]) -> Table:
    rows = {
        row.id: {
            c: Decimal(cells[row.id][c])
            if spec.column(c).kind is CellKind.AMOUNT and cells[row.id][c] is not None
            else cells[row.id][c]
            for c in row.columns
        }
        for row in spec.rows
    }
    return Table.from_mapping(spec, rows)


def report_from_expected(name: str, **parts: Any) -> Report:
    """A Report holding exactly the stated cells of a corpus document (narrative from ``parts``)."""
    data = expected(name)
    template = get_template(data["template"])
    tables = {t: _table(template.table(t), data[t]) for t in TABLE_IDS}
    return Report(
        template=template.version,
        metadata=Metadata(agency=data["agency"], year=data["year"], source=data["file"]),
        **tables,
        **parts,
    )


def document_text(name: str) -> str:
    """The plain text of a corpus document (HTML tags removed, entities decoded)."""
    path = next(p for p in CORPUS.iterdir() if p.stem == name)
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        text = html.unescape(re.sub(r"<[^>]+>", "\n", text))
    return text


def sentence_with(name: str, words: str) -> str:
    """The sentence of a corpus document containing ``words`` (to quote real narrative)."""
    text = document_text(name)
    at = text.index(words)
    start = max(text.rfind(p, 0, at) for p in "。\n") + 1
    end = min(i for i in (text.find(p, at) for p in "。\n") if i != -1) + 1
    return text[start:end].strip()
