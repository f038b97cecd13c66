"""The model: construction, blank vs 0, derived values, local checks."""

from __future__ import annotations

import datetime
from decimal import Decimal

import attrs
import pytest

import gi_report as g
from gi_report.errors import CellError, UnknownTemplateError


def test_empty_report_is_all_blank() -> None:
    report = g.empty_report(template="2021", agency="某局", year=2023)
    for table in report.tables.values():
        assert table.is_blank
        assert all(v is None for _, _, v in table.cells())
    assert report.applications.spec.cell_count == 175
    assert report.table_templates == {}


def test_row_from_seven_numbers_and_derived_values() -> None:
    report = g.empty_report(agency="某局", year=2022)
    table = report.applications.with_row("granted", [7, 0, 0, 0, 1, 0, 8])
    table = table.with_row("partially_granted", [6, 0, 0, 0, 0, 0, 6])
    report = report.with_table(table)
    assert report.applications["granted", "legal_service_org"] == 1
    assert report.applicant_sum("granted") == 8
    # other outcome rows are blank: the outcome sum is unknown, not a wrong number
    assert report.outcome_sum("natural_person") is None
    assert report.outcome_sum("natural_person", blank_as_zero=True) == 13
    assert report.subtotal("denied", blank_as_zero=True) == 0
    assert report.subtotal("denied") is None


def test_subtotal_of_a_group() -> None:
    report = g.empty_report(agency="某局", year=2022)
    rows = ["denied_state_secret", "denied_prohibited_by_law", "denied_security_stability",
            "denied_third_party_rights", "denied_internal_affairs", "denied_process_information",
            "denied_enforcement_case_file", "denied_administrative_inquiry"]
    table = report.applications
    for i, row in enumerate(rows):
        table = table.with_row(row, {"total": i})
    assert table.subtotal("denied", "total") == sum(range(8))
    with pytest.raises(KeyError):
        table.subtotal("no_such_group", "total")


def test_blank_is_not_zero() -> None:
    report = g.empty_report(agency="某局", year=2022)
    zero = report.with_table(report.applications.with_cell("granted", "total", 0))
    assert zero != report
    assert zero.applications["granted", "total"] == 0
    assert report.applications["granted", "total"] is None


@pytest.mark.parametrize("bad", [-1, 1.0, True, "3", Decimal(3)])
def test_count_cells_reject_non_counts(bad: object) -> None:
    report = g.empty_report(agency="某局", year=2022)
    with pytest.raises(CellError) as info:
        report.applications.with_cell("granted", "total", bad)  # type: ignore[arg-type]
    assert info.value.pointer == "/applications/granted/total"


def test_amount_and_signed_cells() -> None:
    r19 = g.empty_report(template="2019", agency="某局", year=2019)
    t = r19.proactive.with_row("administrative_fees", [35, -2])
    assert t["administrative_fees", "change_this_year"] == -2
    t = t.with_row("centralized_procurement", [135, Decimal("75394432.52"), "元"])
    assert t["centralized_procurement", "total_amount"] == Decimal("75394432.52")
    with pytest.raises(CellError):
        t.with_cell("centralized_procurement", "total_amount", Decimal("-1"))
    with pytest.raises(CellError):
        t.with_cell("centralized_procurement", "total_amount", 1.5)  # type: ignore[arg-type]
    with pytest.raises(CellError):
        t.with_cell("regulations", "made_this_year", -1)


def test_wrong_row_length_and_unknown_cells() -> None:
    table = g.empty_report(agency="某局", year=2022).applications
    with pytest.raises(CellError, match="7 values"):
        table.with_row("granted", [1, 2, 3])
    with pytest.raises(KeyError):
        table.cell("granted", "no_such_column")
    with pytest.raises(KeyError):
        table.cell("other_handling", "total")  # a 2019 row


def test_from_mapping_requires_every_cell() -> None:
    spec = g.get_template("2021").table("review_litigation")
    full = {r.id: {c: 0 for c in r.columns} for r in spec.rows}
    assert g.Table.from_mapping(spec, full).to_mapping() == full
    del full["litigation_direct"]["pending"]
    with pytest.raises(CellError, match="/review_litigation/litigation_direct/pending"):
        g.Table.from_mapping(spec, full)


def test_metadata_checks() -> None:
    with pytest.raises(ValueError):
        g.Metadata(agency="某局", year=1990)
    with pytest.raises(ValueError):
        g.Metadata(agency="某局", year=2022, division_code="11010")
    with pytest.raises(ValueError):
        g.Metadata(agency="某局", year=2022, agency_level="city")
    meta = g.Metadata(agency="某局", year=2022, division_code="110102",
                      publication_date=datetime.date(2023, 1, 31))
    assert meta.division_code == "110102"
    with pytest.raises(ValueError, match="surrogate"):
        g.Narrative(text="bad \ud800 text")


def test_unknown_template() -> None:
    with pytest.raises(UnknownTemplateError):
        g.empty_report(template="2030", agency="某局", year=2030)


def test_evolve_and_mixed_layout() -> None:
    report = g.empty_report(template="2021", agency="某局", year=2023)
    mixed = report.with_table(g.Table.blank(g.get_template("2019").table("applications")))
    assert mixed.table_templates == {"applications": "2019"}
    renamed = attrs.evolve(report, metadata=attrs.evolve(report.metadata, agency="另一局"))
    assert renamed.metadata.agency == "另一局" and report.metadata.agency == "某局"
    with pytest.raises(TypeError):
        attrs.evolve(report, applications=report.proactive)
