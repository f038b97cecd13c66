"""The published JSON Schema is exactly as strict as the reader: a document is schema-valid if
and only if ``gi_report.from_dict`` accepts it, on generated, real and mutated documents.

The validator is the stock ``jsonschema`` Draft 2020-12 one with a single documented rule added:
an integer is a JSON integer (``26``), never a number written with a fraction (``26.0``), which
JSON Schema's data model counts as an integer but the reader refuses (docs/json.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gi_report as g
from tests.schema.mutations import (
    MUTATIONS_PER_DOCUMENT,
    UNEXPLAINED,
    accepted_by_reader,
    as_parsed,
    clean_documents,
    mutated,
)

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
STOCK = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
_integer_is_json_integer = jsonschema.Draft202012Validator.TYPE_CHECKER.redefine(
    "integer", lambda _checker, instance: type(instance) is int)
STRICT_INTEGERS: Any = jsonschema.validators.extend(
    jsonschema.Draft202012Validator, type_checker=_integer_is_json_integer,
)(SCHEMA, format_checker=jsonschema.FormatChecker())


def schema_valid(document: Any) -> bool:
    return STRICT_INTEGERS.is_valid(document)  # type: ignore[no-any-return]


@UNEXPLAINED
@given(clean_documents(), st.data())
def test_schema_valid_if_and_only_if_the_reader_accepts(
    clean: dict[str, Any], data: st.DataObject
) -> None:
    assert schema_valid(clean) and accepted_by_reader(clean)
    for _ in range(MUTATIONS_PER_DOCUMENT):
        document = as_parsed(data.draw(mutated(clean)))
        assert schema_valid(document) == accepted_by_reader(document), document


def _empty(template: str = "2021") -> dict[str, Any]:
    return g.to_dict(g.empty_report(template=template, agency="某局", year=2022))


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("other_matters", "processing_fee_notices_count"), -5),
        (("applications", "granted", "total"), -1),
        (("applications", "granted", "total"), True),
        (("applications", "granted", "total"), "3"),
        (("proactive", "administrative_fees", "amount_10k_yuan"), "1.5\n"),
        (("proactive", "administrative_fees", "amount_10k_yuan"), 1.5),
        (("proactive", "administrative_fees", "amount_10k_yuan"), "1e5"),
        (("other_matters", "processing_fee_collected_amount_yuan"), "-1"),
        (("metadata", "division_code"), "110102\n"),
    ],
)
def test_values_the_old_schema_let_through_are_refused_by_the_stock_validator(
    where: tuple[str, ...], value: Any
) -> None:
    document = _empty()
    parent = document
    for key in where[:-1]:
        parent = parent[key]
    parent[where[-1]] = value
    assert not STOCK.is_valid(document)
    assert not accepted_by_reader(document)


def test_a_count_written_26_0_is_the_one_documented_difference() -> None:
    """JSON Schema's data model makes 26.0 an integer: the stock validator accepts it; the
    reader, the package's own validator and strict pydantic refuse it (docs/json.md)."""
    text = json.dumps(_empty()).replace('"total": null', '"total": 26.0', 1)
    document = json.loads(text)
    assert STOCK.is_valid(document)
    assert not schema_valid(document)
    assert not accepted_by_reader(document)
    with pytest.raises(g.DocumentError) as info:
        g.from_json(text)
    assert info.value.problems[0].pointer.endswith("/total")


def test_the_layout_must_be_the_templates_or_the_one_table_templates_names() -> None:
    document = _empty("2021")
    document["applications"] = _empty("2019")["applications"]
    assert not schema_valid(document) and not accepted_by_reader(document)
    document["table_templates"] = {"applications": "2019"}
    assert schema_valid(document) and accepted_by_reader(document)
    document["table_templates"] = {"applications": "2021"}
    assert not schema_valid(document) and not accepted_by_reader(document)
    document = _empty("2019")
    document["review_litigation"] = _empty("2021")["review_litigation"]  # one layout for both
    assert schema_valid(document) and accepted_by_reader(document)


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_a_bad_cell_is_reported_at_its_place_in_either_layout(template: str) -> None:
    """A table that fits none of its layouts is reported against the layout the document
    names (the oneOf's branch of that layout), cell by cell."""
    document = _empty(template)
    document["applications"]["granted"]["total"] = -1
    document["proactive"]["administrative_fees"]["amount_10k_yuan" if template == "2021"
                                                 else "change_this_year"] = "x"
    with pytest.raises(g.DocumentError) as info:
        g.from_dict(document)
    column = "amount_10k_yuan" if template == "2021" else "change_this_year"
    assert [p.pointer for p in info.value.problems] == [
        "/applications/granted/total", f"/proactive/administrative_fees/{column}"]
