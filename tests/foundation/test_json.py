"""The JSON form: lossless round trips, the published schema, and errors that list every problem."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gi_report as g
from gi_report.codec.json import schema_problems
from gi_report.form import TABLE_IDS
from tests.strategies import reports
from tools.gen.json_schema import schema_text

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "2022-beijing-xicheng-cgzx.json"
EXPECTED = sorted((ROOT / "tests" / "data" / "corpus" / "expected").glob("*.json"))
VALIDATOR = jsonschema.Draft202012Validator(
    json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8")),
    format_checker=jsonschema.FormatChecker(),
)

@given(reports())
def test_model_json_model_is_identity(report: g.Report) -> None:
    text = g.to_json(report)
    assert g.from_json(text) == report
    assert g.from_dict(g.to_dict(report)) == report
    assert g.to_json(g.from_json(text)) == text  # stable: same model, same bytes


@given(reports())
def test_every_written_document_validates_against_the_committed_schema(report: g.Report) -> None:
    document = json.loads(g.to_json(report))  # as another tool would read it: floats, not Decimal
    errors = list(VALIDATOR.iter_errors(document))
    assert errors == []


def test_committed_schema_is_current() -> None:
    committed = (ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run: python tools/generate.py"


def _walk(node: Any, path: str = "#") -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        found.append((path, node))
        for key, value in node.items():
            found += _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _walk(value, f"{path}/{index}")
    return found


def test_schema_lint_every_property_and_cell_has_a_label_and_description() -> None:
    """Every property carries its Chinese label (x-label-zh, and in front of its description);
    every named type an ASCII title equal to its name, so that code generators name it well."""
    schema = g.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    missing = []
    for path, node in _walk(schema):
        if path.endswith("/properties") or "/if" in path or "/then" in path:
            continue
        parent = path.rsplit("/", 1)[0]
        is_property = parent.endswith("/properties") and "/table_templates" not in path
        label = node.get("x-label-zh", "")
        description = node.get("description", "")
        if is_property and not (
            label and description.startswith(f"{label}: ") and len(description) > len(label) + 2
        ):
            missing.append(path)
        if is_property and "title" in node:
            missing.append(f"{path} (a title on a property makes a type name)")
    assert missing == []
    for name, definition in schema["$defs"].items():
        if name in ("count", "signed_count", "amount", "text"):
            assert "title" not in definition  # cells are inlined, each with its own description
        else:
            assert definition["title"] == name and name.isascii() and name.isidentifier()
    assert schema["title"] == "Report" and schema["x-label-zh"] == "政府信息公开工作年度报告"
    cell = schema["$defs"]["ApplicationsGrantedRow2021"]["properties"]["natural_person"]
    assert cell["x-label-zh"] == "三、本年度办理结果 › （一）予以公开 | 申请人情况 › 自然人"
    assert schema["$defs"]["count"]["minimum"] == 0
    # a signed count may be negative, within the integers JSON consumers hold exactly
    assert schema["$defs"]["signed_count"]["minimum"] == -(2**53 - 1)
    assert schema["$defs"]["count"]["maximum"] == 2**53 - 1
    assert schema["$id"].endswith(g.FORMAT_VERSION)


def test_schema_is_discriminated_by_template() -> None:
    document = g.to_dict(g.empty_report(template="2021", agency="某局", year=2022))
    assert schema_problems(document) == []
    document["template"] = "2019"
    pointers = {p.pointer for p in schema_problems(document)}
    assert "/applications/other_handling" in pointers  # a 2019 row is required
    assert "/applications/other_misc" in pointers  # a 2021 row is not allowed


def test_real_example_round_trips_byte_for_byte() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    report = g.load(EXAMPLE)
    assert report.metadata.agency == "西城区城市管理指挥中心"
    assert report.other_matters.processing_fee_notices_count == 0
    assert len(report.overview.subsections) == 7
    assert g.to_json(report) == text


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.stem)
def test_real_corpus_values_fit_the_model(path: Path) -> None:
    """Every hand-verified cell of the real corpus is a value the model and the schema accept."""
    expected = json.loads(path.read_text(encoding="utf-8"))
    report = g.empty_report(template=expected["template"], agency=expected["agency"],
                            year=expected["year"])
    for table_id in TABLE_IDS:
        table = report.table(table_id)
        for row_id, cells in expected[table_id].items():
            values = {
                c: Decimal(v) if isinstance(v, str) and c != "unit" else v
                for c, v in cells.items()
            }
            table = table.with_row(row_id, values)
        report = report.with_table(table)
    assert g.from_json(g.to_json(report)) == report
    assert all(table.values for table in report.tables.values())


def test_decimals_are_exact_and_never_floats() -> None:
    report = g.empty_report(agency="某局", year=2021)
    report = report.with_table(report.proactive.with_row(
        "administrative_fees", [Decimal("24252.311082")]))
    document = g.to_dict(report)
    assert document["proactive"]["administrative_fees"]["amount_10k_yuan"] == "24252.311082"
    trailing = report.with_table(report.proactive.with_row("administrative_fees",
                                                           [Decimal("0.350")]))
    assert '"0.350"' in g.to_json(trailing)
    assert g.from_json(g.to_json(trailing)).proactive["administrative_fees",
                                                     "amount_10k_yuan"].as_tuple() == (
        Decimal("0.350").as_tuple())
    exponent = report.with_table(report.proactive.with_row("administrative_fees",
                                                           [Decimal("1E+2")]))
    assert '"100"' in g.to_json(exponent)


def test_bad_document_lists_every_problem_with_its_pointer() -> None:
    document = g.to_dict(g.empty_report(agency="某局", year=2022))
    document["applications"]["granted"]["natural_person"] = -1
    document["applications"]["granted"]["total"] = 3.7
    document["applications"]["granted"]["other_org"] = "3"
    document["applications"]["granted"]["bogus"] = 1
    document["review_litigation"]["administrative_review"]["total"] = True
    document["proactive"]["administrative_fees"]["amount_10k_yuan"] = "1e5"
    document["metadata"]["year"] = "2022"
    document["unknown_key"] = {}
    del document["metadata"]["agency"]
    with pytest.raises(g.DocumentError) as info:
        g.from_dict(document, source="upload.json")
    problems = {p.pointer: p for p in info.value.problems}
    assert set(problems) == {
        "/applications/granted/natural_person",
        "/applications/granted/total",
        "/applications/granted/other_org",
        "/applications/granted/bogus",
        "/review_litigation/administrative_review/total",
        "/proactive/administrative_fees/amount_10k_yuan",
        "/metadata/year",
        "/metadata/agency",
        "/unknown_key",
    }
    assert "whole number >= 0" in problems["/applications/granted/natural_person"].expected
    assert problems["/applications/granted/natural_person"].got == "-1"
    assert "decimal" in problems["/proactive/administrative_fees/amount_10k_yuan"].expected
    assert "upload.json" in str(info.value)
    assert isinstance(info.value, ValueError) and isinstance(info.value, g.GIReportError)


@pytest.mark.parametrize(
    ("change", "pointer"),
    [
        (lambda d: d.pop("template"), "/template"),
        (lambda d: d.update(template="2018"), "/template"),
        (lambda d: d.update(template=2021), "/template"),
        (lambda d: d.pop("format_version"), "/format_version"),
        (lambda d: d.update(format_version="9.9"), "/format_version"),
        (lambda d: d["metadata"].update(publication_date="2023-02-30"),
         "/metadata/publication_date"),
        (lambda d: d["overview"].update(subsections={"heading": "x"}), "/overview/subsections"),
        (lambda d: d.update(table_templates={"applications": "2030"}),
         "/table_templates/applications"),
    ],
)
def test_each_kind_of_bad_value_is_located(change: Any, pointer: str) -> None:
    document = g.to_dict(g.empty_report(agency="某局", year=2022))
    change(document)
    with pytest.raises(g.DocumentError) as info:
        g.from_dict(document)
    assert pointer in {p.pointer for p in info.value.problems}


@pytest.mark.parametrize(
    "text",
    ["", "{", "[1, 2]", "null", '{"a": NaN}', "1" * 5000, "[" * 100_000, '"\\ud800"',
     b"\xff\xfe{", '{"template": Infinity}'],
)
def test_malformed_json_is_a_document_error(text: str | bytes) -> None:
    with pytest.raises(g.DocumentError) as info:
        g.from_json(text)
    assert info.value.problems


@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
))
def test_any_json_value_gives_a_document_error_never_a_crash(value: Any) -> None:
    with pytest.raises(g.DocumentError):
        g.from_dict(value)


def test_dump_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    report = g.empty_report(agency="某局", year=2022)
    target = tmp_path / "r.json"
    target.write_text("old", encoding="utf-8")

    def crash(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("gi_report.fileio.os.replace", crash)
    with pytest.raises(OSError):
        g.dump(report, target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]  # no temporary file left
    monkeypatch.undo()
    g.dump(report, target)
    assert g.load(target) == report


def test_load_refuses_a_file_over_the_size_limit_before_reading_it(tmp_path: Path) -> None:
    """The real limit, on a sparse file one byte over it (nothing is read); a file of exactly
    the limit is read, and fails as JSON instead."""
    limit = g.fileio.MAX_DOCUMENT_BYTES
    over = tmp_path / "over.json"
    with over.open("wb") as handle:
        handle.truncate(limit + 1)
    with pytest.raises(g.InputTooLargeError) as info:
        g.load(over)
    assert (info.value.what, info.value.size, info.value.limit) == (str(over), limit + 1, limit)
    assert f"{limit + 1:,} bytes is over the limit of {limit:,} bytes" in str(info.value)
    at_limit = tmp_path / "at.json"
    with at_limit.open("wb") as handle:
        handle.truncate(limit)
    with pytest.raises(g.DocumentError):
        g.load(at_limit)


def test_lone_surrogates_are_located_problems_not_crashes() -> None:
    document = g.to_dict(g.empty_report(agency="某局", year=2022))
    document["metadata"]["agency"] = "某\ud800局"
    document["preamble"] = "bad \udfff"
    document["overview"]["subsections"] = [{"heading": "（一）", "text": "x\ud800"}]
    with pytest.raises(g.DocumentError) as info:
        g.from_dict(document)
    pointers = {p.pointer for p in info.value.problems}
    assert pointers == {"/metadata/agency", "/preamble", "/overview/subsections/0/text"}
    with pytest.raises(g.CellError):
        g.empty_report(template="2019", agency="某局", year=2019).proactive.with_cell(
            "centralized_procurement", "unit", "\ud800元")
    document = g.to_dict(g.empty_report(template="2019", agency="某局", year=2019))
    document["proactive"]["centralized_procurement"]["unit"] = "\ud800元"
    with pytest.raises(g.DocumentError) as info:
        g.from_dict(document)
    assert [p.pointer for p in info.value.problems] == [
        "/proactive/centralized_procurement/unit"]


@pytest.mark.parametrize("amount", ["1.5\n", "0\n"])
def test_amounts_with_a_trailing_newline_are_refused_not_coerced(amount: str) -> None:
    document = g.to_dict(g.empty_report(agency="某局", year=2022))
    document["proactive"]["administrative_fees"]["amount_10k_yuan"] = amount
    document["other_matters"]["processing_fee_collected_amount_yuan"] = amount
    with pytest.raises(g.DocumentError) as info:
        g.from_dict(document)
    assert {p.pointer for p in info.value.problems} == {
        "/proactive/administrative_fees/amount_10k_yuan",
        "/other_matters/processing_fee_collected_amount_yuan",
    }


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*path, index))
    return found


MUTATIONS_PER_REPORT = 10
_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-3, max_value=10**20) | st.floats()
    | st.text(max_size=4) | st.sampled_from(["0.35", "1.5\n", "2021", "2019", "1.0", "-0"]),
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=4), inner,
                                                                 max_size=2),
    max_leaves=4,
)


@given(reports(), st.data())
def test_reading_without_the_schema_is_never_looser_than_the_schema(
    report: g.Report, data: st.DataObject
) -> None:
    """from_dict reads a clean document without the schema check: that path must refuse
    everything the schema refuses (mutate one place of a valid document and compare). Several
    mutations per generated report: generating the report is the expensive part."""
    from gi_report.codec.json import _read_valid

    clean = g.to_dict(report)
    paths = _paths(clean)
    for _ in range(MUTATIONS_PER_REPORT):
        document = copy.deepcopy(clean)
        path = data.draw(st.sampled_from(paths))
        action = data.draw(st.sampled_from(["replace", "delete", "add"]))
        if path:
            parent = document
            for key in path[:-1]:
                parent = parent[key]
            if action == "replace":
                parent[path[-1]] = data.draw(_json_values)
            elif action == "delete":
                del parent[path[-1]]
            elif isinstance(parent, dict):
                parent[data.draw(st.text(max_size=6))] = data.draw(_json_values)
        if _read_valid(document) is not None:
            assert schema_problems(document) == []
