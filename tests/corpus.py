"""Reports built from the hand-verified cell values of the real corpus (shared by all tests).

``tests/data/corpus/expected/<name>.json`` holds every table cell of one real report, transcribed
by hand (blank is ``null``; amounts are decimal strings). ``corpus_report(name)`` is a
:class:`~gi_report.Report` holding exactly those stated cells.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gi_report import Metadata, Report
from gi_report.codec.json import table_from_dict
from gi_report.form import TABLE_IDS, get_template

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
"""The project's copy of the real corpus."""
EXPECTED = CORPUS / "expected"


def names() -> list[str]:
    """The corpus reports' names (expected-file stems), oldest first."""
    return sorted(p.stem for p in EXPECTED.glob("*.json"))


def expected(name: str) -> dict[str, Any]:
    """The expected values of a corpus document, e.g. ``expected("2019-shanghai-gov-office")``."""
    data: dict[str, Any] = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
    return data


def corpus_report(name: str, **parts: Any) -> Report:
    """A report holding exactly the stated cells of a corpus document (narrative from ``parts``)."""
    data = expected(name)
    template = get_template(data["template"])
    tables = {t: table_from_dict(template.table(t), data[t]) for t in TABLE_IDS}
    return Report(
        template=template.version,
        metadata=Metadata(agency=data["agency"], year=data["year"], source=data["file"]),
        **tables,
        **parts,
    )
