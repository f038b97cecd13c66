"""Every output kind of ``gi_report.render`` reads back with ``read_document`` to the same tables.

Generated reports of both templates, with tables of the other template's layout (mixed), blank
cells and Decimal amounts with up to four decimals.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gi_report import read_document, render
from tests.render.helpers import differences, generated

KINDS = ("docx", "html", "markdown", "text")


@pytest.mark.parametrize("kind", KINDS)
@settings(deadline=None)
@given(seed=st.integers(min_value=0, max_value=10**6),
       template=st.sampled_from(["2021", "2019"]),
       blank_rate=st.sampled_from([0.0, 0.15, 0.5]),
       mixed=st.sampled_from([None, "proactive", "applications", "review_litigation"]))
def test_rendered_report_reads_back_to_the_same_tables(kind: str, seed: int, template: str,
                                                       blank_rate: float,
                                                       mixed: str | None) -> None:
    report = generated(seed, template, blank_rate, mixed)
    output = render(report, to=kind)
    assert isinstance(output, bytes if kind == "docx" else str)
    data = output if isinstance(output, bytes) else output.encode("utf-8")
    result = read_document(data, warn=False)
    assert result.kind == ("text" if kind == "text" else kind)
    imported = result.report
    assert imported.template == report.template
    assert imported.table_templates == report.table_templates
    assert (imported.metadata.agency, imported.metadata.year) == (
        report.metadata.agency, report.metadata.year)
    assert differences(report, imported) == {}
    assert result.undetermined_cells == ()
    assert imported.problems.text == report.problems.text
    assert imported.other_matters.processing_fee_notices_count == (
        report.other_matters.processing_fee_notices_count)


def test_mixed_reports_really_are_mixed() -> None:
    report = generated(7, "2021", 0.1, "applications")
    assert report.table_templates == {"applications": "2019"}


def test_generated_reports_hold_decimal_amounts_with_decimals() -> None:
    amounts = [v for seed in range(20)
               for _, _, v in generated(seed, "2019", 0.0).table("proactive").cells()
               if isinstance(v, Decimal)]
    assert any(v.as_tuple().exponent < 0 for v in amounts)  # type: ignore[operator]
