"""Hostile inputs make importers warn about what they skipped: the tests read the notices."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest

from gi_report.errors import ReportImportWarning


@pytest.fixture(autouse=True)
def _import_warnings_are_expected() -> Iterator[None]:
    """Hostile documents make the importers warn (that is their job); the tests assert the
    notices and the errors instead."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReportImportWarning)
        yield
