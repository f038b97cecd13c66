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

from hypothesis import HealthCheck, settings

SRC = Path(__file__).resolve().parents[1] / "src"

settings.register_profile(
    "ci", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "thorough", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# pytest puts src/ first on its own path (pyproject: pythonpath); commands the tests start in a
# subprocess (python -m gi_report, notebook kernels) must import the same code.
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (str(SRC), os.environ.get("PYTHONPATH")) if p
)


def share_of_profile(share: float) -> settings:
    """Settings for a property whose every example is costly (a whole document rendered and
    imported): that share of the profile's example count, at least one, so ``thorough`` still
    scales it up."""
    return settings(max_examples=max(1, round(settings.default.max_examples * share)))
