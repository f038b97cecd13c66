"""Property tests run under a named Hypothesis profile (tests/conftest.py), chosen by the
``HYPOTHESIS_PROFILE`` environment variable; no test writes its own example count."""

from __future__ import annotations

import os
import re
from pathlib import Path

from hypothesis import settings

TESTS = Path(__file__).resolve().parents[1]


def test_the_profile_in_use_is_the_one_the_environment_names() -> None:
    name = os.environ.get("HYPOTHESIS_PROFILE", "ci")
    assert settings.default.max_examples == settings.get_profile(name).max_examples
    ci, thorough = settings.get_profile("ci"), settings.get_profile("thorough")
    assert ci.max_examples < thorough.max_examples
    assert ci.deadline is None and thorough.deadline is None


def test_no_test_sets_its_own_example_count() -> None:
    written = [f"{path.relative_to(TESTS)}:{number}"
               for path in sorted(TESTS.rglob("*.py")) if path.name != "conftest.py"
               for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
               if re.search(r"max_examples\s*=(?!=)", line) and "re.search" not in line]
    assert written == []
