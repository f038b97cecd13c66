"""The compiled shortcut of R1–R6 (one expression per layout) agrees with each relation."""

from __future__ import annotations

import random

import pytest

from gi_report.form import TEMPLATES
from gi_report.synthetic import random_report
from gi_report.table import Table
from gi_report.validation.arithmetic import check_table, flat_values, plan_for
from tests.validation.corpus import report_from_expected


def _each_relation_holds(table: Table) -> bool:
    values = flat_values(table)
    plan = plan_for(table.spec)
    return all(sum(c.fetch(values)[:c.n_left]) == sum(c.fetch(values)[c.n_left:])
               for c in plan.relations)


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_shortcut_agrees_with_each_relation_on_generated_tables(template: str) -> None:
    rng = random.Random(14)
    for i in range(60):
        report = random_report(rng, template=template, consistent=i % 3 != 0)
        for table in report.tables.values():
            values = flat_values(table)
            assert plan_for(table.spec).all_hold(values) is _each_relation_holds(table)
            assert (check_table(table) == []) is _each_relation_holds(table)


def test_one_changed_cell_of_a_real_report_is_found_past_the_shortcut() -> None:
    report = report_from_expected("2022-beijing-xicheng-cgzx")
    table = report.applications
    assert check_table(table) == []
    assert plan_for(table.spec).all_hold(flat_values(table))
    plan = plan_for(table.spec)
    row, column = next(cell for cell in plan.cells if cell in plan.rules_of_cell)
    changed = table.with_cell(row, column, (table[row, column] or 0) + 1)
    assert not plan_for(changed.spec).all_hold(flat_values(changed))
    found = check_table(changed)
    assert found and all(f.code.startswith("gi.sum.") for f in found)
    assert any(f.pointer == f"/applications/{row}/{column}" or
               f"/applications/{row}/{column}" in f.pointers for f in found)
