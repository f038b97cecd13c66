"""A hypothetical third template touches form/ only.

The test builds the next revision of the form from the 2021 description with a new version id
(every table a new object, equal in content), registers it with
:func:`gi_report.form.registered` — in force inside the ``with`` block only — and runs the
model, the JSON codec, the JSON Schema, the importers and the rules on it without any change
outside ``gi_report.form``.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator

import attrs
import jsonschema
import pytest
from lxml import etree

import gi_report.schema
import gi_report.xsd
from gi_report import read_document, validate, validate_document
from gi_report.analysis import harmonise
from gi_report.codec.json import from_dict, from_json, to_dict, to_json
from gi_report.codec.xml import from_xml, to_xml
from gi_report.errors import DocumentError, UnknownTemplateError, XMLDocumentError
from gi_report.form import (
    BUILTIN,
    TEMPLATES,
    TemplateRegistry,
    TemplateSpec,
    get_template,
    newest_template,
    registered,
    template_for_year,
    v2021,
)
from gi_report.importers.vocabulary import vocabulary
from gi_report.model import empty_report
from gi_report.render.html import render_html
from gi_report.schema import json_schema
from gi_report.synthetic import random_report
from gi_report.xsd import compiled_schema, namespace, namespaces
from tools.gen import json_schema as generated_schema
from tools.gen import xsd as generated_xsd

VERSION = "2027"


def _next_template() -> TemplateSpec:
    base = v2021.TEMPLATE
    return attrs.evolve(
        base,
        version=VERSION,
        name=base.name + "（修订）",
        document="国办公开办函〔2027〕1号",
        issued="2027-01-01",
        first_year=2027,
        tables=tuple(attrs.evolve(t) for t in base.tables),
    )


NEXT = _next_template()


def _generated_file(name: str) -> bytes:
    """A derived file as ``tools/generate.py`` would write it for the templates in force."""
    if name == "report.schema.json":
        return generated_schema.schema_text().encode("utf-8")
    return generated_xsd.xsd_documents()[name]


def _serve_generated_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """The schemas the generator derives for the templates in force, in place of the shipped
    ones: adding a template is a change to form/ plus ``tools/generate.py``."""
    monkeypatch.setattr(gi_report.schema, "shipped_file", _generated_file)
    monkeypatch.setattr(gi_report.xsd, "shipped_file", _generated_file)


@pytest.fixture
def next_template(monkeypatch: pytest.MonkeyPatch) -> Iterator[TemplateSpec]:
    """The new template in force (with its generated schemas)."""
    _serve_generated_files(monkeypatch)
    with registered(NEXT):
        yield NEXT


def test_the_registry_orders_the_new_template_first(next_template: TemplateSpec) -> None:
    assert list(TEMPLATES) == [VERSION, "2021", "2019"]
    assert TEMPLATES.newest is next_template and newest_template() is next_template
    assert TEMPLATES.oldest.version == "2019"
    assert get_template(VERSION) is next_template
    assert template_for_year(2027) is next_template and template_for_year(2030) is next_template
    assert template_for_year(2026).version == "2021"


def test_the_registration_does_not_leak() -> None:
    with registered(NEXT):
        assert VERSION in TEMPLATES
        seen_by_a_thread: list[bool] = []
        thread = threading.Thread(target=lambda: seen_by_a_thread.append(VERSION in TEMPLATES))
        thread.start()
        thread.join()
        assert seen_by_a_thread == [False]  # another thread sees the built-in registry
    assert VERSION not in TEMPLATES and TEMPLATES.current is BUILTIN
    assert TEMPLATES.newest.version == "2021"
    with pytest.raises(UnknownTemplateError):
        get_template(VERSION)
    assert VERSION not in json_schema()["properties"]["template"]["enum"]


def test_the_registry_is_read_only() -> None:
    with pytest.raises(TypeError):
        TEMPLATES["2027"] = NEXT  # type: ignore[index]
    with pytest.raises(ValueError, match="registered twice"):
        BUILTIN.with_template(v2021.TEMPLATE)
    assert isinstance(BUILTIN.with_template(NEXT), TemplateRegistry)
    assert VERSION not in BUILTIN


def test_model_on_the_new_template(next_template: TemplateSpec) -> None:
    report = empty_report(agency="测试局", year=2027)  # the default: the newest template
    assert report.template == VERSION and report.template_spec is next_template
    assert report.applications.spec is next_template.table("applications")
    table = report.applications.with_row("granted", {"natural_person": 3, "total": 3})
    report = report.with_table(table)
    assert report.applications["granted", "natural_person"] == 3
    assert report.applications["granted", "commercial_enterprise"] is None
    assert report.table_templates == {}


def test_json_round_trip_and_schema_on_the_new_template(next_template: TemplateSpec) -> None:
    report = random_report(random.Random(2027), template=VERSION, year=2027, blank_rate=0.1)
    assert report.template == VERSION
    document = to_dict(report)
    schema = json_schema()
    assert VERSION in schema["properties"]["template"]["enum"]
    jsonschema.Draft202012Validator(schema).validate(document)
    assert from_dict(document) == report
    assert from_json(to_json(report)) == report
    checked = validate_document(document)
    assert not [f for f in checked.findings if f.code.startswith("gi.schema.")]


def test_a_new_template_document_is_refused_outside_the_block(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _serve_generated_files(monkeypatch)
    with registered(NEXT):
        report = random_report(random.Random(1), template=VERSION, year=2027)
        document, xml = to_dict(report), to_xml(report)
        assert from_xml(xml) == report
    with pytest.raises(DocumentError) as info:
        from_dict(document)
    assert "/template" in str(info.value)
    assert namespace(VERSION) not in namespaces()
    with pytest.raises(XMLDocumentError):
        from_xml(xml)


def test_xml_and_xsd_on_the_new_template(next_template: TemplateSpec) -> None:
    report = random_report(random.Random(11), template=VERSION, year=2027, blank_rate=0.2)
    xml = to_xml(report)
    assert namespace(VERSION).encode() in xml
    assert from_xml(xml) == report
    assert compiled_schema(VERSION).validate(etree.fromstring(xml))


def test_importers_read_the_new_template(next_template: TemplateSpec) -> None:
    applications = next_template.table("applications")
    words = vocabulary(applications)
    assert words is vocabulary(v2021.TEMPLATE.table("applications"))  # same labels, same words
    report = random_report(random.Random(7), template=VERSION, year=2027)
    result = read_document(render_html(report).encode("utf-8"), kind="html", warn=False)
    assert result.report.template == VERSION
    for table_id, table in report.tables.items():
        assert result.report.table(table_id).values == table.values, table_id


def test_rules_on_the_new_template(next_template: TemplateSpec) -> None:
    clean = random_report(random.Random(3), template=VERSION, year=2027)
    findings = validate(clean).findings
    assert not [f for f in findings if f.code.startswith("gi.sum.")]
    assert not [f for f in findings if f.code == "gi.template.year_mismatch"]
    broken = random_report(random.Random(3), template=VERSION, year=2027, consistent=False)
    failed = [f for f in validate(broken).findings
              if f.code.startswith("gi.sum.") and f.status.value == "failed"]
    assert failed
    assert all(f.message_zh and f.message_en for f in failed)
    old = attrs.evolve(clean, metadata=attrs.evolve(clean.metadata, year=2026))
    assert [f.code for f in validate(old).findings if f.code == "gi.template.year_mismatch"] == [
        "gi.template.year_mismatch"]


def test_harmonising_to_a_template_with_no_written_mapping_lists_every_gap(
    next_template: TemplateSpec,
) -> None:
    """No mapping from 2019 is written for the new template: the rows both share map exactly,
    every other target cell is blank and listed, never silently skipped."""
    report = random_report(random.Random(5), template="2019", year=2020)
    result = harmonise(report, to=VERSION)
    proactive = result.report.table("proactive")
    assert result.report.template == VERSION
    unfilled = {(u.cell.table, u.cell.row, u.cell.column) for u in result.unfilled}
    for row, column, value in proactive.cells():
        if row == "regulations":
            assert value is None and ("proactive", row, column) in unfilled
    assert result.report.table("review_litigation").values == report.review_litigation.values
    assert result.report.applications["granted", "total"] == report.applications["granted", "total"]
