"""Generates the XSD of the gi-report XML form, one file per template version.

The XML vocabulary itself (element names, kinds, namespaces) is :mod:`gi_report.xsd`, derived
from the form and the published JSON Schema; this module only writes it out as XML Schema. The
runtime reads the generated files shipped as package data, never this module.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, cast

from lxml import etree

from gi_report.form import TEMPLATES, per_registry
from gi_report.form.spec import CellKind, RowSpec, TableSpec, TemplateSpec
from gi_report.schema import FORMAT_VERSION, json_schema
from gi_report.xsd import (
    CELL_KINDS,
    CHAR,
    FORBIDDEN_CODE_PATTERN,
    INTEGER_PATTERN,
    LABEL,
    ROOT,
    ROOT_ATTRIBUTES,
    XML_NS,
    XS,
    Kind,
    Member,
    cell_kind,
    label_and_description,
    layouts_of,
    namespace,
    object_members,
    report_members,
    report_title,
    table_type_name,
    xsd_filename,
    xsd_regex,
)


@per_registry
def _json_schema() -> dict[str, Any]:
    """The JSON Schema the vocabulary is read from, parsed once."""
    return json_schema()

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
            facets.append(("pattern", xsd_regex(definition["pattern"])))
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
        layouts = _json_schema()["properties"]["table_templates"]
        layouts_label, _ = label_and_description(layouts, "")
        _document(attribute, layouts_label,
                  f"The template whose layout this table follows ({template.version}); when it "
                  "is not the report's, the report mixes layouts (table_templates in JSON).")
        _label_attribute(complex_type)


def _prefix(version: str) -> str:
    return f"v{version}"


def _report_type(schema: etree._Element, template: TemplateSpec) -> None:
    properties = _json_schema()["properties"]
    root = _sub(schema, "element", name=ROOT, type="Report")
    _document(root, report_title(), label_and_description(_json_schema(), "")[1])
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
        _document(attribute, *label_and_description(properties[name], name))
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
        f"{version} template. Generated by tools/generate.py from the form description and the "
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


@per_registry
def _xsd_bytes(version: str) -> bytes:
    return etree.tostring(xsd_tree(version), xml_declaration=True, encoding="UTF-8",
                          pretty_print=True)


def xsd_documents() -> dict[str, bytes]:
    """Every XSD file gi-report publishes, by file name (one per template version)."""
    return {xsd_filename(v): _xsd_bytes(v) for v in TEMPLATES}
