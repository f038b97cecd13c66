"""Properties: consistent reports pass, any changed cell of 三/四 is caught, no input crashes."""

from __future__ import annotations

import io
import json
import random
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from gi_report import to_dict
from gi_report.synthetic import random_report
from gi_report.validation import (
    Severity,
    Status,
    ValidationReport,
    validate,
    validate_document,
)
from tests.strategies import reports

seeds = st.integers(min_value=0, max_value=2**32 - 1)
templates = st.sampled_from(["2019", "2021"])


@given(seed=seeds, template=templates)
def test_a_generated_consistent_report_has_no_error(seed: int, template: str) -> None:
    report = random_report(random.Random(seed), template=template, consistent=True)
    result = validate(report)
    assert result.errors == ()
    assert result.valid


@given(seed=seeds, template=templates, table_id=st.sampled_from(["applications",
                                                                 "review_litigation"]),
       pick=st.integers(min_value=0), delta=st.integers(min_value=1, max_value=10**6),
       down=st.booleans())
def test_changing_any_one_cell_of_sections_three_or_four_is_an_error_there(
    seed: int, template: str, table_id: str, pick: int, delta: int, down: bool
) -> None:
    report = random_report(random.Random(seed), template=template, consistent=True)
    table = report.table(table_id)
    cells = list(table.cells())
    row, column, value = cells[pick % len(cells)]
    assert isinstance(value, int)
    new = value - delta if down and value - delta >= 0 else value + delta
    changed = report.with_table(table.with_cell(row, column, new))
    pointer = f"/{table_id}/{row}/{column}"
    errors = validate(changed).errors
    assert errors
    assert any(pointer in f.pointers for f in errors)
    assert all(f.status is Status.FAILED for f in errors)


@given(report=reports())
def test_any_valid_report_validates_without_raising(report: Any) -> None:
    result = validate(report)
    json.dumps(result.to_dict(), ensure_ascii=False)
    assert result.counts["error"] == len(result.errors)
    direct = validate_document(to_dict(report))
    assert direct.findings == result.findings


# --- arbitrary JSON ------------------------------------------------------------------------------

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**400), max_value=10**400)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.decimals(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
)
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=12) | st.integers(), children, max_size=4),
    max_leaves=25,
)


@st.composite
def report_like(draw: st.DrawFn) -> Any:
    """A real-shaped document with one part replaced by an arbitrary JSON value."""
    report = random_report(random.Random(draw(seeds)), template=draw(templates),
                           blank_rate=draw(st.sampled_from([0.0, 0.2])))
    document: Any = to_dict(report)
    node = document
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        if not isinstance(node, dict) or not node:
            break
        key = draw(st.sampled_from(sorted(node)))
        if isinstance(node[key], dict) and node[key] and draw(st.booleans()):
            node = node[key]
            continue
        node[key] = draw(json_values)
        break
    return document


def _check(result: ValidationReport) -> None:
    assert isinstance(result, ValidationReport)
    text = json.dumps(result.to_dict(), ensure_ascii=False)
    assert json.loads(text)["valid"] == result.valid
    assert all(isinstance(f.severity, Severity) for f in result.findings)
    result.summary()
    result.flatten()


@given(value=json_values | report_like())
def test_validate_document_never_raises_on_any_value(value: Any) -> None:
    _check(validate_document(value))


@given(value=report_like())
def test_validate_document_never_raises_on_any_json_text(value: Any) -> None:
    try:
        text = json.dumps(value, default=str)
    except (ValueError, TypeError):
        return
    _check(validate_document(text.encode("utf-8")))
    _check(validate_document(io.StringIO(text)))


def test_special_values_inside_a_real_shaped_document() -> None:
    document = to_dict(random_report(random.Random(7)))
    document["applications"]["granted"]["total"] = Decimal("NaN")
    document["proactive"]["administrative_fees"]["amount_10k_yuan"] = float("-inf")
    result = validate_document(document)
    _check(result)
    assert {f.pointer for f in result.findings if f.code == "gi.schema.not_json"} == {
        "/applications/granted/total", "/proactive/administrative_fees/amount_10k_yuan"
    }
