"""Synthetic reports: consistent by the form's relations, for every template."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from gi_report import validate
from gi_report.form import TEMPLATES
from gi_report.synthetic import random_report

SYNTHETIC = Path(__file__).resolve().parents[2] / "src" / "gi_report" / "synthetic.py"
_APPLICANTS = ("natural_person", "commercial_enterprise", "research_institution",
               "social_welfare_org", "legal_service_org", "other_org")


def _n(value: object) -> int:
    assert type(value) is int and value >= 0, value
    return value


@pytest.mark.parametrize("template", sorted(TEMPLATES))
@pytest.mark.parametrize("seed", range(25))
def test_consistent_reports_hold_the_form_arithmetic(template: str, seed: int) -> None:
    report = random_report(random.Random(seed), template=template)
    apps = report.applications
    outcome_rows = [r.id for r in apps.spec.rows if r.group is not None and r.id != "results_total"]
    for column in (*_APPLICANTS, "total"):  # R1 and R3, written out here by hand
        assert (_n(apps["new_this_year", column]) + _n(apps["carried_from_last_year", column])
                == _n(apps["results_total", column]) + _n(apps["carried_to_next_year", column]))
        assert apps["results_total", column] == sum(_n(apps[r, column]) for r in outcome_rows)
    for row in apps.spec.rows:  # R2
        assert apps[row.id, "total"] == sum(_n(apps[row.id, c]) for c in _APPLICANTS)
    for values in report.review_litigation.to_mapping().values():  # R4–R6
        parts = ("upheld", "corrected", "other", "pending")
        assert values["total"] == sum(_n(values[c]) for c in parts)
    assert not [f for f in validate(report).findings if f.code.startswith("gi.sum.")]


@pytest.mark.parametrize("template", sorted(TEMPLATES))
def test_inconsistent_reports_fail_a_relation(template: str) -> None:
    for seed in range(25):
        report = random_report(random.Random(seed), template=template, consistent=False)
        failed = [f for f in validate(report).findings
                  if f.code.startswith("gi.sum.") and f.status.value == "failed"]
        assert failed, seed


def test_reports_are_deterministic_for_a_seed() -> None:
    assert random_report(random.Random(4)) == random_report(random.Random(4))
    assert random_report(random.Random(4)).template == TEMPLATES.newest.version


def test_the_generator_does_not_write_the_relations_again() -> None:
    """No row or column id of a relation in synthetic.py: it solves the form's declarations."""
    source = SYNTHETIC.read_text(encoding="utf-8")
    for name in ("new_this_year", "results_total", "carried_to_next_year", "natural_person",
                 "upheld", "pending", "total"):
        assert f'"{name}"' not in source and f"'{name}'" not in source
