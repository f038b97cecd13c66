"""``validate(report)`` and ``validate_series(reports)``: run the rule families, collect findings.

The families run in a fixed order — template and sections, completeness, arithmetic, fees, text —
so findings come out in a stable order. ``select`` limits the run to some rule codes (by prefix);
families whose codes are not selected do not run at all.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Iterable, Mapping

import attrs

from gi_report.findings import Location
from gi_report.form import TABLE_IDS
from gi_report.model import Report
from gi_report.table import Table
from gi_report.validation import arithmetic, completeness, fees, narrative, series, structure
from gi_report.validation.findings import Finding
from gi_report.validation.report import ValidationReport
from gi_report.validation.rulespec import RuleSpec

MAX_FINDINGS = 10_000
"""Default cap on the findings kept per report; beyond it the report says it is partial."""

TABLE_RULES: tuple[str, ...] = ("gi.sum", "gi.completeness.blank", "gi.table")
"""Code prefixes of the rules that only read the fixed tables (``select=TABLE_RULES``)."""


@attrs.frozen
class _Family:
    name: str
    rules: tuple[RuleSpec, ...]
    run: Callable[[Report, bool], list[Finding]]


def _structure(report: Report, blank_as_zero: bool) -> list[Finding]:
    return (
        structure.check_template(report)
        + structure.check_sections(report)
        + structure.check_topics(report)
    )


def _completeness(report: Report, blank_as_zero: bool) -> list[Finding]:
    absent = set(structure.missing_sections(report))
    out: list[Finding] = []
    for table_id in TABLE_IDS:
        if table_id in absent:
            continue  # gi.section.missing says it once
        table = report.table(table_id)
        heading = report.template_spec.section(table.spec.section).heading
        out += completeness.check_table(table, heading, blank_as_zero=blank_as_zero)
    return out + completeness.check_fees(report)


def _arithmetic(report: Report, blank_as_zero: bool) -> list[Finding]:
    return check_tables(report.tables, blank_as_zero=blank_as_zero, skip_blank=True)


FAMILIES: tuple[_Family, ...] = (
    _Family("structure", structure.RULES, _structure),
    _Family("completeness", completeness.RULES, _completeness),
    _Family("arithmetic", arithmetic.RULES, _arithmetic),
    _Family("fees", fees.RULES, lambda r, z: fees.check(r, blank_as_zero=z)),
    _Family("narrative", narrative.RULES, lambda r, z: narrative.check(r, blank_as_zero=z)),
)


def check_tables(
    tables: Mapping[str, Table], *, blank_as_zero: bool = False, skip_blank: bool = True
) -> list[Finding]:
    """Arithmetic findings for some fixed tables (an entirely blank table is skipped)."""
    out: list[Finding] = []
    for table in tables.values():
        if skip_blank and table.is_blank:
            continue
        out += arithmetic.check_table(table, blank_as_zero=blank_as_zero)
    return out


def _selected(code: str, select: Collection[str] | None) -> bool:
    return select is None or any(code.startswith(prefix) for prefix in select)


@functools.lru_cache(maxsize=64)
def _allowed(index: int, select: frozenset[str]) -> frozenset[str]:
    """The codes of ``FAMILIES[index]`` that ``select`` picks (computed once per selection)."""
    return frozenset(r.code for r in FAMILIES[index].rules if _selected(r.code, select))


def _locate(findings: list[Finding], locations: Mapping[str, Location] | None) -> list[Finding]:
    if not locations:
        return findings
    out = []
    for finding in findings:
        where = next((locations[p] for p in (finding.pointer, *finding.pointers)
                      if p in locations), None)
        out.append(attrs.evolve(finding, source=where) if where is not None else finding)
    return out


def build_report(
    findings: list[Finding],
    *,
    max_findings: int = MAX_FINDINGS,
    partial_reasons: Iterable[str] = (),
    **fields: object,
) -> ValidationReport:
    """A :class:`ValidationReport`, keeping at most ``max_findings`` findings (then partial)."""
    reasons = list(partial_reasons)
    if len(findings) > max_findings:
        reasons.append(
            f"{len(findings) - max_findings} more findings not listed (max_findings="
            f"{max_findings})"
        )
        findings = findings[:max_findings]
    return ValidationReport(
        findings=tuple(findings),
        partial=bool(reasons),
        partial_reasons=tuple(reasons),
        **fields,  # type: ignore[arg-type]
    )


def subject_of(report: Report) -> str:
    """How a report is named in summaries: ``agency year``."""
    return f"{report.metadata.agency} {report.metadata.year}"


def validate(
    report: Report,
    *,
    blank_as_zero: bool = False,
    select: Collection[str] | None = None,
    locations: Mapping[str, Location] | None = None,
    max_findings: int = MAX_FINDINGS,
    source: str | None = None,
) -> ValidationReport:
    """Check one report against every rule of the form; never changes the report.

    ``blank_as_zero``: count blank cells as 0 (blanks are then reported as info). ``select``:
    only rules whose code starts with one of these prefixes (e.g. ``("gi.sum",)``).
    ``locations``: JSON Pointer → where the value is in the source document (from an importer),
    copied into the findings' ``source``.
    """
    if not isinstance(report, Report):
        raise TypeError(
            f"validate() takes a gi_report.Report, got {type(report).__name__}; use "
            "validate_document() for a dict, JSON or XML text, or a file"
        )
    findings: list[Finding] = []
    for index, family in enumerate(FAMILIES):
        if select is None:
            findings += family.run(report, blank_as_zero)
            continue
        allowed = _allowed(index, frozenset(select))
        if not allowed:
            continue
        found = family.run(report, blank_as_zero)
        if len(allowed) < len(family.rules):
            found = [f for f in found if f.code in allowed]
        findings += found
    return build_report(
        _locate(findings, locations),
        max_findings=max_findings,
        template=report.template,
        table_templates=tuple(report.table_templates.items()),
        blank_as_zero=blank_as_zero,
        subject=subject_of(report),
        source=source or report.metadata.source,
    )


def validate_series(
    reports: Iterable[Report],
    *,
    blank_as_zero: bool = False,
    max_findings: int = MAX_FINDINGS,
) -> ValidationReport:
    """Cross-year checks (R8, R13, R14) over reports of one agency, in any order.

    Only the rules between consecutive years run here; validate each report with
    :func:`validate` for the rest.
    """
    items = list(reports)
    for report in items:
        if not isinstance(report, Report):
            raise TypeError(
                f"validate_series() takes gi_report.Report objects, got {type(report).__name__}"
            )
    findings = series.check(items, blank_as_zero=blank_as_zero)
    agencies = sorted({r.metadata.agency for r in items})
    years = sorted({r.metadata.year for r in items})
    subject = None
    if items:
        span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
        subject = f"{'、'.join(agencies)} {span}"
    templates = sorted({r.template for r in items})
    return build_report(
        findings,
        max_findings=max_findings,
        template=templates[0] if len(templates) == 1 else None,
        blank_as_zero=blank_as_zero,
        subject=subject,
    )
