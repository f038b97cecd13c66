"""Importer tests read many real documents whose oddities are reported as warnings too: the
tests look at the notices instead, so the warnings are not repeated in pytest's summary."""

from __future__ import annotations

import pytest

from gi_report.errors import ReportImportWarning


@pytest.fixture(autouse=True)
def _quiet_import_warnings(recwarn: pytest.WarningsRecorder) -> None:
    """Record (and so silence) the ReportImportWarnings every import emits."""
    del recwarn  # the fixture itself captures them


__all__ = ["ReportImportWarning"]
