"""The published JSON Schema (Draft 2020-12), built from the form description and the model.

Nothing here lists a label: titles come from :mod:`gi_report.form`, descriptions of the
narrative and metadata fields from the attrs field metadata in :mod:`gi_report.model`.
"""

from __future__ import annotations

import datetime
import types
import typing
from decimal import Decimal
from functools import cache
from typing import Any

import attrs

from gi_report.form import TABLE_IDS, TEMPLATES
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

FORMAT_VERSION = "1.0"
"""The version of the JSON/XML document format; written into every document."""

SCHEMA_ID = f"urn:gi-report:schema:report:{FORMAT_VERSION}"
DECIMAL_PATTERN = r"^(0|[1-9][0-9]*)(\.[0-9]+)?$"
JsonDict = dict[str, Any]

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
    if tp is Decimal:
        return {key: value for key, value in _KIND_DEFS[CellKind.AMOUNT].items()
                if key != "description"} | {"type": "string"}
    if tp is datetime.date:
        return {"type": "string"}
    if attrs.has(tp):
        return _ref(tp.__name__)
    raise TypeError(f"no JSON Schema for {tp!r}")


def _object_schema(cls: type) -> JsonDict:
    hints = typing.get_type_hints(cls)
    properties: JsonDict = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        schema = _type_schema(hints[field.name])
        if field.metadata.get("schema"):
            schema.update(field.metadata["schema"])
        if "kind" in field.metadata:
            schema.update(field.metadata["kind"])
        properties[field.name] = {
            "title": field.metadata["title"],
            "description": field.metadata["description"],
            **schema,
        }
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


def _def_name(template: TemplateSpec, table: TableSpec, row: RowSpec | None = None) -> str:
    name = f"v{template.version}.{table.id}"
    return f"{name}.{row.id}" if row is not None else name


def _cell_title(table: TableSpec, row: RowSpec, column: ColumnSpec) -> str:
    group_labels = [table.group(g).label for g in reversed(table.group_chain(row.group))]
    row_label = " › ".join([*group_labels, row.label])
    column_label = " › ".join([*column.header_path, column.label])
    return f"{row_label} | {column_label}"


def _table_defs(template: TemplateSpec) -> JsonDict:
    defs: JsonDict = {}
    for table in template.tables:
        number = template.section(table.section).number
        for position, row in enumerate(table.rows, start=1):
            cells: JsonDict = {}
            for column in (table.column(c) for c in row.columns):
                cells[column.id] = {
                    "title": _cell_title(table, row, column),
                    "description": (
                        f"{row.description} {column.description} Section {number} ({table.id}), "
                        f"row {position} ({row.id}), column {column.id}; "
                        f"template {template.version}."
                    ),
                    **_ref(_KIND_NAMES[column.kind]),
                }
            defs[_def_name(template, table, row)] = {
                "title": row.label,
                "description": row.description,
                "type": "object",
                "required": list(row.columns),
                "properties": cells,
                "additionalProperties": False,
            }
        defs[_def_name(template, table)] = {
            "title": table.title,
            "description": f"{table.description} Layout of template {template.version} "
            f"({template.document}): {len(table.rows)} rows, {table.cell_count} cells.",
            "type": "object",
            "required": [r.id for r in table.rows],
            "properties": {
                r.id: {
                    "title": r.label,
                    "description": f"{r.description} Row {i} of section "
                    f"{template.section(table.section).number}.",
                    **_ref(_def_name(template, table, r)),
                }
                for i, r in enumerate(table.rows, start=1)
            },
            "additionalProperties": False,
        }
    return defs


def _layout_is(table_id: str, version: str) -> JsonDict:
    """Schema condition: the effective layout of ``table_id`` is template ``version``."""
    return {
        "anyOf": [
            {
                "required": ["table_templates"],
                "properties": {
                    "table_templates": {
                        "required": [table_id],
                        "properties": {table_id: {"const": version}},
                    }
                },
            },
            {
                "required": ["template"],
                "properties": {
                    "template": {"const": version},
                    "table_templates": {"not": {"required": [table_id]}},
                },
            },
        ]
    }


@cache
def _build() -> JsonDict:
    versions = sorted(TEMPLATES)
    latest = TEMPLATES[versions[-1]]
    defs: JsonDict = {_KIND_NAMES[k]: dict(v) for k, v in _KIND_DEFS.items()}
    for cls in _OBJECTS:
        defs[cls.__name__] = _object_schema(cls)
    for template in TEMPLATES.values():
        defs.update(_table_defs(template))

    def section(section_id: str) -> JsonDict:
        spec = latest.section(section_id)
        return {"title": spec.heading, "description": spec.description}

    properties: JsonDict = {
        "format_version": {
            "title": "格式版本",
            "description": "Version of the gi-report document format this document follows.",
            "const": FORMAT_VERSION,
        },
        "template": {
            "title": "年度报告格式版本",
            "description": "The national template the report follows: "
            + "; ".join(
                f"{v} = 《{TEMPLATES[v].name}》 ({TEMPLATES[v].document})" for v in versions
            )
            + ".",
            "enum": versions,
        },
        "table_templates": {
            "title": "表格格式版本",
            "description": "Only for reports that mix layouts: the tables whose layout follows "
            "another template than `template`, mapped to that template's version.",
            "type": "object",
            "minProperties": 1,
            "properties": {t: {"enum": versions} for t in TABLE_IDS},
            "additionalProperties": False,
        },
        "metadata": {
            "title": "基本信息",
            "description": "Who reports, on which year, and where the report was found.",
            **_ref("Metadata"),
        },
        "preamble": {
            "title": "引言",
            "description": "Text between the title and section 一, verbatim; null if none.",
            "type": ["string", "null"],
            "maxLength": MAX_TEXT_CHARS,
        },
        "overview": {**section("overview"), **_ref("Overview")},
        **{
            t: {
                **section(latest.table(t).section),
                "type": "object",
                "$comment": "The rows and cells are given by the layout's template: see allOf.",
            }
            for t in TABLE_IDS
        },
        "table_sections": {
            "title": "表格部分的文字",
            "description": "Headings and free text printed in sections 二, 三 and 四 beside "
            "their tables.",
            **_ref("TableSections"),
        },
        "problems": {**section("problems"), **_ref("Narrative")},
        "other_matters": {**section("other_matters"), **_ref("OtherMatters")},
        "closing": {
            "title": "结尾",
            "description": "Text after section 六 (statistics period, website, signature), "
            "verbatim; null if none.",
            "type": ["string", "null"],
            "maxLength": MAX_TEXT_CHARS,
        },
    }
    conditions = [
        {
            "if": _layout_is(t, v),
            "then": {"properties": {t: _ref(_def_name(TEMPLATES[v], TEMPLATES[v].table(t)))}},
        }
        for t in TABLE_IDS
        for v in versions
    ]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "政府信息公开工作年度报告",
        "description": "A Government Information Disclosure Annual Report "
        "(政府信息公开工作年度报告) under Article 50 of the Regulations on Open Government "
        "Information, in the gi-report JSON form. Cells are null where the document leaves "
        "them blank.",
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
        "allOf": conditions,
        "$defs": defs,
    }


def json_schema() -> JsonDict:
    """The JSON Schema of the gi-report JSON form, for both templates (a fresh copy)."""
    import copy

    return copy.deepcopy(_build())


SCHEMA_FILE = "report.schema.json"
"""File name of the published JSON Schema under ``schemas/``."""


def schema_text() -> str:
    """The JSON Schema as the committed file holds it (UTF-8 text, 2-space indent)."""
    import json

    return json.dumps(_build(), ensure_ascii=False, indent=2) + "\n"

