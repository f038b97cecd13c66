"""The vocabulary used to describe an official template as data.

A template is described once (see :mod:`gi_report.form.v2021` and :mod:`gi_report.form.v2019`);
the model, the codecs, the schemas, the importers and the validators all read these objects.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from functools import cached_property

import attrs


class CellKind(enum.Enum):
    """What a table cell may hold."""

    COUNT = "count"  #: a non-negative whole number (件, 项, 个)
    SIGNED_COUNT = "signed_count"  #: a whole number that may be negative (本年增/减)
    AMOUNT = "amount"  #: a non-negative exact decimal (money), held as ``decimal.Decimal``
    TEXT = "text"  #: a short text as written (e.g. the unit of an amount, 元)


@attrs.frozen(kw_only=True, cache_hash=True)  # hashed per header token (text column orders)
class ColumnSpec:
    """One column of a fixed table: its identifier, official label and what it counts."""

    id: str
    label: str  #: the official Chinese header of the innermost header cell
    header_path: tuple[str, ...] = ()  #: enclosing header cells, outermost first
    kind: CellKind = CellKind.COUNT
    description: str  #: English: what the column counts
    aliases: tuple[str, ...] = ()  #: other spellings seen in published reports
    unit: str | None = None
    """The unit the column's amounts are stated in (万元), when the form fixes it: a cell
    printing another unit is not read as this column's value."""
    unit_column: str | None = None  #: the column of the row that states an amount's unit

    def unit_of(self, row: Mapping[str, object]) -> str | None:
        """The unit of this column's amount in ``row`` (a row of its table, column id → value):
        the template's, or the one the report states in :attr:`unit_column` (``None`` if blank
        or not an amount)."""
        if self.unit is not None or self.unit_column is None:
            return self.unit
        stated = row.get(self.unit_column)
        return stated if isinstance(stated, str) else None


@attrs.frozen(kw_only=True)
class GroupSpec:
    """A merged header cell that spans several rows (e.g. （三）不予公开) or a sub-table caption."""

    id: str
    label: str
    description: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class RowSpec:
    """One row of a fixed table: its identifier, official label, group and its columns."""

    id: str
    label: str  #: the official Chinese row label, exactly as the template prints it
    description: str  #: English: what the row counts
    columns: tuple[str, ...]  #: identifiers of the columns this row has, in order
    group: str | None = None  #: identifier of the innermost enclosing group
    aliases: tuple[str, ...] = ()  #: other spellings seen in published reports

    @cached_property
    def column_set(self) -> frozenset[str]:
        """The identifiers of the row's columns, as a set."""
        return frozenset(self.columns)


@attrs.frozen(kw_only=True)
class RuleWording:
    """How the rule of a declaration is named in findings and in the rule catalogue (zh/en).

    Kept beside the declaration so that a new template brings its rules' wording with it.
    """

    title_en: str  #: the rule's title in English
    title_zh: str | None = None  #: ``None``: built from the labels (e.g. 行政复议·总计…)
    parts_zh: str = "各组成项"  #: what a message calls the summed cells
    parts_en: str = "its parts"
    statement_zh: str | None = None  #: a balance's statement, closing its message
    statement_en: str | None = None

    def texts(self) -> tuple[str, ...]:
        """The texts this wording states (defaults left out: they are generic words), for the
        guard test that keeps rule wording out of other modules."""
        return tuple(
            value for field in attrs.fields(RuleWording)
            if (value := getattr(self, field.name)) and value != field.default
        )


@attrs.frozen(kw_only=True)
class ColumnTotal:
    """In each listed row, the cell in column ``total`` is the sum of the cells in ``parts``."""

    rule: str
    total: str
    parts: tuple[str, ...]
    rows: tuple[str, ...] | None = None  #: ``None``: every row of the table
    wording: RuleWording


@attrs.frozen(kw_only=True)
class RowTotal:
    """In each column, the cell in row ``total`` is the sum of the cells in rows ``parts``."""

    rule: str
    total: str
    parts: tuple[str, ...]
    wording: RuleWording


@attrs.frozen(kw_only=True)
class Balance:
    """In each column, the sum of rows ``left`` equals the sum of rows ``right``."""

    rule: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    note: str  #: the template's own statement of the relation, verbatim
    wording: RuleWording


Declaration = ColumnTotal | RowTotal | Balance


@attrs.frozen(kw_only=True)
class CellRef:
    """The address of one table cell."""

    table: str
    row: str
    column: str

    @property
    def pointer(self) -> str:
        """The JSON Pointer of the cell in the JSON form of a report."""
        return f"/{self.table}/{self.row}/{self.column}"


@attrs.frozen(kw_only=True)
class Relation:
    """One arithmetic relation between cells: ``sum(left) == sum(right)``.

    A total is written with the total alone on the left; a balance with several cells each side.
    """

    rule: str
    table: str
    left: tuple[CellRef, ...]
    right: tuple[CellRef, ...]

    @property
    def cells(self) -> tuple[CellRef, ...]:
        return self.left + self.right


@attrs.frozen(kw_only=True, cache_hash=True)
class TableSpec:
    """A fixed table of the form (section 二, 三 or 四) as data."""

    id: str  #: the key of the table in the JSON form, e.g. ``applications``
    section: str  #: the section id that holds the table, e.g. ``applications``
    title: str  #: official Chinese title of the section that holds the table
    description: str
    columns: tuple[ColumnSpec, ...]
    rows: tuple[RowSpec, ...]
    groups: tuple[GroupSpec, ...] = ()
    declarations: tuple[Declaration, ...] = ()
    note: str | None = None  #: text printed in the table's corner cell, verbatim
    row_header: str | None = None  #: header printed above the row labels (section 二: 信息内容)

    def __attrs_post_init__(self) -> None:
        column_ids = {c.id for c in self.columns}
        group_ids = {g.id for g in self.groups}
        for row in self.rows:
            unknown = set(row.columns) - column_ids
            if unknown:
                raise ValueError(f"{self.id}.{row.id}: unknown columns {sorted(unknown)}")
            if row.group is not None and row.group not in group_ids:
                raise ValueError(f"{self.id}.{row.id}: unknown group {row.group!r}")

    @cached_property
    def _rows_by_id(self) -> dict[str, RowSpec]:
        return {r.id: r for r in self.rows}

    @cached_property
    def _columns_by_id(self) -> dict[str, ColumnSpec]:
        return {c.id: c for c in self.columns}

    @cached_property
    def _groups_by_id(self) -> dict[str, GroupSpec]:
        return {g.id: g for g in self.groups}

    @cached_property
    def row_ids(self) -> frozenset[str]:
        """The identifiers of the table's rows."""
        return frozenset(r.id for r in self.rows)

    @cached_property
    def _row_positions(self) -> dict[str, int]:
        return {r.id: i for i, r in enumerate(self.rows)}

    def row_position(self, row_id: str) -> int:
        """The 0-based position of a row in the form (``KeyError`` if the table has none)."""
        return self._row_positions[row_id]

    def row(self, row_id: str) -> RowSpec:
        """The row with this identifier (``KeyError`` if the table has none)."""
        return self._rows_by_id[row_id]

    def column(self, column_id: str) -> ColumnSpec:
        """The column with this identifier (``KeyError`` if the table has none)."""
        return self._columns_by_id[column_id]

    def group(self, group_id: str) -> GroupSpec:
        """The group with this identifier (``KeyError`` if the table has none)."""
        return self._groups_by_id[group_id]

    def has_cell(self, row_id: str, column_id: str) -> bool:
        row = self._rows_by_id.get(row_id)
        return row is not None and column_id in row.columns

    def cells(self) -> Iterator[tuple[RowSpec, ColumnSpec]]:
        """Every cell of the table, row by row, in the form's order."""
        for row in self.rows:
            for column_id in row.columns:
                yield row, self._columns_by_id[column_id]

    @cached_property
    def cell_count(self) -> int:
        return sum(len(r.columns) for r in self.rows)

    def rows_in_group(self, group_id: str) -> tuple[RowSpec, ...]:
        """The rows whose group is ``group_id`` or one of its descendants."""
        return tuple(r for r in self.rows if group_id in self.group_chain(r.group))

    def group_columns(self, group_id: str) -> tuple[ColumnSpec, ...]:
        """The columns that the rows of a group use, in the table's order (a section 二 caption's
        sub-table: e.g. 第二十条第（五）项 has only 本年处理决定数量)."""
        rows = self.rows_in_group(group_id)
        return tuple(c for c in self.columns if any(c.id in r.columns for r in rows))

    def group_chain(self, group_id: str | None) -> tuple[str, ...]:
        """``group_id`` and its ancestors, innermost first."""
        chain: list[str] = []
        while group_id is not None:
            chain.append(group_id)
            group_id = self._groups_by_id[group_id].parent
        return tuple(chain)

    @cached_property
    def relations(self) -> tuple[Relation, ...]:
        """Every arithmetic relation the table's declarations imply, expanded cell by cell."""
        out: list[Relation] = []

        def ref(row: str, column: str) -> CellRef:
            return CellRef(table=self.id, row=row, column=column)

        for decl in self.declarations:
            if isinstance(decl, ColumnTotal):
                row_ids = decl.rows if decl.rows is not None else tuple(r.id for r in self.rows)
                for row_id in row_ids:
                    out.append(
                        Relation(
                            rule=decl.rule,
                            table=self.id,
                            left=(ref(row_id, decl.total),),
                            right=tuple(ref(row_id, c) for c in decl.parts),
                        )
                    )
            elif isinstance(decl, RowTotal):
                for column in self.row(decl.total).columns:
                    out.append(
                        Relation(
                            rule=decl.rule,
                            table=self.id,
                            left=(ref(decl.total, column),),
                            right=tuple(ref(r, column) for r in decl.parts),
                        )
                    )
            else:
                for column in self.row(decl.left[0]).columns:
                    out.append(
                        Relation(
                            rule=decl.rule,
                            table=self.id,
                            left=tuple(ref(r, column) for r in decl.left),
                            right=tuple(ref(r, column) for r in decl.right),
                        )
                    )
        return tuple(out)


@attrs.frozen(kw_only=True)
class FieldSpec:
    """A numeric field outside the fixed tables (the 信息处理费 figures of section 六)."""

    id: str
    label: str
    kind: CellKind
    unit: str
    description: str


@attrs.frozen(kw_only=True)
class SectionSpec:
    """One of the six numbered sections of the report."""

    id: str  #: e.g. ``overview``
    number: str  #: the Chinese numeral, e.g. 一
    title: str  #: the official title without the numeral, e.g. 总体情况
    description: str
    aliases: tuple[str, ...] = ()  #: title variants seen in published reports

    @property
    def heading(self) -> str:
        """The heading as the template prints it, e.g. ``一、总体情况``."""
        return f"{self.number}、{self.title}"


@attrs.frozen(kw_only=True)
class TopicSpec:
    """A topic that section 一 must cover (国办公开办函〔2021〕30号 一（一）)."""

    id: str
    label: str
    keywords: tuple[str, ...]
    description: str


@attrs.frozen(kw_only=True)
class TemplateSpec:
    """One version of the national template, described completely."""

    version: str  #: ``"2021"`` or ``"2019"``
    name: str  #: the template's title
    document: str  #: the notice that issued it
    issued: str  #: ISO date of issue
    first_year: int  #: first report year the template applies to
    last_year: int | None  #: last report year, ``None`` while current
    sections: tuple[SectionSpec, ...]
    tables: tuple[TableSpec, ...]
    fee_fields: tuple[FieldSpec, ...]
    overview_topics: tuple[TopicSpec, ...]
    fees_required: bool = False
    """Whether section 六 must state the fee figures (the processing-fee measures,
    国办函〔2020〕109号, took effect with this template's first report year)."""
    word_template: str | None = None
    """The file name, in ``gi_report/render/data/``, of the official blank Word template that
    prints this version's form (``None`` where none is shipped)."""

    @cached_property
    def _tables_by_id(self) -> dict[str, TableSpec]:
        return {t.id: t for t in self.tables}

    def table(self, table_id: str) -> TableSpec:
        """The fixed table with this identifier (``KeyError`` if none)."""
        return self._tables_by_id[table_id]

    def section(self, section_id: str) -> SectionSpec:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    @cached_property
    def relations(self) -> tuple[Relation, ...]:
        """Every arithmetic relation of every table of the template."""
        return tuple(rel for table in self.tables for rel in table.relations)

    def applies_to(self, year: int) -> bool:
        """Whether the template is the one in force for reports on ``year``."""
        return year >= self.first_year and (self.last_year is None or year <= self.last_year)
