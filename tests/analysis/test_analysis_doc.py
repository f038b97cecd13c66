"""docs/analysis.md runs as written: its examples of blank cells in pandas (on the real reports
bundled with gi-report) print what the page says, checked with doctest."""

from __future__ import annotations

import doctest
from pathlib import Path

PAGE = Path(__file__).resolve().parents[2] / "docs" / "analysis.md"


def test_blank_cells_in_pandas_examples() -> None:
    """Each ``>>>`` example of the page prints what the page says it prints."""
    result = doctest.testfile(
        str(PAGE), module_relative=False, encoding="utf-8",
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert result.attempted >= 15
    assert result.failed == 0
