"""The result of validating one report (or a series): findings, counts, and ways to read them.

A :class:`ValidationReport` is what a program and a person both read: ``valid`` for a yes/no,
``counts`` by severity and by code, ``to_dict()`` for JSON, ``summary()`` for a person (grouped
by code with counts and the first locations), ``flatten()`` for a dataframe.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import attrs

from gi_report.schema import FORMAT_VERSION, SCHEMA_ID
from gi_report.table import html_of
from gi_report.validation.findings import Finding, Severity, Status


def _findings(value: Any) -> tuple[Finding, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class ValidationReport:
    """Every finding about one document, with what was checked against what.

    ``partial`` is true whenever some rules could not run (a document whose structure is broken,
    or more findings than ``max_findings``); ``partial_reasons`` says why. ``readable`` is false
    when the input could not be read as a document at all (a missing file, malformed JSON).
    """

    findings: tuple[Finding, ...] = attrs.field(converter=_findings)
    template: str | None = None  #: the template version the report follows, if known
    table_templates: tuple[tuple[str, str], ...] = ()  #: tables with another layout's version
    format_version: str = FORMAT_VERSION  #: the document format version the checks assume
    schema_id: str = SCHEMA_ID  #: the JSON Schema the document was checked against
    blank_as_zero: bool = False  #: whether blank cells were counted as 0
    partial: bool = False
    partial_reasons: tuple[str, ...] = ()
    readable: bool = True
    subject: str | None = None  #: ``agency year`` when known
    source: str | None = None  #: the file or name the document came from

    # --- verdicts and counts ------------------------------------------------------------------

    @property
    def valid(self) -> bool:
        """No finding of severity ``error`` (and the document could be read)."""
        return self.readable and not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def ok(self) -> bool:
        """Same as :attr:`valid`."""
        return self.valid

    @property
    def counts(self) -> dict[str, int]:
        """Findings by severity: ``{"error": n, "warning": n, "info": n}``."""
        counter = Counter(f.severity.value for f in self.findings)
        return {s.value: counter.get(s.value, 0) for s in Severity}

    @property
    def counts_by_code(self) -> dict[str, int]:
        """Findings by code, in order of first appearance."""
        counter: dict[str, int] = {}
        for finding in self.findings:
            counter[finding.code] = counter.get(finding.code, 0) + 1
        return counter

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity ``error``."""
        return self.at_least(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity ``warning``."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    def at_least(self, severity: Severity | str) -> tuple[Finding, ...]:
        """The findings at or above ``severity`` (what ``--fail-on`` counts)."""
        level = Severity.parse(severity) if isinstance(severity, str) else severity
        return tuple(f for f in self.findings if f.severity.rank >= level.rank)

    def by_code(self, code: str) -> tuple[Finding, ...]:
        """The findings whose code is ``code`` or starts with ``code.``."""
        return tuple(f for f in self.findings if f.code == code or f.code.startswith(code + "."))

    def __iter__(self) -> Any:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    # --- serialisations ---------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "source": self.source,
            "subject": self.subject,
            "valid": self.valid,
            "readable": self.readable,
            "template": self.template,
            "table_templates": dict(self.table_templates),
            "format_version": self.format_version,
            "schema_id": self.schema_id,
            "blank_as_zero": self.blank_as_zero,
            "partial": self.partial,
            "partial_reasons": list(self.partial_reasons),
            "counts": self.counts,
            "counts_by_code": self.counts_by_code,
            "findings": [f.to_dict() for f in self.findings],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON text (Chinese kept as is)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def flatten(self) -> list[dict[str, Any]]:
        """One flat row per finding (``pandas.DataFrame(report.flatten())``)."""
        rows = []
        for finding in self.findings:
            row = finding.flat()
            row["source"] = self.source if row["source"] is None else row["source"]
            row["subject"] = row["subject"] or self.subject
            rows.append(row)
        return rows

    def summary(self, *, lang: str = "zh", first: int = 3) -> str:
        """A text summary: the verdict, then each code with its count and first locations."""
        lines = [self._verdict_line()]
        if self.partial:
            lines.append("  partial: " + "; ".join(self.partial_reasons))
        groups: dict[str, list[Finding]] = {}
        for finding in self.findings:
            groups.setdefault(finding.code, []).append(finding)
        order = sorted(groups, key=lambda code: -max(f.severity.rank for f in groups[code]))
        for code in order:
            lines += _code_lines(code, groups[code], lang=lang, first=first)
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        """The verdict and the findings as an HTML table, for notebooks."""
        return html_of(self)

    def _verdict_line(self) -> str:
        """The summary's first line: subject, template, format, verdict and counts."""
        counts = self.counts
        name = self.subject or self.source or "report"
        verdict = "valid" if self.valid else "NOT VALID"
        layout = f"template {self.template}" if self.template else "template unknown"
        return (f"{name} — {layout}, format {self.format_version}: {verdict}: "
                f"{counts['error']} error(s), {counts['warning']} warning(s), "
                f"{counts['info']} info")


def _code_lines(code: str, found: list[Finding], *, lang: str, first: int) -> list[str]:
    """The summary's two lines for one code: severity, count, first locations; an example."""
    failed = sum(1 for f in found if f.status is Status.FAILED)
    severity = max((f.severity for f in found), key=lambda s: s.rank).value
    status = "" if failed == len(found) else f" ({len(found) - failed} not evaluable)"
    where = ", ".join(f.pointer or "(document)" for f in found[:first])
    more = f", … (+{len(found) - first})" if len(found) > first else ""
    example = found[0].message_en if lang == "en" else found[0].message_zh
    return [f"  {severity:<7} {code:<28} {len(found):>4}{status}  {where}{more}",
            f"          {example}"]
