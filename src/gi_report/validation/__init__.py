"""Validators: every rule of the form (勾稽关系, completeness, text against tables, cross-year).

``validate(report)`` checks a :class:`~gi_report.model.Report`; ``validate_document(data)`` checks a
raw document (dict, JSON or XML text, path) against the JSON Schema first; ``validate_series``
checks consecutive years of one agency. Each returns a :class:`ValidationReport` of
:class:`Finding` objects. The rule catalogue is :data:`RULES` (``docs/rules.md``).
"""

from __future__ import annotations

from gi_report.validation.catalogue import RULES, rule
from gi_report.validation.document import validate_document
from gi_report.validation.engine import TABLE_RULES, validate, validate_series
from gi_report.validation.findings import Finding, Operand, Severity, Status
from gi_report.validation.report import ValidationReport
from gi_report.validation.rulespec import RuleSpec

__all__ = [
    "RULES",
    "TABLE_RULES",
    "Finding",
    "Operand",
    "RuleSpec",
    "Severity",
    "Status",
    "ValidationReport",
    "rule",
    "validate",
    "validate_document",
    "validate_series",
]
