"""Reading a document whose oddities are expected to be reported as warnings too.

Real reports have oddities; an importer reports each as a notice and, for the warning- and
error-level ones, as a :class:`~gi_report.errors.ReportImportWarning`. Tests that read such a
document use :func:`read_warned`, which checks the warnings instead of hiding them: exactly one
per warning- or error-level notice, carrying that notice, in order.
"""

from __future__ import annotations

import warnings
from typing import Any

from gi_report import read_document
from gi_report.errors import ReportImportWarning
from gi_report.importers.result import ImportResult, Level


def read_warned(source: Any, **options: Any) -> ImportResult:
    """``read_document(source, **options)``, asserting its warnings are its notices'."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = read_document(source, **options)
    others = [w for w in caught if not isinstance(w.message, ReportImportWarning)]
    for other in others:  # not ours to judge here: pass them on
        warnings.warn_explicit(other.message, other.category, other.filename, other.lineno)
    emitted = [w.message.notice for w in caught if isinstance(w.message, ReportImportWarning)]
    assert emitted == [n for n in result.notices if n.level is not Level.INFO]
    return result
