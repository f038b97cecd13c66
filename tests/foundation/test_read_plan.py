"""The fast reading of a clean JSON document (``gi_report.codec.plan``) agrees with the
straightforward reference path: the JSON Schema, then cattrs and ``Table.from_mapping``.

On generated and real documents, and on the same documents with one place changed, both accept
or both refuse; when both accept, they give the same report; when they refuse, ``from_dict``
reports the reference's problems at the reference's pointers. And a table's cells checked in a
few calls per table (``gi_report.table``) agree with the cell-by-cell check."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gi_report as g
from gi_report.codec.json import _structure, parse_json, schema_problems, value_problems
from gi_report.codec.plan import read_clean
from gi_report.errors import MAX_PROBLEMS, CellError, DocumentError, Problem
from gi_report.form import TEMPLATES
from gi_report.numbers import MAX_SAFE_INTEGER, MAX_TEXT_CHARS
from gi_report.table import Table, _layout, value_fits
from tests.schema.mutations import (
    MUTATIONS_PER_DOCUMENT,
    UNEXPLAINED,
    as_parsed,
    clean_documents,
    mutated,
)


def reference(document: Any) -> g.Report:
    """The reference reading: every value the JSON Schema's way, then cattrs and the model."""
    problems = value_problems(document) or schema_problems(document, limit=MAX_PROBLEMS)
    if problems:
        raise DocumentError(problems)
    return _structure(document, source=None)


def _outcome(read: Any, document: Any) -> tuple[str, Any]:
    try:
        return "accepted", read(document)
    except DocumentError as error:
        return "refused", [p.pointer for p in error.problems]


def _agree(document: Any) -> None:
    expected = _outcome(reference, document)
    fast = read_clean(document)
    if expected[0] == "accepted":
        assert fast == expected[1], document
    else:
        assert fast is None, (document, expected)
    assert _outcome(g.from_dict, document) == expected, document


@UNEXPLAINED
@given(clean_documents(), st.data())
def test_the_plan_and_the_reference_agree(clean: dict[str, Any], data: st.DataObject) -> None:
    _agree(clean)
    _agree(parse_json(json.dumps(clean, ensure_ascii=False)))  # amounts as Decimal too
    for _ in range(MUTATIONS_PER_DOCUMENT):
        _agree(as_parsed(data.draw(mutated(clean))))


def _empty(template: str = "2021") -> dict[str, Any]:
    return g.to_dict(g.empty_report(template=template, agency="某局", year=2022))


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("applications", "granted", "total"), True),
        (("applications", "granted", "total"), 3.0),
        (("applications", "granted", "total"), Decimal("3")),
        (("applications", "granted", "total"), MAX_SAFE_INTEGER + 1),
        (("applications", "granted", "total"), -1),
        (("applications", "granted", "total"), ""),
        (("proactive", "administrative_fees", "amount_10k_yuan"), "1.5\n"),
        (("proactive", "administrative_fees", "amount_10k_yuan"), Decimal("1.5")),
        (("proactive", "regulations", "made_this_year"), 0.0),
        (("metadata", "agency"), "某\ud800局"),
        (("metadata", "agency"), "x" * (MAX_TEXT_CHARS + 1)),
        (("metadata", "year"), 2022.0),
        (("metadata", "publication_date"), "2023-02-30"),
        (("metadata", "publication_date"), "2023-2-3"),
        (("overview", "subsections"), ({"heading": "a", "text": "b"},)),
        (("other_matters", "processing_fee_collected_amount_yuan"), "-1"),
        (("other_matters", "processing_fee_notices_count"), False),
        (("table_sections", "proactive"), None),
        (("preamble",), 5),
        (("format_version",), 1.0),
        (("table_templates",), {}),
    ],
)
def test_values_readers_have_disagreed_on(where: tuple[str, ...], value: Any) -> None:
    document = _empty()
    parent = document
    for key in where[:-1]:
        parent = parent[key]
    parent[where[-1]] = value
    _agree(document)
    assert read_clean(document) is None


CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


@pytest.mark.parametrize("name", ["2023-shuyang-drc.html", "2022-beijing-xicheng-cgzx.txt",
                                  "2019-pingtan.txt"])
def test_real_reports_are_read_the_fast_way(name: str) -> None:
    report = g.read_document(CORPUS / name, warn=False).report
    document = parse_json(g.to_json(report))
    assert read_clean(document) == report == reference(document)
    _agree(document)


_TRICKY: list[Any] = [None, 0, 1, -1, 7, MAX_SAFE_INTEGER, MAX_SAFE_INTEGER + 1,
                      -MAX_SAFE_INTEGER, -MAX_SAFE_INTEGER - 1, True, False, 0.0, 1.5, "", "3",
                      "\ud800", Decimal("0"), Decimal("1.5"), Decimal("-1"), Decimal("NaN"), []]


@st.composite
def _table_values(draw: st.DrawFn) -> tuple[Any, tuple[tuple[Any, ...], ...]]:
    template = draw(st.sampled_from(list(TEMPLATES)))
    spec = draw(st.sampled_from(TEMPLATES[template].tables))
    rows = tuple(
        tuple(draw(st.sampled_from(_TRICKY)) if draw(st.integers(0, 9)) == 0 else
              (None if draw(st.booleans()) else _fitting(spec.column(c).kind))
              for c in row.columns)
        for row in spec.rows
    )
    return spec, rows


def _fitting(kind: Any) -> Any:
    return {"count": 3, "signed_count": -2, "amount": Decimal("0.5"), "text": "文"}[kind.value]


@given(_table_values())
def test_the_table_check_in_a_few_calls_agrees_with_the_cell_by_cell_check(
    drawn: tuple[Any, tuple[tuple[Any, ...], ...]]
) -> None:
    spec, values = drawn
    by_cell = all(
        value_fits(spec.column(c).kind, v)
        for row, row_values in zip(spec.rows, values, strict=True)
        for c, v in zip(row.columns, row_values, strict=True)
    )
    assert _layout(spec).fits(values) == by_cell
    if by_cell:
        assert Table(spec=spec, values=values).values == values
    else:
        with pytest.raises(CellError):
            Table(spec=spec, values=values)


def test_a_table_of_the_wrong_shape_is_refused_cell_by_cell() -> None:
    spec = TEMPLATES["2021"].table("review_litigation")
    good = Table.blank(spec).values
    for bad in (list(good), good[:-1], (*good[:-1], list(good[-1])), (*good[:-1], good[-1][:-1])):
        assert not _layout(spec).fits(bad)
        with pytest.raises(CellError):
            Table(spec=spec, values=bad)  # type: ignore[arg-type]


def test_problems_are_the_references() -> None:
    document = _empty()
    document["applications"]["granted"]["total"] = -1
    document["metadata"]["agency"] = "某\ud800局"
    with pytest.raises(DocumentError) as fast:
        g.from_dict(document)
    with pytest.raises(DocumentError) as slow:
        reference(document)
    assert fast.value.problems == slow.value.problems
    assert all(isinstance(p, Problem) for p in fast.value.problems)
