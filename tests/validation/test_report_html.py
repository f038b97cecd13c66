"""ValidationReport._repr_html_: a notebook shows the verdict and one table row per finding."""

from __future__ import annotations

import re

import gi_report
from tests.corpus import CORPUS


def test_a_real_reports_findings_are_one_row_each_with_pointer_and_both_messages() -> None:
    report = gi_report.read_document(CORPUS / "2019-pingtan.txt", warn=False).report
    result = gi_report.validate(report)
    html = result._repr_html_()
    assert result.findings  # the 2019 Pingtan report has warnings: the table is not empty
    body = html.split("<tbody>", 1)[1]
    assert body.count("<tr>") == len(result.findings)
    first = result.findings[0]
    assert f"<code>{first.pointer}</code>" in body
    assert first.code in body and first.message_en.split("“")[0].strip() in body
    assert html.startswith("<p><strong>") and result.summary().splitlines()[0] in html


def test_no_finding_means_no_table_and_markup_in_messages_is_escaped() -> None:
    clean = gi_report.ValidationReport(findings=(), subject="<b>x</b> 2023")
    html = clean._repr_html_()
    assert "<table>" not in html and "valid" in html
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert not re.search(r"<script", html)
