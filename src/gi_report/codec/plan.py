"""The fast reading of a clean JSON-form document: a plan compiled once per set of templates.

:func:`read_clean` turns a document that is exactly what the JSON Schema describes into a
:class:`~gi_report.model.Report`, checking each value once: the shape (members, rows and columns)
here, the values by the model's own validators (a table's cells in a few calls per table, see
:class:`gi_report.table.Table`; the texts all together, :class:`Found`). It says nothing about
what is wrong: on anything unusual it returns ``None`` and the caller takes the slow path, where
the JSON Schema and the structuring of :mod:`gi_report.codec.json` locate every problem. It is
as strict as that path or stricter (``tests/foundation/test_read_plan.py`` checks that the two
agree).
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
from gi_report.model import (
    Metadata,
    Narrative,
    OtherMatters,
    Overview,
    Report,
    TableSections,
    _optional_str,
    _str,
)
from gi_report.numbers import MAX_TEXT_CHARS
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


@attrs.define
class Found:
    """What reading a document's narrative parts met: its texts (checked together at the end,
    :meth:`check`) and the members of its objects (for :meth:`ReadPlan.read_counted`)."""

    texts: list[str] = attrs.Factory(list)
    members: int = 0

    def check(self) -> str:
        """The texts joined, once each is known to be report text (what the model's text
        validators accept: at most :data:`MAX_TEXT_CHARS` characters, no lone surrogate, which
        strict UTF-8 refuses); :class:`Unclean` or a ``UnicodeEncodeError`` otherwise."""
        joined = "".join(self.texts)
        if len(joined) > MAX_TEXT_CHARS and max(map(len, self.texts)) > MAX_TEXT_CHARS:
            raise Unclean  # (all of them within the limit: each one is)
        if not joined.isascii():
            joined.encode("utf-8")
        return joined


_Convert = Callable[[Any, Found], Any]


def _text(value: object, found: Found) -> str:
    if type(value) is not str:
        raise Unclean
    found.texts.append(value)
    return value


def _optional_text(value: object, found: Found) -> str | None:
    return None if value is None else _text(value, found)


def _as_is(value: object, found: Found) -> object:
    return value


def _plain(convert: Callable[[Any], Any]) -> _Convert:
    return lambda value, found: convert(value)


def _converter(field_type: Any) -> _Convert | None:
    """How a field's JSON value becomes the model's (``None``: as it is, the field's validator
    checks it)."""
    options = set(typing.get_args(field_type)) - {type(None)}
    if typing.get_origin(field_type) in (typing.Union, types.UnionType) and len(options) == 1:
        inner = options.pop()
        if inner is Decimal:
            return _plain(_optional_amount)
        if inner is datetime.date:
            return _plain(_optional_date)
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
    def items(value: object, found: Found) -> tuple[Any, ...]:
        if type(value) is not list:
            raise Unclean
        return tuple([structure(item, found) for item in value])

    return items


_Default = Callable[[], Any]
_Step = tuple[str, _Default | None, _Convert, "attrs.Attribute[Any] | None"]
"""How one field is made: (name, its default if it has one, how its value is converted or
noted, the field if its validator is to run on the value)."""


def _default(field: attrs.Attribute[Any]) -> _Default | None:
    if field.default is attrs.NOTHING:
        return None
    value: Any = field.default
    if isinstance(value, attrs.Factory):  # type: ignore[arg-type]
        factory: _Default = value.factory
        return factory
    return lambda: value


def _step(field: attrs.Attribute[Any], convert: bool) -> _Step:
    """How ``field`` is made: a text is noted (checked with the others, :meth:`Found.check`),
    any other value converted (``convert``) and checked by the field's own validator. A field
    whose ``__init__`` would do more (an attrs converter, another keyword) has no fast reading."""
    if field.converter is not None or field.alias != field.name:
        raise TypeError(f"no fast reading for the field {field.name}")
    if field.validator is _str or field.validator is _optional_str:
        return field.name, _default(field), (
            _text if field.validator is _str else _optional_text), None
    converter = _converter(field.type) if convert else None
    if converter is None and field.validator is None and convert:
        raise TypeError(f"{field.name} has no validator to check it")
    return (field.name, _default(field), converter or _as_is,
            field if field.validator is not None else None)


def _maker(cls: type, *, convert: bool = True) -> Callable[[dict[str, Any], Found], Any]:
    """A function making ``cls`` from a dict of its fields' values, as ``cls(**values)`` does
    (unknown or missing members refused, defaults filled in, every validator run), with the
    texts noted in a :class:`Found` instead of checked one by one; ``convert``: the dict is a
    JSON object (its members counted), each value converted from its JSON form first.
    Generated as straight-line code, as attrs makes ``__init__`` (a loop over the fields cost
    as much as the checks it saves)."""
    fields = attrs.fields(attrs.resolve_types(cls))
    if hasattr(cls, "__attrs_pre_init__") or hasattr(cls, "__attrs_post_init__"):
        raise TypeError(f"no fast reading for {cls.__name__}: its __init__ does more")
    env: dict[str, Any] = {
        "Unclean": Unclean, "new": object.__new__, "put": object.__setattr__, "cls": cls,
        "names": frozenset(f.name for f in fields),
        "required": frozenset(f.name for f in fields if f.default is attrs.NOTHING)}
    lines = ["def make(value, found):",
             "    if (type(value) is not dict or not value.keys() <= names",
             "            or not required <= value.keys()):",
             "        raise Unclean",
             "    found.members += len(value)" if convert else "",
             "    made = new(cls)"]
    checks = []
    for i, field in enumerate(fields):
        name, default, note, checked = _step(field, convert)
        env[f"default_{i}"], env[f"note_{i}"], env[f"field_{i}"] = default, note, checked
        lines += _field_lines(i, name, default is None, note)
        if checked is not None:
            checks.append(f"    field_{i}.validator(made, field_{i}, v_{i})")
    namespace: dict[str, Any] = {}
    exec(compile("\n".join([*lines, *checks, "    return made"]), f"<make {cls.__name__}>",
                 "exec"), env, namespace)  # the field names are identifiers
    made: Callable[[dict[str, Any], Found], Any] = namespace["make"]
    return made


def _field_lines(i: int, name: str, required: bool, note: _Convert) -> list[str]:
    """The lines of :func:`_maker`'s code that make field ``i``, ``name``, into ``v_i``."""
    given = f"value[{name!r}]"
    if not required:
        given = f"{given} if {name!r} in value else default_{i}()"
    if note is _text or note is _optional_text:  # noted, checked with the other texts
        lines = [f"    v_{i} = {given}", f"    if type(v_{i}) is str:",
                 f"        found.texts.append(v_{i})"]
        blank = f"v_{i} is not None" if note is _optional_text else "True"
        return [*lines, f"    elif {blank}:", "        raise Unclean",
                f"    put(made, {name!r}, v_{i})"]
    if note is not _as_is:
        given = f"note_{i}(value[{name!r}], found)" + (
            "" if required else f" if {name!r} in value else default_{i}()")
    return [f"    v_{i} = {given}", f"    put(made, {name!r}, v_{i})"]


def _structurer(cls: type) -> _Convert:
    """A function making ``cls`` from its JSON object (:func:`_maker`), its members counted."""
    return _maker(cls)


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
    #: the members of the table's objects (rows and cells), as :meth:`ReadPlan.read_counted`
    #: counts them for a table read clean; ``None`` for a layout with text cells (walked)
    members: int | None = None

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
        lengths = tuple(len(r.column_set) for r in spec.rows)
        texts = any(spec.column(c).kind is CellKind.TEXT for r in spec.rows for c in r.columns)
        return cls(spec, rows, lengths, tuple(_tuple_of(r.columns) for r in spec.rows),
                   amounts, None if texts else len(ids) + sum(lengths))

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
    report: Callable[[dict[str, Any], Found], Report]  #: the report made from its parts
    #: no member name a clean document may have holds a ``":"`` (as :meth:`read_counted` needs)
    colon_free_names: bool = True

    @classmethod
    def build(cls) -> ReadPlan:
        schema = json_schema()
        tables = {(v, t): TablePlan.of(TEMPLATES[v].table(t)) for v in TEMPLATES
                  for t in TABLE_IDS}
        names = [*schema["properties"], *TABLE_IDS,
                 *(n for p in tables.values() for r in p.spec.rows for n in (r.id, *r.columns)),
                 *(n for c in SECTIONS.values() for n in _field_names(c))]
        return cls(frozenset(schema["properties"]), frozenset(schema["required"]), tables,
                   tuple((key, _structurer(c)) for key, c in SECTIONS.items()),
                   _maker(Report, convert=False), not any(":" in name for name in names))

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
        return self.read_counted(document)[0]

    def read_counted(self, document: object) -> tuple[Report, tuple[int, int] | None]:
        """The report and (members of every object, ``":"`` in the texts) of the document, what
        :func:`gi_report.codec.json.from_json` compares with its text (``None`` if a member name
        may hold a ``":"``, never with the form's names). The members are counted exactly, the
        ``":"`` at least in every text that may hold one (not in amounts, dates or codes)."""
        document = self.check(document)
        found = Found(members=len(document) + len(document.get("table_templates", ())))
        colons = 0
        tables = {}
        for t, v in self.layouts(document).items():
            plan = self.tables[v, t]
            tables[t] = plan.read(document[t])
            if plan.members is None:  # a layout with text cells: walked
                members, in_cells = tally(document[t])
                found.members, colons = found.members + members, colons + in_cells
            else:
                found.members += plan.members
        report, texts = self._assemble(document, tables, found)
        if not self.colon_free_names:
            return report, None
        return report, (found.members, colons + texts.count(":"))

    def read_with_tables(self, document: object) -> Report:
        """The report from a document whose tables are already :class:`Table` objects (the XML
        reader's fast path), each checked to be of the layout the document says."""
        document = self.check(document)
        tables = {t: document[t] for t in TABLE_IDS}
        for t, v in self.layouts(document).items():
            if type(tables[t]) is not Table or tables[t].spec is not self.tables[v, t].spec:
                raise Unclean
        return self._assemble(document, tables, Found())[0]

    def _assemble(self, document: dict[str, Any], tables: dict[str, Table], found: Found
                  ) -> tuple[Report, str]:
        """The report from a checked document's narrative members and its tables, and its
        texts joined (:meth:`Found.check`)."""
        parts: dict[str, Any] = {"template": document["template"], **tables}
        for key, structure in self.sections:
            if key in document:
                parts[key] = structure(document[key], found)
        for key in ("preamble", "closing"):
            if key in document:
                parts[key] = document[key]
        report: Report = self.report(parts, found)
        return report, found.check()


def _field_names(cls: type) -> list[str]:
    """The names of ``cls``'s fields and of the fields of the attrs classes it holds."""
    names = []
    for field in attrs.fields(attrs.resolve_types(cls)):
        names.append(field.name)
        inner = [field.type, *typing.get_args(field.type)]
        names += (n for t in inner if isinstance(t, type) and attrs.has(t)
                  for n in _field_names(t))
    return names


def tally(value: object) -> tuple[int, int]:
    """(members of every object, ``":"`` in every text) in ``value``, parsed JSON whose member
    names hold no ``":"``: what :func:`gi_report.codec.json.from_json` compares with the text."""
    members = colons = 0
    stack: list[Any] = [value]
    for item in stack:  # grows as it goes: every value below ``value`` is visited once
        kind = type(item)
        if kind is str:
            colons += item.count(":")
        elif kind is dict:
            members += len(item)
            stack += item.values()
        elif kind is list:
            stack += item
    return members, colons


@per_registry
def read_plan() -> ReadPlan:
    """The plan for the templates in force."""
    return ReadPlan.build()


_NOT_CLEAN = (Unclean, TypeError, ValueError, KeyError, AttributeError, ArithmeticError)
"""What reading a document that is not a clean one may raise (the slow path says why)."""


def read_clean(document: object) -> Report | None:
    """The report if ``document`` is a clean JSON-form document, read the fast way; else
    ``None`` (the slow path then says what is wrong)."""
    try:
        return read_plan().read(document)
    except _NOT_CLEAN:
        return None


def read_clean_counted(document: object) -> tuple[Report, tuple[int, int] | None] | None:
    """:func:`read_clean` with the counts of :meth:`ReadPlan.read_counted`."""
    try:
        return read_plan().read_counted(document)
    except _NOT_CLEAN:
        return None
