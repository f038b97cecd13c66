"""Test-wide set-up: the code under test is ``src/`` (for subprocesses too), and Hypothesis runs
under a named profile instead of example counts written into each test.

Profiles (select with ``HYPOTHESIS_PROFILE``):

- ``ci`` (the default): enough examples per property to catch regressions in a suite that runs
  in under 90 s on two cores;
- ``thorough``: many more examples, for a nightly-style run
  (``HYPOTHESIS_PROFILE=thorough pytest``).

Property tests generate whole reports, so no profile has a per-example deadline.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

SRC = Path(__file__).resolve().parents[1] / "src"

settings.register_profile(
    "ci", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "thorough", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

INSTALLED = os.environ.get("GI_REPORT_TEST_INSTALLED") == "1"
"""The suite runs against the installed package (``GI_REPORT_TEST_INSTALLED=1 pytest -o
pythonpath=.``), e.g. the compiled build (docs/performance.md, "A compiled build (mypyc)")."""

# pytest puts src/ first on its own path (pyproject: pythonpath); commands the tests start in a
# subprocess (python -m gi_report, notebook kernels) must import the same code (the installed
# package when INSTALLED).
if not INSTALLED:
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(SRC), os.environ.get("PYTHONPATH")) if p
    )


def needs_source(module: ModuleType) -> None:
    """Skip the calling test where ``module`` is compiled (the mypyc build): the test patches
    names inside it, which compiled code binds when it is built. The pure-Python run (CI) runs
    every such test."""
    if not str(module.__file__).endswith(".py"):
        pytest.skip(f"patches names inside {module.__name__}, compiled in this build")


def share_of_profile(share: float) -> settings:
    """Settings for a property whose every example is costly (a whole document rendered and
    imported): that share of the profile's example count, at least one, so ``thorough`` still
    scales it up."""
    return settings(max_examples=max(1, round(settings.default.max_examples * share)))


SEARCH_BUDGET = 20_000
"""The digit splitter's per-table step budget while :func:`search_steps` counts (small: the same
bound, reached sooner)."""


class SearchSteps:
    """The steps the digit splitter took from its root budgets (a table's, or any other budget
    no larger one contains), read as ``["n"]`` after an import."""

    def __init__(self) -> None:
        self.roots: list[tuple[Any, int]] = []  # (budget, steps it started with)

    def __getitem__(self, key: str) -> int:
        assert key == "n"
        return sum(start - budget.left for budget, start in self.roots)


@pytest.fixture
def search_steps(monkeypatch: pytest.MonkeyPatch) -> SearchSteps:
    """Count the digit splitter's search steps (``["n"]``) against a per-table budget of
    :data:`SEARCH_BUDGET`: a test then checks the work stays within tables × budget. Steps are
    read off the root budgets themselves, so steps a search counts locally and charges at
    once count as well as those spent one by one."""
    from gi_report.importers import digits

    needs_source(digits)
    steps = SearchSteps()
    init = digits._Budget.__init__

    def recorded(self: digits._Budget, nodes: int, shared: digits._Budget | None = None) -> None:
        init(self, nodes, shared)
        if shared is None:
            steps.roots.append((self, nodes))

    monkeypatch.setattr(digits._Budget, "__init__", recorded)
    monkeypatch.setattr(digits, "MAX_TABLE_NODES", SEARCH_BUDGET)
    return steps
