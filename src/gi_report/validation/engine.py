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
from gi_report.table import CellValue, Table
from gi_report.validation import arithmetic, completeness, fees, narrative, series, structure
from gi_report.validation.arithmetic import flat_values
from gi_report.validation.findings import Finding
from gi_report.validation.report import ValidationReport
from gi_report.validation.rulespec import RuleSpec

MAX_FINDINGS = 10_000
"""Default cap on the findings kept per report; beyond it the report says it is partial."""

TABLE_RULES: tuple[str, ...] = ("gi.sum", "gi.completeness.blank", "gi.table")
"""Code prefixes of the rules that only read the fixed tables (``select=TABLE_RULES``)."""


@attrs.define
class _Run:
    """One ``validate`` call: the report and what several families read, worked out once
    (the tables' flattened values, the sections left out, the layouts of the tables)."""

    report: Report
    blank_as_zero: bool
    values: dict[str, tuple[CellValue, ...]] = attrs.field(init=False)
    _blanks: dict[str, int] = attrs.field(init=False, factory=dict)
    _missing: list[str] | None = attrs.field(init=False, default=None)
    _layouts: dict[str, str] | None = attrs.field(init=False, default=None)

    def __attrs_post_init__(self) -> None:
        report = self.report
        self.values = {t: flat_values(getattr(report, t)) for t in TABLE_IDS}

    def blanks(self, table_id: str) -> int:
        """How many cells of the table are blank (counted once: ``None in values`` compares
        every cell with None, slow for ints)."""
        count = self._blanks.get(table_id)
        if count is None:
            values = self.values[table_id]
            try:  # every cell a number, the common case: summed in C, far faster than count()
                sum(values)  # type: ignore[arg-type]
                count = 0
            except (TypeError, ArithmeticError):  # a blank (or text) cell
                count = values.count(None)
            self._blanks[table_id] = count
        return count

    def blank(self, table_id: str) -> bool:
        """Whether every cell of the table is blank (``Table.is_blank``)."""
        return self.blanks(table_id) == len(self.values[table_id])

    @property
    def missing(self) -> list[str]:
        """The sections the report leaves out (``structure.missing_sections``)."""
        if self._missing is None:
            self._missing = structure.missing_sections(self.report)
        return self._missing

    @property
    def layouts(self) -> dict[str, str]:
        """The report's ``table_templates`` (none when every table has the template's own
        layout, the common case, tested without building the mapping)."""
        if self._layouts is None:
            report = self.report
            template = report.template_spec
            same = all(template.table(t) is getattr(report, t).spec for t in TABLE_IDS)
            self._layouts = {} if same else report.table_templates
        return self._layouts


@attrs.frozen
class _Family:
    name: str
    rules: tuple[RuleSpec, ...]
    run: Callable[[_Run], list[Finding]]


def _structure(run: _Run) -> list[Finding]:
    report = run.report
    return (
        structure.check_template(report, run.layouts)
        + structure.check_sections(report, run.missing)
        + structure.check_topics(report, run.missing)
    )


def _completeness(run: _Run) -> list[Finding]:
    report = run.report
    absent = run.missing
    template = report.template_spec
    out: list[Finding] = []
    for table_id, values in run.values.items():
        if not run.blanks(table_id) or table_id in absent:
            continue  # all filled; or gi.section.missing says it once
        table = report.table(table_id)
        heading = template.section(table.spec.section).heading
        out += completeness.check_table(table, heading, blank_as_zero=run.blank_as_zero,
                                        values=values)
    return out + completeness.check_fees(report)


def _arithmetic(run: _Run) -> list[Finding]:
    """R1–R6 on each table that is not entirely blank. A table whose relations all hold is
    done in one call (it cannot be blank: its relations' cells are stated); a blank cell in a
    relation makes the shortcut raise ``TypeError`` and the table is checked in full."""
    report = run.report
    out: list[Finding] = []
    for table_id, values in run.values.items():
        table = getattr(report, table_id)
        try:
            if arithmetic.plan_for(table.spec).all_hold(values):
                continue
        except TypeError:
            if run.blank(table_id):
                continue
        out += arithmetic.check_table(table, blank_as_zero=run.blank_as_zero, values=values)
    return out


FAMILIES: tuple[_Family, ...] = (
    _Family("structure", structure.RULES, _structure),
    _Family("completeness", completeness.RULES, _completeness),
    _Family("arithmetic", arithmetic.RULES, _arithmetic),
    _Family("fees", fees.RULES, lambda r: fees.check(r.report, blank_as_zero=r.blank_as_zero)),
    _Family("narrative", narrative.RULES,
            lambda r: narrative.check(r.report, blank_as_zero=r.blank_as_zero)),
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


@functools.lru_cache(maxsize=64)
def _selection(select: frozenset[str]) -> tuple[tuple[_Family, frozenset[str] | None], ...]:
    """The families ``select`` runs, each with the codes to keep (``None``: all of its codes);
    worked out once per selection."""
    out = []
    for index, family in enumerate(FAMILIES):
        allowed = _allowed(index, select)
        if allowed:
            out.append((family, allowed if len(allowed) < len(family.rules) else None))
    return tuple(out)


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
    run = _Run(report, blank_as_zero)
    findings: list[Finding] = []
    if select is None:
        for family in FAMILIES:
            findings += family.run(run)
    else:
        for family, allowed in _selection(frozenset(select)):
            found = family.run(run)
            findings += found if allowed is None else [f for f in found if f.code in allowed]
    return build_report(
        _locate(findings, locations),
        max_findings=max_findings,
        template=report.template,
        table_templates=tuple(run.layouts.items()),
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
