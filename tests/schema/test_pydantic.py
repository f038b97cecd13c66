"""pydantic v2 models generated from the published schema by datamodel-code-generator, as a
Python consumer would make them, accept and refuse exactly what ``gi_report.from_dict`` does on
generated, real and mutated documents, but for the two rules datamodel-code-generator does not
carry over (docs/json.md): which layout a table must have given ``template`` and
``table_templates`` (``dependentSchemas``), and that ``table_templates``, when given, names at
least one table (``minProperties``)."""

from __future__ import annotations

import copy
import datetime
import importlib.util
import json
import re
import subprocess
import sys
from types import ModuleType
from typing import Any

import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gi_report as g
from tests.schema.mutations import (
    MUTATIONS_PER_DOCUMENT,
    ROOT,
    UNEXPLAINED,
    accepted_by_reader,
    as_parsed,
    clean_documents,
    mutated,
)
from tests.schema.test_schema_equivalence import SCHEMA, STRICT_INTEGERS, schema_valid
from tools.gen.json_schema import row_def_name, table_def_name

CODEGEN_OPTIONS = [
    "--input-file-type", "jsonschema",
    "--output-model-type", "pydantic_v2.BaseModel",
    "--target-python-version", "3.11",
    "--strict-types", "str", "int", "bool",
    "--use-annotated", "--field-constraints", "--use-standard-collections",
    "--use-union-operator", "--formatters", "builtin", "--disable-timestamp",
    "--use-missing-sentinel", "--target-pydantic-version", "2.14",
]
"""How docs/json.md tells pydantic users to generate the models. ``--use-missing-sentinel``:
without it a member the schema makes optional but not nullable (``overview``,
``table_templates``) is typed ``X | None = None``, so pydantic accepts it written ``null``, which
the schema and the reader refuse."""


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    out = tmp_path_factory.mktemp("pydantic") / "gi_report_models.py"
    subprocess.run(
        [sys.executable, "-m", "datamodel_code_generator", "--input",
         str(ROOT / "schemas" / "report.schema.json"), "--output", str(out), *CODEGEN_OPTIONS],
        check=True, capture_output=True,
    )
    spec = importlib.util.spec_from_file_location("gi_report_models", out)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gi_report_models"] = module
    spec.loader.exec_module(module)
    return module


def accepted_by_pydantic(models: ModuleType, document: Any) -> bool:
    """As a pydantic user reads a file: the JSON text, in strict mode."""
    try:
        models.Report.model_validate_json(json.dumps(document, ensure_ascii=False), strict=True)
    except pydantic.ValidationError:
        return False
    return True


def _without_the_rules_codegen_drops() -> dict[str, Any]:
    schema = copy.deepcopy(SCHEMA)
    del schema["dependentSchemas"]
    del schema["properties"]["table_templates"]["minProperties"]
    return schema


_WITHOUT_THE_DROPPED_RULES = STRICT_INTEGERS.evolve(schema=_without_the_rules_codegen_drops())
"""Built once: a copy of the schema and a validator per call made shrinking slow."""


def only_the_dropped_rules_fail(document: Any) -> bool:
    return bool(_WITHOUT_THE_DROPPED_RULES.is_valid(document))


_TIMESTAMP = re.compile(r"-?[0-9]+")


def with_the_timestamp_date_read(document: Any) -> Any | None:
    """The document with a publication date written as a Unix timestamp (``"0"``) replaced by
    the date strict pydantic reads from it; None if its publication date is no such text."""
    metadata = document.get("metadata") if isinstance(document, dict) else None
    value = metadata.get("publication_date") if isinstance(metadata, dict) else None
    if not isinstance(value, str) or not _TIMESTAMP.fullmatch(value):
        return None
    try:
        read = pydantic.TypeAdapter(datetime.date).validate_json(json.dumps(value), strict=True)
    except pydantic.ValidationError:
        return None
    fixed = copy.deepcopy(document)
    fixed["metadata"]["publication_date"] = read.isoformat()
    return fixed


def only_the_documented_gaps_differ(document: Any) -> bool:
    """Whether the schema without the two rules the generator drops accepts the document, once
    a publication date written as a timestamp is written as the date pydantic reads."""
    if only_the_dropped_rules_fail(document):
        return True
    fixed = with_the_timestamp_date_read(document)
    return fixed is not None and only_the_dropped_rules_fail(fixed)


def test_every_row_and_column_is_a_typed_field(models: ModuleType) -> None:
    for template in g.TEMPLATES.values():
        for table in template.tables:
            assert list(getattr(models, table_def_name(template, table)).model_fields) == [
                r.id for r in table.rows]
            for row in table.rows:
                model = getattr(models, row_def_name(template, table, row))
                assert list(model.model_fields) == list(row.columns)
    granted = models.ApplicationsGrantedRow2021
    assert granted.model_fields["total"].is_required()
    with pytest.raises(pydantic.ValidationError):
        granted.model_validate_json(json.dumps({c: 0 for c in granted.model_fields} | {
            "total": -1}), strict=True)


@UNEXPLAINED
@given(clean_documents(), st.data())
def test_pydantic_accepts_exactly_what_the_reader_accepts(
    models: ModuleType, clean: dict[str, Any], data: st.DataObject
) -> None:
    assert accepted_by_pydantic(models, clean)
    for _ in range(MUTATIONS_PER_DOCUMENT):
        document = as_parsed(data.draw(mutated(clean)))
        reader = accepted_by_reader(document)
        if accepted_by_pydantic(models, document) != reader:
            # the documented gaps only: everything else the schema says, pydantic enforces
            assert not reader and only_the_documented_gaps_differ(document), document
            assert not schema_valid(document)


def test_the_dropped_rules_are_the_documented_gaps(models: ModuleType) -> None:
    document = g.to_dict(g.empty_report(template="2021", agency="某局", year=2022))
    document["template"] = "2019"
    assert accepted_by_pydantic(models, document)
    assert not accepted_by_reader(document) and not schema_valid(document)
    document = g.to_dict(g.empty_report(template="2021", agency="某局", year=2022))
    document["table_templates"] = {}
    assert accepted_by_pydantic(models, document)
    assert not accepted_by_reader(document) and not schema_valid(document)


OPTIONAL_NOT_NULLABLE = [
    ("table_templates",), ("table_templates", "applications"), ("overview",),
    ("overview", "subsections"), ("table_sections",), ("table_sections", "proactive"),
    ("table_sections", "applications"), ("table_sections", "review_litigation"), ("problems",),
    ("other_matters",),
]
"""The members the schema lets a document leave out but not write ``null``."""


def _mixed_report_of_2007() -> dict[str, Any]:
    """A 2019 report on 2007 whose applications table follows the 2021 layout."""
    document = g.to_dict(g.empty_report(template="2019", agency="某局", year=2007))
    document["applications"] = g.to_dict(g.empty_report(
        template="2021", agency="某局", year=2007))["applications"]
    document["table_templates"] = {"applications": "2021"}
    return document


@pytest.mark.parametrize("where", OPTIONAL_NOT_NULLABLE, ids="/".join)
def test_an_optional_member_written_null_is_refused(models: ModuleType,
                                                    where: tuple[str, ...]) -> None:
    """Regression: the property test (``--hypothesis-seed=160927113122526528225735146905826786544``)
    found ``"table_templates": null`` in this report accepted by models generated without
    ``--use-missing-sentinel`` (``TableTemplates | None = None``) and refused by the reader."""
    document = _mixed_report_of_2007()
    assert accepted_by_pydantic(models, document) and accepted_by_reader(document)
    parent = document
    for key in where[:-1]:
        parent = parent[key]
    parent[where[-1]] = None
    assert not accepted_by_pydantic(models, document)
    assert not accepted_by_reader(document) and not schema_valid(document)
    if where[0] != "table_templates":  # left out, the member is fine (the layout rule aside)
        del parent[where[-1]]
        assert accepted_by_pydantic(models, document) and accepted_by_reader(document)


@pytest.mark.parametrize("written", ["0", "-0", "00", "86400", "-86400"])
def test_a_publication_date_written_as_a_timestamp_is_the_documented_gap(
    models: ModuleType, written: str
) -> None:
    """pydantic's ``date`` reads a text of digits as a Unix timestamp when it falls on midnight;
    the generator drops the schema's ``pattern`` on a ``date`` (it warns), so only pydantic
    accepts these (docs/json.md)."""
    document = g.to_dict(g.empty_report(template="2021", agency="某局", year=2022))
    document["metadata"]["publication_date"] = written
    assert accepted_by_pydantic(models, document)
    assert not accepted_by_reader(document) and not schema_valid(document)
    assert only_the_documented_gaps_differ(document)
    document["metadata"]["publication_date"] = "1"  # not midnight: pydantic refuses it too
    assert not accepted_by_pydantic(models, document)
    assert not only_the_documented_gaps_differ(document)


def test_a_count_written_26_0_is_refused(models: ModuleType) -> None:
    document = g.to_dict(g.empty_report(agency="某局", year=2022))
    text = json.dumps(document).replace('"total": null', '"total": 26.0', 1)
    with pytest.raises(pydantic.ValidationError):
        models.Report.model_validate_json(text, strict=True)
    assert not accepted_by_reader(json.loads(text))
