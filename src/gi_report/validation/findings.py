"""What a check reports: one :class:`Finding` per failed or unevaluable rule instance.

A finding says which rule (a stable namespaced ``code``), how bad (``severity``), whether the rule
failed or could not be evaluated (``status``), where (JSON Pointers of every cell involved, plus
section/table/row/column ids), what the document states and what the other cells imply, and a
message in Chinese and in English written for the person who must fix the report.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

import attrs

from gi_report.exact import plain
from gi_report.findings import Location, Remark, Severity

__all__ = ["Finding", "Location", "Operand", "Severity", "Status", "Value", "as_value",
           "json_value", "location_dict"]

Value = int | Decimal | None
"""A stated or computed value in a finding: a count, an amount, or ``None`` (blank / unknown)."""


class Status(enum.StrEnum):
    """Whether the rule failed, or could not be evaluated (e.g. a cell it needs is blank).

    A ``str``, so ``status == "failed"`` holds.
    """

    FAILED = "failed"
    NOT_EVALUABLE = "not_evaluable"


@attrs.frozen(kw_only=True)
class Operand:
    """One value a rule used: the cell, its value, its weight in the sum, and its label."""

    pointer: str  #: JSON Pointer of the cell (in the report of ``year`` for cross-year rules)
    value: Value  #: the stated value; ``None`` if the cell is blank
    weight: int = 1  #: +1 or -1: the side of the relation the cell is on
    label: str = ""  #: the cell's official Chinese label, as ``row·column``
    year: int | None = None  #: for cross-year rules: the report year the cell belongs to

    def to_dict(self) -> dict[str, Any]:
        """The operand as JSON-ready data (amounts as decimal strings)."""
        out: dict[str, Any] = {
            "pointer": self.pointer,
            "value": json_value(self.value),
            "weight": self.weight,
            "label": self.label,
        }
        if self.year is not None:
            out["year"] = self.year
        return out


@attrs.frozen(kw_only=True)
class Finding(Remark):
    """One rule instance that failed or could not be evaluated, located and explained.

    ``code`` (the rule's stable code, e.g. ``gi.sum.R3``) and ``severity`` come from
    :class:`~gi_report.findings.Remark`, the base an import notice shares.
    ``pointer`` is the main location (the stated total, the blank cell, the narrative field);
    ``pointers`` lists every cell involved. ``stated`` is what the document says, ``computed``
    what the other cells imply (for a lower bound because of blank cells, see ``missing``).
    """

    status: Status = Status.FAILED
    pointer: str  #: JSON Pointer of the main location; ``""`` is the whole document
    pointers: tuple[str, ...] = ()  #: every location involved (cells, fields, text)
    section: str | None = None  #: section id, e.g. ``applications``
    table: str | None = None  #: table id for table cells
    row: str | None = None  #: row id of the main cell
    column: str | None = None  #: column id of the main cell
    stated: Value = None  #: the value the document states
    computed: Value = None  #: the value the other cells imply
    operands: tuple[Operand, ...] = ()  #: every value the rule used, with weights
    missing: tuple[str, ...] = ()  #: pointers of blank cells the rule needed
    quote: str | None = None  #: the sentence of the narrative a text rule compared
    subject: str | None = None  #: which report, for findings over several (``agency year``)
    source: Location | None = None  #: where in the source document (from an importer)
    message_zh: str  #: the message in Chinese, with the form's official labels
    message_en: str  #: the same message in English

    @property
    def message(self) -> str:
        """The Chinese message (the language of the reports)."""
        return self.message_zh

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data (enums as strings, amounts as decimal strings)."""
        out: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity.value,
            "status": self.status.value,
            "pointer": self.pointer,
            "pointers": list(self.pointers),
            "section": self.section,
            "table": self.table,
            "row": self.row,
            "column": self.column,
            "stated": json_value(self.stated),
            "computed": json_value(self.computed),
            "operands": [o.to_dict() for o in self.operands],
            "missing": list(self.missing),
            "quote": self.quote,
            "subject": self.subject,
            "source": location_dict(self.source),
            "message_zh": self.message_zh,
            "message_en": self.message_en,
        }
        return out

    def flat(self) -> dict[str, Any]:
        """One flat row (scalars only) for a dataframe."""
        return {
            "subject": self.subject,
            "code": self.code,
            "severity": self.severity.value,
            "status": self.status.value,
            "pointer": self.pointer,
            "section": self.section,
            "table": self.table,
            "row": self.row,
            "column": self.column,
            "stated": self.stated,
            "computed": self.computed,
            "pointers": " ".join(self.pointers),
            "missing": " ".join(self.missing),
            "quote": self.quote,
            "source": str(self.source) if self.source is not None else None,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
        }


def as_value(value: object) -> Value:
    """A table cell as a finding value: numbers as they are, a text cell or blank as ``None``."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return None
    return value


def json_value(value: Value) -> Any:
    """A finding value as JSON writes it: amounts as exact decimal strings."""
    return plain(value) if isinstance(value, Decimal) else value


def location_dict(location: Location | None) -> dict[str, Any] | None:
    """A source location as JSON-ready data (``None`` stays ``None``)."""
    return None if location is None else location.to_dict()
