"""The fast reading of a clean JSON-form document: a plan compiled once per set of templates.

:func:`read_clean` turns a document that is exactly what the JSON Schema describes into a
:class:`~gi_report.model.Report`, checking each value once: the shape (members, rows and columns)
here, the values by the model's own validators (a table's cells in a few calls per table, see
:class:`gi_report.table.Table`). It says nothing about what is wrong: on anything unusual it
returns ``None`` and the caller takes the slow path, where the JSON Schema and the structuring
of :mod:`gi_report.codec.json` locate every problem. It is as strict as that path or stricter
(``tests/foundation/test_read_plan.py`` checks that the two agree).
"""

from __future__ import annotations

import datetime
import re
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from operator import call, itemgetter
from typing import Any

import attrs

from gi_report.form import TABLE_IDS, TEMPLATES, per_registry
from gi_report.form.spec import CellKind, TableSpec
from gi_report.model import Metadata, Narrative, OtherMatters, Overview, Report, TableSections
from gi_report.schema import FORMAT_VERSION, json_schema
from gi_report.table import CellValue, Table

DECIMAL = re.compile(r"(0|[1-9][0-9]*)(\.[0-9]+)?")
"""An amount as the JSON form writes it: plain digits, a point and more digits (no sign)."""
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
"""A date as the JSON form writes it (``YYYY-MM-DD``)."""


class Unclean(Exception):
    """Raised inside the plan when the document is not a clean one (the slow path says why)."""


def amount(value: object) -> Decimal:
    """An amount written as a JSON string, exactly; :class:`Unclean` for anything else."""
    if not isinstance(value, str) or not DECIMAL.fullmatch(value):
        raise Unclean
    return Decimal(value)


def _optional_amount(value: object) -> Decimal | None:
    return None if value is None else amount(value)


def _optional_date(value: object) -> datetime.date | None:
    if value is None:
        return None
    if not isinstance(value, str) or not DATE.fullmatch(value):
        raise Unclean
    return datetime.date.fromisoformat(value)  # ValueError for a day that does not exist


# --- the narrative parts: attrs classes, their fields checked by the model's validators ---------

_Convert = Callable[[Any], Any]


def _converter(field_type: Any) -> _Convert | None:
    """How a field's JSON value becomes the model's (``None``: as it is, the field's validator
    checks it)."""
    options = set(typing.get_args(field_type)) - {type(None)}
    if typing.get_origin(field_type) in (typing.Union, types.UnionType) and len(options) == 1:
        inner = options.pop()
        if inner is Decimal:
            return _optional_amount
        if inner is datetime.date:
            return _optional_date
        return _converter(inner)
    if field_type in (str, int):
        return None
    if attrs.has(field_type):
        return _structurer(field_type)
    if typing.get_origin(field_type) is tuple:
        item, dots = typing.get_args(field_type)
        if dots is Ellipsis and attrs.has(item):
            return _items(_structurer(item))
    raise TypeError(f"no fast reading for a field of type {field_type!r}")


def _items(structure: _Convert) -> _Convert:
    def items(value: object) -> tuple[Any, ...]:
        if type(value) is not list:
            raise Unclean
        return tuple(map(structure, value))

    return items


def _structurer(cls: type) -> _Convert:
    """A function making ``cls`` from its JSON object: unknown or missing members are refused by
    ``cls`` itself (keyword-only), values by its validators; only conversions are done here."""
    fields = attrs.fields(attrs.resolve_types(cls))
    converters: list[tuple[str, _Convert]] = []
    for field in fields:
        convert = _converter(field.type)
        if convert is not None:
            converters.append((field.name, convert))
        elif field.validator is None:
            raise TypeError(f"{cls.__name__}.{field.name} has no validator to check it")
    steps = tuple(converters)

    def structure(value: object) -> Any:
        if type(value) is not dict:
            raise Unclean
        if steps:
            value = dict(value)
            for name, convert in steps:
                if name in value:
                    value[name] = convert(value[name])
        return cls(**value)

    return structure


SECTIONS: dict[str, type] = {
    "metadata": Metadata,
    "overview": Overview,
    "table_sections": TableSections,
    "problems": Narrative,
    "other_matters": OtherMatters,
}
"""The report's sections other than the tables, by JSON member, and their model classes."""


# --- the tables -----------------------------------------------------------------------------------


_DICT = {dict}


def _tuple_of(columns: tuple[str, ...]) -> Callable[[Mapping[str, CellValue]], tuple[Any, ...]]:
    if len(columns) > 1:
        return itemgetter(*columns)
    column = columns[0]
    return lambda row: (row[column],)


@attrs.frozen
class TablePlan:
    """How one table layout is read from its JSON object: rows and cells taken in the form's
    order by ``itemgetter``, their member names compared as sets, amounts converted."""

    spec: TableSpec
    rows: Callable[[Mapping[str, Any]], tuple[Any, ...]]
    lengths: tuple[int, ...]  #: the number of cells of each row
    cells: tuple[Callable[[Mapping[str, CellValue]], tuple[Any, ...]], ...]
    amounts: tuple[tuple[int, tuple[int, ...]], ...]  #: (row index, column indexes)

    @classmethod
    def of(cls, spec: TableSpec) -> TablePlan:
        amounts = tuple(
            (r, cs) for r, row in enumerate(spec.rows)
            if (cs := tuple(c for c, column in enumerate(row.columns)
                            if spec.column(column).kind is CellKind.AMOUNT))
        )
        ids = tuple(r.id for r in spec.rows)
        rows: Callable[[Mapping[str, Any]], tuple[Any, ...]] = (
            itemgetter(*ids) if len(ids) > 1 else lambda cells: (cells[ids[0]],))
        # Distinct names: a row of the JSON form has as many members as its distinct columns.
        return cls(spec, rows, tuple(len(r.column_set) for r in spec.rows),
                   tuple(_tuple_of(r.columns) for r in spec.rows), amounts)

    def read(self, cells: object) -> Table:
        """The table; :class:`Unclean` (or the table's own error) if it is not a clean one."""
        # Every row and cell of the form is taken by name (a KeyError if one is missing), so
        # the right number of members means exactly the form's members.
        if type(cells) is not dict or len(cells) != len(self.spec.row_ids):
            raise Unclean
        rows = self.rows(cells)
        if set(map(type, rows)) != _DICT or tuple(map(len, rows)) != self.lengths:
            raise Unclean
        return self.table(list(map(call, self.cells, rows)))

    def table(self, values: list[tuple[Any, ...]]) -> Table:
        """The table of values laid out row by row in the form's order, as read from a document
        (amounts as written, converted here); each value checked once (:meth:`Table.of_rows`)."""
        for r, columns in self.amounts:
            row = list(values[r])
            for c in columns:
                if row[c] is not None:
                    row[c] = amount(row[c])
            values[r] = tuple(row)
        return Table.of_rows(self.spec, tuple(values))


# --- the whole document ---------------------------------------------------------------------------


@attrs.frozen
class ReadPlan:
    """Everything :func:`read_clean` needs, worked out once per set of templates in force."""

    top_keys: frozenset[str]
    required_keys: frozenset[str]
    tables: dict[tuple[str, str], TablePlan]  #: by (template version, table id)
    sections: tuple[tuple[str, _Convert], ...]

    @classmethod
    def build(cls) -> ReadPlan:
        schema = json_schema()
        return cls(
            frozenset(schema["properties"]), frozenset(schema["required"]),
            {(v, t): TablePlan.of(TEMPLATES[v].table(t)) for v in TEMPLATES for t in TABLE_IDS},
            tuple((key, _structurer(c)) for key, c in SECTIONS.items()),
        )

    def layouts(self, document: dict[str, Any]) -> dict[str, str]:
        """The template version of each table: ``table_templates`` checked, else ``template``."""
        template = document["template"]
        if type(template) is not str or template not in TEMPLATES:
            raise Unclean
        if "table_templates" not in document:
            return dict.fromkeys(TABLE_IDS, template)
        layouts = document["table_templates"]
        if (type(layouts) is not dict or not layouts or not layouts.keys() <= set(TABLE_IDS)
                or not all(type(v) is str and v in TEMPLATES for v in layouts.values())):
            raise Unclean
        return {t: layouts.get(t, template) for t in TABLE_IDS}

    def check(self, document: object) -> dict[str, Any]:
        """``document`` if its members are the form's and its format version this one's."""
        if (type(document) is not dict or not self.required_keys <= document.keys()
                or not document.keys() <= self.top_keys
                or document["format_version"] != FORMAT_VERSION):
            raise Unclean
        return document

    def read(self, document: object) -> Report:
        """The report; :class:`Unclean` (or a model error) if the document is not clean."""
        document = self.check(document)
        return self.assemble(document, {
            t: self.tables[v, t].read(document[t]) for t, v in self.layouts(document).items()})

    def read_with_tables(self, document: object) -> Report:
        """The report from a document whose tables are already :class:`Table` objects (the XML
        reader's fast path), each checked to be of the layout the document says."""
        document = self.check(document)
        tables = {t: document[t] for t in TABLE_IDS}
        for t, v in self.layouts(document).items():
            if type(tables[t]) is not Table or tables[t].spec is not self.tables[v, t].spec:
                raise Unclean
        return self.assemble(document, tables)

    def assemble(self, document: dict[str, Any], tables: dict[str, Table]) -> Report:
        """The report from a checked document's narrative members and its tables."""
        parts: dict[str, Any] = tables
        for key, structure in self.sections:
            if key in document:
                parts[key] = structure(document[key])
        return Report(template=document["template"], preamble=document.get("preamble"),
                      closing=document.get("closing"), **parts)


@per_registry
def read_plan() -> ReadPlan:
    """The plan for the templates in force."""
    return ReadPlan.build()


def read_clean(document: object) -> Report | None:
    """The report if ``document`` is a clean JSON-form document, read the fast way; else
    ``None`` (the slow path then says what is wrong)."""
    try:
        return read_plan().read(document)
    except (Unclean, TypeError, ValueError, KeyError, AttributeError, ArithmeticError):
        return None
