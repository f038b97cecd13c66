"""A validation result as an HTML table, for notebooks (``ValidationReport._repr_html_``)."""

from __future__ import annotations

from html import escape

from gi_report.validation.findings import Finding
from gi_report.validation.report import ValidationReport

_HEAD = ("severity", "code", "where", "message (zh)", "message (en)")


def _where(finding: Finding) -> str:
    """The JSON Pointer and, for a cell, its label as the printed form names it."""
    pointer = escape(finding.pointer or "(document)")
    labels = "<br>".join(escape(o.label) for o in finding.operands[:1] if o.label)
    return f"<code>{pointer}</code>" + (f"<br>{labels}" if labels else "")


def _row(finding: Finding) -> str:
    cells = (escape(finding.severity.value), f"<code>{escape(finding.code)}</code>",
             _where(finding), escape(finding.message_zh), escape(finding.message_en))
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def render_validation_html(result: ValidationReport) -> str:
    """The verdict line, why the check is partial (if it is), and one row per finding."""
    parts = [f"<p><strong>{escape(result.summary().splitlines()[0])}</strong></p>"]
    if result.partial:
        parts.append(f"<p>partial: {escape('; '.join(result.partial_reasons))}</p>")
    if result.findings:
        head = "".join(f'<th scope="col">{escape(h)}</th>' for h in _HEAD)
        rows = "".join(_row(f) for f in result.findings)
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    return "\n".join(parts)
