"""What an import returns: the Report as stated, and a located notice for everything not plain.

Every value an importer inferred, matched loosely, split, left blank or could not read is named in
a :class:`Notice` with its place in the source and the JSON Pointers of the cells it concerns.
Notices of level ``warning`` and ``error`` are also emitted as Python warnings of class
:class:`~gi_report.errors.ReportImportWarning`, which a caller can escalate to exceptions.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

import attrs

from gi_report.errors import ReportImportWarning
from gi_report.exact import plain
from gi_report.findings import Location, Remark, Severity
from gi_report.model import Report
from gi_report.table import CellValue

Level = Severity
"""How much a notice matters: the same type as the validators' :class:`Severity`.

``info``: nothing lost (what was detected or tidied: kind, encoding, furniture); ``warning``: a
value was inferred or matched loosely, check it; ``error``: something the form asks for could not
be read, it is blank in the report. The name ``Level`` is kept for existing code.
"""


@attrs.frozen(kw_only=True)
class NoticeCode:
    """One kind of notice: its stable code, its level and what it means (for the docs)."""

    code: str
    level: Level
    meaning: str


_CODES = (
    NoticeCode(code="import.kind", level=Level.INFO,
               meaning="The document kind (html, text, markdown, docx, pdf) and how it was "
               "told: given by the caller, from the content, or from the file name."),
    NoticeCode(code="import.encoding", level=Level.INFO,
               meaning="The text encoding detected (UTF-8 with or without BOM, GB18030/GBK, or "
               "the one an HTML <meta charset> declares)."),
    NoticeCode(code="import.encoding_replaced", level=Level.WARNING,
               meaning="Some bytes were not valid in the detected encoding and were replaced "
               "by U+FFFD."),
    NoticeCode(code="template.detected", level=Level.INFO,
               meaning="The template version of a table, told from the labels it prints "
               "(the column wording of section 二, the rows of section 三)."),
    NoticeCode(code="template.mixed", level=Level.WARNING,
               meaning="A table follows another template version than the report's: it is "
               "held as stated, with that version's layout."),
    NoticeCode(code="template.year_mismatch", level=Level.WARNING,
               meaning="The report's layout is not the template in force for its report year."),
    NoticeCode(code="label.alias", level=Level.INFO,
               meaning="A label printed in a known variant spelling (e.g. （二）部分公开 for the "
               "full label), matched to the official label."),
    NoticeCode(code="label.fuzzy", level=Level.WARNING,
               meaning="A label that matches no official label or known variant exactly, "
               "matched to the nearest one (e.g. the OCR typo 属于三类内容事务信息)."),
    NoticeCode(code="label.by_position", level=Level.WARNING,
               meaning="A row whose label matches nothing, taken as the one form row missing "
               "between its recognised neighbours."),
    NoticeCode(code="label.unmatched", level=Level.ERROR,
               meaning="A row with values whose label matches no row of the form: its values "
               "are not used."),
    NoticeCode(code="row.unlabelled", level=Level.WARNING,
               meaning="A table row with values but no label and nothing around it naming the "
               "row: its values are not used."),
    NoticeCode(code="row.duplicate", level=Level.WARNING,
               meaning="A form row printed twice: the first occurrence is used."),
    NoticeCode(code="row.missing", level=Level.ERROR,
               meaning="A row of the form not found in the document: its cells are blank."),
    NoticeCode(code="column.missing", level=Level.ERROR,
               meaning="Cells of a row that the document does not print (a column left out): "
               "they are blank."),
    NoticeCode(code="row.cell_count", level=Level.ERROR,
               meaning="A row with more or fewer values than the form's columns that could not "
               "be aligned by its header: its cells are blank."),
    NoticeCode(code="header.by_position", level=Level.INFO,
               meaning="Column headers not recognised (e.g. 数据1…数据6, or another table's "
               "header): the values were read in the form's column order. A table with no "
               "column header at all is read the same way, as a warning."),
    NoticeCode(code="header.aligned", level=Level.INFO,
               meaning="A row with more or fewer cells than the form's columns, or with its "
               "columns in another order (the total column first), read by lining its cells up "
               "with the column headers above them."),
    NoticeCode(code="cell.blank", level=Level.INFO,
               meaning="Cells printed empty: kept blank (null), never read as 0."),
    NoticeCode(code="cell.dash", level=Level.INFO,
               meaning="Cells printed as a dash or 无 (—, -, －, /, 无): read as blank (null), "
               "not as 0."),
    NoticeCode(code="cell.unreadable", level=Level.ERROR,
               meaning="A cell whose text is not a number of the kind the form asks for: it is "
               "blank in the report."),
    NoticeCode(code="cell.unit", level=Level.INFO,
               meaning="An amount printed with its unit (e.g. 251000元): amount and unit kept "
               "apart."),
    NoticeCode(code="split.unique", level=Level.WARNING,
               meaning="Numbers printed run together (e.g. 640020470) split in the only way "
               "that satisfies the form's arithmetic."),
    NoticeCode(code="split.ambiguous", level=Level.ERROR,
               meaning="Run-together numbers that split in several ways satisfying the form's "
               "arithmetic: the cells the splits disagree on are left blank; the candidates are "
               "listed."),
    NoticeCode(code="split.inconsistent", level=Level.ERROR,
               meaning="Run-together numbers with no split satisfying every relation of the "
               "table (the document itself may be inconsistent): split by their own row alone "
               "where that is unique and no reading with one cell lost whole breaks fewer of "
               "the table's relations, else left blank (every cell of the run) with the "
               "candidates."),
    NoticeCode(code="split.too_complex", level=Level.ERROR,
               meaning="Run-together numbers with too many possible splits to search within "
               "the time bound: left blank."),
    NoticeCode(code="split.too_long", level=Level.ERROR,
               meaning="Run-together numbers longer than their cells can hold (15 digits a "
               "count) or than 1,000 characters: not searched, left blank."),
    NoticeCode(code="table.missing", level=Level.ERROR,
               meaning="A fixed table of the form not found: all its cells are blank."),
    NoticeCode(code="table.moved", level=Level.INFO,
               meaning="A table found outside the section it belongs to (its heading lost or "
               "misplaced), read as that section's table because of the labels it carries."),
    NoticeCode(code="table.layout_undecided", level=Level.ERROR,
               meaning="A table whose numbers fit the layouts of both template versions, with "
               "no row label or column header that only one of them has: read in neither, all "
               "its cells are blank."),
    NoticeCode(code="table.ignored", level=Level.INFO,
               meaning="A table that is not one of the form's (e.g. a page's metadata table, "
               "an empty header fragment): not used."),
    NoticeCode(code="section.missing", level=Level.ERROR,
               meaning="One of the six numbered sections whose heading was not found."),
    NoticeCode(code="section.fuzzy", level=Level.WARNING,
               meaning="A section heading matched to the official title loosely."),
    NoticeCode(code="furniture.removed", level=Level.INFO,
               meaning="Page furniture left out of the report: breadcrumbs, share bars, page "
               "numbers, 附件下载, a crawler's or a site's metadata lines."),
    NoticeCode(code="metadata.found", level=Level.INFO,
               meaning="Agency, report year, publication date or source URL, and where they "
               "were read."),
    NoticeCode(code="metadata.guessed", level=Level.WARNING,
               meaning="Agency, report year or publication date not stated where expected "
               "(title, 发布日期 line) and taken from elsewhere in the text."),
    NoticeCode(code="metadata.missing", level=Level.ERROR,
               meaning="The agency name could not be found: it is empty in the report."),
    NoticeCode(code="fee.extracted", level=Level.WARNING,
               meaning="信息处理费 figures read from the prose of section 六 into the structured "
               "fields (e.g. “…均为0” → 0, 0, 0)."),
    NoticeCode(code="section.extra", level=Level.WARNING,
               meaning="A numbered section of the report's own, not one of the form's (e.g. "
               "五、信息处理费收取情况 with its small table): kept as text, its numbers are not "
               "read into the form's tables."),
    NoticeCode(code="split.by_text", level=Level.WARNING,
               meaning="Run-together numbers with several consistent splits, settled by the "
               "report's own sentence stating one of the numbers (quoted)."),
    NoticeCode(code="split.against_text", level=Level.ERROR,
               meaning="Run-together numbers of a row no relation checks whose only split "
               "contradicts a number the report's own sentence states for one of its cells "
               "(quoted): a dump that dropped a blank cell prints the same digits, so the cells "
               "are left blank, never read against the text."),
    NoticeCode(code="cell.two_numbers", level=Level.ERROR,
               meaning="A cell holding two numbers (e.g. 93 3, a lost cell border): left "
               "blank, its digits never joined."),
    NoticeCode(code="split.dropped", level=Level.ERROR,
               meaning="Run-together numbers in a document known to drop blank cells (a row "
               "printed with fewer digits than cells): the split that would hold if nothing "
               "were dropped is listed, the cells are left blank."),
    NoticeCode(code="header.reordered", level=Level.WARNING,
               meaning="A row whose cells are printed in another column order than the form's "
               "(the total column first, two applicant columns swapped): read by the column "
               "headers above it, not by position."),
    NoticeCode(code="header.unordered", level=Level.ERROR,
               meaning="A header that names the columns in another order than the form's, "
               "printed without its merged cells' spans (a text dump), so that the position of "
               "some columns cannot be established: those cells are blank, never read by "
               "position."),
    NoticeCode(code="header.same_value", level=Level.WARNING,
               meaning="A column whose position a header printed without its merged cells' "
               "spans leaves open, read because every column order its labels allow gives it "
               "the same value (the same number printed at each position it may stand at)."),
    NoticeCode(code="cell.merged_rows", level=Level.ERROR,
               meaning="A value cell merged over several rows of the form (HTML rowspan, a "
               "Word vertical merge, a PDF cell across ruled rows) printing a number other "
               "than 0: whether it is each row's value or their sum is not said, so every row "
               "it covers is blank."),
    NoticeCode(code="cell.merged_zero", level=Level.WARNING,
               meaning="A value cell merged over several rows of the form printing 0, in "
               "columns that cannot be negative: each row is 0 whether the 0 is each row's or "
               "their sum, so 0 is read for each."),
    NoticeCode(code="row.detached", level=Level.WARNING,
               meaning="A row printed without its label, taken as a form row by the order of "
               "the rows and checked by the form's arithmetic."),
    NoticeCode(code="row.gap", level=Level.WARNING,
               meaning="A row printing fewer cells than the form's (a cell lost): the form's "
               "arithmetic settles which cell is missing, the printed values are read into the "
               "others; the missing cell is blank."),
    NoticeCode(code="table.layout_by_rows", level=Level.WARNING,
               meaning="A table whose labels name no row or column only one template version "
               "has, read in the one layout whose rows it prints one for one (each row placed "
               "by position carrying that row's label with words added or dropped) and whose "
               "arithmetic holds; the other layout leaves rows missing or unmatched."),
)

NOTICE_CODES: dict[str, NoticeCode] = {c.code: c for c in _CODES}
"""Every notice code an importer emits, with its level and meaning."""

UNDETERMINED_CODES = frozenset(
    {"split.ambiguous", "split.inconsistent", "split.too_complex", "cell.unreadable",
     "row.missing", "row.cell_count", "table.missing", "column.missing", "cell.two_numbers",
     "split.dropped", "split.too_long", "header.unordered", "cell.merged_rows",
     "split.against_text"}
)
"""Codes whose cells are blank in the report because the document could not be read there."""

INFERRED_CODES = frozenset({"split.unique", "label.fuzzy", "label.by_position", "split.by_text",
                            "row.detached", "row.gap", "header.same_value", "cell.merged_zero"})
"""Codes whose cells hold a value the importer inferred rather than read plainly."""


def _jsonable(value: CellValue) -> Any:
    return plain(value) if isinstance(value, Decimal) else value


@attrs.frozen(kw_only=True)
class Notice(Remark):
    """One located remark about an import: what was done or could not be done, and where.

    ``code`` is one of :data:`NOTICE_CODES`; ``severity`` (also readable as ``level``, and
    passed as ``level=`` when building one) is how much it matters.
    """

    severity: Severity = attrs.field(alias="level")
    message: str  #: for a person: what was found, what was done, with the official labels
    location: Location = attrs.field(factory=Location)
    cells: tuple[str, ...] = ()  #: JSON Pointers of the cells concerned (``/applications/…``)
    candidates: tuple[tuple[CellValue, ...], ...] = ()  #: possible values, one tuple per option,
    #: aligned with ``cells``
    found: str | None = None  #: the text in the document the notice is about, verbatim

    @property
    def level(self) -> Severity:
        """Alias of :attr:`severity` (the importers' original word)."""
        return self.severity

    def __str__(self) -> str:
        return f"{self.severity.value}: {self.code}: {self.location}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        """The notice as JSON-ready data (``severity`` as in a finding; ``level``, the same, kept
        for existing readers)."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "level": self.severity.value,
            "message": self.message,
            "location": self.location.to_dict(),
            "cells": list(self.cells),
            "candidates": [[_jsonable(v) for v in c] for c in self.candidates],
            "found": self.found,
        }


def notice(
    code: str,
    message: str,
    *,
    location: Location | None = None,
    cells: Iterable[str] = (),
    candidates: Iterable[Iterable[CellValue]] = (),
    found: str | None = None,
    level: Level | None = None,
) -> Notice:
    """A notice of a catalogued code (its level from :data:`NOTICE_CODES` unless given)."""
    spec = NOTICE_CODES[code]
    return Notice(
        code=code,
        level=level or spec.level,
        message=message,
        location=location or Location(),
        cells=tuple(cells),
        candidates=tuple(tuple(c) for c in candidates),
        found=found,
    )


@attrs.frozen(kw_only=True)
class ImportResult:
    """A document imported: the report as stated and the notices about how it was read."""

    report: Report
    notices: tuple[Notice, ...]
    kind: str  #: ``html``, ``text``, ``markdown``, ``docx`` or ``pdf``
    source: str | None  #: the file path given, or ``None`` for bytes/text
    content_hash: str  #: ``sha256:<hex>`` of the bytes read (to see later changes, E8)
    encoding: str | None = None  #: the text encoding detected, for text kinds
    locations: Mapping[str, Location] = attrs.field(factory=dict)
    """Where each table cell was read: JSON Pointer → place in the document (for findings)."""

    def __iter__(self) -> Iterator[Any]:  # ``report, notices = read_document(...)``
        yield self.report
        yield self.notices

    def at_least(self, level: Level | str) -> tuple[Notice, ...]:
        """The notices of ``level`` or more serious."""
        floor = Severity.parse(level)
        return tuple(n for n in self.notices if n.at_least(floor))

    def with_code(self, code: str) -> tuple[Notice, ...]:
        """The notices of one code."""
        return tuple(n for n in self.notices if n.code == code)

    @property
    def undetermined_cells(self) -> tuple[str, ...]:
        """Pointers of cells left blank because the document could not be read there."""
        return _cells_of(self.notices, UNDETERMINED_CODES)

    @property
    def inferred_cells(self) -> tuple[str, ...]:
        """Pointers of cells whose value was inferred (split run-together numbers, loose labels)."""
        return _cells_of(self.notices, INFERRED_CODES)

    def to_dict(self) -> dict[str, Any]:
        """The import's provenance and notices as JSON-ready data (the report is separate)."""
        return {
            "kind": self.kind,
            "source": self.source,
            "content_hash": self.content_hash,
            "encoding": self.encoding,
            "notices": [n.to_dict() for n in self.notices],
        }


def _cells_of(notices: Iterable[Notice], codes: frozenset[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for n in notices:
        if n.code in codes:
            seen.update(dict.fromkeys(n.cells))
    return tuple(seen)


def emit_warnings(notices: Iterable[Notice], source: str | None, *, stacklevel: int = 3) -> None:
    """Emit each warning- or error-level notice as a :class:`ReportImportWarning`."""
    head = f"{source}: " if source else ""
    for n in notices:
        if n.severity is not Severity.INFO:
            warnings.warn(
                ReportImportWarning(f"{head}{n}", n), stacklevel=stacklevel
            )
