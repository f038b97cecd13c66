"""The 2019 ↔ 2021 mapping table, as data (format-spec.md §5.4).

Each :class:`CellMapping` says how one cell of the target template's layout is obtained from the
source template's cells: ``exact`` (the same quantity, possibly renamed), ``sum`` (the sum of
several source cells), ``approximate`` (a close but not identical quantity, carried only on
request) or ``not_mappable`` (left blank, with the reason). Rows that both templates share cell
for cell (same row id, same column ids) are mapped ``exact`` automatically, derived from the form;
only the differences are written here by hand. Source cells that no mapping uses are *dropped*,
with a reason from :data:`DROPPED_NOTES`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from functools import cache

import attrs

from gi_report.form import TABLE_IDS, get_template
from gi_report.form.spec import TableSpec

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


_OTHER_2021 = ("other_overdue_correction", "other_fee_unpaid", "other_misc")

_RULES_2019_TO_2021: tuple[CellMapping, ...] = (
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
        for row in _OTHER_2021
    ),
)

_RULES_2021_TO_2019: tuple[CellMapping, ...] = (
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
        sources=tuple((row, EVERY_COLUMN) for row in _OTHER_2021),
        note="2019 other_handling is the sum of the three 2021 other_* rows.",
    ),
)

DROPPED_NOTES: dict[tuple[str, str], dict[tuple[str, str, str], str]] = {
    ("2019", "2021"): {
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
    ("2021", "2019"): {
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
}
"""Why a stated source cell has no place in the target template, by (source, target) version."""


def _identity_rules(source: TableSpec, target: TableSpec) -> list[CellMapping]:
    """``exact`` rules for the rows both layouts share cell for cell (derived from the form)."""
    rules = []
    for row in target.rows:
        if source.has_cell(row.id, row.columns[0]) and source.row(row.id).columns == row.columns:
            rules.append(
                CellMapping(
                    table=target.id,
                    row=row.id,
                    column=EVERY_COLUMN,
                    kind=MappingKind.EXACT,
                    sources=((row.id, EVERY_COLUMN),),
                    note="Same row in both templates.",
                )
            )
    return rules


@cache
def mapping_rules(source: str, target: str) -> tuple[CellMapping, ...]:
    """The mapping table from template ``source`` to ``target``, one rule per row or cell."""
    if source == target:
        spec = get_template(source)
        return tuple(r for t in TABLE_IDS for r in _identity_rules(spec.table(t), spec.table(t)))
    src, dst = get_template(source), get_template(target)
    handwritten = {
        ("2019", "2021"): _RULES_2019_TO_2021,
        ("2021", "2019"): _RULES_2021_TO_2019,
    }[(src.version, dst.version)]
    rules: list[CellMapping] = []
    for table_id in TABLE_IDS:
        rules += _identity_rules(src.table(table_id), dst.table(table_id))
        rules += [r for r in handwritten if r.table == table_id]
    return tuple(rules)


@cache
def cell_mappings(source: str, target: str) -> tuple[CellMapping, ...]:
    """The mapping table expanded cell by cell: one rule for every cell of the target layout."""
    dst = get_template(target)
    return tuple(
        cell
        for rule in mapping_rules(source, target)
        for cell in rule.expand(dst.table(rule.table))
    )


@cache
def dropped_cells(source: str, target: str) -> tuple[tuple[str, str, str, str], ...]:
    """Source cells no rule uses, as ``(table, row, column, reason)``."""
    src = get_template(source)
    used = {
        (m.table, row, column)
        for m in cell_mappings(source, target)
        for row, column in m.sources
    }
    notes = DROPPED_NOTES.get((src.version, get_template(target).version), {})
    out = []
    for table_id in TABLE_IDS:
        for row, column in src.table(table_id).cells():
            key = (table_id, row.id, column.id)
            if key not in used:
                out.append((*key, notes.get(key, f"No counterpart in the {target} template.")))
    return tuple(out)
