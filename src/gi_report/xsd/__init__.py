"""The XML vocabulary of gi-report and its XSD, both derived from the form and the JSON Schema.

Nothing here lists a label or a field: the elements of the metadata and narrative parts are the
properties of the JSON Schema (itself built from the attrs model), those of the fixed tables are
the rows and columns of :mod:`gi_report.form`. One XSD per template version, each with its own
target namespace (``urn:gi-report:xml:<template>:<format version>``); a report that mixes layouts
holds a table element from the other template's namespace, so each XSD imports the others.

Regenerate the committed files with ``python -m gi_report.xsd schemas/ --docs docs/xml.md``
(``--check`` compares instead of writing).
"""

from __future__ import annotations

import argparse
import enum
import re
import sys
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any, cast

import attrs
from lxml import etree

from gi_report.fileio import write_atomic
from gi_report.form import TABLE_IDS, TEMPLATES
from gi_report.form.spec import CellKind, ColumnSpec, RowSpec, TableSpec, TemplateSpec
from gi_report.schema import FORMAT_VERSION, json_schema
from gi_report.xmlsafety import hardened_xml_parser

XS = "http://www.w3.org/2001/XMLSchema"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NAMESPACE_BASE = "urn:gi-report:xml"

ROOT = "report"
"""Local name of the document element."""
CHAR = "char"
"""Local name of the element that stands for one character XML 1.0 cannot hold."""
LABEL = "label"
"""Attribute carrying the official Chinese label; informative, ignored when reading."""
ROOT_ATTRIBUTES = ("format_version", "template")
"""Members of the JSON form that the XML form carries as attributes of the document element."""

INTEGER_PATTERN = "0|-?[1-9][0-9]*"
"""Integers in one lexical form only (no sign on zero, no leading zeros or plus sign)."""
FORBIDDEN_CODE_PATTERN = "000[0-8BCEF]|001[0-9A-F]|D[89A-F][0-9A-F]{2}|FFF[EF]"
"""The ``code`` of a ``char`` element: 4 upper-case hex digits of a character XML 1.0 forbids."""
FORBIDDEN_CHARS = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters outside XML 1.0's ``Char`` production (controls, U+FFFE/FFFF, lone surrogates)."""


class Kind(enum.Enum):
    """What an element of the XML form holds, and so how it is written and read."""

    TEXT = "text"  #: any text; characters XML forbids as ``char`` child elements
    INTEGER = "integer"  #: a whole number
    DECIMAL = "decimal"  #: an exact decimal, kept as written
    DATE = "date"  #: a date YYYY-MM-DD
    STRING = "string"  #: a code or a constrained string (codelist, pattern), kept as written
    OBJECT = "object"  #: a group of members
    LIST = "list"  #: repeated items of one object type
    TABLE = "table"  #: a fixed table of the form


@attrs.frozen(kw_only=True)
class Member:
    """One child element of the XML form: name (= the JSON key), kind, and how often it occurs."""

    name: str
    kind: Kind
    title: str  #: the Chinese title, written as the ``label`` attribute
    description: str
    required: bool = True
    nillable: bool = False
    type_name: str | None = None  #: a named XSD type; ``None``: restriction of ``base``
    base: str | None = None
    facets: tuple[tuple[str, str], ...] = ()
    target: str | None = None  #: OBJECT and LIST: the object type's name
    item: str | None = None  #: LIST: the element name of one item


CELL_KINDS: dict[CellKind, tuple[Kind, str]] = {
    CellKind.COUNT: (Kind.INTEGER, "Count"),
    CellKind.SIGNED_COUNT: (Kind.INTEGER, "SignedCount"),
    CellKind.AMOUNT: (Kind.DECIMAL, "Amount"),
    CellKind.TEXT: (Kind.TEXT, "Text"),
}
"""A table cell kind of the form → how the XML form holds it and its XSD type."""


# --- the vocabulary ---------------------------------------------------------------------------


def namespace(version: str) -> str:
    """The XML namespace of a template version, e.g. ``urn:gi-report:xml:2021:1.0``."""
    return f"{NAMESPACE_BASE}:{version}:{FORMAT_VERSION}"


@cache
def namespaces() -> dict[str, str]:
    """Every namespace gi-report reads, mapped to its template version."""
    return {namespace(v): v for v in TEMPLATES}


def xsd_filename(version: str) -> str:
    """The file name of the XSD of a template version, e.g. ``gi-report-2021.xsd``."""
    return f"gi-report-{version}.xsd"


@cache
def _json_schema() -> dict[str, Any]:
    """The JSON Schema, built once and only read here."""
    return json_schema()


def _xsd_regex(pattern: str) -> str:
    """A JSON Schema (ECMA 262) pattern as an XSD pattern: XSD patterns are always anchored."""
    core = pattern.removeprefix("^").removesuffix("$")
    return core.replace("(?:", "(")


def _def_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def _item_name(def_name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", def_name).lower()


def _camel(identifier: str) -> str:
    return "".join(part.capitalize() for part in identifier.split("_"))


def _fee_kinds() -> dict[str, CellKind]:
    return {f.id: f.kind for t in TEMPLATES.values() for f in t.fee_fields}


def _member(name: str, prop: dict[str, Any], required: bool) -> Member:
    """The element for one JSON Schema property (of the model's parts)."""
    doc = {"title": prop.get("title", name), "description": prop.get("description", "")}
    types = prop.get("type", [])
    types = [types] if isinstance(types, str) else list(types)
    nillable = "null" in types or any(
        option.get("type") == "null" for option in prop.get("anyOf", [])
    )
    common = {"name": name, "required": required, "nillable": nillable, **doc}
    refs = [prop.get("$ref")] + [o.get("$ref") for o in prop.get("anyOf", [])]
    ref = next((r for r in refs if r), None)
    if ref is not None:
        return Member(kind=Kind.OBJECT, target=_def_name(ref), **common)
    if "array" in types:
        target = _def_name(prop["items"]["$ref"])
        return Member(kind=Kind.LIST, target=target, item=_item_name(target), **common)
    fee = _fee_kinds().get(name)
    if fee is not None:
        kind, type_name = CELL_KINDS[fee]
        return Member(kind=kind, type_name=type_name, **common)
    if "integer" in types:
        facets = [("pattern", INTEGER_PATTERN)]
        if "minimum" in prop:
            facets.append(("minInclusive", str(prop["minimum"])))
        if "maximum" in prop:
            facets.append(("maxInclusive", str(prop["maximum"])))
        return Member(kind=Kind.INTEGER, base="xs:integer", facets=tuple(facets), **common)
    if "string" not in types:
        raise TypeError(f"no XML form for the JSON Schema property {name}: {prop}")
    if prop.get("format") == "date":
        facets = [("pattern", _xsd_regex(prop["pattern"]))] if "pattern" in prop else []
        return Member(kind=Kind.DATE, base="xs:date", facets=tuple(facets), **common)
    if "enum" in prop:
        values = tuple(("enumeration", v) for v in prop["enum"] if v is not None)
        return Member(kind=Kind.STRING, base="xs:string", facets=values, **common)
    if "pattern" in prop:
        facets = [("pattern", _xsd_regex(prop["pattern"]))]
        if "maxLength" in prop:
            facets.append(("maxLength", str(prop["maxLength"])))
        return Member(kind=Kind.STRING, base="xs:string", facets=tuple(facets), **common)
    return Member(kind=Kind.TEXT, type_name="Text", **common)


@cache
def object_members(def_name: str) -> tuple[Member, ...]:
    """The child elements of an object type of the JSON Schema (``Metadata``…), in order."""
    definition = _json_schema()["$defs"][def_name]
    required = set(definition.get("required", ()))
    return tuple(
        _member(name, prop, name in required) for name, prop in definition["properties"].items()
    )


@cache
def report_members() -> tuple[Member, ...]:
    """The child elements of ``report``, in the JSON form's order (the tables included)."""
    schema = _json_schema()
    required = set(schema["required"])
    out: list[Member] = []
    for name, prop in schema["properties"].items():
        if name in ROOT_ATTRIBUTES or name == "table_templates":
            continue  # attributes of the root; table layouts are the tables' namespaces
        if name in TABLE_IDS:
            out.append(
                Member(
                    name=name,
                    kind=Kind.TABLE,
                    title=prop["title"],
                    description=prop["description"],
                    required=name in required,
                )
            )
        else:
            out.append(_member(name, prop, name in required))
    return tuple(out)


def report_title() -> str:
    """The Chinese title of the whole document (the JSON Schema's title)."""
    title: str = _json_schema()["title"]
    return title


def cell_kind(column: ColumnSpec) -> tuple[Kind, str]:
    """How a cell of ``column`` is held (kind) and its XSD type name."""
    return CELL_KINDS[column.kind]


def table_type_name(table: TableSpec) -> str:
    """The XSD type name of a fixed table, e.g. ``ApplicationsTable``."""
    return f"{_camel(table.id)}Table"


def layouts_of(table_id: str) -> list[str]:
    """The template versions that have a table ``table_id``, in ``TEMPLATES`` order."""
    return [v for v, t in TEMPLATES.items() if any(s.id == table_id for s in t.tables)]


# --- XSD generation -----------------------------------------------------------------------------


def _xs(tag: str) -> str:
    return f"{{{XS}}}{tag}"


def _sub(parent: etree._Element, tag: str, **attrib: str) -> etree._Element:
    return etree.SubElement(parent, _xs(tag), attrib)


def _document(parent: etree._Element, title: str | None, description: str | None) -> None:
    annotation = _sub(parent, "annotation")
    for lang, text in (("zh", title), ("en", description)):
        if text:
            doc = _sub(annotation, "documentation")
            doc.set(f"{{{XML_NS}}}lang", lang)
            doc.text = text


def _label_attribute(parent: etree._Element) -> None:
    attribute = _sub(parent, "attribute", name=LABEL, type="xs:string")
    _document(attribute, "官方标签", "The official Chinese label, for a human reader; ignored "
              "when the document is read.")


def _restriction(parent: etree._Element, base: str, facets: Sequence[tuple[str, str]]
                 ) -> None:
    restriction = _sub(parent, "restriction", base=base)
    for facet, value in facets:
        _sub(restriction, facet, value=value)


def _labelled_simple(schema: etree._Element, name: str, value_type: str, doc: str) -> None:
    """A complex type with simple content of ``value_type`` and the optional label."""
    complex_type = _sub(schema, "complexType", name=name)
    _document(complex_type, None, doc)
    content = _sub(complex_type, "simpleContent")
    extension = _sub(content, "extension", base=value_type)
    _label_attribute(extension)


def _value_types(schema: etree._Element) -> None:
    defs = _json_schema()["$defs"]
    specs = {
        CellKind.COUNT: ("xs:integer", [("pattern", INTEGER_PATTERN)]),
        CellKind.SIGNED_COUNT: ("xs:integer", [("pattern", INTEGER_PATTERN)]),
        CellKind.AMOUNT: ("xs:decimal", []),
    }
    for cell_kind_, (base, facets) in specs.items():
        definition = defs[cell_kind_.value]
        facets = list(facets)
        if "minimum" in definition:
            facets.append(("minInclusive", str(definition["minimum"])))
        if "maximum" in definition:
            facets.append(("maxInclusive", str(definition["maximum"])))
        if "pattern" in definition:
            facets.append(("pattern", _xsd_regex(definition["pattern"])))
        name = CELL_KINDS[cell_kind_][1]
        simple = _sub(schema, "simpleType", name=f"{name}Value")
        _document(simple, None, definition["description"])
        _restriction(simple, base, facets)
        _labelled_simple(schema, name, f"{name}Value", definition["description"] +
                         " A blank is the empty element with xsi:nil=\"true\".")
    text = _sub(schema, "complexType", name="Text", mixed="true")
    _document(text, None, "Text, verbatim (whitespace included). A character that XML 1.0 "
              "cannot hold is written as an empty char element whose code attribute is its "
              "code point in 4 hex digits; null is xsi:nil=\"true\".")
    sequence = _sub(text, "sequence")
    char_element = _sub(sequence, "element", name=CHAR, type="Char", minOccurs="0",
                        maxOccurs="unbounded")
    _document(char_element, "字符", "Stands for one character XML 1.0 cannot hold, at its place "
              "in the text.")
    _label_attribute(text)
    char = _sub(schema, "complexType", name="Char")
    _document(char, "字符", "One character outside XML 1.0's Char production (U+0000–U+0008, "
              "U+000B, U+000C, U+000E–U+001F, a lone surrogate U+D800–U+DFFF, U+FFFE, U+FFFF).")
    code = _sub(char, "attribute", name="code", use="required")
    _document(code, None, "The character's code point: 4 upper-case hex digits, e.g. 000C.")
    code_type = _sub(code, "simpleType")
    _restriction(code_type, "xs:string", [("pattern", FORBIDDEN_CODE_PATTERN)])


def _member_element(parent: etree._Element, owner: str, member: Member) -> None:
    attrib = {"name": member.name}
    if not member.required:
        attrib["minOccurs"] = "0"
    if member.nillable:
        attrib["nillable"] = "true"
    if member.kind is Kind.OBJECT:
        attrib["type"] = str(member.target)
    elif member.kind is Kind.LIST:
        pass
    elif member.type_name is not None:
        attrib["type"] = member.type_name
    else:
        attrib["type"] = f"{owner}.{member.name}"
    element = _sub(parent, "element", **attrib)
    _document(element, member.title, member.description)
    if member.kind is Kind.LIST:
        complex_type = _sub(element, "complexType")
        sequence = _sub(complex_type, "sequence")
        item = _sub(sequence, "element", name=str(member.item), type=str(member.target),
                    minOccurs="0", maxOccurs="unbounded")
        definition = _json_schema()["$defs"][str(member.target)]
        _document(item, None, f"{definition['description']} One element per item, in order.")
        _label_attribute(complex_type)


def _restricted_types(schema: etree._Element, owner: str, members: Sequence[Member]) -> None:
    """Types for members restricted by their own facets (``Metadata.year``…)."""
    for member in members:
        if member.type_name is None and member.kind not in (Kind.OBJECT, Kind.LIST, Kind.TABLE):
            name = f"{owner}.{member.name}"
            simple = _sub(schema, "simpleType", name=f"{name}.value")
            _document(simple, member.title, member.description)
            _restriction(simple, str(member.base), member.facets)
            _labelled_simple(schema, name, f"{name}.value", member.description)


def _object_types(schema: etree._Element) -> None:
    done: set[str] = set()

    def visit(members: Sequence[Member]) -> Iterator[str]:
        for member in members:
            if member.target is not None and member.target not in done:
                done.add(member.target)
                yield member.target
                yield from visit(object_members(member.target))

    for def_name in list(visit(report_members())):
        definition = _json_schema()["$defs"][def_name]
        members = object_members(def_name)
        complex_type = _sub(schema, "complexType", name=def_name)
        _document(complex_type, None, definition.get("description"))
        sequence = _sub(complex_type, "sequence")
        for member in members:
            _member_element(sequence, def_name, member)
        _label_attribute(complex_type)
        _restricted_types(schema, def_name, members)


def _row_element(sequence: etree._Element, table: TableSpec, row: RowSpec) -> None:
    element = _sub(sequence, "element", name=row.id)
    _document(element, row.label, row.description)
    complex_type = _sub(element, "complexType")
    cells = _sub(complex_type, "sequence")
    for column_id in row.columns:
        column = table.column(column_id)
        cell = _sub(cells, "element", name=column.id, type=cell_kind(column)[1], nillable="true")
        path = " › ".join([*column.header_path, column.label])
        _document(cell, path, column.description)
    _label_attribute(complex_type)


def _table_types(schema: etree._Element, template: TemplateSpec) -> None:
    for table in template.tables:
        element = _sub(schema, "element", name=table.id, type=table_type_name(table))
        _document(element, table.title, f"{table.description} Layout of template "
                  f"{template.version} ({template.document}).")
        complex_type = _sub(schema, "complexType", name=table_type_name(table))
        _document(complex_type, table.title, f"{len(table.rows)} rows, {table.cell_count} "
                  "cells; every cell is required, a blank one is xsi:nil=\"true\".")
        sequence = _sub(complex_type, "sequence")
        for row in table.rows:
            _row_element(sequence, table, row)
        attribute = _sub(complex_type, "attribute", name="template", type="xs:string",
                         use="required", fixed=template.version)
        _document(attribute, _json_schema()["properties"]["table_templates"]["title"],
                  f"The template whose layout this table follows ({template.version}); when it "
                  "is not the report's, the report mixes layouts (table_templates in JSON).")
        _label_attribute(complex_type)


def _prefix(version: str) -> str:
    return f"v{version}"


def _report_type(schema: etree._Element, template: TemplateSpec) -> None:
    properties = _json_schema()["properties"]
    root = _sub(schema, "element", name=ROOT, type="Report")
    _document(root, report_title(), _json_schema()["description"])
    complex_type = _sub(schema, "complexType", name="Report")
    _document(complex_type, report_title(), f"One report following the {template.version} "
              "template; its members in the JSON form's order, its tables in any template's "
              "layout.")
    sequence = _sub(complex_type, "sequence")
    for member in report_members():
        if member.kind is not Kind.TABLE:
            _member_element(sequence, "Report", member)
            continue
        choice = _sub(sequence, "choice")
        _document(choice, member.title, member.description + " The element's namespace "
                  "says which template's layout the table follows.")
        for version in layouts_of(member.name):
            prefix = "" if version == template.version else f"{_prefix(version)}:"
            _sub(choice, "element", ref=f"{prefix}{member.name}")
    for name in ROOT_ATTRIBUTES:
        value = FORMAT_VERSION if name == "format_version" else template.version
        attribute = _sub(complex_type, "attribute", name=name, type="xs:string",
                         use="required", fixed=value)
        _document(attribute, properties[name]["title"], properties[name]["description"])
    _label_attribute(complex_type)
    _restricted_types(schema, "Report", report_members())


def xsd_tree(version: str) -> etree._Element:
    """The XSD of template ``version``'s namespace, as an lxml element."""
    template = TEMPLATES[version]
    target = namespace(version)
    others = [v for v in TEMPLATES if v != version]
    nsmap: dict[str | None, str] = {"xs": XS, None: target}
    nsmap.update({_prefix(v): namespace(v) for v in others})
    schema = etree.Element(
        _xs("schema"),
        {
            "targetNamespace": target,
            "elementFormDefault": "qualified",
            "attributeFormDefault": "unqualified",
            "version": FORMAT_VERSION,
        },
        nsmap=cast(Any, nsmap),
    )
    _document(
        schema,
        f"{report_title()} · 《{template.name}》（{template.document}）",
        f"The gi-report XML form, format {FORMAT_VERSION}, for reports following the "
        f"{version} template. Generated by gi_report.xsd from the form description and the "
        "JSON Schema; do not edit by hand. A blank table cell is an empty element with "
        "xsi:nil=\"true\", distinct from 0; the label attributes are informative only.",
    )
    for other in others:
        _sub(schema, "import", namespace=namespace(other), schemaLocation=xsd_filename(other))
    _report_type(schema, template)
    _object_types(schema)
    _table_types(schema, template)
    _value_types(schema)
    return schema


@cache
def _xsd_bytes(version: str) -> bytes:
    return etree.tostring(xsd_tree(version), xml_declaration=True, encoding="UTF-8",
                          pretty_print=True)


def xsd_documents() -> dict[str, bytes]:
    """Every XSD file gi-report publishes, by file name (one per template version)."""
    return {xsd_filename(v): _xsd_bytes(v) for v in TEMPLATES}


class _InMemory(etree.Resolver):
    """Serves the generated XSDs to each other's ``xs:import``; refuses anything else."""

    def resolve(  # type: ignore[override]
        self, system_url: str | None, public_id: str | None, context: Any
    ) -> Any:
        name = (system_url or "").rsplit("/", 1)[-1]
        documents = xsd_documents()
        if name not in documents:
            raise ValueError(f"gi-report's XSD imports only its own files, not {system_url!r}")
        return self.resolve_string(documents[name], context, base_url=None)


@cache
def compiled_schema(version: str) -> etree.XMLSchema:
    """The compiled XSD of template ``version`` (built in memory; no file is read)."""
    parser = hardened_xml_parser()  # our own XSD, but parsed like any other XML
    parser.resolvers.add(_InMemory())
    document = etree.fromstring(
        _xsd_bytes(version), parser, base_url=f"gi-report:/schemas/{xsd_filename(version)}"
    )
    return etree.XMLSchema(document)


# --- regenerating the committed files -------------------------------------------------------------


def stale_files(directory: str | Path) -> list[str]:
    """The XSD files in ``directory`` that are missing or differ from what the code generates."""
    base = Path(directory)
    return [
        name
        for name, data in xsd_documents().items()
        if not (base / name).is_file() or (base / name).read_bytes() != data
    ]


def write_xsd(directory: str | Path) -> list[Path]:
    """Write every XSD into ``directory`` (atomically); returns the paths written."""
    base = Path(directory)
    base.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in xsd_documents().items():
        write_atomic(base / name, data)
        written.append(base / name)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m gi_report.xsd [--check] [--docs PAGE] DIR``: write (or check) the XSD files."""
    from gi_report.xsd.reference import replace_section, update_page

    parser = argparse.ArgumentParser(
        prog="python -m gi_report.xsd",
        description="Generate the XSD of the gi-report XML form (one file per template).",
    )
    parser.add_argument("directory", help="where the .xsd files go, e.g. schemas/")
    parser.add_argument("--docs", metavar="PAGE",
                        help="also regenerate the element reference in this Markdown page "
                        "(docs/xml.md)")
    parser.add_argument("--check", action="store_true",
                        help="only compare; exit 1 if a file is missing or stale")
    args = parser.parse_args(argv)
    if args.check:
        stale = [str(Path(args.directory) / name) for name in stale_files(args.directory)]
        if args.docs:
            page = Path(args.docs).read_text("utf-8")
            if replace_section(page) != page:
                stale.append(args.docs)
        for name in stale:
            print(f"{name}: stale or missing", file=sys.stderr)
        return 1 if stale else 0
    for path in write_xsd(args.directory):
        print(path)
    if args.docs and update_page(args.docs):
        print(args.docs)
    return 0
