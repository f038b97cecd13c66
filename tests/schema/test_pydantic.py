"""pydantic v2 models generated from the published schema by datamodel-code-generator, as a
Python consumer would make them, accept and refuse exactly what ``gi_report.from_dict`` does on
generated, real and mutated documents, but for the two rules datamodel-code-generator does not
carry over (docs/json.md): which layout a table must have given ``template`` and
``table_templates`` (``dependentSchemas``), and that ``table_templates``, when given, names at
least one table (``minProperties``)."""

from __future__ import annotations

import copy
import importlib.util
import json
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
]
"""How docs/json.md tells pydantic users to generate the models."""


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


def only_the_dropped_rules_fail(document: Any) -> bool:
    return bool(STRICT_INTEGERS.evolve(schema=_without_the_rules_codegen_drops()).is_valid(
        document))


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
            assert not reader and only_the_dropped_rules_fail(document), document
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


def test_a_count_written_26_0_is_refused(models: ModuleType) -> None:
    document = g.to_dict(g.empty_report(agency="某局", year=2022))
    text = json.dumps(document).replace('"total": null', '"total": 26.0', 1)
    with pytest.raises(pydantic.ValidationError):
        models.Report.model_validate_json(text, strict=True)
    assert not accepted_by_reader(json.loads(text))
