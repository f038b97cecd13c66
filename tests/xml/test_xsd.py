"""The XSD: generated from the form, committed, current, documented, and in step with JSON."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from gi_report import from_xml, load, to_xml, xsd_documents
from gi_report.form import TABLE_IDS, TEMPLATES
from gi_report.schema import json_schema
from gi_report.xsd import (
    FORBIDDEN_CHARS,
    FORBIDDEN_CODE_PATTERN,
    XS,
    compiled_schema,
    namespace,
    table_type_name,
    xsd_filename,
)
from tests.xml.helpers import EXAMPLE, ROOT, SCHEMAS, committed_schema, corpus_report
from tools.gen import xsd as generated
from tools.gen.json_schema import row_def_name
from tools.gen.xml_reference import BEGIN, END, reference_markdown

DOCS = ROOT / "docs" / "xml.md"
NS = {"xs": XS}


def _tree(version: str) -> etree._Element:
    return etree.fromstring((SCHEMAS / xsd_filename(version)).read_bytes())


def test_committed_xsd_files_are_current() -> None:
    """The files in schemas/ and the ones the runtime reads are exactly what the generator writes
    (run python tools/generate.py if this fails)."""
    fresh = generated.xsd_documents()
    assert fresh == xsd_documents()
    assert fresh == {name: (SCHEMAS / name).read_bytes() for name in fresh}


def test_generated_reference_in_the_docs_is_current() -> None:
    """The element reference in docs/xml.md is the generated one."""
    page = DOCS.read_text("utf-8")
    start, end = page.index(BEGIN), page.index(END) + len(END)
    assert page[start:end] + "\n" == reference_markdown()


def test_one_namespace_per_template() -> None:
    """Each template has its own namespace carrying the format version, and its own file."""
    assert namespace("2021") == "urn:gi-report:xml:2021:1.0"
    assert set(xsd_documents()) == {f"gi-report-{v}.xsd" for v in TEMPLATES}
    for version in TEMPLATES:
        tree = _tree(version)
        assert tree.get("targetNamespace") == namespace(version)
        imported = {i.get("namespace") for i in tree.findall("xs:import", NS)}
        assert imported == {namespace(v) for v in TEMPLATES if v != version}


@pytest.mark.parametrize("version", sorted(TEMPLATES))
def test_committed_files_compile_as_a_user_would_load_them(version: str) -> None:
    """The committed XSDs load from disk with their mutual imports, and accept to_xml output."""
    assert committed_schema(version) is not None
    assert compiled_schema(version) is compiled_schema(version)  # built once, in memory


@pytest.mark.parametrize("version", sorted(TEMPLATES))
def test_tables_in_the_xsd_are_the_forms_and_the_json_schemas(version: str) -> None:
    """Every table: the rows of the form in order, each with its cells, all required and nillable;
    the same cells as the JSON Schema, with the same kinds."""
    tree = _tree(version)
    defs = json_schema()["$defs"]
    kinds = {"count": "Count", "signed_count": "SignedCount", "amount": "Amount", "text": "Text"}
    for table_id in TABLE_IDS:
        spec = TEMPLATES[version].table(table_id)
        (complex_type,) = tree.findall(f"xs:complexType[@name='{table_type_name(spec)}']", NS)
        rows = complex_type.findall("xs:sequence/xs:element", NS)
        assert [r.get("name") for r in rows] == [r.id for r in spec.rows]
        for row_element, row in zip(rows, spec.rows, strict=True):
            cells = row_element.findall("xs:complexType/xs:sequence/xs:element", NS)
            assert [c.get("name") for c in cells] == list(row.columns)
            assert all(c.get("nillable") == "true" and c.get("minOccurs") is None for c in cells)
            json_row = defs[row_def_name(TEMPLATES[version], spec, row)]
            assert list(json_row["properties"]) == [c.get("name") for c in cells]
            assert json_row["required"] == list(row.columns)
            for cell in cells:
                ref = json_row["properties"][cell.get("name")]["$ref"].rsplit("/", 1)[-1]
                assert cell.get("type") == kinds[ref]


@pytest.mark.parametrize("version", sorted(TEMPLATES))
def test_every_declaration_is_documented(version: str) -> None:
    """Every named element, attribute and type has documentation (Chinese title or English)."""
    tree = _tree(version)
    missing = []
    for node in tree.iter(f"{{{XS}}}element", f"{{{XS}}}attribute", f"{{{XS}}}complexType",
                          f"{{{XS}}}simpleType"):
        if node.get("name") is None:
            continue
        if node.find("xs:annotation/xs:documentation", NS) is None:
            missing.append(f"{etree.QName(node).localname} {node.get('name')} "
                           f"(line {node.sourceline})")
    assert missing == []


def test_labels_in_the_xsd_are_the_forms() -> None:
    """Row elements are documented with their official label (no label list of our own)."""
    tree = _tree("2021")
    spec = TEMPLATES["2021"].table("applications")
    for row in spec.rows:
        (element,) = tree.findall(
            f"xs:complexType[@name='ApplicationsTable']/xs:sequence/xs:element[@name='{row.id}']",
            NS,
        )
        assert element.findtext("xs:annotation/xs:documentation", namespaces=NS) == row.label


def test_the_char_code_pattern_is_exactly_the_forbidden_characters() -> None:
    """The XSD's char codes and the writer's regex name the same characters."""
    allowed = re.compile(f"^({FORBIDDEN_CODE_PATTERN})$")
    for code in range(0x10000):
        in_pattern = bool(allowed.match(f"{code:04X}"))
        assert in_pattern == bool(FORBIDDEN_CHARS.match(chr(code))), hex(code)


def _doc_block(heading: str, index: int = 0) -> list[str]:
    page = DOCS.read_text("utf-8")
    section = page[page.index(heading):]
    blocks = re.findall(r"```xml\n(.*?)```", section, re.S)
    return blocks[index].splitlines()


def _appears_in_order(excerpt: list[str], document: str) -> None:
    lines = [line.strip() for line in document.splitlines()]
    position = 0
    for line in excerpt:
        text = line.strip()
        if not text or text == "…" or text.startswith("<!--"):
            continue
        assert text in lines[position:], f"not in to_xml's output (in this order): {text}"
        position = lines.index(text, position) + 1


def test_annotated_example_in_the_docs_is_what_to_xml_writes() -> None:
    """Every non-annotation line of the docs' annotated example is to_xml's, in order."""
    document = to_xml(load(EXAMPLE)).decode("utf-8")
    excerpt = _doc_block("## An annotated example")
    assert len(excerpt) > 60
    _appears_in_order(excerpt, document)
    blank_cells = _doc_block("## An annotated example", 1)
    _appears_in_order(blank_cells, to_xml(corpus_report("2019-shanghai-gov-office")).decode())


def test_error_example_in_the_docs_is_what_from_xml_says() -> None:
    """The error listing in docs/xml.md is the real message for the change it describes."""
    document = to_xml(load(EXAMPLE)).decode("utf-8")
    granted = document.index("<granted ")
    end = document.index("</granted>", granted)
    row = document[granted:end]
    row = row.replace(">0</natural_person>", ">-3</natural_person>", 1)
    row = re.sub(r"\n\s*<total [^>]*>0</total>", "", row)
    bad = document[:granted] + row + document[end:]
    with pytest.raises(ValueError) as caught:
        from_xml(bad, source="bad.xml")
    page = DOCS.read_text("utf-8")
    listing = re.search(r"```text\n(bad\.xml: .*?)```", page, re.S)
    assert listing is not None
    assert str(caught.value) + "\n" == listing[1]
