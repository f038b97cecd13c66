"""One vocabulary for import notices and validation findings (gi_report.findings)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import gi_report
from gi_report import (
    Finding,
    GIReportError,
    Level,
    Location,
    Notice,
    Remark,
    Severity,
    Status,
    UnknownSeverityError,
    read_document,
    validate,
)
from gi_report.importers import blocks
from gi_report.importers.result import notice
from gi_report.validation import findings as validation_findings

SRC = Path(gi_report.__file__).resolve().parent
CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def test_severity_is_a_string_enum_shared_by_notices_and_findings() -> None:
    assert Severity.ERROR == "error" and Severity.WARNING == "warning"
    assert Level is Severity and validation_findings.Severity is Severity
    assert [s.rank for s in (Severity.INFO, Severity.WARNING, Severity.ERROR)] == [0, 1, 2]
    assert {"error": 1}[Severity.ERROR] == 1  # a str key and the member are one key
    assert Status.NOT_EVALUABLE == "not_evaluable" and Status("failed") is Status.FAILED


def test_unknown_severity_is_a_typed_error_naming_the_choices() -> None:
    with pytest.raises(UnknownSeverityError) as caught:
        Severity.parse("fatal")
    assert isinstance(caught.value, GIReportError) and isinstance(caught.value, ValueError)
    assert "'fatal'" in str(caught.value) and "error, warning, info" in str(caught.value)


def test_location_has_one_home() -> None:
    assert blocks.Location is Location and validation_findings.Location is Location
    where = Location(file="a.html", line=3, table=0)
    assert str(where) == "a.html: line 3, table 0"
    assert where.to_dict() == {"file": "a.html", "line": 3, "table": 0}


def test_notice_keeps_its_level_word() -> None:
    n = notice("row.missing", "没有这一行")
    assert isinstance(n, Remark) and n.severity is Severity.ERROR and n.level is Severity.ERROR
    built = Notice(code="label.fuzzy", level=Level.WARNING, message="m")
    assert built.severity == "warning" and built.at_least("warning")
    assert not built.at_least(Severity.ERROR)
    assert built.to_dict()["severity"] == built.to_dict()["level"] == "warning"


def test_notices_and_findings_ranked_together_on_a_real_report() -> None:
    """One import of a real report: its notices and findings filter with the same calls."""
    result = read_document(CORPUS / "2022-beijing-xicheng-cgzx.txt", warn=False)
    report = validate(result.report, locations=result.locations)
    remarks: list[Remark] = [*result.notices, *report.findings]
    assert result.notices and all(isinstance(n, Notice) for n in result.notices)
    assert all(isinstance(f, Finding) for f in report.findings)
    for floor in Severity:
        assert [r for r in remarks if r.at_least(floor)] == [
            *result.at_least(floor), *report.at_least(floor)]


def test_validation_does_not_import_the_importers() -> None:
    """The one-way flow: validators read reports, not the importers' internals."""
    offenders = []
    for path in (SRC / "validation").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "gi_report.importers"
            ):
                offenders.append(f"{path.name}: {node.module}")
    assert offenders == []


def test_the_cli_has_one_table_of_severity_names() -> None:
    from gi_report.cli import _common, check, importing

    assert importing.LEVEL_NAMES is _common.SEVERITY_NAMES
    assert set(_common.SEVERITY_NAMES) == set(Severity)
    assert not hasattr(check, "SEVERITY_NAMES") or check.SEVERITY_NAMES is _common.SEVERITY_NAMES
