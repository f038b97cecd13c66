"""``validate``'s fast paths give the findings of a plain evaluation, rule by rule.

``validate`` shares work between the rule families (the tables flattened once, the sections
left out worked out once), tries each table's compiled shortcut of R1–R6 before any blank test,
and compares the narrative's claims with the tables before building any finding. The reference
here runs each family's public checks on its own, and R1–R6 relation by relation without the
shortcut; both must give the same findings, in the same order, on generated reports, on the
same reports with cells changed or blanked, tables blanked, layouts mixed, sections left out,
and with real narrative read against tables it does not describe.
"""

from __future__ import annotations

import random
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from gi_report import Narrative, Overview, Report, Subsection, Table
from gi_report.form import TABLE_IDS, get_template
from gi_report.synthetic import random_report
from gi_report.validation import (
    arithmetic,
    completeness,
    fees,
    narrative,
    structure,
    validate,
)
from gi_report.validation.arithmetic import flat_values, plan_for
from gi_report.validation.findings import Finding
from tests.strategies import reports
from tests.validation.corpus import document_text, report_from_expected

CORPUS_REPORTS = ("2019-pingtan", "2021-pingtan", "2022-beijing-xicheng-cgzx",
                  "2023-shuyang-drc", "2025-shuyang-county", "2019-shanghai-gov-office")


def _plain_relations(table: Table, *, blank_as_zero: bool) -> list[Finding]:
    """R1–R6 of one table, every relation evaluated on its own (no compiled shortcut)."""
    values = flat_values(table)
    out: list[Finding] = []
    for compiled in plan_for(table.spec).relations:
        got = compiled.fetch(values)
        k = compiled.n_left
        if None not in got:
            if sum(got[:k]) != sum(got[k:]):
                out.append(arithmetic._failure(table, compiled, got,
                                               blank_as_zero=blank_as_zero))
            continue
        finding = arithmetic._with_blanks(table, compiled, got, blank_as_zero=blank_as_zero)
        if finding is not None:
            out.append(finding)
    return out


def reference(report: Report, *, blank_as_zero: bool = False) -> list[Finding]:
    """Every family's findings, each from its public checks with nothing shared."""
    out = (structure.check_template(report) + structure.check_sections(report)
           + structure.check_topics(report))
    absent = set(structure.missing_sections(report))
    for table_id in TABLE_IDS:
        if table_id not in absent:
            table = report.table(table_id)
            heading = report.template_spec.section(table.spec.section).heading
            out += completeness.check_table(table, heading, blank_as_zero=blank_as_zero)
    out += completeness.check_fees(report)
    for table_id in TABLE_IDS:
        table = report.table(table_id)
        if not table.is_blank:
            out += _plain_relations(table, blank_as_zero=blank_as_zero)
    out += fees.check(report, blank_as_zero=blank_as_zero)
    out += narrative.check(report, blank_as_zero=blank_as_zero)
    return out


def _assert_same(report: Report) -> None:
    for blank_as_zero in (False, True):
        expected = reference(report, blank_as_zero=blank_as_zero)
        assert list(validate(report, blank_as_zero=blank_as_zero).findings) == expected
        sums = [f for f in expected if f.code.startswith("gi.sum.")]
        assert list(validate(report, blank_as_zero=blank_as_zero,
                             select=("gi.sum",)).findings) == sums


def _mutated(report: Report, rng: random.Random, how: str) -> Report:
    """``report`` with one kind of change a real collection holds."""
    table = report.table(rng.choice(TABLE_IDS))
    cells = [(r, c, v) for r, c, v in table.cells() if isinstance(v, int)]
    if how in ("cell", "blank_cell") and cells:
        row, column, value = rng.choice(cells)
        changed = value + rng.randint(1, 9) if how == "cell" else None
        return report.with_table(table.with_cell(row, column, changed))
    if how == "blank_table":
        return report.with_table(Table.blank(table.spec))
    if how == "other_layout":
        other = get_template("2019" if report.template == "2021" else "2021")
        return report.with_table(Table.blank(other.table("proactive")))
    if how == "no_overview":
        return attrs.evolve(report, overview=Overview())
    return report


@given(seed=st.integers(min_value=0, max_value=2**32 - 1),
       template=st.sampled_from(["2019", "2021"]),
       consistent=st.booleans(),
       blank_rate=st.sampled_from([0.0, 0.0, 0.02, 0.3, 1.0]),
       how=st.sampled_from(["none", "cell", "blank_cell", "blank_table", "other_layout",
                            "no_overview"]))
def test_generated_and_mutated_reports_get_the_plain_findings(
    seed: int, template: str, consistent: bool, blank_rate: float, how: str
) -> None:
    rng = random.Random(seed)
    report = random_report(rng, template=template, consistent=consistent,
                           blank_rate=blank_rate)
    _assert_same(_mutated(report, rng, how))


@given(report=reports())
def test_arbitrary_reports_get_the_plain_findings(report: Any) -> None:
    _assert_same(report)


def test_real_reports_and_their_narrative_against_other_tables_get_the_plain_findings() -> None:
    rng = random.Random(15)
    for name in CORPUS_REPORTS:
        text = document_text(name)
        overview = Overview(subsections=(Subsection(heading="（一）", text=text),))
        real = report_from_expected(name, overview=overview,
                                    problems=Narrative(text=text[:500]))
        _assert_same(real)
        generated = random_report(rng, template=real.template)
        _assert_same(attrs.evolve(generated, overview=overview))
        for how in ("cell", "blank_cell", "blank_table"):
            _assert_same(_mutated(real, rng, how))
