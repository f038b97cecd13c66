"""The hand-verified cell values of the corpus documents, and comparing a Report with them.

``tests/data/corpus/expected/<name>.json`` holds every table cell of one real report (blank is
``null``, amounts are decimal strings) in the canonical JSON paths. Importer tests of every
document kind use :func:`assert_matches_expected`::

    result = read_document(CORPUS / "2023-shuyang-drc.html")
    assert_matches_expected(result.report, "2023-shuyang-drc")

A document that genuinely cannot reach 100% (a run-together crawl dump whose digits split in
several ways) names the cells it leaves undetermined; those must be blank in the report and every
other cell must be equal.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from gi_report.form import TABLE_IDS, get_template
from gi_report.form.spec import CellKind, TableSpec
from gi_report.model import Report
from gi_report.table import CellValue

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
"""The project's copy of the real corpus (never ``/work/shared``)."""

EXPECTED_DIR = CORPUS / "expected"
WILD = CORPUS / "wild"
"""Eight more real reports (department and sub-zone crawl dumps), with ``wild/expected/``."""

CORPUS_FILES: dict[str, str] = {
    path.stem: json.loads(path.read_text(encoding="utf-8"))["file"]
    for path in sorted(EXPECTED_DIR.glob("*.json"))
}
"""Expected-file name (e.g. ``2019-pingtan``) → the corpus document it describes."""


@attrs.frozen
class Expected:
    """One expected file: identity, template and every table cell by JSON Pointer."""

    name: str
    file: str
    agency: str
    year: int
    template: str
    cells: dict[str, CellValue]  #: pointer (``/applications/granted/total``) → value
    uncertain: tuple[str, ...]
    notes: str
    root: Path = CORPUS  #: the folder holding the document and its ``expected/``

    @property
    def path(self) -> Path:
        """The corpus document these values were read from."""
        return self.root / self.file


@attrs.frozen
class Mismatch:
    """A cell whose imported value differs from the expected one."""

    pointer: str
    expected: CellValue
    got: CellValue

    def __str__(self) -> str:
        return f"{self.pointer}: expected {self.expected!r}, got {self.got!r}"


def _layout(table_id: str, rows: dict[str, Any], template: str) -> TableSpec:
    """The layout (2019 or 2021) whose rows the expected table lists."""
    for version in (template, "2021" if template == "2019" else "2019"):
        spec = get_template(version).table(table_id)
        if {r.id for r in spec.rows} == set(rows):
            return spec
    raise AssertionError(f"expected {table_id}: rows {sorted(rows)} fit no template layout")


def _value(kind: CellKind, raw: Any) -> CellValue:
    if raw is None:
        return None
    if kind is CellKind.AMOUNT:
        assert isinstance(raw, str), f"amount written as {raw!r}, not a decimal string"
        return Decimal(raw)
    return raw  # type: ignore[no-any-return]


def load_expected(name: str, *, root: Path = CORPUS) -> Expected:
    """The expected file ``<root>/expected/<name>.json`` (name without ``.json``); ``root`` is
    ``tests/data/corpus`` unless given (:data:`WILD` for the wild reports)."""
    data = json.loads((root / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    cells: dict[str, CellValue] = {}
    for table_id in TABLE_IDS:
        spec = _layout(table_id, data[table_id], data["template"])
        for row, column in spec.cells():
            raw = data[table_id][row.id][column.id]
            cells[f"/{table_id}/{row.id}/{column.id}"] = _value(column.kind, raw)
    return Expected(
        name=name,
        file=data["file"],
        agency=data["agency"],
        year=data["year"],
        template=data["template"],
        cells=cells,
        uncertain=tuple(data.get("uncertain", ())),
        notes=data.get("notes", ""),
        root=root,
    )


def report_cells(report: Report) -> Iterator[tuple[str, CellValue]]:
    """Every table cell of a report as ``(pointer, value)``."""
    for table_id, table in report.tables.items():
        for row_id, column_id, value in table.cells():
            yield f"/{table_id}/{row_id}/{column_id}", value


def _same(expected: CellValue, got: CellValue) -> bool:
    if expected is None or got is None:
        return expected is got
    if type(expected) is not type(got):  # 0 must not equal Decimal("0") or False
        return False
    return expected == got


def cell_mismatches(
    report: Report, expected: Expected | str, *, skip: Collection[str] = ()
) -> list[Mismatch]:
    """Every cell where ``report`` differs from the expected values (cells in ``skip`` left out).

    A cell the report has but the expected file does not (a different layout) is a mismatch too.
    """
    exp = load_expected(expected) if isinstance(expected, str) else expected
    got = dict(report_cells(report))
    out: list[Mismatch] = []
    for pointer in sorted(set(exp.cells) | set(got)):
        if pointer in skip:
            continue
        if pointer not in got or pointer not in exp.cells:
            out.append(Mismatch(pointer, exp.cells.get(pointer, "<no such cell>"),
                                got.get(pointer, "<no such cell>")))
        elif not _same(exp.cells[pointer], got[pointer]):
            out.append(Mismatch(pointer, exp.cells[pointer], got[pointer]))
    return out


def assert_matches_expected(
    report: Report, expected: Expected | str, *, undetermined: Collection[str] = ()
) -> None:
    """Assert agency, year, template and EVERY table cell equal the expected file.

    ``undetermined`` lists the pointers of cells the importer could not determine from the
    document: each must be blank (``None``) in the report; every other cell must be equal.
    """
    exp = load_expected(expected) if isinstance(expected, str) else expected
    assert report.metadata.agency == exp.agency, (report.metadata.agency, exp.agency)
    assert report.metadata.year == exp.year, (report.metadata.year, exp.year)
    assert report.template == exp.template, (report.template, exp.template)
    unknown = set(undetermined) - set(exp.cells)
    assert not unknown, f"undetermined cells that the expected file lacks: {sorted(unknown)}"
    mismatches = cell_mismatches(report, exp, skip=undetermined)
    assert not mismatches, (
        f"{len(mismatches)} cells differ from expected/{exp.name}.json:\n"
        + "\n".join(f"  {m}" for m in mismatches[:40])
    )
    got = dict(report_cells(report))
    guessed = [p for p in undetermined if got.get(p) is not None]
    assert not guessed, f"cells reported undetermined but given a value: {guessed}"


def assert_sections_present(report: Report) -> None:
    """Assert the six numbered sections were found (each has its heading as printed)."""
    headings = {
        "一": report.overview.heading,
        "二": report.table_sections.proactive.heading,
        "三": report.table_sections.applications.heading,
        "四": report.table_sections.review_litigation.heading,
        "五": report.problems.heading,
        "六": report.other_matters.heading,
    }
    missing = [number for number, heading in headings.items() if not heading]
    assert not missing, f"sections not found: {missing}"
    for number, heading in headings.items():
        assert heading is not None and number in heading, (number, heading)
