"""The vocabulary that import notices and validation findings share: severity, location, base.

Defined here, beside :mod:`gi_report.errors` at the bottom of the house, so that the importers
(:class:`~gi_report.importers.result.Notice`) and the validators
(:class:`~gi_report.validation.Finding`) speak one language and neither imports the other.
"""

from __future__ import annotations

import enum

import attrs

from gi_report.errors import UnknownSeverityError


class Severity(enum.StrEnum):
    """How much a notice or a finding matters; a ``str``, so ``severity == "error"`` holds.

    ``error``: a hard rule of the form is broken, or something the form asks for could not be
    read (the cell is blank in the report); ``warning``: a value was inferred or a soft rule is
    broken, check it; ``info``: nothing lost, said for the record.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """2 for error, 1 for warning, 0 for info: compare with ``>=`` for ``--fail-on``."""
        return _RANKS[self]

    @classmethod
    def parse(cls, text: str | Severity) -> Severity:
        """The severity named ``text`` (``error``, ``warning`` or ``info``).

        Raises :class:`~gi_report.errors.UnknownSeverityError` (a ``ValueError``) for any other.
        """
        try:
            return cls(text)
        except ValueError:
            raise UnknownSeverityError(text, [s.value for s in cls]) from None


_RANKS = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}


@attrs.frozen(kw_only=True)
class Location:
    """Where something is in the source document (every part optional, 1-based where human)."""

    file: str | None = None
    page: int | None = None  #: 1-based page (PDF, DOCX when known)
    line: int | None = None  #: 1-based line of the source text (HTML, text, Markdown)
    table: int | None = None  #: 0-based index of the table block in the document
    row: int | None = None  #: 0-based row of the expanded grid
    column: int | None = None  #: 0-based column of the expanded grid
    offset: int | None = None  #: 0-based character offset in the line (one-line crawl dumps)

    def __str__(self) -> str:
        parts = [
            f"{name} {value}"
            for name, value in (
                ("page", self.page),
                ("line", self.line),
                ("table", self.table),
                ("row", self.row),
                ("column", self.column),
                ("char", self.offset),
            )
            if value is not None
        ]
        where = ", ".join(parts)
        if self.file:
            return f"{self.file}: {where}" if where else self.file
        return where or "(unknown location)"

    def to_dict(self) -> dict[str, str | int]:
        """The parts that are known, as JSON-ready data."""
        return {k: v for k, v in attrs.asdict(self).items() if v is not None}


@attrs.frozen(kw_only=True)
class Remark:
    """What every notice and finding has: a stable namespaced ``code`` and a :class:`Severity`.

    :class:`~gi_report.importers.result.Notice` (how a document was read) and
    :class:`~gi_report.validation.Finding` (what a rule found) both derive from it, so a program
    can filter, count and rank the two together.
    """

    code: str  #: stable namespaced code, e.g. ``split.unique`` or ``gi.sum.R3``
    severity: Severity

    def at_least(self, floor: Severity | str) -> bool:
        """Whether this remark's severity is ``floor`` or more serious."""
        return self.severity.rank >= Severity.parse(floor).rank
