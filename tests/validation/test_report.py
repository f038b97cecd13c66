"""ValidationReport: verdict, counts, JSON, text summary, flat rows, source locations."""

from __future__ import annotations

import json

import pytest

from gi_report.importers.blocks import Location
from gi_report.validation import Severity, validate
from tests.validation.corpus import report_from_expected


@pytest.fixture(scope="module")
def shanghai():  # type: ignore[no-untyped-def]
    return validate(report_from_expected("2019-shanghai-gov-office"), blank_as_zero=True)


def test_counts_and_verdict(shanghai) -> None:  # type: ignore[no-untyped-def]
    counts = shanghai.counts
    assert sum(counts.values()) == len(shanghai.findings) == len(shanghai)
    assert counts["error"] == len(shanghai.errors) > 0
    assert not shanghai.valid and not shanghai.ok
    by_code = shanghai.counts_by_code
    assert sum(by_code.values()) == len(shanghai)
    assert by_code["gi.completeness.blank"] == 135
    assert shanghai.at_least("warning") == tuple(
        f for f in shanghai.findings if f.severity is not Severity.INFO)
    assert shanghai.by_code("gi.sum") == tuple(f for f in shanghai if f.code.startswith("gi.sum."))


def test_to_dict_is_json_with_the_versions_used(shanghai) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(shanghai.to_json())
    assert data["template"] == "2019"
    assert data["format_version"] == "1.0"
    assert data["schema_id"].startswith("urn:gi-report:schema:report:")
    assert data["blank_as_zero"] is True and data["valid"] is False
    assert data["counts"] == shanghai.counts
    r3 = next(f for f in data["findings"] if f["code"] == "gi.sum.R3")
    assert r3["pointer"] == "/applications/results_total/total"
    assert r3["stated"] == 805 and r3["computed"] == 0
    assert len(r3["operands"]) == 20 and r3["operands"][0] == {
        "pointer": "/applications/results_total/total", "value": 805, "weight": 1,
        "label": "（七）总计·总计"}


def test_summary_groups_by_code_with_first_locations(shanghai) -> None:  # type: ignore[no-untyped-def]
    text = shanghai.summary()
    lines = text.splitlines()
    assert lines[0].startswith("上海市人民政府办公厅 2019 — template 2019, format 1.0: NOT VALID")
    blank = next(line for line in lines if "gi.completeness.blank" in line)
    assert " 135 " in blank and "… (+132)" in blank
    assert text.index(" error ") < text.index(" info ")  # most severe first
    assert "gi.sum.R3" in shanghai.summary(lang="en")


def test_flatten_gives_rows_for_a_dataframe(shanghai) -> None:  # type: ignore[no-untyped-def]
    import pandas  # the pandas extra is a test dependency

    frame = pandas.DataFrame(shanghai.flatten())
    assert len(frame) == len(shanghai)
    assert {"code", "severity", "pointer", "stated", "computed", "message_zh"} <= set(frame)
    assert (frame["subject"] == "上海市人民政府办公厅 2019").all()
    assert frame.groupby("severity").size().to_dict() == {
        k: v for k, v in shanghai.counts.items() if v}


def test_importer_locations_are_copied_into_the_findings() -> None:
    report = report_from_expected("2019-shanghai-gov-office")
    where = Location(file="2019-shanghai-gov-office.html", line=141, table=1, row=3, column=6)
    result = validate(report, locations={"/applications/granted/total": where},
                      select=("gi.completeness",))
    located = [f for f in result.findings if f.source is not None]
    assert [f.pointer for f in located] == ["/applications/granted/total"]
    assert located[0].to_dict()["source"] == {
        "file": "2019-shanghai-gov-office.html", "line": 141, "table": 1, "row": 3, "column": 6}


def test_max_findings_makes_the_report_partial() -> None:
    result = validate(report_from_expected("2019-shanghai-gov-office"), max_findings=10)
    assert len(result) == 10 and result.partial
    assert "more findings not listed" in result.partial_reasons[0]


def test_validate_takes_only_reports() -> None:
    with pytest.raises(TypeError, match="validate_document"):
        validate({"template": "2021"})  # type: ignore[arg-type]
