"""The rule catalogue: every rule the validators apply, gathered from the rule families.

``docs/rules.md`` is generated from it by ``tools/generate.py``.
"""

from __future__ import annotations

from gi_report.validation import (
    arithmetic,
    completeness,
    document,
    fees,
    narrative,
    series,
    structure,
)
from gi_report.validation.rulespec import RuleSpec

RULES: tuple[RuleSpec, ...] = (
    *document.RULES,
    *structure.RULES,
    *completeness.RULES,
    *arithmetic.RULES,
    *fees.RULES,
    *narrative.RULES,
    *series.RULES,
)
"""Every rule, in the order the validators report them."""

_BY_CODE = {spec.code: spec for spec in RULES}
if len(_BY_CODE) != len(RULES):  # pragma: no cover - a programming error
    raise RuntimeError("two rules share a code")


def rule(code: str) -> RuleSpec:
    """The catalogue entry of a finding code (``KeyError`` for an unknown code)."""
    return _BY_CODE[code]
