"""docs/computing-totals.md runs as written: every example's output is checked with doctest."""

from __future__ import annotations

import doctest
from pathlib import Path

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "computing-totals.md"


def test_computing_totals_guide() -> None:
    """Each ``>>>`` example of the guide prints what the guide says it prints."""
    result = doctest.testfile(
        str(GUIDE), module_relative=False, encoding="utf-8",
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert result.attempted > 20
    assert result.failed == 0
