"""Generates the published JSON Schema (Draft 2020-12) from the form description and the model.

Nothing here lists a label: the Chinese labels come from :mod:`gi_report.form`, descriptions of
the narrative and metadata fields from the attrs field metadata in :mod:`gi_report.model`. The
runtime reads the generated file (:func:`gi_report.schema.json_schema`), never this module.

The schema is written for code generators as well as validators: every table and row is a named
``$defs`` entry with an ASCII ``title`` (``ApplicationsTable2021``, ``ApplicationsGrantedRow2021``)
and every cell an explicit required property; a Chinese label goes in ``description`` and in the
``x-label-zh`` keyword, never in a ``title`` (code generators make type names from titles).
"""

from __future__ import annotations

import copy
import datetime
import json
import types
import typing
from typing import Any

import attrs

from gi_report.form import TABLE_IDS, TEMPLATES, per_registry
from gi_report.form.spec import CellKind, ColumnSpec, RowSpec, TableSpec, TemplateSpec
from gi_report.model import (
    Metadata,
    Narrative,
    OtherMatters,
    Overview,
    Subsection,
    TableSections,
)
from gi_report.numbers import MAX_SAFE_INTEGER, MAX_TEXT_CHARS
from gi_report.schema import DECIMAL_PATTERN, FORMAT_VERSION, SCHEMA_ID, JsonDict

LABEL = "x-label-zh"
"""The schema keyword holding the official Chinese label of a property or type (Ajv users
declare it with ``ajv.addKeyword("x-label-zh")``)."""

_NO_NEWLINE: JsonDict = {"not": {"type": "string", "pattern": "\n"}}
"""With a ``^…$`` pattern: Python's ``re`` lets ``$`` match before a final newline (ECMA 262 and
Rust do not), and the reader refuses one; this makes every regex engine agree."""

_KIND_DEFS: dict[CellKind, JsonDict] = {
    CellKind.COUNT: {
        "type": ["integer", "null"],
        "minimum": 0,
        "maximum": MAX_SAFE_INTEGER,
        "description": "A count (whole number >= 0); null where the document leaves the cell "
        "blank, which is not the same as 0.",
    },
    CellKind.SIGNED_COUNT: {
        "type": ["integer", "null"],
        "minimum": -MAX_SAFE_INTEGER,
        "maximum": MAX_SAFE_INTEGER,
        "description": "A signed whole number (a change); null for a blank cell.",
    },
    CellKind.AMOUNT: {
        "type": ["string", "null"],
        "pattern": DECIMAL_PATTERN,
        **_NO_NEWLINE,
        "description": "An exact decimal >= 0 written as a string (e.g. \"0.35\"), so that no "
        "binary float ever touches it; null for a blank cell.",
    },
    CellKind.TEXT: {
        "type": ["string", "null"],
        "maxLength": MAX_TEXT_CHARS,
        "description": "A short text as printed; null if absent.",
    },
}
_KIND_NAMES = {
    CellKind.COUNT: "count",
    CellKind.SIGNED_COUNT: "signed_count",
    CellKind.AMOUNT: "amount",
    CellKind.TEXT: "text",
}
_OBJECTS: tuple[type, ...] = (
    Metadata,
    Subsection,
    Overview,
    Narrative,
    TableSections,
    OtherMatters,
)


def _ref(name: str) -> JsonDict:
    return {"$ref": f"#/$defs/{name}"}


def _annotated_ref(name: str, notes: JsonDict) -> JsonDict:
    """A reference to a named type with its own annotations. Wrapped in ``allOf``: beside a bare
    ``$ref``, annotations make json-schema-to-typescript declare a copy (``Narrative1``…)."""
    return {**notes, "allOf": [_ref(name)]}


def labelled(label: str, description: str) -> JsonDict:
    """The annotations of a property: the Chinese label in ``description`` and ``x-label-zh``."""
    return {"description": f"{label}: {description}", LABEL: label}


def _nullable(schema: JsonDict) -> JsonDict:
    out = dict(schema)
    kind = out.get("type")
    if isinstance(kind, str):
        out["type"] = [kind, "null"]
    return out


def _type_schema(tp: Any) -> JsonDict:
    origin = typing.get_origin(tp)
    if origin in (types.UnionType, typing.Union):
        members = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(members) != 1:
            raise TypeError(f"unsupported union {tp!r}")
        inner = _type_schema(members[0])
        if "$ref" in inner:
            return {"anyOf": [inner, {"type": "null"}]}
        return _nullable(inner)
    if origin is tuple:
        (item, _ellipsis) = typing.get_args(tp)
        return {"type": "array", "items": _type_schema(item)}
    if tp is str:
        return {"type": "string", "maxLength": MAX_TEXT_CHARS}
    if tp is int:
        return {"type": "integer", "minimum": -MAX_SAFE_INTEGER, "maximum": MAX_SAFE_INTEGER}
    if tp is datetime.date:
        return {"type": "string"}
    if attrs.has(tp):
        return _ref(tp.__name__)
    raise TypeError(f"no JSON Schema for {tp!r}")


def _fee_kinds() -> dict[str, CellKind]:
    return {f.id: f.kind for t in TEMPLATES.values() for f in t.fee_fields}


def _object_schema(cls: type) -> JsonDict:
    hints = typing.get_type_hints(cls)
    fees = _fee_kinds()
    properties: JsonDict = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        if field.name in fees:  # the fee figures: exactly as strict as a table cell
            kind = _KIND_DEFS[fees[field.name]]
            schema = {k: v for k, v in kind.items() if k not in ("title", "description")}
        else:
            schema = _type_schema(hints[field.name])
        if field.metadata.get("schema"):
            schema.update(field.metadata["schema"])
        if "pattern" in schema:
            schema.update(_NO_NEWLINE)
        notes = labelled(field.metadata["title"], field.metadata["description"])
        properties[field.name] = (
            _annotated_ref(schema["$ref"].rsplit("/", 1)[-1], notes)
            if "$ref" in schema
            else {**notes, **schema}
        )
        if field.default is attrs.NOTHING:
            required.append(field.name)
    doc = (cls.__doc__ or "").strip().splitlines()[0]
    return {
        "title": cls.__name__,
        "description": doc,
        "type": "object",
        "required": required,
        "properties": properties,
        "additionalProperties": False,
    }


def _camel(identifier: str) -> str:
    return "".join(part.capitalize() for part in identifier.split("_"))


def _suffix(template: TemplateSpec, table: TableSpec) -> str:
    """The template version in a type name; none for a table every template shares."""
    same = [t.version for t in reversed(list(TEMPLATES.values())) if t.table(table.id) == table]
    shared = len(same) == len(TEMPLATES)
    return "" if shared else same[0]  # a layout a later template repeats keeps its first name


def table_def_name(template: TemplateSpec, table: TableSpec) -> str:
    """The ``$defs`` name (and title) of a table's type, e.g. ``ApplicationsTable2021``."""
    return f"{_camel(table.id)}Table{_suffix(template, table)}"


def row_def_name(template: TemplateSpec, table: TableSpec, row: RowSpec) -> str:
    """The ``$defs`` name (and title) of a row's type, e.g. ``ApplicationsGrantedRow2021``."""
    return f"{_camel(table.id)}{_camel(row.id)}Row{_suffix(template, table)}"


def _cell_label(table: TableSpec, row: RowSpec, column: ColumnSpec) -> str:
    group_labels = [table.group(g).label for g in reversed(table.group_chain(row.group))]
    row_label = " › ".join([*group_labels, row.label])
    column_label = " › ".join([*column.header_path, column.label])
    return f"{row_label} | {column_label}"


def _row_def(template: TemplateSpec, table: TableSpec, row: RowSpec, position: int) -> JsonDict:
    number = template.section(table.section).number
    cells: JsonDict = {}
    for column in (table.column(c) for c in row.columns):
        cells[column.id] = {
            **labelled(
                _cell_label(table, row, column),
                f"{row.description} {column.description} Section {number} ({table.id}), "
                f"row {position} ({row.id}), column {column.id}.",
            ),
            **_ref(_KIND_NAMES[column.kind]),
        }
    return {
        "title": row_def_name(template, table, row),
        **labelled(row.label, row.description),
        "type": "object",
        "required": list(row.columns),
        "properties": cells,
        "additionalProperties": False,
    }


def _layout_of(table: TableSpec) -> str:
    """Which templates a table layout belongs to, in words."""
    owners = [t for t in TEMPLATES.values() if t.table(table.id) is table]
    which = " and ".join(f"{t.version} ({t.document})" for t in owners)
    return f"Layout of template{'s' if len(owners) > 1 else ''} {which}"


def _table_defs(template: TemplateSpec) -> JsonDict:
    defs: JsonDict = {}
    for table in template.tables:
        number = template.section(table.section).number
        for position, row in enumerate(table.rows, start=1):
            defs[row_def_name(template, table, row)] = _row_def(template, table, row, position)
        defs[table_def_name(template, table)] = {
            "title": table_def_name(template, table),
            **labelled(
                table.title,
                f"{table.description} {_layout_of(table)}: {len(table.rows)} rows, "
                f"{table.cell_count} cells.",
            ),
            "type": "object",
            "required": [r.id for r in table.rows],
            "properties": {
                r.id: _annotated_ref(
                    row_def_name(template, table, r),
                    labelled(r.label, f"{r.description} Row {i} of section {number}."),
                )
                for i, r in enumerate(table.rows, start=1)
            },
            "additionalProperties": False,
        }
    return defs


def _layouts(table_id: str) -> dict[str, str]:
    """The distinct layouts of a table: version -> ``$defs`` name (one entry if shared)."""
    out: dict[str, str] = {}
    for version, template in TEMPLATES.items():
        name = table_def_name(template, template.table(table_id))
        if name not in out.values():
            out[version] = name
    return out


def _layout_is(table_id: str, version: str) -> JsonDict:
    """Schema condition: the effective layout of ``table_id`` is template ``version``."""
    return {
        "anyOf": [
            {
                "required": ["table_templates"],
                "properties": {
                    "table_templates": {
                        "type": "object",
                        "required": [table_id],
                        "properties": {table_id: {"const": version}},
                    }
                },
            },
            {
                "required": ["template"],
                "properties": {
                    "template": {"const": version},
                    "table_templates": {"type": "object", "properties": {table_id: False}},
                },
            },
        ]
    }


def _rows_of(table: TableSpec) -> JsonDict:
    """Exactly the rows of one layout, values unchecked: the ``oneOf`` of the table's property
    checks every cell, so the layout rule only has to tell the layouts apart, rather than check
    every cell a second time. The layouts of a table never have the same rows."""
    others = [t.table(table.id) for t in TEMPLATES.values() if t.table(table.id) != table]
    if any(o.row_ids == table.row_ids for o in others):
        raise ValueError(f"{table.id}: two layouts with the same rows cannot be told apart")
    return {
        "type": "object",
        "required": [r.id for r in table.rows],
        "properties": {r.id: True for r in table.rows},
        "additionalProperties": False,
    }


def _table_property(table_id: str, label: str, description: str) -> JsonDict:
    layouts = list(_layouts(table_id).values())
    if len(layouts) == 1:
        return _annotated_ref(layouts[0], labelled(label, description))
    return {
        **labelled(label, description),
        "$comment": "The layouts differ in their row and column ids, so exactly one matches; "
        "the report's template (or table_templates) says which (see dependentSchemas).",
        "oneOf": [_ref(name) for name in layouts],
    }


@per_registry  # one schema per set of templates in force
def _build() -> JsonDict:
    versions = sorted(TEMPLATES)
    latest = TEMPLATES.newest
    defs: JsonDict = {_KIND_NAMES[k]: dict(v) for k, v in _KIND_DEFS.items()}
    for cls in _OBJECTS:
        defs[cls.__name__] = _object_schema(cls)
    for template in TEMPLATES.values():
        defs.update(_table_defs(template))

    def section(section_id: str) -> JsonDict:
        spec = latest.section(section_id)
        return labelled(spec.heading, spec.description)

    properties: JsonDict = {
        "format_version": {
            **labelled(
                "格式版本", "Version of the gi-report document format this document follows."
            ),
            "const": FORMAT_VERSION,
        },
        "template": {
            **labelled(
                "年度报告格式版本",
                "The national template the report follows: "
                + "; ".join(
                    f"{v} = 《{TEMPLATES[v].name}》 ({TEMPLATES[v].document})" for v in versions
                )
                + ".",
            ),
            "enum": versions,
        },
        "table_templates": {
            **labelled(
                "表格格式版本",
                "Only for reports that mix layouts: the tables whose layout follows another "
                "template than `template`, mapped to that template's version.",
            ),
            "type": "object",
            "minProperties": 1,
            "properties": {t: {"enum": versions} for t in TABLE_IDS},
            "additionalProperties": False,
        },
        "metadata": _annotated_ref(
            "Metadata",
            labelled("基本信息", "Who reports, on which year, and where the report was found."),
        ),
        "preamble": {
            **labelled("引言", "Text between the title and section 一, verbatim; null if none."),
            "type": ["string", "null"],
            "maxLength": MAX_TEXT_CHARS,
        },
        "overview": _annotated_ref("Overview", section("overview")),
        **{
            t: _table_property(
                t, latest.section(latest.table(t).section).heading,
                latest.section(latest.table(t).section).description,
            )
            for t in TABLE_IDS
        },
        "table_sections": _annotated_ref(
            "TableSections",
            labelled(
                "表格部分的文字",
                "Headings and free text printed in sections 二, 三 and 四 beside their tables.",
            ),
        ),
        "problems": _annotated_ref("Narrative", section("problems")),
        "other_matters": _annotated_ref("OtherMatters", section("other_matters")),
        "closing": {
            **labelled(
                "结尾",
                "Text after section 六 (statistics period, website, signature), verbatim; null "
                "if none.",
            ),
            "type": ["string", "null"],
            "maxLength": MAX_TEXT_CHARS,
        },
    }
    # The layout of each table must be the one its template (or table_templates) names. Under
    # dependentSchemas (template is required, so they always apply) rather than the root's allOf,
    # which json-schema-to-typescript would turn into an open `{[k: string]: unknown}` type.
    conditions = [
        {"if": _layout_is(t, v), "then": {"properties": {t: _rows_of(TEMPLATES[v].table(t))}}}
        for t in TABLE_IDS
        if len(_layouts(t)) > 1
        for v in TEMPLATES
    ]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Report",
        **labelled(
            "政府信息公开工作年度报告",
            "A Government Information Disclosure Annual Report under Article 50 of the "
            "Regulations on Open Government Information, in the gi-report JSON form. Cells are "
            "null where the document leaves them blank.",
        ),
        "type": "object",
        "required": [
            "format_version",
            "template",
            "metadata",
            "proactive",
            "applications",
            "review_litigation",
        ],
        "properties": properties,
        "additionalProperties": False,
        "dependentSchemas": {"template": {"allOf": conditions}},
        "$defs": defs,
    }


def json_schema() -> JsonDict:
    """The JSON Schema of the gi-report JSON form, for every template (a fresh copy)."""
    return copy.deepcopy(_build())


def schema_text() -> str:
    """The JSON Schema as the published file holds it (UTF-8 text, 2-space indent)."""
    return json.dumps(_build(), ensure_ascii=False, indent=2) + "\n"
