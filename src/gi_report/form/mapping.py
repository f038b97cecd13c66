"""How a cell of one template is obtained from another's: the 2019 ↔ 2021 mapping, as data.

format-spec.md §5.4. Each :class:`CellMapping` says how one cell of the target template's layout
is obtained from the source template's cells: ``exact`` (the same quantity, possibly renamed),
``sum`` (the sum of several source cells), ``approximate`` (a close but not identical quantity,
carried only on request) or ``not_mappable`` (left blank, with the reason). Rows that both
templates share cell for cell are mapped ``exact`` by :mod:`gi_report.analysis.mapping`, derived
from the form; only the differences are written here, by (source, target) version in
:data:`HANDWRITTEN`. Source cells that no mapping uses are *dropped*, with a reason from
:data:`DROPPED_NOTES`. A new template adds its pairs here.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from types import MappingProxyType

import attrs

from gi_report.form import v2019, v2021
from gi_report.form.spec import TableSpec

_V2019 = v2019.TEMPLATE.version
_V2021 = v2021.TEMPLATE.version

EVERY_COLUMN = "*"
"""In a mapping, the column wildcard: every column of the row, each from the same column id."""


class MappingKind(enum.Enum):
    """How a target cell is obtained from the source template."""

    EXACT = "exact"  #: the same quantity (same or renamed label)
    SUM = "sum"  #: the sum of several source cells
    APPROXIMATE = "approximate"  #: a close quantity; carried only when asked for
    NOT_MAPPABLE = "not_mappable"  #: no source for it: left blank


@attrs.frozen(kw_only=True)
class CellMapping:
    """One rule of the mapping table: how a target cell (or row) is filled from source cells."""

    table: str
    row: str  #: target row id
    column: str  #: target column id, or ``"*"`` for every column of the row (same ids)
    kind: MappingKind
    sources: tuple[tuple[str, str], ...] = ()  #: (row, column) of the source; column may be "*"
    note: str = ""  #: why, in English (shown in docs and in the unmapped list)

    def expand(self, target: TableSpec) -> Iterator[CellMapping]:
        """The rule cell by cell: a ``"*"`` column becomes one rule per column of the row."""
        if self.column != EVERY_COLUMN:
            yield self
            return
        for column in target.row(self.row).columns:
            yield attrs.evolve(
                self,
                column=column,
                sources=tuple((r, column if c == EVERY_COLUMN else c) for r, c in self.sources),
            )


_OTHER_ROWS_V2021 = ("other_overdue_correction", "other_fee_unpaid", "other_misc")

_V2019_TO_V2021: tuple[CellMapping, ...] = (
    *(
        CellMapping(
            table="proactive",
            row=row,
            column="issued_this_year",
            kind=MappingKind.APPROXIMATE,
            sources=((row, "made_this_year"),),
            note="2019 made_this_year (newly made) is close to, but not defined as, "
            "2021 issued_this_year (issued).",
        )
        for row in ("regulations", "normative_documents")
    ),
    *(
        CellMapping(
            table="proactive",
            row=row,
            column="repealed_this_year",
            kind=MappingKind.NOT_MAPPABLE,
            note="The 2019 template has no count of repealed documents.",
        )
        for row in ("regulations", "normative_documents")
    ),
    *(
        CellMapping(
            table="proactive",
            row=row,
            column="currently_valid",
            kind=MappingKind.NOT_MAPPABLE,
            note="2019 total_published (published in total) is not 2021 currently_valid "
            "(in force): do not equate them.",
        )
        for row in ("regulations", "normative_documents")
    ),
    *(
        CellMapping(
            table="proactive",
            row=row,
            column="decisions_this_year",
            kind=MappingKind.EXACT,
            sources=((row, "decisions"),),
            note="2019 decisions is 2021 decisions_this_year (decisions made this year).",
        )
        for row in ("administrative_licensing", "administrative_penalty", "administrative_coercion")
    ),
    CellMapping(
        table="proactive",
        row="administrative_fees",
        column="amount_10k_yuan",
        kind=MappingKind.NOT_MAPPABLE,
        note="2019 (八) counts fee items; 2021 (八) is the amount collected, in 万元.",
    ),
    *(
        CellMapping(
            table="applications",
            row=row,
            column=EVERY_COLUMN,
            kind=MappingKind.NOT_MAPPABLE,
            note="2019 has one other_handling row; how it splits into the three 2021 rows is "
            "unknown.",
        )
        for row in _OTHER_ROWS_V2021
    ),
)

_V2021_TO_V2019: tuple[CellMapping, ...] = (
    *(
        CellMapping(
            table="proactive",
            row=row,
            column="made_this_year",
            kind=MappingKind.APPROXIMATE,
            sources=((row, "issued_this_year"),),
            note="2021 issued_this_year (issued) is close to, but not defined as, "
            "2019 made_this_year (newly made).",
        )
        for row in ("regulations", "normative_documents")
    ),
    *(
        CellMapping(
            table="proactive",
            row=row,
            column=column,
            kind=MappingKind.NOT_MAPPABLE,
            note=note,
        )
        for row in ("regulations", "normative_documents")
        for column, note in (
            ("published_this_year", "The 2021 template has no count of documents published."),
            (
                "total_published",
                "2021 currently_valid (in force) is not 2019 total_published (published "
                "in total).",
            ),
        )
    ),
    *(
        CellMapping(
            table="proactive",
            row=row,
            column="decisions",
            kind=MappingKind.EXACT,
            sources=((row, "decisions_this_year"),),
            note="2021 decisions_this_year is 2019 decisions.",
        )
        for row in ("administrative_licensing", "administrative_penalty", "administrative_coercion")
    ),
    *(
        CellMapping(
            table="proactive",
            row=row,
            column=column,
            kind=MappingKind.NOT_MAPPABLE,
            note="The 2021 template dropped the item counts of (五) and (六).",
        )
        for row in ("administrative_licensing", "administrative_penalty", "administrative_coercion")
        for column in ("items_last_year", "change_this_year")
    ),
    CellMapping(
        table="proactive",
        row="other_external_services",
        column=EVERY_COLUMN,
        kind=MappingKind.NOT_MAPPABLE,
        note="The 2021 template removed the row other_external_services.",
    ),
    CellMapping(
        table="proactive",
        row="administrative_fees",
        column=EVERY_COLUMN,
        kind=MappingKind.NOT_MAPPABLE,
        note="2021 (八) is an amount in 万元, not a count of fee items.",
    ),
    CellMapping(
        table="proactive",
        row="centralized_procurement",
        column=EVERY_COLUMN,
        kind=MappingKind.NOT_MAPPABLE,
        note="The 2021 template removed (九), centralised procurement.",
    ),
    CellMapping(
        table="applications",
        row="other_handling",
        column=EVERY_COLUMN,
        kind=MappingKind.SUM,
        sources=tuple((row, EVERY_COLUMN) for row in _OTHER_ROWS_V2021),
        note="2019 other_handling is the sum of the three 2021 other_* rows.",
    ),
)

DROPPED_NOTES: Mapping[tuple[str, str], Mapping[tuple[str, str, str], str]] = MappingProxyType({
    (_V2019, _V2021): {
        ("proactive", row, column): note
        for row in ("regulations", "normative_documents")
        for column, note in (
            ("published_this_year", "The 2021 template has no count of documents published."),
            (
                "total_published",
                "2019 total_published (published in total) is not 2021 currently_valid "
                "(in force).",
            ),
        )
    }
    | {
        ("proactive", row, column): "The 2021 template dropped the item counts of (五) and (六)."
        for row in ("administrative_licensing", "administrative_penalty", "administrative_coercion")
        for column in ("items_last_year", "change_this_year")
    }
    | {
        ("proactive", "other_external_services", column): "The 2021 template removed the row "
        "other_external_services."
        for column in ("items_last_year", "change_this_year", "decisions")
    }
    | {
        ("proactive", "administrative_fees", column): "2019 (八) counts fee items; 2021 (八) is "
        "an amount in 万元."
        for column in ("items_last_year", "change_this_year")
    }
    | {
        ("proactive", "centralized_procurement", column): "The 2021 template removed (九) "
        "centralised procurement."
        for column in ("projects", "total_amount", "unit")
    }
    | {
        ("applications", "other_handling", column): "2019 other_handling is the sum of the "
        "three 2021 other_* rows; how it splits is unknown."
        for column in ("natural_person", "commercial_enterprise", "research_institution",
                       "social_welfare_org", "legal_service_org", "other_org", "total")
    },
    (_V2021, _V2019): {
        ("proactive", row, "repealed_this_year"): "The 2019 template has no count of repealed "
        "documents."
        for row in ("regulations", "normative_documents")
    }
    | {
        ("proactive", row, "currently_valid"): "2021 currently_valid (in force) is not 2019 "
        "total_published (published in total)."
        for row in ("regulations", "normative_documents")
    }
    | {
        ("proactive", "administrative_fees", "amount_10k_yuan"): "2021 (八) is an amount in 万元; "
        "2019 (八) counts fee items."
    },
})
"""Why a stated source cell has no place in the target template, by (source, target) version."""


HANDWRITTEN: Mapping[tuple[str, str], tuple[CellMapping, ...]] = MappingProxyType({
    (_V2019, _V2021): _V2019_TO_V2021,
    (_V2021, _V2019): _V2021_TO_V2019,
})
"""The mapping rules written by hand, by (source, target) version: where two layouts differ."""
